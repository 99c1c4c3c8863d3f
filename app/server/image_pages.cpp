#include "app/server/image_pages.h"

#include "viewer/model_pixels.h"

namespace leopard::server {

ImagePages::ImagePages(const std::vector<ChatImage> &images, const ServeLimits &limits) : m_limits(limits)
{
    for (const ChatImage &image : images)
        if (!find(fileFor(image.sha256)))
            m_entries.push_back({fileFor(image.sha256), image.sha256, image.bytes, {image.width, image.height}});
}

const ImagePages::Entry *ImagePages::find(const QString &file) const
{
    for (const Entry &e : m_entries)
        if (e.file == file)
            return &e;
    return nullptr;
}

QList<ui::SessionDocument> ImagePages::openDocuments() const
{
    QList<ui::SessionDocument> out;
    for (const Entry &e : m_entries)
        out.append(ui::SessionDocument{e.file, e.sha256, {}});
    return out;
}

int ImagePages::pageCount(const QString &file) const { return find(file) ? 1 : 0; }

PixelSize ImagePages::analysisSize(const ui::PageKey &page, double) const
{
    const Entry *e = find(page.file);
    return e && page.page == 0 ? e->size : PixelSize{};
}

AskPage ImagePages::askPage(const ui::PageKey &page, double, const ImagePlan &plan) const
{
    AskPage p;
    p.documentPath = page.file;
    p.page = 0;
    p.analysisDpi = 0; // its own pixels, whatever the dpi (as leopard-cli ask --images)
    p.plan = plan;
    if (const Entry *e = find(page.file)) {
        const QByteArray bytes = e->bytes; // implicitly shared: the job may end before a cached page renders
        const ServeLimits limits = m_limits;
        p.render = [bytes, limits] {
            const QImage image = decodeImage(bytes, limits);
            return image.isNull() ? preprocess::RgbImage{} : viewer::toModelRgb(image);
        };
    }
    return p;
}

} // namespace leopard::server
