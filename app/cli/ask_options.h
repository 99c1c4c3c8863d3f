#pragma once
// The command line of `leopard-cli ask`: options, inputs in order with their --pages, the question.
#include "app/cli/page_spec.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace leopard::cli {

// One input on the command line, in order: a document (viewer) or a directly decoded image.
struct AskInput {
    QString path;
    bool direct = false;   // --images: QImageReader, as before the viewer path existed
    PageSpec pages;        // documents only
    bool pagesGiven = false; // a --pages applies to it
    QString pagesError;    // the --pages before this FILE did not parse: why
    bool selected = true;  // its pages go to the model (with --continue only those with --pages)
};

struct AskOptions {
    QString modelDir, dumpLogits, question;
    std::vector<AskInput> inputs;
    bool json = false;
    double dpi = 144.0; // the app's default analysis dpi (ui/settings/app_settings.h)
    QString device, dtype;
    QString weights = QStringLiteral("auto"); // --weights auto|full|int8|int4 (weight_format.h)
    int maxNewTokens = 128;
    float temperature = 0.0f, topP = 1.0f;
    std::uint64_t seed = 0;
    QString promptSetting = QStringLiteral("direct"), quesType = QStringLiteral("open-ended");
    bool doubleBos = true;
    QString continueId;   // --continue ID: ask in this saved conversation
    bool noSave = false;  // --no-save: the question is not kept
    QString sessionsDir;  // --sessions-dir: "" = the app's (SessionStore::deskDirectory)
    int pickCount = 3;    // --pick N: pages picked by --pages auto
    QString indexPath;    // --index FILE: the page index ("" = the app's)
    // Filled by the page picking (--pages auto), for the messages and --json.
    struct Picked { QString file; int page; double score; QStringList matched; };
    std::vector<Picked> picked;
    QStringList pickTerms;
};

// Fills *options from the arguments after "ask". Returns 0, or the exit code after saying what is
// wrong (usage: 2; a --pages that does not parse and applies to no FILE: 1).
int parseAskOptions(const QStringList &args, AskOptions *options);
int askUsage();

} // namespace leopard::cli
