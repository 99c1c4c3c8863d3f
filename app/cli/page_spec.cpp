#include "app/cli/page_spec.h"

#include <QSet>
#include <QStringList>

namespace leopard::cli {

namespace {

// A page number: digits only (no sign, no spaces inside), at least 1.
bool pageNumber(const QString &text, int *value)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    for (const QChar c : t)
        if (!c.isDigit() || c.unicode() > 127)
            return false;
    bool ok = false;
    *value = t.toInt(&ok);
    return ok;
}

} // namespace

bool parsePageSpec(const QString &text, PageSpec *spec, QString *error)
{
    *spec = PageSpec{};
    spec->text = text;
    if (text.trimmed().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0)
        return true;
    if (text.trimmed().compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0) {
        spec->all = false;
        spec->autoPick = true;
        return true;
    }
    spec->all = false;
    QSet<int> seen;
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        const QStringList ends = item.split(QLatin1Char('-'));
        int first = 0, last = 0;
        if (ends.size() == 1 && pageNumber(ends[0], &first)) {
            last = first;
        } else if (ends.size() == 2 && pageNumber(ends[0], &first) && pageNumber(ends[1], &last)) {
            if (last < first) {
                *error = QStringLiteral("the range %1 goes backwards (write %2-%3)").arg(item.trimmed()).arg(last).arg(first);
                return false;
            }
        } else {
            *error = item.trimmed().isEmpty()
                ? QStringLiteral("it has an empty item; write pages like 1-3,5")
                : QStringLiteral("'%1' is not a page number or a range like 2-4").arg(item.trimmed());
            return false;
        }
        if (first < 1) {
            *error = QStringLiteral("page 0 does not exist: pages are numbered from 1");
            return false;
        }
        for (int p = first; p <= last; ++p) {
            if (seen.contains(p)) {
                *error = QStringLiteral("page %1 is listed twice").arg(p);
                return false;
            }
            seen.insert(p);
            spec->pages.push_back(p);
            if (spec->pages.size() > 100000) { // "1-2000000000" must not eat memory before the range check
                *error = QStringLiteral("it lists far more pages than any question can take");
                return false;
            }
        }
    }
    return true;
}

bool selectPages(const PageSpec &spec, int pageCount, const QString &fileName, std::vector<int> *pages, QString *error)
{
    pages->clear();
    if (spec.all) {
        for (int p = 0; p < pageCount; ++p)
            pages->push_back(p);
        return true;
    }
    for (const int p : spec.pages) {
        if (p > pageCount) {
            *error = QStringLiteral("%1 has %2 %3, so page %4 (from --pages %5) does not exist")
                         .arg(fileName).arg(pageCount)
                         .arg(pageCount == 1 ? QStringLiteral("page") : QStringLiteral("pages"))
                         .arg(p).arg(spec.text);
            return false;
        }
        pages->push_back(p - 1);
    }
    return true;
}

} // namespace leopard::cli
