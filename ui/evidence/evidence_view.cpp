#include "ui/evidence/evidence_view.h"

#include "ui/chat/chat_panel.h"
#include "ui/evidence/turn_evidence.h"
#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_model.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/page_view.h"
#include "ui/window/main_window.h"

namespace leopard::ui {

EvidenceView::EvidenceView(MainWindow *window)
    : QObject(window), m_window(window)
{
    ChatPanel *chat = window->chatPanel();
    m_delegate = window->pageStripView()->stripDelegate();
    m_delegate->setEvidenceMarks(&m_marks);
    connect(chat, &ChatPanel::evidenceActivated, this, &EvidenceView::show);
    connect(window->pageView(), &PageView::pageShown, this, &EvidenceView::refreshPage);
    connect(chat->turnEvidence(), &TurnEvidence::changed, this, [this, chat](int turn) {
        // The latest answer's evidence is shown as it comes (its numbers while it streams).
        if (turn == chat->turnCount() - 1 || turn == m_turn) {
            if (turn != m_turn)
                m_current = -1;
            m_turn = turn;
        }
        refreshStrip();
        refreshPage();
    });
}

EvidenceView::~EvidenceView()
{
    if (m_delegate) // the window may have deleted the strip first
        m_delegate->setEvidenceMarks(nullptr);
}

void EvidenceView::show(int turn, int index)
{
    const QVector<index::Evidence> &all = m_window->chatPanel()->turnEvidence()->of(turn);
    m_turn = turn;
    m_current = index >= 0 && index < all.size() ? index : -1;
    refreshStrip();
    if (all.isEmpty())
        return;
    const index::Evidence &e = all[m_current >= 0 ? m_current : 0];
    const viewer::DocumentPtr doc = m_window->pageStripModel()->findDocument(e.file);
    if (!doc)
        return;
    PageView *view = m_window->pageView();
    if (view->page().document != doc || view->page().page != e.page)
        m_window->showPage({doc, e.page});
    refreshPage();
    QRectF united;
    for (const QRectF &b : e.boxes)
        united = united.united(b);
    if (!united.isEmpty())
        view->ensureVisible(united);
}

void EvidenceView::refreshPage()
{
    PageView *view = m_window->pageView();
    const PageRef shown = view->page();
    QVector<QRectF> boxes, current;
    if (m_turn >= 0 && shown.document) {
        const QVector<index::Evidence> &all = m_window->chatPanel()->turnEvidence()->of(m_turn);
        for (int i = 0; i < all.size(); ++i)
            if (all[i].page == shown.page && all[i].file == shown.document->sourcePath())
                (i == m_current ? current : boxes) += all[i].boxes;
    }
    view->setEvidenceBoxes(boxes, current);
}

void EvidenceView::refreshStrip()
{
    PageStripDelegate::EvidenceMarks &marks = m_marks;
    marks.clear();
    if (m_turn >= 0)
        for (const index::Evidence &e : m_window->chatPanel()->turnEvidence()->of(m_turn))
            if (const viewer::DocumentPtr doc = m_window->pageStripModel()->findDocument(e.file))
                marks.insert({doc.get(), e.page});
    m_window->pageStripView()->viewport()->update();
}

EvidenceView *installEvidence(MainWindow *window)
{
    return new EvidenceView(window);
}

} // namespace leopard::ui
