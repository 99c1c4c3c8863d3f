#include "ui/settings/ocr_languages_widget.h"

#include "index/ocr.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/language.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {

struct OcrLanguage {
    const char *code; // Tesseract's
    const char *name; // in its own language, as the Language menu names them
};
constexpr OcrLanguage kLanguages[] = {
    {"eng", "English"}, {"deu", "Deutsch"}, {"fra", "Français"}, {"chi_sim", "简体中文"}, {"jpn", "日本語"},
};

} // namespace

OcrLanguagesWidget::OcrLanguagesWidget(QWidget *parent)
    : QWidget(parent), m_automatic(new QCheckBox(this)), m_missing(new QLabel(this))
{
    setObjectName(QStringLiteral("ocrLanguages"));
    m_automatic->setObjectName(QStringLiteral("ocrAutomatic"));
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (const OcrLanguage &l : kLanguages) {
        auto *box = new QCheckBox(QString::fromUtf8(l.name), this);
        box->setObjectName(QStringLiteral("ocr_") + QLatin1String(l.code));
        box->setProperty("ocrLanguage", QLatin1String(l.code));
        connect(box, &QCheckBox::toggled, this, &OcrLanguagesWidget::refresh);
        m_languages << box;
        row->addWidget(box);
    }
    row->addStretch(1);
    m_missing->setObjectName(QStringLiteral("ocrMissing"));
    m_missing->setWordWrap(true);
    m_missing->setTextInteractionFlags(Qt::TextSelectableByMouse); // the apt command can be copied
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_automatic);
    layout->addLayout(row);
    layout->addWidget(m_missing);
    connect(m_automatic, &QCheckBox::toggled, this, &OcrLanguagesWidget::refresh);
    setToolTip(tr("The languages Tesseract reads pages without a text layer in (scans, page images). "
                  "Documents already read keep their text."));
    setChosen(AppSettings::ocrLanguages());
}

QStringList OcrLanguagesWidget::chosen() const
{
    QStringList out;
    if (m_automatic->isChecked())
        return out;
    for (const QCheckBox *box : m_languages)
        if (box->isChecked())
            out << box->property("ocrLanguage").toString();
    return out;
}

void OcrLanguagesWidget::setChosen(const QStringList &languages)
{
    m_automatic->setChecked(languages.isEmpty());
    const QStringList shown = languages.isEmpty() ? index::ocrLanguagesFor(Language::current()) : languages;
    for (QCheckBox *box : m_languages) {
        const QSignalBlocker block(box);
        box->setChecked(shown.contains(box->property("ocrLanguage").toString()));
    }
    refresh();
}

void OcrLanguagesWidget::save() const
{
    AppSettings::setOcrLanguages(chosen());
}

void OcrLanguagesWidget::refresh()
{
    const bool automatic = m_automatic->isChecked();
    const QStringList automaticLanguages = index::ocrLanguagesFor(Language::current());
    for (QCheckBox *box : m_languages) {
        box->setEnabled(!automatic);
        if (automatic) {
            const QSignalBlocker block(box);
            box->setChecked(automaticLanguages.contains(box->property("ocrLanguage").toString()));
        }
    }
    m_automatic->setText(tr("Automatic: the language of Leopard Desk and English"));
    const QStringList languages = automatic ? automaticLanguages : chosen();
    if (languages.isEmpty()) {
        m_missing->setText(tr("Pick at least one language, or scanned pages stay unread."));
        return;
    }
    m_missing->setText(index::missingLanguageData(languages));
}

} // namespace leopard::ui
