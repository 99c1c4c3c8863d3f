#pragma once
// Help ▸ Keyboard Shortcuts: every action of the window that has a shortcut, grouped by menu.
// The list is gathered from the window's menus when the dialog opens, so it never goes stale when
// an action is added or its shortcut changes.

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QAction;
class QLineEdit;
class QMainWindow;
class QTreeWidget;

namespace leopard::ui {

struct ShortcutEntry {
    QString group;                 // the menu, e.g. "View" (no accelerator marks)
    QString name;                  // the action, e.g. "Zoom In" (no accelerator marks, no "…")
    QList<QKeySequence> shortcuts; // in the action's order; the first is the primary
    QAction *action = nullptr;
};

// Walks the window's menu bar (submenus included, each action once) in menu order.
// Actions without text (separators) are skipped; actions without shortcuts are included when
// `includeWithout` is true.
QList<ShortcutEntry> collectShortcuts(const QMainWindow *window, bool includeWithout = false);

// "&Open…" -> "Open".
QString plainActionText(const QString &text);

class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow *window);

    QTreeWidget *tree() const { return m_tree; }

private:
    void filter(const QString &text);

    QLineEdit *m_search;
    QTreeWidget *m_tree;
};

} // namespace leopard::ui
