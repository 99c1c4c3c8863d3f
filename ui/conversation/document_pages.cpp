#include "ui/conversation/document_pages.h"

#include "ui/conversation/session_store.h"
#include "viewer/model_pixels.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace leopard::ui {

AskPage askPageFor(const viewer::DocumentPtr &document, int page, double analysisDpi, const ImagePlan &plan)
{
    AskPage p;
    p.documentPath = document ? document->sourcePath() : QString();
    p.page = page;
    p.analysisDpi = analysisDpi;
    p.plan = plan;
    p.render = [document, page, analysisDpi]() -> preprocess::RgbImage {
        if (!document)
            return {};
        return viewer::toModelRgb(document->analysisImage(page, analysisDpi));
    };
    return p;
}

DocumentPages::DocumentPages(QObject *parent) : QObject(parent) {}

QVector<DocumentPages::Job> DocumentPages::jobsFor(const QVector<viewer::DocumentPtr> &documents) const
{
    QVector<Job> jobs;
    for (const viewer::DocumentPtr &d : documents) {
        const QFileInfo fi(d->sourcePath());
        Job j{d->sourcePath(), fi.size(), fi.lastModified(), {}};
        const auto hit = m_cache.constFind(j.path);
        if (hit != m_cache.cend() && hit->size == j.size && hit->modified == j.modified)
            j.sha = hit->sha;
        jobs << j;
    }
    return jobs;
}

void DocumentPages::setDocuments(const QVector<viewer::DocumentPtr> &documents)
{
    if (m_generation > 0 && documents == m_documents)
        return; // the same documents (being) identified already
    m_documents = documents;
    m_hashes.clear();
    const quint64 generation = ++m_generation;
    m_pending = true;
    const QVector<Job> jobs = jobsFor(documents);
    QPointer<DocumentPages> self(this);
    QThreadPool::globalInstance()->start([self, generation, jobs] {
        QVector<Job> done = jobs;
        for (Job &j : done)
            if (j.sha.isEmpty())
                j.sha = SessionStore::hashDocument(j.path); // empty when unreadable
        QMetaObject::invokeMethod(qApp, [self, generation, done] {
            if (self)
                self->hashed(generation, done);
        }, Qt::QueuedConnection);
    });
}

void DocumentPages::setDocumentsNow(const QVector<viewer::DocumentPtr> &documents)
{
    m_documents = documents;
    QVector<Job> jobs = jobsFor(documents);
    for (Job &j : jobs)
        if (j.sha.isEmpty())
            j.sha = SessionStore::hashDocument(j.path);
    m_pending = true;
    hashed(++m_generation, jobs);
}

void DocumentPages::hashed(quint64 generation, const QVector<Job> &done)
{
    if (generation != m_generation)
        return; // the documents changed again meanwhile
    m_hashes.clear();
    for (const Job &j : done) {
        if (!j.sha.isEmpty())
            m_cache.insert(j.path, {j.size, j.modified, j.sha});
        m_hashes.append({j.path, j.sha});
    }
    m_pending = false;
    emit identified();
}

QList<SessionDocument> DocumentPages::identifiedDocuments() const
{
    QList<SessionDocument> out;
    for (const SessionDocument &d : m_hashes)
        if (!d.sha256.isEmpty())
            out << d;
    return out;
}

viewer::DocumentPtr DocumentPages::document(const QString &file) const
{
    for (const viewer::DocumentPtr &d : m_documents)
        if (d->sourcePath() == file)
            return d;
    return {};
}

QList<SessionDocument> DocumentPages::openDocuments() const
{
    QList<SessionDocument> out;
    for (int i = 0; i < m_documents.size(); ++i)
        out.append({m_documents[i]->sourcePath(), i < m_hashes.size() && !m_pending ? m_hashes[i].sha256 : QString()});
    return out;
}

int DocumentPages::pageCount(const QString &file) const
{
    const viewer::DocumentPtr d = document(file);
    return d ? d->pageCount() : 0;
}

PixelSize DocumentPages::analysisSize(const PageKey &page, double dpi) const
{
    const viewer::DocumentPtr d = document(page.file);
    if (!d || page.page < 0 || page.page >= d->pageCount())
        return {};
    const QSize px = d->analysisPixelSize(page.page, dpi);
    return {px.width(), px.height()};
}

AskPage DocumentPages::askPage(const PageKey &page, double dpi, const ImagePlan &plan) const
{
    return askPageFor(document(page.file), page.page, dpi, plan);
}

} // namespace leopard::ui
