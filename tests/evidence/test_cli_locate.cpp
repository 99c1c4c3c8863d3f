// `leopard-cli locate` and the `evidence` list of `leopard-cli ask --json`, as a user runs them (the
// built binary under QProcess), on the sample report. References: `pdftotext -bbox` (poppler-utils):
// every evidence box is the box around words pdftotext gives on that page, on one line, within 1 pt,
// and those words are the evidence's text; the page that holds each span is found with pdftotext.
#include "index/text_fold.h"
#include "tests/common/process_run.h"
#include "tests/index/pdftotext_words.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }
using Run = leopard::test::ProcessRun;

Run cli(const QStringList &args) { return leopard::test::runCli(args, {}, 120000); }

} // namespace

class TestCliLocate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_report, m_index;

    // Every box of evidence `e` (JSON) is the box around pdftotext words of its page on one line
    // (within 1 pt), and all the words inside the boxes are the evidence's text.
    void checkAgainstPdftotext(const QJsonObject &e)
    {
        const int page = e[S("page")].toInt();
        const RefPage ref = pdftotextWords(m_report, page);
        QVERIFY(ref.ok);
        QStringList inside;
        for (const QJsonValue &bv : e[S("boxes")].toArray()) {
            const QJsonArray b = bv.toArray();
            QCOMPARE(b.size(), 4);
            const QRectF box(QPointF(b[0].toDouble() * ref.width, b[1].toDouble() * ref.height),
                             QPointF(b[2].toDouble() * ref.width, b[3].toDouble() * ref.height));
            QRectF around;
            for (const RefWord &w : ref.words)
                if (box.adjusted(-1, -1, 1, 1).contains(w.box)) {
                    around = around.isNull() ? w.box : around.united(w.box);
                    inside << w.text;
                }
            const double err = std::max({std::abs(around.left() - box.left()), std::abs(around.top() - box.top()),
                                         std::abs(around.right() - box.right()), std::abs(around.bottom() - box.bottom())});
            QVERIFY2(!around.isNull() && err <= 1.0,
                     qPrintable(S("p. %1: box %2,%3 is not around pdftotext words (off by %4 pt)").arg(page).arg(box.left()).arg(box.top()).arg(err)));
        }
        QCOMPARE(inside.join(QLatin1Char(' ')), e[S("text")].toString());
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(S("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        m_report = m_dir.filePath(S("report.pdf"));
        QVERIFY(QFile::copy(S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf"), m_report));
        m_index = m_dir.filePath(S("index.sqlite"));
    }

    void locateJsonAgainstPdftotext()
    {
        const QString answer = S("Spot rates on the transpacific lane averaged $2,140 per forty-foot container, 9% below the second "
                                 "quarter. Volume rose 6.1 percent to 1.871 million TEU, and dwell time at the terminals rose to "
                                 "4.2 days. The summary calls rail capacity \"the main constraint\".");
        const Run r = cli({S("locate"), S("--json"), S("--index"), m_index, m_report, S("--"), answer});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("5 pages indexed"), r.err.constData()); // indexed on first use
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(out[S("answer")].toString(), answer);
        QCOMPARE(out[S("pages")].toInt(), 5);
        const QJsonArray evidence = out[S("evidence")].toArray();
        QHash<QString, int> pageOf;
        int previous = -1;
        for (const QJsonValue &v : evidence) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e[S("file")].toString(), m_report);
            QCOMPARE(answer.mid(e[S("start")].toInt(), e[S("length")].toInt()), e[S("span")].toString());
            QVERIFY(e[S("start")].toInt() > previous); // answer order
            previous = e[S("start")].toInt();
            QVERIFY(QStringList({S("number"), S("quote"), S("phrase")}).contains(e[S("kind")].toString()));
            checkAgainstPdftotext(e);
            pageOf.insert(e[S("span")].toString(), e[S("page")].toInt());
        }
        // Where pdftotext has each of them.
        const int rates = pdftotextPageWith(m_report, S("2,140 dollars"), 5), volume = pdftotextPageWith(m_report, S("6.1 percent"), 5);
        const int dwell = pdftotextPageWith(m_report, S("4.2 days"), 5), constraint = pdftotextPageWith(m_report, S("the main constraint"), 5);
        QVERIFY(rates > 0 && volume > 0 && dwell > 0 && constraint > 0);
        // The page of the span that holds `part` (a number may be found inside a phrase).
        auto pageWith = [&](const QString &part) {
            for (auto it = pageOf.begin(); it != pageOf.end(); ++it)
                if (it.key().contains(part))
                    return it.value();
            return 0;
        };
        QCOMPARE(pageWith(S("$2,140")), rates);
        QCOMPARE(pageWith(S("6.1 percent")), volume);
        QCOMPARE(pageWith(S("1.871 million TEU")), volume); // printed "1,871 thousand TEU"
        QCOMPARE(pageWith(S("4.2 days")), dwell);
        QCOMPARE(pageWith(S("the main constraint")), constraint);
        QVERIFY(out[S("unmatched")].isArray());
    }

    void locatePlainAndPages()
    {
        const QString answer = S("Terminal operators added 38 cranes across the tracked ports during the quarter.");
        Run r = cli({S("locate"), S("--index"), m_index, m_report, S("--"), answer});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const int page = pdftotextPageWith(m_report, S("added 38 cranes"), 5);
        QVERIFY2(r.out.contains(QStringLiteral("-> report.pdf p. %1: ").arg(page).toUtf8()), r.out.constData());
        // --pages: only those pages are searched.
        r = cli({S("locate"), S("--index"), m_index, S("--pages"), page == 1 ? S("2-5") : S("1"), m_report, S("--"), answer});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("No part of the answer was found") && r.out.contains("not found: "), r.out.constData());
        r = cli({S("locate"), S("--json"), S("--index"), m_index, S("--pages"), QString::number(page), m_report, S("--"), answer});
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[S("pages")].toInt(), 1);
    }

    void badInput()
    {
        Run r = cli({S("locate"), S("--index"), m_index, m_dir.filePath(S("missing.pdf")), S("--"), S("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing.pdf"), r.err.constData());
        QCOMPARE(cli({S("locate"), S("--index"), m_index, m_report}).exitCode, 2);              // no answer
        QCOMPARE(cli({S("locate"), S("--index"), m_index, m_report, S("--")}).exitCode, 2);     // empty answer
        QCOMPARE(cli({S("locate"), S("--index"), m_index, S("--"), S("x")}).exitCode, 2);      // no file
        QCOMPARE(cli({S("locate"), S("--bogus"), m_report, S("--"), S("x")}).exitCode, 2);
        QCOMPARE(cli({S("locate"), S("--index"), m_index, S("--pages"), S("auto"), m_report, S("--"), S("x")}).exitCode, 2);
        r = cli({S("locate"), S("--index"), m_index, S("--pages"), S("9"), m_report, S("--"), S("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("report.pdf"), r.err.constData());
    }

    // ask --json lists the evidence of its answer on the turn's pages, as locate finds it there.
    void askJsonHasTheEvidence()
    {
        const Run r = cli({S("ask"), S("--model"), S(LEOPARD_BINARY_DIR "/demo-model"), S("--max-new-tokens"), S("8"), S("--no-save"),
                           S("--index"), m_index, S("--json"), S("--pages"), S("2,3"), m_report, S("--"), S("What did a box cost?")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(r.out).object();
        QVERIFY(out[S("evidence")].isArray());
        const QString text = out[S("text")].toString();
        const Run l = cli({S("locate"), S("--json"), S("--index"), m_index, S("--pages"), S("2,3"), m_report, S("--"), text});
        if (text.trimmed().isEmpty()) { // nothing to locate: locate refuses an empty answer
            QCOMPARE(out[S("evidence")].toArray().size(), 0);
            return;
        }
        QVERIFY2(l.exitCode == 0, l.err.constData());
        QCOMPARE(out[S("evidence")].toArray(), QJsonDocument::fromJson(l.out).object()[S("evidence")].toArray());
    }

    // Without an index (no --index, no --pages auto) the turn's pages are read from the document, the
    // same words, and no index file is made in the cache.
    void askJsonWithoutAnIndexReadsThePages()
    {
        auto ask = [&](const QStringList &extra) {
            return QStringList{S("ask"), S("--model"), S(LEOPARD_BINARY_DIR "/demo-model"), S("--max-new-tokens"), S("8"),
                               S("--no-save"), S("--json"), S("--pages"), S("2,3")} + extra
                   + QStringList{m_report, S("--"), S("What did a box cost?")};
        };
        QTemporaryDir cache;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(S("XDG_CACHE_HOME"), cache.path());
        const Run direct = leopard::test::runCli(ask({}), {}, 120000, env);
        QVERIFY2(direct.exitCode == 0, direct.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(direct.out).object();
        QVERIFY(out[S("evidence")].isArray());
        QVERIFY2(QDir(cache.path()).isEmpty(), "ask without an index wrote into the cache");
        const Run withIndex = cli(ask({S("--index"), m_index}));
        QVERIFY2(withIndex.exitCode == 0, withIndex.err.constData());
        const QJsonObject other = QJsonDocument::fromJson(withIndex.out).object();
        QCOMPARE(out[S("text")].toString(), other[S("text")].toString()); // greedy: the same answer
        QCOMPARE(out[S("evidence")].toArray(), other[S("evidence")].toArray());
    }
};

QTEST_GUILESS_MAIN(TestCliLocate)
#include "test_cli_locate.moc"
