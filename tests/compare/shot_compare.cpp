// By hand, not a test: puts the real window on a display (Xvfb) in the state docs/screenshot-compare.png
// shows — the sample deck and report open, two slides in the compare slots, the demo model answering
// the comparison — takes the screenshot with ImageMagick's `import -window root` mid-answer, then
// exports the finished conversation to a PDF. Run by tests/compare/take_screenshots.sh.
//   shot_compare OUT.png OUT.pdf
#include "ui/chat/chat_panel.h"
#include "ui/compare/compare_view.h"
#include "ui/export/export_actions.h"
#include "ui/window/main_window.h"
#include "ui/model/model_host.h"
#include "ui/pages/page_strip_model.h"

#include <QApplication>
#include <QIcon>
#include <QProcess>
#include <QTabWidget>
#include <QTimer>

using namespace leopard::ui;

int main(int argc, char *argv[])
{
    Q_INIT_RESOURCE(resources);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LeopardDeskScreenshots"));
    QApplication::setApplicationName(QStringLiteral("shot_compare"));
    QIcon::setFallbackThemeName(QStringLiteral("Adwaita"));
    if (argc < 3) {
        qCritical("usage: shot_compare OUT.png OUT.pdf");
        return 2;
    }
    const QString shot = QString::fromLocal8Bit(argv[1]), pdf = QString::fromLocal8Bit(argv[2]);
    const QString deckPath = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-deck.pptx");
    const QString reportPath = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");

    MainWindow window;
    window.setMessageBoxesEnabled(false);
    window.resize(1600, 1000);
    window.move(0, 0);
    window.setModelDirectory(QString()); // the demo model
    window.show();
    window.openFiles({deckPath, reportPath});
    CompareView *view = window.findChild<CompareView *>();
    ExportActions *actions = window.findChild<ExportActions *>();
    ChatPanel *chat = window.chatPanel();
    chat->setMaxNewTokens(60);

    bool asked = false, shotTaken = false;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        PageStripModel *model = window.pageStripModel();
        if (!asked) {
            if (model->documentCount() < 2 || window.modelHost()->state() != ModelHost::State::Ready)
                return;
            const auto deck = model->findDocument(deckPath);
            view->setPage(CompareView::Left, {deck, 1});
            view->setPage(CompareView::Right, {deck, 2});
            window.findChild<QTabWidget *>(QStringLiteral("centralTabs"))->setCurrentWidget(view);
            window.showPage({model->findDocument(reportPath), 0});
            QTimer::singleShot(1500, [&] { view->compare(); }); // let the slots render first
            asked = true;
            return;
        }
        if (!shotTaken && view->answerText().size() > 60) {
            QProcess::execute(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), shot});
            shotTaken = true;
        }
    });
    QObject::connect(chat, &ChatPanel::answerFinished, [&] {
        if (!shotTaken)
            QProcess::execute(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), shot});
        QString error;
        const bool ok = actions->exportTo(-1, pdf, &error);
        if (!ok)
            qCritical("export failed: %s", qPrintable(error));
        app.exit(ok ? 0 : 1);
    });
    poll.start();
    QTimer::singleShot(240000, [&] { qCritical("timed out"); app.exit(1); });
    return app.exec();
}
