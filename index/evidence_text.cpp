#include "index/evidence_text.h"

#include "index/search_query.h"
#include "index/text_fold.h"

#include <QHash>
#include <QSet>

#include <cmath>
#include <tuple>

namespace leopard::index::evidence {

namespace {

// A run of characters as the tokenizer cuts a string: letters (with digits inside: "co2"), a number
// (digits with separators: "1,871.5"), or a sign that belongs to a number (% $ € £ ¥).
struct Raw {
    enum Type { Word, Number, Symbol };
    Type type = Word;
    QString text;
    int start = 0, end = 0;  // in the string cut
    bool attached = false;   // no space before it ("2.1bn", "46kTEU", "18.3%")
    bool capital = false;    // a word written with a capital first letter
    bool hyphenNext = false; // directly followed by "-" and a letter: a compound ("trans-pacific")
    bool dashNext = false;   // followed by a dash: a range ("71-52", "71 – 52")
};

bool isHyphen(QChar c) { return c == QLatin1Char('-') || c == QChar(0x2010) || c == QChar(0x2011); }
bool isDash(QChar c) { return isHyphen(c) || c == QChar(0x2013) || c == QChar(0x2014); }
bool isCurrencySign(QChar c) { return c == QLatin1Char('$') || c == QChar(0x20AC) || c == QChar(0x00A3) || c == QChar(0x00A5); }
bool isGroupSpace(QChar c) { return c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009); }
int digitsAt(const QString &s, int i)
{
    int n = 0;
    while (i + n < s.size() && s[i + n].isDigit())
        ++n;
    return n;
}

// Where a number that started at `begin` goes on at `at` (a separator followed by digits), or -1.
// A space (plain, no-break or thin) separates thousands only between a first group of 1-3 digits and
// groups of exactly 3 ("1 871"), and not before a hyphen ("3 100-metre berths" are 3 berths).
int numberGoesOn(const QString &s, int begin, int at)
{
    const QChar c = s[at];
    if ((c == QLatin1Char(',') || c == QLatin1Char('.') || c == QLatin1Char('\'') || c == QChar(0x2019)) && at + 1 < s.size()
        && s[at + 1].isDigit())
        return at + 1;
    if (c == QLatin1Char(' ') || isGroupSpace(c)) {
        const int group = digitsAt(s, at + 1);
        bool spacedSoFar = true; // the number so far: 1-3 digits, then groups of 3 after spaces
        for (int i = begin; i < at; ++i)
            spacedSoFar = spacedSoFar && (s[i].isDigit() || s[i] == c);
        const int lead = digitsAt(s, begin);
        const int after = at + 1 + group;
        if (group == 3 && spacedSoFar && lead >= 1 && lead <= 3 && (after >= s.size() || !isDash(s[after]))
            && (after >= s.size() || !(s[after] == QLatin1Char(',') || s[after] == QLatin1Char('.')) || after + 1 >= s.size()
                || !s[after + 1].isDigit()))
            return at + 1;
    }
    return -1;
}

QVector<Raw> tokenize(const QString &s)
{
    QVector<Raw> out;
    int i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        const bool attached = i > 0 && !out.isEmpty() && out.last().end == i;
        if (c.isDigit()) {
            int j = i + digitsAt(s, i);
            for (int next; j < s.size() && (next = numberGoesOn(s, i, j)) >= 0;)
                j = next + digitsAt(s, next);
            out.push_back({Raw::Number, s.mid(i, j - i), i, j, attached});
            i = j;
        } else if (c.isLetterOrNumber()) {
            int j = i;
            while (j < s.size() && s[j].isLetterOrNumber()) {
                // OCR drops a space before a number ("against3.6 days"): three letters or more and
                // then a number that ends the token read as the word and the number. ("Q3", "CO2"
                // and "A380" stay words; so does "SO400M", whose digits do not end it.)
                if (s[j].isDigit() && j - i >= 3) {
                    int k = j + digitsAt(s, j);
                    for (int next; k < s.size() && (next = numberGoesOn(s, j, k)) >= 0;)
                        k = next + digitsAt(s, next);
                    if (k == s.size() || !s[k].isLetterOrNumber())
                        break;
                }
                ++j;
            }
            // "Antwerp's": the possessive s is no word of its own.
            const bool possessive = j - i == 1 && (c == QLatin1Char('s') || c == QLatin1Char('S')) && i > 0
                                    && (s[i - 1] == QLatin1Char('\'') || s[i - 1] == QChar(0x2019));
            if (!possessive) {
                out.push_back({Raw::Word, foldText(s.mid(i, j - i)), i, j, attached});
                out.last().capital = c.isUpper();
            }
            i = j;
        } else if (c == QLatin1Char('%') || isCurrencySign(c)) {
            out.push_back({Raw::Symbol, QString(c), i, i + 1, attached});
            ++i;
        } else {
            if (isDash(c) && !out.isEmpty()) {
                const bool compound = isHyphen(c) && out.last().end == i && i + 1 < s.size() && s[i + 1].isLetter();
                if (compound && out.last().type == Raw::Word)
                    out.last().hyphenNext = true;
                else if (out.last().type == Raw::Number)
                    out.last().dashNext = true;
            }
            ++i;
        }
    }
    return out;
}

// Units, currencies and scale words, folded, with their canonical unit and the factor they carry.
struct UnitDef { QString unit; double scale; };
const QHash<QString, UnitDef> &unitWords()
{
    static const QHash<QString, UnitDef> u = [] {
        QHash<QString, UnitDef> h;
        auto add = [&](const QString &unit, double scale, const QStringList &words) {
            for (const QString &w : words)
                h.insert(w, {unit, scale});
        };
        add("%", 1, {"percent", "pct", "prozent", "pourcent", "%"});
        add("pp", 1, {"pp", "ppt", "prozentpunkte"});
        add("teu", 1, {"teu", "teus"});
        add("teu", 1e3, {"kteu"});
        add("teu", 1e6, {"mteu"});
        add("feu", 1, {"feu", "feus"});
        add("day", 1, {"day", "days", "tage", "tagen", "jour", "jours"});
        add("hour", 1, {"hour", "hours", "hr", "hrs", "stunden", "heures"});
        add("minute", 1, {"minute", "minutes", "min", "mins", "minuten"});
        add("week", 1, {"week", "weeks", "wochen", "semaines"});
        add("month", 1, {"month", "months", "monate", "monaten", "mois"});
        add("year", 1, {"year", "years", "jahre", "jahren", "ans"});
        add("tonne", 1, {"tonne", "tonnes", "ton", "tons", "tonnen", "t"});
        add("tonne", 1e3, {"kt"});
        add("kg", 1, {"kg", "kilograms", "kilogrammes"});
        add("km", 1, {"km", "kilometres", "kilometers"});
        add("metre", 1, {"metre", "metres", "meter", "meters", "m"});
        add("usd", 1, {"usd", "$", "dollar", "dollars"});
        add("eur", 1, {"eur", "\u20AC", "euro", "euros"});
        add("gbp", 1, {"gbp", "\u00A3"});
        add("jpy", 1, {"jpy", "yen", "\u00A5"});
        add("cny", 1, {"cny", "rmb", "yuan"});
        add("chf", 1, {"chf"});
        return h;
    }();
    return u;
}

bool isCurrency(const QString &unit)
{
    return unit == QLatin1String("usd") || unit == QLatin1String("eur") || unit == QLatin1String("gbp") || unit == QLatin1String("jpy")
           || unit == QLatin1String("cny") || unit == QLatin1String("chf");
}

// Scale words. `attachedOnly` ones only count written onto the number ("2.1bn", "46k").
double scaleWord(const QString &w, bool attached, bool money)
{
    static const QHash<QString, double> words{{"thousand", 1e3}, {"thousands", 1e3}, {"tausend", 1e3}, {"mille", 1e3},
                                              {"million", 1e6}, {"millions", 1e6}, {"mn", 1e6}, {"mio", 1e6}, {"millionen", 1e6},
                                              {"billion", 1e9}, {"billions", 1e9}, {"bn", 1e9}, {"mrd", 1e9}, {"milliard", 1e9},
                                              {"milliards", 1e9}, {"milliarden", 1e9}, {"trillion", 1e12}, {"tn", 1e12}};
    if (const auto it = words.find(w); it != words.end())
        return it.value();
    if (w == QLatin1String("k") && attached)
        return 1e3;
    if (money && (w == QLatin1String("m") || w == QLatin1String("b"))) // "$2.1m", "EUR 3 b": not metres
        return w == QLatin1String("m") ? 1e6 : 1e9;
    return 0;
}

bool isGeneric(const QString &w)
{
    static const QSet<QString> g{"year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day", "days",
                                 "first", "second", "third", "fourth", "half", "last", "next", "previous", "average",
                                 "total", "against", "compared", "since", "also", "new", "now", "same", "around",
                                 "roughly", "nearly", "almost", "approximately", "per", "cent", "percent",
                                 // what every sentence with a number says: it went up or down
                                 "rose", "rise", "risen", "fell", "fall", "fallen", "grew", "grow", "growth", "increased",
                                 "increase", "decreased", "decrease", "declined", "decline", "reached", "stood", "up",
                                 "down", "higher", "lower", "less", "more", "was", "were", "had", "has"};
    return g.contains(w);
}

// "1,871" → 1871 (and 1.871 as the other reading); "1.871" → 1.871 (and 1871: German thousands);
// "2,5" → 2.5; "1.234.567" → 1234567; "1.234,5" → 1234.5; "1 871" → 1871. *decimal: a fraction is written.
void parseNumber(QString s, double *value, double *alt, bool *decimal)
{
    *alt = std::numeric_limits<double>::quiet_NaN();
    for (QChar space : {QChar(' '), QChar(0x00A0), QChar(0x202F), QChar(0x2009), QChar('\''), QChar(0x2019)})
        s.remove(space);
    const int commas = int(s.count(QLatin1Char(','))), dots = int(s.count(QLatin1Char('.')));
    auto groupsOf3 = [](const QStringList &g) {
        if (g.first().isEmpty() || g.first().size() > 3)
            return false;
        for (int i = 1; i < g.size(); ++i)
            if (g[i].size() != 3)
                return false;
        return true;
    };
    *decimal = false;
    if (commas && dots) {
        const QChar dec = s.lastIndexOf(QLatin1Char(',')) > s.lastIndexOf(QLatin1Char('.')) ? QLatin1Char(',') : QLatin1Char('.');
        const QChar thousands = dec == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(',');
        s.remove(thousands);
        s.replace(dec, QLatin1Char('.'));
        *decimal = true;
    } else if (commas || dots) {
        const QChar sep = commas ? QLatin1Char(',') : QLatin1Char('.');
        const QStringList groups = s.split(sep);
        const bool grouped = groupsOf3(groups);
        if (groups.size() > 2 || (grouped && sep == QLatin1Char(','))) { // thousands: "1,871", "1.234.567"
            if (groups.size() == 2) // "1,871" may be a German decimal
                *alt = QString(s).replace(sep, QLatin1Char('.')).toDouble();
            s.remove(sep);
        } else { // a decimal: "2.9", "2,5"; "1.871" may be German thousands
            if (grouped)
                *alt = QString(s).remove(sep).toDouble();
            s.replace(sep, QLatin1Char('.'));
            *decimal = true;
        }
    }
    *value = s.toDouble();
}

Item quantityFrom(const Raw &r)
{
    Item q;
    q.type = Item::Quantity;
    q.text = r.text;
    bool decimal = false;
    parseNumber(r.text, &q.value, &q.alt, &decimal);
    bool digitsOnly = true;
    for (const QChar c : r.text)
        digitsOnly = digitsOnly && c.isDigit();
    const bool year = digitsOnly && r.text.size() == 4 && q.value >= 1900 && q.value <= 2099;
    int digits = 0;
    for (const QChar c : r.text)
        digits += c.isDigit() ? 1 : 0;
    q.distinctive = (decimal && std::floor(q.value) != q.value) || (digits >= 3 && !year);
    q.dashNext = r.dashNext;
    return q;
}

// Raw tokens → items: a number takes the currency before it, the scale and unit after it; the
// other words become word items. `loc(start, end)` maps a raw token to the item's first/last.
template<typename Loc>
QVector<Item> buildItems(const QVector<Raw> &raws, const Loc &loc)
{
    QVector<Item> items;
    const QHash<QString, UnitDef> &units = unitWords();
    auto unitOf = [&](const Raw &r) { return r.type == Raw::Word || r.type == Raw::Symbol ? units.value(r.text) : UnitDef{}; };
    int taken = -1; // the last raw token a quantity took
    for (int k = 0; k < raws.size(); ++k) {
        const Raw &r = raws[k];
        if (r.type == Raw::Symbol)
            continue; // a sign with no number next to it says nothing
        if (r.type == Raw::Word) {
            Item w;
            w.text = r.text;
            if (r.hyphenNext && k + 1 < raws.size() && raws[k + 1].type == Raw::Word)
                w.joined = r.text + raws[k + 1].text;
            w.generic = isGeneric(r.text);
            w.name = r.capital;
            std::tie(w.first, w.last) = loc(r.start, r.end);
            items << w;
            continue;
        }
        Item q = quantityFrom(r);
        int from = k, to = k;
        // A currency before it ("$2,140", "USD 2,140"), taken back from the items (unless the
        // number before took it as its own unit: "2,140 dollars 2025").
        if (k > 0 && k - 1 > taken && isCurrency(unitOf(raws[k - 1]).unit)) {
            q.unit = unitOf(raws[k - 1]).unit;
            from = k - 1;
            if (raws[k - 1].type == Raw::Word && !items.isEmpty())
                items.removeLast();
        }
        int m = k + 1;
        static const QSet<QString> ordinals{"st", "nd", "rd", "th", "er", "e", "eme"};
        if (m < raws.size() && raws[m].attached && raws[m].type == Raw::Word && ordinals.contains(raws[m].text)) {
            q.distinctive = false; // "14th"
            to = m++;
        }
        if (m < raws.size() && raws[m].type == Raw::Word) {
            if (const double s = scaleWord(raws[m].text, raws[m].attached, isCurrency(q.unit)); s > 0) {
                q.scale = s;
                to = m++;
            }
        }
        if (m < raws.size() && raws[m].type != Raw::Number) {
            const Raw &u = raws[m];
            const bool perCent = m + 1 < raws.size() && (u.text == QLatin1String("per") || u.text == QLatin1String("pour"))
                                 && raws[m + 1].text == QLatin1String("cent");
            const bool points = m + 1 < raws.size() && u.text == QLatin1String("percentage")
                                && (raws[m + 1].text == QLatin1String("point") || raws[m + 1].text == QLatin1String("points"));
            const UnitDef def = unitOf(u);
            const bool single = (u.text != QLatin1String("t") && u.text != QLatin1String("m")) || u.attached;
            if (perCent || points) {
                q.unit = perCent ? QStringLiteral("%") : QStringLiteral("pp");
                to = m + 1;
            } else if (!def.unit.isEmpty() && single && (q.unit.isEmpty() || q.unit == def.unit)) {
                q.unit = def.unit;
                q.scale *= def.scale;
                to = m;
            }
        }
        q.dashNext = raws[to].dashNext || q.dashNext;
        q.first = loc(raws[from].start, raws[from].end).first;
        q.last = loc(raws[to].start, raws[to].end).second;
        items << q;
        k = taken = to;
    }
    // A range takes the unit of its second number: "from 71 to 52 minutes", "1,900 and 1,960 thousand TEU".
    static const QSet<QString> connectors{"to", "and", "or", "bis", "und", "a", "et"};
    for (int i = items.size() - 2; i >= 0; --i) {
        Item &q = items[i];
        if (q.type != Item::Quantity || !q.unit.isEmpty() || q.scale != 1)
            continue;
        const Item *next = nullptr;
        if (q.dashNext && items[i + 1].type == Item::Quantity)
            next = &items[i + 1];
        else if (i + 2 < items.size() && items[i + 1].type == Item::Word && connectors.contains(items[i + 1].text)
                 && items[i + 2].type == Item::Quantity)
            next = &items[i + 2];
        if (next) {
            q.unit = next->unit;
            q.scale = next->scale;
        }
    }
    return items;
}

void finish(Text *t, const QStringList &languages)
{
    for (int i = 0; i < t->items.size(); ++i) // a capital at a sentence's start says nothing
        if (i == 0 || t->items[i - 1].sentence != t->items[i].sentence)
            t->items[i].name = false;
    t->contentAt.resize(t->items.size());
    for (int i = 0; i < t->items.size(); ++i) {
        Item &it = t->items[i];
        if (it.type == Item::Word)
            it.stop = (it.text.size() == 1 && !isCjk(it.text[0])) || isStopWord(it.text, languages);
        t->contentAt[i] = int(t->content.size());
        if (!it.stop)
            t->content << i;
    }
}

// Quoted strings of an answer: “…”, "…", „…“, «…», ‘…’ (a ‘ only at a word's start: not an apostrophe).
QVector<Quote> findQuotes(const QString &s)
{
    QVector<Quote> out;
    static const QList<QPair<QChar, QChar>> pairs{{QChar(0x201C), QChar(0x201D)}, {QChar('"'), QChar('"')},
                                                  {QChar(0x201E), QChar(0x201C)}, {QChar(0x00AB), QChar(0x00BB)},
                                                  {QChar(0x2018), QChar(0x2019)}};
    for (int i = 0; i < s.size(); ++i) {
        for (const auto &[open, close] : pairs) {
            if (s[i] != open || (open == QChar(0x2018) && i > 0 && s[i - 1].isLetterOrNumber()))
                continue;
            int j = i + 1;
            while (j < s.size() && s[j] != close && s[j] != QLatin1Char('\n'))
                ++j;
            if (j < s.size() && s[j] == close && j > i + 1) {
                out.push_back({i + 1, j});
                i = j;
            }
            break;
        }
    }
    return out;
}

} // namespace

QStringList answerLanguages(const QString &answer)
{
    const QStringList tokens = foldedTokens(answer);
    QString best = QStringLiteral("en");
    int bestCount = 0;
    for (const QString &l : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}) {
        int n = 0;
        for (const QString &t : tokens)
            n += isStopWord(t, {l}) ? 1 : 0;
        if (n > bestCount)
            best = l, bestCount = n;
    }
    return {best};
}

Text readAnswer(const QString &answer, bool complete, const QStringList &languages)
{
    Text t;
    const QVector<Raw> raws = tokenize(answer);
    QVector<Item> items = buildItems(raws, [](int start, int end) { return std::pair<int, int>(start, end); });
    // Sentences end at . ! ? ; followed by a space (not "2.9"), and at line breaks.
    QVector<int> ends;
    for (int i = 0; i < answer.size(); ++i) {
        const QChar c = answer[i];
        if (c == QLatin1Char('\n') || ((c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?') || c == QLatin1Char(';')
                                         || c == QChar(0x3002)) && (i + 1 == answer.size() || answer[i + 1].isSpace())))
            ends << i;
    }
    t.quotes = findQuotes(answer);
    if (!complete) { // what touches the end may still grow; an unclosed quote is no quote yet
        while (!items.isEmpty()) {
            const Item &last = items.last();
            const QString after = answer.mid(last.last);
            const bool endsInDigit = last.last > 0 && answer[last.last - 1].isDigit(); // "1,871" + "," may go on; "TEU" + "." not
            const bool open = after.isEmpty() || (last.type == Item::Quantity && endsInDigit
                                                  && (after == QLatin1String(",") || after == QLatin1String(".")));
            if (!open)
                break;
            items.removeLast();
        }
    }
    for (Item &it : items) {
        it.sentence = int(std::lower_bound(ends.begin(), ends.end(), it.first) - ends.begin());
        for (int q = 0; q < t.quotes.size(); ++q)
            if (it.first >= t.quotes[q].start && it.last <= t.quotes[q].end)
                it.quote = q;
    }
    t.items = items;
    finish(&t, languages);
    return t;
}

Text readPage(const IndexedPage &page, const QStringList &languages)
{
    // Pieces: a word, or two words read as one: a word hyphenated at a line's end ("transpa-" +
    // "cific") and a number whose groups of digits were printed as two words ("1" + "871").
    QVector<Raw> raws;
    QVector<int> wordOf; // for each character of the pieces, one after another: its word
    int base = 0;
    const QVector<IndexedWord> &w = page.words;
    for (int i = 0; i < w.size(); ++i) {
        QString piece = w[i].text;
        piece.remove(QChar(0x00AD)); // soft hyphen
        QVector<int> owner(piece.size(), i);
        if (i + 1 < w.size()) {
            const QString next = QString(w[i + 1].text).remove(QChar(0x00AD));
            const bool hyphenated = piece.size() >= 3 && isHyphen(piece.back()) && piece[piece.size() - 2].isLetter()
                                    && piece.count(QLatin1Char('-')) <= 1 && !next.isEmpty() && next[0].isLower()
                                    && !sameLine(w[i].box, w[i + 1].box);
            bool digitsOnly = !piece.isEmpty() && piece.size() <= 3;
            for (const QChar c : piece)
                digitsOnly = digitsOnly && c.isDigit();
            const bool grouped = digitsOnly && digitsAt(next, 0) == 3 && sameLine(w[i].box, w[i + 1].box)
                                 && w[i + 1].box.left() - w[i].box.right() < 0.5 * w[i].box.height();
            if (hyphenated || grouped) {
                if (hyphenated)
                    piece.chop(1);
                else
                    piece += QLatin1Char(' ');
                owner = QVector<int>(piece.size(), i);
                piece += next;
                owner += QVector<int>(next.size(), i + 1);
                ++i;
            }
        }
        QVector<Raw> pieceRaws = tokenize(piece);
        for (Raw &r : pieceRaws) {
            r.start += base;
            r.end += base;
        }
        if (!pieceRaws.isEmpty())
            pieceRaws.first().attached = false; // another word: a space before it
        raws += pieceRaws;
        wordOf += owner;
        base += int(piece.size());
    }
    Text t;
    t.items = buildItems(raws, [&](int start, int end) { return std::pair<int, int>(wordOf[start], wordOf[end - 1]); });
    // Sentences, so that what is near a place is what is in its sentence: a word ending in . ! ? ;
    // (a closing quote or bracket after it aside) ends one.
    QVector<int> sentenceOfWord(w.size());
    for (int i = 0, s = 0; i < w.size(); ++i) {
        sentenceOfWord[i] = s;
        QString text = w[i].text;
        while (!text.isEmpty() && QStringLiteral("\"')]\u201D\u2019").contains(text.back()))
            text.chop(1);
        if (!text.isEmpty() && QStringLiteral(".!?;").contains(text.back()))
            ++s;
    }
    for (Item &it : t.items)
        it.sentence = sentenceOfWord.value(it.first);
    finish(&t, languages);
    return t;
}

int quantityMatch(const Item &a, const Item &b)
{
    auto eq = [](double x, double y) { return !std::isnan(x) && !std::isnan(y) && std::abs(x - y) <= 1e-9 * std::max(std::abs(x), std::abs(y)); };
    const bool scaled = a.scale != 1 && b.scale != 1;
    if (!a.unit.isEmpty() && !b.unit.isEmpty()) {
        if (a.unit != b.unit)
            return -1;
        if (eq(a.value * a.scale, b.value * b.scale))
            return 2;
        return eq(a.value * a.scale, b.alt * b.scale) || eq(a.alt * a.scale, b.value * b.scale) ? 1 : -1;
    }
    // A unit on one side at most: the same number counts, weakly; different scales both written do not.
    if (eq(a.value * a.scale, b.value * b.scale))
        return 0;
    if (scaled)
        return -1;
    return eq(a.value, b.value) ? 0 : -1;
}

bool sameWord(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    const qsizetype la = a.size(), lb = b.size();
    if (la < 5 || lb < 5 || std::abs(la - lb) > 1)
        return false;
    // At most one substitution, insertion or deletion.
    qsizetype i = 0;
    while (i < la && i < lb && a[i] == b[i])
        ++i;
    if (la == lb)
        return a.mid(i + 1) == b.mid(i + 1);
    return la > lb ? a.mid(i + 1) == b.mid(i) : a.mid(i) == b.mid(i + 1);
}

bool itemsMatch(const Item &a, const Item &b)
{
    if (a.type != b.type)
        return false;
    return a.type == Item::Word ? sameWord(a.text, b.text) : quantityMatch(a, b) >= 0;
}

bool sameLine(const QRectF &a, const QRectF &b)
{
    const double overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    return overlap > 0.5 * std::min(a.height(), b.height()) && b.left() >= a.left();
}

} // namespace leopard::index::evidence
