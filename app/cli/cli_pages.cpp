#include "app/cli/cli_pages.h"

#include "ui/conversation/session_store.h"
#include "viewer/model_pixels.h"

namespace leopard::cli {

void CliPages::addDirect(const QString &path, const QImage &image)
{
    m_direct.push_back({path, image, {}});
}

void CliPages::identify()
{
    m_viewer.setDocumentsNow(m_documents);
    for (Direct &d : m_direct)
        if (d.sha.isEmpty())
            d.sha = ui::SessionStore::hashDocument(d.path);
}

QList<ui::SessionDocument> CliPages::openDocuments() const
{
    QList<ui::SessionDocument> out = m_viewer.openDocuments();
    for (const Direct &d : m_direct)
        out.append({d.path, d.sha});
    return out;
}

QList<ui::SessionDocument> CliPages::identifiedDocuments() const
{
    QList<ui::SessionDocument> out;
    for (const ui::SessionDocument &d : openDocuments())
        if (!d.sha256.isEmpty())
            out << d;
    return out;
}

const CliPages::Direct *CliPages::direct(const QString &file) const
{
    for (const Direct &d : m_direct)
        if (d.path == file)
            return &d;
    return nullptr;
}

QString CliPages::kind(const QString &file) const
{
    if (direct(file))
        return QStringLiteral("image");
    const viewer::DocumentPtr d = m_viewer.document(file);
    if (!d)
        return {};
    switch (d->kind()) {
    case viewer::DocumentKind::Pdf: return QStringLiteral("pdf");
    case viewer::DocumentKind::SlideDeck: return QStringLiteral("slides");
    case viewer::DocumentKind::Image: return QStringLiteral("image");
    }
    return {};
}

int CliPages::pageCount(const QString &file) const
{
    return direct(file) ? 1 : m_viewer.pageCount(file);
}

PixelSize CliPages::analysisSize(const ui::PageKey &page, double dpi) const
{
    if (const Direct *d = direct(page.file))
        return page.page == 0 ? PixelSize{d->image.width(), d->image.height()} : PixelSize{};
    return m_viewer.analysisSize(page, dpi);
}

AskPage CliPages::askPage(const ui::PageKey &page, double dpi, const ImagePlan &plan) const
{
    const Direct *d = direct(page.file);
    if (!d)
        return m_viewer.askPage(page, dpi, plan);
    AskPage p;
    p.documentPath = page.file;
    p.page = 0;
    p.analysisDpi = 0; // its own pixels, whatever the dpi
    p.plan = plan;
    const QImage image = d->image;
    p.render = [image] { return viewer::toModelRgb(image); };
    return p;
}

} // namespace leopard::cli
