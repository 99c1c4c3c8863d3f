#pragma once
// Settings ▸ Preferences: the language, the analysis resolution, the OCR languages, the model (directory, device,
// data type) and the appearance (follow the system's palette, or light, or dark).

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace leopard::ui { class ModelSettingsWidget; class OcrLanguagesWidget; }

namespace leopard::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    double analysisDpi() const;
    void setAnalysisDpi(double dpi);
    // Stores the model choices; true when the model has to be loaded again.
    bool saveModelSettings() const;
    void saveOcrLanguages() const;
    OcrLanguagesWidget *ocrLanguages() const { return m_ocr; }
    // The language picked: "" = system default, else a Language::choices() code.
    QString languageChoice() const;
    void setLanguageChoice(const QString &code);
    // "system", "light" or "dark" (ui/settings/color_scheme.h).
    QString colorScheme() const;
    void setColorScheme(const QString &scheme);

private:
    void updatePreview();

    QComboBox *m_language;
    QDoubleSpinBox *m_dpi;
    QLabel *m_preview;
    ModelSettingsWidget *m_model;
    QComboBox *m_colorScheme;
    OcrLanguagesWidget *m_ocr;
};

} // namespace leopard::ui
