#include "ui/settings/model_settings_widget.h"

#include "inference/device.h"
#include "ui/settings/app_settings.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace leopard::ui {

ModelSettingsWidget::ModelSettingsWidget(QWidget *parent)
    : QGroupBox(tr("Model"), parent)
{
    setObjectName(QStringLiteral("modelSettings"));
    const DeviceInfo devices = probeDevices();

    m_directory = new QLineEdit(AppSettings::modelDirectory(), this);
    m_directory->setObjectName(QStringLiteral("modelDirectoryEdit"));
    m_directory->setPlaceholderText(tr("Not set: the demo model (random weights)"));
    m_directory->setToolTip(tr("The folder of the wyu1/Leopard-LLaVA snapshot: config.json, the two pytorch_model-*.bin "
                               "shards, pytorch_model.bin.index.json and the tokenizer files. --model DIR and "
                               "LEOPARD_MODEL_DIR take precedence over this."));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Leopard-LLaVA Checkpoint Folder"), m_directory->text());
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_directory, 1);
    dirRow->addWidget(browse);

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("modelDeviceCombo"));
    m_device->addItem(tr("Automatic (%1)").arg(QString::fromStdString(devices.defaultDevice)), QString());
    m_device->addItem(QStringLiteral("cpu"), QStringLiteral("cpu"));
    for (int i = 0; i < devices.cudaDeviceCount; ++i)
        m_device->addItem(QStringLiteral("cuda:%1").arg(i), QStringLiteral("cuda:%1").arg(i));
    m_device->setCurrentIndex(qMax(0, m_device->findData(AppSettings::modelDevice())));

    m_dtype = new QComboBox(this);
    m_dtype->setObjectName(QStringLiteral("modelDtypeCombo"));
    m_dtype->addItem(tr("Automatic (%1)").arg(QString::fromStdString(devices.defaultDtype)), QString());
    for (const char *t : {"fp32", "bf16", "fp16"})
        m_dtype->addItem(QLatin1String(t), QLatin1String(t));
    m_dtype->setCurrentIndex(qMax(0, m_dtype->findData(AppSettings::modelDtype())));

    m_weights = new QComboBox(this);
    m_weights->setObjectName(QStringLiteral("modelWeightsCombo"));
    m_weights->addItem(tr("Automatic (full precision where it fits in memory, else int8, else int4)"), QString());
    m_weights->addItem(tr("Full precision (the data type above)"), QStringLiteral("full"));
    m_weights->addItem(tr("int8 (about half the memory of bf16)"), QStringLiteral("int8"));
    m_weights->addItem(tr("int4 (about a third of the memory of bf16)"), QStringLiteral("int4"));
    m_weights->setToolTip(tr("int8 keeps the language model's weight matrices as 8-bit integers with one scale per row "
                             "(the 8B model: about 9.5 GB instead of 17 GB); int4 as 4-bit codes with a scale and an "
                             "offset per group of 32 weights (about 6.7 GB). Answers stay close to full precision but not "
                             "identical. The vision tower stays in the data type above."));
    m_weights->setCurrentIndex(qMax(0, m_weights->findData(AppSettings::modelWeights() == QLatin1String("auto")
                                                              ? QString() : AppSettings::modelWeights())));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Checkpoint &folder:"), dirRow);
    form->addRow(tr("&Device:"), m_device);
    form->addRow(tr("Data &type:"), m_dtype);
    form->addRow(tr("&Weights:"), m_weights);
    auto *note = new QLabel(tr("libtorch %1 · CUDA %2 · native bf16 on this CPU: %3")
                                .arg(QString::fromStdString(devices.torchVersion),
                                     devices.cudaAvailable ? tr("available") : tr("not available"),
                                     devices.cpuHasNativeBf16 ? tr("yes") : tr("no")),
                            this);
    note->setWordWrap(true);
    form->addRow(QString(), note);
}

bool ModelSettingsWidget::save() const
{
    const QString dir = m_directory->text().trimmed();
    const QString device = m_device->currentData().toString();
    const QString dtype = m_dtype->currentData().toString();
    const QString weights = m_weights->currentData().toString();
    const bool changed = dir != AppSettings::modelDirectory() || device != AppSettings::modelDevice() ||
                         dtype != AppSettings::modelDtype() || weights != AppSettings::modelWeights();
    AppSettings::setModelDirectory(dir);
    AppSettings::setModelDevice(device);
    AppSettings::setModelDtype(dtype);
    AppSettings::setModelWeights(weights);
    return changed;
}

} // namespace leopard::ui
