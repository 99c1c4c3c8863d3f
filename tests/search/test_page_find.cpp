// Find's matching on a page's words (index/page_find.h): accents and case ignored, phrases over
// word boundaries with any spacing typed, parts of words, CJK written without spaces, each
// occurrence once with the boxes of the words it touches. The pages are built here by hand, so
// what must be found is known without the code under test.
#include "index/page_find.h"

#include <QtTest>

using namespace leopard::index;

namespace {

IndexedPage pageOf(const QStringList &words)
{
    IndexedPage p;
    p.page = 4;
    p.source = QStringLiteral("text");
    for (int i = 0; i < words.size(); ++i)
        p.words.push_back({words[i], QRectF(0.1 * i, 0.5, 0.08, 0.02)});
    return p;
}

QString S(const char *s) { return QString::fromUtf8(s); }

} // namespace

class TestPageFind : public QObject {
    Q_OBJECT
private slots:
    void accentsAndCase()
    {
        const IndexedPage p = pageOf({S("Zürich"), S("and"), S("ZURICH"), S("and"), S("zurich.")});
        const QVector<FindMatch> m = findInPage(p, findNeedle(S("Zurich")));
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0].firstWord, 0);
        QCOMPARE(m[1].firstWord, 2);
        QCOMPARE(m[2].firstWord, 4);
        QCOMPARE(m[2].page, 4);
        QCOMPARE(m[2].boxes, QVector<QRectF>{p.words[4].box});
        QCOMPARE(findInPage(p, findNeedle(S("ZÜRICH"))).size(), 3);
        QCOMPARE(findInPage(pageOf({S("Straße")}), findNeedle(S("strasse"))).size(), 1);
    }

    void phrasesAndParts()
    {
        const IndexedPage p = pageOf({S("the"), S("operating"), S("margin"), S("rose;"), S("margins"), S("fell")});
        QVector<FindMatch> m = findInPage(p, findNeedle(S("  Operating\tMARGIN ")));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].firstWord, 1);
        QCOMPARE(m[0].wordCount, 2);
        QCOMPARE(m[0].boxes, QVector<QRectF>{p.words[1].box.united(p.words[2].box)}); // one line: one box
        QCOMPARE(m[0].snippet, S("the «operating margin» rose; margins fell"));
        m = findInPage(p, findNeedle(S("margin")));
        QCOMPARE(m.size(), 2); // "margin" and the start of "margins"
        m = findInPage(p, findNeedle(S("ting mar")));
        QCOMPARE(m.size(), 1); // across the end of one word and the start of the next
        QCOMPARE(m[0].wordCount, 2);
        QVERIFY(findInPage(p, findNeedle(S("operatingmargin"))).isEmpty());
        QVERIFY(findInPage(p, findNeedle(S("   "))).isEmpty());
    }

    void phraseOverTwoLinesHasABoxPerLine()
    {
        IndexedPage p = pageOf({S("operating"), S("margin")});
        p.words[1].box = QRectF(0.05, 0.55, 0.1, 0.02); // wrapped to the next line, at its start
        const QVector<FindMatch> m = findInPage(p, findNeedle(S("operating margin")));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].boxes, (QVector<QRectF>{p.words[0].box, p.words[1].box}));
    }

    void repeatsInsideOneWord()
    {
        const QVector<FindMatch> m = findInPage(pageOf({S("bananas")}), findNeedle(S("an")));
        QCOMPARE(m.size(), 2); // b-an-an-as, not overlapping
        QCOMPARE(m[0].firstWord, 0);
        QCOMPARE(m[1].firstWord, 0);
    }

    void cjkWithoutSpaces()
    {
        // Poppler and Tesseract give CJK text as single characters or short runs: joined without spaces.
        const IndexedPage p = pageOf({S("営"), S("業利"), S("益は"), S("増加"), S("Tokyo")});
        QVector<FindMatch> m = findInPage(p, findNeedle(S("営業利益")));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].firstWord, 0);
        QCOMPARE(m[0].wordCount, 3);
        m = findInPage(p, findNeedle(S("増加 tokyo")));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].firstWord, 3);
    }

    void snippetKeepsSixWordsEachSide()
    {
        QStringList words;
        for (int i = 0; i < 20; ++i)
            words << QString::number(i);
        words[10] = S("needle");
        const QVector<FindMatch> m = findInPage(pageOf(words), findNeedle(S("needle")));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].snippet, S("… 4 5 6 7 8 9 «needle» 11 12 13 14 15 16 …"));
    }
};

QTEST_GUILESS_MAIN(TestPageFind)
#include "test_page_find.moc"
