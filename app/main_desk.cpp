// leopard-desk: the GUI. Usage: leopard-desk [--model DIR] [--new-instance] [--palette system|light|dark] [FILE...]
//
// One window per user session (ui/window/single_instance.h): a later launch hands its files to the running
// window and exits 0 before anything heavy (no window, no model) is created.
#include "ui/settings/app_settings.h"
#include "ui/settings/color_scheme.h"
#include "ui/settings/language.h"
#include "ui/window/main_window.h"
#include "ui/model/model_host.h"
#include "ui/window/single_instance.h"
#include "viewer/document.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>

#include <cstdio>

namespace {
// LEOPARD_DESK_REPORT=1: one line on stdout per event a test or script waits for
// ("model-loading DIR", "opened PATH", "handed-over N"). Off by default.
bool reportEvents()
{
    static const bool on = qEnvironmentVariableIntValue("LEOPARD_DESK_REPORT") == 1;
    return on;
}

void report(const QString &line)
{
    if (!reportEvents())
        return;
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    Q_INIT_RESOURCE(resources); // leopard_resources is a static library

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Leopard Desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Leopard Desk"));
    QApplication::setOrganizationName(QStringLiteral("LeopardDesk"));
    QApplication::setApplicationVersion(QStringLiteral(LEOPARD_VERSION));
    // The .desktop file's name (packaging/), so that desktops match windows to the launcher.
    QApplication::setDesktopFileName(QStringLiteral("io.github.leopard_desk.LeopardDesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/leopard/icons/leopard-desk.svg")));
    // Outside a desktop session there may be no icon theme; Adwaita ships with Debian's GTK stack.
    QIcon::setFallbackThemeName(QStringLiteral("Adwaita"));

    // The language chosen in Settings, else the system's (ours and Qt's catalogues; English plurals).
    leopard::ui::Language::apply(leopard::ui::Language::savedChoice());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Read reports, slide decks and page images with the Leopard vision-language model."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QApplication::translate("main", "Leopard checkpoint directory (Hugging Face layout)."),
                                         QApplication::translate("main", "DIR"));
    parser.addOption(modelOption);
    const QCommandLineOption newInstanceOption(
        QStringLiteral("new-instance"),
        QApplication::translate("main", "Start a separate window with its own model instead of handing the files "
                                        "to the Leopard Desk already running."));
    parser.addOption(newInstanceOption);
    const QCommandLineOption paletteOption(
        QStringLiteral("palette"),
        QApplication::translate("main", "Colours for this run: system, light or dark (default: Settings ▸ Preferences)."),
        QApplication::translate("main", "SCHEME"));
    parser.addOption(paletteOption);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "PDFs, slide decks or images to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    // Resolved here, against this process's working directory: the running window has its own.
    QStringList files;
    for (const QString &f : parser.positionalArguments())
        files << QDir::current().absoluteFilePath(f);

    leopard::ui::SingleInstance instance;
    if (!parser.isSet(newInstanceOption)) {
        if (leopard::ui::SingleInstance::sendToRunning(files)) {
            report(QStringLiteral("handed-over %1").arg(files.size()));
            return 0;
        }
        QString error;
        if (!instance.listen(&error))
            qWarning("leopard-desk: %s; later launches will open their own windows", qPrintable(error));
    }

    const QString scheme = parser.isSet(paletteOption) ? parser.value(paletteOption) : leopard::ui::AppSettings::colorScheme();
    leopard::ui::applyColorScheme(leopard::ui::colorSchemeFromString(scheme));

    leopard::ui::MainWindow window;
    if (reportEvents()) {
        QObject::connect(window.modelHost(), &leopard::ui::ModelHost::stateChanged, &window,
                         [&window](leopard::ui::ModelHost::State state) {
                             if (state == leopard::ui::ModelHost::State::Loading)
                                 report(QStringLiteral("model-loading %1").arg(window.modelHost()->location().directory));
                         });
        QObject::connect(&window, &leopard::ui::MainWindow::documentOpened, &window,
                         [](const leopard::viewer::DocumentPtr &document) {
                             report(QStringLiteral("opened %1").arg(document->sourcePath()));
                         });
    }
    QObject::connect(&instance, &leopard::ui::SingleInstance::filesReceived, &window, [&window](const QStringList &paths) {
        window.raiseWindow();
        if (!paths.isEmpty())
            window.openFiles(paths);
    });
    window.setModelDirectory(parser.value(modelOption));
    window.show();
    if (!files.isEmpty())
        window.openFiles(files);
    return app.exec();
}
