// Keyboard shortcuts: every main action has one, no two actions share a key sequence, standard
// actions use the platform's standard keys, and Help ▸ Keyboard Shortcuts lists what the window's
// menus hold at the time it opens (an action added later shows up).
#include "ui/window/main_window.h"
#include "ui/window/shortcuts_dialog.h"

#include <QAction>
#include <QMenu>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace leopard::ui;

class ShortcutsTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("LEOPARD_MODEL_DIR", "/nonexistent-model-for-tests"); // no model load needed here
    }

    void mainActionsHaveShortcuts()
    {
        MainWindow window;
        const char *mainActions[] = {"openAction", "closeAction", "quitAction", "zoomInAction", "zoomOutAction",
                                     "actualSizeAction", "fitWidthAction", "fitPageAction", "overlayAction",
                                     "checkPageAction", "checkAllAction", "uncheckAllAction", "settingsAction",
                                     "nextPageAction", "previousPageAction", "fullScreenAction", "askAction",
                                     "stopAnswerAction", "newConversationAction", "shortcutsAction",
                                     "togglePagesDockAction", "togglePlanDockAction", "toggleAskDockAction",
                                     "toggleHistoryDockAction"};
        for (const char *name : mainActions) {
            auto *action = window.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action, name);
            QVERIFY2(!action->shortcut().isEmpty(), name);
        }
        // Where the platform defines a standard key, the action uses it (Qt's own table is the reference).
        const std::pair<const char *, QKeySequence::StandardKey> standard[] = {
            {"openAction", QKeySequence::Open}, {"closeAction", QKeySequence::Close}, {"quitAction", QKeySequence::Quit},
            {"zoomInAction", QKeySequence::ZoomIn}, {"zoomOutAction", QKeySequence::ZoomOut},
            {"settingsAction", QKeySequence::Preferences}, {"fullScreenAction", QKeySequence::FullScreen},
            {"newConversationAction", QKeySequence::New}, {"shortcutsAction", QKeySequence::HelpContents}};
        for (const auto &[name, key] : standard) {
            const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
            if (bindings.isEmpty())
                continue; // e.g. Preferences has no binding on some platforms
            auto *action = window.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action->shortcuts().contains(bindings.first()), name);
        }
    }

    void shortcutsAreUnique()
    {
        MainWindow window;
        const QList<ShortcutEntry> entries = collectShortcuts(&window);
        QVERIFY(entries.size() >= 20);
        QHash<QString, QString> owner;
        for (const ShortcutEntry &e : entries)
            for (const QKeySequence &k : e.shortcuts) {
                const QString key = k.toString(QKeySequence::PortableText);
                QVERIFY2(!owner.contains(key), qPrintable(QStringLiteral("%1 is used by both “%2” and “%3”")
                                                              .arg(key, owner.value(key), e.name)));
                owner.insert(key, e.name);
            }
        // Every action in the menus that has a shortcut is listed (nothing filtered away).
        int withShortcut = 0;
        for (QAction *a : window.findChildren<QAction *>())
            if (!a->shortcuts().isEmpty() && !a->associatedObjects().isEmpty())
                ++withShortcut;
        QCOMPARE(entries.size(), withShortcut);
    }

    void dialogListsTheWindowsActions()
    {
        MainWindow window;
        // Added after the window was built, as a feature in its own file would.
        auto *late = new QAction(QStringLiteral("&Export Answer…"), &window);
        late->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        window.fileMenu()->addAction(late);

        ShortcutsDialog dialog(&window);
        QTreeWidget *tree = dialog.tree();
        QHash<QString, QString> shown; // "Group/Action" -> shortcut text
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
                QTreeWidgetItem *item = tree->topLevelItem(g)->child(i);
                shown.insert(tree->topLevelItem(g)->text(0) + QLatin1Char('/') + item->text(0), item->text(1));
            }
        QCOMPARE(shown.value(QStringLiteral("File/Export Answer")),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E).toString(QKeySequence::NativeText));
        QCOMPARE(shown.value(QStringLiteral("File/Open")),
                 QKeySequence::keyBindings(QKeySequence::Open).first().toString(QKeySequence::NativeText));
        QVERIFY(shown.value(QStringLiteral("View/Zoom In")).contains(
            QKeySequence(Qt::CTRL | Qt::Key_Equal).toString(QKeySequence::NativeText)));
        QCOMPARE(shown.value(QStringLiteral("Help/Keyboard Shortcuts")), QStringLiteral("F1"));
        QCOMPARE(shown.size(), collectShortcuts(&window).size());
        QVERIFY(!shown.contains(QStringLiteral("Help/About Leopard Desk"))); // no shortcut, not listed
    }

    void helpActionOpensTheDialog()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool seen = false;
        QTimer::singleShot(0, &window, [&] {
            if (auto *dialog = window.findChild<ShortcutsDialog *>()) {
                seen = dialog->isVisible() && dialog->tree()->topLevelItemCount() > 0;
                dialog->reject();
            }
        });
        QTest::keyClick(&window, Qt::Key_F1);
        QVERIFY(seen);
    }
};

QTEST_MAIN(ShortcutsTest)
#include "tst_desktop_shortcuts.moc"
