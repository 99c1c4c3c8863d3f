#pragma once
// The window's export and copy commands: File ▸ Export Conversation… / Export Answer…, Edit ▸ Copy
// Answer, and the Ask dock's per-answer Copy and Export requests. The conversation comes from
// ChatPanel::savedConversation(); the pictures are rendered from the open documents (documents no
// longer open are opened for the export, by path). The work itself is ui/export/answer_export.*.
// Each answer's evidence (ui/evidence/turn_evidence.h) goes with it: passages under the answer,
// boxes on its pages, and where the model looked when View ▸ Show Where the Model Looked is on
// and the answer was generated in this run (attention maps are not saved).

#include "ui/conversation/saved_conversation.h"
#include "ui/export/answer_export.h"
#include "viewer/document.h"

#include <QObject>

class QAction;

namespace leopard::ui {

class MainWindow;

class ExportActions : public QObject
{
    Q_OBJECT
public:
    explicit ExportActions(MainWindow *window);

    QAction *exportConversationAction() const { return m_exportConversation; }
    QAction *exportAnswerAction() const { return m_exportAnswer; }
    QAction *copyAnswerAction() const { return m_copyAnswer; }

    // Without a dialog (the dialog ends here too): `turn` -1 = the whole conversation. On failure
    // the window shows the message naming the file, and *error gets it.
    bool exportTo(int turn, const QString &path, QString *error = nullptr);
    // The answer of `turn` (-1: the last one) to the clipboard as Markdown and HTML.
    bool copyAnswer(int turn = -1);

public slots:
    void exportWithDialog(int turn); // -1: the whole conversation
    void updateActions();

signals:
    void exported(const QString &path);
    void messageShown(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate(); // the actions' texts, after construction and on a live language switch
    viewer::DocumentPtr resolve(const QString &path, QString *error) const;
    void showMessage(const QString &text, bool warning);
    // Each turn's evidence, located now; with the heat of its answer's attention when `withHeat`.
    ExportAnnotationProvider annotations(const SavedConversation &conversation, bool withHeat) const;

    MainWindow *m_window;
    QAction *m_exportConversation;
    QAction *m_exportAnswer;
    QAction *m_copyAnswer;
};

// Adds the actions to `window`'s File and Edit menus and connects the Ask dock's requests.
ExportActions *installExportActions(MainWindow *window);

} // namespace leopard::ui
