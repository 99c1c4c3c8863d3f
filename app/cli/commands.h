#pragma once
// leopard-cli sub-commands. Each lives in its own cmd_<name>.cpp and is listed in main.cpp.
// A command returns the process exit code: 0 success, 1 bad input (the user's files or
// arguments), 2 usage error, 3 internal failure.
#include <QStringList>

namespace leopard::cli {

enum ExitCode { Ok = 0, BadInput = 1, Usage = 2, InternalError = 3 };

int runPlan(const QStringList &args);     // plan [--max-images N] WxH [WxH ...]
int runDevices(const QStringList &args);  // devices: what libtorch sees on this machine
int runTokenize(const QStringList &args); // tokenize --tokenizer DIR encode|decode: JSON lines filter

int runInspect(const QStringList &args);  // inspect --model DIR [--load --dtype D]: check a model directory
int runMakeTiny(const QStringList &args); // make-tiny --out DIR: write a tiny Leopard-LLaVA checkpoint
int runAsk(const QStringList &args);      // ask --model DIR [--images F...] -- QUESTION: run the model
int runServe(const QStringList &args);    // serve --model DIR: an OpenAI-compatible HTTP server (app/server)
int runSessions(const QStringList &args); // sessions list|show ID: the saved conversations
int runIndex(const QStringList &args);    // index FILE...: every page's text in the page index
int runSearch(const QStringList &args);   // search [--json] FILE... -- QUERY: the best pages, by BM25
int runLocate(const QStringList &args);   // locate [--json] FILE... -- ANSWER: where an answer's numbers and phrases are

} // namespace leopard::cli
