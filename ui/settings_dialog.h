#pragma once
// Settings ▸ Preferences: the analysis resolution (and, in later issues, the model directory).

#include <QDialog>

class QDoubleSpinBox;
class QLabel;

namespace leopard::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    double analysisDpi() const;
    void setAnalysisDpi(double dpi);

private:
    void updatePreview();

    QDoubleSpinBox *m_dpi;
    QLabel *m_preview;
};

} // namespace leopard::ui
