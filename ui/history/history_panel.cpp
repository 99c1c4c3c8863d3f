#include "ui/history/history_panel.h"

#include "ui/chat/chat_panel.h"
#include "ui/conversation/history_groups.h"
#include "ui/conversation/session_writer.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("historyList"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setWordWrap(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_open = new QPushButton(this);
    m_open->setObjectName(QStringLiteral("historyOpenButton"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("historyDeleteButton"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
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
    connect(m_open, &QPushButton::clicked, this, [this] { openRow(currentRow()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteRow(currentRow()); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openRow(int(m_rows.indexOf(item))); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &HistoryPanel::updateButtons);
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryPanel::rebuild);
    connect(m_refreshTimer, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(&m_watcher, &QFutureWatcher<QList<SessionSummary>>::finished, this, [this] {
        m_all = m_watcher.result();
        m_refreshing = false;
        rebuild();
        if (m_refreshAgain) {
            m_refreshAgain = false;
            refresh();
        }
    });
    // A conversation begun, opened or deleted; a save written once no answer streams (while one
    // does, a save a second would list every file a second); the open documents ("open now").
    connect(m_chat, &ChatPanel::conversationsChanged, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_chat->sessionWriter(), &SessionWriter::written, this, [this] {
        if (!m_chat->isAnswering())
            m_refreshTimer->start();
    });
    connect(m_chat, &ChatPanel::documentsIdentifiedChanged, this, &HistoryPanel::rebuild);
    retranslate();
    refresh();
}

HistoryPanel::~HistoryPanel()
{
    m_watcher.waitForFinished();
}

void HistoryPanel::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter questions and answers"));
    m_filter->setAccessibleName(tr("Filter the saved conversations"));
    m_tree->setAccessibleName(tr("Saved conversations, by document set"));
    m_open->setText(tr("Open"));
    m_open->setAccessibleName(tr("Open the selected conversation"));
    m_delete->setText(tr("Delete…"));
    m_delete->setAccessibleName(tr("Delete the selected conversation"));
}

QString HistoryPanel::idAt(int row) const { return row >= 0 && row < count() ? m_rows[row]->data(0, IdRole).toString() : QString(); }
QString HistoryPanel::textAt(int row) const { return row >= 0 && row < count() ? m_rows[row]->text(0) : QString(); }
bool HistoryPanel::damagedAt(int row) const { return row >= 0 && row < count() && m_rows[row]->data(0, DamagedRole).toBool(); }
QString HistoryPanel::groupTextAt(int row) const
{
    return row >= 0 && row < count() && m_rows[row]->parent() ? m_rows[row]->parent()->text(0) : QString();
}
int HistoryPanel::groupCount() const { return m_tree->topLevelItemCount(); }
QString HistoryPanel::headerText() const { return m_header->text(); }
QString HistoryPanel::lastMessage() const { return m_message->isVisible() ? m_message->text() : QString(); }
int HistoryPanel::currentRow() const { return int(m_rows.indexOf(m_tree->currentItem())); }

void HistoryPanel::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    const QString dir = m_chat->sessionStore()->directory();
    m_watcher.setFuture(QtConcurrent::run([dir] { return SessionStore(dir).list(); }));
}

void HistoryPanel::rebuild()
{
    const QString current = idAt(currentRow());
    m_tree->clear();
    m_rows.clear();
    const QString filter = m_filter->text().trimmed();
    const QList<HistoryGroup> groups = groupHistory(m_all, filter);
    if (m_all.isEmpty())
        m_header->setText(m_refreshing ? tr("Reading the saved conversations…") : tr("No saved conversations yet."));
    else if (groups.isEmpty())
        m_header->setText(tr("No saved conversation matches “%1”.").arg(filter));
    else
        m_header->setText(tr("Saved conversations by document set, newest first:"));
    const QString openKey = m_chat->documentSetKey();
    QTreeWidgetItem *currentItem = nullptr;
    for (const HistoryGroup &g : groups) {
        auto *group = new QTreeWidgetItem(m_tree);
        group->setFlags(Qt::ItemIsEnabled);
        QStringList names, paths;
        for (const SessionDocument &d : g.documents)
            names << QFileInfo(d.path).fileName(), paths << d.path;
        QString title = g.damaged ? tr("Damaged files") : names.isEmpty() ? tr("No documents") : QLocale().createSeparatedList(names);
        if (!g.damaged && !g.setKey.isEmpty() && g.setKey == openKey)
            title += tr(" · open now");
        group->setText(0, title);
        group->setToolTip(0, paths.join(QLatin1Char('\n')));
        QFont f = group->font(0);
        f.setBold(true);
        group->setFont(0, f);
        for (const SessionSummary &s : g.conversations) {
            QTreeWidgetItem *item = addRow(group, s);
            if (s.id == current)
                currentItem = item;
        }
        group->setExpanded(true);
    }
    if (currentItem)
        m_tree->setCurrentItem(currentItem);
    updateButtons();
}

QTreeWidgetItem *HistoryPanel::addRow(QTreeWidgetItem *group, const SessionSummary &s)
{
    auto *item = new QTreeWidgetItem(group);
    item->setData(0, IdRole, s.id);
    const QString date = QLocale().toString(s.updated.toLocalTime(), QLocale::ShortFormat);
    if (!s.error.isEmpty()) {
        item->setText(0, tr("Damaged file (cannot be opened) · %1\n%2").arg(date, s.error));
        item->setData(0, DamagedRole, true);
        item->setData(0, TitleRole, s.id);
        item->setForeground(0, QColor(0x84, 0x20, 0x29));
    } else {
        const QString title = s.title.isEmpty() ? tr("(no question)") : s.title;
        const bool shown = s.id == m_chat->conversationId();
        QString line = tr("%1 · %n turn(s)", "", s.turns).arg(date);
        if (s.interrupted)
            line += tr(" · interrupted");
        if (shown)
            line += tr(" · shown");
        item->setText(0, title + QLatin1Char('\n') + line);
        item->setData(0, TitleRole, title);
        if (shown) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
    }
    item->setToolTip(0, item->text(0));
    m_rows << item;
    return item;
}

void HistoryPanel::updateButtons()
{
    const int row = currentRow();
    m_open->setEnabled(row >= 0 && !damagedAt(row) && !m_chat->isAnswering());
    m_delete->setEnabled(row >= 0);
}

void HistoryPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool HistoryPanel::openRow(int row)
{
    if (row < 0 || row >= count() || damagedAt(row))
        return false;
    m_error.clear();
    const QString id = idAt(row);
    const bool started = m_reopen ? m_reopen(id, &m_error) : m_chat->openConversation(id, &m_error);
    showMessage(started ? QString() : m_error);
    if (started && !m_reopen)
        rebuild(); // "shown" moves
    return started;
}

void HistoryPanel::reopenFinished(const QString &, bool ok, const QStringList &notes)
{
    if (!ok && !notes.isEmpty())
        m_error = notes.join(QLatin1Char('\n'));
    showMessage(notes.join(QLatin1Char('\n')));
    rebuild();
}

bool HistoryPanel::deleteRow(int row)
{
    if (row < 0 || row >= count())
        return false;
    if (m_confirm && !m_confirm(m_rows[row]->data(0, TitleRole).toString()))
        return false;
    m_error.clear();
    const QString id = idAt(row);
    if (!m_chat->deleteConversation(id, &m_error)) {
        showMessage(m_error);
        return false;
    }
    showMessage(QString());
    // Gone from the list at once (the listing that follows confirms it).
    m_all.erase(std::remove_if(m_all.begin(), m_all.end(), [&](const SessionSummary &s) { return s.id == id; }), m_all.end());
    rebuild();
    return true;
}

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild(); // header and rows ("%1 · %n turn(s)") in the new language
    }
    QWidget::changeEvent(event);
}

} // namespace leopard::ui
