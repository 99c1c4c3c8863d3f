// leopard-cli plan [--max-images N] WxH [WxH ...]: the Leopard crop plan for images of these
// pixel sizes, as JSON on stdout. Needs no model: it is the same planner the viewer draws.
//
// Exit codes (commands.h): a malformed value (a size like `12x`, `0x5`, `-3x4`, or a bad N) is
// BadInput; a malformed command line (no sizes, unknown option, --max-images without a value) is
// Usage. Either way stderr names the offending argument.
#include "app/cli/commands.h"
#include "inference/plan_json.h"
#include "inference/planner.h"

#include <QRegularExpression>

#include <cstdio>
#include <optional>
#include <vector>

namespace leopard::cli {

namespace {

// Far above the reference's 50, low enough that the grid search (n log n per image) and the
// canvas sides (N * 364 pixels) stay small and inside int.
constexpr int kMaxImagesCeiling = 100000;

const char kUsage[] = "usage: leopard-cli plan [--max-images N] WxH [WxH ...]\n"
                      "  e.g. leopard-cli plan 1224x1584 1920x1080\n";

int usageError(const char *what, const QString &argument)
{
    std::fprintf(stderr, "leopard-cli plan: %s '%s'\n%s", what, qPrintable(argument), kUsage);
    return Usage;
}

int badInput(const QString &argument, const char *why)
{
    std::fprintf(stderr, "leopard-cli plan: bad argument '%s': %s\n", qPrintable(argument), why);
    return BadInput;
}

// A positive int written in plain decimal digits, or nothing.
std::optional<int> positiveInt(const QString &digits)
{
    bool ok = false;
    const int value = digits.toInt(&ok, 10);
    if (!ok || value <= 0)
        return std::nullopt;
    return value;
}

bool looksLikeSize(const QString &argument)
{
    static const QRegularExpression shape(QStringLiteral("^[-+]?\\d*[xX][-+]?\\d*$"));
    return shape.match(argument).hasMatch();
}

// "WxH" with both sides positive integers; the error names the argument and says what is wrong.
std::optional<PixelSize> parseSize(const QString &argument, const char **why)
{
    static const QRegularExpression exact(QStringLiteral("^(\\d+)[xX](\\d+)$"));
    const QRegularExpressionMatch match = exact.match(argument);
    if (!match.hasMatch()) {
        *why = argument.contains(QLatin1Char('-')) ? "width and height must be positive"
                                                   : "expected WxH with two positive integers, e.g. 1224x1584";
        return std::nullopt;
    }
    const std::optional<int> width = positiveInt(match.captured(1));
    const std::optional<int> height = positiveInt(match.captured(2));
    if (!width || !height) {
        *why = "width and height must be positive integers below 2^31";
        return std::nullopt;
    }
    return PixelSize{*width, *height};
}

} // namespace

int runPlan(const QStringList &args)
{
    PlanOptions options;
    std::vector<PixelSize> sizes;
    for (int i = 0; i < args.size(); ++i) {
        const QString &argument = args.at(i);
        if (argument == QLatin1String("--max-images") || argument.startsWith(QLatin1String("--max-images="))) {
            QString value;
            if (argument.contains(QLatin1Char('='))) {
                value = argument.section(QLatin1Char('='), 1);
            } else if (i + 1 < args.size()) {
                value = args.at(++i);
            } else {
                return usageError("missing value after", argument);
            }
            const std::optional<int> n = positiveInt(value);
            if (!n || *n > kMaxImagesCeiling)
                return badInput(QStringLiteral("--max-images ") + value, "N must be a whole number from 1 to 100000");
            options.maxImages = *n;
        } else if (argument == QLatin1String("-h") || argument == QLatin1String("--help")) {
            std::fputs(kUsage, stdout);
            return Ok;
        } else if (argument.startsWith(QLatin1Char('-')) && !looksLikeSize(argument)) {
            return usageError("unknown option", argument);
        } else {
            const char *why = "";
            const std::optional<PixelSize> size = parseSize(argument, &why);
            if (!size)
                return badInput(argument, why);
            sizes.push_back(*size);
        }
    }
    if (sizes.empty()) {
        std::fprintf(stderr, "leopard-cli plan: no image sizes given\n%s", kUsage);
        return Usage;
    }
    const std::string json = planToJson(planCrops(sizes, options));
    std::fwrite(json.data(), 1, json.size(), stdout);
    return Ok;
}

} // namespace leopard::cli
