#pragma once
// An image file as a Document: one page per frame (multi-page TIFF gives several). The analysis
// image is the file's own pixels, whatever dpi is asked; one pixel counts as one point.

#include "viewer/document.h"
#include "viewer/document_opener.h"

#include <QVector>

namespace leopard::viewer {

class ImageDocument final : public Document
{
public:
    static OpenResult open(const QString &path);

    int pageCount() const override { return m_sizes.size(); }
    QSizeF pageSizePoints(int page) const override;
    QImage renderPage(int page, double dpi) const override;
    QSize analysisPixelSize(int page, double analysisDpi) const override;
    QImage analysisImage(int page, double analysisDpi) const override;

private:
    explicit ImageDocument(const QString &path);
    // Decodes frame `page` with a fresh reader (readers are cheap and not shared between threads).
    QImage readFrame(int page) const;

    QVector<QSize> m_sizes; // per frame, from the file headers
};

} // namespace leopard::viewer
