// ui/session_store + ui/conversation. References are independent of the code under test where one
// exists: the files are read back with QJsonDocument directly, document hashes are checked against
// the sha256sum tool, and the kill -9 check judges files by content the writer derives from a
// counter, not by re-saving them.
#include "ui/conversation/answer_recorder.h"
#include "ui/conversation/session_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cstdio>

using namespace leopard::ui;

namespace {

const QString kWriterId = QStringLiteral("writer-session");
constexpr int kPiecesPerAnswer = 40;

// The text of piece k of the answer to turn t: the writer streams these, the checker expects them.
QString piece(int turn, int k) { return QStringLiteral("t%1.p%2 ").arg(turn).arg(k); }

QString fullAnswer(int turn)
{
    QString s;
    for (int k = 0; k < kPiecesPerAnswer; ++k)
        s += piece(turn, k);
    return s;
}

SessionTurn makeTurn(const QString &question)
{
    SessionTurn t;
    t.question = question;
    t.pages = {{QStringLiteral("/data/report.pdf"), 2}, {QStringLiteral("/data/deck.pptx"), 11}};
    t.settings.modelDir = QStringLiteral("/models/Leopard-LLaVA");
    t.settings.dtype = QStringLiteral("bf16");
    t.settings.device = QStringLiteral("cpu");
    t.settings.maxNewTokens = 256;
    t.settings.temperature = 0.7;
    t.settings.topP = 0.9;
    t.settings.seed = (qint64(1) << 62) + 7; // past 2^53: must survive JSON
    t.settings.analysisDpi = 144;
    t.asked = QDateTime::fromString(QStringLiteral("2026-11-22T01:02:03.456Z"), Qt::ISODateWithMs);
    return t;
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Writer mode (run by killDuringWrites): continue the conversation in DIR, streaming answers with
// a save after every piece, forever. Exits 2 if the file it finds does not load.
int runWriter(const QString &dir)
{
    SessionStore store(dir);
    SavedConversation c;
    if (QFileInfo::exists(store.filePath(kWriterId))) {
        const LoadResult r = store.load(kWriterId);
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error));
            return 2;
        }
        c = r.conversation;
        if (!c.turns.isEmpty() && c.turns.last().state == TurnState::Interrupted)
            c.turns.removeLast(); // ask that question again, as a user would after a crash
    } else {
        c = store.create({{QStringLiteral("/data/report.pdf"), QString(64, QLatin1Char('a'))}});
        c.id = kWriterId;
    }
    for (;;) {
        const int t = c.turns.size();
        AnswerRecorder rec([&store](SavedConversation &x, QString *e) { return store.save(x, e); }, &c, 0);
        if (!rec.begin(makeTurn(QStringLiteral("question %1").arg(t))))
            return 3;
        for (int k = 0; k < kPiecesPerAnswer; ++k)
            if (!rec.append(piece(t, k)))
                return 3;
        if (!rec.finish())
            return 3;
    }
}

} // namespace

class TestSessions : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    int dirCounter_ = 0;
    QString freshDir() { return tmp_.filePath(QStringLiteral("s%1").arg(++dirCounter_)); }

private slots:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void defaultDirectoryIsAppData()
    {
        QVERIFY(SessionStore::defaultDirectory().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(SessionStore::defaultDirectory().endsWith(QLatin1String("/sessions")));
    }

    void roundTrip()
    {
        SessionStore store(freshDir());
        SavedConversation c = store.create({{QStringLiteral("/data/report.pdf"), QString(64, QLatin1Char('1'))},
                                       {QStringLiteral("/data/deck.pptx"), QString(64, QLatin1Char('2'))}});
        SessionTurn a = makeTurn(QStringLiteral("Which quarter — Q3 or Q4 — had more 🚢 traffic?"));
        a.answer = QStringLiteral("Q3, by 12 % (page 2).\nSee the table.");
        a.state = TurnState::Complete;
        a.answered = a.asked.addSecs(5);
        SessionTurn b = makeTurn(QStringLiteral("And in tonnes?"));
        b.answer = QStringLiteral("About 1.2");
        b.state = TurnState::Interrupted;
        b.answered = a.asked.addSecs(9);
        b.addedPages = {{QStringLiteral("/data/deck.pptx"), 4}}; // a page added by this turn
        b.pages.append(b.addedPages.first());
        b.freshContext = true;
        c.turns = {a, b};
        QString error;
        QVERIFY2(store.save(c, &error), qPrintable(error));

        // A new store (the app reopened) reads back exactly what was saved.
        const LoadResult r = SessionStore(store.directory()).load(c.id);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.conversation.turns.size(), 2);
        QCOMPARE(r.conversation.turns[0], a);
        QCOMPARE(r.conversation.turns[1], b);
        QVERIFY(r.conversation == c);

        // The file itself, read without the store: the documented layout.
        const QJsonObject json = QJsonDocument::fromJson(readBytes(store.filePath(c.id))).object();
        QCOMPARE(json[QStringLiteral("format")].toInt(), 2);
        const QJsonArray turns = json[QStringLiteral("turns")].toArray();
        QCOMPARE(turns[0].toObject()[QStringLiteral("state")].toString(), QStringLiteral("complete"));
        QCOMPARE(turns[1].toObject()[QStringLiteral("state")].toString(), QStringLiteral("interrupted"));
        QCOMPARE(turns[0].toObject()[QStringLiteral("pages")].toArray()[1].toObject()[QStringLiteral("page")].toInt(), 11);
        QCOMPARE(turns[0].toObject()[QStringLiteral("settings")].toObject()[QStringLiteral("seed")].toString(),
                 QStringLiteral("4611686018427387911"));
        // Optional fields: absent when unset (files stay readable by the first version), present when set.
        QVERIFY(!turns[0].toObject().contains(QStringLiteral("added_pages")));
        QVERIFY(!turns[0].toObject().contains(QStringLiteral("fresh_context")));
        QCOMPARE(turns[1].toObject()[QStringLiteral("added_pages")].toArray()[0].toObject()[QStringLiteral("file")].toString(),
                 QStringLiteral("/data/deck.pptx"));
        QCOMPARE(turns[1].toObject()[QStringLiteral("added_pages")].toArray()[0].toObject()[QStringLiteral("page")].toInt(), 4);
        QCOMPARE(turns[1].toObject()[QStringLiteral("fresh_context")].toBool(), true);
    }

    // The key is made of document contents: order and location do not matter, a changed file does.
    void documentSetKey()
    {
        const QString a = tmp_.filePath(QStringLiteral("a.pdf")), b = tmp_.filePath(QStringLiteral("b.pdf"));
        writeBytes(a, "first document");
        writeBytes(b, "second document");
        const QString ha = SessionStore::hashDocument(a), hb = SessionStore::hashDocument(b);
        if (!QStandardPaths::findExecutable(QStringLiteral("sha256sum")).isEmpty()) {
            QProcess p;
            p.start(QStringLiteral("sha256sum"), {a});
            QVERIFY(p.waitForFinished());
            QCOMPARE(ha, QString::fromLatin1(p.readAllStandardOutput().left(64)));
        }
        const QString moved = tmp_.filePath(QStringLiteral("renamed copy.pdf"));
        QVERIFY(QFile::copy(a, moved));
        const QString key = SessionStore::documentSetKey({{a, ha}, {b, hb}});
        QCOMPARE(SessionStore::documentSetKey({{b, hb}, {a, ha}}), key);
        QCOMPARE(SessionStore::documentSetKey({{moved, SessionStore::hashDocument(moved)}, {b, hb}}), key);
        writeBytes(b, "second document, revised");
        QVERIFY(SessionStore::documentSetKey({{a, ha}, {b, SessionStore::hashDocument(b)}}) != key);
        QString error;
        QVERIFY(SessionStore::hashDocument(tmp_.filePath(QStringLiteral("absent.pdf")), &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("absent.pdf")));
    }

    void listAndDelete()
    {
        SessionStore store(freshDir());
        const QList<SessionDocument> setA{{QStringLiteral("/a.pdf"), QString(64, QLatin1Char('a'))}};
        const QList<SessionDocument> setB{{QStringLiteral("/b.pdf"), QString(64, QLatin1Char('b'))}};
        SavedConversation first = store.create(setA), second = store.create(setA), other = store.create(setB);
        first.turns = {makeTurn(QStringLiteral("first"))};
        first.turns[0].state = TurnState::Complete;
        second.turns = {makeTurn(QStringLiteral("second"))}; // interrupted
        QVERIFY(store.save(first));
        QThread::msleep(5);
        QVERIFY(store.save(other));
        QThread::msleep(5);
        QVERIFY(store.save(second));

        const QList<SessionSummary> all = store.list();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].id, second.id); // newest first
        QCOMPARE(all[1].id, other.id);
        QCOMPARE(all[2].id, first.id);
        QCOMPARE(all[0].title, QStringLiteral("second"));
        QVERIFY(all[0].interrupted);
        QVERIFY(!all[2].interrupted);
        QCOMPARE(all[2].documents, QStringList{QStringLiteral("/a.pdf")});

        const QString keyA = SessionStore::documentSetKey(setA);
        QCOMPARE(store.list(keyA).size(), 2);
        QVERIFY(store.remove(first.id));
        QVERIFY(!QFileInfo::exists(store.filePath(first.id)));
        const QList<SessionSummary> left = store.list(keyA);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left[0].id, second.id);
        QString error;
        QVERIFY(!store.remove(first.id, &error));
        QVERIFY(error.contains(first.id));
        QCOMPARE(store.list().size(), 2);
    }

    void damagedFile_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("truncated") << 0;
        QTest::newRow("empty") << 1;
        QTest::newRow("garbage") << 2;
        QTest::newRow("field missing") << 3;
    }
    void damagedFile()
    {
        QFETCH(int, kind);
        SessionStore writer(freshDir());
        SavedConversation c = writer.create({{QStringLiteral("/a.pdf"), QString(64, QLatin1Char('a'))}});
        c.turns = {makeTurn(QStringLiteral("q"))};
        QVERIFY(writer.save(c));
        const QString path = writer.filePath(c.id);
        const QByteArray good = readBytes(path);
        QByteArray bad;
        switch (kind) {
        case 0: bad = good.left(good.size() / 2); break;
        case 1: break;
        case 2: bad = "\x00\x01 not json at all"; break;
        case 3: bad = QByteArray(good).replace("\"turns\"", "\"turnz\""); break;
        }
        writeBytes(path, bad);

        SessionStore store(writer.directory()); // the app restarted
        const LoadResult r = store.load(c.id);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(path), qPrintable(r.error));
        const QList<SessionSummary> listed = store.list();
        QCOMPARE(listed.size(), 1);
        QVERIFY(listed[0].error.contains(path));

        // Not overwritten silently: save refuses, the bytes stay as they were.
        QString error;
        QVERIFY(!store.save(c, &error));
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("not overwritten")), qPrintable(error));
        QCOMPARE(readBytes(path), bad);

        // Set aside, then saving works and the damaged copy is kept.
        QVERIFY(store.quarantine(c.id));
        QVERIFY(store.save(c, &error));
        QVERIFY(store.load(c.id).ok());
        const QStringList aside = QDir(store.directory()).entryList({c.id + QStringLiteral(".json.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readBytes(store.directory() + QLatin1Char('/') + aside[0]), bad);
        QCOMPARE(store.list().size(), 1); // the damaged copy is not a session
    }

    // The recorder saves the question at once, then at most once per interval, interrupted until finish.
    void streamingAnswer()
    {
        SessionStore store(freshDir());
        SavedConversation c = store.create({{QStringLiteral("/a.pdf"), QString(64, QLatin1Char('a'))}});
        const auto onDisk = [&] {
            const QJsonObject json = QJsonDocument::fromJson(readBytes(store.filePath(c.id))).object();
            return json[QStringLiteral("turns")].toArray().last().toObject();
        };
        AnswerRecorder rec([&store](SavedConversation &x, QString *e) { return store.save(x, e); }, &c, 1000);
        QVERIFY(rec.begin(makeTurn(QStringLiteral("What changed?"))));
        QCOMPARE(onDisk()[QStringLiteral("question")].toString(), QStringLiteral("What changed?"));
        QCOMPARE(onDisk()[QStringLiteral("state")].toString(), QStringLiteral("interrupted"));
        QVERIFY(rec.append(QStringLiteral("Volumes ")));
        QVERIFY(rec.append(QStringLiteral("rose ")));
        QCOMPARE(rec.saves(), 1); // within the interval: nothing written yet
        QCOMPARE(onDisk()[QStringLiteral("answer")].toString(), QString());
        QThread::msleep(1100);
        QVERIFY(rec.append(QStringLiteral("8 %")));
        QCOMPARE(rec.saves(), 2);
        QCOMPARE(onDisk()[QStringLiteral("answer")].toString(), QStringLiteral("Volumes rose 8 %"));
        QCOMPARE(onDisk()[QStringLiteral("state")].toString(), QStringLiteral("interrupted"));

        // Reopened before the answer completed (as after a crash): shows as interrupted.
        LoadResult r = SessionStore(store.directory()).load(c.id);
        QVERIFY(r.ok());
        QCOMPARE(r.conversation.turns.last().state, TurnState::Interrupted);
        QCOMPARE(r.conversation.turns.last().answer, QStringLiteral("Volumes rose 8 %"));

        QVERIFY(rec.append(QStringLiteral(" in Q3.")));
        QVERIFY(rec.finish());
        r = SessionStore(store.directory()).load(c.id);
        QCOMPARE(r.conversation.turns.last().state, TurnState::Complete);
        QCOMPARE(r.conversation.turns.last().answer, QStringLiteral("Volumes rose 8 % in Q3."));
    }

    // kill -9 of a process in the middle of saving, many times: every file left parses and holds a
    // whole version (each answer a piece-aligned prefix of what the writer streams, earlier turns
    // complete), and no version is older than the one seen before the kill.
    void killDuringWrites()
    {
        const QString dir = freshDir();
        SessionStore store(dir);
        int previousPieces = 0;
        int rounds = 0, withFile = 0;
        for (int round = 0; round < 40; ++round) {
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--writer"), dir});
            QVERIFY(writer.waitForStarted());
            // Until one answer is complete on disk, later rounds wait longer: on a loaded machine the
            // writer may take more than the longest random wait to start and finish an answer.
            QThread::msleep(20 + QRandomGenerator::global()->bounded(250) + (previousPieces == 0 ? round * 40 : 0));
            QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished());
            ++rounds;
            if (!QFileInfo::exists(store.filePath(kWriterId)))
                continue; // killed before its first save
            ++withFile;
            const LoadResult r = SessionStore(dir).load(kWriterId);
            QVERIFY2(r.ok(), qPrintable(r.error));
            int pieces = 0;
            const QList<SessionTurn> &turns = r.conversation.turns;
            for (int t = 0; t < turns.size(); ++t) {
                const QString &answer = turns[t].answer;
                QCOMPARE(turns[t].question, QStringLiteral("question %1").arg(t));
                QVERIFY2(fullAnswer(t).startsWith(answer), qPrintable(answer));
                const int n = answer.isEmpty() ? 0 : answer.count(QLatin1Char(' '));
                QVERIFY(answer == fullAnswer(t).left(answer.size()) && (n == 0 || answer.endsWith(QLatin1Char(' '))));
                if (t + 1 < turns.size())
                    QCOMPARE(turns[t].state, TurnState::Complete);
                if (turns[t].state == TurnState::Complete)
                    QCOMPARE(answer, fullAnswer(t));
                pieces += n;
            }
            // The writer drops an interrupted last turn and re-asks it, so compare complete turns only.
            int complete = 0;
            for (const SessionTurn &t : turns)
                complete += t.state == TurnState::Complete ? kPiecesPerAnswer : 0;
            QVERIFY2(complete >= previousPieces, qPrintable(QStringLiteral("%1 < %2").arg(complete).arg(previousPieces)));
            previousPieces = complete;
            Q_UNUSED(pieces);
        }
        QVERIFY(withFile > rounds / 2);
        QVERIFY(previousPieces > 0);
        // Temporaries a kill left behind are not listed as sessions.
        const QList<SessionSummary> listed = store.list();
        QCOMPARE(listed.size(), 1);
        QVERIFY(listed[0].error.isEmpty());
        // Leftover temporaries show kills that landed inside a save (Qt may use unnamed O_TMPFILE
        // temporaries instead, which leave nothing behind).
        const int leftovers = QDir(dir).entryList(QDir::Files).size() - 1;
        qInfo("%d kills, %d left a file to check, %d leftover temporaries, %d complete answers on disk at the end",
              rounds, withFile, leftovers, previousPieces / kPiecesPerAnswer);
    }

    // A full disk: save fails with a reason and the previous file is intact. Needs a tiny tmpfs,
    // which only a process allowed to mount can make; skipped otherwise.
    void diskFull()
    {
        const QString mnt = tmp_.filePath(QStringLiteral("tiny-fs"));
        QVERIFY(QDir().mkpath(mnt));
        QProcess mount;
        mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                               QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mnt});
        if (!mount.waitForFinished() || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
            QSKIP("cannot mount a tmpfs here (needs root with mount permission)");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mnt}); });
        SessionStore store(mnt + QStringLiteral("/sessions"));
        SavedConversation c = store.create({{QStringLiteral("/a.pdf"), QString(64, QLatin1Char('a'))}});
        c.turns = {makeTurn(QStringLiteral("small"))};
        QVERIFY(store.save(c));
        const QByteArray before = readBytes(store.filePath(c.id));
        c.turns.last().answer = QString(200 * 1024, QLatin1Char('x')); // more than the file system holds
        QString error;
        QVERIFY(!store.save(c, &error));
        QVERIFY2(error.contains(store.filePath(c.id)), qPrintable(error));
        QCOMPARE(readBytes(store.filePath(c.id)), before);
        QVERIFY(SessionStore(store.directory()).load(c.id).ok());
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 3 && args[1] == QLatin1String("--writer"))
        return runWriter(args[2]);
    TestSessions test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_sessions.moc"
