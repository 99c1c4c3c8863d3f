#include "viewer/image_document.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QPixelFormat>

#include <cmath>

namespace leopard::viewer {

namespace {

QString nameOf(const QString &path) { return QFileInfo(path).fileName(); }

QString humanBytes(double bytes)
{
    if (bytes >= 1024.0 * 1024 * 1024)
        return QCoreApplication::translate("ImageDocument", "%1 GB").arg(bytes / (1024.0 * 1024 * 1024), 0, 'f', 1);
    return QCoreApplication::translate("ImageDocument", "%1 MB").arg(bytes / (1024.0 * 1024), 0, 'f', 0);
}

// Qt refuses to decode an image whose pixel buffer would exceed QImageReader::allocationLimit()
// (256 MB by default) and hands back a null image. Check first from the header so the user
// hears which file and why, instead of seeing a blank page.
QString tooLargeMessage(const QString &path, const QSize &size, QImage::Format format)
{
    const int limitMb = QImageReader::allocationLimit();
    if (limitMb <= 0)
        return {}; // limit switched off by the application
    int bitsPerPixel = 32; // what most decoders produce when the header does not say
    if (format != QImage::Format_Invalid)
        bitsPerPixel = std::max(1, int(QImage::toPixelFormat(format).bitsPerPixel()));
    const double bytes = double(size.width()) * size.height() * bitsPerPixel / 8.0;
    if (bytes <= double(limitMb) * 1024 * 1024)
        return {};
    return QCoreApplication::translate("ImageDocument", "%1 is too large to open: %2 × %3 pixels needs %4 of memory once decoded, "
                          "above the %5 MB limit for one image. Scale it down or split it, then open it again.")
        .arg(nameOf(path)).arg(size.width()).arg(size.height()).arg(humanBytes(bytes)).arg(limitMb);
}

} // namespace

ImageDocument::ImageDocument(const QString &path)
    : Document(path, DocumentKind::Image)
{
}

OpenResult ImageDocument::open(const QString &path)
{
    OpenResult result;
    const QString name = nameOf(path);
    QImageReader reader(path);
    reader.setAutoTransform(false); // the model sees the stored pixels, as PIL's Image.open does
    if (!reader.canRead()) {
        const bool unsupported = reader.error() == QImageReader::UnsupportedFormatError;
        result.error = unsupported ? OpenError::Unsupported : OpenError::Corrupt;
        result.message = unsupported
            ? QCoreApplication::translate("ImageDocument", "%1 cannot be read as an image: its format is not recognised or the image plugin "
                             "for it is not installed (on Debian: sudo apt install qt6-image-formats-plugins).").arg(name)
            : QCoreApplication::translate("ImageDocument", "%1 cannot be read as an image: %2.").arg(name, reader.errorString());
        return result;
    }

    std::shared_ptr<ImageDocument> doc(new ImageDocument(path));
    const int frames = std::max(1, reader.imageCount()); // 0 = the format cannot tell; treat as one
    for (int i = 0; i < frames; ++i) {
        if (i > 0 && !reader.jumpToImage(i))
            break; // the count promised more frames than the file has: keep those we have
        QSize size = reader.size();
        if (!size.isValid()) {
            // Header does not say: decode this frame once to learn its size.
            const QImage img = reader.read();
            if (img.isNull()) {
                result.error = OpenError::Corrupt;
                result.message = QCoreApplication::translate("ImageDocument", "%1 is damaged: image %2 cannot be decoded (%3).")
                                     .arg(name).arg(i + 1).arg(reader.errorString());
                return result;
            }
            size = img.size();
        }
        if (size.isEmpty()) {
            result.error = OpenError::Corrupt;
            result.message = QCoreApplication::translate("ImageDocument", "%1 is damaged: image %2 has no pixels.").arg(name).arg(i + 1);
            return result;
        }
        const QString tooLarge = tooLargeMessage(path, size, reader.imageFormat());
        if (!tooLarge.isEmpty()) {
            result.error = OpenError::Unsupported;
            result.message = tooLarge;
            return result;
        }
        doc->m_sizes.append(size);
    }
    if (doc->m_sizes.isEmpty()) {
        result.error = OpenError::Corrupt;
        result.message = QCoreApplication::translate("ImageDocument", "%1 contains no images.").arg(name);
        return result;
    }
    result.document = doc;
    return result;
}

QSizeF ImageDocument::pageSizePoints(int page) const
{
    return page >= 0 && page < m_sizes.size() ? QSizeF(m_sizes.at(page)) : QSizeF();
}

QImage ImageDocument::readFrame(int page) const
{
    if (page < 0 || page >= m_sizes.size())
        return {};
    QImageReader reader(sourcePath());
    reader.setAutoTransform(false);
    if (page > 0 && !reader.jumpToImage(page))
        return {};
    return reader.read();
}

QImage ImageDocument::renderPage(int page, double dpi) const
{
    QImage img = readFrame(page);
    if (img.isNull() || !(dpi > 0))
        return {};
    // One pixel is one point, so 72 dpi is the file's own size.
    const QSize target = QSize(std::max(1, int(std::lround(img.width() * dpi / 72.0))),
                               std::max(1, int(std::lround(img.height() * dpi / 72.0))));
    if (target == img.size())
        return img;
    return img.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QSize ImageDocument::analysisPixelSize(int page, double analysisDpi) const
{
    Q_UNUSED(analysisDpi);
    return page >= 0 && page < m_sizes.size() ? m_sizes.at(page) : QSize();
}

QImage ImageDocument::analysisImage(int page, double analysisDpi) const
{
    Q_UNUSED(analysisDpi);
    return readFrame(page);
}

} // namespace leopard::viewer
