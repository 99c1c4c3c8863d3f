// The History dock lists every saved conversation, not only the open documents': grouped by
// document set, newest first, filtered by the words of questions, answers and file names; opening
// one reopens its documents by path, checked by content hash (a moved file: the user is asked where
// it is; a changed file: said so). The saved files are written here as JSON by hand, with SHA-256
// from QCryptographicHash, so what the dock shows is checked against data the app did not produce.
#include "ui/chat/chat_panel.h"
#include "ui/conversation/session_store.h"
#include "ui/history/conversation_reopener.h"
#include "ui/history/history_panel.h"
#include "ui/pages/page_strip_model.h"
#include "ui/window/main_window.h"
#include "viewer/document.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace leopard::ui;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

QString sha256(const QByteArray &bytes) { return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()); }

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The set key as session_store.h documents it: SHA-256 of the sorted content hashes joined by '\n'.
QString setKeyOf(QStringList hashes)
{
    hashes.sort();
    return sha256(hashes.join(QLatin1Char('\n')).toUtf8());
}

struct Turn { QString question, answer; };

} // namespace

class TestHistoryEverything : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_report, m_image, m_moved, m_changed;
    QHash<QString, QString> m_ids; // name -> id

    QString path(const char *name) const { return m_dir.filePath(S(name)); }

    // A format-2 session file about `docs` (path, content hash), `hoursAgo` old, written by hand.
    QString write(const char *name, const QList<QPair<QString, QString>> &docs, const QList<Turn> &turns, int hoursAgo)
    {
        QJsonArray documents;
        QStringList hashes;
        for (const auto &[p, h] : docs) {
            documents.append(QJsonObject{{S("path"), p}, {S("sha256"), h}});
            hashes << h;
        }
        const QString key = setKeyOf(hashes);
        const QString id = key.left(16) + QLatin1Char('-') + S(name);
        const QString when = QDateTime::currentDateTimeUtc().addSecs(-3600 * hoursAgo).toString(Qt::ISODateWithMs);
        QJsonArray ts;
        for (const Turn &t : turns)
            ts.append(QJsonObject{
                {S("question"), t.question}, {S("answer"), t.answer}, {S("state"), S("complete")},
                {S("pages"), QJsonArray{QJsonObject{{S("file"), docs.first().first}, {S("page"), 1}}}},
                {S("settings"), QJsonObject{{S("model_dir"), S("")}, {S("dtype"), S("fp32")}, {S("device"), S("cpu")},
                                            {S("max_new_tokens"), 8}, {S("temperature"), 0}, {S("top_p"), 1},
                                            {S("seed"), S("0")}, {S("analysis_dpi"), 144}}},
                {S("asked"), when}, {S("answered"), when}});
        const QJsonObject top{{S("format"), 2}, {S("id"), id}, {S("set_key"), key}, {S("created"), when},
                              {S("updated"), when}, {S("documents"), documents}, {S("turns"), ts}};
        const QString dir = m_window->chatPanel()->sessionStore()->directory();
        QDir().mkpath(dir);
        QFile f(dir + QLatin1Char('/') + id + S(".json"));
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(QJsonDocument(top).toJson());
        m_ids.insert(S(name), id);
        return id;
    }

    int rowOf(const QString &id) const
    {
        HistoryPanel *h = m_window->historyPanel();
        for (int r = 0; r < h->count(); ++r)
            if (h->idAt(r) == id)
                return r;
        return -1;
    }

    bool isOpen(const QString &file) const { return m_window->pageStripModel()->findDocument(QFileInfo(file).absoluteFilePath()) != nullptr; }

    // Opens a row and waits for the reopener to finish; returns its notes.
    QStringList open(const QString &id, bool *ok)
    {
        QSignalSpy done(m_window->conversationReopener(), &ConversationReopener::finished);
        *ok = false;
        const int row = rowOf(id);
        if (row < 0 || !m_window->historyPanel()->openRow(row))
            return {S("openRow failed: ") + m_window->historyPanel()->lastError()};
        if (done.isEmpty() && !done.wait(30000))
            return {S("no finished()")};
        *ok = done.first().at(1).toBool();
        return done.first().at(2).toStringList();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_report = path("annual report.pdf");
        QVERIFY(QFile::copy(S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf"), m_report));
        m_image = path("exports chart.png");
        QImage chart(600, 400, QImage::Format_RGB32);
        chart.fill(Qt::darkCyan);
        QVERIFY(chart.save(m_image));
        m_moved = path("moved/deck page.png"); // where the "moved" document is now
        QDir().mkpath(path("moved"));
        QImage slide(800, 450, QImage::Format_RGB32);
        slide.fill(Qt::darkRed);
        QVERIFY(slide.save(m_moved));
        m_changed = path("budget.png"); // saved with other bytes than it has now
        QImage budget(500, 500, QImage::Format_RGB32);
        budget.fill(Qt::darkGreen);
        QVERIFY(budget.save(m_changed));

        m_window = std::make_unique<MainWindow>();
        m_window->setMessageBoxesEnabled(false);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QDir(m_window->chatPanel()->sessionStore()->directory()).removeRecursively();

        const QString reportSha = sha256(readAll(m_report));
        QVERIFY(!write("revenue", {{m_report, reportSha}}, {{S("What was the revenue?"), S("Revenue was 12 million.")},
                                                          {S("And costs?"), S("Costs were 9 million.")}}, 1).isEmpty());
        QVERIFY(!write("exports", {{m_image, sha256(readAll(m_image))}}, {{S("Which chart shows exports?"), S("The cyan one: exports to Zürich.")}}, 2).isEmpty());
        QVERIFY(!write("older", {{m_report, reportSha}}, {{S("Who signed the report?"), S("The board.")}}, 5).isEmpty());
        QVERIFY(!write("moved", {{path("old place/deck page.png"), sha256(readAll(m_moved))}}, {{S("What is on the slide?"), S("A red field.")}}, 3).isEmpty());
        QVERIFY(!write("changed", {{m_changed, sha256("the budget as it was")}}, {{S("How big is the budget?"), S("Large.")}}, 4).isEmpty());
        QVERIFY(!write("gone", {{path("nowhere/lost.png"), sha256("lost")}}, {{S("Where did it go?"), S("Away.")}}, 6).isEmpty());
    }

    // Every conversation, grouped by document set; groups by their newest conversation.
    void listsEveryConversationGrouped()
    {
        HistoryPanel *h = m_window->historyPanel();
        h->refresh();
        QTRY_VERIFY(!h->isRefreshing());
        QCOMPARE(h->count(), 6);
        QCOMPARE(h->groupCount(), 5);
        const QStringList order{m_ids[S("revenue")], m_ids[S("older")], m_ids[S("exports")], m_ids[S("moved")],
                                m_ids[S("changed")], m_ids[S("gone")]};
        for (int r = 0; r < order.size(); ++r)
            QCOMPARE(h->idAt(r), order[r]);
        QCOMPARE(h->groupTextAt(0), S("annual report.pdf"));
        QCOMPARE(h->groupTextAt(1), S("annual report.pdf")); // same group
        QCOMPARE(h->groupTextAt(2), S("exports chart.png"));
        QVERIFY(h->textAt(0).startsWith(S("What was the revenue?\n")));
        QVERIFY2(h->textAt(0).contains(S("2 turn")) /* "%n turn(s)": the plural comes with the English translation */, qPrintable(h->textAt(0)));
        QVERIFY(!h->groupTextAt(0).contains(S("open now"))); // nothing is open
    }

    void filterOverQuestionsAnswersAndNames()
    {
        HistoryPanel *h = m_window->historyPanel();
        QLineEdit *filter = h->filterEdit();
        filter->setText(S("zurich")); // accents and case do not matter
        QCOMPARE(h->count(), 1);
        QCOMPARE(h->idAt(0), m_ids[S("exports")]);
        filter->setText(S("9 MILLION")); // an answer of the second turn; every word must match
        QCOMPARE(h->count(), 1);
        QCOMPARE(h->idAt(0), m_ids[S("revenue")]);
        filter->setText(S("annual")); // the document's name
        QCOMPARE(h->count(), 2);
        filter->setText(S("revenue zurich"));
        QCOMPARE(h->count(), 0);
        QVERIFY2(h->headerText().contains(S("revenue zurich")), qPrintable(h->headerText()));
        filter->clear();
        QCOMPARE(h->count(), 6);
    }

    // Opening a conversation whose document is closed opens it, then shows the conversation.
    void openingReopensItsDocuments()
    {
        QVERIFY(!isOpen(m_report));
        bool ok = false;
        const QStringList notes = open(m_ids[S("revenue")], &ok);
        QVERIFY2(ok, qPrintable(notes.join(S(" | "))));
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(S(" | "))));
        QVERIFY(isOpen(m_report));
        ChatPanel *chat = m_window->chatPanel();
        QCOMPARE(chat->conversationId(), m_ids[S("revenue")]);
        QCOMPARE(chat->turnCount(), 2);
        QVERIFY(chat->transcriptText().contains(S("Costs were 9 million.")));
        QCOMPARE(chat->pageLinks(0), QStringList{S("annual report.pdf p. 1")});
        HistoryPanel *h = m_window->historyPanel();
        QTRY_VERIFY(h->groupTextAt(rowOf(m_ids[S("revenue")])).contains(S("open now")));
        QVERIFY(h->textAt(rowOf(m_ids[S("revenue")])).contains(S("shown")));
    }

    // Its file is no longer where it was saved: the user says where it is now; same content, no note.
    void movedDocumentIsLocated()
    {
        QString askedFor;
        m_window->conversationReopener()->setLocate([&](const SessionDocument &missing) {
            askedFor = missing.path;
            return m_moved;
        });
        bool ok = false;
        const QStringList notes = open(m_ids[S("moved")], &ok);
        QVERIFY2(ok, qPrintable(notes.join(S(" | "))));
        QCOMPARE(askedFor, path("old place/deck page.png"));
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(S(" | "))));
        QVERIFY(isOpen(m_moved));
        QCOMPARE(m_window->chatPanel()->conversationId(), m_ids[S("moved")]);
        QCOMPARE(m_window->chatPanel()->pageLinks(0), QStringList{S("deck page.png p. 1")}); // resolved by its hash
    }

    // The file at the saved path has other content now: opened, shown, and said so.
    void changedDocumentIsSaidSo()
    {
        bool ok = false;
        const QStringList notes = open(m_ids[S("changed")], &ok);
        QVERIFY(ok);
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes[0].contains(S("“budget.png” has changed")) && notes[0].contains(S("afresh")), qPrintable(notes[0]));
        QVERIFY(isOpen(m_changed));
        QCOMPARE(m_window->chatPanel()->conversationId(), m_ids[S("changed")]);
        QCOMPARE(m_window->historyPanel()->lastMessage(), notes[0]);
    }

    // Nowhere to be found and the user leaves it out: the conversation is shown, the note names it.
    void missingDocumentLeftOut()
    {
        m_window->conversationReopener()->setLocate([](const SessionDocument &) { return QString(); });
        const int before = int(m_window->pageStripModel()->documents().size());
        bool ok = false;
        const QStringList notes = open(m_ids[S("gone")], &ok);
        QVERIFY(ok);
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes[0].contains(S("“lost.png” is no longer at ")) && notes[0].contains(path("nowhere/lost.png")), qPrintable(notes[0]));
        QCOMPARE(int(m_window->pageStripModel()->documents().size()), before);
        QCOMPARE(m_window->chatPanel()->conversationId(), m_ids[S("gone")]);
        QCOMPARE(m_window->chatPanel()->turnCount(), 1);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestHistoryEverything)
#include "tst_history_everything.moc"
