#pragma once
// Text folded for matching: Unicode compatibility decomposition (NFKD) without the combining marks,
// then case folding, so "Zürich", "ZURICH" and "zurich" meet, as SQLite's unicode61 tokenizer with
// remove_diacritics 2 sees them. Shared by the page index, Find, and the History filter.
#include <QString>
#include <QStringList>

namespace leopard::index {

QString foldText(const QString &text);

// The words of `text` as unicode61 splits them (runs of letters and digits), folded.
QStringList foldedTokens(const QString &text);

// True for Han, Hiragana, Katakana and Hangul: scripts written without spaces, which unicode61 does
// not split into words (the index keeps them in a trigram table too).
bool isCjk(QChar c);
bool hasCjk(const QString &text);

} // namespace leopard::index
