#include "index/evidence.h"

#include "index/evidence_text.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace leopard::index {

using evidence::Item;
using evidence::Text;

namespace {

// The thresholds (evidence.h says what they mean). Chosen on the generated long report and the
// sample report (tests/evidence), always on the side of boxing nothing: a phrase of 3 words alone is
// common in a report ("in the fourth quarter" is not evidence of anything), so it needs one more of
// the answer's words near it. A number with a unit still needs two of its sentence's words in the
// page sentence around it, because the same "4.5 percent" printed about something else is exactly
// the wrong sentence to box; and one word is not enough: the report's place names are on many pages
// ("Duisburg" near a "4.5 percent" about property yields). With just two, one of them must be next to
// the number on both sides alike: "Duisburg ... logistics" two sentences away said nothing.
constexpr int kWindow = 12;          // content words either side of a place where the sentence's other words count
constexpr int kPhraseWords = 3;      // words in a row (not generic, not stop words) for a phrase
constexpr double kPhraseMin = 4, kQuoteMin = 3, kNumberMin = 4;
constexpr int kNumberSupport = 2;   // a number: the sentence's words near it (another number counts 2)
constexpr int kClose = 2;           // ... and one of the 2 words either side of it on the same side on the page, or more near
constexpr double kMarginShare = 0.15; // the best place beats the next by max(1, 15 % of its score)

struct Page {
    const EvidencePage *source = nullptr;
    Text text;
};

// A place on a page where a part of the answer is found.
struct Place {
    EvidenceSpan::Kind kind = EvidenceSpan::Kind::Phrase;
    int page = 0;           // into the pages
    int p0 = 0, p1 = 0;     // the page's items [p0, p1]
    int start = 0, end = 0; // the answer's UTF-16 range
    int sentence = 0;
    double score = 0;
    bool ok = false;        // meets its kind's minimum
};

bool overlaps(int s0, int e0, int s1, int e1) { return s0 < e1 && s1 < e0; }

bool samePlace(const Place &a, const Place &b) { return a.page == b.page && a.p0 <= b.p1 && b.p0 <= a.p1; }

// How many of the answer sentence's other words (content, not generic, 3 letters or more) and
// numbers (twice) are within kWindow content items of page items [p0, p1]; each counted once. Items
// [a0, a1] of the answer (the span itself) are not counted.
int context(const Text &ans, int sentence, int a0, int a1, const Text &pg, int p0, int p1)
{
    QVector<const Item *> wanted;
    QSet<QString> seen;
    for (const int ci : ans.content) {
        const Item &it = ans.items[ci];
        if (it.sentence != sentence || (ci >= a0 && ci <= a1))
            continue;
        if (it.type == Item::Word && (it.generic || it.text.size() < 3))
            continue;
        const QString key = (it.type == Item::Word ? QStringLiteral("w") : QStringLiteral("q")) + it.text;
        if (!seen.contains(key)) {
            seen.insert(key);
            wanted << &it;
        }
    }
    const int c0 = pg.contentAt[p0];
    const int c1 = p1 + 1 < pg.items.size() ? pg.contentAt[p1 + 1] : int(pg.content.size());
    const int from = std::max(0, c0 - kWindow), to = std::min(int(pg.content.size()), c1 + kWindow);
    // Only in the page sentences the place is in: the next sentence is about something else.
    const int s0 = pg.items[p0].sentence, s1 = pg.items[p1].sentence;
    int found = 0;
    for (const Item *w : wanted) {
        bool hit = false;
        for (int c = from; c < to && !hit; ++c) {
            const Item &it = pg.items[pg.content[c]];
            hit = (c < c0 || c >= c1) && it.sentence >= s0 && it.sentence <= s1 && evidence::itemsMatch(*w, it);
        }
        found += hit ? (w->type == Item::Quantity ? 2 : 1) : 0; // another number of the sentence next to it: rarer than a word
    }
    return found;
}

// Streams: item indexes of a text (its content items, or all of a quote's items).
struct Stream {
    const Text *text;
    QVector<int> at;
    const Item &operator[](int i) const { return text->items[at[i]]; }
    int size() const { return int(at.size()); }
};

// One step of a run: how many items each side takes (0, 0 when they do not match): one each, or a
// hyphen-joined pair against one word ("trans-pacific" / "transpacific").
std::pair<int, int> step(const Stream &a, int i, int iEnd, const Stream &p, int j)
{
    const Item &x = a[i], &y = p[j];
    if (evidence::itemsMatch(x, y))
        return {1, 1};
    if (x.type == Item::Word && y.type == Item::Word) {
        if (!y.joined.isEmpty() && j + 1 < p.size() && evidence::sameWord(x.text, y.joined))
            return {1, 2};
        if (!x.joined.isEmpty() && i + 1 < iEnd && evidence::sameWord(x.joined, y.text))
            return {2, 1};
    }
    return {0, 0};
}

struct Run { int i0, i1, j0, j1; }; // stream positions [i0, i1) of the answer, [j0, j1) of the page

// Every maximal run of matching items between answer stream positions [from, to) and the page stream.
QVector<Run> runs(const Stream &a, int from, int to, const Stream &p)
{
    QHash<qint64, Run> byEnd; // runs from later seeds on the same path end where the first one does
    for (int i = from; i < to; ++i)
        for (int j = 0; j < p.size(); ++j) {
            if (i > from && j > 0 && step(a, i - 1, to, p, j - 1) == std::pair<int, int>(1, 1))
                continue; // inside a run that starts earlier
            int ii = i, jj = j;
            while (ii < to && jj < p.size()) {
                const auto [di, dj] = step(a, ii, to, p, jj);
                if (!di)
                    break;
                ii += di;
                jj += dj;
            }
            if (ii == i)
                continue;
            const qint64 key = qint64(ii) << 32 | jj;
            if (!byEnd.contains(key) || byEnd[key].i0 > i)
                byEnd.insert(key, {i, ii, j, jj});
        }
    QVector<Run> out = byEnd.values().toVector();
    std::sort(out.begin(), out.end(), [](const Run &x, const Run &y) { return std::tie(x.i0, x.j0) < std::tie(y.i0, y.j0); });
    return out; // in a fixed order: QHash's is not
}

// A run's own weight: its words (generic ones half), its numbers twice (once when only weakly the same).
double runWeight(const Stream &a, const Run &r, const Stream &p, int *words)
{
    double w = 0;
    *words = 0;
    for (int i = r.i0; i < r.i1; ++i) {
        const Item &x = a[i];
        if (x.stop)
            continue;
        if (x.type == Item::Quantity) {
            int level = -1;
            for (int j = r.j0; j < r.j1 && level < 0; ++j)
                if (p[j].type == Item::Quantity)
                    level = std::max(level, evidence::quantityMatch(x, p[j]));
            w += level >= 1 ? 2 : 1;
        } else if (x.generic) {
            w += 0.5;
        } else {
            w += 1;
            ++*words;
        }
    }
    return w;
}

Stream contentStream(const Text &t) { return {&t, t.content}; }

// Phrases and quotes: their places on every page.
QVector<Place> textPlaces(const Text &ans, const QVector<Page> &pages)
{
    QVector<Place> out;
    const Stream a = contentStream(ans);
    auto add = [&](EvidenceSpan::Kind kind, const Stream &as, const Run &r, int pageIndex, const Stream &ps, bool full) {
        int words = 0;
        const double weight = runWeight(as, r, ps, &words);
        if (kind == EvidenceSpan::Kind::Phrase && words < kPhraseWords)
            return;
        if (kind == EvidenceSpan::Kind::Quote && (!full || weight < 1))
            return;
        Place pl;
        pl.kind = kind;
        pl.page = pageIndex;
        pl.p0 = ps.at[r.j0];
        pl.p1 = ps.at[r.j1 - 1];
        const Item &first = as[r.i0], &last = as[r.i1 - 1];
        pl.start = first.first;
        pl.end = last.last;
        pl.sentence = first.sentence;
        pl.score = weight + context(ans, pl.sentence, as.at[r.i0], as.at[r.i1 - 1], pages[pageIndex].text, pl.p0, pl.p1);
        pl.ok = pl.score >= (kind == EvidenceSpan::Kind::Quote ? kQuoteMin : kPhraseMin);
        // A run that stops at a number on both sides, and a different one, or at two different
        // names: the same sentence pattern about something else ("trains between Gdansk and Basel
        // ran with a punctuality of 83 percent" against "... of 91 percent"; "the road trip from
        // Gdansk to Mannheim" against "... to Lyon"). Not evidence, but still a rival place.
        auto contradicted = [&](int i, int j) {
            if (i < 0 || i >= as.size() || j < 0 || j >= ps.size() || as[i].sentence != first.sentence)
                return false;
            const Item &x = as[i], &y = ps[j];
            if (x.type == Item::Quantity && y.type == Item::Quantity)
                return evidence::quantityMatch(x, y) < 0;
            return x.type == Item::Word && y.type == Item::Word && x.name && y.name && !evidence::sameWord(x.text, y.text);
        };
        if (contradicted(r.i0 - 1, r.j0 - 1) || contradicted(r.i1, r.j1))
            pl.ok = false;
        out << pl;
    };
    for (int pi = 0; pi < pages.size(); ++pi) {
        const Text &pt = pages[pi].text;
        const Stream p = contentStream(pt);
        // Quotes first: of a phrase and a quote equally good at one place, the quote is what the answer cites.
        // Every word of the quote, stop words too, in a row.
        Stream all{&pt, {}};
        for (int i = 0; i < pt.items.size(); ++i)
            all.at << i;
        for (int q = 0; q < ans.quotes.size(); ++q) {
            Stream qs{&ans, {}};
            for (int i = 0; i < ans.items.size(); ++i)
                if (ans.items[i].quote == q)
                    qs.at << i;
            if (qs.size() < 2)
                continue;
            for (const Run &r : runs(qs, 0, qs.size(), all))
                add(EvidenceSpan::Kind::Quote, qs, r, pi, all, r.i0 == 0 && r.i1 == qs.size());
        }
        // Phrases: within each sentence of the answer.
        for (int from = 0; from < a.size();) {
            int to = from;
            while (to < a.size() && a[to].sentence == a[from].sentence)
                ++to;
            for (const Run &r : runs(a, from, to, p))
                add(EvidenceSpan::Kind::Phrase, a, r, pi, p, false);
            from = to;
        }
    }
    return out;
}

// The confident places among `places` (all of one kind of search): best first, each must beat every
// other place for an overlapping part of the answer by the margin; a part that is ambiguous is
// blocked for the places after it.
QVector<Place> choose(QVector<Place> places, QVector<std::pair<int, int>> *blocked, double share = kMarginShare)
{
    std::stable_sort(places.begin(), places.end(), [](const Place &x, const Place &y) { return x.score > y.score; });
    QVector<Place> chosen;
    for (const Place &x : places) {
        if (!x.ok)
            continue;
        bool free = true;
        for (const auto &[s, e] : *blocked)
            free = free && !overlaps(x.start, x.end, s, e);
        if (!free)
            continue;
        double second = 0;
        for (const Place &y : places)
            if (&y != &x && overlaps(x.start, x.end, y.start, y.end) && !samePlace(x, y))
                second = std::max(second, y.score);
        if (x.score - second >= std::max(1.0, share * x.score))
            chosen << x;
        blocked->push_back({x.start, x.end});
    }
    return chosen;
}

// The kClose nearest content items before and after content position `at` of `t`, in its sentence.
std::pair<QVector<const Item *>, QVector<const Item *>> closeItems(const Text &t, int at)
{
    std::pair<QVector<const Item *>, QVector<const Item *>> out;
    const int sentence = t.items[t.content[at]].sentence;
    for (int d : {-1, 1}) {
        QVector<const Item *> &side = d < 0 ? out.first : out.second;
        for (int c = at + d; c >= 0 && c < t.content.size() && side.size() < kClose; c += d) {
            const Item &it = t.items[t.content[c]];
            if (it.sentence != sentence)
                break;
            side << &it;
        }
    }
    return out;
}

bool anyMatch(const QVector<const Item *> &a, const QVector<const Item *> &b)
{
    for (const Item *x : a)
        for (const Item *y : b)
            if (evidence::itemsMatch(*x, *y))
                return true;
    return false;
}

// Numbers: each of the answer's quantities not inside a chosen phrase, its places on every page.
QVector<Place> numberPlaces(const Text &ans, const QVector<Page> &pages, const QVector<Place> &chosenText,
                            const QVector<std::pair<int, int>> &blocked)
{
    QVector<Place> chosen;
    for (int qi = 0; qi < ans.items.size(); ++qi) {
        const Item &q = ans.items[qi];
        if (q.type != Item::Quantity)
            continue;
        bool free = true;
        for (const auto &[s, e] : blocked)
            free = free && !overlaps(q.first, q.last, s, e);
        if (!free)
            continue;
        const int ca = ans.contentAt[qi];
        auto answerNeighbour = [&](int d) -> const Item * {
            const int c = ca + d;
            if (c < 0 || c >= ans.content.size())
                return nullptr;
            const Item &it = ans.items[ans.content[c]];
            return it.sentence == q.sentence && it.type == Item::Word ? &it : nullptr;
        };
        const Item *left = answerNeighbour(-1), *right = answerNeighbour(1);
        const auto [answerBefore, answerAfter] = closeItems(ans, ca);
        QVector<Place> places;
        for (int pi = 0; pi < pages.size(); ++pi) {
            const Text &pt = pages[pi].text;
            for (int k = 0; k < pt.items.size(); ++k) {
                const Item &p = pt.items[k];
                const int level = p.type == Item::Quantity ? evidence::quantityMatch(q, p) : -1;
                if (level < 0)
                    continue;
                const int cp = pt.contentAt[k];
                auto pageNeighbour = [&](int d) -> const Item * {
                    const int c = cp + d;
                    return c >= 0 && c < pt.content.size() ? &pt.items[pt.content[c]] : nullptr;
                };
                const Item *pl = pageNeighbour(-1), *pr = pageNeighbour(1);
                const bool leftSame = left && pl && evidence::itemsMatch(*left, *pl);
                const bool rightSame = right && pr && evidence::itemsMatch(*right, *pr);
                const bool adjacent = leftSame || rightSame;
                // A bare count is about the word after it ("3 berths" is not "3 cranes"); at a
                // sentence's end ("since 2019.") about the word before it.
                const bool sameNoun = right ? rightSame : leftSame;
                const int near = context(ans, q.sentence, qi, qi, pt, k, k);
                const auto [pageBefore, pageAfter] = closeItems(pt, cp);
                const bool close = anyMatch(answerBefore, pageBefore) || anyMatch(answerAfter, pageAfter);
                bool anchored = false; // a phrase of the same sentence chosen next to it
                for (const Place &t : chosenText)
                    anchored = anchored || (t.page == pi && t.sentence == q.sentence && cp >= pt.contentAt[t.p0] - kWindow
                                            && cp <= pt.contentAt[t.p1] + kWindow);
                const bool withUnit = level >= 1 && !q.unit.isEmpty();
                const bool bare = !withUnit && !q.distinctive;
                Place place;
                place.kind = EvidenceSpan::Kind::Number;
                place.page = pi;
                place.p0 = place.p1 = k;
                place.start = q.first;
                place.end = q.last;
                place.sentence = q.sentence;
                place.score = 1 + (q.distinctive ? 1 : 0) + (level == 2 ? 2 : level) + (adjacent ? 1 : 0) + near + (anchored ? 1 : 0);
                const int support = near + (anchored ? 1 : 0);
                place.ok = place.score >= kNumberMin && support >= kNumberSupport && (close || anchored || support > kNumberSupport)
                           && (!bare || sameNoun);
                places << place;
            }
        }
        QVector<std::pair<int, int>> none;
        // The places of one number differ only in what is around them: one more of the answer's
        // words next to one of them tells them apart, whatever the score.
        chosen += choose(places, &none, 0);
    }
    return chosen;
}

Evidence evidenceAt(const Place &pl, const QString &answer, const QVector<Page> &pages)
{
    Evidence e;
    e.span.kind = pl.kind;
    e.span.start = pl.start;
    e.span.length = pl.end - pl.start;
    e.span.text = answer.mid(pl.start, pl.end - pl.start);
    const EvidencePage &src = *pages[pl.page].source;
    e.sha = src.sha;
    e.file = src.file;
    e.page = src.page.page;
    const Text &t = pages[pl.page].text;
    e.firstWord = t.items[pl.p0].first;
    const int last = t.items[pl.p1].last;
    e.wordCount = last - e.firstWord + 1;
    e.score = pl.score;
    QStringList words;
    for (int i = e.firstWord; i <= last; ++i) {
        const IndexedWord &w = src.page.words[i];
        words << w.text;
        // One box per line: a phrase's words side by side are one marker.
        if (!e.boxes.isEmpty() && evidence::sameLine(e.boxes.last(), w.box))
            e.boxes.last() = e.boxes.last().united(w.box);
        else
            e.boxes << w.box;
    }
    e.text = words.join(QLatin1Char(' '));
    return e;
}

} // namespace

QString evidenceKindName(EvidenceSpan::Kind kind)
{
    switch (kind) {
    case EvidenceSpan::Kind::Number: return QStringLiteral("number");
    case EvidenceSpan::Kind::Quote: return QStringLiteral("quote");
    case EvidenceSpan::Kind::Phrase: break;
    }
    return QStringLiteral("phrase");
}

QVector<EvidenceSpan> evidenceSpans(const QString &answer)
{
    const Text t = evidence::readAnswer(answer, false, evidence::answerLanguages(answer));
    QVector<EvidenceSpan> spans;
    auto add = [&](EvidenceSpan::Kind kind, int start, int end) {
        spans.push_back({kind, start, end - start, answer.mid(start, end - start)});
    };
    for (const Item &it : t.items)
        if (it.type == Item::Quantity)
            add(EvidenceSpan::Kind::Number, it.first, it.last);
    for (int q = 0; q < t.quotes.size(); ++q) {
        int n = 0, content = 0;
        for (const Item &it : t.items)
            if (it.quote == q)
                ++n, content += it.stop ? 0 : 1;
        if (n >= 2 && content >= 1)
            add(EvidenceSpan::Kind::Quote, t.quotes[q].start, t.quotes[q].end);
    }
    // Phrases: each sentence's content words outside quotes, when there are enough to make one.
    for (int from = 0; from < t.content.size();) {
        const Item &head = t.items[t.content[from]];
        int to = from, words = 0;
        while (to < t.content.size() && t.items[t.content[to]].sentence == head.sentence
               && (t.items[t.content[to]].quote < 0) == (head.quote < 0)) {
            const Item &it = t.items[t.content[to]];
            words += it.type == Item::Word && !it.generic ? 1 : 0;
            ++to;
        }
        if (head.quote < 0 && words >= kPhraseWords)
            add(EvidenceSpan::Kind::Phrase, head.first, t.items[t.content[to - 1]].last);
        from = to;
    }
    std::stable_sort(spans.begin(), spans.end(), [](const EvidenceSpan &a, const EvidenceSpan &b) { return a.start < b.start; });
    return spans;
}

QVector<Evidence> locateEvidence(const QString &answer, const QVector<EvidencePage> &pages, bool streaming)
{
    const QStringList languages = evidence::answerLanguages(answer);
    const Text ans = evidence::readAnswer(answer, !streaming, languages);
    QVector<Page> read;
    for (const EvidencePage &p : pages)
        if (!p.page.words.isEmpty())
            read.push_back({&p, evidence::readPage(p.page, languages)});
    QVector<std::pair<int, int>> blocked;
    // While the answer streams, only numbers: a phrase is still being written.
    const QVector<Place> text = streaming ? QVector<Place>{} : choose(textPlaces(ans, read), &blocked);
    QVector<std::pair<int, int>> covered;
    for (const Place &t : text)
        covered.push_back({t.start, t.end});
    QVector<Place> chosen = text + numberPlaces(ans, read, text, covered);
    std::stable_sort(chosen.begin(), chosen.end(), [](const Place &a, const Place &b) { return a.start < b.start; });
    QVector<Evidence> out;
    for (const Place &pl : chosen)
        out << evidenceAt(pl, answer, read);
    return out;
}

QString normalisedQuantity(const QString &text)
{
    const Text t = evidence::readAnswer(text, true, {QStringLiteral("en")});
    for (const Item &it : t.items)
        if (it.type == Item::Quantity) {
            const QString n = QString::number(it.value * it.scale, 'g', 15);
            return it.unit.isEmpty() ? n : n + QLatin1Char(' ') + it.unit;
        }
    return {};
}

} // namespace leopard::index
