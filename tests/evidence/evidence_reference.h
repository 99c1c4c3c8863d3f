#pragma once
// References for the evidence tests, independent of the code under test: where a sentence's words
// are on a page by `pdftotext -bbox` (tests/index/pdftotext_words.h), for scans the words of the page
// as it was printed carried through the matrix the scan image is drawn with; and whether an evidence
// box sits on those words. Header-only.
#include "index/evidence.h"
#include "tests/index/pdftotext_words.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace leopard::test {

// The words of `sentence` (split at spaces, as the generator wrote it) where they are on `page`, in
// points, origin top left; empty when the page does not hold it word for word.
inline QVector<RefWord> sentenceWords(const RefPage &page, const QString &sentence)
{
    const QStringList want = sentence.simplified().split(QLatin1Char(' '));
    for (int i = 0; i + want.size() <= page.words.size(); ++i) {
        int k = 0;
        while (k < want.size() && page.words[i + k].text == want[k])
            ++k;
        if (k == want.size())
            return page.words.mid(i, want.size());
    }
    return {};
}

// A printed page's words moved onto the scan: the scan image is the printed page drawn with `cm`
// matrix m (unit square → page, PDF points, origin bottom left); each box's corners are carried and
// the box around them kept. `size`: the page size in points.
inline RefPage onScan(const RefPage &printed, const QVector<double> &m)
{
    RefPage out = printed;
    const double w = printed.width, h = printed.height;
    for (RefWord &word : out.words) {
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (const QPointF &c : {word.box.topLeft(), word.box.topRight(), word.box.bottomLeft(), word.box.bottomRight()}) {
            const double u = c.x() / w, v = (h - c.y()) / h; // top-left points → unit square
            const double X = m[0] * u + m[2] * v + m[4], Y = m[1] * u + m[3] * v + m[5];
            x0 = std::min(x0, X), x1 = std::max(x1, X), y0 = std::min(y0, h - Y), y1 = std::max(y1, h - Y);
        }
        word.box = QRectF(QPointF(x0, y0), QPointF(x1, y1));
    }
    return out;
}

// Whether each box (normalised) lies on `words` (points, page `width` × `height`): on the line of some
// of them (its middle within `tol` of theirs), from no further left than the first of them on that
// line to no further right than the last, give or take `tol` points. *why says what is off.
inline bool boxesOnWords(const QVector<QRectF> &boxes, const QVector<RefWord> &words, double width, double height, double tol,
                         QString *why = nullptr)
{
    if (boxes.isEmpty() || words.isEmpty()) {
        if (why)
            *why = QStringLiteral("no boxes or no reference words");
        return false;
    }
    for (const QRectF &n : boxes) {
        const QRectF b(QPointF(n.left() * width, n.top() * height), QPointF(n.right() * width, n.bottom() * height));
        double left = 1e9, right = -1e9;
        for (const RefWord &w : words)
            if (std::abs(w.box.center().y() - b.center().y()) <= tol)
                left = std::min(left, w.box.left()), right = std::max(right, w.box.right());
        if (left > right || b.left() < left - tol || b.right() > right + tol) {
            if (why)
                *why = QStringLiteral("box %1,%2-%3,%4 pt is not on the words (line from %5 to %6)")
                           .arg(b.left(), 0, 'f', 1).arg(b.top(), 0, 'f', 1).arg(b.right(), 0, 'f', 1).arg(b.bottom(), 0, 'f', 1)
                           .arg(left, 0, 'f', 1).arg(right, 0, 'f', 1);
            return false;
        }
    }
    return true;
}

} // namespace leopard::test
