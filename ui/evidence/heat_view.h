#pragma once
// View ▸ Show Where the Model Looked (Ctrl+Shift+H): the shown page with the heat of the latest
// answer that looked at it (page_heat.h) and a legend; off by default, the choice remembered.
#include <QObject>

class QAction;

namespace leopard::ui {

class MainWindow;

class HeatView : public QObject
{
    Q_OBJECT
public:
    explicit HeatView(MainWindow *window);
    QAction *toggleAction() const { return m_toggle; }
    int shownTurn() const { return m_turn; } // the answer whose heat is on the page; -1: none

private:
    void refresh();
    void retranslate();
    bool eventFilter(QObject *watched, QEvent *event) override; // the window's LanguageChange

    MainWindow *m_window;
    QAction *m_toggle;
    int m_turn = -1;
};

HeatView *installHeatView(MainWindow *window);

} // namespace leopard::ui
