#pragma once
// The images of a chat request: `data:` URLs (the server fetches nothing from the network), base64
// PNG, JPEG or WebP, checked before any pixel is decoded — the header's size against the limits,
// so a 10-byte header claiming 40 000 x 40 000 pixels costs nothing — and then decoded once to
// prove the file is whole. The decoded pixels are dropped again: a queued request holds only the
// compressed bytes (at most the body limit), and the model thread decodes each image when the
// worker asks for it (a cache miss), one at a time.
#include "app/server/serve_config.h"

#include <QByteArray>
#include <QImage>
#include <QString>

#include <cstdint>
#include <string>

namespace leopard::server {

struct ChatImage {
    int index = 0;          // among the request's image parts, in order (what messages name)
    std::string param;      // where it was: "messages[2].content[1].image_url"
    QByteArray bytes;       // the file as sent (base64-decoded)
    QString sha256;         // hex SHA-256 of `bytes`: its identity (feature cache, conversation matching)
    int width = 0, height = 0;
    QByteArray format;      // "png", "jpeg" or "webp", as the bytes say (not as the URL's media type claims)
};

// Decodes and checks one image_url. Throws ApiError (400, naming `param` and the image's index).
ChatImage readImageUrl(const std::string &url, int index, const std::string &param, const ServeLimits &limits);

// The pixels of a checked image, as `leopard-cli ask --images` reads a file: first frame, EXIF
// orientation ignored (the reference ignores it). Null when it cannot be decoded.
QImage decodeImage(const QByteArray &bytes, const ServeLimits &limits, QString *error = nullptr);

} // namespace leopard::server
