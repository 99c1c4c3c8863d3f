// leopard-cli serve: the model behind an OpenAI-compatible HTTP API (app/server/README.md).
//   leopard-cli serve --model DIR [--model-name NAME] [--host 127.0.0.1] [--port 8080] [--api-key KEY]
//                     [--queue N] [--device D] [--dtype T] [--max-new-tokens N] [--setting direct|cot|none]
//                     [--max-body-mb N] [--max-images N] [--max-image-side PX] [--max-image-mpx N]
//                     [--request-timeout S] [--conversations N] [--feature-cache N] [--threads N]
// This file only reads the command line and starts the pieces of app/server: the model thread
// (ModelRunner) and the HTTP server (HttpServer); SIGINT / SIGTERM stop both cleanly.
#include "app/cli/commands.h"
#include "app/server/http_server.h"
#include "app/server/model_runner.h"
#include "inference/checkpoint/dtype.h"
#include "inference/device.h"
#include "inference/torch/weight_format.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <thread>
#include <unistd.h>

namespace leopard::cli {
namespace {

int serveUsage()
{
    std::fprintf(stderr,
                 "usage: leopard-cli serve --model DIR [--model-name NAME] [--host ADDR] [--port N] [--api-key KEY]\n"
                 "         [--queue N] [--device D] [--dtype fp32|bf16|fp16] [--weights auto|full|int8|int4] [--max-new-tokens N] [--setting direct|cot|none]\n"
                 "         [--max-body-mb N] [--max-images N] [--max-image-side PX] [--max-image-mpx N]\n"
                 "         [--request-timeout S] [--conversations N] [--feature-cache N] [--threads N]\n"
                 "  An OpenAI-compatible server: POST /v1/chat/completions (stream or not), GET /v1/models, GET /health.\n"
                 "  Listens on 127.0.0.1:8080 by default (--port 0: any free port). Any other address than loopback\n"
                 "  needs an API key (--api-key, or the LEOPARD_API_KEY environment variable, which `ps` does not show).\n");
    return Usage;
}

int g_stopPipe[2] = {-1, -1};

extern "C" void onStopSignal(int sig)
{
    const char byte = char(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_stopPipe[1], &byte, 1);
}

// Qt's own warnings (a decoder's "libpng error: ..." on a damaged image, already refused with a
// 400) go to the log with the server's prefix, as one line each.
void qtMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    std::fprintf(stderr, "leopard-cli serve: qt: %s\n", qPrintable(message));
}

int refuse(const QString &message)
{
    std::fprintf(stderr, "leopard-cli serve: %s\n", qPrintable(message));
    return BadInput;
}

} // namespace

int runServe(const QStringList &args)
{
    server::ServeConfig c;
    c.apiKey = qEnvironmentVariable("LEOPARD_API_KEY");
    const DeviceInfo devices = probeDevices(); // the defaults `ask` uses: CUDA when present, its best dtype
    c.device = QString::fromStdString(devices.defaultDevice);
    c.dtype = QString::fromStdString(devices.defaultDtype);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            serveUsage();
            return Ok;
        }
        if (i + 1 >= args.size())
            return serveUsage();
        const QString v = args[++i];
        bool ok = true;
        auto number = [&](long long lo, long long hi) {
            const long long n = v.toLongLong(&ok);
            ok = ok && n >= lo && n <= hi;
            return n;
        };
        if (a == QLatin1String("--model")) c.modelDir = v;
        else if (a == QLatin1String("--model-name")) c.modelName = v;
        else if (a == QLatin1String("--host")) c.host = v;
        else if (a == QLatin1String("--port")) c.port = int(number(0, 65535));
        else if (a == QLatin1String("--api-key")) c.apiKey = v;
        else if (a == QLatin1String("--queue")) c.queue = int(number(0, 10000));
        else if (a == QLatin1String("--device")) c.device = v;
        else if (a == QLatin1String("--dtype")) {
            c.dtype = v;
            ok = ckpt::dtypeFromUserName(v.toStdString()).has_value();
        }
        else if (a == QLatin1String("--weights")) {
            c.weights = v;
            ok = weightFormatFromName(v.toStdString()).has_value();
        }
        else if (a == QLatin1String("--max-new-tokens")) c.defaultMaxTokens = int(number(1, 1 << 20));
        else if (a == QLatin1String("--setting")) {
            c.promptSetting = v;
            ok = v == QLatin1String("direct") || v == QLatin1String("cot") || v == QLatin1String("none");
        } else if (a == QLatin1String("--max-body-mb")) c.limits.maxBodyBytes = number(1, 4096) * 1024 * 1024;
        else if (a == QLatin1String("--max-images")) c.limits.maxImages = int(number(1, 50));
        else if (a == QLatin1String("--max-image-side")) c.limits.maxImageSide = int(number(1, 1 << 20));
        else if (a == QLatin1String("--max-image-mpx")) c.limits.maxImagePixels = number(1, 10000) * 1000000;
        else if (a == QLatin1String("--request-timeout")) c.limits.requestSeconds = int(number(1, 3600));
        else if (a == QLatin1String("--conversations")) c.conversationsKept = int(number(0, 10000));
        else if (a == QLatin1String("--feature-cache")) c.featureCachePages = int(number(0, 1000000));
        else if (a == QLatin1String("--threads")) c.threads = int(number(1, 4096));
        else
            return serveUsage();
        if (!ok)
            return refuse(QStringLiteral("%1: \"%2\" is not a value it takes (see leopard-cli serve --help)").arg(a, v));
    }
    if (c.modelDir.isEmpty())
        return serveUsage();
    if (c.limits.maxTotalPixels < c.limits.maxImagePixels)
        c.limits.maxTotalPixels = c.limits.maxImagePixels;
    // The model answers whoever can reach the port, with this machine's CPU and memory: beyond
    // loopback only with a key.
    if (!server::isLoopbackHost(c.host) && c.apiKey.isEmpty())
        return refuse(QStringLiteral("--host %1 is reachable from other machines: give an API key (--api-key KEY or the "
                                     "LEOPARD_API_KEY environment variable), or listen on 127.0.0.1")
                          .arg(c.host));

    // SIGINT / SIGTERM: the handler only writes a byte to a pipe (all a signal handler may safely do,
    // whichever thread it lands on); a watcher thread reads it and stops the server.
    if (::pipe(g_stopPipe) != 0)
        return refuse(QStringLiteral("cannot create a pipe"));
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    qInstallMessageHandler(qtMessage);
    std::unique_ptr<server::ModelRunner> runner;
    try {
        runner = std::make_unique<server::ModelRunner>(c);
    } catch (const std::exception &e) {
        return refuse(QString::fromStdString(e.what()));
    }
    server::HttpServer http(c, *runner);
    QString why;
    if (!http.bind(&why))
        return refuse(why);
    std::fprintf(stderr, "leopard-cli serve: listening on http://%s:%d (model %s: loading)\n", qPrintable(c.host), http.port(),
                 qPrintable(runner->modelId()));
    std::fflush(stderr);

    bool loadFailed = false;
    runner->start([&](bool ok, const QString &message) {
        std::fprintf(stderr, ok ? "leopard-cli serve: model ready: %s\n" : "leopard-cli serve: the model did not load: %s\n",
                     qPrintable(message));
        std::fflush(stderr);
        if (!ok) {
            loadFailed = true;
            http.stop();
        }
    });
    std::thread signalThread([&] {
        char sig = 0;
        while (::read(g_stopPipe[0], &sig, 1) < 0 && errno == EINTR) {
        }
        if (sig == SIGINT || sig == SIGTERM) {
            std::fprintf(stderr, "leopard-cli serve: %s: stopping\n", sig == SIGINT ? "interrupted" : "terminated");
            std::fflush(stderr);
        }
        runner->stop(); // the answer in progress is cancelled, waiting clients get 503
        http.stop();
    });
    const bool served = http.run();
    const char wake = 0; // the server stopped by itself (the model did not load): end the watcher
    [[maybe_unused]] const ssize_t w = ::write(g_stopPipe[1], &wake, 1);
    signalThread.join();
    runner->stop();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    if (loadFailed)
        return InternalError;
    return served ? Ok : refuse(QStringLiteral("the server stopped listening"));
}

} // namespace leopard::cli
