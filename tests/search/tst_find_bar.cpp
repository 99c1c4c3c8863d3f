// Find (Ctrl+F) in the real window, offscreen: the count, the boxes on the page, the thumbnails'
// marks and the result list against what `pdftotext -bbox` (poppler-utils) gives for the sample
// report's words; F3 / Shift+F3 / Enter move through the hits across pages and wrap; case is
// ignored; a scanned page (the report's page rendered by pdftoppm, no text layer) is found by OCR.
#include "tests/index/pdftotext_words.h"
#include "ui/chat/chat_panel.h"
#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/page_view.h"
#include "ui/search/document_index.h"
#include "ui/search/find_bar.h"
#include "ui/window/main_window.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {

const QString kReport = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
constexpr int kPages = 5;

struct RefHit {
    int page;    // 0-based
    QRectF box;  // normalised
};

// Every word pdftotext gives that contains `needle` (case ignored), once per occurrence, in
// page and reading order.
QVector<RefHit> referenceHits(const QString &needle)
{
    QVector<RefHit> hits;
    for (int p = 1; p <= kPages; ++p) {
        const RefPage ref = pdftotextWords(kReport, p);
        for (const RefWord &w : ref.words)
            for (qsizetype n = w.text.count(needle, Qt::CaseInsensitive); n > 0; --n)
                hits.push_back({p - 1, QRectF(w.box.x() / ref.width, w.box.y() / ref.height,
                                              w.box.width() / ref.width, w.box.height() / ref.height)});
    }
    return hits;
}

bool near(const QRectF &a, const QRectF &b, double tolerance)
{
    return std::abs(a.left() - b.left()) <= tolerance && std::abs(a.top() - b.top()) <= tolerance
        && std::abs(a.right() - b.right()) <= tolerance && std::abs(a.bottom() - b.bottom()) <= tolerance;
}

double iou(const QRectF &a, const QRectF &b)
{
    const QRectF i = a.intersected(b);
    const double in = i.width() * i.height();
    return in / (a.width() * a.height() + b.width() * b.height() - in);
}

} // namespace

class TestFindBar : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;

    FindBar *bar() { return m_window->findChild<FindBar *>(QStringLiteral("findBar")); }
    QString count() { return bar()->findChild<QLabel *>(QStringLiteral("findCount"))->text(); }
    PageView *view() { return m_window->pageView(); }

    void type(const QString &text)
    {
        QLineEdit *field = bar()->field();
        field->selectAll();
        QTest::keyClicks(field, text);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openFiles({kReport});
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pageStripModel()->documents().size(), qsizetype(1), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentsIdentified(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentIndex()->isReady(), 60000);
    }

    void ctrlFOpensTheBarInTheEditMenu()
    {
        QVERIFY(bar() && !bar()->isVisible());
        const QList<QAction *> edit = m_window->editMenu()->actions();
        QVERIFY(edit.contains(bar()->findAction()) && edit.contains(bar()->nextAction()) && edit.contains(bar()->previousAction()));
        QCOMPARE(bar()->nextAction()->shortcut(), QKeySequence(Qt::Key_F3));
        QCOMPARE(bar()->previousAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F3));
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar()->isVisible());
        QTRY_VERIFY(bar()->field()->hasFocus());
    }

    void hitsAgainstPdftotext()
    {
        const QVector<RefHit> ref = referenceHits(QStringLiteral("dwell"));
        QVERIFY(ref.size() >= 3);
        type(QStringLiteral("DWELL")); // case ignored
        QTRY_COMPARE(count(), QStringLiteral("1 of %1").arg(ref.size()));
        // The first hit's page is shown, its box outlined where pdftotext has the word (1 pt).
        const viewer::Document *doc = m_window->pageStripModel()->documents().first().get();
        QTRY_COMPARE(view()->page().page, ref[0].page);
        const double pt = 1.0 / 792; // a point of the Letter page's height (and less of its width)
        QCOMPARE(view()->currentFindBoxes().size(), 1);
        QVERIFY(near(view()->currentFindBoxes()[0], ref[0].box, pt));
        // Every other hit on that page boxed too.
        int onPage = 0;
        for (const RefHit &h : ref)
            onPage += h.page == ref[0].page;
        QCOMPARE(view()->findBoxes().size() + view()->currentFindBoxes().size(), onPage);
        // The thumbnails' marks: each page's count.
        PageStripDelegate *delegate = m_window->pageStripView()->stripDelegate();
        for (int p = 0; p < kPages; ++p) {
            int n = 0;
            for (const RefHit &h : ref)
                n += h.page == p;
            QCOMPARE(delegate->findMarkOf(doc, p), n);
        }
        // The result list: every hit, with its page, the word inside the snippet.
        QListWidget *list = bar()->resultList();
        QCOMPARE(list->count(), int(ref.size()));
        for (int i = 0; i < ref.size(); ++i) {
            QVERIFY2(list->item(i)->text().startsWith(QStringLiteral("sample-report.pdf p. %1 ").arg(ref[i].page + 1)), qPrintable(list->item(i)->text()));
            QVERIFY(list->item(i)->text().contains(QStringLiteral("«"), Qt::CaseInsensitive));
        }
    }

    void nextPreviousWrapAcrossPages()
    {
        const QVector<RefHit> ref = referenceHits(QStringLiteral("dwell"));
        // F3 through every hit: each shows its page with its box outlined; then back to the first.
        for (int i = 1; i <= ref.size(); ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_F3);
            const RefHit &want = ref[i % ref.size()];
            QTRY_COMPARE(count(), QStringLiteral("%1 of %2").arg(i % ref.size() + 1).arg(ref.size()));
            QCOMPARE(view()->page().page, want.page);
            QVERIFY(near(view()->currentFindBoxes().value(0), want.box, 1.0 / 792));
        }
        // Shift+F3 from the first wraps to the last; Enter in the field goes forward again.
        QTest::keyClick(m_window.get(), Qt::Key_F3, Qt::ShiftModifier);
        QTRY_COMPARE(count(), QStringLiteral("%1 of %1").arg(ref.size()));
        QCOMPARE(view()->page().page, ref.last().page);
        QTest::keyClick(bar()->field(), Qt::Key_Return);
        QTRY_COMPARE(count(), QStringLiteral("1 of %1").arg(ref.size()));
        QTest::keyClick(bar()->field(), Qt::Key_Return, Qt::ShiftModifier);
        QTRY_COMPARE(count(), QStringLiteral("%1 of %1").arg(ref.size()));
        // A click in the result list shows that hit.
        bar()->resultList()->setCurrentRow(1);
        QTRY_COMPARE(count(), QStringLiteral("2 of %1").arg(ref.size()));
        QCOMPARE(view()->page().page, ref[1].page);
    }

    void phraseAndNothingFound()
    {
        // A phrase over two words: one hit per pdftotext occurrence of the pair, both words boxed.
        int pairs = 0;
        for (int p = 1; p <= kPages; ++p)
            pairs += int(pdftotextPage(kReport, p).simplified().count(QStringLiteral("dwell time"), Qt::CaseInsensitive));
        QVERIFY(pairs > 0);
        type(QStringLiteral("Dwell  Time"));
        QTRY_COMPARE(count(), QStringLiteral("1 of %1").arg(pairs));
        // Both words in one marker (they are on one line): pdftotext's two boxes united, within 1 pt.
        QVector<RefHit> dwell = referenceHits(QStringLiteral("dwell")), time = referenceHits(QStringLiteral("time"));
        QCOMPARE(view()->currentFindBoxes().size(), 1);
        const QRectF marker = view()->currentFindBoxes()[0];
        bool matched = false;
        for (const RefHit &d : dwell)
            for (const RefHit &t : time)
                matched = matched || (d.page == view()->page().page && t.page == d.page && near(marker, d.box.united(t.box), 1.0 / 792));
        QVERIFY(matched);
        type(QStringLiteral("okapi"));
        QTRY_COMPARE(count(), QStringLiteral("Not found"));
        QVERIFY(view()->currentFindBoxes().isEmpty() && view()->findBoxes().isEmpty());
    }

    void escapeClosesAndClears()
    {
        type(QStringLiteral("corridor"));
        QTRY_VERIFY(count().startsWith(QStringLiteral("1 of ")));
        QVERIFY(!view()->currentFindBoxes().isEmpty());
        QTest::keyClick(bar()->field(), Qt::Key_Escape);
        QTRY_VERIFY(!bar()->isVisible());
        QVERIFY(view()->currentFindBoxes().isEmpty() && view()->findBoxes().isEmpty());
        const viewer::Document *doc = m_window->pageStripModel()->documents().first().get();
        for (int p = 0; p < kPages; ++p)
            QCOMPARE(m_window->pageStripView()->stripDelegate()->findMarkOf(doc, p), 0);
    }

    // A scan: page 3 rendered by pdftoppm at 144 dpi, opened as an image (no text layer at all).
    void findsWordsOnAScannedPage()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed");
        const QString base = m_dir.filePath(QStringLiteral("scan"));
        QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("144"), QStringLiteral("-f"), QStringLiteral("3"),
                                                                QStringLiteral("-l"), QStringLiteral("3"), QStringLiteral("-singlefile"), QStringLiteral("-png"),
                                                                kReport, base}), 0);
        m_window->openFiles({base + QStringLiteral(".png")});
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pageStripModel()->documents().size(), qsizetype(2), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentIndex()->isReady(), 120000);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar()->isVisible());
        type(QStringLiteral("dwell"));
        const QVector<RefHit> ref = referenceHits(QStringLiteral("dwell"));
        QVector<QRectF> onPage3;
        for (const RefHit &h : ref)
            if (h.page == 2)
                onPage3 << h.box;
        QVERIFY(!onPage3.isEmpty());
        // The report's hits and the scan's: the scan's are found where the text layer has them.
        QTRY_COMPARE_WITH_TIMEOUT(count(), QStringLiteral("1 of %1").arg(ref.size() + onPage3.size()), 10000);
        const viewer::DocumentPtr scan = m_window->pageStripModel()->documents().last();
        QCOMPARE(m_window->pageStripView()->stripDelegate()->findMarkOf(scan.get(), 0), int(onPage3.size()));
        bar()->resultList()->setCurrentRow(int(ref.size()));
        QTRY_COMPARE(view()->page().document, scan);
        const QRectF box = view()->currentFindBoxes().value(0);
        QVERIFY2(iou(box, onPage3[0]) >= 0.5, qPrintable(QStringLiteral("IoU %1").arg(iou(box, onPage3[0]))));
    }
};

QTEST_MAIN(TestFindBar)
#include "tst_find_bar.moc"
