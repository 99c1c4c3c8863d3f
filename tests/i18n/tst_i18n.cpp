// Translations: every catalogue in translations/ is complete (no unfinished message, placeholders,
// markup and accelerators kept), the embedded catalogues load, and switching the language changes
// what real widgets show — the main window while it is open (menus, docks, panels retranslate on
// LanguageChange) and a Settings dialog built afterwards — and switching back restores English.
//
// The expected strings are written out here by the translator, independently of the .ts files: a
// catalogue that lost or garbled one of them, a context lupdate filed wrongly (the running program
// asks for "leopard::ui::MainWindow", not "MainWindow"), or a widget that does not retranslate fails.
#include "ui/chat/chat_panel.h"
#include "ui/compare/compare_view.h"
#include "ui/settings/language.h"
#include "ui/window/main_window.h"
#include "ui/settings/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

#include <memory>

using namespace leopard::ui;

namespace {

const QString kTranslationsDir = QStringLiteral(LEOPARD_SOURCE_DIR "/translations");

struct Message {
    QString context, source, type;
    bool numerus = false;
    QStringList forms; // the translation, or its numerus forms
};

QList<Message> readCatalogue(const QString &path, QString *language, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("translation") && m.numerus)
            out << m; // numerus forms are complete at </translation>
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus) {
                m.forms << xml.readElementText();
                out << m;
            }
        } else if (name == QLatin1String("numerusform")) {
            m.forms << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QStringList sorted(QStringList l) { l.sort(); return l; }

QStringList matches(const QString &text, const QRegularExpression &re)
{
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    return sorted(out);
}

const QRegularExpression kPlaceholder(QStringLiteral("%(?:n|\\d+)"));
const QRegularExpression kTag(QStringLiteral("<[^<>]+>"));
// "&File", "&%1", "文件(&F)": an ampersand that marks a mnemonic (not "&&", not HTML "&amp;").
const QRegularExpression kMnemonic(QStringLiteral("&(?![&\\s]|[a-z]+;)"));

void applyLanguage(const QString &code)
{
    QCOMPARE(Language::apply(code), code);
    // QApplication posts LanguageChange to every widget; deliver them now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

QString dockTitle(QMainWindow *w, const char *name)
{
    auto *dock = w->findChild<QDockWidget *>(QLatin1String(name));
    return dock ? dock->windowTitle() : QStringLiteral("(no dock %1)").arg(QLatin1String(name));
}

QString toolbarText(QMainWindow *w, QAction *action)
{
    auto *bar = w->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    auto *button = bar ? qobject_cast<QToolButton *>(bar->widgetForAction(action)) : nullptr;
    return button ? button->text() : QStringLiteral("(no toolbar button)");
}

// Per menu of the menu bar (the bar itself first): how many actions share a mnemonic with an
// earlier one. Alt+letter then reaches only one of them.
QList<int> mnemonicClashes(QMainWindow *w)
{
    QList<QList<QAction *>> menus{w->menuBar()->actions()};
    for (QAction *a : w->menuBar()->actions())
        if (a->menu())
            menus << a->menu()->actions();
    QList<int> out;
    for (const QList<QAction *> &actions : menus) {
        QSet<int> seen;
        int clashes = 0;
        for (QAction *a : actions) {
            if (a->isSeparator() || a->text().isEmpty())
                continue;
            const QKeySequence key = QKeySequence::mnemonic(a->text());
            if (key.isEmpty())
                continue;
            if (seen.contains(key[0].toCombined()))
                ++clashes;
            seen.insert(key[0].toCombined());
        }
        out << clashes;
    }
    return out;
}

} // namespace

class TestI18n : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void catalogue_data();
    void catalogue();
    void cataloguesCoverTheSameMessages();
    void resolveFollowsTheSystem();
    void savedChoice();
    void pluralForms();
    void widgets_data();
    void widgets();
    void backToEnglish();

private:
    // The compare tab, its button and File ▸ Export Conversation… (built outside MainWindow's own
    // retranslation: ui/compare/compare_view.cpp, ui/export/export_actions.cpp) show `tab`, `button`, `exportText`.
    void checkCompareAndExport(const QString &tab, const QString &button, const QString &exportText);

    std::unique_ptr<MainWindow> m_window;
    QList<int> m_englishClashes;
};

void TestI18n::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_i18n"));
    QSettings().clear();
    applyLanguage(QStringLiteral("en"));
    // Built in English and kept open: every language below reaches it as a live switch.
    m_window = std::make_unique<MainWindow>();
    m_window->setMessageBoxesEnabled(false);
    m_window->show();
    QCOMPARE(m_window->fileMenu()->title(), QStringLiteral("&File"));
    m_englishClashes = mnemonicClashes(m_window.get());
}

void TestI18n::cleanupTestCase()
{
    m_window.reset();
    QSettings().clear();
}

void TestI18n::catalogue_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(kTranslationsDir).entryList({QStringLiteral("leopard-desk_*.ts")}, QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("leopard-desk_de.ts"), QStringLiteral("leopard-desk_en.ts"),
                                 QStringLiteral("leopard-desk_fr.ts"), QStringLiteral("leopard-desk_ja.ts"),
                                 QStringLiteral("leopard-desk_zh_CN.ts")}));
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << QDir(kTranslationsDir).filePath(f);
}

void TestI18n::catalogue()
{
    QFETCH(QString, path);
    QString language, error;
    const QList<Message> messages = readCatalogue(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const bool english = path.endsWith(QLatin1String("_en.ts"));
    QVERIFY(messages.size() > (english ? 5 : 200)); // the English one holds only the plural forms
    // Forms per numerus message: Qt's rules for the language (English, German, French: 2; Chinese, Japanese: 1).
    const int forms = (language == QLatin1String("zh_CN") || language == QLatin1String("ja")) ? 1 : 2;
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(" \"") + m.source.left(60) + QStringLiteral("\": ");
        if (!m.type.isEmpty()) // unfinished, vanished, obsolete
            problems << where + m.type;
        if (english && !m.numerus)
            problems << where + QStringLiteral("not a plural message in the English catalogue");
        if (m.numerus && m.forms.size() != forms)
            problems << where + QStringLiteral("%1 plural forms, expected %2").arg(m.forms.size()).arg(forms);
        QStringList wantPlaceholders = matches(m.source, kPlaceholder);
        for (int i = 0; i < m.forms.size(); ++i) {
            const QString &t = m.forms[i];
            if (t.trimmed().isEmpty()) {
                problems << where + QStringLiteral("empty translation");
                continue;
            }
            QStringList have = matches(t, kPlaceholder);
            QStringList want = wantPlaceholders;
            // A singular form may say "one page" without %n; the last (general) form must have it.
            if (m.numerus && i + 1 < m.forms.size() && !have.contains(QStringLiteral("%n")))
                want.removeAll(QStringLiteral("%n"));
            if (have != want)
                problems << where + QStringLiteral("placeholders %1, source has %2").arg(have.join(u' '), want.join(u' '));
            if (matches(t, kTag) != matches(m.source, kTag))
                problems << where + QStringLiteral("markup differs from the source");
            if (m.source.contains(kMnemonic) != t.contains(kMnemonic))
                problems << where + QStringLiteral("mnemonic (&) lost or added: \"%1\"").arg(t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestI18n::cataloguesCoverTheSameMessages()
{
    // Every language translates the same messages (one refreshed catalogue and three stale ones fail).
    QSet<QString> reference;
    QString language, error;
    for (const Message &m : readCatalogue(QDir(kTranslationsDir).filePath(QStringLiteral("leopard-desk_de.ts")), &language, &error))
        reference.insert(m.context + u'\x1f' + m.source);
    for (const char *code : {"fr", "zh_CN", "ja"}) {
        QSet<QString> keys;
        for (const Message &m : readCatalogue(QDir(kTranslationsDir).filePath(QStringLiteral("leopard-desk_%1.ts").arg(QLatin1String(code))), &language, &error))
            keys.insert(m.context + u'\x1f' + m.source);
        QCOMPARE(keys.size(), reference.size());
        QVERIFY2(keys == reference, code);
    }
}

void TestI18n::resolveFollowsTheSystem()
{
    QCOMPARE(Language::resolve(QString(), QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(Language::resolve(QString(), QLocale(QStringLiteral("fr_CA"))), QStringLiteral("fr"));
    QCOMPARE(Language::resolve(QString(), QLocale(QStringLiteral("ja_JP"))), QStringLiteral("ja"));
    QCOMPARE(Language::resolve(QString(), QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
    QCOMPARE(Language::resolve(QString(), QLocale(QStringLiteral("zh_TW"))), QStringLiteral("en")); // Traditional: not Simplified
    QCOMPARE(Language::resolve(QString(), QLocale(QStringLiteral("es_ES"))), QStringLiteral("en"));
    QCOMPARE(Language::resolve(QString(), QLocale::c()), QStringLiteral("en"));
    QCOMPARE(Language::resolve(QStringLiteral("ja"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("ja")); // a choice wins
}

void TestI18n::savedChoice()
{
    QCOMPARE(Language::savedChoice(), QString());
    Language::setSavedChoice(QStringLiteral("zh_CN"));
    QCOMPARE(Language::savedChoice(), QStringLiteral("zh_CN"));
    QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("xx")); // edited by hand
    QCOMPARE(Language::savedChoice(), QString());
    Language::setSavedChoice(QString());
    QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
    SettingsDialog dialog; // its language list stores codes; names are shown
    dialog.setLanguageChoice(QStringLiteral("fr"));
    QCOMPARE(dialog.languageChoice(), QStringLiteral("fr"));
    dialog.setLanguageChoice(QString());
    QCOMPARE(dialog.languageChoice(), QString());
    const QList<Language::Choice> choices = Language::choices();
    QStringList names;
    for (const Language::Choice &c : choices)
        names << c.name;
    QCOMPARE(names, (QStringList{QStringLiteral("System default"), QStringLiteral("English"), QStringLiteral("Deutsch"),
                                 QStringLiteral("Français"), QStringLiteral("简体中文"), QStringLiteral("日本語")}));
}

void TestI18n::pluralForms()
{
    const char *ctx = "leopard::ui::PageStripDelegate";
    applyLanguage(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n page(s)", nullptr, 1), QStringLiteral("1 page"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n page(s)", nullptr, 3), QStringLiteral("3 pages"));
    applyLanguage(QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n page(s)", nullptr, 1), QStringLiteral("1 Seite"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n page(s)", nullptr, 3), QStringLiteral("3 Seiten"));
    applyLanguage(QStringLiteral("fr"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n image(s)", nullptr, 0), QStringLiteral("0 image")); // French: 0 is singular
    QCOMPARE(QCoreApplication::translate(ctx, "%n image(s)", nullptr, 2), QStringLiteral("2 images"));
    applyLanguage(QStringLiteral("ja"));
    QCOMPARE(QCoreApplication::translate(ctx, "%n image(s)", nullptr, 13), QStringLiteral("画像 13 枚"));
    applyLanguage(QStringLiteral("en"));
}

void TestI18n::widgets_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("file");       // File menu title
    QTest::addColumn<QString>("open");       // File ▸ Open… action
    QTest::addColumn<QString>("openButton"); // the same on the toolbar (no mnemonic, CJK "(&O)" included)
    QTest::addColumn<QString>("pagesDock");
    QTest::addColumn<QString>("planDock");
    QTest::addColumn<QString>("historyDock");
    QTest::addColumn<QString>("askButton");  // Ask dock's button
    QTest::addColumn<QString>("settings");   // Settings dialog title
    QTest::addColumn<QString>("language");   // its language label
    QTest::addColumn<QString>("system");     // first entry of its language list
    QTest::addColumn<QString>("qtCancel");   // Qt's own button text (qtbase catalogue)
    QTest::addColumn<QString>("compareTab"); // the central area's Compare tab
    QTest::addColumn<QString>("compareButton");
    QTest::addColumn<QString>("exportConversation"); // File ▸ Export Conversation…

    QTest::newRow("de") << "de" << "&Datei" << "Ö&ffnen…" << "Öffnen…" << "Seiten" << "Ausschnittplan" << "Verlauf" << "Fragen"
                        << "Einstellungen" << "&Sprache:" << "Systemstandard" << "Abbrechen"
                        << "Vergleich" << "&Vergleichen" << "Unterhaltung &exportieren…";
    QTest::newRow("fr") << "fr" << "&Fichier" << "&Ouvrir…" << "Ouvrir…" << "Pages" << "Plan de découpe" << "Historique" << "Demander"
                        << "Paramètres" << "&Langue\u00a0:" << "Langue du système" << "Annuler"
                        << "Comparaison" << "&Comparer" << "Exporter la &conversation…";
    QTest::newRow("zh_CN") << "zh_CN" << "文件(&F)" << "打开(&O)…" << "打开…" << "页面" << "裁剪方案" << "历史" << "提问"
                           << "设置" << "语言(&L)：" << "系统默认" << "取消"
                           << "比较" << "比较(&C)" << "导出对话(&E)…";
    QTest::newRow("ja") << "ja" << "ファイル(&F)" << "開く(&O)…" << "開く…" << "ページ" << "クロップ計画" << "履歴" << "質問"
                        << "設定" << "言語(&L)：" << "システムの既定" << "キャンセル"
                        << "比較" << "比較(&C)" << "会話をエクスポート(&E)…";
}

void TestI18n::widgets()
{
    QFETCH(QString, code);
    QFETCH(QString, file);
    QFETCH(QString, open);
    QFETCH(QString, openButton);
    QFETCH(QString, pagesDock);
    QFETCH(QString, planDock);
    QFETCH(QString, historyDock);
    QFETCH(QString, askButton);
    QFETCH(QString, settings);
    QFETCH(QString, language);
    QFETCH(QString, system);
    QFETCH(QString, qtCancel);
    QFETCH(QString, compareTab);
    QFETCH(QString, compareButton);
    QFETCH(QString, exportConversation);

    applyLanguage(code);
    QCOMPARE(Language::current(), code);

    // The open window, switched live.
    QCOMPARE(m_window->fileMenu()->title(), file);
    QCOMPARE(m_window->fileMenu()->actions().constFirst()->text(), open);
    QCOMPARE(toolbarText(m_window.get(), m_window->fileMenu()->actions().constFirst()), openButton);
    QCOMPARE(dockTitle(m_window.get(), "pagesDock"), pagesDock);
    QCOMPARE(dockTitle(m_window.get(), "planDock"), planDock);
    QCOMPARE(dockTitle(m_window.get(), "historyDock"), historyDock);
    auto *ask = m_window->chatPanel()->findChild<QPushButton *>(QStringLiteral("askButton"));
    QVERIFY(ask);
    QCOMPARE(ask->text(), askButton);
    checkCompareAndExport(compareTab, compareButton, exportConversation);
    QVERIFY(m_window->findChild<CompareView *>()->prompt() != QStringLiteral("Compare these two pages: what changed, and what is the same?"));

    // The translated menus reach every action by Alt+letter at least as well as the English ones.
    const QList<int> clashes = mnemonicClashes(m_window.get());
    QCOMPARE(clashes.size(), m_englishClashes.size());
    for (int i = 0; i < clashes.size(); ++i)
        QVERIFY2(clashes[i] <= m_englishClashes[i],
                 qPrintable(QStringLiteral("menu %1 (%2): %3 mnemonic clashes, English has %4")
                                .arg(i).arg(i ? m_window->menuBar()->actions().value(i - 1)->text() : QStringLiteral("bar"))
                                .arg(clashes[i]).arg(m_englishClashes[i])));

    // A dialog built in the new language.
    SettingsDialog dialog(m_window.get());
    QCOMPARE(dialog.windowTitle(), settings);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->itemText(0), system);
    QCOMPARE(combo->itemText(combo->findData(QStringLiteral("ja"))), QStringLiteral("日本語")); // names stay native
    QStringList labels;
    for (QLabel *l : dialog.findChildren<QLabel *>())
        labels << l->text();
    QVERIFY2(labels.contains(language), qPrintable(labels.join(u'|')));

    // Qt's own strings come from Debian's qt6-translations-l10n (scripts/setup.sh installs it).
    const QString qtCatalogue = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_%1.qm").arg(code);
    QVERIFY2(QFile::exists(qtCatalogue), qPrintable(qtCatalogue + QStringLiteral(" is missing (qt6-translations-l10n)")));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), qtCancel);
}

void TestI18n::checkCompareAndExport(const QString &tab, const QString &button, const QString &exportText)
{
    auto *view = m_window->findChild<CompareView *>();
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("centralTabs"));
    QVERIFY(view && tabs);
    QCOMPARE(tabs->tabText(tabs->indexOf(view)), tab);
    QCOMPARE(view->findChild<QPushButton *>(QStringLiteral("compareButton"))->text(), button);
    auto *exportAction = m_window->findChild<QAction *>(QStringLiteral("exportConversationAction"));
    QVERIFY(exportAction);
    QCOMPARE(exportAction->text(), exportText);
}

void TestI18n::backToEnglish()
{
    applyLanguage(QStringLiteral("ja"));
    QCOMPARE(m_window->fileMenu()->title(), QStringLiteral("ファイル(&F)"));
    applyLanguage(QStringLiteral("en"));
    QCOMPARE(m_window->fileMenu()->title(), QStringLiteral("&File"));
    QCOMPARE(m_window->fileMenu()->actions().constFirst()->text(), QStringLiteral("&Open…"));
    QCOMPARE(toolbarText(m_window.get(), m_window->fileMenu()->actions().constFirst()), QStringLiteral("Open…"));
    QCOMPARE(dockTitle(m_window.get(), "pagesDock"), QStringLiteral("Pages"));
    QCOMPARE(dockTitle(m_window.get(), "planDock"), QStringLiteral("Crop Plan"));
    QCOMPARE(dockTitle(m_window.get(), "chatDock"), QStringLiteral("Ask"));
    QCOMPARE(dockTitle(m_window.get(), "historyDock"), QStringLiteral("History"));
    QCOMPARE(m_window->chatPanel()->findChild<QPushButton *>(QStringLiteral("askButton"))->text(), QStringLiteral("Ask"));
    checkCompareAndExport(QStringLiteral("Compare"), QStringLiteral("&Compare"), QStringLiteral("&Export Conversation…"));
    QCOMPARE(m_window->findChild<CompareView *>()->prompt(), QStringLiteral("Compare these two pages: what changed, and what is the same?"));
    SettingsDialog dialog(m_window.get());
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Settings"));
    QCOMPARE(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
