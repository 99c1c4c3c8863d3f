#include "ui/export/export_actions.h"

#include "ui/export/answer_export.h"
#include "ui/export/export_passages.h"
#include "ui/chat/chat_panel.h"
#include "ui/conversation/conversation_core.h"
#include "ui/evidence/page_heat.h"
#include "ui/evidence/turn_evidence.h"
#include "ui/window/main_window.h"
#include "ui/pages/page_strip_model.h"
#include "viewer/document_opener.h"

#include <QAction>
#include <QEvent>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace leopard::ui {

ExportActions::ExportActions(MainWindow *window)
    : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("exportActions"));
    m_exportConversation = new QAction(this);
    m_exportConversation->setObjectName(QStringLiteral("exportConversationAction"));
    m_exportConversation->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportConversation, &QAction::triggered, this, [this] { exportWithDialog(-1); });

    m_exportAnswer = new QAction(this);
    m_exportAnswer->setObjectName(QStringLiteral("exportAnswerAction"));
    connect(m_exportAnswer, &QAction::triggered, this, [this] {
        exportWithDialog(int(m_window->chatPanel()->savedConversation().turns.size()) - 1);
    });

    m_copyAnswer = new QAction(this);
    m_copyAnswer->setObjectName(QStringLiteral("copyAnswerAction"));
    m_copyAnswer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyAnswer, &QAction::triggered, this, [this] { copyAnswer(-1); });

    retranslate();
    // A QObject gets no changeEvent: the window's LanguageChange tells these actions to follow.
    window->installEventFilter(this);

    ChatPanel *chat = window->chatPanel();
    connect(chat, &ChatPanel::copyAnswerRequested, this, [this](int turn) { copyAnswer(turn); });
    connect(chat, &ChatPanel::exportAnswerRequested, this, &ExportActions::exportWithDialog);
    connect(chat, &ChatPanel::exportConversationRequested, this, [this] { exportWithDialog(-1); });
    connect(chat, &ChatPanel::answerFinished, this, &ExportActions::updateActions);
    connect(chat, &ChatPanel::conversationsChanged, this, &ExportActions::updateActions);
    updateActions();
}

void ExportActions::updateActions()
{
    const bool any = !m_window->chatPanel()->savedConversation().turns.isEmpty();
    m_exportConversation->setEnabled(any);
    m_exportAnswer->setEnabled(any);
    m_copyAnswer->setEnabled(any);
}

viewer::DocumentPtr ExportActions::resolve(const QString &path, QString *error) const
{
    if (const viewer::DocumentPtr open = m_window->pageStripModel()->findDocument(QFileInfo(path).absoluteFilePath()))
        return open;
    // Closed since the question was asked: open it for the export only (decks come from the
    // conversion cache when they were converted before).
    const viewer::OpenResult result = viewer::openDocument(path);
    if (!result.ok())
        *error = result.message;
    return result.document;
}

void ExportActions::showMessage(const QString &text, bool warning)
{
    m_window->statusBar()->showMessage(text, 10000);
    emit messageShown(text);
    if (!warning)
        return;
    if (!m_window->messageBoxesEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"), text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

ExportAnnotationProvider ExportActions::annotations(const SavedConversation &conversation, bool withHeat) const
{
    ChatPanel *chat = m_window->chatPanel();
    return [chat, conversation, withHeat](int t) {
        TurnAnnotations out;
        if (t < 0 || t >= conversation.turns.size())
            return out;
        const SessionTurn &turn = conversation.turns[t];
        PageKeyList keys; // a page not open now resolves to an invalid key: no words, no evidence
        for (const SessionPageRef &r : turn.pages)
            keys << chat->core()->resolve(r);
        out = annotationsFromEvidence(turn, keys, chat->turnEvidence()->locateNow(turn.answer, keys));
        if (withHeat)
            if (const AttentionMaps *maps = chat->attentionOf(t))
                for (int i = 0; i < turn.pages.size(); ++i) {
                    const QVector<HeatGrid> grids = heatForPage(conversation, t, *maps, turn.pages[i], 364);
                    if (!grids.isEmpty())
                        out.heat.insert(i, grids);
                }
        return out;
    };
}

bool ExportActions::exportTo(int turn, const QString &path, QString *error)
{
    const SavedConversation conversation = m_window->chatPanel()->savedConversation();
    QString message;
    bool ok = false;
    if (conversation.turns.isEmpty() || turn >= conversation.turns.size()) {
        message = tr("There is no answer to export yet.");
    } else {
        AnswerExporter exporter(conversation, turn,
                                documentPageProvider([this](const QString &p, QString *e) { return resolve(p, e); }));
        // The heat only as the window shows it: View ▸ Show Where the Model Looked.
        const QAction *heatToggle = m_window->findChild<QAction *>(QStringLiteral("showHeatAction"));
        exporter.setAnnotations(annotations(conversation, heatToggle && heatToggle->isChecked()));
        QApplication::setOverrideCursor(Qt::WaitCursor);
        ok = exporter.write(path, &message);
        QApplication::restoreOverrideCursor();
    }
    if (error)
        *error = message;
    if (!ok) {
        showMessage(message, true);
        return false;
    }
    showMessage(tr("Exported to “%1”").arg(QDir::toNativeSeparators(path)), false);
    emit exported(path);
    return true;
}

void ExportActions::exportWithDialog(int turn)
{
    const SavedConversation conversation = m_window->chatPanel()->savedConversation();
    if (conversation.turns.isEmpty()) {
        showMessage(tr("There is no answer to export yet."), true);
        return;
    }
    QSettings settings;
    QString dir = settings.value(QStringLiteral("paths/lastExportDir")).toString();
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = turn >= 0 ? tr("leopard-answer") : tr("leopard-conversation");
    const QString pdf = tr("PDF document (*.pdf)"), html = tr("Web page (*.html)"), md = tr("Markdown (*.md)");
    QString filter = pdf;
    QString path = QFileDialog::getSaveFileName(m_window, turn >= 0 ? tr("Export Answer") : tr("Export Conversation"),
                                                dir + QLatin1Char('/') + stem + QStringLiteral(".pdf"),
                                                QStringList{pdf, html, md}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    ExportFormat format;
    if (!exportFormatForPath(path, &format)) // no or another suffix: the chosen filter's
        path += filter == html ? QStringLiteral(".html") : filter == md ? QStringLiteral(".md") : QStringLiteral(".pdf");
    settings.setValue(QStringLiteral("paths/lastExportDir"), QFileInfo(path).absolutePath());
    exportTo(turn, path);
}

bool ExportActions::copyAnswer(int turn)
{
    const SavedConversation conversation = m_window->chatPanel()->savedConversation();
    if (turn < 0)
        turn = int(conversation.turns.size()) - 1;
    if (turn < 0 || turn >= conversation.turns.size()) {
        showMessage(tr("There is no answer to copy yet."), false);
        return false;
    }
    const QVector<ExportPassage> passages = annotations(conversation, /*withHeat=*/false)(turn).passages;
    QApplication::clipboard()->setMimeData(answerMimeData(conversation.turns[turn], passages));
    showMessage(passages.isEmpty() ? tr("Copied the answer with its page references")
                                   : tr("Copied the answer with its page references and %n cited passage(s)", nullptr,
                                        int(passages.size())),
                false);
    return true;
}

void ExportActions::retranslate()
{
    m_exportConversation->setText(tr("&Export Conversation…"));
    m_exportConversation->setStatusTip(tr("Save the questions, answers, settings and annotated pages (crop plans, "
                                          "evidence, and where the model looked when shown) as PDF, HTML or Markdown"));
    m_exportAnswer->setText(tr("Export &Answer…"));
    m_exportAnswer->setStatusTip(tr("Save the last answer with its question, settings, cited passages and annotated pages"));
    m_copyAnswer->setText(tr("&Copy Answer"));
    m_copyAnswer->setStatusTip(tr("Copy the last answer with its question, page references and cited passages"));
}

bool ExportActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

ExportActions *installExportActions(MainWindow *window)
{
    auto *actions = new ExportActions(window);
    QMenu *file = window->fileMenu();
    file->insertAction(window->quitAction(), actions->exportConversationAction());
    file->insertAction(window->quitAction(), actions->exportAnswerAction());
    file->insertSeparator(window->quitAction());
    window->editMenu()->addAction(actions->copyAnswerAction());
    return actions;
}

} // namespace leopard::ui
