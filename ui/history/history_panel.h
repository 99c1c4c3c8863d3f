#pragma once
// "History" dock: the saved conversations about the open documents (their document set, see
// session_store.h), newest first: title (the first question), date, turns, an "interrupted" marker
// for a conversation whose last answer was cut short, and damaged files shown as such (named, with
// what is wrong; they can be deleted). Open shows a conversation in the Ask dock; Delete asks first.

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace leopard::ui {

class ChatPanel;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(ChatPanel *chat, QWidget *parent = nullptr);

    // Asked before a delete; default: a question box. Tests put an answer in.
    void setConfirmDelete(std::function<bool(const QString &title)> confirm) { m_confirm = std::move(confirm); }

    QListWidget *list() const { return m_list; }
    int count() const;
    QString idAt(int row) const;
    QString textAt(int row) const;
    bool damagedAt(int row) const;
    QString lastError() const { return m_error; }

public slots:
    void refresh();
    bool openRow(int row);
    bool deleteRow(int row);

protected:
    void changeEvent(QEvent *event) override; // LanguageChange: buttons, names and the list again

private:
    void updateButtons();

    ChatPanel *m_chat;
    QLabel *m_header;
    QListWidget *m_list;
    QPushButton *m_open;
    QPushButton *m_delete;
    QLabel *m_message;
    QString m_error;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace leopard::ui
