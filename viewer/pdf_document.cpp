#include "viewer/pdf_document.h"

#include <poppler-qt6.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>

#include <cmath>

namespace leopard::viewer {

namespace {

// Poppler prints parser complaints ("Syntax Error: ...") on stderr; the user gets our own message.
void quietPoppler(const QString &, const QVariant &) {}

QString nameOf(const QString &path) { return QFileInfo(path).fileName(); }

// Why Poppler could not load a file, in words an analyst can act on.
QString diagnose(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("PdfDocument", "%1 cannot be read: %2.").arg(nameOf(path), f.errorString());
    const QByteArray head = f.read(1024);
    if (head.isEmpty())
        return QCoreApplication::translate("PdfDocument", "%1 is empty (0 bytes), so it is not a usable PDF.").arg(nameOf(path));
    if (!head.contains("%PDF-"))
        return QCoreApplication::translate("PdfDocument", "%1 is not a PDF file: it does not start with a PDF header. "
                              "It may be another kind of file renamed to .pdf.").arg(nameOf(path));
    return QCoreApplication::translate("PdfDocument", "%1 is damaged or truncated: its PDF structure cannot be read. "
                          "Try downloading or exporting it again.").arg(nameOf(path));
}

} // namespace

PdfDocument::PdfDocument(const QString &sourcePath, DocumentKind kind)
    : Document(sourcePath, kind)
{
}

PdfDocument::~PdfDocument() = default;

OpenResult PdfDocument::open(const QString &pdfPath, const QString &password,
                             const QString &sourcePath, DocumentKind kind)
{
    static const bool silenced = (Poppler::setDebugErrorFunction(quietPoppler, {}), true);
    Q_UNUSED(silenced);

    OpenResult result;
    const QString name = nameOf(sourcePath);
    // The same string as owner and user password: users know "the password", not which one it is.
    const QByteArray pw = password.toLatin1();
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(pdfPath, pw, pw);
    if (!pdf) {
        result.error = OpenError::Corrupt;
        result.message = diagnose(pdfPath);
        if (pdfPath != sourcePath) // converted deck: say which deck
            result.message = QCoreApplication::translate("PdfDocument", "%1 was converted, but the PDF LibreOffice made cannot be read: %2")
                                 .arg(name, result.message);
        return result;
    }
    if (pdf->isLocked()) {
        if (password.isEmpty()) {
            result.error = OpenError::PasswordRequired;
            result.message = QCoreApplication::translate("PdfDocument", "%1 is protected by a password. Enter the password to open it.").arg(name);
        } else {
            result.error = OpenError::WrongPassword;
            result.message = QCoreApplication::translate("PdfDocument", "The password for %1 is not correct.").arg(name);
        }
        return result;
    }
    const int pages = pdf->numPages();
    if (pages <= 0) {
        result.error = OpenError::Corrupt;
        result.message = QCoreApplication::translate("PdfDocument", "%1 contains no pages, so there is nothing to show.").arg(name);
        return result;
    }

    std::shared_ptr<PdfDocument> doc(new PdfDocument(sourcePath, kind));
    doc->m_pageSizes.reserve(pages);
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<Poppler::Page> page = pdf->page(i);
        const QSizeF size = page ? page->pageSizeF() : QSizeF();
        if (!page || size.width() <= 0 || size.height() <= 0) {
            result.error = OpenError::Corrupt;
            result.message = QCoreApplication::translate("PdfDocument", "%1 is damaged: page %2 of %3 cannot be read.").arg(name).arg(i + 1).arg(pages);
            return result;
        }
        doc->m_pageSizes.append(size);
    }
    pdf->setRenderHint(Poppler::Document::Antialiasing, true);
    pdf->setRenderHint(Poppler::Document::TextAntialiasing, true);
    doc->m_pdf = std::move(pdf);
    doc->m_pdfPath = pdfPath;
    result.document = doc;
    return result;
}

int PdfDocument::pageCount() const
{
    return m_pageSizes.size();
}

QSizeF PdfDocument::pageSizePoints(int page) const
{
    return page >= 0 && page < m_pageSizes.size() ? m_pageSizes.at(page) : QSizeF();
}

QSize PdfDocument::pixelSizeFor(const QSizeF &points, double dpi)
{
    // Same arithmetic and order as GfxState (k = dpi / 72; size = k * points) followed by
    // SplashOutputDev::startPage's (int)(size + 0.5): round half up, never below one pixel.
    const double k = dpi / 72.0;
    const int w = static_cast<int>(k * points.width() + 0.5);
    const int h = static_cast<int>(k * points.height() + 0.5);
    return QSize(std::max(w, 1), std::max(h, 1));
}

QImage PdfDocument::renderPage(int page, double dpi) const
{
    if (page < 0 || page >= m_pageSizes.size() || !(dpi > 0))
        return {};
    // A runaway zoom must not ask Poppler for gigabytes: beyond this the caller gets a null image
    // (PageRenderer turns that into renderFailed) instead of a stall or an out-of-memory abort.
    const QSize px = pixelSizeFor(m_pageSizes.at(page), dpi);
    if (qint64(px.width()) * px.height() > kMaxRenderPixels)
        return {};
    QMutexLocker lock(&m_mutex);
    std::unique_ptr<Poppler::Page> p = m_pdf->page(page);
    return p ? p->renderToImage(dpi, dpi) : QImage();
}

QSize PdfDocument::analysisPixelSize(int page, double analysisDpi) const
{
    if (page < 0 || page >= m_pageSizes.size() || !(analysisDpi > 0))
        return {};
    return pixelSizeFor(m_pageSizes.at(page), analysisDpi);
}

QImage PdfDocument::analysisImage(int page, double analysisDpi) const
{
    return renderPage(page, analysisDpi);
}

QString PdfDocument::pageText(int page) const
{
    if (page < 0 || page >= m_pageSizes.size())
        return {};
    QMutexLocker lock(&m_mutex);
    std::unique_ptr<Poppler::Page> p = m_pdf->page(page);
    return p ? p->text(QRectF()) : QString();
}

QVector<PageWord> PdfDocument::pageWords(int page) const
{
    QVector<PageWord> words;
    if (page < 0 || page >= m_pageSizes.size())
        return words;
    QMutexLocker lock(&m_mutex);
    std::unique_ptr<Poppler::Page> p = m_pdf->page(page);
    if (!p)
        return words;
    // textList() boxes are in points, origin top left, in the page's displayed orientation: the
    // same frame as pageSizeF(), so dividing by it gives the normalised overlay coordinates.
    const QSizeF size = p->pageSizeF();
    if (size.width() <= 0 || size.height() <= 0)
        return words;
    for (const std::unique_ptr<Poppler::TextBox> &box : p->textList()) {
        const QString text = box->text().trimmed();
        if (text.isEmpty())
            continue;
        const QRectF r = box->boundingBox();
        words.push_back({text, QRectF(r.x() / size.width(), r.y() / size.height(), r.width() / size.width(),
                                      r.height() / size.height())});
    }
    return words;
}

} // namespace leopard::viewer
