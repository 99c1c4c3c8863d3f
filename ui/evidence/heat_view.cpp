#include "ui/evidence/heat_view.h"

#include "ui/chat/chat_panel.h"
#include "ui/evidence/page_heat.h"
#include "ui/pages/page_view.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QSettings>

namespace leopard::ui {

namespace {
const char kShowHeatKey[] = "view/showWhereTheModelLooked";
constexpr int kDefaultCropSide = 364; // Leopard's; the heat follows the plan the answer used
} // namespace

HeatView::HeatView(MainWindow *window)
    : QObject(window), m_window(window), m_toggle(new QAction(window))
{
    m_toggle->setObjectName(QStringLiteral("showHeatAction"));
    m_toggle->setCheckable(true);
    m_toggle->setChecked(QSettings().value(kShowHeatKey, false).toBool());
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    window->viewMenu()->addSeparator();
    window->viewMenu()->addAction(m_toggle);
    window->addAction(m_toggle);
    connect(m_toggle, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(kShowHeatKey, on);
        refresh();
    });
    connect(window->pageView(), &PageView::pageShown, this, &HeatView::refresh);
    connect(window->chatPanel(), &ChatPanel::attentionChanged, this, &HeatView::refresh);
    window->installEventFilter(this);
    retranslate();
}

void HeatView::refresh()
{
    PageView *view = m_window->pageView();
    m_turn = -1;
    QVector<HeatGrid> grids;
    const PageRef shown = view->page();
    if (m_toggle->isChecked() && shown.document) {
        ChatPanel *chat = m_window->chatPanel();
        const SavedConversation c = chat->savedConversation();
        const SessionPageRef page{shown.document->sourcePath(), shown.page + 1};
        for (int t = chat->turnCount() - 1; t >= 0 && grids.isEmpty(); --t)
            if (const AttentionMaps *maps = chat->attentionOf(t)) {
                grids = heatForPage(c, t, *maps, page, kDefaultCropSide);
                if (!grids.isEmpty())
                    m_turn = t;
            }
    }
    view->setHeat(grids);
}

void HeatView::retranslate()
{
    m_toggle->setText(tr("Show &Where the Model Looked"));
    m_toggle->setToolTip(tr("Draw over the page how much the last answer about it attended to each part of it "
                            "(each crop's 13 × 13 cells, averaged over the answer's tokens, heads and layers)"));
}

bool HeatView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

HeatView *installHeatView(MainWindow *window)
{
    return new HeatView(window);
}

} // namespace leopard::ui
