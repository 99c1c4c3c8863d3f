#pragma once
// Find over the open documents (Ctrl+F, Edit ▸ Find): a bar above the page with the text to find,
// "3 of 12", Previous / Next (Shift+F3 / F3, Shift+Enter / Enter), and a result list (page and
// snippet) to pick a hit from. The current hit's page is shown with every hit on it boxed, the
// current one outlined; thumbnails of pages with hits carry their count. The searching itself is
// FindSession's (find_session.h), over the page index that DocumentIndex keeps.
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QTimer;
class QToolButton;

namespace leopard::ui {

class FindSession;
class MainWindow;

class FindBar : public QWidget
{
    Q_OBJECT
public:
    FindBar(FindSession *session, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    QListWidget *resultList() const { return m_results; }
    QString countText() const;    // what the count label says
    QAction *findAction() const { return m_findAction; }
    QAction *nextAction() const { return m_nextAction; }
    QAction *previousAction() const { return m_previousAction; }

public slots:
    void open();  // shows the bar, the field focused with its text selected
    void close(); // hides it and forgets the hits (the page's boxes and the thumbnails' marks go)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // Enter / Shift+Enter / Esc in the field
    void changeEvent(QEvent *event) override;                   // LanguageChange

private:
    void retranslate();
    void refreshResults();
    void refreshCount();

    FindSession *m_session;
    QLineEdit *m_field;
    QLabel *m_count;
    QToolButton *m_previous, *m_next, *m_showResults, *m_close;
    QListWidget *m_results;
    QTimer *m_typing;
    QAction *m_findAction, *m_nextAction, *m_previousAction;
};

// Puts Find into the window: the bar above the page view, its actions in the Edit menu, and the
// wiring to the page view and the strip. Call before the central widget is put into tabs.
FindBar *installFind(MainWindow *window);

} // namespace leopard::ui
