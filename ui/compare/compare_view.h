#pragma once
// The compare view: two pages side by side (from the page strip, from two different documents, or
// files dropped from the file manager), each with the crop plan the model will use for the pair,
// an editable comparison prompt, and Compare, which asks the model about both pages at once
// (ChatPanel::askAbout: a new conversation about exactly these two pages). The answer streams into
// the Ask dock and, while it comes, into this view.
//
// It lives as the "Compare" tab of the central area, next to the page view; installCompareView()
// puts it there and adds the Compare menu (keyboard alternatives for every drag).

#include "ui/pages/page_ref.h"
#include "ui/conversation/saved_conversation.h"

#include <QHash>
#include <QPair>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace leopard { struct AskStats; }

namespace leopard::ui {

class CompareSlot;
class MainWindow;

class CompareView : public QWidget
{
    Q_OBJECT
public:
    enum Side { Left = 0, Right = 1 };
    Q_ENUM(Side)

    explicit CompareView(MainWindow *window, QWidget *parent = nullptr);

    PageRef page(Side side) const;
    void setPage(Side side, const PageRef &page);
    CompareSlot *slotWidget(Side side) const { return m_slots[side]; }
    QString prompt() const;
    void setPrompt(const QString &text);
    static QString defaultPrompt();
    QString answerText() const;          // the comparison answer as far as it has come
    bool isComparing() const { return m_comparing; }
    QString compareBlockedReason() const; // "" when Compare is enabled
    QString lastMessage() const { return m_lastMessage; }
    int pendingOpens() const { return int(m_pending.size()); }

    QAction *putLeftAction() const { return m_putLeft; }
    QAction *putRightAction() const { return m_putRight; }
    QAction *swapAction() const { return m_swap; }
    QAction *clearAction() const { return m_clear; }
    QAction *compareAction() const { return m_compare; }

public slots:
    void putCurrentPage(leopard::ui::CompareView::Side side); // the page shown in the window
    void swapSlots();
    void clearSlots();
    void compare();

signals:
    void messageShown(const QString &text);
    void pagesChanged();
    void showRequested(); // a keyboard action filled a slot: the tab should come forward

protected:
    void changeEvent(QEvent *event) override;

private:
    friend CompareView *installCompareView(MainWindow *window);
    void retranslateUi(); // every text, after construction and on a live language switch
    void dropPages(Side side, const QList<SessionPageRef> &pages);
    void dropFiles(Side side, const QStringList &files, const QStringList &remote);
    void assign(Side side, const PageRef &page);
    void step(Side side, int delta);
    void documentOpened(const viewer::DocumentPtr &document);
    void openFailed(const QString &path, const QString &message);
    void updatePlan();
    void updateControls();
    void showMessage(const QString &text);
    void appendToken(const QString &text);
    void answerFinished(const leopard::AskStats &stats);

    MainWindow *m_window;
    CompareSlot *m_slots[2];
    QLabel *m_captions[2];
    QLabel *m_planLabel;
    QLabel *m_message;
    QPlainTextEdit *m_prompt;
    QPushButton *m_compareButton;
    QPushButton *m_swapButton;
    QPushButton *m_clearButton;
    QLabel *m_promptLabel;
    QTextBrowser *m_answer;
    QString m_shownDefaultPrompt; // the default prompt as last shown: replaced on a language switch unless edited
    QString m_streaming;
    bool m_comparing = false;
    QString m_lastMessage;
    // Files being opened for a slot: absolute path -> (side, 0-based page).
    QHash<QString, QPair<int, int>> m_pending;

    QAction *m_putLeft;
    QAction *m_putRight;
    QAction *m_swap;
    QAction *m_clear;
    QAction *m_compare;
    // Set by installCompareView: the central tabs, the page tab, the Compare menu and its Show action.
    QPointer<QTabWidget> m_tabs;
    QPointer<QWidget> m_pageTab;
    QPointer<QMenu> m_menu;
    QPointer<QAction> m_showAction;
};

// Creates the compare view as the "Compare" tab of `window`'s central area, the Compare menu after
// the Pages menu, and the page strip's "Compare" context entries. Returns the view.
CompareView *installCompareView(MainWindow *window);

} // namespace leopard::ui
