// The rules of index/evidence.h on hand-built cases: number normalisation, the spans of an answer
// (also while it streams), and matching on pages made here word by word with known boxes:
// hyphenation at a line's end, compounds, OCR errors, case and accents, line breaks, units, and the
// cases where nothing may be boxed (the same phrase at two places, a number about something else,
// a bare number with nothing next to it alike).
#include "index/evidence.h"

#include <QtTest>

using namespace leopard::index;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

// A page of `lines`, each word boxed: 1 % of the page width per character, lines 3 % apart.
IndexedPage page(int number, const QStringList &lines)
{
    IndexedPage p;
    p.page = number;
    p.source = QStringLiteral("text");
    for (int l = 0; l < lines.size(); ++l) {
        double x = 0.1;
        for (const QString &w : lines[l].split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            p.words.push_back({w, QRectF(x, 0.1 + 0.03 * l, 0.01 * w.size(), 0.02)});
            x += 0.01 * w.size() + 0.005;
        }
    }
    return p;
}

EvidencePage doc(int number, const QStringList &lines) { return {S("sha"), S("/doc.pdf"), page(number, lines)}; }

// The box around words [first, last] of `p` (one line).
QRectF wordsBox(const IndexedPage &p, int first, int last)
{
    QRectF r = p.words[first].box;
    for (int i = first + 1; i <= last; ++i)
        r = r.united(p.words[i].box);
    return r;
}

QStringList spanTexts(const QVector<EvidenceSpan> &spans, EvidenceSpan::Kind kind)
{
    QStringList out;
    for (const EvidenceSpan &s : spans)
        if (s.kind == kind)
            out << s.text;
    return out;
}

} // namespace

class TestEvidenceRules : public QObject {
    Q_OBJECT

private slots:
    void numbersNormalised_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("thousands comma") << S("1,871") << S("1871");
        QTest::newRow("plain") << S("1871") << S("1871");
        QTest::newRow("thousands space") << S("1 871") << S("1871");
        QTest::newRow("thousands narrow nbsp") << S("1\u202F871") << S("1871");
        QTest::newRow("millions") << S("1,871,000") << S("1871000");
        QTest::newRow("German thousands") << S("1.234.567") << S("1234567");
        QTest::newRow("German decimal") << S("2,5") << S("2.5");
        QTest::newRow("German both") << S("1.234,5") << S("1234.5");
        QTest::newRow("percent word") << S("14.2 percent") << S("14.2 %");
        QTest::newRow("percent sign") << S("14.2%") << S("14.2 %");
        QTest::newRow("per cent") << S("14.2 per cent") << S("14.2 %");
        QTest::newRow("percentage points") << S("1.8 percentage points") << S("1.8 pp");
        QTest::newRow("dollar sign") << S("$2,140") << S("2140 usd");
        QTest::newRow("dollars") << S("2,140 dollars") << S("2140 usd");
        QTest::newRow("USD") << S("USD 2,140") << S("2140 usd");
        QTest::newRow("euro bn") << S("EUR 1.2bn") << S("1200000000 eur");
        QTest::newRow("euro sign m") << S("\u20AC3.5m") << S("3500000 eur");
        QTest::newRow("million TEU") << S("2.31 million TEU") << S("2310000 teu");
        QTest::newRow("kTEU") << S("2,310 kTEU") << S("2310000 teu");
        QTest::newRow("thousand TEU") << S("1,871 thousand TEU") << S("1871000 teu");
        QTest::newRow("days") << S("2.9 days") << S("2.9 day");
        QTest::newRow("range takes the unit") << S("from 71 to 52 minutes") << S("71 minute");
        QTest::newRow("ordinal") << S("the 14th") << S("14");
        QTest::newRow("not a thousands group") << S("3 100-metre berths") << S("3");
        QTest::newRow("count noun is no unit") << S("46 ship-to-shore cranes") << S("46");
        QTest::newRow("a unit is not the next number's currency") << S("2,140 dollars 2025") << S("2140 usd");
        QTest::newRow("none") << S("no number here") << QString();
    }
    void numbersNormalised()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QCOMPARE(normalisedQuantity(text), normalised);
    }

    void spansOfAnAnswer()
    {
        const QString answer = S("Volume rose 6.1 percent to 1,871 thousand TEU. The report calls it \u201Ca record for any port\u201D. "
                                 "Demand recovered through the summer, helped by lower inventory levels.");
        const QVector<EvidenceSpan> spans = evidenceSpans(answer);
        QCOMPARE(spanTexts(spans, EvidenceSpan::Kind::Number), (QStringList{S("6.1 percent"), S("1,871 thousand TEU")}));
        QCOMPARE(spanTexts(spans, EvidenceSpan::Kind::Quote), QStringList{S("a record for any port")});
        QCOMPARE(spanTexts(spans, EvidenceSpan::Kind::Phrase),
                 QStringList{S("Demand recovered through the summer, helped by lower inventory levels")});
        for (const EvidenceSpan &s : spans)
            QCOMPARE(answer.mid(s.start, s.length), s.text);
        for (int i = 1; i < spans.size(); ++i)
            QVERIFY(spans[i - 1].start <= spans[i].start);
    }

    // While the answer streams, a number is a span only once something follows that ends it.
    void spansWhileStreaming_data()
    {
        QTest::addColumn<QString>("partial");
        QTest::addColumn<QStringList>("numbers");
        QTest::newRow("digits") << S("Volume reached 1,8") << QStringList{};
        QTest::newRow("touching the end") << S("Volume reached 1,871") << QStringList{};
        QTest::newRow("a comma may be thousands") << S("Volume reached 1,871,") << QStringList{};
        QTest::newRow("a space ends it") << S("Volume reached 1,871 ") << QStringList{S("1,871")};
        QTest::newRow("unit still coming") << S("It rose 14.2 per") << QStringList{S("14.2")};
        QTest::newRow("unit touching the end") << S("It reached 2.31 million") << QStringList{};
        QTest::newRow("with its unit") << S("It reached 2.31 million TEU.") << QStringList{S("2.31 million TEU")};
    }
    void spansWhileStreaming()
    {
        QFETCH(QString, partial);
        QFETCH(QStringList, numbers);
        QCOMPARE(spanTexts(evidenceSpans(partial), EvidenceSpan::Kind::Number), numbers);
    }

    void unclosedQuoteIsNoQuote()
    {
        QVERIFY(spanTexts(evidenceSpans(S("He called it \"a record for any")), EvidenceSpan::Kind::Quote).isEmpty());
    }

    void numberWithOtherUnitForms()
    {
        const EvidencePage p = doc(1, {S("Spot freight rates on the main transpacific lane averaged 2,140 dollars per"),
                                       S("forty-foot container, 9 percent below the second quarter.")});
        const QVector<Evidence> ev = locateEvidence(S("Spot rates averaged $2,140 per box on the transpacific lane."), {p});
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].span.kind, EvidenceSpan::Kind::Number);
        QCOMPARE(ev[0].span.text, S("$2,140"));
        QCOMPARE(ev[0].text, S("2,140 dollars"));
        QCOMPARE(ev[0].boxes, QVector<QRectF>{wordsBox(p.page, 9, 10)});
        QCOMPARE(ev[0].page, 1);
        QCOMPARE(ev[0].file, S("/doc.pdf"));
    }

    void hyphenationAtLineEnd()
    {
        const EvidencePage p = doc(0, {S("Freight on the transpa-"), S("cific lane averaged 2,140 dollars a box.")});
        const QVector<Evidence> ev = locateEvidence(S("The transpacific lane averaged 2,140 dollars."), {p});
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].span.kind, EvidenceSpan::Kind::Phrase);
        QCOMPARE(ev[0].text, S("transpa- cific lane averaged 2,140 dollars"));
        QCOMPARE(ev[0].boxes, (QVector<QRectF>{wordsBox(p.page, 3, 3), wordsBox(p.page, 4, 8)})); // one per line
    }

    void compoundWrittenTogether()
    {
        const EvidencePage p = doc(0, {S("Rates on the trans-pacific lane averaged 2,140 dollars.")});
        QCOMPARE(locateEvidence(S("The transpacific lane averaged 2,140 dollars."), {p}).size(), 1);
        const EvidencePage q = doc(0, {S("Rates on the transpacific lane averaged 2,140 dollars.")});
        QCOMPARE(locateEvidence(S("The trans-pacific lane averaged 2,140 dollars."), {q}).size(), 1);
    }

    void ocrErrorsCaseAndAccents()
    {
        const EvidencePage p = doc(0, {S("Reeter containers stayed an average of 2.9 days in the Altenwerdcr"),
                                       S("yard. The ZÜRICH FREIGHT TERMINAL EXPANDED ITS QUAY.")});
        const QVector<Evidence> ev = locateEvidence(S("Reefer containers stayed an average of 2.9 days in the Altenwerder yard. "
                                                      "The Zurich freight terminal expanded its quay."), {p});
        QCOMPARE(ev.size(), 2);
        QCOMPARE(ev[0].text, S("Reeter containers stayed an average of 2.9 days in the Altenwerdcr yard."));
        QCOMPARE(ev[1].text, S("ZÜRICH FREIGHT TERMINAL EXPANDED ITS QUAY."));
        // OCR glued a number to the word before it: still the number, with its unit.
        const EvidencePage glued = doc(0, {S("Reefers stayed 2.9 days in the yard in the fourth quarter, against3.6 days a year earlier.")});
        const QVector<Evidence> g = locateEvidence(S("They stayed 2.9 days (3.6 days a year earlier)."), {glued});
        QStringList found;
        for (const Evidence &e : g)
            found << e.span.text;
        QVERIFY2(found.contains(S("3.6 days")), qPrintable(found.join(QLatin1Char('|'))));
        // A short word (< 5 letters) must be exact: "Pler" is not "Pier".
        const EvidencePage q = doc(0, {S("Work on Pler IV quay walls began.")});
        QVERIFY(locateEvidence(S("Work on Pier IV quay walls began."), {q}).size() <= 1);
        for (const Evidence &e : locateEvidence(S("Work on Pier IV quay walls began."), {q}))
            QVERIFY(!e.text.contains(S("Work")));
    }

    void phraseAcrossLineBreak()
    {
        const EvidencePage p = doc(0, {S("In the Netherlands the single-window platform cleared"),
                                       S("93 percent of import declarations within 15 minutes.")});
        const QVector<Evidence> ev = locateEvidence(S("The single-window platform cleared 93% of import declarations."), {p});
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].boxes.size(), 2);
        QCOMPARE(ev[0].boxes[0], wordsBox(p.page, 4, 6));
        QCOMPARE(ev[0].boxes[1], wordsBox(p.page, 7, 11));
    }

    void quoteFoundWordForWord()
    {
        const EvidencePage p = doc(0, {S("Gdansk handled 2.31 million TEU, a record for any port on the Baltic.")});
        const QVector<Evidence> ev = locateEvidence(S("The review calls it \u201Ca record for any port on the Baltic\u201D."), {p});
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].span.kind, EvidenceSpan::Kind::Quote);
        QCOMPARE(ev[0].text, S("a record for any port on the Baltic."));
    }

    // The same phrase at two places and nothing to tell them apart: no box.
    void ambiguousPhraseGetsNothing()
    {
        const QStringList text{S("Berth utilisation stayed above 80 percent for most of the year at the terminals.")};
        QVERIFY(locateEvidence(S("Berth utilisation stayed above 80 percent for most of the year."), {doc(0, text), doc(1, text)}).isEmpty());
        // Twice on one page alike.
        QVERIFY(locateEvidence(S("Berth utilisation stayed above 80 percent for most of the year."), {doc(0, text + text)}).isEmpty());
    }

    // The answer's other words decide between two places.
    void contextDecides()
    {
        const EvidencePage hamburg = doc(0, {S("At Hamburg berth utilisation stayed above 80 percent for most of the year.")});
        const EvidencePage genoa = doc(1, {S("At Genoa berth utilisation stayed above 80 percent for most of the year.")});
        const QVector<Evidence> ev = locateEvidence(S("At Genoa, berth utilisation stayed above 80 percent for most of the year."), {hamburg, genoa});
        QVERIFY(!ev.isEmpty());
        for (const Evidence &e : ev)
            QCOMPARE(e.page, 1);
    }

    // A number printed only about something else: no box, even with the same unit.
    void numberInAnotherContext()
    {
        const EvidencePage wages = doc(0, {S("Dockworkers accepted a 4.5 percent wage increase.")});
        const EvidencePage rents = doc(1, {S("Prime warehouse rents in Venlo rose by 4.5 percent.")});
        QVERIFY(locateEvidence(S("Vacancy in Venlo was 4.5 percent."), {wages, rents}).isEmpty());
        const QVector<Evidence> ev = locateEvidence(S("Warehouse rents in Venlo went up by 4.5 percent."), {wages, rents});
        QCOMPARE(ev.size(), 2); // "warehouse rents in Venlo" and the number
        for (const Evidence &e : ev)
            QCOMPARE(e.page, 1);
        QCOMPARE(ev[1].span.text, S("4.5 percent"));
        QCOMPARE(ev[1].text, S("4.5 percent."));
    }

    void unitsMustAgree()
    {
        const EvidencePage p = doc(0, {S("Reefer boxes at the Altenwerder yard stayed 2.9 days on average.")});
        QVERIFY(locateEvidence(S("Reefer dwell at the Altenwerder yard was 2.9 percent."), {p}).isEmpty());
        QCOMPARE(locateEvidence(S("Reefer dwell at the Altenwerder yard was 2.9 days."), {p}).size(), 1);
    }

    // A bare small number needs a word next to it that is next to it on the page too.
    void bareNumberNeedsItsNeighbour()
    {
        const EvidencePage p = doc(0, {S("The Delta terminal has 3 berths and 12 cranes in all.")});
        QVERIFY(locateEvidence(S("Delta has 3 cranes."), {p}).isEmpty());
        const QVector<Evidence> ev = locateEvidence(S("Delta has 3 berths."), {p});
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].text, S("3"));
    }

    void aNumberAloneIsNotEnough()
    {
        const EvidencePage p = doc(0, {S("Dockworkers accepted a 4.5 percent wage increase.")});
        QVERIFY(locateEvidence(S("4.5 percent."), {p}).isEmpty());
    }

    // While streaming only complete numbers are looked for; phrases wait for the whole answer.
    void streamingFindsNumbersOnly()
    {
        const EvidencePage p = doc(0, {S("Dockworkers at Le Havre accepted a 4.5 percent wage increase under a three-year agreement.")});
        const QString partial = S("Dockworkers at Le Havre accepted a 4.5 percent wage increase under a three-year agr");
        const QVector<Evidence> ev = locateEvidence(partial, {p}, true);
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].span.kind, EvidenceSpan::Kind::Number);
        QCOMPARE(ev[0].span.text, S("4.5 percent"));
        QVERIFY(locateEvidence(S("Dockworkers at Le Havre accepted a 4.5"), {p}, true).isEmpty());
        const QVector<Evidence> done = locateEvidence(partial + S("eement."), {p});
        QCOMPARE(done.size(), 1);
        QCOMPARE(done[0].span.kind, EvidenceSpan::Kind::Phrase);
    }

    void pagesWithoutWordsAndEmptyAnswers()
    {
        IndexedPage none;
        none.source = QStringLiteral("none");
        QVERIFY(locateEvidence(S("Dockworkers accepted a 4.5 percent wage increase."), {{S("sha"), S("/x.pdf"), none}}).isEmpty());
        QVERIFY(locateEvidence(QString(), {doc(0, {S("Anything at all here.")})}).isEmpty());
        QVERIFY(evidenceSpans(QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEvidenceRules)
#include "test_evidence_rules.moc"
