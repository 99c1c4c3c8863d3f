// leopard-desk: the GUI. Usage: leopard-desk [--model DIR] [FILE...]
#include "ui/language.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    Q_INIT_RESOURCE(resources); // leopard_resources is a static library

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Leopard Desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Leopard Desk"));
    QApplication::setOrganizationName(QStringLiteral("LeopardDesk"));
    QApplication::setApplicationVersion(QStringLiteral(LEOPARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("leopard-desk"));
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
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "PDFs, slide decks or images to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    leopard::ui::MainWindow window;
    window.setModelDirectory(parser.value(modelOption));
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openFiles(parser.positionalArguments());
    return app.exec();
}
