#include "index/document_indexer.h"

#include <QMutex>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace leopard::index {

bool isUsableText(const QVector<viewer::PageWord> &words)
{
    qsizetype letters = 0, total = 0;
    for (const viewer::PageWord &w : words)
        for (const QChar c : w.text) {
            ++total;
            letters += c.isLetterOrNumber() && c.category() != QChar::Other_PrivateUse ? 1 : 0;
        }
    return total > 0 && letters * 2 >= total;
}

int defaultOcrThreads()
{
    // One core stays free for the window and the model. Debian's libtesseract is built with OpenMP
    // and may use a few threads inside one page's LSTM; OMP_THREAD_LIMIT=1 in the environment stops
    // that (it is read when the library loads, so it cannot be set from here).
    return std::max(1, QThread::idealThreadCount() - 1);
}

namespace {

void copyWords(const QVector<viewer::PageWord> &from, IndexedPage *to)
{
    for (const viewer::PageWord &w : from)
        to->words.push_back({w.text, w.box});
}

} // namespace

QVector<IndexedPage> readPages(const viewer::Document &document, const std::atomic_bool *cancel,
                               const PageProgress &progress, const OcrOptions *ocr, QString *problem)
{
    const int count = document.pageCount();
    QVector<IndexedPage> pages(count);
    // A missing language pack is said once, not per page; pages are still read in the languages
    // that are installed (none installed: not read).
    const QString missing = ocr ? missingLanguageData(ocr->languages, ocr->tessdataDir) : QString();
    OcrOptions installed = ocr ? *ocr : OcrOptions{};
    if (ocr && !missing.isEmpty()) {
        installed.languages.clear();
        for (const QString &l : ocr->languages)
            if (missingLanguageData({l}, ocr->tessdataDir).isEmpty())
                installed.languages << l;
    }
    const bool canOcr = ocr && !installed.languages.isEmpty();
    // First every page's text layer (fast, in order); the pages without a usable one are queued for OCR.
    QVector<int> forOcr;
    int read = 0;
    for (int i = 0; i < count; ++i) {
        if (cancel && cancel->load())
            return pages.mid(0, read);
        IndexedPage &p = pages[i];
        p.page = i;
        p.source = QStringLiteral("none");
        const QVector<viewer::PageWord> words = document.pageWords(i);
        if (isUsableText(words)) {
            p.source = QStringLiteral("text");
            copyWords(words, &p);
        } else if (canOcr) {
            forOcr << i;
        }
        read = i + 1;
        if (progress && (forOcr.isEmpty() || forOcr.last() != i))
            progress(i + 1, count, false);
    }
    // Then OCR on a pool of threads: each page renders and is read on its own thread (documents are
    // thread-safe); progress is reported in the order pages finish, one report at a time.
    if (!forOcr.isEmpty()) {
        QThreadPool pool;
        pool.setMaxThreadCount(std::max(1, installed.threads > 0 ? installed.threads : defaultOcrThreads()));
        QMutex lock;
        QVector<QString> errors(count);
        for (const int i : forOcr)
            pool.start(QRunnable::create([&, i] {
                if (cancel && cancel->load())
                    return;
                {
                    QMutexLocker l(&lock);
                    if (progress)
                        progress(i + 1, count, true);
                }
                const OcrResult r = recognise(document.analysisImage(i, installed.resolutionDpi), installed, cancel);
                IndexedPage &p = pages[i]; // each task writes its own page only
                copyWords(r.words, &p);
                if (!p.words.isEmpty())
                    p.source = QStringLiteral("ocr");
                errors[i] = r.error;
            }));
        pool.waitForDone();
        if (problem && problem->isEmpty())
            for (const int i : forOcr) // the first page's problem, whatever order the threads ran in
                if (!errors[i].isEmpty()) {
                    *problem = QStringLiteral("Page %1: %2.").arg(i + 1).arg(errors[i]);
                    break;
                }
    }
    if (!missing.isEmpty() && problem && problem->isEmpty() && (!forOcr.isEmpty() || !canOcr))
        for (const IndexedPage &p : pages)
            if (p.source != QLatin1String("text")) { // a page that needed OCR
                *problem = missing;
                break;
            }
    return pages;
}

} // namespace leopard::index
