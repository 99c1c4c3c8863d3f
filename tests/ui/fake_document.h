#pragma once
// A Document with given page sizes and plain renders, for UI tests that need no PDF.

#include "viewer/document.h"

#include <QImage>
#include <QVector>
#include <QtMath>

namespace leopard::test {

class FakeDocument : public viewer::Document
{
public:
    FakeDocument(const QString &path, QVector<QSizeF> pagesPoints)
        : Document(path, viewer::DocumentKind::Pdf), m_pages(std::move(pagesPoints)) {}

    static std::shared_ptr<FakeDocument> letter(const QString &path, int pages)
    {
        return std::make_shared<FakeDocument>(path, QVector<QSizeF>(pages, QSizeF(612, 792)));
    }

    int pageCount() const override { return m_pages.size(); }
    QSizeF pageSizePoints(int page) const override { return m_pages.value(page); }
    QImage renderPage(int page, double dpi) const override
    {
        QImage img(pixels(page, dpi), QImage::Format_RGB32);
        img.fill(Qt::white);
        return img;
    }
    QSize analysisPixelSize(int page, double dpi) const override { return pixels(page, dpi); }
    QImage analysisImage(int page, double dpi) const override { return renderPage(page, dpi); }

private:
    QSize pixels(int page, double dpi) const
    {
        const QSizeF pts = m_pages.value(page);
        return {qMax(1, qRound(pts.width() * dpi / 72.0)), qMax(1, qRound(pts.height() * dpi / 72.0))};
    }
    QVector<QSizeF> m_pages;
};

} // namespace leopard::test
