#pragma once
// leopard-cli's inputs as the conversation core's PageSource: documents opened through the viewer
// as the app opens them (PDFs, decks, images), and --images files decoded directly (QImageReader,
// first frame, no EXIF rotation: the path the parity tests use). Content hashes are computed here,
// on the calling thread: the CLI has nothing else to do meanwhile.
#include "ui/conversation/document_pages.h"

#include <QImage>
#include <QVector>

namespace leopard::cli {

class CliPages : public ui::PageSource
{
public:
    struct Direct {
        QString path;
        QImage image;
        QString sha;
    };

    // Documents in command-line order; direct images after their position is known (order()).
    void addDocument(const viewer::DocumentPtr &document) { m_documents << document; }
    void addDirect(const QString &path, const QImage &image);
    void identify(); // hashes everything (once)
    QList<ui::SessionDocument> identifiedDocuments() const;
    QString kind(const QString &file) const; // pdf, slides, image

    QList<ui::SessionDocument> openDocuments() const override;
    int pageCount(const QString &file) const override;
    PixelSize analysisSize(const ui::PageKey &page, double dpi) const override;
    AskPage askPage(const ui::PageKey &page, double dpi, const ImagePlan &plan) const override;

private:
    const Direct *direct(const QString &file) const;
    ui::DocumentPages m_viewer;
    QVector<viewer::DocumentPtr> m_documents;
    QVector<Direct> m_direct;
};

} // namespace leopard::cli
