// View ▸ Show Where the Model Looked, in the real window with the demo model, offscreen: after an
// answer about page 1 of the sample report (12 crops at 144 dpi), the page shows one heat grid per
// crop, each over the crop's square as the planner (checked against the authors' functions) places
// it, scaled so the hottest cell is 1, and the answer's own attention grids (the worker's, checked
// against the reference in tests/model) are what is drawn. A page the answer did not see gets
// none; turning the view off removes it. An export made while the view is on shades the page picture
// where the hottest cell is, with the legend; one made with it off does not.
#include "inference/planner.h"
#include "ui/chat/chat_panel.h"
#include "ui/evidence/heat_view.h"
#include "ui/export/answer_export.h"
#include "ui/export/export_actions.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_view.h"
#include "ui/window/main_window.h"
#include "viewer/crop_overlay.h"

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

class TestHeatOverlay : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->setModelDirectory(QString()); // the demo model
        QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 60000);
        m_window->openFiles({QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf")});
        QTRY_COMPARE_WITH_TIMEOUT(m_window->pageStripModel()->documents().size(), qsizetype(1), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->chatPanel()->documentsIdentified(), 30000);
    }

    void heatOverEachCrop()
    {
        ChatPanel *chat = m_window->chatPanel();
        PageStripModel *model = m_window->pageStripModel();
        const viewer::DocumentPtr doc = model->documents().first();
        chat->newConversation();
        model->setPageChecked(doc.get(), 0, true);
        chat->setMaxNewTokens(4);
        chat->setQuestion(QStringLiteral("What is the title of this report?"));
        QSignalSpy finished(chat, &ChatPanel::answerFinished);
        chat->ask();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        const AskStats stats = finished.first().first().value<AskStats>();
        QVERIFY(!stats.attention.empty());

        auto *toggle = m_window->findChild<QAction *>(QStringLiteral("showHeatAction"));
        QVERIFY(toggle);
        toggle->setChecked(false);
        m_window->showPage({doc, 0});
        QVERIFY(m_window->pageView()->marks().heat.isEmpty());
        toggle->setChecked(true);
        const QVector<HeatGrid> heat = m_window->pageView()->marks().heat;
        // The plan of page 1 at 144 dpi, from the planner: 12 crops.
        const QSize px = doc->analysisPixelSize(0, 144);
        const CropPlan plan = planCrops({PixelSize{px.width(), px.height()}});
        const QVector<QRectF> tiles = viewer::normalisedTileRects(plan.images[0], 364);
        QCOMPARE(tiles.size(), 12);
        QCOMPARE(heat.size(), tiles.size());
        float hottest = 0;
        for (int i = 0; i < heat.size(); ++i) {
            QCOMPARE(heat[i].cols, 13);
            QCOMPARE(heat[i].rows, 13);
            QCOMPARE(heat[i].values.size(), 169);
            QVERIFY(std::abs(heat[i].rect.left() - tiles[i].left()) < 1e-9 && std::abs(heat[i].rect.bottom() - tiles[i].bottom()) < 1e-9);
            for (const float v : heat[i].values)
                hottest = std::max(hottest, v);
        }
        QCOMPARE(hottest, 1.0f);
        // What is drawn is the answer's attention to tile i (image i + 1 of the page), scaled.
        float maxWeight = 0;
        for (const ImageAttention &a : stats.attention.images)
            if (a.image > 0)
                for (const float w : a.weights)
                    maxWeight = std::max(maxWeight, w);
        for (const ImageAttention &a : stats.attention.images)
            if (a.image > 0)
                for (int c = 0; c < 169; ++c)
                    QVERIFY(std::abs(heat[a.image - 1].values[c] - a.weights[c] / maxWeight) < 1e-6);
        // Page 2 was not in the question: no heat.
        m_window->showPage({doc, 1});
        QVERIFY(m_window->pageView()->marks().heat.isEmpty());
        toggle->setChecked(false);
        m_window->showPage({doc, 0});
        QVERIFY(m_window->pageView()->marks().heat.isEmpty());
    }

    void exportShadesThePageWhenShown()
    {
        auto *toggle = m_window->findChild<QAction *>(QStringLiteral("showHeatAction"));
        auto *actions = m_window->findChild<ExportActions *>(QStringLiteral("exportActions"));
        QVERIFY(toggle && actions);
        const viewer::DocumentPtr doc = m_window->pageStripModel()->documents().first();
        toggle->setChecked(true);
        m_window->showPage({doc, 0});
        const QVector<HeatGrid> heat = m_window->pageView()->marks().heat;
        QVERIFY(!heat.isEmpty());
        // The hottest cell's centre, normalised (a tile may reach into the padding: keep to the page).
        QPointF hot;
        float best = -1;
        for (const HeatGrid &g : heat)
            for (int c = 0; c < g.values.size(); ++c) {
                const QPointF at(g.rect.x() + (c % g.cols + 0.5) * g.rect.width() / g.cols,
                                 g.rect.y() + (c / g.cols + 0.5) * g.rect.height() / g.rows);
                if (g.values[c] > best && at.x() < 1 && at.y() < 1) {
                    best = g.values[c];
                    hot = at;
                }
            }
        QVERIFY(best > 0.5f);
        QTemporaryDir dir;
        QString error;
        const QString on = dir.filePath(QStringLiteral("on.html")), off = dir.filePath(QStringLiteral("off.html"));
        QVERIFY2(actions->exportTo(0, on, &error), qPrintable(error));
        toggle->setChecked(false);
        QVERIFY2(actions->exportTo(0, off, &error), qPrintable(error));
        const QImage withHeat(AnswerExporter::imageFolderFor(on) + QStringLiteral("/turn1-page1.png"));
        const QImage without(AnswerExporter::imageFolderFor(off) + QStringLiteral("/turn1-page1.png"));
        QVERIFY(!withHeat.isNull() && withHeat.size() == without.size());
        const QPoint px(int(hot.x() * withHeat.width()), int(hot.y() * withHeat.height()));
        auto violet = [](const QColor &c) { return c.blue() - c.green(); };
        QVERIFY2(violet(withHeat.pixelColor(px)) > violet(without.pixelColor(px)) + 40,
                 qPrintable(QStringLiteral("%1 vs %2").arg(withHeat.pixelColor(px).name(), without.pixelColor(px).name())));
        QFile html(on);
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(html.readAll()).contains(QStringLiteral("where the model looked shaded in violet")));
    }
};

QTEST_MAIN(TestHeatOverlay)
#include "tst_heat_overlay.moc"
