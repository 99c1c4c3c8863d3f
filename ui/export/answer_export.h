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
//
// Where each answer comes from travels with it when an ExportAnnotationProvider is set: the
// passages of the pages its spans were found in are listed under the answer ("Evidence"), their
// boxes drawn on the pictures in the evidence green of the page view, and — when the provider has
// it — where the model looked, as the page view's violet heat with its legend.

#include "inference/planner.h"
#include "ui/conversation/saved_conversation.h"
#include "ui/pages/page_marks.h"
#include "viewer/document.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>
#include <QVector>

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

// One cited passage of an answer: the answer's words, the page, and the page's words that match.
struct ExportPassage {
    QString span;   // as the answer writes it: "1,871 thousand TEU"
    QString page;   // "sample-report.pdf p. 1"
    QString text;   // as the page prints it: "1,871 thousand TEU"
};

// What is drawn on and listed with one turn's pages; keys index the turn's pages (turn.pages).
struct TurnAnnotations {
    QVector<ExportPassage> passages;            // in answer order
    QHash<int, QVector<QRectF>> evidence;       // boxes, normalised, origin top left
    QHash<int, QVector<HeatGrid>> heat;         // where the model looked; empty: not drawn
};

// The annotations of saved turn `turn` (0-based).
using ExportAnnotationProvider = std::function<TurnAnnotations(int turn)>;

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
    // Evidence (and heat) for each turn; without one, exports carry crop plans only.
    void setAnnotations(ExportAnnotationProvider annotations) { m_annotations = std::move(annotations); }

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
    struct TurnPictures { int turn; QList<Picture> pages; QVector<ExportPassage> passages; };
    QList<int> turnIndices() const;
    QList<TurnPictures> collectPictures() const;
    bool writePictures(const QString &path, const QList<TurnPictures> &pictures, QString *error) const;
    QString html(const QList<TurnPictures> &pictures, bool forPdf, const QString &imageFolder) const;
    QString title() const;

    SavedConversation m_conversation;
    int m_turn;
    ExportPageProvider m_provider;
    ExportAnnotationProvider m_annotations;
};

// Clipboard: one answer with its question, page references and cited passages. text/plain is
// Markdown, text/html the same rendered. Caller owns the result (QClipboard::setMimeData takes it).
QString answerClipboardMarkdown(const SessionTurn &turn, const QVector<ExportPassage> &passages = {});
QString answerClipboardHtml(const SessionTurn &turn, const QVector<ExportPassage> &passages = {});
QMimeData *answerMimeData(const SessionTurn &turn, const QVector<ExportPassage> &passages = {});

// The page with the crop overlay of `plan` (may be null: no overlay), rendered at `dpi`.
QImage annotatedPageImage(const viewer::Document &document, int page, double dpi,
                          const leopard::ImagePlan *plan, int cropSide, int firstModelIndex);

// The app's provider: documents by path through `resolve` (open documents, or opened for the
// export), pages rendered at `dpi`, overlays from the plan the turn's pages get together at the
// turn's analysis dpi.
using DocumentResolver = std::function<viewer::DocumentPtr(const QString &path, QString *error)>;
ExportPageProvider documentPageProvider(DocumentResolver resolve, double dpi = 110);

} // namespace leopard::ui
