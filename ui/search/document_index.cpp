#include "ui/search/document_index.h"

#include "index/document_indexer.h"
#include "ui/settings/app_settings.h"

#include <QFileInfo>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace leopard::ui {

DocumentIndex::DocumentIndex(const QString &path, QObject *parent)
    : QObject(parent), m_path(path)
{
    m_pool.setMaxThreadCount(1);
}

DocumentIndex::~DocumentIndex()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

void DocumentIndex::setDocuments(const QList<QPair<SessionDocument, viewer::DocumentPtr>> &documents)
{
    m_documents = documents;
    if (!m_query) {
        m_query = std::make_unique<index::PageIndex>(m_path);
        if (!m_query->openMessage().isEmpty()) {
            m_message = m_query->openMessage();
            emit message(m_message);
        }
    }
    m_pending.clear();
    for (const auto &d : documents)
        if (d.first.sha256 != m_runningSha && !m_query->hasDocument(d.first.sha256))
            m_pending << d;
    startNext();
    emit documentsChanged();
    if (isReady())
        emit ready();
}

void DocumentIndex::startNext()
{
    if (m_running || m_pending.isEmpty()) {
        if (!m_running && m_pending.isEmpty() && !m_progress.isEmpty()) {
            m_progress.clear();
            emit progress(QString());
        }
        return;
    }
    const auto [doc, document] = m_pending.takeFirst();
    m_running = true;
    m_runningSha = doc.sha256;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    // In-memory indexes cannot be shared between connections: the worker writes through its own
    // connection to the file, or (the file unusable) nothing is kept beyond this run's queries.
    const QString path = m_query && m_query->inMemory() ? QString() : m_path;
    QPointer<DocumentIndex> self(this);
    const QString name = QFileInfo(doc.path).fileName();
    const int left = int(m_pending.size());
    index::OcrOptions ocr;
    ocr.languages = AppSettings::effectiveOcrLanguages(); // Settings ▸ Text recognition (the UI language's and English)
    (void)QtConcurrent::run(&m_pool, [self, doc, document, cancel, path, name, left, ocr] {
        QString error, problem;
        const QVector<index::IndexedPage> pages = index::readPages(*document, cancel.get(), [&](int page, int count, bool byOcr) {
            const QString text = (byOcr ? tr("Reading the text of “%1”: page %2 of %3 (OCR)…")
                                        : tr("Reading the text of “%1”: page %2 of %3…")).arg(name).arg(page).arg(count)
                + (left > 0 ? tr(" (%n more document(s))", "", left) : QString());
            QMetaObject::invokeMethod(self, [self, text] {
                if (self) {
                    self->m_progress = text;
                    emit self->progress(text);
                }
            }, Qt::QueuedConnection);
        }, &ocr, &problem);
        if (!problem.isEmpty()) // a missing language pack, a page past its OCR time limit: said, not fatal
            error = tr("Reading “%1”: %2").arg(name, problem);
        if (!cancel->load() && !path.isEmpty()) {
            index::PageIndex writer(path);
            QString failed;
            if (!writer.addDocument(doc.sha256, doc.path, pages, &failed))
                error = failed;
        }
        QMetaObject::invokeMethod(self, [self, error] {
            if (self)
                self->finishedOne(error);
        }, Qt::QueuedConnection);
    });
}

void DocumentIndex::finishedOne(const QString &error)
{
    m_running = false;
    m_runningSha.clear();
    if (!error.isEmpty()) {
        m_message = error;
        emit message(error);
    }
    emit documentIndexed();
    startNext();
    if (isReady())
        emit ready();
}

DocumentIndex::Pick DocumentIndex::pick(const QString &question, int count) const
{
    Pick out;
    if (!m_query)
        return out;
    QStringList shas;
    QHash<QString, QString> fileOf;
    for (const auto &d : m_documents) {
        shas << d.first.sha256;
        fileOf.insert(d.first.sha256, d.first.path);
    }
    out.pick = index::pickPages(*m_query, shas, question, count);
    for (const index::PickedPage &p : out.pick.pages)
        out.pages << PageKey{fileOf.value(p.sha), p.page};
    return out;
}

} // namespace leopard::ui
