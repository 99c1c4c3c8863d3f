#include "app/bench/bench_index.h"

#include "index/document_indexer.h"
#include "index/ocr.h"
#include "index/page_index.h"
#include "index/text_fold.h"
#include "viewer/document_opener.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

using nlohmann::json;

namespace leopard::bench {

namespace {

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Nearest rank: the smallest sample with at least p of them at or below it.
double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t rank = std::size_t(std::ceil(p * double(v.size())));
    return v[std::min(v.size(), std::max<std::size_t>(1, rank)) - 1];
}

std::runtime_error failure(const QString &message) { return std::runtime_error(message.toStdString()); }

// The long PDF: the one given, or one written by the generator into `dir`.
QString longPdf(const IndexBenchOptions &o, const QTemporaryDir &dir, const std::function<void(const std::string &)> &log)
{
    if (!o.pdf.empty()) {
        const QString pdf = QString::fromStdString(o.pdf);
        if (!QFileInfo(pdf).isFile())
            throw failure(QStringLiteral("%1: no such file").arg(pdf));
        return pdf;
    }
    const QString script = QString::fromStdString(o.generator);
    const QString how = QStringLiteral("make one with `python3 tests/index/make_test_pdfs.py long FILE.pdf --pages %1` "
                                       "in the source tree and pass --pdf FILE.pdf").arg(o.pages);
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        throw failure(QStringLiteral("no --pdf given and python3 is not installed to write one: %1").arg(how));
    if (!QFileInfo(script).isFile())
        throw failure(QStringLiteral("no --pdf given and %1 is not there: %2").arg(script, how));
    const QString out = dir.filePath(QStringLiteral("long.pdf"));
    log("writing a " + std::to_string(o.pages) + "-page PDF with " + script.toStdString());
    QProcess p;
    p.start(QStringLiteral("python3"), {script, QStringLiteral("long"), out, QStringLiteral("--pages"), QString::number(o.pages)});
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        throw failure(QStringLiteral("%1 failed: %2").arg(script, QString::fromUtf8(p.readAllStandardError())));
    return out;
}

// Every distinct folded word of four letters or more, in a fixed order, for the queries.
QStringList queryWords(const QVector<index::IndexedPage> &pages)
{
    QSet<QString> seen;
    QStringList words;
    for (const index::IndexedPage &p : pages)
        for (const index::IndexedWord &w : p.words)
            for (const QString &t : index::foldedTokens(w.text))
                if (t.size() >= 4 && !t.front().isDigit() && !seen.contains(t)) {
                    seen.insert(t);
                    words << t;
                }
    std::sort(words.begin(), words.end());
    return words;
}

json textLayer(const QString &pdf, const QString &indexPath, QVector<index::IndexedPage> *pages,
               const std::function<void(const std::string &)> &log)
{
    QElapsedTimer t;
    t.start();
    const viewer::OpenResult opened = viewer::openDocument(pdf);
    if (!opened.ok())
        throw failure(opened.message);
    const double openS = t.nsecsElapsed() / 1e9;
    log("reading the text layer of " + std::to_string(opened.document->pageCount()) + " pages");
    t.restart();
    *pages = index::readPages(*opened.document);
    const double readS = t.nsecsElapsed() / 1e9;
    int text = 0;
    for (const index::IndexedPage &p : *pages)
        text += p.source == QLatin1String("text") ? 1 : 0;
    index::PageIndex idx(indexPath);
    QString error;
    t.restart();
    if (!idx.addDocument(QStringLiteral("bench-copy-1"), pdf, *pages, &error))
        throw failure(error);
    const double addS = t.nsecsElapsed() / 1e9;
    const double n = double(pages->size());
    return {{"pdf", pdf.toStdString()}, {"pages", pages->size()}, {"text_pages", text}, {"open_s", openS},
            {"read_s", readS}, {"add_s", addS}, {"read_pages_per_s", n / readS}, {"add_pages_per_s", n / addS},
            {"pages_per_s", n / (readS + addS)}};
}

json ocr(const IndexBenchOptions &o, const std::function<void(const std::string &)> &log)
{
    const QString sample = QString::fromStdString(o.samplePdf);
    index::OcrOptions options;
    options.resolutionDpi = o.dpi;
    if (const QString missing = index::missingLanguageData(options.languages); !missing.isEmpty())
        throw failure(missing);
    const viewer::OpenResult opened = viewer::openDocument(sample);
    if (!opened.ok())
        throw failure(opened.message);
    const int pages = std::min(o.ocrPages, opened.document->pageCount());
    std::vector<double> wall, cpu;
    int words = 0;
    for (int i = 0; i < pages; ++i) {
        // The analysis render is pixels only: recognise() never sees the text layer.
        const QImage image = opened.document->analysisImage(i, o.dpi);
        log("OCR of page " + std::to_string(i + 1) + " of " + std::to_string(pages));
        QElapsedTimer t;
        t.start();
        const double c0 = cpuSeconds();
        const index::OcrResult r = index::recognise(image, options);
        cpu.push_back(cpuSeconds() - c0);
        wall.push_back(t.nsecsElapsed() / 1e9);
        if (!r.error.isEmpty())
            throw failure(QStringLiteral("%1 page %2: %3").arg(sample).arg(i + 1).arg(r.error));
        words += int(r.words.size());
    }
    double wallSum = 0, cpuSum = 0;
    for (std::size_t i = 0; i < wall.size(); ++i)
        wallSum += wall[i], cpuSum += cpu[i];
    const QByteArray omp = qgetenv("OMP_THREAD_LIMIT");
    return {{"pdf", sample.toStdString()}, {"dpi", o.dpi}, {"pages", pages}, {"words", words},
            {"threads", 1}, {"omp_thread_limit", omp.isEmpty() ? std::string("unset") : omp.toStdString()},
            {"seconds_per_page", wall}, {"median_s_per_page", median(wall)},
            {"pages_per_minute_per_core", 60.0 * pages / wallSum},
            {"pages_per_cpu_minute", 60.0 * pages / std::max(1e-9, cpuSum)}};
}

json queries(const IndexBenchOptions &o, const QString &indexPath, const QVector<index::IndexedPage> &pages, json *size,
             const std::function<void(const std::string &)> &log)
{
    QStringList shas{QStringLiteral("bench-copy-1")};
    qint64 walPeak = QFileInfo(indexPath + QStringLiteral("-wal")).size();
    std::vector<double> ms;
    {
        index::PageIndex idx(indexPath);
        QString error;
        for (int c = 2; c <= o.copies; ++c) {
            const QString sha = QStringLiteral("bench-copy-%1").arg(c);
            log("adding copy " + std::to_string(c) + " of " + std::to_string(o.copies));
            if (!idx.addDocument(sha, QStringLiteral("copy-%1.pdf").arg(c), pages, &error))
                throw failure(error);
            shas << sha;
            walPeak = std::max(walPeak, QFileInfo(indexPath + QStringLiteral("-wal")).size());
        }
        const QStringList words = queryWords(pages);
        if (words.isEmpty())
            throw failure(QStringLiteral("the PDF has no words to query"));
        // One, two and three words in turn, drawn the same way every run; the first query the
        // generator's word of one page when it is there.
        std::mt19937 rng(7);
        std::uniform_int_distribution<qsizetype> pick(0, words.size() - 1);
        log("timing " + std::to_string(o.queries) + " queries over " + std::to_string(pages.size() * o.copies) + " pages");
        for (int q = 0; q < o.queries; ++q) {
            QStringList terms;
            if (q == 0 && words.contains(QStringLiteral("quetzalcoatl")))
                terms << QStringLiteral("quetzalcoatl");
            else
                for (int k = 0; k <= q % 3; ++k)
                    terms << words[pick(rng)];
            QElapsedTimer t;
            t.start();
            const QVector<index::SearchHit> hits = idx.search(shas, terms.join(QLatin1Char(' ')), 20, {QStringLiteral("en")}, &error);
            ms.push_back(t.nsecsElapsed() / 1e6);
            if (!error.isEmpty())
                throw failure(error);
            if (hits.isEmpty())
                throw failure(QStringLiteral("no page matches \"%1\", a word of the document").arg(terms.join(QLatin1Char(' '))));
        }
    }
    // The last connection closed: its WAL is checkpointed into the file and removed.
    const qint64 db = QFileInfo(indexPath).size(), wal = QFileInfo(indexPath + QStringLiteral("-wal")).size();
    const qint64 total = qint64(pages.size()) * o.copies;
    *size = {{"pages", total}, {"database_bytes", db}, {"wal_bytes", wal}, {"wal_peak_bytes_while_open", walPeak},
             {"bytes_per_page", double(db + wal) / double(total)}};
    return {{"pages", total}, {"documents", o.copies}, {"queries", o.queries}, {"limit", 20},
            {"median_ms", median(ms)}, {"p95_ms", percentile(ms, 0.95)}, {"max_ms", *std::max_element(ms.begin(), ms.end())}};
}

} // namespace

json runIndexBench(const IndexBenchOptions &o, const std::function<void(const std::string &)> &log)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        throw failure(QStringLiteral("no temporary folder: %1").arg(dir.errorString()));
    const QString pdf = longPdf(o, dir, log);
    const QString indexPath = dir.filePath(QStringLiteral("bench-index.sqlite"));
    QVector<index::IndexedPage> pages;
    json report;
    // Other work on the machine slows every figure: the load average says how much there was.
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QString load = loadavg.open(QIODevice::ReadOnly) ? QString::fromLatin1(loadavg.readAll()).section(QLatin1Char(' '), 0, 2) : QString();
    report["machine"] = {{"cores", QThread::idealThreadCount()}, {"load_average", load.toStdString()}};
    report["text_layer"] = textLayer(pdf, indexPath, &pages, log);
    report["ocr"] = ocr(o, log);
    json size;
    report["query"] = queries(o, indexPath, pages, &size, log);
    report["index_size"] = size;
    return report;
}

std::string indexTable(const json &r)
{
    char line[512];
    std::ostringstream out;
    out << "machine      " << r.at("machine").at("cores").get<int>() << " cores, load average "
        << r.at("machine").at("load_average").get<std::string>() << " at the start\n";
    const json &t = r.at("text_layer"), &c = r.at("ocr"), &q = r.at("query"), &s = r.at("index_size");
    std::snprintf(line, sizeof line, "text layer   %8.0f pages/s   %d pages of %s: read %.2f s (%.0f pages/s), added %.2f s (%.0f pages/s)\n",
                  t.at("pages_per_s").get<double>(), t.at("pages").get<int>(), t.at("pdf").get<std::string>().c_str(),
                  t.at("read_s").get<double>(), t.at("read_pages_per_s").get<double>(), t.at("add_s").get<double>(),
                  t.at("add_pages_per_s").get<double>());
    out << line;
    std::snprintf(line, sizeof line, "OCR          %8.1f pages/min/core   %d pages at %.0f dpi, median %.2f s a page, one thread "
                                     "(OMP_THREAD_LIMIT=%s); %.1f pages per CPU-minute\n",
                  c.at("pages_per_minute_per_core").get<double>(), c.at("pages").get<int>(), c.at("dpi").get<double>(),
                  c.at("median_s_per_page").get<double>(), c.at("omp_thread_limit").get<std::string>().c_str(),
                  c.at("pages_per_cpu_minute").get<double>());
    out << line;
    std::snprintf(line, sizeof line, "query        %8.2f ms median, %.2f ms p95, %.2f ms max   %d queries over %lld pages (%d documents), 20 hits\n",
                  q.at("median_ms").get<double>(), q.at("p95_ms").get<double>(), q.at("max_ms").get<double>(),
                  q.at("queries").get<int>(), q.at("pages").get<long long>(), q.at("documents").get<int>());
    out << line;
    std::snprintf(line, sizeof line, "index size   %8.0f bytes/page   %lld bytes for %lld pages after checkpoint (WAL %lld; %lld at most while open)\n",
                  s.at("bytes_per_page").get<double>(), s.at("database_bytes").get<long long>() + s.at("wal_bytes").get<long long>(),
                  s.at("pages").get<long long>(), s.at("wal_bytes").get<long long>(), s.at("wal_peak_bytes_while_open").get<long long>());
    out << line;
    return out.str();
}

void indexUsage(FILE *out)
{
    std::fprintf(out,
                 "  leopard-bench index [--pdf FILE] [--pages N] [--copies N] [--queries N] [--ocr-pages N] [--quick] [--json]\n"
                 "                           the page index: text-layer pages/s (readPages + addDocument of a long PDF),\n"
                 "                           OCR pages/min on one core at 144 dpi (the sample report), query median/p95 ms\n"
                 "                           over pages x copies pages, index bytes per page. Without --pdf, a PDF of N pages\n"
                 "                           (default 2000) is written by tests/index/make_test_pdfs.py (python3).\n"
                 "                           --quick: 200 pages, 20 queries, 1 OCR page\n");
}

int indexCommand(const QStringList &args, char **argv)
{
    // Debian's libtesseract runs its LSTM on OpenMP threads and OpenCV on TBB's; a one-core figure
    // needs both held to one thread, and they read that from the environment when they load, before
    // main: start again with it set (once; the marker stops a loop when exec is refused).
    if (qgetenv("OMP_THREAD_LIMIT") != "1" && qEnvironmentVariableIsEmpty("LEOPARD_BENCH_RESTARTED")) {
        qputenv("OMP_THREAD_LIMIT", "1");
        qputenv("OPENCV_FOR_THREADS_NUM", "1");
        qputenv("LEOPARD_BENCH_RESTARTED", "1");
        execv("/proc/self/exe", argv);
        std::fprintf(stderr, "leopard-bench index: could not start again with OMP_THREAD_LIMIT=1; OCR may use more than one thread\n");
    }
    IndexBenchOptions o;
    o.samplePdf = LEOPARD_SAMPLE_PDF;
    o.generator = LEOPARD_TEST_PDF_SCRIPT;
    bool json = false, quick = false, pagesSet = false, queriesSet = false, ocrSet = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool v = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--pdf") && v)
            o.pdf = args[++i].toStdString();
        else if (a == QLatin1String("--pages") && v)
            o.pages = args[++i].toInt(&ok), ok = ok && o.pages > 0, pagesSet = true;
        else if (a == QLatin1String("--copies") && v)
            o.copies = args[++i].toInt(&ok), ok = ok && o.copies > 0;
        else if (a == QLatin1String("--queries") && v)
            o.queries = args[++i].toInt(&ok), ok = ok && o.queries > 0, queriesSet = true;
        else if (a == QLatin1String("--ocr-pages") && v)
            o.ocrPages = args[++i].toInt(&ok), ok = ok && o.ocrPages > 0, ocrSet = true;
        else if (a == QLatin1String("--quick"))
            quick = true;
        else if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            indexUsage(stdout);
            return 0;
        } else
            ok = false;
        if (!ok) {
            std::fprintf(stderr, "leopard-bench index: bad argument '%s'\n", qPrintable(a));
            indexUsage(stderr);
            return 2;
        }
    }
    if (quick) { // explicit values win over --quick's, whatever the order
        if (!pagesSet) o.pages = 200;
        if (!queriesSet) o.queries = 20;
        if (!ocrSet) o.ocrPages = 1;
    }
    try {
        const nlohmann::json r = runIndexBench(o, [](const std::string &s) { std::fprintf(stderr, "leopard-bench index: %s\n", s.c_str()); });
        if (json)
            std::printf("%s\n", r.dump(2).c_str());
        else
            std::printf("%s", indexTable(r).c_str());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "leopard-bench index: %s\n", e.what());
        return 1;
    }
    return 0;
}

} // namespace leopard::bench
