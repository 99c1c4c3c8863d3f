// The main window end to end, offscreen: open the sample report through the real open path
// (DocumentLoader on a worker thread), check pages, and compare what the plan panel shows with the
// crop planner called independently; drag and drop; zoom and fit.
#include "fake_document.h"
#include "inference/planner.h"
#include "ui/settings/language.h"
#include "ui/window/main_window.h"
#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/page_view.h"
#include "ui/pages/plan_panel.h"
#include "ui/settings/recent_files.h"
#include "viewer/page_renderer.h"

#include <poppler-qt6.h>

#include <QInputDialog>
#include <QLabel>
#include <QProcess>
#include <QMimeData>
#include <QProgressBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kSample = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");

QVector<int> numbers(const QString &text)
{
    QVector<int> out;
    auto it = QRegularExpression(QStringLiteral("\\d+")).globalMatch(text);
    while (it.hasNext())
        out << it.next().captured().toInt();
    return out;
}

// The analysis pixel sizes of `pages` of the sample, computed here from Poppler's page sizes in
// points × dpi / 72 — independently of the viewer library.
std::vector<PixelSize> samplePixelSizes(const QVector<int> &pages, double dpi)
{
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(kSample);
    std::vector<PixelSize> sizes;
    for (int p : pages) {
        const QSizeF pts = pdf->page(p)->pageSizeF();
        sizes.push_back({qRound(pts.width() * dpi / 72.0), qRound(pts.height() * dpi / 72.0)});
    }
    return sizes;
}

// A drop as the platform delivers it: enter (which makes the window the drop target), then drop.
bool dropUrls(QWidget *window, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    return true;
}

int samplePageCount()
{
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(kSample);
    return pdf ? pdf->numPages() : -1;
}
} // namespace

class TestUiMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensSampleThroughLoader();
    void planPanelMatchesPlanner();
    void selectionChangeUpdatesPlanAtOnce();
    void analysisDpiChangesPlan();
    void moreThanFiftyPagesWarns();
    void clickingCheckBoxesInStrip();
    void thumbnailsAndPageRenderLazily();
    void passwordPromptRetries();
    void dropOpensDocument();
    void dropUnsupportedFileShowsMessage();
    void zoomAndFit();
    void severalDocumentsAtOnce();
    void imageFilePlansAtItsOwnSize();
    void recentFilesDropMissing();
    void opensSlideDeckWithProgress();
    void stripKeepsRequestOrder();
    void cancelOpening();
    void closeDocumentClearsView();

private:
    void openSample();
    std::unique_ptr<MainWindow> m_window;
};

void TestUiMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_main_window"));
    QSettings().clear();
    QVERIFY2(QFile::exists(kSample), qPrintable(kSample));
    // English as the app runs it: the English catalogue gives the plural forms ("13 images").
    QCOMPARE(leopard::ui::Language::apply(QStringLiteral("en")), QStringLiteral("en"));
}

void TestUiMainWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    m_window->resize(1300, 850);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUiMainWindow::cleanup()
{
    m_window.reset();
}

void TestUiMainWindow::openSample()
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({kSample});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
}

void TestUiMainWindow::opensSampleThroughLoader()
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({kSample});
    // Opening runs on a worker thread: the call returns at once with the busy indicator shown.
    QCOMPARE(m_window->pendingOpens(), 1);
    QVERIFY(m_window->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisibleTo(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QCOMPARE(m_window->pendingOpens(), 0);
    QVERIFY(!m_window->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisibleTo(m_window.get()));

    const int pages = samplePageCount();
    QCOMPARE(pages, 5);
    PageStripModel *model = m_window->pageStripModel();
    QCOMPARE(model->documents().size(), 1);
    QCOMPARE(model->rowCount(), 1 + pages); // header + one row per page
    QCOMPARE(model->index(0).data().toString(), QStringLiteral("sample-report.pdf"));
    for (int p = 0; p < pages; ++p)
        QCOMPARE(model->pageAt(model->index(1 + p)).page, p);
    // The first page is shown, and the file went to Open Recent.
    QCOMPARE(m_window->currentPage().page, 0);
    QCOMPARE(m_window->pageView()->page().document, model->documents().first());
    QVERIFY(RecentFiles::list().contains(QFileInfo(kSample).absoluteFilePath()));

    // Opening it again shows it instead of opening a second copy.
    m_window->openFiles({kSample});
    QCOMPARE(m_window->pendingOpens(), 0);
    QCOMPARE(model->documents().size(), 1);
}

void TestUiMainWindow::planPanelMatchesPlanner()
{
    openSample();
    PageStripModel *model = m_window->pageStripModel();
    const viewer::DocumentPtr doc = model->documents().first();
    const QVector<int> checked{0, 2, 3};
    model->setPagesChecked(doc.get(), checked, true);

    const std::vector<PixelSize> sizes = samplePixelSizes(checked, 144);
    // Hand check: the sample's pages are US Letter, 612 x 792 pt; at 144 dpi that is 1224 x 1584 px.
    QCOMPARE(sizes[0].width, 1224);
    QCOMPARE(sizes[0].height, 1584);
    const CropPlan expected = planCrops(sizes);
    // Each wants 4 rows x 3 cols = 12 crops; 3 x 12 = 36 <= budget 50 - 3 = 47, so each gets 12 on a
    // 3 x 4 grid: 13 images (global + 12 tiles) = 13 x 169 = 2197 tokens; totals 39 images, 6591 tokens.
    QCOMPARE(expected.images[0].tiles(), 12);
    QCOMPARE(expected.totalModelImages(), 39);
    QCOMPARE(expected.totalTokens(), 6591);

    // What the window plans...
    const CropPlan shown = m_window->currentPlan();
    QCOMPARE(shown.images.size(), expected.images.size());
    for (size_t i = 0; i < expected.images.size(); ++i) {
        QCOMPARE(shown.images[i].original.width, expected.images[i].original.width);
        QCOMPARE(shown.images[i].original.height, expected.images[i].original.height);
        QCOMPARE(shown.images[i].gridCols, expected.images[i].gridCols);
        QCOMPARE(shown.images[i].gridRows, expected.images[i].gridRows);
    }
    // ...and what the panel's labels say.
    PlanPanel *panel = m_window->planPanel();
    const QStringList texts = panel->pageTexts();
    QCOMPARE(texts.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const ImagePlan &e = expected.images[size_t(i)];
        QCOMPARE(numbers(texts[i]), (QVector<int>{e.modelImages(), e.tiles(), e.modelImages() * 169}));
        QCOMPARE(texts[i], QStringLiteral("13 images (global + 12 tiles) · 2197 tokens"));
        QVERIFY(panel->pageLabels()[i].endsWith(QStringLiteral("p. %1").arg(checked[i] + 1)));
    }
    const QLabel *totals = m_window->findChild<QLabel *>(QStringLiteral("planTotalsLabel"));
    QVERIFY(totals);
    QCOMPARE(totals->text(), QStringLiteral("39 of 50 images · 6591 tokens"));
    QCOMPARE(numbers(totals->text()), (QVector<int>{expected.totalModelImages(), 50, expected.totalTokens()}));
    QVERIFY(panel->warningText().isEmpty());

    // The page shown (page 1, checked) carries its plan to the overlay.
    QVERIFY(m_window->pageView()->hasImagePlan());
    m_window->showPage({doc, 1}); // not checked
    QVERIFY(!m_window->pageView()->hasImagePlan());
}

void TestUiMainWindow::selectionChangeUpdatesPlanAtOnce()
{
    openSample();
    PageStripModel *model = m_window->pageStripModel();
    const viewer::DocumentPtr doc = model->documents().first();
    PlanPanel *panel = m_window->planPanel();
    QSignalSpy planChanged(m_window.get(), &MainWindow::planChanged);

    // One page: 12 crops. No waiting: planning happens synchronously on the selection change.
    model->setPageChecked(doc.get(), 4, true);
    QCOMPARE(planChanged.count(), 1);
    QCOMPARE(m_window->currentPlan().images.size(), size_t(1));
    QCOMPARE(m_window->currentPlan().images[0].tiles(), 12);
    QCOMPARE(panel->totalsText(), QStringLiteral("13 of 50 images · 2197 tokens"));

    // All five pages: 5 x 12 = 60 crops wanted > budget 45, scaled to 45 x 12 / 60 = 9 each.
    model->setDocumentChecked(doc.get(), true);
    QCOMPARE(planChanged.count(), 2);
    CropPlan expected = planCrops(samplePixelSizes({0, 1, 2, 3, 4}, 144));
    QCOMPARE(expected.images[0].allocated, 9);
    QCOMPARE(numbers(panel->totalsText()), (QVector<int>{expected.totalModelImages(), 50, expected.totalTokens()}));
    QVERIFY(panel->budgetText().contains(QStringLiteral("60")));

    // A sixth page from a second document: budget 44, 6 x 12 = 72 wanted, 44 x 12 / 72 = 7.33 -> 7.
    auto extra = leopard::test::FakeDocument::letter(QStringLiteral("/tmp/extra-letter.pdf"), 1);
    model->addDocument(extra);
    model->setPageChecked(extra.get(), 0, true);
    QCOMPARE(planChanged.count(), 3);
    std::vector<PixelSize> six = samplePixelSizes({0, 1, 2, 3, 4}, 144);
    six.push_back({1224, 1584});
    expected = planCrops(six);
    QCOMPARE(expected.budget, 44);
    QCOMPARE(expected.images[5].allocated, 7);
    const CropPlan shown = m_window->currentPlan();
    QCOMPARE(shown.images.size(), size_t(6));
    for (size_t i = 0; i < 6; ++i)
        QCOMPARE(shown.images[i].tiles(), expected.images[i].tiles());
    QCOMPARE(numbers(panel->totalsText()), (QVector<int>{expected.totalModelImages(), 50, expected.totalTokens()}));
    QCOMPARE(numbers(panel->pageTexts()[5]),
             (QVector<int>{expected.images[5].modelImages(), expected.images[5].tiles(), expected.images[5].modelImages() * 169}));

    // Back to nothing.
    model->clearChecks();
    QCOMPARE(panel->totalsText(), QStringLiteral("0 of 50 images · 0 tokens"));
    QVERIFY(panel->pageTexts().isEmpty());
}

void TestUiMainWindow::analysisDpiChangesPlan()
{
    openSample();
    PageStripModel *model = m_window->pageStripModel();
    model->setPageChecked(model->documents().first().get(), 0, true);
    QCOMPARE(m_window->currentPlan().images[0].tiles(), 12);
    // 72 dpi: 612 x 792 px wants round(2.18) x round(1.68) = 2 x 2 = 4 crops.
    m_window->setAnalysisDpi(72);
    const CropPlan expected = planCrops(samplePixelSizes({0}, 72));
    QCOMPARE(expected.images[0].tiles(), 4);
    QCOMPARE(m_window->currentPlan().images[0].tiles(), 4);
    QCOMPARE(m_window->planPanel()->pageTexts()[0], QStringLiteral("5 images (global + 4 tiles) · 845 tokens"));
}

void TestUiMainWindow::moreThanFiftyPagesWarns()
{
    PageStripModel *model = m_window->pageStripModel();
    auto big = leopard::test::FakeDocument::letter(QStringLiteral("/tmp/fifty-one.pdf"), 51);
    model->addDocument(big);
    model->setDocumentChecked(big.get(), true);
    QVERIFY(m_window->currentPlan().overLimit);
    const QLabel *warning = m_window->findChild<QLabel *>(QStringLiteral("planWarningLabel"));
    QVERIFY(warning->isVisibleTo(m_window.get()));
    QVERIFY(warning->text().contains(QStringLiteral("51")));
    QVERIFY(m_window->planPanel()->warningText().contains(QStringLiteral("nothing will be sent")));
    model->setPageChecked(big.get(), 50, false);
    QVERIFY(!m_window->currentPlan().overLimit);
    QVERIFY(!warning->isVisibleTo(m_window.get()));
}

void TestUiMainWindow::clickingCheckBoxesInStrip()
{
    openSample();
    PageStripView *strip = m_window->pageStripView();
    PageStripModel *model = m_window->pageStripModel();
    const viewer::DocumentPtr doc = model->documents().first();
    PageStripDelegate *delegate = strip->stripDelegate();

    const QModelIndex page2 = model->pageIndex(doc.get(), 1);
    strip->scrollTo(page2);
    const QRect row = strip->visualRect(page2);
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, delegate->checkBoxRect(row, page2).center());
    QVERIFY(model->isChecked(doc.get(), 1));
    QCOMPARE(m_window->currentPlan().images.size(), size_t(1));
    QCOMPARE(m_window->currentPage().page, 0); // a check box click does not change the page shown

    // Clicking the thumbnail shows that page.
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, delegate->thumbnailRect(row, page2).center());
    QCOMPARE(m_window->currentPage().page, 1);
    QVERIFY(m_window->pageView()->hasImagePlan());

    // Header "All" and "None".
    const QModelIndex header = model->headerIndex(doc.get());
    strip->scrollTo(header);
    const QRect headerRow = strip->visualRect(header);
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, delegate->checkAllRect(headerRow).center());
    QCOMPARE(model->checkedCount(), 5);
    QCOMPARE(m_window->currentPlan().images.size(), size_t(5));
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, delegate->checkNoneRect(headerRow).center());
    QCOMPARE(model->checkedCount(), 0);
    QVERIFY(m_window->currentPlan().images.empty());
}

void TestUiMainWindow::thumbnailsAndPageRenderLazily()
{
    QSignalSpy rendered(m_window->pageRenderer(), &viewer::PageRenderer::pageRendered);
    openSample();
    PageStripView *strip = m_window->pageStripView();
    PageStripModel *model = m_window->pageStripModel();
    const viewer::DocumentPtr doc = model->documents().first();
    const double thumbDpi = strip->stripDelegate()->thumbnailDpi(doc.get(), 0, strip->devicePixelRatioF());
    auto thumbnailsRendered = [&](int page) {
        int n = 0;
        for (const QList<QVariant> &args : rendered)
            if (args.at(1).toInt() == page && qFuzzyCompare(args.at(2).toDouble(), thumbDpi))
                ++n;
        return n;
    };
    // The first thumbnail is in view: painting it requested it, and it arrives.
    QTRY_VERIFY_WITH_TIMEOUT(thumbnailsRendered(0) == 1, 20000);
    QVERIFY(!m_window->pageRenderer()->request(doc, 0, thumbDpi).isNull());
    // The last page is below the strip's fold: not requested until scrolled to.
    const QModelIndex last = model->pageIndex(doc.get(), 4);
    QVERIFY(!strip->viewport()->rect().intersects(strip->visualRect(last)));
    QTest::qWait(300);
    QCOMPARE(thumbnailsRendered(4), 0);
    strip->scrollTo(last);
    QTRY_VERIFY_WITH_TIMEOUT(thumbnailsRendered(4) == 1, 20000);

    // The page view renders at screen dpi x zoom x device pixel ratio.
    PageView *view = m_window->pageView();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->pageRenderer()->request(doc, 0, view->renderDpi()).isNull(), 20000);
    const QImage page = m_window->pageRenderer()->request(doc, 0, view->renderDpi());
    QVERIFY(qAbs(page.width() - 612.0 * view->renderDpi() / 72.0) <= 1.0);
}

static QInputDialog *visiblePasswordDialog(QWidget *window, const QString &labelPart)
{
    for (QInputDialog *d : window->findChildren<QInputDialog *>(QStringLiteral("passwordDialog")))
        if (d->isVisible() && d->labelText().contains(labelPart))
            return d;
    return nullptr;
}

void TestUiMainWindow::passwordPromptRetries()
{
    const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
    if (qpdf.isEmpty())
        QSKIP("qpdf is not installed: cannot make an encrypted PDF");
    QTemporaryDir dir;
    const QString locked = dir.filePath(QStringLiteral("locked-report.pdf"));
    QCOMPARE(QProcess::execute(qpdf, {QStringLiteral("--encrypt"), QStringLiteral("s3cret"), QStringLiteral("owner-pw"),
                                      QStringLiteral("256"), QStringLiteral("--"), kSample, locked}),
             0);

    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({locked});
    QInputDialog *ask = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((ask = visiblePasswordDialog(m_window.get(), QStringLiteral("locked-report.pdf"))), 20000);
    QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
    ask->setTextValue(QStringLiteral("not-it"));
    ask->accept();
    // A wrong password asks again, saying so.
    QInputDialog *again = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((again = visiblePasswordDialog(m_window.get(), QStringLiteral("wrong"))), 20000);
    QVERIFY(again->labelText().contains(QStringLiteral("locked-report.pdf")));
    again->setTextValue(QStringLiteral("s3cret"));
    again->accept();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    QCOMPARE(m_window->pageStripModel()->documents().first()->pageCount(), 5);
    QCOMPARE(m_window->pendingOpens(), 0);
}

void TestUiMainWindow::dropOpensDocument()
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    QVERIFY(dropUrls(m_window.get(), {QUrl::fromLocalFile(kSample)}));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QCOMPARE(m_window->pageStripModel()->documents().first()->displayName(), QStringLiteral("sample-report.pdf"));
    QCOMPARE(m_window->currentPage().page, 0);
}

void TestUiMainWindow::dropUnsupportedFileShowsMessage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("quarterly-notes.xyz"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a document");
    f.close();

    QSignalSpy messages(m_window.get(), &MainWindow::messageShown);
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    QVERIFY(dropUrls(m_window.get(), {QUrl::fromLocalFile(path)}));
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.first().first().toString().contains(QStringLiteral("quarterly-notes.xyz")),
             qPrintable(messages.first().first().toString()));
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("quarterly-notes.xyz")));
    QCOMPARE(m_window->pendingOpens(), 0);
    QTest::qWait(50);
    QCOMPARE(opened.count(), 0);
    QVERIFY(m_window->pageStripModel()->documents().isEmpty());
}

void TestUiMainWindow::zoomAndFit()
{
    openSample();
    PageView *view = m_window->pageView();
    const double perZoom = view->screenDpi() / 72.0;

    // Fit width (the default): the page fills the viewport's width less the margins.
    view->fitWidth();
    QTRY_VERIFY(qAbs(view->pageDisplaySize().width() - (view->viewport()->width() - 2 * PageView::kMargin)) <= 1.0);
    QCOMPARE(view->fitMode(), PageView::FitMode::FitWidth);
    QVERIFY(qAbs(view->pageDisplaySize().width() - 612.0 * view->zoom() * perZoom) < 1e-6);

    // Zoom in: × 1.25, leaves fit mode; render dpi follows.
    const double before = view->zoom();
    view->zoomIn();
    QCOMPARE(view->fitMode(), PageView::FitMode::None);
    QVERIFY(qFuzzyCompare(view->zoom(), before * PageView::kZoomStep));
    QVERIFY(qFuzzyCompare(view->renderDpi(), view->screenDpi() * view->zoom() * view->devicePixelRatioF()));
    view->zoomOut();
    QVERIFY(qFuzzyCompare(view->zoom(), before));

    // Ctrl + wheel zooms.
    const double z0 = view->zoom();
    QWheelEvent wheel(QPointF(100, 100), view->viewport()->mapToGlobal(QPointF(100, 100)), {}, QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(qFuzzyCompare(view->zoom(), z0 * PageView::kZoomStep));

    // Fit page: the whole page fits, touching the margins on one side.
    view->fitPage();
    QCOMPARE(view->fitMode(), PageView::FitMode::FitPage);
    QTRY_VERIFY(!view->verticalScrollBar()->isVisible() && !view->horizontalScrollBar()->isVisible());
    const QSizeF shown = view->pageDisplaySize();
    const QSize vp = view->viewport()->size();
    QVERIFY(shown.width() <= vp.width() - 2 * PageView::kMargin + 0.5);
    QVERIFY(shown.height() <= vp.height() - 2 * PageView::kMargin + 0.5);
    QVERIFY(qAbs(shown.height() - (vp.height() - 2 * PageView::kMargin)) <= 1.0
            || qAbs(shown.width() - (vp.width() - 2 * PageView::kMargin)) <= 1.0);
    QCOMPARE(view->verticalScrollBar()->maximum(), 0);

    // Actual size: 100 % = one point is screenDpi/72 logical pixels.
    view->setZoom(1.0);
    QVERIFY(qAbs(view->pageDisplaySize().width() - 612.0 * perZoom) < 1e-6);
    QVERIFY(qAbs(view->pageDisplaySize().height() - 792.0 * perZoom) < 1e-6);
}

void TestUiMainWindow::severalDocumentsAtOnce()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("second-report.pdf"));
    QVERIFY(QFile::copy(kSample, copy));
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({kSample, copy});
    QCOMPARE(m_window->pendingOpens(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 30000);
    PageStripModel *model = m_window->pageStripModel();
    QCOMPARE(model->documents().size(), 2);
    QCOMPARE(model->rowCount(), 2 * (1 + 5));
    const viewer::DocumentPtr second = model->findDocument(QFileInfo(copy).absoluteFilePath());
    QVERIFY(second);
    const viewer::DocumentPtr first = model->documents().first() == second ? model->documents().last() : model->documents().first();
    // Checked pages are planned in strip order, across documents.
    model->setPageChecked(second.get(), 1, true);
    model->setPageChecked(first.get(), 3, true);
    const QStringList labels = m_window->planPanel()->pageLabels();
    QCOMPARE(labels.size(), 2);
    const bool firstOnTop = model->headerIndex(first.get()).row() < model->headerIndex(second.get()).row();
    QCOMPARE(labels[firstOnTop ? 0 : 1], QStringLiteral("sample-report.pdf · p. 4"));
    QCOMPARE(labels[firstOnTop ? 1 : 0], QStringLiteral("second-report.pdf · p. 2"));
    // Closing one leaves the other and its check.
    m_window->closeDocument(first);
    QCOMPARE(model->documents().size(), 1);
    QCOMPARE(m_window->planPanel()->pageLabels(), QStringList{QStringLiteral("second-report.pdf · p. 2")});
    QCOMPARE(m_window->currentPage().document, second);
}

void TestUiMainWindow::imageFilePlansAtItsOwnSize()
{
    // An image file is analysed at its own pixel size: 800 x 600 wants round(600/364) x round(800/364)
    // = 2 x 2 = 4 crops, whatever the analysis dpi.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("whiteboard.png"));
    QImage img(800, 600, QImage::Format_RGB32);
    img.fill(Qt::white);
    QVERIFY(img.save(path));
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    QVERIFY(dropUrls(m_window.get(), {QUrl::fromLocalFile(path)}));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    PageStripModel *model = m_window->pageStripModel();
    model->setDocumentChecked(model->documents().first().get(), true);
    const CropPlan expected = planCrops({{800, 600}});
    QCOMPARE(expected.images[0].tiles(), 4);
    QCOMPARE(m_window->currentPlan().images.size(), size_t(1));
    QCOMPARE(m_window->currentPlan().images[0].original.width, 800);
    QCOMPARE(m_window->currentPlan().images[0].tiles(), 4);
    QCOMPARE(m_window->planPanel()->pageTexts()[0], QStringLiteral("5 images (global + 4 tiles) · 845 tokens"));
}

void TestUiMainWindow::recentFilesDropMissing()
{
    RecentFiles::add(QStringLiteral("/nonexistent/gone-report.pdf"));
    RecentFiles::add(kSample);
    QSignalSpy messages(m_window.get(), &MainWindow::messageShown);
    m_window->refreshRecentMenu();
    QCOMPARE(RecentFiles::list(), QStringList{QFileInfo(kSample).absoluteFilePath()});
    QCOMPARE(messages.count(), 1);
    QVERIFY(m_window->lastMessage().contains(QStringLiteral("gone-report.pdf")));
    // At most ten, most recent first.
    for (int i = 0; i < 12; ++i)
        RecentFiles::add(QStringLiteral("/tmp/r%1.pdf").arg(i));
    QCOMPARE(RecentFiles::list().size(), RecentFiles::kMaxEntries);
    QCOMPARE(RecentFiles::list().first(), QStringLiteral("/tmp/r11.pdf"));
}

void TestUiMainWindow::opensSlideDeckWithProgress()
{
    if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty()
        && QStandardPaths::findExecutable(QStringLiteral("libreoffice")).isEmpty())
        QSKIP("LibreOffice is not installed: decks cannot be converted");
    // Opening returns at once; the busy indicator and the stage show while LibreOffice works
    // (or while the cached conversion is read).
    const QString deck = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-deck.pptx");
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    QSignalSpy failed(m_window.get(), &MainWindow::openFailed);
    m_window->openFiles({deck});
    auto *busy = m_window->findChild<QProgressBar *>(QStringLiteral("busyIndicator"));
    auto *busyLabel = m_window->findChild<QLabel *>(QStringLiteral("busyLabel"));
    QVERIFY(busy->isVisibleTo(m_window.get()));
    QVERIFY(busyLabel->text().contains(QStringLiteral("sample-deck.pptx")));
    QVERIFY(m_window->findChild<QToolButton *>(QStringLiteral("cancelOpenButton"))->isVisibleTo(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1 || failed.count() == 1, 180000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QVERIFY(!busy->isVisibleTo(m_window.get()));
    const viewer::DocumentPtr doc = m_window->pageStripModel()->documents().first();
    QCOMPARE(doc->kind(), viewer::DocumentKind::SlideDeck);
    QCOMPARE(doc->pageCount(), 5);
    // 16:9 slides: the plan follows the page size in points x 144 / 72, as for any PDF.
    m_window->pageStripModel()->setPageChecked(doc.get(), 0, true);
    const QSizeF pts = doc->pageSizePoints(0);
    QVERIFY(qAbs(pts.width() / pts.height() - 16.0 / 9.0) < 0.01);
    const CropPlan expected = planCrops({{qRound(pts.width() * 2), qRound(pts.height() * 2)}});
    QCOMPARE(m_window->currentPlan().images[0].tiles(), expected.images[0].tiles());
    QCOMPARE(numbers(m_window->planPanel()->totalsText()),
             (QVector<int>{expected.totalModelImages(), 50, expected.totalTokens()}));
}

void TestUiMainWindow::stripKeepsRequestOrder()
{
    // The user gives a deck (slow: LibreOffice, or at least a cache read) and then a PDF (fast);
    // the strip, and so the order of the pages in a question, follows what the user gave.
    if (QStandardPaths::findExecutable(QStringLiteral("soffice")).isEmpty()
        && QStandardPaths::findExecutable(QStringLiteral("libreoffice")).isEmpty())
        QSKIP("LibreOffice is not installed: decks cannot be converted");
    QTemporaryDir dir;
    const QString deck = dir.filePath(QStringLiteral("first-deck.odp"));
    QVERIFY(QFile::copy(QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-deck.odp"), deck));
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({deck, kSample});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 180000);
    // Usually the PDF finishes first (conversion, or the converted deck's cache read, takes longer);
    // whichever finished first, the order is the one asked for.
    if (opened.first().first().value<viewer::DocumentPtr>()->displayName() != QStringLiteral("sample-report.pdf"))
        qInfo("the deck finished first this time: order kept trivially");
    const QVector<viewer::DocumentPtr> docs = m_window->pageStripModel()->documents();
    QCOMPARE(docs.size(), 2);
    QCOMPARE(docs[0]->displayName(), QStringLiteral("first-deck.odp"));
    QCOMPARE(docs[1]->displayName(), QStringLiteral("sample-report.pdf"));
    QCOMPARE(m_window->pageStripModel()->headerIndex(docs[1].get()).row(), 1 + docs[0]->pageCount());
}

void TestUiMainWindow::cancelOpening()
{
    QSignalSpy opened(m_window.get(), &MainWindow::documentOpened);
    m_window->openFiles({kSample});
    QCOMPARE(m_window->pendingOpens(), 1);
    auto *cancel = m_window->findChild<QToolButton *>(QStringLiteral("cancelOpenButton"));
    QVERIFY(cancel->isVisibleTo(m_window.get()));
    cancel->click();
    QCOMPARE(m_window->pendingOpens(), 0);
    QVERIFY(!m_window->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisibleTo(m_window.get()));
    QTest::qWait(500);
    QCOMPARE(opened.count(), 0); // a cancelled open never arrives
    // The window still opens files afterwards.
    m_window->openFiles({kSample});
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
}

void TestUiMainWindow::closeDocumentClearsView()
{
    openSample();
    PageStripModel *model = m_window->pageStripModel();
    model->setDocumentChecked(model->documents().first().get(), true);
    m_window->closeCurrentDocument();
    QVERIFY(model->documents().isEmpty());
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(m_window->currentPlan().images.empty());
    QVERIFY(!m_window->pageView()->page().document);
}

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_main_window.moc"
