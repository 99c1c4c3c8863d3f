#include "ui/window/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {
void collectFrom(const QMenu *menu, const QString &group, bool includeWithout, QSet<const QAction *> &seen,
                 QList<ShortcutEntry> &out)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || seen.contains(action))
            continue;
        seen.insert(action);
        if (QMenu *sub = action->menu()) {
            collectFrom(sub, group, includeWithout, seen, out);
            continue;
        }
        if (action->text().isEmpty())
            continue;
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty() && !includeWithout)
            continue;
        out.append({group, plainActionText(action->text()), keys, action});
    }
}
} // namespace

QString plainActionText(const QString &text)
{
    QString t = text;
    t.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    t.remove(QLatin1Char('&'));
    t.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    if (t.endsWith(QStringLiteral("…")))
        t.chop(1);
    if (t.endsWith(QLatin1String("...")))
        t.chop(3);
    return t.trimmed();
}

QList<ShortcutEntry> collectShortcuts(const QMainWindow *window, bool includeWithout)
{
    QList<ShortcutEntry> out;
    QSet<const QAction *> seen;
    for (QAction *top : window->menuBar()->actions())
        if (QMenu *menu = top->menu())
            collectFrom(menu, plainActionText(top->text()), includeWithout, seen, out);
    return out;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window) : QDialog(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("shortcutsSearch"));
    m_search->setPlaceholderText(tr("Search actions or keys"));
    m_search->setAccessibleName(tr("Search shortcuts"));
    m_search->setClearButtonEnabled(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setAccessibleDescription(tr("Every action with its keyboard shortcut, grouped by menu"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    QTreeWidgetItem *group = nullptr;
    for (const ShortcutEntry &e : collectShortcuts(window)) {
        if (!group || group->text(0) != e.group) {
            group = new QTreeWidgetItem(m_tree, {e.group});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            group->setExpanded(true);
        }
        QStringList keys;
        for (const QKeySequence &k : e.shortcuts)
            keys << k.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(group, {e.name, keys.join(tr(" or "))});
        item->setIcon(0, e.action->icon());
        // Screen readers read both columns as one sentence.
        item->setData(0, Qt::AccessibleTextRole, tr("%1: %2").arg(e.name, keys.join(tr(" or "))));
    }
    m_tree->expandAll();
    connect(m_search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(520, 600);
}

void ShortcutsDialog::filter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = needle.isEmpty() || item->text(0).contains(needle, Qt::CaseInsensitive)
                               || item->text(1).contains(needle, Qt::CaseInsensitive)
                               || group->text(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match;
        }
        group->setHidden(visible == 0);
    }
}

} // namespace leopard::ui
