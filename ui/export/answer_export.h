#pragma once
// Export of annotated answers: a saved conversation (or one of its turns) as Markdown, HTML or PDF,
// and one answer as clipboard data.
//
// Every export carries, per turn, the question, the answer, the model and settings it was asked
// with, and the pages it was about as pictures with the crop plan drawn on them (the plan those
// pages got together, i.e. what the model received). Markdown and HTML reference PNG files written
// next to them into "<name>_files/"; the PDF (QPdfWriter through QTextDocument) holds real text,
// so it can be searched and copied from, with the pictures embedded.
//
// The pictures come from an ExportPageProvider, so this file knows nothing about the window: the
// app's provider renders open documents (documentPageProvider), tests may pass their own.

#include "inference/planner.h"
#include "ui/conversation/saved_conversation.h"
#include "viewer/document.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <functional>

class QMimeData;

namespace leopard::ui {

// One page of a turn as it goes into an export.
struct ExportPage {
    QString label;   // "sample-report.pdf p. 3"
    QImage image;    // the page with its crop overlay; null when the page could not be drawn
    QString note;    // what the model got of it ("3 × 4 grid: 12 crops + global view"), or why there is no image
};

// Pictures of `turn.pages[pageIndex]`.
using ExportPageProvider = std::function<ExportPage(const SessionTurn &turn, int pageIndex)>;

enum class ExportFormat { Markdown, Html, Pdf };
// By suffix: .md/.markdown, .html/.htm, .pdf. false for anything else.
bool exportFormatForPath(const QString &path, ExportFormat *format);

// "sample-report.pdf p. 3": how answers name their pages (the same text as the Ask dock's links).
QString pageReferenceText(const SessionPageRef &page);
// "Model: /models/leopard · cpu · fp32 · max 128 new tokens · greedy · analysis 144 dpi"
QString settingsText(const SessionGenerationSettings &settings);

class AnswerExporter
{
    Q_DECLARE_TR_FUNCTIONS(AnswerExporter)
public:
    // `turn` -1 exports every turn; otherwise only that one (0-based).
    AnswerExporter(SavedConversation conversation, int turn, ExportPageProvider provider);

    // Writes `path` in the format its suffix names. On failure returns false and says what went
    // wrong, naming the file, in *error. Nothing is left half-written at `path` (QSaveFile).
    bool write(const QString &path, QString *error);
    bool writeMarkdown(const QString &path, QString *error);
    bool writeHtml(const QString &path, QString *error);
    bool writePdf(const QString &path, QString *error);

    // The folder the pictures of a Markdown/HTML export at `path` go to: "<dir>/<stem>_files".
    static QString imageFolderFor(const QString &path);

private:
    struct Picture { QString label, note, fileName; QImage image; };
    struct TurnPictures { int turn; QList<Picture> pages; };
    QList<int> turnIndices() const;
    QList<TurnPictures> collectPictures() const;
    bool writePictures(const QString &path, const QList<TurnPictures> &pictures, QString *error) const;
    QString html(const QList<TurnPictures> &pictures, bool forPdf, const QString &imageFolder) const;
    QString title() const;

    SavedConversation m_conversation;
    int m_turn;
    ExportPageProvider m_provider;
};

// Clipboard: one answer with its question and page references. text/plain is Markdown, text/html
// the same rendered. Caller owns the result (QClipboard::setMimeData takes it).
QString answerClipboardMarkdown(const SessionTurn &turn);
QString answerClipboardHtml(const SessionTurn &turn);
QMimeData *answerMimeData(const SessionTurn &turn);

// The page with the crop overlay of `plan` (may be null: no overlay), rendered at `dpi`.
QImage annotatedPageImage(const viewer::Document &document, int page, double dpi,
                          const leopard::ImagePlan *plan, int cropSide, int firstModelIndex);

// The app's provider: documents by path through `resolve` (open documents, or opened for the
// export), pages rendered at `dpi`, overlays from the plan the turn's pages get together at the
// turn's analysis dpi.
using DocumentResolver = std::function<viewer::DocumentPtr(const QString &path, QString *error)>;
ExportPageProvider documentPageProvider(DocumentResolver resolve, double dpi = 110);

} // namespace leopard::ui
