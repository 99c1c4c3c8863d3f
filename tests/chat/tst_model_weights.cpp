// Settings ▸ Model ▸ Weights end to end, offscreen, with the demo model: the choice is stored, the
// model host loads with it, the status line says int8 / int4, and the bytes the loaded weights hold
// are what the definition gives for this checkpoint's tensors (computed here from the checkpoint
// index: quantized projections and lm_head at 1 byte + 4 per row (int8) or half a byte + 4 per group
// of 32 (int4), everything else in fp32). Automatic keeps full precision for a model this small.
#include "inference/checkpoint/checkpoint_index.h"
#include "ui/model/model_host.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/model_settings_widget.h"
#include "ui/window/main_window.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace leopard;
using namespace leopard::ui;

namespace {
const QString kModel = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");

bool quantizable(const std::string &n)
{
    if (n == "language_model.lm_head.weight")
        return true;
    for (const char *p : {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"})
        if (n.rfind("language_model.model.layers.", 0) == 0 && n.find(std::string(p) + ".weight") != std::string::npos)
            return true;
    return false;
}

qint64 expectedBytes(const QString &weights)
{
    const ckpt::CheckpointIndex index = ckpt::CheckpointIndex::open(kModel.toStdString());
    qint64 bytes = 0;
    for (const ckpt::TensorEntry &e : index.tensors()) {
        if (!e.used)
            continue;
        const qint64 n = e.numel();
        if (weights == QLatin1String("int8") && quantizable(e.name))
            bytes += n + 4 * e.shape[0];
        else if (weights == QLatin1String("int4") && quantizable(e.name) && e.shape[1] % 32 == 0)
            bytes += n / 2 + n / 32 * 4;
        else if (weights == QLatin1String("int4") && quantizable(e.name))
            bytes += n + 4 * e.shape[0]; // a row that groups of 32 do not divide stays int8
        else
            bytes += 4 * n; // fp32
    }
    return bytes;
}
} // namespace

class TestModelWeights : public QObject
{
    Q_OBJECT
    std::unique_ptr<MainWindow> m_window;

    void loadAndCheck(const QString &expectedWeights)
    {
        m_window->setModelDirectory(QString()); // the demo model, with the stored settings
        QTRY_COMPARE_WITH_TIMEOUT(m_window->modelHost()->state(), ModelHost::State::Ready, 60000);
        const ModelInfo &info = m_window->modelHost()->info();
        QCOMPARE(info.weights, expectedWeights);
        QCOMPARE(info.weightBytes, expectedBytes(expectedWeights));
        const QString label = m_window->findChild<QLabel *>(QStringLiteral("modelLabel"))->text();
        QCOMPARE(label.contains(expectedWeights + QStringLiteral(" weights")), expectedWeights != QLatin1String("full"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeopardDeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_model_weights"));
        qunsetenv("LEOPARD_MODEL_DIR");
        QVERIFY2(QFile::exists(kModel + QStringLiteral("/config.json")), "build the leopard_demo_model target first");
        QSettings().clear();
        QSettings().setValue(QStringLiteral("model/dtype"), QStringLiteral("fp32"));
        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void settingIsStored()
    {
        ModelSettingsWidget w;
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("modelWeightsCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QString()); // Automatic
        QVERIFY(!w.save());                                    // nothing changed
        combo->setCurrentIndex(combo->findData(QStringLiteral("int8")));
        QVERIFY(w.save());
        QCOMPARE(AppSettings::modelWeights(), QStringLiteral("int8"));
        ModelSettingsWidget again; // shows what is stored
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("modelWeightsCombo"))->currentData().toString(), QStringLiteral("int8"));
    }

    void eachChoiceLoadsAsSaid()
    {
        loadAndCheck(QStringLiteral("int8"));
        AppSettings::setModelWeights(QStringLiteral("int4"));
        loadAndCheck(QStringLiteral("int4"));
        AppSettings::setModelWeights(QStringLiteral("full"));
        loadAndCheck(QStringLiteral("full"));
        AppSettings::setModelWeights(QString()); // Automatic: the demo model fits many times over
        loadAndCheck(QStringLiteral("full"));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestModelWeights)
#include "tst_model_weights.moc"
