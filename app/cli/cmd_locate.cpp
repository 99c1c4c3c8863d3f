// leopard-cli locate [--json] [--index FILE] [--pages SPEC] FILE... -- ANSWER_TEXT
// Where an answer comes from: its numbers, quoted strings and phrases looked for in the words of the
// documents' pages (index/evidence.h), each found one with its page and boxes. The words come from
// the page index (the app's, in the cache, or --index FILE); a document not indexed yet is indexed
// first (scans by OCR), as `search` does. --pages SPEC (1-based pages and ranges, "all") applies to
// the FILEs after it. Progress goes to stderr, the evidence to stdout; --json prints
// {answer, index, pages, evidence: [{span, kind, start, length, file, page, boxes, text, score}],
//  unmatched: [{span, kind, start, length}]} (cli_evidence.h).
#include "app/cli/cli_evidence.h"
#include "app/cli/cli_index.h"
#include "app/cli/commands.h"
#include "app/cli/page_spec.h"

#include "index/evidence.h"

#include <QFileInfo>

#include <cstdio>

namespace leopard::cli {

namespace {

int usageError(const QString &why)
{
    std::fprintf(stderr, "leopard-cli locate: %s\nusage: leopard-cli locate [--json] [--index FILE] [--pages SPEC] FILE... -- ANSWER_TEXT\n",
                 qPrintable(why));
    return Usage;
}

struct LocateFile {
    QString path;
    PageSpec pages;
};

} // namespace

int runLocate(const QStringList &args)
{
    QVector<LocateFile> files;
    QString indexPath = index::PageIndex::defaultPath(), answer;
    bool json = false, sawAnswer = false;
    PageSpec pages; // all, until a --pages says otherwise
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--")) {
            answer = args.mid(i + 1).join(QLatin1Char(' ')); // as given: the spans' offsets are into it
            sawAnswer = true;
            break;
        }
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--index") && i + 1 < args.size()) {
            indexPath = args[++i];
        } else if (a == QLatin1String("--pages") && i + 1 < args.size()) {
            QString why;
            if (!parsePageSpec(args[++i], &pages, &why))
                return usageError(QStringLiteral("--pages %1: %2").arg(args[i], why));
            if (pages.autoPick) // the pages an answer came from are the ones it was asked about
                return usageError(QStringLiteral("--pages auto is for ask; give the pages the answer was about"));
        } else if (a.startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("unknown option %1").arg(a));
        } else {
            files.push_back({QFileInfo(a).absoluteFilePath(), pages});
        }
    }
    if (files.isEmpty())
        return usageError(QStringLiteral("no FILE given"));
    if (!sawAnswer || answer.trimmed().isEmpty())
        return usageError(QStringLiteral("no ANSWER_TEXT after --"));

    const std::unique_ptr<index::PageIndex> idx = openIndex(indexPath);
    QVector<index::EvidencePage> searched;
    for (const LocateFile &f : files) {
        const QString sha = ensureIndexed(*idx, f.path);
        if (sha.isEmpty())
            return BadInput;
        std::vector<int> selected;
        QString why;
        if (!selectPages(f.pages, idx->pageCount(sha), QFileInfo(f.path).fileName(), &selected, &why)) {
            std::fprintf(stderr, "leopard-cli locate: %s\n", qPrintable(why));
            return BadInput;
        }
        for (const int p : selected)
            searched.push_back({sha, f.path, idx->page(sha, p)});
    }
    const QVector<index::Evidence> evidence = index::locateEvidence(answer, searched);
    // The spans found nowhere. The answer is complete: a newline after it ends its last word
    // (evidenceSpans leaves out what touches the end of a text that may still grow).
    QVector<index::EvidenceSpan> unmatched;
    for (const index::EvidenceSpan &s : index::evidenceSpans(answer + QLatin1Char('\n'))) {
        bool found = false;
        for (const index::Evidence &e : evidence)
            found = found || (s.start < e.span.start + e.span.length && e.span.start < s.start + s.length);
        if (!found)
            unmatched << s;
    }
    if (json) {
        nlohmann::json missing = nlohmann::json::array();
        for (const index::EvidenceSpan &s : unmatched)
            missing.push_back({{"span", s.text.toStdString()}, {"kind", index::evidenceKindName(s.kind).toStdString()},
                               {"start", s.start}, {"length", s.length}});
        const nlohmann::json out{{"answer", answer.toStdString()}, {"index", idx->path().toStdString()},
                                 {"pages", searched.size()}, {"evidence", evidenceJson(evidence)}, {"unmatched", missing}};
        std::printf("%s\n", out.dump(1).c_str());
        return Ok;
    }
    if (evidence.isEmpty())
        std::printf("No part of the answer was found on the %d pages searched.\n", int(searched.size()));
    for (const index::Evidence &e : evidence)
        std::printf("\"%s\" (%s) -> %s p. %d: %s\n", qPrintable(e.span.text), qPrintable(index::evidenceKindName(e.span.kind)),
                    qPrintable(QFileInfo(e.file).fileName()), e.page + 1, qPrintable(e.text));
    for (const index::EvidenceSpan &s : unmatched)
        std::printf("not found: \"%s\" (%s)\n", qPrintable(s.text), qPrintable(index::evidenceKindName(s.kind)));
    return Ok;
}

} // namespace leopard::cli
