#include "viewer/model_pixels.h"

#include "inference/preprocess/pil_convert.h"

namespace leopard::viewer {

preprocess::RgbImage toModelRgb(QImage image)
{
    using preprocess::PixelLayout;
    preprocess::RawImageView view;
    switch (image.format()) {
    case QImage::Format_Grayscale8: view.layout = PixelLayout::Grey8; break;
    case QImage::Format_Grayscale16: view.layout = PixelLayout::Grey16; break;
    case QImage::Format_RGB888: view.layout = PixelLayout::Rgb8; break;
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBX8888: view.layout = PixelLayout::Rgba8; break;
    case QImage::Format_RGBA64:
    case QImage::Format_RGBX64: view.layout = PixelLayout::Rgba16; break;
    case QImage::Format_Indexed8: {
        view.layout = PixelLayout::Indexed8;
        const QList<QRgb> table = image.colorTable(); // a copy: begin/end must come from one list
        view.palette.assign(table.begin(), table.end());
        break;
    }
    case QImage::Format_ARGB32:
    case QImage::Format_RGB32: view.layout = PixelLayout::Argb32; break;
    default:
        // Mono, RGB565 and premultiplied formats have no PIL twin: convert to straight ARGB. A
        // premultiplied image cannot give back the file's colours exactly where alpha < 255 (PIL
        // never multiplies), so decoders should hand over straight alpha in the first place.
        image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        view.layout = PixelLayout::Argb32;
        break;
    }
    view.data = image.constBits();
    view.width = image.width();
    view.height = image.height();
    view.bytesPerLine = image.bytesPerLine();
    return preprocess::toRgbLikePil(view);
}

} // namespace leopard::viewer
