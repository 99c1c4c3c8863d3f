#pragma once
// The viewer's open documents as the conversation core's PageSource: pages by path, their analysis
// sizes and renders (viewer::toModelRgb, exactly PIL's convert('RGB'), on the worker thread), and
// the documents' content hashes — computed on a pool thread (a 1 GB file takes a second) and
// remembered per path while its size and modification time hold. The app's Ask dock and
// leopard-cli share it. Qt Gui (the viewer), no widgets.
#include "ui/conversation/page_source.h"
#include "viewer/document.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QVector>

namespace leopard::ui {

class DocumentPages : public QObject, public PageSource
{
    Q_OBJECT
public:
    explicit DocumentPages(QObject *parent = nullptr);

    // The open documents, in strip order. Hashing starts at once; identified() follows.
    void setDocuments(const QVector<viewer::DocumentPtr> &documents);
    // The same, hashed on this thread (leopard-cli: nothing else to do meanwhile).
    void setDocumentsNow(const QVector<viewer::DocumentPtr> &documents);
    const QVector<viewer::DocumentPtr> &documents() const { return m_documents; }
    bool isIdentified() const { return !m_pending; }
    QList<SessionDocument> identifiedDocuments() const; // only those whose hash is known
    viewer::DocumentPtr document(const QString &file) const;

    // PageSource
    QList<SessionDocument> openDocuments() const override;
    int pageCount(const QString &file) const override;
    PixelSize analysisSize(const PageKey &page, double dpi) const override;
    AskPage askPage(const PageKey &page, double dpi, const ImagePlan &plan) const override;

signals:
    void identified(); // the hashes of the documents last set are in

private:
    struct Job { QString path; qint64 size; QDateTime modified; QString sha; };
    QVector<Job> jobsFor(const QVector<viewer::DocumentPtr> &documents) const;
    void hashed(quint64 generation, const QVector<Job> &done);

    QVector<viewer::DocumentPtr> m_documents;
    QList<SessionDocument> m_hashes; // parallel to m_documents once identified
    quint64 m_generation = 0;
    bool m_pending = false;
    struct HashEntry { qint64 size; QDateTime modified; QString sha; };
    QHash<QString, HashEntry> m_cache; // path -> hash
};

// A page of a document as the worker's request: the document is kept alive by the render function,
// which runs on the inference worker's thread (Document::analysisImage is thread-safe) and only
// on a cache miss.
AskPage askPageFor(const viewer::DocumentPtr &document, int page, double analysisDpi, const ImagePlan &plan);

} // namespace leopard::ui
