#pragma once
// "History" dock: every saved conversation (not only the open documents'), grouped by the document
// set it is about (ui/conversation/history_groups.h), groups and conversations newest first, with a
// filter box over questions, answers and document names. Each row: title (the first question), date,
// turns, "interrupted" when the last answer was cut short, "shown" for the Ask dock's; damaged files
// are shown as such (named, with what is wrong; they can be deleted). The list is read off the GUI
// thread (every file is parsed), and again when conversations change.
// Open shows a conversation in the Ask dock, reopening its documents first when they are not open
// (ConversationReopener, set by the window); Delete asks first.
#include "ui/conversation/session_store.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace leopard::ui {

class ChatPanel;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(ChatPanel *chat, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    // Asked before a delete; default: a question box. Tests put an answer in.
    void setConfirmDelete(std::function<bool(const QString &title)> confirm) { m_confirm = std::move(confirm); }
    // How Open shows a conversation whose documents may not be open (the window's reopener); without
    // one, the Ask dock shows it with the documents that are open.
    using Reopen = std::function<bool(const QString &id, QString *error)>;
    void setReopen(Reopen reopen) { m_reopen = std::move(reopen); }

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    bool isRefreshing() const { return m_refreshing; }
    // Conversation rows, in the order shown (groups flattened); the group headers are not rows.
    int count() const { return int(m_rows.size()); }
    QString idAt(int row) const;
    QString textAt(int row) const;
    bool damagedAt(int row) const;
    QString groupTextAt(int row) const; // the header of the row's group
    int groupCount() const;
    QString headerText() const;
    QString lastError() const { return m_error; }
    QString lastMessage() const;

public slots:
    void refresh();          // reads the store again (in the background)
    bool openRow(int row);
    bool deleteRow(int row);
    void reopenFinished(const QString &id, bool ok, const QStringList &notes);

protected:
    void changeEvent(QEvent *event) override; // LanguageChange: buttons, names and the list again

private:
    void rebuild();          // the tree from m_all and the filter (no disk)
    void retranslate();
    void updateButtons();
    void showMessage(const QString &text);
    int currentRow() const;
    QTreeWidgetItem *addRow(QTreeWidgetItem *group, const SessionSummary &s);

    ChatPanel *m_chat;
    QLabel *m_header;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QPushButton *m_open;
    QPushButton *m_delete;
    QLabel *m_message;
    QTimer *m_refreshTimer;  // coalesces refresh requests (a burst of saves: one listing)
    QFutureWatcher<QList<SessionSummary>> m_watcher;
    bool m_refreshing = false;
    bool m_refreshAgain = false; // asked for while a listing ran: list again when it ends
    QList<SessionSummary> m_all;
    QList<QTreeWidgetItem *> m_rows;
    QString m_error;
    std::function<bool(const QString &)> m_confirm;
    Reopen m_reopen;
};

} // namespace leopard::ui
