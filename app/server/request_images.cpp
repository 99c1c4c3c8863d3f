#include "app/server/request_images.h"

#include "app/server/api_error.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImageReader>

#include <algorithm>
#include <cctype>

namespace leopard::server {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

[[noreturn]] void refuse(const std::string &param, int index, const std::string &what)
{
    throw ApiError(400, param + ": image " + std::to_string(index) + " " + what, param, "invalid_image");
}

// Qt's decoders allocate through QImageReader's allocation limit (256 MB by default in Qt 6): raise
// it to what the pixel limit allows, 8 bytes a pixel (16-bit PNGs decode to RGBA64).
int allocationLimitMb(const ServeLimits &limits)
{
    const std::int64_t mb = limits.maxImagePixels * 8 / (1024 * 1024) + 16;
    return int(std::min<std::int64_t>(mb, 1 << 20));
}

void configure(QImageReader &reader, const ServeLimits &limits)
{
    reader.setAutoTransform(false); // as `leopard-cli ask`: the reference ignores EXIF orientation
    reader.setAllocationLimit(allocationLimitMb(limits));
}

} // namespace

ChatImage readImageUrl(const std::string &url, int index, const std::string &param, const ServeLimits &limits)
{
    // data:[<media type>][;base64],<data>
    if (lower(url.substr(0, 5)) != "data:")
        refuse(param, index, "is not a data: URL; this server takes images inline only "
                             "(\"data:image/png;base64,...\"), it fetches nothing from the network");
    const std::size_t comma = url.find(',');
    if (comma == std::string::npos)
        refuse(param, index, "is a data: URL without a comma before its data");
    const std::string meta = lower(url.substr(5, comma - 5));
    if (meta.size() < 7 || meta.compare(meta.size() - 7, 7, ";base64") != 0)
        refuse(param, index, "is not base64-encoded (the data: URL needs \";base64\")");
    const std::string media = meta.substr(0, meta.size() - 7);
    if (!media.empty() && media != "image/png" && media != "image/jpeg" && media != "image/jpg" && media != "image/webp")
        refuse(param, index, "has media type \"" + media + "\"; PNG, JPEG and WebP are taken");

    // Whitespace inside base64 (line-wrapped encoders) is allowed; anything else fails the decode.
    QByteArray b64 = QByteArray::fromRawData(url.data() + comma + 1, qsizetype(url.size() - comma - 1));
    if (b64.contains('\n') || b64.contains('\r') || b64.contains(' ')) {
        b64 = QByteArray(b64);
        b64.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
    }
    QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        refuse(param, index, "is not valid base64");
    ChatImage image;
    image.index = index;
    image.param = param;
    image.bytes = std::move(decoded.decoded);
    if (image.bytes.isEmpty())
        refuse(param, index, "is empty");

    QBuffer buffer(&image.bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    configure(reader, limits);
    const QByteArray format = reader.format(); // from the bytes
    if (format != "png" && format != "jpeg" && format != "webp")
        refuse(param, index, format.isEmpty() ? "is not a PNG, JPEG or WebP image"
                                               : "is " + format.toStdString() + ", not PNG, JPEG or WebP");
    const QSize size = reader.size(); // the header's claim, before any pixel is decoded
    if (!size.isValid() || size.isEmpty())
        refuse(param, index, "has no readable size (damaged header)");
    if (size.width() > limits.maxImageSide || size.height() > limits.maxImageSide)
        refuse(param, index, "is " + std::to_string(size.width()) + " x " + std::to_string(size.height()) +
                                 " pixels; at most " + std::to_string(limits.maxImageSide) + " a side are taken");
    const std::int64_t pixels = std::int64_t(size.width()) * size.height();
    if (pixels > limits.maxImagePixels)
        refuse(param, index, "is " + std::to_string(size.width()) + " x " + std::to_string(size.height()) + " = " +
                                 std::to_string(pixels) + " pixels; at most " + std::to_string(limits.maxImagePixels) +
                                 " are taken");
    // Decoded once to prove it whole (a truncated file fails here, as a 400, not later on the model
    // thread as a failed answer); the pixels are not kept (see the header).
    QString error;
    const QImage decodedImage = decodeImage(image.bytes, limits, &error);
    if (decodedImage.isNull())
        refuse(param, index, "cannot be decoded: " + error.toStdString());
    image.width = decodedImage.width();
    image.height = decodedImage.height();
    image.format = format;
    image.sha256 = QString::fromLatin1(QCryptographicHash::hash(image.bytes, QCryptographicHash::Sha256).toHex());
    return image;
}

QImage decodeImage(const QByteArray &bytes, const ServeLimits &limits, QString *error)
{
    QByteArray copy = bytes; // QBuffer wants a non-const array; implicitly shared, no copy made
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    configure(reader, limits);
    const QImage image = reader.read();
    if (image.isNull() && error)
        *error = reader.errorString();
    return image;
}

} // namespace leopard::server
