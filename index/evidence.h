#pragma once
// Where an answer comes from: the pieces of an answer worth finding (numbers with their units,
// quoted strings, phrases of three or more content words), looked for in the words of the pages the
// turn used (the index's words: text layer or OCR), each found one with the boxes of its words.
//
// Only confident matches count: boxing the wrong sentence is worse than boxing none, so a span that
// is not clearly at one place gets no box. The rules (evidence.cpp says why):
// - Words are compared folded (case, diacritics), hyphenation at line ends undone ("transpa- cific"),
//   hyphenated compounds also as one word ("trans-pacific" = "transpacific"), and words of 5 letters
//   or more may differ by one edit (OCR errors, plurals). Stop words (search_query.h, in the answer's
//   language) are skipped on both sides.
// - Numbers are quantities: "1,871" = "1871" = "1 871", "14.2 percent" = "14.2%" = "14.2 per cent",
//   "$2,140" = "2,140 dollars" = "USD 2,140", "2.31 million TEU" = "2,310 kTEU"; a unit on both sides
//   must agree. "1.871" is read as 1.871 first and as 1871 (German thousands) only as a weaker match.
// - A place is scored: matched content words (generic ones like "year", "rose", "average" half) + 2
//   per matched number + the answer sentence's other content words found in the page sentence
//   around it, within 12 content words (+1 each, +2 for another number). A phrase needs 3 matched
//   non-generic words in a row and a score of 4; a quote all its words in a row and a score of 3. A
//   run that stops at a different number or a different name on both sides is the same sentence
//   pattern about something else and counts for nothing ("trains between Gdansk and Basel ran with a
//   punctuality of 83 percent" is not "... of 91 percent").
// - A number needs a score of 4 and 2 points of its sentence's words near it; with only 2, one of the
//   2 words either side of it must be one of the 2 on the same side on the page. A bare number (no
//   unit on both sides, not a decimal, fewer than 3 digits, or a year) also needs the word after it
//   to be the word after it on the page ("3 berths" is not "3 cranes"; at a sentence's end, before).
// - The best place must beat every other place for an overlapping part of the answer: a phrase or
//   quote by max(1, 15 % of its score), a number (its places differ only in what is around them) by 1;
//   otherwise that part is ambiguous and gets nothing.
// - What this does not do: CJK text is matched as whole runs (numbers work); a phrase reworded
//   (other words, other order) is not found, only its numbers are.
#include "index/page_index.h"

#include <QRectF>
#include <QString>
#include <QVector>

namespace leopard::index {

struct EvidenceSpan {            // a piece of the answer worth finding on a page
    enum class Kind { Number, Quote, Phrase };
    Kind kind = Kind::Phrase;
    int start = 0, length = 0;   // in the answer text (QString offsets, UTF-16)
    QString text;                // as written in the answer
};

struct EvidencePage { QString sha; QString file; IndexedPage page; };   // a page the turn used

struct Evidence {
    EvidenceSpan span;           // the part of the answer found (a phrase: the words that matched)
    QString sha, file;           // the page's document
    int page = 0;                // 0-based
    QVector<QRectF> boxes;       // normalised, origin top left, one per line (words on one line merged)
    QString text;                // the page's words that matched, as printed
    int firstWord = 0;           // into the page's words
    int wordCount = 0;
    double score = 0;            // the place's score (see above)
};

// The spans of `answer`. Usable on a partial (streaming) answer: a word or number that touches the
// end of the text may still grow, so it is left out (a number only once something follows it).
QVector<EvidenceSpan> evidenceSpans(const QString &answer);

// The evidence of `answer` in `pages`, in answer order, at most one place per span. `streaming`:
// the answer is still being written: only its complete numbers are looked for.
QVector<Evidence> locateEvidence(const QString &answer, const QVector<EvidencePage> &pages, bool streaming = false);

// A number as compared: "1,871" → "1871", "14.2 percent" → "14.2 %", "$2,140" → "2140 usd",
// "2.31 million TEU" → "2310000 teu"; "" when `text` holds no number. (For tests and tools.)
QString normalisedQuantity(const QString &text);

// "number", "quote", "phrase" (the JSON names).
QString evidenceKindName(EvidenceSpan::Kind kind);

} // namespace leopard::index
