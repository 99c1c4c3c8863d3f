#include "ui/model/model_location.h"

#include "ui/settings/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace leopard::ui {

QString installedDataDirectory()
{
    // bin/leopard-desk -> share/leopard-desk: works for /usr, /usr/local, a `cmake --install`
    // prefix and a `dpkg -x` tree alike, without any path fixed at build time.
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/leopard-desk"));
}

QString sampleDocumentsDirectory()
{
    const QString installed = installedDataDirectory() + QStringLiteral("/samples");
    if (QFileInfo::exists(installed + QStringLiteral("/sample-report.pdf")))
        return installed;
#ifdef LEOPARD_SAMPLES_DIR // running from the build tree
    if (QFileInfo::exists(QStringLiteral(LEOPARD_SAMPLES_DIR "/sample-report.pdf")))
        return QStringLiteral(LEOPARD_SAMPLES_DIR);
#endif
    return {};
}

QString demoModelDirectory()
{
    const QString installed = installedDataDirectory() + QStringLiteral("/demo-model");
    if (QFileInfo::exists(installed + QStringLiteral("/config.json")))
        return installed;
#ifdef LEOPARD_DEMO_MODEL_DIR // running from the build tree
    const QString dir = QStringLiteral(LEOPARD_DEMO_MODEL_DIR);
    if (QFileInfo::exists(dir + QStringLiteral("/config.json")))
        return dir;
#endif
    return {};
}

ModelLocation resolveModelLocation(const QString &commandLineDirectory)
{
    if (!commandLineDirectory.isEmpty())
        return {QDir(commandLineDirectory).absolutePath(), ModelLocation::Source::CommandLine};
    const QString env = qEnvironmentVariable("LEOPARD_MODEL_DIR");
    if (!env.isEmpty())
        return {QDir(env).absolutePath(), ModelLocation::Source::Environment};
    const QString configured = AppSettings::modelDirectory();
    if (!configured.isEmpty())
        return {configured, ModelLocation::Source::Settings};
    const QString demo = demoModelDirectory();
    if (!demo.isEmpty())
        return {demo, ModelLocation::Source::Demo};
    return {};
}

QString describeSource(ModelLocation::Source source)
{
    switch (source) {
    case ModelLocation::Source::CommandLine: return QCoreApplication::translate("ModelLocation", "from --model");
    case ModelLocation::Source::Environment: return QCoreApplication::translate("ModelLocation", "from LEOPARD_MODEL_DIR");
    case ModelLocation::Source::Settings: return QCoreApplication::translate("ModelLocation", "from Settings");
    case ModelLocation::Source::Demo: return QCoreApplication::translate("ModelLocation", "demo model");
    case ModelLocation::Source::None: break;
    }
    return {};
}

} // namespace leopard::ui
