#pragma once
// References from poppler-utils' pdftotext (a separate program): one page's words with their boxes
// (`-bbox`: <word xMin= yMin= xMax= yMax=>, in points, origin top left) and one page's plain text.
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

// The plain text `pdftotext` gives for one page (1-based).
inline QString pdftotextPage(const QString &pdf, int page)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), pdf,
                                          QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The first of pages 1..pages whose text (whitespace simplified) holds `phrase`; 0 when none does.
inline int pdftotextPageWith(const QString &pdf, const QString &phrase, int pages)
{
    for (int p = 1; p <= pages; ++p)
        if (pdftotextPage(pdf, p).simplified().contains(phrase))
            return p;
    return 0;
}
