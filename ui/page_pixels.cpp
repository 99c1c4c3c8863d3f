#include "ui/page_pixels.h"

#include "inference/preprocess/pil_convert.h"

namespace leopard::ui {

preprocess::RgbImage toModelRgb(QImage image)
{
    using preprocess::PixelLayout;
    PixelLayout layout;
    switch (image.format()) {
    case QImage::Format_Grayscale8: layout = PixelLayout::Grey8; break;
    case QImage::Format_Grayscale16: layout = PixelLayout::Grey16; break;
    case QImage::Format_RGB888: layout = PixelLayout::Rgb8; break;
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBX8888: layout = PixelLayout::Rgba8; break;
    case QImage::Format_RGBA64:
    case QImage::Format_RGBX64: layout = PixelLayout::Rgba16; break;
    case QImage::Format_Indexed8: layout = PixelLayout::Indexed8; break;
    case QImage::Format_ARGB32:
    case QImage::Format_RGB32: layout = PixelLayout::Argb32; break;
    default: // premultiplied and other formats: un-premultiply first, as a decoder hands PIL straight alpha
        image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        layout = PixelLayout::Argb32;
    }
    preprocess::RawImageView view;
    view.data = image.constBits();
    view.width = image.width();
    view.height = image.height();
    view.bytesPerLine = image.bytesPerLine();
    view.layout = layout;
    const QList<QRgb> table = image.colorTable();
    view.palette.assign(table.begin(), table.end());
    return preprocess::toRgbLikePil(view);
}

AskPage makeAskPage(const PageRef &page, double analysisDpi, const ImagePlan &plan)
{
    AskPage p;
    p.documentPath = page.document ? page.document->sourcePath() : QString();
    p.page = page.page;
    p.analysisDpi = analysisDpi;
    p.plan = plan;
    const viewer::DocumentPtr document = page.document;
    const int index = page.page;
    p.render = [document, index, analysisDpi]() -> preprocess::RgbImage {
        if (!document)
            return {};
        return toModelRgb(document->analysisImage(index, analysisDpi));
    };
    return p;
}

} // namespace leopard::ui
