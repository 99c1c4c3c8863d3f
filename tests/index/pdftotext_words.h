#pragma once
// The reference for word boxes: `pdftotext -bbox` (poppler-utils, a separate program) run on one
// page, its <word xMin= yMin= xMax= yMax=> read back, in points, origin top left.
#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QString>
#include <QVector>

struct RefWord {
    QString text;
    QRectF box; // points
};

struct RefPage {
    double width = 0, height = 0;
    QVector<RefWord> words;
    bool ok = false;
};

inline QString unescapeXml(QString s)
{
    s.replace(QLatin1String("&lt;"), QLatin1String("<")).replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\"")).replace(QLatin1String("&apos;"), QLatin1String("'"));
    return s.replace(QLatin1String("&amp;"), QLatin1String("&"));
}

// page: 1-based.
inline RefPage pdftotextWords(const QString &pdf, int page)
{
    RefPage r;
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
                                          QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return r;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QRegularExpression pageRe(QStringLiteral("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\""));
    const QRegularExpressionMatch pm = pageRe.match(out);
    if (!pm.hasMatch())
        return r;
    r.width = pm.captured(1).toDouble();
    r.height = pm.captured(2).toDouble();
    const QRegularExpression wordRe(QStringLiteral(
        "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>"));
    for (auto it = wordRe.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        r.words.push_back({unescapeXml(m.captured(5)), QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                                                              QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()))});
    }
    r.ok = true;
    return r;
}
