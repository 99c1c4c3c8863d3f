#pragma once
// A PDF opened with Poppler-Qt6. Slide decks use it too, on the PDF LibreOffice made, while the
// Document keeps the deck's own path and kind.

#include "viewer/document.h"
#include "viewer/document_opener.h"

#include <QMutex>
#include <QVector>

namespace Poppler { class Document; }

namespace leopard::viewer {

class PdfDocument final : public Document
{
public:
    // Opens `pdfPath`; the Document reports `sourcePath` and `kind` (the deck, for converted slides).
    static OpenResult open(const QString &pdfPath, const QString &password,
                           const QString &sourcePath, DocumentKind kind);
    ~PdfDocument() override;

    int pageCount() const override;
    QSizeF pageSizePoints(int page) const override;
    QImage renderPage(int page, double dpi) const override;
    QSize analysisPixelSize(int page, double analysisDpi) const override;
    QImage analysisImage(int page, double analysisDpi) const override;
    QString pageText(int page) const override;
    QVector<PageWord> pageWords(int page) const override;

    // Pixel size Poppler's Splash backend gives a page of `points` rendered at `dpi`
    // (SplashOutputDev::startPage: (int)(dpi / 72 * points + 0.5), at least 1).
    static QSize pixelSizeFor(const QSizeF &points, double dpi);
    // Largest render handed out (256 Mpx, 1 GB as ARGB32): Letter at about 1500 dpi.
    static constexpr qint64 kMaxRenderPixels = 256LL * 1024 * 1024;

private:
    PdfDocument(const QString &sourcePath, DocumentKind kind);

    // Poppler::Document is not safe to use from two threads at once: every call goes through m_mutex.
    mutable QMutex m_mutex;
    std::unique_ptr<Poppler::Document> m_pdf;
    QVector<QSizeF> m_pageSizes; // read once at open, so size queries never wait for a render
    QString m_pdfPath;
};

} // namespace leopard::viewer
