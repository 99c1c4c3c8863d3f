#include "ui/settings/settings_dialog.h"

#include "inference/planner.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/language.h"
#include "ui/settings/model_settings_widget.h"
#include "ui/settings/ocr_languages_widget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtMath>

namespace leopard::ui {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const Language::Choice &c : Language::choices())
        m_language->addItem(c.name, c.code);
    m_language->setToolTip(tr("The language of menus, panels and messages. “System default” follows the "
                              "language of your desktop session."));
    setLanguageChoice(Language::savedChoice());

    m_dpi = new QDoubleSpinBox(this);
    m_dpi->setObjectName(QStringLiteral("analysisDpiSpinBox"));
    m_dpi->setAccessibleName(tr("Analysis resolution in dots per inch"));
    m_dpi->setRange(AppSettings::kMinAnalysisDpi, AppSettings::kMaxAnalysisDpi);
    m_dpi->setDecimals(0);
    m_dpi->setSingleStep(12);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(AppSettings::analysisDpiExplanation());
    m_dpi->setAccessibleDescription(tr("PDF and slide pages are rendered at this resolution for the model"));

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("analysisDpiPreview"));
    m_preview->setWordWrap(true);
    m_preview->setToolTip(AppSettings::analysisDpiExplanation());

    auto *defaults = new QPushButton(tr("Default (%1 dpi)").arg(AppSettings::kDefaultAnalysisDpi), this);
    defaults->setObjectName(QStringLiteral("analysisDpiDefaultButton"));
    defaults->setAccessibleName(tr("Reset the analysis resolution to %1 dpi").arg(AppSettings::kDefaultAnalysisDpi));
    connect(defaults, &QPushButton::clicked, this, [this] { m_dpi->setValue(AppSettings::kDefaultAnalysisDpi); });

    auto *intro = new QLabel(tr("PDF and slide pages are rendered at this resolution for the model (what it reads); "
                                "the screen view is separate. The crop plan follows from it."), this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addStretch(1);
    form->addRow(languageLabel, languageRow);
    auto *dpiLabel = new QLabel(tr("&Analysis resolution:"), this);
    dpiLabel->setBuddy(m_dpi);
    dpiLabel->setToolTip(AppSettings::analysisDpiExplanation());
    auto *row = new QHBoxLayout;
    row->addWidget(m_dpi);
    row->addWidget(defaults);
    row->addStretch(1);
    form->addRow(dpiLabel, row);
    form->addRow(QString(), m_preview);

    m_colorScheme = new QComboBox(this);
    m_colorScheme->setObjectName(QStringLiteral("colorSchemeCombo"));
    m_colorScheme->addItem(tr("System"), QStringLiteral("system"));
    m_colorScheme->addItem(tr("Light"), QStringLiteral("light"));
    m_colorScheme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_colorScheme->setAccessibleName(tr("Appearance"));
    m_colorScheme->setToolTip(tr("Follow the desktop's light or dark palette, or always use one of them"));
    auto *schemeLabel = new QLabel(tr("A&ppearance:"), this);
    schemeLabel->setBuddy(m_colorScheme);
    form->addRow(schemeLabel, m_colorScheme);
    setColorScheme(AppSettings::colorScheme());

    m_ocr = new OcrLanguagesWidget(this);
    auto *ocrLabel = new QLabel(tr("Text &recognition:"), this);
    ocrLabel->setBuddy(m_ocr);
    ocrLabel->setToolTip(m_ocr->toolTip());
    form->addRow(ocrLabel, m_ocr);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    m_model = new ModelSettingsWidget(this);
    layout->addWidget(m_model);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_dpi, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::updatePreview);
    setAnalysisDpi(AppSettings::analysisDpi());
    setMinimumWidth(460);
}

double SettingsDialog::analysisDpi() const
{
    return m_dpi->value();
}

void SettingsDialog::setAnalysisDpi(double dpi)
{
    m_dpi->setValue(dpi);
    updatePreview();
}

QString SettingsDialog::languageChoice() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setLanguageChoice(const QString &code)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(code)));
}

bool SettingsDialog::saveModelSettings() const
{
    return m_model->save();
}

void SettingsDialog::saveOcrLanguages() const
{
    m_ocr->save();
}

QString SettingsDialog::colorScheme() const
{
    return m_colorScheme->currentData().toString();
}

void SettingsDialog::setColorScheme(const QString &scheme)
{
    const int i = m_colorScheme->findData(scheme);
    m_colorScheme->setCurrentIndex(i >= 0 ? i : 0);
}

void SettingsDialog::updatePreview()
{
    // A US Letter page (8.5 × 11 in) at the chosen resolution, planned alone.
    const double dpi = m_dpi->value();
    const leopard::PixelSize letter{qCeil(8.5 * dpi - 1e-9), qCeil(11.0 * dpi - 1e-9)};
    const leopard::CropPlan plan = leopard::planCrops({letter});
    if (plan.images.empty())
        return;
    const leopard::ImagePlan &ip = plan.images.front();
    if (ip.tiles() == 0) {
        m_preview->setText(tr("A US Letter page becomes %1 × %2 px: no crops, the model sees only the whole page "
                              "at 364 × 364 (1 model image = %3 tokens).")
                               .arg(letter.width).arg(letter.height).arg(plan.totalTokens()));
        return;
    }
    m_preview->setText(tr("A US Letter page becomes %1 × %2 px: %n crop(s) on a %3 × %4 grid, "
                          "%5 model images = %6 tokens.", nullptr, ip.tiles())
                           .arg(letter.width).arg(letter.height)
                           .arg(ip.gridCols).arg(ip.gridRows)
                           .arg(ip.modelImages()).arg(plan.totalTokens()));
}

} // namespace leopard::ui
