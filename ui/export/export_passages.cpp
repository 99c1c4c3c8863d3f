#include "ui/export/export_passages.h"

#include <QFileInfo>
#include <QFont>
#include <QPainter>

#include <algorithm>

namespace leopard::ui {

TurnAnnotations annotationsFromEvidence(const SessionTurn &turn, const PageKeyList &pages,
                                        const QVector<index::Evidence> &evidence)
{
    TurnAnnotations out;
    QVector<const index::Evidence *> ordered;
    for (const index::Evidence &e : evidence)
        ordered << &e;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const index::Evidence *a, const index::Evidence *b) { return a->span.start < b->span.start; });
    for (const index::Evidence *e : ordered) {
        int at = -1;
        for (int i = 0; i < pages.size() && i < turn.pages.size() && at < 0; ++i)
            if (pages[i].isValid() && pages[i].file == e->file && pages[i].page == e->page)
                at = i;
        if (at < 0) // found on a page this turn does not name: nothing to point at
            continue;
        out.evidence[at] += e->boxes;
        out.passages << ExportPassage{e->span.text, pageReferenceText(turn.pages[at]), e->text};
    }
    return out;
}

QString passagesMarkdown(const QVector<ExportPassage> &passages)
{
    if (passages.isEmpty())
        return {};
    QString md = QStringLiteral("#### %1\n\n").arg(AnswerExporter::tr("Evidence"));
    for (const ExportPassage &p : passages)
        md += QStringLiteral("- %1\n").arg(AnswerExporter::tr("“%1” — %2: “%3”").arg(p.span, p.page, p.text));
    return md + QLatin1Char('\n');
}

QString passagesHtml(const QVector<ExportPassage> &passages)
{
    if (passages.isEmpty())
        return {};
    QString h = QStringLiteral("<h4>%1</h4>\n").arg(AnswerExporter::tr("Evidence").toHtmlEscaped());
    for (const ExportPassage &p : passages)
        h += QStringLiteral("<p class=\"evidence\">%1</p>\n")
                 .arg(AnswerExporter::tr("“%1” — %2: “%3”").arg(p.span.toHtmlEscaped(), p.page.toHtmlEscaped(), p.text.toHtmlEscaped()));
    return h;
}

QImage markedPageImage(const QImage &image, const QVector<QRectF> &evidence, const QVector<HeatGrid> &heat)
{
    if (image.isNull() || (evidence.isEmpty() && heat.isEmpty()))
        return image;
    QImage out = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    PageMarks marks;
    marks.evidence = evidence;
    marks.heat = heat;
    const QRectF whole(QPointF(0, 0), QSizeF(out.size()));
    paintPageMarks(painter, whole, marks);
    if (!heat.isEmpty()) {
        QFont font = painter.font();
        font.setPixelSize(std::max(11, out.width() / 70)); // legible on the export's page pictures at any dpi
        painter.setFont(font);
        paintHeatLegend(painter, whole, AnswerExporter::tr("Where the model looked: less → more"));
    }
    painter.end();
    return out;
}

} // namespace leopard::ui
