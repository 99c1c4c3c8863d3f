#pragma once
// The window's side of an answer's evidence (turn_evidence.h): following an evidence link in the
// Ask dock shows its page with the passage boxed (green, page_marks.h) and scrolled into view, the
// turn's other evidence on that page boxed lighter; "Show all evidence" shows the first page with
// any; the strip tags every page holding the shown turn's evidence. While an answer streams, its
// numbers found so far are shown the same way.
#include "ui/pages/page_strip_delegate.h"

#include <QObject>
#include <QPointer>

namespace leopard::ui {

class MainWindow;

class EvidenceView : public QObject
{
    Q_OBJECT
public:
    explicit EvidenceView(MainWindow *window);
    ~EvidenceView() override; // the strip stops reading m_marks

    int shownTurn() const { return m_turn; }       // -1: none
    int currentEvidence() const { return m_current; } // index into the turn's evidence, -1: all

    // What the Ask dock's links call (also for tests).
    void show(int turn, int index);

private:
    void refreshPage();  // the shown page's boxes
    void refreshStrip(); // the strip's tags

    MainWindow *m_window;
    int m_turn = -1, m_current = -1;
    PageStripDelegate::EvidenceMarks m_marks; // what the strip tags (its delegate reads it)
    QPointer<PageStripDelegate> m_delegate;
};

EvidenceView *installEvidence(MainWindow *window);

} // namespace leopard::ui
