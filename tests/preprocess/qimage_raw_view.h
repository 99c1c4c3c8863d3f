#pragma once
// How Qt code hands a QImage to leopard_preprocess (which knows nothing of Qt): describe its
// bits as a RawImageView. Formats PIL has no equivalent for are converted first; the
// premultiplied ones cannot give back the file's colours exactly where alpha < 255 (PIL drops
// alpha without ever multiplying), so decode into a straight-alpha format in the first place.

#include "inference/preprocess/pil_convert.h"

#include <QImage>

namespace leopard::preprocess {

// The view borrows image's bits: keep `image` alive (and unmodified) while the view is used.
// `image` may be replaced by a converted copy when its format has no direct layout.
inline RawImageView rawViewOf(QImage &image)
{
    RawImageView view;
    switch (image.format()) {
    case QImage::Format_Grayscale8: view.layout = PixelLayout::Grey8; break;
    case QImage::Format_Grayscale16: view.layout = PixelLayout::Grey16; break;
    case QImage::Format_RGB888: view.layout = PixelLayout::Rgb8; break;
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBX8888: view.layout = PixelLayout::Rgba8; break;
    case QImage::Format_ARGB32:
    case QImage::Format_RGB32: view.layout = PixelLayout::Argb32; break;
    case QImage::Format_RGBA64:
    case QImage::Format_RGBX64: view.layout = PixelLayout::Rgba16; break;
    case QImage::Format_Indexed8:
        view.layout = PixelLayout::Indexed8;
    {
        const QList<QRgb> table = image.colorTable(); // a copy: begin/end must come from one list
        view.palette.assign(table.begin(), table.end());
        break;
    }
    default: // mono, 16-bit RGB565 and friends, premultiplied formats
        image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        view.layout = PixelLayout::Argb32;
        break;
    }
    view.data = image.constBits();
    view.width = image.width();
    view.height = image.height();
    view.bytesPerLine = image.bytesPerLine();
    return view;
}

} // namespace leopard::preprocess
