// Evidence on the generated long report (tests/long_report/generate_long_report.py: 160 pages, 5 of
// them scans read by OCR, twelve facts at known pages). The answers are each fact's sentence and an
// answer in other words (numbers written differently: "18.3%", "2,310,000 TEU", "11 400 tonnes"),
// looked for in all 160 pages, and in the 3 pages around the fact (a turn's pages). References,
// independent of the code under test: the generator's expected JSON (the fact's page and sentence);
// the sentence's words where `pdftotext -bbox` puts them on a text page, and for a scan where they
// were printed before scanning (tests/evidence/scan_sources.py lays the page out again with the
// generator) carried through the matrix the scan image is drawn with. Every box must be on the
// fact's words: a box anywhere else is counted wrong. Negative cases: a number printed nowhere, a
// paraphrase with no shared phrase, numbers of one fact put into another's sentence (printed, but
// elsewhere, about something else): no box for them. `leopard-cli locate --json` end to end.
// Found / missed / wrongly found are printed (all facts, and the scanned ones alone).
#include "index/evidence.h"
#include "index/page_index.h"
#include "index/text_fold.h"
#include "tests/evidence/evidence_reference.h"
#include "tests/long_report/long_report.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using leopard::index::Evidence;
using leopard::index::EvidencePage;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

// Answers as a model might write them, by fact id (the generator's): other words, other number forms.
const QHash<QString, QString> &naturalAnswers()
{
    static const QHash<QString, QString> a{
        {S("rotterdam-cranes"), S("By the end of 2025 Rotterdam had 46 ship-to-shore cranes, after six new units entered service at Maasvlakte II.")},
        {S("antwerp-gate"), S("Since the appointment system started in March, a truck's average turnaround at the Antwerp gates fell from 71 to 52 minutes.")},
        {S("hamburg-reefer"), S("Reefer containers stayed 2.9 days on average in the Altenwerder yard in the fourth quarter (3.6 days a year earlier).")},
        {S("gdansk-record"), S("Gdansk handled 2,310,000 TEU in 2025 \u2014 a record for any Baltic port.")},
        {S("danube-ebitda"), S("The Danube Barge segment earned an EBITDA margin of 18.3% in 2025, its first positive year since 2019.")},
        {S("le-havre-wages"), S("They accepted a 4.5% wage increase under a three-year agreement, signed on 14 June.")},
        {S("valencia-shore-power"), S("Shore power at Valencia's cruise terminal avoided 11 400 tonnes of CO2 in its first full year.")},
        {S("piraeus-pier-iv"), S("Pier IV was postponed to 2027 because an archaeological survey found Roman remains under the planned quay.")},
        {S("netherlands-customs"), S("93 per cent of import declarations were cleared within 15 minutes by the single-window platform.")},
        {S("liege-widebody"), S("Liege Airport opened nine new widebody stands on its cargo apron.")},
        {S("red-sea-war-risk"), S("War-risk premiums for a Red Sea transit peaked at 0.7% of hull value in February.")},
        {S("duisburg-vacancy"), S("Warehouse vacancy in Duisburg fell to 1.8 percent, the lowest of any German inland hub.")},
    };
    return a;
}

struct Tally {
    int found = 0, missed = 0, wrong = 0, scannedFound = 0, scannedMissed = 0, scannedWrong = 0;
};

} // namespace

class TestEvidenceLongReport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    leopard::test::LongReport m_report;
    QString m_sources, m_sha;
    QHash<int, int> m_sourcePage;            // scanned page → its page in scan-sources.pdf
    QHash<int, QVector<double>> m_matrix;    // scanned page → the matrix its image is drawn with
    QVector<EvidencePage> m_pages;           // all 160, as the index holds them
    QHash<int, RefPage> m_refs;

    // The reference words of a page (1-based): pdftotext's, for a scan those printed, carried onto it.
    const RefPage &ref(int page)
    {
        if (!m_refs.contains(page))
            m_refs.insert(page, m_sourcePage.contains(page)
                                    ? leopard::test::onScan(pdftotextWords(m_sources, m_sourcePage[page]), m_matrix[page])
                                    : pdftotextWords(m_report.pdf, page));
        return m_refs[page];
    }
    // Points of slack: pdftotext and Poppler's boxes agree to a point; OCR boxes are the deskewed
    // image's (up to ~5 pt from the rotated print at a page's edge) with Tesseract's line heights.
    double tolerance(int page) const { return m_sourcePage.contains(page) ? 7.0 : 1.5; }

    const leopard::test::LongReportFact *factOnPage(int page) const
    {
        for (const auto &f : m_report.facts)
            if (f.page == page)
                return &f;
        return nullptr;
    }
    // An evidence on the words of the fact sentence of its page (any fact); *why when not.
    bool onFact(const Evidence &e, const leopard::test::LongReportFact &f, QString *why)
    {
        if (e.page + 1 != f.page) {
            *why = S("on p. %1, the fact is on p. %2").arg(e.page + 1).arg(f.page);
            return false;
        }
        const RefPage &r = ref(f.page);
        const QVector<RefWord> words = leopard::test::sentenceWords(r, f.text);
        if (words.isEmpty()) {
            *why = S("the reference has no sentence \"%1\" on p. %2").arg(f.text).arg(f.page);
            return false;
        }
        return leopard::test::boxesOnWords(e.boxes, words, r.width, r.height, tolerance(f.page), why);
    }
    QVector<EvidencePage> around(int page) const // 1-based: that page and the ones before and after
    {
        QVector<EvidencePage> out;
        for (int p = std::max(1, page - 1); p <= std::min(m_report.pages, page + 1); ++p)
            out << m_pages[p - 1];
        return out;
    }
    void tally(const leopard::test::LongReportFact &f, const QString &answer, const QVector<Evidence> &ev, Tally *t)
    {
        bool found = false;
        for (const Evidence &e : ev) {
            QString why;
            if (onFact(e, f, &why)) {
                found = true;
                continue;
            }
            ++t->wrong;
            t->scannedWrong += f.scanned ? 1 : 0;
            qWarning("%s: wrong place for \"%s\": %s (page text \"%s\")", qPrintable(f.id), qPrintable(e.span.text), qPrintable(why),
                     qPrintable(e.text));
        }
        (found ? t->found : t->missed) += 1;
        if (f.scanned)
            (found ? t->scannedFound : t->scannedMissed) += 1;
        QStringList spans;
        for (const Evidence &e : ev)
            spans << S("p. %1 \"%2\"").arg(e.page + 1).arg(e.span.text);
        qInfo("%-22s %s%s: %s", qPrintable(f.id), f.scanned ? "(scan) " : "", found ? "found" : "MISSED",
              qPrintable(spans.isEmpty() ? S("nothing for \"%1\"").arg(answer) : spans.join(S("; "))));
    }
    void report(const char *what, const Tally &t)
    {
        qInfo("%s: found %d, missed %d, wrongly found %d (boxes off the fact); scanned alone: found %d, missed %d, wrong %d",
              what, t.found, t.missed, t.wrong, t.scannedFound, t.scannedMissed, t.scannedWrong);
    }

private slots:
    void initTestCase()
    {
        if (const QString missing = leopard::test::longReportToolsMissing(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        for (const char *tool : {"pdftotext", "tesseract"})
            if (QStandardPaths::findExecutable(S(tool)).isEmpty())
                QSKIP(qPrintable(S("%1 is not installed (poppler-utils, tesseract-ocr)").arg(S(tool))));
        QElapsedTimer t;
        t.start();
        m_report = leopard::test::makeLongReport(m_dir.path());
        QVERIFY2(m_report.error.isEmpty(), qPrintable(m_report.error));
        QVERIFY(m_report.pages >= 150);
        // The scanned pages as printed, laid out again by the generator.
        const leopard::test::ProcessRun src = leopard::test::runProcess(
            QStandardPaths::findExecutable(S("python3")),
            {S(LEOPARD_SOURCE_DIR "/tests/evidence/scan_sources.py"), S("--report"), m_dir.path(), S("--out"), m_dir.path()}, {}, 120000);
        QVERIFY2(src.exitCode == 0, src.err.constData());
        QFile info(m_dir.filePath(S("scan-sources.json")));
        QVERIFY(info.open(QIODevice::ReadOnly));
        m_sources = m_dir.filePath(S("scan-sources.pdf"));
        for (const QJsonValue &v : QJsonDocument::fromJson(info.readAll()).object()[S("scans")].toArray()) {
            const QJsonObject o = v.toObject();
            m_sourcePage.insert(o[S("page")].toInt(), o[S("sourcePage")].toInt());
            QVector<double> m;
            for (const QJsonValue &x : o[S("matrix")].toArray())
                m << x.toDouble();
            m_matrix.insert(o[S("page")].toInt(), m);
        }
        QCOMPARE(int(m_sourcePage.size()), int(m_report.scannedPages.size()));
        // The report indexed as a user does it (scans by OCR; one OpenMP thread is 4x faster on 2 cores).
        const QString index = m_dir.filePath(S("index.sqlite"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(S("OMP_THREAD_LIMIT"), S("1"));
        const leopard::test::ProcessRun r = leopard::test::runCli({S("index"), S("--index"), index, m_report.pdf}, {}, 240000, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile pdf(m_report.pdf);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        m_sha = QString::fromLatin1(QCryptographicHash::hash(pdf.readAll(), QCryptographicHash::Sha256).toHex());
        leopard::index::PageIndex idx(index);
        for (int p = 0; p < m_report.pages; ++p)
            m_pages.push_back({m_sha, m_report.pdf, idx.page(m_sha, p)});
        for (int p : m_report.scannedPages)
            QCOMPARE(m_pages[p - 1].page.source, S("ocr"));
        qInfo("report made, scans laid out again and indexed in %.1f s", t.elapsed() / 1000.0);
    }

    // The reference itself: each fact's sentence word for word on its page (scans: as printed).
    void referenceHoldsEachSentence()
    {
        for (const auto &f : m_report.facts)
            QVERIFY2(!leopard::test::sentenceWords(ref(f.page), f.text).isEmpty(), qPrintable(f.id));
    }

    void factSentencesOnTheirWords()
    {
        QElapsedTimer t;
        t.start();
        Tally all, turn;
        for (const auto &f : m_report.facts) {
            tally(f, f.text, leopard::index::locateEvidence(f.text, m_pages), &all);
            tally(f, f.text, leopard::index::locateEvidence(f.text, around(f.page)), &turn);
        }
        report("fact sentences, all 160 pages", all);
        report("fact sentences, the 3 pages around the fact", turn);
        qInfo("24 answers located in %.2f s", t.elapsed() / 1000.0);
        QCOMPARE(all.wrong + turn.wrong, 0);
        QVERIFY(all.found >= m_report.facts.size() - 1 && all.scannedMissed <= 1);
        QVERIFY(turn.found >= all.found);
    }

    void answersInOtherWordsOnTheirWords()
    {
        Tally all, turn;
        int answers = 0;
        for (const auto &f : m_report.facts) {
            const QString answer = naturalAnswers().value(f.id);
            if (answer.isEmpty())
                continue; // a fact this test has no answer for
            ++answers;
            tally(f, answer, leopard::index::locateEvidence(answer, m_pages), &all);
            tally(f, answer, leopard::index::locateEvidence(answer, around(f.page)), &turn);
        }
        report("answers in other words, all 160 pages", all);
        report("answers in other words, the 3 pages around the fact", turn);
        QVERIFY(answers >= 10);
        QCOMPARE(all.wrong + turn.wrong, 0);
        QVERIFY(all.found >= answers - 1);
    }

    // A number printed nowhere in the report gets no box; what else is boxed is on the fact's words.
    void numberPrintedNowhere()
    {
        const leopard::test::LongReportFact *cranes = nullptr;
        for (const auto &f : m_report.facts)
            cranes = f.id == S("rotterdam-cranes") ? &f : cranes;
        if (!cranes)
            QSKIP("the report has no rotterdam-cranes fact");
        QSet<QString> printed;
        for (const QString &text : leopard::test::pdftotextPages(m_report.pdf, m_report.pages))
            for (const QString &t : leopard::index::foldedTokens(text))
                printed.insert(t);
        for (const QString &text : leopard::test::pdftotextPages(m_sources, int(m_sourcePage.size())))
            for (const QString &t : leopard::index::foldedTokens(text))
                printed.insert(t);
        int n = 47;
        while (n < 1000 && printed.contains(QString::number(n)))
            ++n;
        QVERIFY(n < 1000);
        const QString number = QString::number(n);
        const QString answer = S("By the end of 2025 Rotterdam had %1 ship-to-shore cranes in service.").arg(number);
        for (const Evidence &e : leopard::index::locateEvidence(answer, m_pages)) {
            QVERIFY2(!e.span.text.contains(number), qPrintable(S("%1 boxed on p. %2: %3").arg(number).arg(e.page + 1).arg(e.text)));
            QString why;
            QVERIFY2(onFact(e, *cranes, &why), qPrintable(why));
        }
    }

    void paraphraseWithNoSharedPhrase()
    {
        const QString answer = S("Slot booking has made lorry visits to the Belgian port's terminals much quicker.");
        const QVector<Evidence> ev = leopard::index::locateEvidence(answer, m_pages);
        QVERIFY2(ev.isEmpty(), qPrintable(S("%1 places, first on p. %2: %3").arg(ev.size()).arg(ev.value(0).page + 1).arg(ev.value(0).text)));
    }

    // One fact's number in another fact's sentence: printed in the report, but about something else:
    // no box for it (it is not where the answer says); anything else boxed is on a fact's words.
    void numberOnlyInAnotherContext_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("number");
        QTest::newRow("wage % as vacancy") << S("Vacancy in Duisburg's logistics warehouses was 4.5 percent.") << S("4.5 percent");
        QTest::newRow("vacancy % as wage") << S("Dockworkers at Le Havre accepted a 1.8 percent wage increase.") << S("1.8 percent");
        QTest::newRow("TEU as tonnes") << S("Shore power at the Valencia cruise terminal avoided 2.31 million tonnes of CO2.") << S("2.31 million tonnes");
        QTest::newRow("customs % as margin") << S("The Danube Barge segment returned to profit with an EBITDA margin of 93 percent.") << S("93 percent");
        QTest::newRow("minutes as reefer") << S("Reefer containers stayed an average of 52 minutes in the Altenwerder yard.") << S("52 minutes");
        QTest::newRow("cranes as stands") << S("Liege Airport opened 46 new widebody stands on its cargo apron.") << S("46");
        QTest::newRow("days as premium") << S("War-risk premiums for a Red Sea transit peaked at 2.9 percent of hull value.") << S("2.9 percent");
    }
    void numberOnlyInAnotherContext()
    {
        QFETCH(QString, answer);
        QFETCH(QString, number);
        const int at = int(answer.indexOf(number));
        QVERIFY(at >= 0);
        for (const Evidence &e : leopard::index::locateEvidence(answer, m_pages)) {
            QVERIFY2(e.span.start + e.span.length <= at || e.span.start >= at + number.size(),
                     qPrintable(S("\"%1\" boxed on p. %2: %3").arg(e.span.text).arg(e.page + 1).arg(e.text)));
            const leopard::test::LongReportFact *f = factOnPage(e.page + 1);
            QString why = S("p. %1 holds no fact").arg(e.page + 1);
            QVERIFY2(f && onFact(e, *f, &why), qPrintable(S("\"%1\": %2").arg(e.span.text, why)));
        }
    }

    // leopard-cli locate --json: a text fact and a scanned one, their pages given with --pages.
    void cliLocateJson()
    {
        const leopard::test::LongReportFact *text = nullptr, *scan = nullptr;
        for (const auto &f : m_report.facts) {
            if (f.scanned && !scan)
                scan = &f;
            if (!f.scanned && !text)
                text = &f;
        }
        QVERIFY(text && scan);
        const QString answer = text->text + QLatin1Char(' ') + scan->text;
        QElapsedTimer t;
        t.start();
        const leopard::test::ProcessRun r = leopard::test::runCli(
            {S("locate"), S("--json"), S("--index"), m_dir.filePath(S("index.sqlite")), S("--pages"), S("%1,%2").arg(text->page).arg(scan->page),
             m_report.pdf, S("--"), answer}, {}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        qInfo("leopard-cli locate on 2 pages: %.2f s", t.elapsed() / 1000.0);
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out[S("pages")].toInt(), 2);
        QSet<int> pages;
        for (const QJsonValue &v : out[S("evidence")].toArray()) {
            const QJsonObject e = v.toObject();
            const int page = e[S("page")].toInt();
            pages.insert(page);
            QCOMPARE(e[S("file")].toString(), m_report.pdf);
            QCOMPARE(answer.mid(e[S("start")].toInt(), e[S("length")].toInt()), e[S("span")].toString());
            Evidence ev;
            ev.page = page - 1;
            for (const QJsonValue &b : e[S("boxes")].toArray()) {
                const QJsonArray a = b.toArray();
                ev.boxes << QRectF(QPointF(a[0].toDouble(), a[1].toDouble()), QPointF(a[2].toDouble(), a[3].toDouble()));
            }
            QString why;
            QVERIFY2(onFact(ev, page == text->page ? *text : *scan, &why), qPrintable(why));
        }
        QCOMPARE(pages, (QSet<int>{text->page, scan->page}));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceLongReport)
#include "test_evidence_long_report.moc"
