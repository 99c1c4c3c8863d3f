// Accessibility: every control a person can operate in the main window (toolbar, page strip, page
// view, plan panel, status bar), the settings dialog and the shortcuts dialog has a name a screen
// reader can say. The name is read the way assistive technology reads it, through QAccessible
// (which also counts button texts and form-label buddies), not from accessibleName() alone.
#include "ui/window/main_window.h"
#include "ui/settings/settings_dialog.h"
#include "ui/window/shortcuts_dialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QTextEdit>

using namespace leopard::ui;

namespace {
bool isInteractive(QWidget *w)
{
    if (qobject_cast<QScrollBar *>(w) || qobject_cast<QMenu *>(w))
        return false; // named by Qt by orientation; menus are named by their titles through the menu bar
    if (w->objectName().startsWith(QLatin1String("qt_")) || qobject_cast<QHeaderView *>(w))
        return false; // Qt's own parts (menu bar extension); a header's sections are read by their texts
    if (w->inherits("QDockWidgetTitleButton") || w->inherits("QToolBarExtension") || w->inherits("QLineEditIconButton"))
        return false; // Qt's own chrome, named by Qt ("Close", "Float", extension arrow)
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w)
           || qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w) || qobject_cast<QTextEdit *>(w)
           || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QAbstractSlider *>(w)
           || w->objectName() == QLatin1String("pageView");
}

// Interactive widgets under `root` that a screen reader would find without a name.
QStringList unnamed(QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!isInteractive(w))
            continue;
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
            continue; // a spin box's own editor: the spin box carries the name
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            out << QStringLiteral("%1 “%2” (parent %3)")
                       .arg(QLatin1String(w->metaObject()->className()), w->objectName(),
                            w->parentWidget() ? w->parentWidget()->objectName() : QString());
    }
    return out;
}
} // namespace

class AccessibilityTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("LEOPARD_MODEL_DIR", "/nonexistent-model-for-tests");
        QAccessible::setActive(true);
    }

    void mainWindowControlsAreNamed()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The areas the user moves between, by name and with a description of what they hold.
        for (const char *name : {"pageView", "pageStrip", "planPanel"}) {
            QWidget *w = window.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(w, name);
            QVERIFY2(!w->accessibleName().isEmpty(), name);
            QVERIFY2(!w->accessibleDescription().isEmpty(), name);
        }
        // Skip the Ask dock's own widgets: ui/chat_panel is checked by its own tests.
        QStringList missing;
        for (const QString &entry : unnamed(&window))
            if (!entry.contains(QLatin1String("chatPanel")) && !entry.contains(QLatin1String("generationOptions")))
                missing << entry;
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }

    void settingsDialogControlsAreNamed()
    {
        SettingsDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList missing = unnamed(&dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }

    void shortcutsDialogControlsAreNamed()
    {
        MainWindow window;
        ShortcutsDialog dialog(&window);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QStringList missing = unnamed(&dialog);
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
    }
};

QTEST_MAIN(AccessibilityTest)
#include "tst_desktop_accessibility.moc"
