#pragma once
// The long report for the tests in tests/long_report: generated at test time by
// generate_long_report.py (python3 + pdftoppm) into a folder, and its reference (the generator's
// expected JSON: page count, scanned pages, each fact's page and question). Header-only.
#include "tests/common/process_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QVector>

#include <algorithm>

namespace leopard::test {

struct LongReportFact {
    QString id, text, phrase, question;
    int page = 0; // 1-based
    bool scanned = false;
};

struct LongReport {
    QString pdf;
    int pages = 0;
    QList<int> scannedPages; // 1-based
    QVector<LongReportFact> facts;
    QString error; // why it could not be made ("" when it was)
};

// What is missing to make the report ("" when python3 and pdftoppm are there).
inline QString longReportToolsMissing()
{
    for (const char *tool : {"python3", "pdftoppm"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return QStringLiteral("%1 is not installed (python3, poppler-utils)").arg(QString::fromLatin1(tool));
    return {};
}

// Runs the generator into `folder` and reads its reference.
inline LongReport makeLongReport(const QString &folder)
{
    LongReport r;
    const ProcessRun run = runProcess(QStandardPaths::findExecutable(QStringLiteral("python3")),
                                      {QStringLiteral(LEOPARD_SOURCE_DIR "/tests/long_report/generate_long_report.py"),
                                       QStringLiteral("--out"), folder}, {}, 120000);
    if (run.exitCode != 0) {
        r.error = QStringLiteral("generate_long_report.py failed (%1): %2").arg(run.exitCode).arg(QString::fromUtf8(run.err));
        return r;
    }
    QFile f(folder + QStringLiteral("/long-report.expected.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("no long-report.expected.json");
        return r;
    }
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    r.pdf = folder + QLatin1Char('/') + o[QStringLiteral("file")].toString();
    r.pages = o[QStringLiteral("pages")].toInt();
    for (const QJsonValue &v : o[QStringLiteral("scannedPages")].toArray())
        r.scannedPages << v.toInt();
    for (const QJsonValue &v : o[QStringLiteral("facts")].toArray()) {
        const QJsonObject fo = v.toObject();
        r.facts.push_back({fo[QStringLiteral("id")].toString(), fo[QStringLiteral("text")].toString(),
                           fo[QStringLiteral("phrase")].toString(), fo[QStringLiteral("question")].toString(),
                           fo[QStringLiteral("page")].toInt(), fo[QStringLiteral("scanned")].toBool()});
    }
    return r;
}

// Every page's text as `pdftotext` gives it (one run; pages split at its form feeds), whitespace simplified.
inline QStringList pdftotextPages(const QString &pdf, int pages)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {};
    QStringList out = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\f'));
    while (out.size() > pages)
        out.removeLast(); // after the last page's form feed
    for (QString &s : out)
        s = s.simplified();
    return out;
}

// "11 of 12": how many of `hits` are true.
inline int countTrue(const QVector<bool> &hits) { return int(std::count(hits.begin(), hits.end(), true)); }

} // namespace leopard::test
