// ui/conversation's ConversationCore without widgets, a model or a display: what the next question
// becomes (new conversation, follow-up, follow-up adding pages, fresh start and why), the request
// it sends the worker and what is saved. References are independent of the code under test: crop
// plans are the known numbers of the Leopard crop rule for a US Letter page at 144 dpi (1224 x 1584
// px: round(1584/364) = 4 rows, round(1224/364) = 3 cols, 12 tiles + 1 global view = 13 model
// images, canvas 1092 x 1456), token ids are the ones the test hands in as the model's, document
// hashes come from QCryptographicHash, and saved files are read with QJsonDocument, not the store.
#include "ui/conversation/conversation_core.h"
#include "ui/conversation/session_writer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>

using namespace leopard;
using namespace leopard::ui;
using Mode = ConversationCore::Mode;
using Ids = std::vector<std::int32_t>;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

// The open documents: path, content hash, pages of w x h inches (analysis size at d dpi: w*d x h*d).
class FakeSource : public PageSource
{
public:
    struct Doc { QString path, sha; int pages; double wIn, hIn; };
    QList<Doc> docs;
    QList<SessionDocument> openDocuments() const override
    {
        QList<SessionDocument> out;
        for (const Doc &d : docs)
            out << SessionDocument{d.path, d.sha};
        return out;
    }
    int pageCount(const QString &file) const override { const Doc *d = find(file); return d ? d->pages : 0; }
    PixelSize analysisSize(const PageKey &p, double dpi) const override
    {
        const Doc *d = find(p.file);
        if (!d || p.page < 0 || p.page >= d->pages)
            return {};
        return {qRound(d->wIn * dpi), qRound(d->hIn * dpi)};
    }
    AskPage askPage(const PageKey &p, double dpi, const ImagePlan &plan) const override
    {
        AskPage a;
        a.documentPath = p.file;
        a.page = p.page;
        a.analysisDpi = dpi;
        a.plan = plan;
        a.render = [] { return preprocess::RgbImage(); }; // never called: there is no worker
        return a;
    }
    const Doc *find(const QString &file) const
    {
        const auto it = std::find_if(docs.begin(), docs.end(), [&](const Doc &d) { return d.path == file; });
        return it == docs.end() ? nullptr : &*it;
    }
};

QString sha256(const QByteArray &bytes) { return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()); }

// One test's world: a temporary folder with documents and a sessions folder, the source, the core.
struct Env {
    QTemporaryDir tmp;
    FakeSource source;
    SessionWriter writer{tmp.filePath(S("sessions"))};
    ConversationCore core{&writer};
    QString a = addDoc(S("report.pdf"), "the annual report", 3);
    QString b = addDoc(S("deck.pdf"), "the investor deck", 2);

    QString addDoc(const QString &name, const QByteArray &bytes, int pages)
    {
        const QString path = tmp.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        source.docs << FakeSource::Doc{path, sha256(bytes), pages, 8.5, 11}; // US Letter
        return path;
    }
    void open(bool showNewest = false)
    {
        core.setPageSource(&source);
        core.setDocuments(source.openDocuments(), showNewest);
    }
    QString filePath(const QString &id) { return tmp.filePath(S("sessions/") + id + S(".json")); }
    QJsonObject onDisk(const QString &id)
    {
        writer.waitForIdle();
        QFile f(filePath(id));
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }
    QJsonArray turnsOnDisk() { return onDisk(core.conversation().id)[S("turns")].toArray(); }
};

AskSettings settings(int maxNewTokens = 64)
{
    AskSettings s;
    s.generation.modelDir = S("/models/leopard-llava");
    s.generation.maxNewTokens = maxNewTokens;
    s.generation.analysisDpi = 144;
    return s;
}

// What the worker reports at the end of an answer (only what the core reads).
AskStats stats(const QString &text, Ids prompt, Ids generated, bool followUp)
{
    AskStats s;
    s.text = text;
    s.tokens = int(generated.size());
    s.turnPromptIds = std::move(prompt), s.generatedIds = std::move(generated);
    s.followUp = followUp;
    return s;
}

QJsonArray json(const Ids &ids)
{
    QJsonArray out;
    for (std::int32_t id : ids)
        out.append(id);
    return out;
}

QJsonObject pageJson(const QString &file, int page) { return QJsonObject{{S("file"), file}, {S("page"), page}}; }

// The Leopard plan of a whole Letter page at 144 dpi with its 12 crops granted.
bool isLetterGrid(const ImagePlan &p)
{
    return p.original.width == 1224 && p.original.height == 1584 && p.wanted == 12 && p.allocated == 12
        && p.gridCols == 3 && p.gridRows == 4 && p.tiles() == 12 && p.modelImages() == 13
        && p.canvas.width == 1092 && p.canvas.height == 1456;
}
QByteArray describe(const ImagePlan &p)
{
    return QStringLiteral("%1x%2 wanted %3 allocated %4 grid %5x%6 canvas %7x%8")
        .arg(p.original.width).arg(p.original.height).arg(p.wanted).arg(p.allocated)
        .arg(p.gridCols).arg(p.gridRows).arg(p.canvas.width).arg(p.canvas.height).toUtf8();
}
bool isLetterPage(const AskPage &p, const QString &file, int page)
{
    return p.documentPath == file && p.page == page && p.analysisDpi == 144 && isLetterGrid(p.plan);
}

// A turn's "model_pages" as the file holds them, one "file:page WxH grid CxR canvas WxH allocated N" each.
QStringList modelPages(const QJsonObject &turn)
{
    QStringList out;
    for (const QJsonValue &v : turn[S("model_pages")].toArray()) {
        const QJsonObject m = v.toObject(), p = m[S("plan")].toObject();
        auto two = [&](const char *k) {
            const QJsonArray a = p[S(k)].toArray();
            return a.size() == 2 ? QStringLiteral("%1x%2").arg(a[0].toInt()).arg(a[1].toInt()) : S("?");
        };
        out << QStringLiteral("%1:%2 %3x%4 grid %5 canvas %6 allocated %7").arg(m[S("file")].toString()).arg(m[S("page")].toInt())
                   .arg(p[S("width")].toInt()).arg(p[S("height")].toInt()).arg(two("grid"), two("canvas")).arg(p[S("allocated")].toInt());
    }
    return out;
}
QString letterOnDisk(const QString &file, int page)
{
    return QStringLiteral("%1:%2 1224x1584 grid 3x4 canvas 1092x1456 allocated 12").arg(file).arg(page);
}

// Turn 1 about `pages`, answered with known ids.
const Ids kPrompt1{128000, 128006, 882, 128256, 3923, 374, 279, 2860, 30};
const Ids kGenerated1{791, 2860, 374, 220, 2983, 13, 128009};

ConversationCore::Started firstTurn(Env &e, const PageKeyList &pages)
{
    ConversationCore::Started s = e.core.ask(S("What is the total?"), pages, Mode::Auto, settings(77));
    e.core.appendAnswer(S("The total "));
    e.core.appendAnswer(S("is 42."));
    e.core.finishAnswer(stats(S("The total is 42."), kPrompt1, kGenerated1, false));
    return s;
}

} // namespace

class TestConversationCore : public QObject {
    Q_OBJECT
private slots:
    // 1. A new conversation about one Letter page: one page planned 3 x 4, saved at once
    // (interrupted), then complete with the model's ids.
    void newConversation()
    {
        Env e;
        e.open();
        QVERIFY(!e.core.outlook({}).inConversation);
        const QString id = e.core.conversation().id;
        QVERIFY(!id.isEmpty());
        const ConversationCore::Started s = e.core.ask(S("  What is the total?  "), {{e.a, 0}}, Mode::Auto, settings(77));
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.request.question, S("What is the total?"));
        QVERIFY(!s.request.followUp && s.request.history.empty() && s.request.newPages.empty());
        QCOMPARE(s.request.maxNewTokens, 77);
        QCOMPARE(s.request.pages.size(), std::size_t(1));
        QVERIFY2(isLetterPage(s.request.pages[0], e.a, 0), describe(s.request.pages[0].plan));
        QVERIFY(e.core.isAnswering());
        QCOMPARE(e.core.conversation().id, id);

        // On disk before any token: the question, interrupted, with the page and its plan.
        QJsonObject file = e.onDisk(id);
        QCOMPARE(file[S("format")].toInt(), 2);
        QCOMPARE(SessionStore::hashDocument(e.a), sha256("the annual report")); // the fixture's hashes are real
        QCOMPARE(file[S("documents")].toArray(),
                 (QJsonArray{QJsonObject{{S("path"), e.a}, {S("sha256"), sha256("the annual report")}},
                             QJsonObject{{S("path"), e.b}, {S("sha256"), sha256("the investor deck")}}}));
        QJsonObject t = file[S("turns")].toArray().first().toObject();
        QCOMPARE(file[S("turns")].toArray().size(), 1);
        QCOMPARE(t[S("question")].toString(), S("What is the total?"));
        QCOMPARE(t[S("state")].toString(), S("interrupted"));
        QCOMPARE(t[S("pages")].toArray(), QJsonArray{pageJson(e.a, 1)});
        QVERIFY(!t.contains(S("prompt_ids")));
        QVERIFY(!t.contains(S("fresh_context")));
        QCOMPARE(t[S("settings")].toObject()[S("max_new_tokens")].toInt(), 77);
        QCOMPARE(modelPages(t), QStringList{letterOnDisk(e.a, 1)});

        e.core.appendAnswer(S("The total "));
        e.core.appendAnswer(S("is 42"));
        QCOMPARE(e.core.streamingText(), S("The total is 42"));
        e.core.finishAnswer(stats(S("The total is 42."), kPrompt1, kGenerated1, false));
        QVERIFY(!e.core.isAnswering());
        t = e.turnsOnDisk().first().toObject();
        QCOMPARE(t[S("state")].toString(), S("complete"));
        QCOMPARE(t[S("answer")].toString(), S("The total is 42."));
        QCOMPARE(t[S("prompt_ids")].toArray(), json(kPrompt1));
        QCOMPARE(t[S("generated_ids")].toArray(), json(kGenerated1));

        const ConversationCore::Outlook o = e.core.outlook({});
        QVERIFY(o.inConversation && o.exact && !o.replays);
        QCOMPARE(o.modelImages, 13);
        QCOMPARE(o.pages, (PageKeyList{{e.a, 0}}));
    }

    // 2. A follow-up about the same pages carries turn 1 as history (ids, pages with their plans).
    void followUpSamePages()
    {
        Env e;
        e.open();
        firstTurn(e, {{e.a, 0}});
        const QString id = e.core.conversation().id;
        const ConversationCore::Outlook o = e.core.outlook({{e.a, 0}});
        QVERIFY(o.exact && o.toAdd.isEmpty());

        ConversationCore::Started s = e.core.ask(S("And last year?"), {{e.a, 0}}, Mode::Auto, settings(99));
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.request.followUp);
        QVERIFY(s.request.newPages.empty());
        QCOMPARE(s.request.maxNewTokens, 99);
        QCOMPARE(s.request.history.size(), std::size_t(1));
        const AskHistoryTurn &h = s.request.history[0];
        QVERIFY(h.promptIds == kPrompt1 && h.generatedIds == kGenerated1);
        QCOMPARE(h.maxNewTokens, 77);
        QCOMPARE(h.pages.size(), std::size_t(1));
        QVERIFY2(isLetterPage(h.pages[0], e.a, 0), describe(h.pages[0].plan));
        QCOMPARE(e.core.conversation().id, id);
        const Ids prompt2{128006, 882, 3112, 1566, 1060, 30}, gen2{1966, 13, 128009};
        e.core.finishAnswer(stats(S("39."), prompt2, gen2, true));

        QJsonArray turns = e.turnsOnDisk();
        QCOMPARE(turns.size(), 2);
        QJsonObject t = turns[1].toObject();
        QCOMPARE(t[S("state")].toString(), S("complete"));
        QVERIFY(!t.contains(S("added_pages")));
        QVERIFY(!t.contains(S("fresh_context")));
        QCOMPARE(t[S("prompt_ids")].toArray(), json(prompt2));
        QCOMPARE(e.core.outlook({}).modelImages, 13); // no new images

        // The worker had lost the conversation (followUp false in its stats): the turn says so,
        // and the next question's history begins there.
        s = e.core.ask(S("In euros?"), {{e.a, 0}}, Mode::Auto, settings());
        QCOMPARE(s.request.history.size(), std::size_t(2));
        const Ids prompt3{128000, 128006, 9, 9, 9}, gen3{5, 128009};
        e.core.finishAnswer(stats(S("36."), prompt3, gen3, false));
        t = e.turnsOnDisk()[2].toObject();
        QCOMPARE(t[S("fresh_context")].toBool(), true);
        QVERIFY(!t[S("fresh_reason")].toString().isEmpty());
        s = e.core.ask(S("Why?"), {{e.a, 0}}, Mode::Auto, settings());
        QVERIFY(s.request.followUp);
        QCOMPARE(s.request.history.size(), std::size_t(1));
        QVERIFY(s.request.history[0].promptIds == prompt3);
    }

    // 3. Checked pages that differ: refused in Auto, added (planned in what is left of 50) in AddPages.
    void addPages()
    {
        Env e;
        e.open();
        firstTurn(e, {{e.a, 0}});
        const PageKeyList both{{e.a, 0}, {e.b, 0}};
        ConversationCore::Started s = e.core.ask(S("Compare with the deck."), both, Mode::Auto, settings());
        QVERIFY(!s.ok());
        QVERIFY(!e.core.isAnswering());
        QCOMPARE(e.core.turns().size(), 1);
        QCOMPARE(e.core.outlook(both).toAdd, (PageKeyList{{e.b, 0}}));

        s = e.core.ask(S("Compare with the deck."), both, Mode::AddPages, settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.request.followUp);
        QCOMPARE(s.request.history.size(), std::size_t(1));
        QCOMPARE(s.request.newPages.size(), std::size_t(1));
        // 13 of 50 images used: the added Letter page still gets all its 12 crops.
        QVERIFY2(isLetterPage(s.request.newPages[0], e.b, 0), describe(s.request.newPages[0].plan));
        const Ids prompt2{128006, 882, 128256, 27, 28}, gen2{29, 128009};
        e.core.finishAnswer(stats(S("The deck rounds it up."), prompt2, gen2, true));
        QJsonObject t = e.turnsOnDisk()[1].toObject();
        QCOMPARE(t[S("added_pages")].toArray(), QJsonArray{pageJson(e.b, 1)});
        QCOMPARE(t[S("pages")].toArray(), (QJsonArray{pageJson(e.a, 1), pageJson(e.b, 1)}));
        QCOMPARE(modelPages(t), QStringList{letterOnDisk(e.b, 1)});
        ConversationCore::Outlook o = e.core.outlook({});
        QCOMPARE(o.pages, both);
        QCOMPARE(o.modelImages, 26);

        s = e.core.ask(S("Which is right?"), both, Mode::Auto, settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.request.followUp);
        QCOMPARE(s.request.history.size(), std::size_t(2));
        QVERIFY(s.request.history[1].promptIds == prompt2);
        QCOMPARE(s.request.history[1].pages.size(), std::size_t(1));
        QVERIFY(isLetterPage(s.request.history[1].pages[0], e.b, 0));
        e.core.finishAnswer(stats(S("The report."), {128006, 31}, {32, 128009}, true));

        // Three more Letter pages with 26 images used: 24 left, not the 3 x 13 they would want.
        const PageKeyList more{{e.a, 1}, {e.a, 2}, {e.b, 1}};
        s = e.core.ask(S("And the other pages?"), both + more, Mode::AddPages, settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QCOMPARE(s.request.newPages.size(), std::size_t(3));
        int images = 0;
        for (const AskPage &p : s.request.newPages) {
            images += p.plan.modelImages();
            QVERIFY2(p.plan.allocated < 12 && p.plan.allocated > 0, describe(p.plan));
        }
        QVERIFY2(26 + images <= 50, qPrintable(QString::number(26 + images)));
    }

    // 4. NewConversation and askAbout start a new conversation whatever is shown.
    void newConversationModes()
    {
        Env e;
        e.open();
        firstTurn(e, {{e.a, 0}});
        const QString id1 = e.core.conversation().id;
        ConversationCore::Started s = e.core.ask(S("Start over."), {{e.a, 0}}, Mode::NewConversation, settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        const QString id2 = e.core.conversation().id;
        QVERIFY(id2 != id1);
        QCOMPARE(e.core.turns().size(), 1);
        QVERIFY(!s.request.followUp && s.request.history.empty());
        e.core.finishAnswer(stats(S("Sure."), {1, 2}, {3}, false));

        s = e.core.askAbout({{e.b, 1}, {e.a, 2}}, S("Compare these."), settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        const QString id3 = e.core.conversation().id;
        QVERIFY(id3 != id2 && id3 != id1);
        QCOMPARE(e.core.turns().size(), 1);
        QCOMPARE(s.request.pages.size(), std::size_t(2));
        QVERIFY2(isLetterPage(s.request.pages[0], e.b, 1), describe(s.request.pages[0].plan)); // in the order given
        QVERIFY2(isLetterPage(s.request.pages[1], e.a, 2), describe(s.request.pages[1].plan));
        e.core.finishAnswer(stats(S("Alike."), {4, 5}, {6}, false));
        QCOMPARE(e.onDisk(id1)[S("turns")].toArray().size(), 1); // the earlier ones are kept
        QCOMPARE(e.onDisk(id2)[S("turns")].toArray().size(), 1);
        QCOMPARE(e.onDisk(id3)[S("turns")].toArray().size(), 1);
    }

    // 5. Saved turns that cannot be continued exactly: a fresh start about the pages found, with why.
    void freshStart_data()
    {
        QTest::addColumn<QString>("cause");
        QTest::addColumn<QString>("reasonHas"); // words the reason must contain
        QTest::newRow("format 1") << S("format1") << S("earlier version");
        QTest::newRow("document changed") << S("changed") << S("has changed");
        QTest::newRow("ids outside the vocabulary") << S("vocab") << S("id 12|vocabulary of 10");
        QTest::newRow("last answer failed") << S("failed") << S("failed");
    }
    void freshStart()
    {
        QFETCH(QString, cause);
        QFETCH(QString, reasonHas);
        Env e;
        e.open();
        if (cause == S("format1")) {
            SavedConversation c = e.core.store().create(e.source.openDocuments());
            c.format = 1;
            SessionTurn t;
            t.question = S("Old question");
            t.answer = S("Old answer");
            t.pages = {{e.a, 1}};
            t.state = TurnState::Complete;
            c.turns = {t};
            e.core.show(c);
            QVERIFY(e.core.isRestored());
        } else if (cause == S("vocab")) {
            e.core.ask(S("What is the total?"), {{e.a, 0}}, Mode::Auto, settings());
            e.core.finishAnswer(stats(S("42."), {1, 2, 3}, {4, 12}, false));
            e.core.setVocabularySize(10);
        } else if (cause == S("failed")) {
            e.core.ask(S("What is the total?"), {{e.a, 0}}, Mode::Auto, settings());
            e.core.appendAnswer(S("Partial"));
            e.core.failAnswer(S("out of memory"));
            const QJsonObject t = e.turnsOnDisk()[0].toObject();
            QCOMPARE(t[S("error")].toString(), S("out of memory"));
            QCOMPARE(t[S("answer")].toString(), S("Partial"));
            QVERIFY(!t.contains(S("prompt_ids")));
        } else {
            firstTurn(e, {{e.a, 0}});
            // A new revision of the report at the same path.
            QFile f(e.a);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("the annual report, revised");
            f.close();
            e.source.docs[0].sha = sha256("the annual report, revised");
            e.core.setDocuments(e.source.openDocuments(), false);
            QCOMPARE(e.core.turns().size(), 1); // the conversation asked in stays
        }
        const int before = e.core.turns().size();
        const ConversationCore::Outlook o = e.core.outlook({{e.a, 0}});
        QVERIFY(o.inConversation && !o.exact);
        for (const QString &word : reasonHas.split(QLatin1Char('|')))
            QVERIFY2(o.afreshReason.contains(word), qPrintable(o.afreshReason));
        QCOMPARE(o.pages, (PageKeyList{{e.a, 0}}));

        const ConversationCore::Started s = e.core.ask(S("Next?"), {{e.a, 0}}, Mode::Auto, settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(!s.request.followUp && s.request.history.empty() && s.request.newPages.empty());
        QCOMPARE(s.request.pages.size(), std::size_t(1));
        QVERIFY2(isLetterPage(s.request.pages[0], e.a, 0), describe(s.request.pages[0].plan));
        const QJsonArray turns = e.turnsOnDisk();
        QCOMPARE(turns.size(), before + 1);
        const QJsonObject t = turns.last().toObject();
        QCOMPARE(t[S("fresh_context")].toBool(), true);
        QCOMPARE(t[S("fresh_reason")].toString(), o.afreshReason);
        QCOMPARE(modelPages(t), QStringList{letterOnDisk(e.a, 1)});

        // Once the model has seen the pages afresh, the next question continues exactly.
        e.core.finishAnswer(stats(S("Fresh."), {1, 2}, {3}, false));
        // (After "document changed": the conversation knows the new content from the fresh turn on.)
        QVERIFY2(e.core.outlook({}).exact, qPrintable(e.core.outlook({}).afreshReason));
    }

    // 6. A document moved (same bytes, other path) continues exactly; saved refs resolve to it.
    void movedDocument()
    {
        Env e;
        e.open();
        firstTurn(e, {{e.a, 0}});
        QVERIFY(QDir().mkpath(e.tmp.filePath(S("moved"))));
        const QString moved = e.tmp.filePath(S("moved/report copy.pdf"));
        QVERIFY(QFile::rename(e.a, moved));
        e.source.docs[0].path = moved;
        e.core.setDocuments(e.source.openDocuments(), false);
        QCOMPARE(e.core.turns().size(), 1);

        bool same = false;
        QCOMPARE(e.core.resolve({e.a, 1}, &same), (PageKey{moved, 0}));
        QVERIFY(same);
        QVERIFY(!e.core.resolve({e.a, 4}).isValid()); // past its 3 pages
        const ConversationCore::Outlook o = e.core.outlook({});
        QVERIFY2(o.exact, qPrintable(o.afreshReason));
        QCOMPARE(o.pages, (PageKeyList{{moved, 0}}));
        QCOMPARE(o.missingPages, 0);

        const ConversationCore::Started s = e.core.ask(S("And last year?"), {{moved, 0}}, Mode::Auto, settings());
        QVERIFY2(s.ok(), qPrintable(s.error));
        QVERIFY(s.request.followUp);
        QCOMPARE(s.request.history.size(), std::size_t(1));
        QVERIFY(s.request.history[0].promptIds == kPrompt1);
        QVERIFY2(isLetterPage(s.request.history[0].pages[0], moved, 0), describe(s.request.history[0].pages[0].plan));
        e.core.finishAnswer(stats(S("39."), {7, 8}, {9}, true));
        QCOMPARE(e.turnsOnDisk()[1].toObject()[S("pages")].toArray(), QJsonArray{pageJson(moved, 1)});
    }

    // 7. Opening the same documents again shows their newest saved conversation, replayable.
    void showsNewestSaved()
    {
        Env e;
        e.open();
        firstTurn(e, {{e.a, 0}});
        const QString id1 = e.core.conversation().id;
        e.writer.waitForIdle();
        QThread::msleep(20); // distinct "updated" stamps
        e.core.ask(S("Second conversation"), {{e.b, 0}}, Mode::NewConversation, settings(55));
        const Ids prompt2{128000, 40, 41}, gen2{42, 128009};
        e.core.finishAnswer(stats(S("Two."), prompt2, gen2, false));
        const QString id2 = e.core.conversation().id;
        QVERIFY(id2 != id1);
        e.writer.waitForIdle();

        SessionWriter writer(e.tmp.filePath(S("sessions"))); // the app started again
        ConversationCore core(&writer);
        core.setPageSource(&e.source);
        core.setDocuments(e.source.openDocuments(), true);
        QCOMPARE(core.conversation().id, id2);
        QCOMPARE(core.turns().size(), 1);
        QCOMPARE(core.turns()[0].question, S("Second conversation"));
        QVERIFY(core.isRestored());
        const ConversationCore::Outlook o = core.outlook({});
        QVERIFY2(o.exact && o.replays, qPrintable(o.afreshReason));
        const ConversationCore::Started s = core.ask(S("More?"), {{e.b, 0}}, Mode::Auto, settings());
        QVERIFY(s.request.followUp);
        QCOMPARE(s.request.history.size(), std::size_t(1));
        QVERIFY(s.request.history[0].promptIds == prompt2);
        QCOMPARE(s.request.history[0].maxNewTokens, 55);
        core.failAnswer(S("stopping"));

        ConversationCore other(&writer); // without showNewestSaved: an empty conversation
        other.setPageSource(&e.source);
        other.setDocuments(e.source.openDocuments(), false);
        QVERIFY(other.turns().isEmpty());
        QVERIFY(other.conversation().id != id1 && other.conversation().id != id2);
    }

    // 8. remove(): the file goes (a queued save of it is dropped), an empty conversation is shown.
    void removeConversation()
    {
        Env e;
        e.open();
        firstTurn(e, {{e.a, 0}});
        const QString id = e.core.conversation().id;
        e.core.ask(S("Still answering"), {{e.a, 0}}, Mode::Auto, settings());
        QString error;
        QVERIFY(!e.core.remove(id, &error)); // not while it is being answered
        QVERIFY(!error.isEmpty());
        e.core.finishAnswer(stats(S("Done."), {5}, {6}, true));
        e.writer.waitForIdle();
        QVERIFY(QFile::exists(e.filePath(id)));

        // Another conversation's save holds the writer; this one's save waits in the queue.
        ConversationCore other(&e.writer);
        other.setPageSource(&e.source);
        other.setDocuments(e.source.openDocuments(), false);
        e.writer.setWriteDelayMs(300);
        other.ask(S("Other"), {{e.b, 0}}, Mode::Auto, settings());
        QThread::msleep(50); // the writer has taken the other save and is "writing" it
        e.core.ask(S("Third"), {{e.a, 0}}, Mode::Auto, settings());
        e.core.finishAnswer(stats(S("Three."), {7}, {8}, true));
        QCOMPARE(e.writer.pending(), 2);
        QVERIFY2(e.core.remove(id, &error), qPrintable(error));
        QVERIFY(!QFile::exists(e.filePath(id)));
        QVERIFY(e.core.conversation().id != id);
        QVERIFY(e.core.turns().isEmpty());
        QVERIFY(!e.core.outlook({}).inConversation);
        e.writer.waitForIdle();
        QVERIFY(!QFile::exists(e.filePath(id))); // the queued save was dropped
        QVERIFY(QFile::exists(e.filePath(other.conversation().id)));
        other.failAnswer(S("stop"));

        // The conversation's own save being written (in the writer's delay) when it is removed.
        e.core.ask(S("Fourth"), {{e.a, 0}}, Mode::Auto, settings());
        e.core.finishAnswer(stats(S("Four."), {9}, {10}, false));
        e.writer.waitForIdle();
        const QString id2 = e.core.conversation().id;
        QVERIFY(QFile::exists(e.filePath(id2)));
        e.core.ask(S("Fifth"), {{e.a, 0}}, Mode::Auto, settings());
        QThread::msleep(50); // the writer has taken this save and sleeps before writing it
        e.core.finishAnswer(stats(S("Five."), {11}, {12}, true));
        QVERIFY2(e.core.remove(id2, &error), qPrintable(error));
        QVERIFY(!QFile::exists(e.filePath(id2)));
        e.writer.waitForIdle();
        // The save taken off the queue before remove() but not yet written was dropped too.
        QVERIFY(!QFile::exists(e.filePath(id2)));
        e.writer.setWriteDelayMs(0);
    }
};

QTEST_GUILESS_MAIN(TestConversationCore)
#include "test_conversation_core.moc"
