#include "ui/history/history_panel.h"

#include "ui/chat/chat_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {
enum Role { IdRole = Qt::UserRole + 1, DamagedRole, TitleRole };
}

HistoryPanel::HistoryPanel(ChatPanel *chat, QWidget *parent)
    : QWidget(parent),
      m_chat(chat)
{
    setObjectName(QStringLiteral("historyPanel"));
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("historyHeader"));
    m_header->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Saved conversations about the open documents"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_open = new QPushButton(tr("Open"), this);
    m_open->setObjectName(QStringLiteral("historyOpenButton"));
    m_open->setAccessibleName(tr("Open the selected conversation"));
    m_delete = new QPushButton(tr("Delete…"), this);
    m_delete->setObjectName(QStringLiteral("historyDeleteButton"));
    m_delete->setAccessibleName(tr("Delete the selected conversation"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    m_confirm = [this](const QString &title) {
        QMessageBox box(QMessageBox::Question, tr("Delete Conversation"),
                        tr("Delete the saved conversation “%1”? This cannot be undone.").arg(title), QMessageBox::Cancel, this);
        QAbstractButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == remove;
    };
    connect(m_open, &QPushButton::clicked, this, [this] { openRow(m_list->currentRow()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteRow(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { openRow(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, &HistoryPanel::updateButtons);
    connect(m_chat, &ChatPanel::conversationsChanged, this, &HistoryPanel::refresh);
    connect(m_chat, &ChatPanel::documentsIdentifiedChanged, this, &HistoryPanel::refresh);
    refresh();
}

int HistoryPanel::count() const { return m_list->count(); }
QString HistoryPanel::idAt(int row) const { return row >= 0 && row < count() ? m_list->item(row)->data(IdRole).toString() : QString(); }
QString HistoryPanel::textAt(int row) const { return row >= 0 && row < count() ? m_list->item(row)->text() : QString(); }
bool HistoryPanel::damagedAt(int row) const { return row >= 0 && row < count() && m_list->item(row)->data(DamagedRole).toBool(); }

void HistoryPanel::refresh()
{
    const QString current = idAt(m_list->currentRow());
    m_list->clear();
    const QString key = m_chat->documentSetKey();
    if (key.isEmpty()) {
        m_header->setText(m_chat->documentsIdentified() ? tr("Open documents to see their saved conversations.")
                                                        : tr("Reading the open documents…"));
        updateButtons();
        return;
    }
    const QList<SessionSummary> sessions = m_chat->sessionStore()->list(key);
    m_header->setText(sessions.isEmpty() ? tr("No saved conversations about the open documents yet.")
                                         : tr("Saved conversations about the open documents, newest first:"));
    const QString shown = m_chat->conversationId();
    for (const SessionSummary &s : sessions) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(IdRole, s.id);
        const QString date = QLocale().toString(s.updated.toLocalTime(), QLocale::ShortFormat);
        if (!s.error.isEmpty()) {
            item->setText(tr("Damaged file (cannot be opened) · %1\n%2").arg(date, s.error));
            item->setData(DamagedRole, true);
            item->setData(TitleRole, s.id);
            item->setForeground(QColor(0x84, 0x20, 0x29));
        } else {
            const QString title = s.title.isEmpty() ? tr("(no question)") : s.title;
            QString line = tr("%1 · %n turn(s)", "", s.turns).arg(date);
            if (s.interrupted)
                line += tr(" · interrupted");
            if (s.id == shown)
                line += tr(" · shown");
            item->setText(title + QLatin1Char('\n') + line);
            item->setData(TitleRole, title);
            if (s.id == shown) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
        }
        item->setToolTip(item->text());
        if (s.id == current)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

void HistoryPanel::updateButtons()
{
    const int row = m_list->currentRow();
    m_open->setEnabled(row >= 0 && !damagedAt(row) && !m_chat->isAnswering());
    m_delete->setEnabled(row >= 0);
}

bool HistoryPanel::openRow(int row)
{
    if (row < 0 || row >= count() || damagedAt(row))
        return false;
    m_error.clear();
    if (!m_chat->openConversation(idAt(row), &m_error)) {
        m_message->setText(m_error);
        m_message->show();
        return false;
    }
    m_message->hide();
    return true;
}

bool HistoryPanel::deleteRow(int row)
{
    if (row < 0 || row >= count())
        return false;
    if (m_confirm && !m_confirm(m_list->item(row)->data(TitleRole).toString()))
        return false;
    m_error.clear();
    if (!m_chat->deleteConversation(idAt(row), &m_error)) {
        m_message->setText(m_error);
        m_message->show();
        return false;
    }
    m_message->hide();
    refresh();
    return true;
}

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_list->setAccessibleName(tr("Saved conversations about the open documents"));
        m_open->setText(tr("Open"));
        m_open->setAccessibleName(tr("Open the selected conversation"));
        m_delete->setText(tr("Delete…"));
        m_delete->setAccessibleName(tr("Delete the selected conversation"));
        refresh(); // header and rows ("%1 · %n turn(s)") in the new language
    }
    QWidget::changeEvent(event);
}

} // namespace leopard::ui
