// leopard-cli: the headless side of Leopard Desk. `leopard-cli help` lists the commands.
#include "app/cli/commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

struct Command {
    const char *name;
    const char *usage;
    int (*run)(const QStringList &args);
};

const Command kCommands[] = {
    {"plan", "plan [--max-images N] WxH [WxH ...]   print the Leopard crop plan for images of these pixel sizes as JSON",
     leopard::cli::runPlan},
    {"devices", "devices                               print the compute devices and default dtype as JSON",
     leopard::cli::runDevices},
    {"inspect", "inspect --model DIR [--load [--dtype bf16|fp16|fp32] [--device D]]   check a model directory, JSON summary",
     leopard::cli::runInspect},
    {"make-tiny", "make-tiny --out DIR [--tokenizer-dir DIR] [size options]   write a tiny Leopard-LLaVA checkpoint",
     leopard::cli::runMakeTiny},
    {"ask", "ask --model DIR [--pages SPEC] [FILE...] [--images FILE...] [--json] [--continue ID] [--dpi N] [--dtype D] ... -- QUESTION   answer a question about PDFs, decks, images, saved as a conversation (ask --help)",
     leopard::cli::runAsk},
    {"serve", "serve --model DIR [--host 127.0.0.1] [--port 8080] [--api-key KEY] [--queue N] ...   an OpenAI-compatible HTTP server for the model (serve --help)",
     leopard::cli::runServe},
    {"sessions", "sessions list [--json] | sessions show ID [--json]   the saved conversations (the app's, or --sessions-dir DIR)",
     leopard::cli::runSessions},
    {"index", "index [--index FILE] FILE...          read every page's text into the page index (the app's, in the cache)",
     leopard::cli::runIndex},
    {"search", "search [--json] [--limit N] [--index FILE] FILE... -- QUERY   the pages that best match QUERY (BM25), best first",
     leopard::cli::runSearch},
    {"locate", "locate [--json] [--index FILE] [--pages SPEC] FILE... -- ANSWER_TEXT   where an answer's numbers, quotes and phrases are on the pages (boxes)",
     leopard::cli::runLocate},
    {"tokenize", "tokenize --tokenizer DIR encode|decode   JSON lines in, JSON lines out (strings <-> token id arrays)",
     leopard::cli::runTokenize},
};

int usage(FILE *out)
{
    std::fprintf(out, "leopard-cli %s\nusage: leopard-cli COMMAND [ARGS]\n\n", LEOPARD_VERSION);
    for (const Command &c : kCommands)
        std::fprintf(out, "  %s\n", c.usage);
    return leopard::cli::Usage;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("leopard-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDesk"));
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        return usage(stderr);
    const QString name = args.takeFirst();
    if (name == QLatin1String("help") || name == QLatin1String("--help") || name == QLatin1String("-h")) {
        usage(stdout);
        return leopard::cli::Ok;
    }
    for (const Command &c : kCommands) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    std::fprintf(stderr, "leopard-cli: unknown command '%s'\n", qPrintable(name));
    return usage(stderr);
}
