#pragma once
// A document the user opened: a PDF, a slide deck (converted to PDF by LibreOffice) or an image
// file (one page, or several for a multi-page TIFF). Pages are addressed 0-based.
//
// Two kinds of pixels: the *screen* render (any dpi, for the page view and thumbnails) and the
// *analysis* image (what the model receives: PDF pages rendered at the analysis dpi, image files at
// their own pixel size). The crop planner works on analysis sizes.
//
// Implementations are thread-safe: renderPage()/analysisImage() may be called from worker threads.

#include <QImage>
#include <QRectF>
#include <QSize>
#include <QSizeF>
#include <QString>
#include <QVector>

#include <memory>

namespace leopard::viewer {

enum class DocumentKind { Pdf, SlideDeck, Image };

// One word of a page's text layer, in reading order, its box in normalised page coordinates
// (0..1 of the page's width and height, origin top left) like every other overlay.
struct PageWord {
    QString text;
    QRectF box;
};

class Document
{
public:
    virtual ~Document() = default;

    QString sourcePath() const { return m_sourcePath; }   // the file the user opened
    QString displayName() const;                          // file name without directory
    DocumentKind kind() const { return m_kind; }

    virtual int pageCount() const = 0;
    // Page size in points (1/72 inch). Image files count one pixel as one point.
    virtual QSizeF pageSizePoints(int page) const = 0;
    // Screen render of a page at `dpi` (72 dpi = one pixel per point).
    virtual QImage renderPage(int page, double dpi) const = 0;
    // Pixel size of analysisImage(page, dpi) without rendering it.
    virtual QSize analysisPixelSize(int page, double analysisDpi) const = 0;
    // What the model sees of this page (RGB or ARGB; the model side converts like PIL's convert('RGB')).
    virtual QImage analysisImage(int page, double analysisDpi) const = 0;
    // The page's text layer (PDF and decks); empty for images.
    virtual QString pageText(int page) const { Q_UNUSED(page); return {}; }
    // The page's text layer as words with boxes (Poppler's text boxes); empty for images.
    virtual QVector<PageWord> pageWords(int page) const { Q_UNUSED(page); return {}; }

protected:
    Document(QString sourcePath, DocumentKind kind) : m_sourcePath(std::move(sourcePath)), m_kind(kind) {}

private:
    QString m_sourcePath;
    DocumentKind m_kind;
};

using DocumentPtr = std::shared_ptr<Document>;

} // namespace leopard::viewer
