#include "ui/export/answer_export.h"

#include "ui/export/export_passages.h"

#include "ui/pages/page_ref.h"
#include "ui/pages/selection_plan.h"
#include "viewer/crop_overlay.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <memory>

namespace leopard::ui {

namespace {

// The answer is Markdown (as the model writes it and the Ask dock renders it); HTML and PDF get it
// rendered by Qt's own Markdown reader, the same one the dock uses.
QString markdownToHtmlFragment(const QString &markdown)
{
    QTextDocument doc;
    doc.setMarkdown(markdown);
    const QString html = doc.toHtml();
    const int bodyTag = html.indexOf(QLatin1String("<body"));
    const int bodyStart = bodyTag < 0 ? -1 : html.indexOf(QLatin1Char('>'), bodyTag);
    const int bodyEnd = html.lastIndexOf(QLatin1String("</body>"));
    if (bodyStart < 0 || bodyEnd < bodyStart)
        return QStringLiteral("<p>%1</p>").arg(markdown.toHtmlEscaped());
    return html.mid(bodyStart + 1, bodyEnd - bodyStart - 1).trimmed();
}

QString escapedParagraphs(const QString &text)
{
    QString out;
    for (const QString &para : text.split(QLatin1Char('\n')))
        out += QStringLiteral("<p>%1</p>").arg(para.toHtmlEscaped());
    return out;
}

QString quoted(const QString &text)
{
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n')))
        out += QStringLiteral("> %1\n").arg(line);
    return out;
}

QString utcText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

QString pageLinkHtml(const SessionPageRef &page)
{
    QUrl url = QUrl::fromLocalFile(page.file);
    url.setFragment(QStringLiteral("page=%1").arg(page.page));
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                        pageReferenceText(page).toHtmlEscaped());
}

bool saveText(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = AnswerExporter::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = AnswerExporter::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool exportFormatForPath(const QString &path, ExportFormat *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        *format = ExportFormat::Markdown;
    else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        *format = ExportFormat::Html;
    else if (suffix == QLatin1String("pdf"))
        *format = ExportFormat::Pdf;
    else
        return false;
    return true;
}

QString pageReferenceText(const SessionPageRef &page)
{
    return AnswerExporter::tr("%1 p. %2").arg(QFileInfo(page.file).fileName()).arg(page.page);
}

QString settingsText(const SessionGenerationSettings &s)
{
    QStringList parts;
    parts << (s.modelDir.isEmpty() ? AnswerExporter::tr("unknown model") : QDir::toNativeSeparators(s.modelDir));
    if (!s.device.isEmpty())
        parts << s.device;
    if (!s.dtype.isEmpty())
        parts << s.dtype;
    parts << AnswerExporter::tr("max %1 new tokens").arg(s.maxNewTokens);
    if (s.temperature <= 0)
        parts << AnswerExporter::tr("greedy");
    else
        parts << AnswerExporter::tr("temperature %1, top-p %2, seed %3").arg(s.temperature).arg(s.topP).arg(s.seed);
    parts << AnswerExporter::tr("analysis %1 dpi").arg(s.analysisDpi);
    return AnswerExporter::tr("Model: %1").arg(parts.join(QStringLiteral(" · ")));
}

// ---------------------------------------------------------------------------------------------

AnswerExporter::AnswerExporter(SavedConversation conversation, int turn, ExportPageProvider provider)
    : m_conversation(std::move(conversation)), m_turn(turn), m_provider(std::move(provider))
{
}

QList<int> AnswerExporter::turnIndices() const
{
    QList<int> out;
    if (m_turn >= 0) {
        if (m_turn < m_conversation.turns.size())
            out << m_turn;
        return out;
    }
    for (int i = 0; i < m_conversation.turns.size(); ++i)
        out << i;
    return out;
}

QString AnswerExporter::title() const
{
    QStringList names;
    for (const SessionDocument &d : m_conversation.documents)
        names << QFileInfo(d.path).fileName();
    if (names.isEmpty())
        for (int t : turnIndices())
            for (const SessionPageRef &p : m_conversation.turns[t].pages)
                if (!names.contains(QFileInfo(p.file).fileName()))
                    names << QFileInfo(p.file).fileName();
    const QString about = QLocale().createSeparatedList(names);
    if (m_turn >= 0)
        return about.isEmpty() ? AnswerExporter::tr("Leopard Desk answer") : AnswerExporter::tr("Leopard Desk answer about %1").arg(about);
    return about.isEmpty() ? AnswerExporter::tr("Leopard Desk conversation") : AnswerExporter::tr("Leopard Desk conversation about %1").arg(about);
}

QString AnswerExporter::imageFolderFor(const QString &path)
{
    const QFileInfo info(path);
    return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("_files");
}

QList<AnswerExporter::TurnPictures> AnswerExporter::collectPictures() const
{
    QList<TurnPictures> out;
    for (int t : turnIndices()) {
        const SessionTurn &turn = m_conversation.turns[t];
        const TurnAnnotations marks = m_annotations ? m_annotations(t) : TurnAnnotations{};
        TurnPictures tp{t, {}, marks.passages};
        for (int i = 0; i < turn.pages.size(); ++i) {
            ExportPage page = m_provider ? m_provider(turn, i) : ExportPage{};
            if (page.label.isEmpty())
                page.label = pageReferenceText(turn.pages[i]);
            const QVector<QRectF> evidence = marks.evidence.value(i);
            const QVector<HeatGrid> heat = marks.heat.value(i);
            if (!page.image.isNull() && (!evidence.isEmpty() || !heat.isEmpty())) {
                page.image = markedPageImage(page.image, evidence, heat);
                QStringList drawn;
                if (!evidence.isEmpty())
                    drawn << tr("evidence boxed in green");
                if (!heat.isEmpty())
                    drawn << tr("where the model looked shaded in violet");
                page.note += (page.note.isEmpty() ? QString() : QStringLiteral("; ")) + drawn.join(QStringLiteral("; "));
            }
            const QString fileName = QStringLiteral("turn%1-page%2.png").arg(t + 1).arg(i + 1);
            tp.pages << Picture{page.label, page.note, fileName, page.image};
        }
        out << tp;
    }
    return out;
}

bool AnswerExporter::writePictures(const QString &path, const QList<TurnPictures> &pictures, QString *error) const
{
    const QString folder = imageFolderFor(path);
    bool any = false;
    for (const TurnPictures &tp : pictures)
        for (const Picture &p : tp.pages)
            any = any || !p.image.isNull();
    if (!any)
        return true;
    if (!QDir().mkpath(folder)) {
        *error = AnswerExporter::tr("Cannot create the folder “%1” for the page images.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    for (const TurnPictures &tp : pictures)
        for (const Picture &p : tp.pages) {
            if (p.image.isNull())
                continue;
            const QString file = folder + QLatin1Char('/') + p.fileName;
            if (!p.image.save(file, "PNG")) {
                *error = AnswerExporter::tr("Cannot write the page image “%1”.").arg(QDir::toNativeSeparators(file));
                return false;
            }
        }
    return true;
}

bool AnswerExporter::write(const QString &path, QString *error)
{
    ExportFormat format;
    if (!exportFormatForPath(path, &format)) {
        *error = AnswerExporter::tr("Cannot export to “%1”: choose a name ending in .pdf, .html or .md.").arg(QFileInfo(path).fileName());
        return false;
    }
    switch (format) {
    case ExportFormat::Markdown: return writeMarkdown(path, error);
    case ExportFormat::Html: return writeHtml(path, error);
    case ExportFormat::Pdf: return writePdf(path, error);
    }
    return false;
}

bool AnswerExporter::writeMarkdown(const QString &path, QString *error)
{
    const QList<TurnPictures> pictures = collectPictures();
    const QString folderName = QFileInfo(imageFolderFor(path)).fileName();
    QString md = QStringLiteral("# %1\n\n").arg(title());
    if (m_conversation.created.isValid())
        md += AnswerExporter::tr("Conversation started %1.").arg(utcText(m_conversation.created)) + QStringLiteral("\n\n");
    for (const TurnPictures &tp : pictures) {
        const SessionTurn &turn = m_conversation.turns[tp.turn];
        md += QStringLiteral("## %1\n\n").arg(AnswerExporter::tr("Question %1").arg(tp.turn + 1));
        md += quoted(turn.question) + QLatin1Char('\n');
        md += QStringLiteral("### %1\n\n").arg(AnswerExporter::tr("Answer"));
        md += turn.answer.trimmed() + QStringLiteral("\n\n");
        if (turn.state == TurnState::Interrupted)
            md += QStringLiteral("*%1*\n\n").arg(AnswerExporter::tr("The answer was interrupted before it was complete."));
        md += passagesMarkdown(tp.passages);
        md += QStringLiteral("- %1\n").arg(settingsText(turn.settings));
        if (turn.asked.isValid())
            md += QStringLiteral("- %1\n").arg(AnswerExporter::tr("Asked %1").arg(utcText(turn.asked)));
        QStringList refs;
        for (const SessionPageRef &p : turn.pages)
            refs << pageReferenceText(p);
        md += QStringLiteral("- %1\n\n").arg(AnswerExporter::tr("Pages: %1").arg(refs.join(QStringLiteral(", "))));
        for (const Picture &p : tp.pages) {
            if (!p.image.isNull())
                md += QStringLiteral("![%1](%2/%3)\n\n").arg(p.label, folderName, p.fileName);
            md += QStringLiteral("*%1*%2\n\n").arg(p.label, p.note.isEmpty() ? QString() : QStringLiteral(" — ") + p.note);
        }
    }
    return writePictures(path, pictures, error) && saveText(path, md, error);
}

QString AnswerExporter::html(const QList<TurnPictures> &pictures, bool forPdf, const QString &imageFolder) const
{
    // QTextDocument (the PDF) knows no <figure> and lays lists out loosely, so pictures and the
    // settings are plain paragraphs. An A4 page inside its margins is ~680 x 1000 px (96 dpi units):
    // pictures are capped so that two fit on one sheet.
    const int maxWidth = forPdf ? 600 : 640;
    const int maxHeight = forPdf ? 430 : 100000;
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n").arg(title().toHtmlEscaped());
    h += QStringLiteral("<style>body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.4}"
                        "blockquote{border-left:3px solid #e66e14;margin:0;padding-left:1em}"
                        ".settings{color:#555}.caption{color:#555;margin-bottom:1.2em}"
                        ".evidence{border-left:3px solid #00965a;margin:0.3em 0;padding-left:0.6em}"
                        "img{border:1px solid #ccc}</style>\n</head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(title().toHtmlEscaped());
    if (m_conversation.created.isValid())
        h += QStringLiteral("<p class=\"settings\">%1</p>\n").arg(tr("Conversation started %1.").arg(utcText(m_conversation.created)).toHtmlEscaped());
    for (const TurnPictures &tp : pictures) {
        const SessionTurn &turn = m_conversation.turns[tp.turn];
        h += QStringLiteral("<h2>%1</h2>\n").arg(tr("Question %1").arg(tp.turn + 1).toHtmlEscaped());
        h += QStringLiteral("<blockquote>%1</blockquote>\n").arg(escapedParagraphs(turn.question));
        h += QStringLiteral("<h3>%1</h3>\n").arg(tr("Answer").toHtmlEscaped());
        h += markdownToHtmlFragment(turn.answer.trimmed()) + QLatin1Char('\n');
        if (turn.state == TurnState::Interrupted)
            h += QStringLiteral("<p><i>%1</i></p>\n").arg(tr("The answer was interrupted before it was complete.").toHtmlEscaped());
        h += passagesHtml(tp.passages);
        QStringList refs;
        for (const SessionPageRef &p : turn.pages)
            refs << pageLinkHtml(p);
        h += QStringLiteral("<p class=\"settings\">%1").arg(settingsText(turn.settings).toHtmlEscaped());
        if (turn.asked.isValid())
            h += QStringLiteral("<br>%1").arg(tr("Asked %1").arg(utcText(turn.asked)).toHtmlEscaped());
        h += QStringLiteral("<br>%1 %2</p>\n").arg(tr("Pages:").toHtmlEscaped(), refs.join(QStringLiteral(", ")));
        for (const Picture &p : tp.pages) {
            if (!p.image.isNull()) {
                double scale = std::min(1.0, double(maxWidth) / p.image.width());
                scale = std::min(scale, double(maxHeight) / p.image.height());
                const int w = std::max(1, int(std::lround(p.image.width() * scale)));
                const int hgt = std::max(1, int(std::lround(p.image.height() * scale)));
                const QString src = forPdf ? QStringLiteral("leopard-export:%1").arg(p.fileName)
                                           : imageFolder + QLatin1Char('/') + p.fileName;
                h += QStringLiteral("<p><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"></p>\n")
                         .arg(src.toHtmlEscaped()).arg(w).arg(hgt).arg(p.label.toHtmlEscaped());
            }
            h += QStringLiteral("<p class=\"caption\"><b>%1</b>%2</p>\n")
                     .arg(p.label.toHtmlEscaped(), p.note.isEmpty() ? QString() : QStringLiteral(" — ") + p.note.toHtmlEscaped());
        }
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

bool AnswerExporter::writeHtml(const QString &path, QString *error)
{
    const QList<TurnPictures> pictures = collectPictures();
    const QString folderName = QFileInfo(imageFolderFor(path)).fileName();
    return writePictures(path, pictures, error) && saveText(path, html(pictures, false, folderName), error);
}

bool AnswerExporter::writePdf(const QString &path, QString *error)
{
    const QList<TurnPictures> pictures = collectPictures();
    QTextDocument doc;
    for (const TurnPictures &tp : pictures)
        for (const Picture &p : tp.pages)
            if (!p.image.isNull())
                doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("leopard-export:%1").arg(p.fileName)), p.image);
    doc.setHtml(html(pictures, true, {}));

    // QPdfWriter writes straight to its file; write a temporary next to the target and rename on
    // success so a failed export never leaves a truncated PDF under the user's name.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = AnswerExporter::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(title());
        writer.setCreator(AnswerExporter::tr("Leopard Desk"));
        writer.setResolution(300);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        doc.print(&writer);
    }
    if (!file.commit()) {
        *error = AnswerExporter::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Clipboard

QString answerClipboardMarkdown(const SessionTurn &turn, const QVector<ExportPassage> &passages)
{
    QStringList refs;
    for (const SessionPageRef &p : turn.pages)
        refs << pageReferenceText(p);
    QString md = AnswerExporter::tr("**Question:** %1").arg(turn.question.trimmed()) + QStringLiteral("\n\n");
    md += turn.answer.trimmed() + QStringLiteral("\n\n");
    md += passagesMarkdown(passages);
    md += AnswerExporter::tr("Pages: %1").arg(refs.join(QStringLiteral(", "))) + QStringLiteral("\n\n");
    md += settingsText(turn.settings) + QLatin1Char('\n');
    return md;
}

QString answerClipboardHtml(const SessionTurn &turn, const QVector<ExportPassage> &passages)
{
    QStringList refs;
    for (const SessionPageRef &p : turn.pages)
        refs << pageLinkHtml(p);
    QString h = QStringLiteral("<p><b>%1</b> %2</p>\n").arg(AnswerExporter::tr("Question:").toHtmlEscaped(), turn.question.trimmed().toHtmlEscaped());
    h += markdownToHtmlFragment(turn.answer.trimmed()) + QLatin1Char('\n');
    h += passagesHtml(passages);
    h += QStringLiteral("<p>%1 %2</p>\n").arg(AnswerExporter::tr("Pages:").toHtmlEscaped(), refs.join(QStringLiteral(", ")));
    h += QStringLiteral("<p><small>%1</small></p>\n").arg(settingsText(turn.settings).toHtmlEscaped());
    return h;
}

QMimeData *answerMimeData(const SessionTurn &turn, const QVector<ExportPassage> &passages)
{
    auto *mime = new QMimeData;
    mime->setText(answerClipboardMarkdown(turn, passages));
    mime->setHtml(answerClipboardHtml(turn, passages));
    return mime;
}

// ---------------------------------------------------------------------------------------------
// Pictures

QImage annotatedPageImage(const viewer::Document &document, int page, double dpi, const leopard::ImagePlan *plan,
                          int cropSide, int firstModelIndex)
{
    QImage image = document.renderPage(page, dpi);
    if (image.isNull())
        return image;
    // Paint on an opaque copy: the export shows the page as the model sees it, on white.
    QImage out(image.size(), QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.drawImage(0, 0, image);
    if (plan) {
        viewer::CropOverlayStyle style;
        style.firstModelIndex = firstModelIndex;
        viewer::paintCropOverlay(painter, QRectF(QPointF(0, 0), QSizeF(out.size())), *plan, cropSide, style);
    }
    painter.end();
    return out;
}

ExportPageProvider documentPageProvider(DocumentResolver resolve, double dpi)
{
    // Documents opened for the export are kept for the whole export (one provider per export).
    auto cache = std::make_shared<QHash<QString, viewer::DocumentPtr>>();
    auto errors = std::make_shared<QHash<QString, QString>>();
    return [resolve = std::move(resolve), dpi, cache, errors](const SessionTurn &turn, int pageIndex) {
        auto documentFor = [&](const QString &path) -> viewer::DocumentPtr {
            if (cache->contains(path))
                return cache->value(path);
            QString error;
            viewer::DocumentPtr d = resolve ? resolve(path, &error) : nullptr;
            cache->insert(path, d);
            if (!d)
                errors->insert(path, error.isEmpty() ? AnswerExporter::tr("“%1” is not available.").arg(QFileInfo(path).fileName()) : error);
            return d;
        };
        ExportPage out;
        const SessionPageRef &ref = turn.pages[pageIndex];
        out.label = pageReferenceText(ref);

        // The plan of all the turn's pages together: the budget is shared, so one page's crops
        // depend on the others.
        PageRefList pages;
        bool complete = true;
        for (const SessionPageRef &p : turn.pages) {
            const viewer::DocumentPtr d = documentFor(p.file);
            if (!d || p.page < 1 || p.page > d->pageCount()) {
                complete = false;
                continue;
            }
            pages.append(PageRef{d, p.page - 1});
        }
        const viewer::DocumentPtr document = documentFor(ref.file);
        if (!document) {
            out.note = errors->value(ref.file);
            return out;
        }
        if (ref.page < 1 || ref.page > document->pageCount()) {
            out.note = AnswerExporter::tr("“%1” has no page %2 now.").arg(document->displayName()).arg(ref.page);
            return out;
        }
        if (!complete) {
            out.image = annotatedPageImage(*document, ref.page - 1, dpi, nullptr, 364, 1);
            out.note = AnswerExporter::tr("crop plan not shown: not every page of this question is available");
            return out;
        }
        const SelectionPlan plan = computeSelectionPlan(pages, turn.settings.analysisDpi > 0 ? turn.settings.analysisDpi : 144);
        int first = 1;
        for (int i = 0; i < pageIndex; ++i)
            first += plan.plan.images[size_t(i)].modelImages();
        const leopard::ImagePlan &ip = plan.plan.images[size_t(pageIndex)];
        out.image = annotatedPageImage(*document, ref.page - 1, dpi, &ip, plan.plan.options.cropSide, first);
        if (out.image.isNull())
            out.note = AnswerExporter::tr("the page could not be rendered");
        else if (ip.tiles() > 0)
            out.note = AnswerExporter::tr("%1 × %2 grid: %3 crops + global view (model images %4–%5)")
                           .arg(ip.gridCols).arg(ip.gridRows).arg(ip.tiles()).arg(first).arg(first + ip.tiles());
        else
            out.note = AnswerExporter::tr("global view only (model image %1)").arg(first);
        return out;
    };
}

} // namespace leopard::ui
