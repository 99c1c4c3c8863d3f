// The Ask dock on a whole long report, in the real window offscreen with the demo model: the 160-page
// report of generate_long_report.py (5 pages scans with no text layer) is opened, indexed by the app
// (the scans read by OCR: the index file, read with sqlite3 itself, holds them with source 'ocr'), and
// each of the twelve questions is asked with no page checked. The pages the dock picks (checked in
// the strip, named in its note) hold the fact — the generator's expected JSON says where, independent
// of the code under test — for at least 11 of 12 questions, and for all but at most one of the facts
// on scanned pages; the recall, all and scanned alone, is printed. The window runs with a HOME of its
// own, so the page index holds this report only (as the CLI test's --index file does).
#include "index/page_index.h"
#include "tests/common/file_hash.h"
#include "tests/long_report/long_report.h"
#include "ui/chat/chat_panel.h"
#include "ui/pages/page_strip_model.h"
#include "ui/search/document_index.h"
#include "ui/window/main_window.h"
#include "viewer/document.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

class TestLongReportApp : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    test::LongReport m_report;
    std::unique_ptr<MainWindow> m_window;

    QPushButton *askButton() { return m_window->findChild<QPushButton *>(QStringLiteral("askButton")); }

private slots:
    void initTestCase()
    {
        // A home of its own: the app's page index (and settings, conversations) start empty. In the
        // shared test-mode index, other tests' documents change FTS5's BM25 statistics (they are
        // computed over every page in the file), and with them which pages are picked.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
        qputenv("HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("home"))));
        QStandardPaths::setTestModeEnabled(true);
        if (const QString missing = test::longReportToolsMissing(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        m_report = test::makeLongReport(m_dir.filePath(QStringLiteral("report")));
        QVERIFY2(m_report.error.isEmpty(), qPrintable(m_report.error));
        QCOMPARE(m_report.facts.size(), 12);
        QVERIFY2(index::PageIndex::defaultPath().startsWith(m_dir.path()), qPrintable(index::PageIndex::defaultPath()));
        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->setModelDirectory(QString()); // the demo model
        QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 60000);
        ChatPanel *chat = m_window->chatPanel();
        QSignalSpy progress(chat->documentIndex(), &DocumentIndex::progress);
        QElapsedTimer t;
        t.start();
        m_window->openFiles({m_report.pdf});
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pageStripModel()->documents().size(), qsizetype(1), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(chat->documentsIdentified(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(chat->documentIndex()->isReady(), 180000);
        qInfo("opened and indexed in %.1f s", t.elapsed() / 1000.0);
        bool saidOcr = false;
        for (const QList<QVariant> &args : progress)
            saidOcr = saidOcr || args.value(0).toString().contains(QStringLiteral("(OCR)"));
        QVERIFY2(saidOcr, "the status bar never said a page was read by OCR");
        QVERIFY2(chat->documentIndex()->lastMessage().isEmpty(), qPrintable(chat->documentIndex()->lastMessage()));
    }

    // The index file, read with sqlite3: every page, the scans from OCR with their words, the rest from the text layer.
    void scansAreIndexedByOcr()
    {
        const QString path = m_window->chatPanel()->documentIndex()->indexPath();
        QVERIFY2(!path.isEmpty(), "the page index lives in memory");
        const QByteArray sha = test::fileSha256(m_report.pdf);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT page, source, words FROM pages WHERE sha = ?1 ORDER BY page", -1, &s, nullptr), SQLITE_OK);
        sqlite3_bind_text(s, 1, sha.constData(), int(sha.size()), SQLITE_TRANSIENT);
        int rows = 0;
        QStringList wrong;
        while (sqlite3_step(s) == SQLITE_ROW) {
            ++rows;
            const int page = sqlite3_column_int(s, 0) + 1;
            const QString source = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 1)));
            const int words = sqlite3_column_int(s, 2);
            const bool scanned = m_report.scannedPages.contains(page);
            if (source != (scanned ? QStringLiteral("ocr") : QStringLiteral("text")) || words < (scanned ? 300 : 20))
                wrong << QStringLiteral("p. %1: %2, %3 words").arg(page).arg(source).arg(words);
        }
        sqlite3_finalize(s);
        sqlite3_close(db);
        QCOMPARE(rows, m_report.pages);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("; "))));
    }

    // The twelve questions, none with a page checked: the pick the dock shows holds the fact's page.
    void picksTheFactsPage()
    {
        ChatPanel *chat = m_window->chatPanel();
        PageStripModel *model = m_window->pageStripModel();
        viewer::Document *doc = model->documents().first().get();
        chat->setAlwaysPicksPages(false);
        chat->setPagesPerQuestion(3);
        chat->setMaxNewTokens(1); // the smallest answer: the pick is what is tested
        QVector<bool> hits, scannedHits;
        QStringList misses;
        QElapsedTimer t;
        t.start();
        for (const auto &f : m_report.facts) {
            chat->newConversation();
            model->setDocumentChecked(doc, false);
            QCOMPARE(model->checkedCount(), 0);
            chat->setQuestion(f.question);
            QTRY_VERIFY(askButton()->isEnabled());
            QSignalSpy picked(chat, &ChatPanel::pagesPicked);
            QSignalSpy finished(chat, &ChatPanel::answerFinished);
            QTest::mouseClick(askButton(), Qt::LeftButton);
            QCOMPARE(picked.count(), 1);
            const PageRefList checked = model->checkedPages();
            QVERIFY(!checked.isEmpty() && checked.size() <= 3);
            QList<int> pages;
            for (const PageRef &p : checked)
                pages << p.page + 1;
            const QString note = chat->pickNoteText();
            for (int p : pages) // the note names what is checked
                QVERIFY2(note.contains(QStringLiteral("p. %1").arg(p)), qPrintable(note));
            const bool hit = pages.contains(f.page);
            hits << hit;
            if (f.scanned)
                scannedHits << hit;
            const QString line = QStringLiteral("%1 %2 (p. %3%4): %5").arg(hit ? QStringLiteral("hit ") : QStringLiteral("MISS"), f.id)
                                     .arg(f.page).arg(f.scanned ? QStringLiteral(", scanned") : QString(), note);
            qInfo("%s", qPrintable(line));
            if (!hit)
                misses << line + QStringLiteral(" — asked: ") + f.question;
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
            // The turn is about exactly the picked pages.
            const SavedConversation saved = chat->savedConversation();
            QCOMPARE(saved.turns.size(), 1);
            QList<int> turnPages;
            for (const SessionPageRef &r : saved.turns[0].pages)
                turnPages << r.page;
            QCOMPARE(turnPages, pages);
        }
        const int all = test::countTrue(hits), scanned = test::countTrue(scannedHits);
        qInfo("Ask dock recall: %d of %d facts; scanned pages alone: %d of %d (%.1f s for %d questions)", all, int(hits.size()),
              scanned, int(scannedHits.size()), t.elapsed() / 1000.0, int(hits.size()));
        QVERIFY2(all >= 11, qPrintable(misses.join(QStringLiteral("\n"))));
        QVERIFY2(scanned >= int(scannedHits.size()) - 1, qPrintable(misses.join(QStringLiteral("\n"))));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestLongReportApp)
#include "tst_long_report_app.moc"
