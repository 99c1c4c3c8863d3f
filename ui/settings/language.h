#pragma once
// The user-interface language: which catalogues exist (embedded under :/i18n by
// qt_add_translations), which one the user chose in Settings (QSettings "ui/language"), and
// installing the translators for it — ours (leopard-desk_xx.qm) and Qt's own (qtbase_xx.qm, for
// standard buttons and dialogs). Installing sends QEvent::LanguageChange to every widget; the main
// window and its panels re-set their texts in changeEvent().
//
// English is a catalogue too (leopard-desk_en.qm): it holds only the plural forms ("%n page(s)"
// → "1 page" / "2 pages"), so it is installed whenever no other language applies.

#include <QList>
#include <QLocale>
#include <QString>

namespace leopard::ui::Language {

struct Choice {
    QString code;       // "" = follow the system, else "en", "de", "fr", "zh_CN", "ja"
    QString name;       // as the language calls itself ("Deutsch", "日本語"); "System default" translated
};

// Every choice the Settings dialog offers, "System default" first.
QList<Choice> choices();

// The stored choice ("" when none or unknown), and storing one.
QString savedChoice();
void setSavedChoice(const QString &code);

// The catalogue code a choice resolves to: for "" the first of the system's UI languages that has a
// catalogue, else "en". Unknown codes resolve to "en".
QString resolve(const QString &choice, const QLocale &system = QLocale::system());

// Installs the translators for a choice, replacing those installed before, and makes QLocale()
// format numbers and lists for that language. Returns the catalogue code now in effect.
QString apply(const QString &choice);

// The code apply() last installed ("" before the first call).
QString current();

} // namespace leopard::ui::Language
