// leopard-cli tokenize: the Llama 3 tokenizer as a filter over JSON lines, one request per line.
//   encode: a JSON string per line -> a JSON array of ids (added/special tokens written in the text
//           are recognised; no BOS unless --add-special-tokens)
//   decode: a JSON array of ids per line -> a JSON string (--skip-special-tokens drops special ids)
// The first bad line stops the run with its line number on stderr and exit code 1.
#include "app/cli/commands.h"
#include "inference/tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

namespace leopard::cli {

namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: leopard-cli tokenize --tokenizer DIR encode [--add-special-tokens]\n"
                 "       leopard-cli tokenize --tokenizer DIR decode [--skip-special-tokens]\n"
                 "JSON lines on stdin (encode: a string per line, decode: an array of ids per line),\n"
                 "JSON lines on stdout.\n");
    return Usage;
}

int badLine(long line, const std::string &what)
{
    std::fprintf(stderr, "leopard-cli tokenize: line %ld: %s\n", line, what.c_str());
    return BadInput;
}

void writeLine(const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
}

} // namespace

int runTokenize(const QStringList &args)
{
    QString dir, mode;
    bool addSpecial = false, skipSpecial = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--tokenizer") && i + 1 < args.size())
            dir = args[++i];
        else if (a == QLatin1String("--add-special-tokens"))
            addSpecial = true;
        else if (a == QLatin1String("--skip-special-tokens"))
            skipSpecial = true;
        else if ((a == QLatin1String("encode") || a == QLatin1String("decode")) && mode.isEmpty())
            mode = a;
        else
            return usage();
    }
    if (dir.isEmpty() || mode.isEmpty() || (addSpecial && mode != QLatin1String("encode"))
        || (skipSpecial && mode != QLatin1String("decode")))
        return usage();

    std::optional<Tokenizer> tokenizer;
    try {
        tokenizer = Tokenizer::fromDirectory(dir.toStdString());
    } catch (const TokenizerError &e) {
        std::fprintf(stderr, "leopard-cli tokenize: %s\n", e.what());
        return BadInput;
    }

    const bool encode = mode == QLatin1String("encode");
    std::string line;
    long lineNo = 0;
    while (std::getline(std::cin, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        nlohmann::json request;
        try {
            request = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception &e) {
            return badLine(lineNo, std::string("not JSON (") + e.what() + ")");
        }
        if (encode) {
            if (!request.is_string())
                return badLine(lineNo, "expected a JSON string to encode");
            writeLine(nlohmann::json(tokenizer->encode(request.get_ref<const std::string &>(), addSpecial)).dump());
        } else {
            if (!request.is_array())
                return badLine(lineNo, "expected a JSON array of token ids to decode");
            std::vector<std::int32_t> ids;
            ids.reserve(request.size());
            for (const nlohmann::json &id : request) {
                if (!id.is_number_integer())
                    return badLine(lineNo, "token id " + id.dump() + " is not an integer");
                const auto value = id.get<std::int64_t>();
                if (value < 0 || value >= tokenizer->idLimit() || !tokenizer->tokenString(std::int32_t(value)))
                    return badLine(lineNo, "token id " + std::to_string(value) + " is out of range (0.."
                                               + std::to_string(tokenizer->idLimit() - 1) + ")");
                ids.push_back(std::int32_t(value));
            }
            writeLine(nlohmann::json(tokenizer->decode(ids, skipSpecial)).dump());
        }
        std::fflush(stdout);
    }
    return Ok;
}

} // namespace leopard::cli
