#include "ui/settings/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace leopard::ui::Language {

namespace {
const char kSettingsKey[] = "ui/language";
const char kCatalogueDir[] = ":/i18n";

// The languages with a catalogue in translations/, each with its own name for itself (shown
// untranslated, so a user who cannot read the current language still finds theirs).
struct Known { const char *code; const char *name; };
constexpr Known kKnown[] = {
    {"en", "English"},
    {"de", "Deutsch"},
    {"fr", "Français"},
    {"zh_CN", "简体中文"},
    {"ja", "日本語"},
};

bool isKnown(const QString &code)
{
    for (const Known &k : kKnown)
        if (code == QLatin1String(k.code))
            return true;
    return false;
}

QString catalogue(const QString &code)
{
    return QStringLiteral("%1/leopard-desk_%2.qm").arg(QLatin1String(kCatalogueDir), code);
}

// Owned by the application object so they outlive every widget that uses them.
QTranslator *g_app = nullptr;
QTranslator *g_qt = nullptr;
QString g_current;

void removeInstalled()
{
    for (QTranslator **t : {&g_app, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}
} // namespace

QList<Choice> choices()
{
    QList<Choice> out;
    out.append({QString(), QCoreApplication::translate("Language", "System default")});
    for (const Known &k : kKnown)
        out.append({QLatin1String(k.code), QString::fromUtf8(k.name)});
    return out;
}

QString savedChoice()
{
    const QString code = QSettings().value(QLatin1String(kSettingsKey)).toString();
    return isKnown(code) ? code : QString();
}

void setSavedChoice(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(kSettingsKey));
    else
        settings.setValue(QLatin1String(kSettingsKey), code);
}

QString resolve(const QString &choice, const QLocale &system)
{
    if (!choice.isEmpty())
        return isKnown(choice) ? choice : QStringLiteral("en");
    // uiLanguages() is in the user's order of preference ("de-AT", "de", "en-US" …): the first one
    // we have a catalogue for wins. Chinese other than Simplified (zh-TW, zh-Hant) gets English rather
    // than a script the reader may not expect.
    for (QString lang : system.uiLanguages()) {
        lang.replace(QLatin1Char('-'), QLatin1Char('_'));
        if (lang.startsWith(QLatin1String("zh"))) {
            if (lang == QLatin1String("zh") || lang.startsWith(QLatin1String("zh_CN")) || lang.startsWith(QLatin1String("zh_Hans")) ||
                lang.startsWith(QLatin1String("zh_SG")))
                return QStringLiteral("zh_CN");
            continue;
        }
        const QString base = lang.section(QLatin1Char('_'), 0, 0);
        if (isKnown(base))
            return base;
    }
    return QStringLiteral("en");
}

QString apply(const QString &choice)
{
    const QString code = resolve(choice);
    removeInstalled();
    // Our catalogue. If it is missing (a build without translations) texts stay in English.
    auto *app = new QTranslator(QCoreApplication::instance());
    if (app->load(catalogue(code))) {
        QCoreApplication::installTranslator(app);
        g_app = app;
    } else {
        delete app;
    }
    // Qt's own strings (OK/Cancel, file dialogs, context menus): Debian's qt6-translations-l10n.
    if (code != QLatin1String("en")) {
        auto *qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            g_qt = qt;
        } else {
            delete qt;
        }
    }
    // Numbers and lists ("a, b and c") in the chosen language; following the system keeps its
    // own regional formats.
    QLocale::setDefault(choice.isEmpty() ? QLocale::system() : QLocale(code));
    g_current = code;
    return code;
}

QString current()
{
    return g_current;
}

} // namespace leopard::ui::Language
