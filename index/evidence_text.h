#pragma once
// Internal to evidence.cpp (and its tests): a text — an answer, or a page's words — read as the items
// evidence matching compares: words folded, numbers read as quantities with their unit and scale.
#include "index/page_index.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <limits>

namespace leopard::index::evidence {

struct Item {
    enum Type { Word, Quantity };
    Type type = Word;
    QString text;          // a word: folded; a quantity: its number as written ("1,871")
    QString joined;        // a word hyphen-joined to the next one: both as one word ("trans-pacific")
    bool stop = false;     // a stop word of the text's language, or a single letter
    bool generic = false;  // a word that says little on its own (year, quarter, average ...)
    bool name = false;     // a word with a capital inside a sentence: a name (Gdansk, Mannheim)
    int first = 0, last = 0; // answer: UTF-16 offsets [first, last); page: word indexes [first, last]
    int sentence = 0;      // which sentence it is in (a page's: ended by a word ending in . ! ? ;)
    int quote = -1;        // answer: the quote it is inside (-1 none)
    // A quantity: value × scale, in unit.
    double value = 0;      // as written, the first reading ("1.871" → 1.871)
    double alt = std::numeric_limits<double>::quiet_NaN(); // the other reading of a separator ("1.871" → 1871)
    double scale = 1;      // thousand, million, kTEU ...
    QString unit;          // canonical: "%", "pp", "usd", "eur", "teu", "day" ...; "" none
    bool distinctive = false; // a decimal, or 3 digits or more that are not a year
    bool dashNext = false; // followed by a dash ("71-52"): a range
};

struct Quote {
    int start = 0, end = 0; // UTF-16 offsets of the text inside the quote marks
};

struct Text {
    QVector<Item> items;    // every word and quantity, in reading order
    QVector<int> content;   // indexes of the items that are not stop words
    QVector<int> contentAt; // for each item, how many content items come before it
    QVector<Quote> quotes;  // answer only
};

// The stop-word language of an answer: of en, de, fr the one whose stop words it uses most.
QStringList answerLanguages(const QString &answer);

// `complete` false: the answer may still grow: an item touching its end is left out, and a number
// followed only by "," or "." too (it may go on: "1,8" → "1,871").
Text readAnswer(const QString &answer, bool complete, const QStringList &languages);
Text readPage(const IndexedPage &page, const QStringList &languages);

// Two quantities: -1 different, 0 the same number with a unit on one side only (weak), 1 the same
// quantity only by the other reading of a separator, 2 the same quantity (value × scale and unit).
int quantityMatch(const Item &a, const Item &b);
// Folded words: equal, or both of 5 letters or more and one edit apart.
bool sameWord(const QString &a, const QString &b);
bool itemsMatch(const Item &a, const Item &b);

// Two word boxes on one text line (as page_find.cpp merges them).
bool sameLine(const QRectF &a, const QRectF &b);

} // namespace leopard::index::evidence
