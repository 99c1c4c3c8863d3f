#pragma once
// What `leopard-cli serve` runs with: where it listens, the model, and the limits that keep one
// hostile or careless client from taking the server down. Plain values; app/cli/cmd_serve.cpp fills
// them from the command line, the tests build them by hand.
#include <QString>

#include <cstdint>

namespace leopard::server {

struct ServeLimits {
    std::int64_t maxBodyBytes = 64ll * 1024 * 1024; // a request body (413 above); base64 images make it large
    int maxImages = 50;                             // image parts per request: the model takes at most 50
    int maxImageSide = 40000;                       // pixels, either side, read from the header before decoding
    std::int64_t maxImagePixels = 100'000'000;      // width x height of one image
    std::int64_t maxTotalPixels = 500'000'000;      // all images of one request together
    int requestSeconds = 60;   // a request (headers and body) must arrive within this: slow clients are cut off
    int writeSeconds = 30;     // a client that stops reading the answer for this long is dropped
    int keepAliveSeconds = 5;  // an idle kept-alive connection is closed after this
};

struct ServeConfig {
    QString modelDir;
    QString modelName;          // the id clients use; "" = the model directory's name
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;            // 0: any free port (printed on stderr)
    QString apiKey;             // "" = no key asked (allowed on loopback only)
    int queue = 8;              // requests waiting behind the one being answered; more get 429
    QString device, dtype;      // as `leopard-cli ask` ("" = the machine's default)
    QString weights = QStringLiteral("auto"); // --weights auto|full|int8|int4, as `leopard-cli ask`
    int defaultMaxTokens = 128; // when a request gives neither max_tokens nor max_completion_tokens (the reference's 128)
    QString promptSetting = QStringLiteral("direct"); // the instruction suffix, as the app and `ask` use (direct|cot|none)
    int conversationsKept = 16; // finished conversations remembered for exact continuation (their token ids)
    int featureCachePages = 64; // pages whose vision features the worker keeps (0: no bound)
    int threads = 0;            // HTTP connection threads; 0 = queue + 9 (every queued client holds one)
    ServeLimits limits;
};

// True for 127.0.0.0/8, ::1 and "localhost": the only addresses served without an API key.
bool isLoopbackHost(const QString &host);

} // namespace leopard::server
