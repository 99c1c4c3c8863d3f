#include "index/text_fold.h"

namespace leopard::index {

QString foldText(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    // ß folds to "ss" only through full case folding, which QString::toCaseFolded() does not do.
    return out.toCaseFolded().replace(QChar(0x00DF), QLatin1String("ss"));
}

QStringList foldedTokens(const QString &text)
{
    QStringList tokens;
    QString current;
    for (const QChar c : foldText(text)) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            tokens << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        tokens << current;
    return tokens;
}

bool isCjk(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 0x3040 && u <= 0x30FF)     // Hiragana, Katakana
        || (u >= 0x3400 && u <= 0x4DBF)     // CJK extension A
        || (u >= 0x4E00 && u <= 0x9FFF)     // CJK unified ideographs
        || (u >= 0xAC00 && u <= 0xD7AF)     // Hangul syllables
        || (u >= 0xF900 && u <= 0xFAFF);    // CJK compatibility ideographs
}

bool hasCjk(const QString &text)
{
    for (const QChar c : text)
        if (isCjk(c))
            return true;
    return false;
}

} // namespace leopard::index
