// `leopard-bench index --quick --json` as a user runs it: one JSON document on stdout with the four
// figures (text-layer pages/s, OCR pages per minute per core, query median and p95 ms, index bytes
// per page) positive and finite, and consistent with the counts beside them (pages x copies pages
// queried; p95 between median and max; the text-layer rate from its own read and add times).
// No timing is asserted: speed is read from the printed figures.
#include "index/ocr.h"
#include "test_pdfs.h"
#include "tests/common/process_run.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

bool positive(const QJsonValue &v) { return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() > 0; }

} // namespace

class TestBenchIndex : public QObject {
    Q_OBJECT

private slots:
    void quickJsonHasTheFourFigures()
    {
        if (const QString why = leopard::test::pythonMissing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (!leopard::index::missingLanguageData({S("eng")}).isEmpty())
            QSKIP("tesseract-ocr-eng is not installed");
        const leopard::test::ProcessRun r = leopard::test::runProcess(S(LEOPARD_BENCH_PATH), {S("index"), S("--quick"), S("--json")},
                                                                      {}, 300000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError parseError;
        const QJsonObject report = QJsonDocument::fromJson(r.out, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + S(": ") + QString::fromUtf8(r.out)));

        const QJsonObject text = report[S("text_layer")].toObject(), ocr = report[S("ocr")].toObject(),
                          query = report[S("query")].toObject(), size = report[S("index_size")].toObject();
        const std::pair<QJsonObject, const char *> figures[] = {
            {text, "pages_per_s"}, {ocr, "pages_per_minute_per_core"}, {query, "median_ms"}, {query, "p95_ms"}, {size, "bytes_per_page"}};
        for (const auto &[object, key] : figures)
            QVERIFY2(positive(object[S(key)]), key);

        QCOMPARE(text[S("pages")].toInt(), 200); // --quick's generated PDF
        QCOMPARE(text[S("text_pages")].toInt(), 200);
        const double rate = 200 / (text[S("read_s")].toDouble() + text[S("add_s")].toDouble());
        QVERIFY(std::abs(text[S("pages_per_s")].toDouble() - rate) <= 1e-6 * rate);
        QCOMPARE(ocr[S("pages")].toInt(), 1);
        QCOMPARE(ocr[S("dpi")].toDouble(), 144.0);
        QCOMPARE(ocr[S("omp_thread_limit")].toString(), S("1")); // the bench started again with one OpenMP thread
        QVERIFY(ocr[S("words")].toInt() > 50);
        QCOMPARE(query[S("pages")].toInt(), 200 * query[S("documents")].toInt());
        QCOMPARE(query[S("queries")].toInt(), 20);
        QVERIFY(query[S("median_ms")].toDouble() <= query[S("p95_ms")].toDouble());
        QVERIFY(query[S("p95_ms")].toDouble() <= query[S("max_ms")].toDouble());
        QCOMPARE(size[S("pages")].toInt(), query[S("pages")].toInt());
        const double bytes = size[S("database_bytes")].toDouble() + size[S("wal_bytes")].toDouble();
        QVERIFY(std::abs(size[S("bytes_per_page")].toDouble() - bytes / size[S("pages")].toDouble()) < 1e-6);
        qInfo("quick: %.0f text pages/s, %.1f OCR pages/min/core, query %.2f / %.2f ms (median / p95), %.0f bytes/page",
              text[S("pages_per_s")].toDouble(), ocr[S("pages_per_minute_per_core")].toDouble(), query[S("median_ms")].toDouble(),
              query[S("p95_ms")].toDouble(), size[S("bytes_per_page")].toDouble());
    }

    void badPdfNamesTheFile()
    {
        const leopard::test::ProcessRun r = leopard::test::runProcess(S(LEOPARD_BENCH_PATH),
                                                                      {S("index"), S("--pdf"), S("/nonexistent/long.pdf"), S("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("/nonexistent/long.pdf"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBenchIndex)
#include "test_bench_index.moc"
