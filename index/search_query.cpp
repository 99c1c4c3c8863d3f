#include "index/search_query.h"

#include "index/text_fold.h"

#include <QSet>

namespace leopard::index {

namespace {

// Short, common lists (question words, articles, auxiliaries, prepositions, pronouns): what a
// question is made of besides what it is about. Folded (no accents), as the tokens they are met as.
// The second part of each list: words that frame a question ("how long", "how many", "since when",
// "last year", "now"), which BM25 would otherwise weigh like content when few pages use them.
// Content words stay, even frequent ones ("added", "began", "end": what changed may be the point).
const QSet<QString> &stopWords(const QString &language)
{
    static const QSet<QString> en = QSet<QString>{
        "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
        "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
        "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
        "whom", "why", "will", "with", "would", "you", "your", "yours", "tell", "show", "give", "please",
        "according", "document", "report", "page", "pages",
        "much", "many", "long", "often", "now", "since", "last", "ever", "yet", "also", "whose", "whether", "get",
        "got", "don", "didn", "doesn", "isn", "wasn", "aren", "weren"};
    static const QSet<QString> de = QSet<QString>{
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und",
        "oder", "aber", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben",
        "hatte", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur",
        "fur", "uber", "unter", "vor", "wie", "was", "wer", "wo", "wann", "warum", "welche", "welcher",
        "welches", "nicht", "auch", "als", "es", "sie", "er", "wir", "ich", "du", "ihr", "sich", "dass", "im",
        "bitte", "laut", "dokument", "bericht", "seite",
        "welchen", "welchem", "wem", "wen", "wessen", "wieso", "weshalb", "wieviel", "wieviele", "viel", "viele",
        "lange", "seit", "jetzt", "nun", "ob", "noch", "schon", "man", "dieser", "diese", "dieses", "diesem", "diesen"};
    static const QSet<QString> fr = QSet<QString>{
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou", "mais", "est", "sont", "etait",
        "a", "au", "aux", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "que", "qui", "quoi",
        "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "quand", "ou", "ce", "cette", "ces", "il",
        "elle", "ils", "elles", "nous", "vous", "je", "tu", "se", "ne", "pas", "plus", "y", "selon", "document",
        "rapport", "page",
        "qu", "combien", "depuis", "maintenant", "longtemps", "dernier", "derniere", "derniers", "dernieres", "lequel",
        "laquelle", "lesquels", "lesquelles", "dont", "ont", "leur", "leurs", "son", "sa", "ses", "aussi", "deja",
        "encore"};
    static const QSet<QString> none;
    if (language == QLatin1String("en"))
        return en;
    if (language == QLatin1String("de"))
        return de;
    if (language == QLatin1String("fr"))
        return fr;
    return none;
}

QString quoted(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

bool isStopWord(const QString &foldedWord, const QStringList &languages)
{
    for (const QString &l : languages)
        if (stopWords(l.left(2)).contains(foldedWord))
            return true;
    return false;
}

SearchQuery parseQuery(const QString &text, const QStringList &languages)
{
    SearchQuery q;
    for (const QString &t : foldedTokens(text)) {
        if (hasCjk(t)) { // a CJK run: unicode61 keeps it as one token; the trigram table finds substrings
            QString run;
            for (const QChar c : t + QLatin1Char(' ')) {
                if (isCjk(c)) {
                    run += c;
                    continue;
                }
                if (run.size() >= 3 && !q.cjkRuns.contains(run))
                    q.cjkRuns << run;
                run.clear();
            }
            continue;
        }
        const bool number = t.front().isDigit();
        // One letter is a clitic or a possessive's tail ("Antwerp's" -> antwerp, s; "d'exploitation")
        // far more often than what a question is about; a digit is kept ("5"), CJK went above.
        const bool letter = t.size() == 1 && t.front().isLetter();
        if (letter || (!number && isStopWord(t, languages)) || q.terms.contains(t))
            continue;
        q.terms << t;
    }
    QStringList parts;
    for (const QString &t : q.terms)
        parts << quoted(t);
    q.ftsMatch = parts.join(QLatin1String(" OR "));
    parts.clear();
    for (const QString &r : q.cjkRuns)
        parts << quoted(r);
    q.cjkMatch = parts.join(QLatin1String(" OR "));
    return q;
}

} // namespace leopard::index
