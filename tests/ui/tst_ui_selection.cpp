// The page strip model (the one source of truth for the selection), the selection plan and the
// plan panel, on fake documents: no PDF, no rendering.
#include "fake_document.h"
#include "inference/planner.h"
#include "ui/pages/page_strip_model.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/language.h"
#include "ui/pages/plan_panel.h"
#include "ui/settings/settings_dialog.h"
#include "ui/pages/selection_plan.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace leopard;
using namespace leopard::ui;
using leopard::test::FakeDocument;

class TestUiSelection : public QObject
{
    Q_OBJECT
private slots:
    // English as the app runs it: the English catalogue gives the plural forms ("12 crops").
    void initTestCase() { QCOMPARE(leopard::ui::Language::apply(QStringLiteral("en")), QStringLiteral("en")); }
    void rowsAndHeaders();
    void checkStatesAndSignals();
    void checkedPagesInStripOrder();
    void planFollowsPlanner();
    void panelShowsPlan();
    void panelWarnsPastFiftyPages();
    void removingDocumentDropsItsChecks();
    void settingsDialogExplainsDefaultDpi();
};

void TestUiSelection::rowsAndHeaders()
{
    PageStripModel model;
    auto a = FakeDocument::letter("/tmp/a.pdf", 3);
    auto b = FakeDocument::letter("/tmp/b.pdf", 2);
    model.addDocument(a);
    model.addDocument(b);
    model.addDocument(a); // twice: ignored
    QCOMPARE(model.rowCount(), 1 + 3 + 1 + 2);
    QVERIFY(model.isHeader(model.index(0)));
    QVERIFY(model.isHeader(model.index(4)));
    QCOMPARE(model.pageAt(model.index(2)).page, 1);
    QCOMPARE(model.pageAt(model.index(2)).document, viewer::DocumentPtr(a));
    QCOMPARE(model.pageAt(model.index(6)).document, viewer::DocumentPtr(b));
    QCOMPARE(model.pageIndex(b.get(), 1).row(), 6);
    QCOMPARE(model.headerIndex(b.get()).row(), 4);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("a.pdf"));
    QCOMPARE(model.index(0).data(PageStripModel::PageCountRole).toInt(), 3);
    QCOMPARE(model.findDocument("/tmp/b.pdf"), viewer::DocumentPtr(b));
}

void TestUiSelection::checkStatesAndSignals()
{
    PageStripModel model;
    auto a = FakeDocument::letter("/tmp/a.pdf", 4);
    model.addDocument(a);
    QSignalSpy changed(&model, &PageStripModel::checkedPagesChanged);
    const QModelIndex header = model.headerIndex(a.get());
    QCOMPARE(header.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    QVERIFY(model.setData(model.pageIndex(a.get(), 1), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(header.data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QCOMPARE(model.checkedCount(a.get()), 1);

    model.setPageChecked(a.get(), 1, true); // no change, no signal
    QCOMPARE(changed.count(), 1);

    model.setData(header, Qt::Checked, Qt::CheckStateRole); // "check all" through the header
    QCOMPARE(changed.count(), 2);                         // one signal for the whole document
    QCOMPARE(header.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.checkedCount(), 4);

    model.setDocumentChecked(a.get(), false);             // "none"
    QCOMPARE(changed.count(), 3);
    QCOMPARE(model.checkedCount(), 0);
    QCOMPARE(header.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
}

void TestUiSelection::checkedPagesInStripOrder()
{
    PageStripModel model;
    auto a = FakeDocument::letter("/tmp/a.pdf", 3);
    auto b = FakeDocument::letter("/tmp/b.pdf", 3);
    model.addDocument(a);
    model.addDocument(b);
    model.setPageChecked(b.get(), 0, true);
    model.setPageChecked(a.get(), 2, true);
    model.setPageChecked(a.get(), 0, true);
    const PageRefList pages = model.checkedPages();
    QCOMPARE(pages.size(), 3);
    QCOMPARE(pages[0], (PageRef{a, 0}));
    QCOMPARE(pages[1], (PageRef{a, 2}));
    QCOMPARE(pages[2], (PageRef{b, 0}));
}

void TestUiSelection::planFollowsPlanner()
{
    // A Letter page and an A4 landscape page at 144 dpi.
    auto doc = std::make_shared<FakeDocument>("/tmp/mixed.pdf", QVector<QSizeF>{{612, 792}, {842, 595}});
    const PageRefList pages{{doc, 0}, {doc, 1}};
    const SelectionPlan sp = computeSelectionPlan(pages, 144);
    const CropPlan expected = planCrops({{1224, 1584}, {1684, 1190}});
    QCOMPARE(int(sp.plan.images.size()), 2);
    for (size_t i = 0; i < 2; ++i) {
        QCOMPARE(sp.plan.images[i].tiles(), expected.images[i].tiles());
        QCOMPARE(sp.plan.images[i].gridCols, expected.images[i].gridCols);
    }
    // Hand check: 1224 x 1584 wants round(1584/364)=4 rows x round(1224/364)=3 cols = 12 crops;
    // 1684 x 1190 wants round(3.27)=3 x round(4.63)=5 = 15; 27 <= budget 48, so both are granted.
    QCOMPARE(sp.plan.images[0].tiles(), 12);
    QCOMPARE(sp.plan.images[1].tiles(), 15);
    QCOMPARE(sp.plan.totalModelImages(), 13 + 16);
    QCOMPARE(sp.planFor(doc.get(), 1), &sp.plan.images[1]);
    QCOMPARE(sp.planFor(doc.get(), 5), nullptr);

    const SelectionPlan empty = computeSelectionPlan({}, 144);
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.plan.budget, 50);
}

static QVector<int> numbers(const QString &text)
{
    QVector<int> out;
    QRegularExpressionMatchIterator it = QRegularExpression(QStringLiteral("\\d+")).globalMatch(text);
    while (it.hasNext())
        out << it.next().captured().toInt();
    return out;
}

void TestUiSelection::panelShowsPlan()
{
    auto doc = FakeDocument::letter("/tmp/letter.pdf", 6);
    PageRefList pages;
    for (int i = 0; i < 6; ++i)
        pages.push_back({doc, i});
    PlanPanel panel;
    panel.setSelectionPlan(computeSelectionPlan(pages, 144));
    // 6 Letter pages want 6 x 12 = 72 crops; budget 50 - 6 = 44; 44/72 x 12 = 7.33 -> 7 each
    // (42 <= 44), so each page gets the best grid of at most 7 tiles.
    const CropPlan expected = planCrops(std::vector<PixelSize>(6, PixelSize{1224, 1584}));
    QCOMPARE(expected.images[0].allocated, 7);
    QCOMPARE(panel.pageTexts().size(), 6);
    for (int i = 0; i < 6; ++i) {
        const QVector<int> n = numbers(panel.pageTexts()[i]);
        QCOMPARE(n, (QVector<int>{expected.images[size_t(i)].modelImages(), expected.images[size_t(i)].tiles(),
                                  expected.images[size_t(i)].modelImages() * 169}));
    }
    QCOMPARE(numbers(panel.totalsText()), (QVector<int>{expected.totalModelImages(), 50, expected.totalTokens()}));
    QVERIFY(panel.budgetText().contains(QStringLiteral("72"))); // "want 72 crops; scaled down"
    QVERIFY(panel.warningText().isEmpty());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("planTotalsLabel"))->text(), panel.totalsText());
}

void TestUiSelection::panelWarnsPastFiftyPages()
{
    auto doc = FakeDocument::letter("/tmp/long.pdf", 51);
    PageRefList pages;
    for (int i = 0; i < 51; ++i)
        pages.push_back({doc, i});
    PlanPanel panel;
    panel.setSelectionPlan(computeSelectionPlan(pages, 144));
    QVERIFY(panel.warningText().contains(QStringLiteral("51")));
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("planWarningLabel"))->isHidden());
    pages.removeLast();
    panel.setSelectionPlan(computeSelectionPlan(pages, 144));
    QVERIFY(panel.warningText().isEmpty());
    // 50 pages: budget 0, every page one global view.
    QCOMPARE(numbers(panel.totalsText()), (QVector<int>{50, 50, 50 * 169}));
    // With no budget there is nothing to scale: the panel must say global views only, not "scaled down to 0".
    QVERIFY2(panel.budgetText().contains(QStringLiteral("No budget left")), qPrintable(panel.budgetText()));
    QVERIFY(!panel.budgetText().contains(QStringLiteral("scaled down")));
}

void TestUiSelection::removingDocumentDropsItsChecks()
{
    PageStripModel model;
    auto a = FakeDocument::letter("/tmp/a.pdf", 2);
    auto b = FakeDocument::letter("/tmp/b.pdf", 2);
    model.addDocument(a);
    model.addDocument(b);
    model.setDocumentChecked(a.get(), true);
    model.setPageChecked(b.get(), 1, true);
    QSignalSpy changed(&model, &PageStripModel::checkedPagesChanged);
    QVERIFY(model.removeDocument(a.get()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.checkedPages(), (PageRefList{{b, 1}}));
}

void TestUiSelection::settingsDialogExplainsDefaultDpi()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_selection"));
    QSettings().clear();
    QCOMPARE(AppSettings::analysisDpi(), 144.0);
    SettingsDialog dialog;
    QCOMPARE(dialog.analysisDpi(), 144.0);
    // 144 dpi: Letter = 1224 x 1584 px -> 12 crops on a 3 x 4 grid, 13 images = 2197 tokens.
    const QString preview = dialog.findChild<QLabel *>(QStringLiteral("analysisDpiPreview"))->text();
    QVERIFY2(preview.contains(QStringLiteral("1224 × 1584")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("12 crops on a 3 × 4 grid")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("2197 tokens")), qPrintable(preview));
    QVERIFY(dialog.findChild<QDoubleSpinBox *>(QStringLiteral("analysisDpiSpinBox"))->toolTip().contains(QStringLiteral("2197")));
    dialog.setAnalysisDpi(72);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("analysisDpiPreview"))->text().contains(QStringLiteral("4 crops")));
    AppSettings::setAnalysisDpi(200);
    QCOMPARE(AppSettings::analysisDpi(), 200.0);
}

QTEST_MAIN(TestUiSelection)
#include "tst_ui_selection.moc"
