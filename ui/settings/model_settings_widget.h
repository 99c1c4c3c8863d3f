#pragma once
// The "Model" part of Settings: the Leopard checkpoint directory, and the device, data type and
// weight format to load it with. Empty choices mean "automatic": probeDevices()'s defaults, shown
// next to them; for the weights, full precision where it fits in memory, else int8.

#include <QGroupBox>

class QComboBox;
class QLineEdit;

namespace leopard::ui {

class ModelSettingsWidget : public QGroupBox
{
    Q_OBJECT
public:
    explicit ModelSettingsWidget(QWidget *parent = nullptr);

    // Writes the choices to AppSettings; true when any of them changed (the model must be reloaded).
    bool save() const;

private:
    QLineEdit *m_directory;
    QComboBox *m_device;
    QComboBox *m_dtype;
    QComboBox *m_weights;
};

} // namespace leopard::ui
