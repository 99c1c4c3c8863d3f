// `leopard-cli ask --continue ID` and `leopard-cli sessions list|show` as a user runs them: the built
// binary under QProcess, on a tiny model the built `make-tiny` writes at test time, page 1 of a copy of
// the sample report. References, never the CLI's numbers compared with themselves:
// - the session file is read here with QJsonDocument; the document's hash is QCryptographicHash's;
//   the store's place is the documented $XDG_DATA_HOME/LeopardDesk/Leopard Desk/sessions;
// - the continued turn's prompt is the Llama 3 chat template built here by hand from turn 1's saved
//   prompt_ids + generated_ids and separately tokenised pieces (as tests/chat/tst_inference_worker);
// - the continued answer (ids, prompt, and the fp32 logits after the prompt, bit for bit) equals an
//   in-process InferenceWorker that never stopped: Q1, then live follow-ups Q2, Q3 (run last: no fork
//   after libtorch's threads exist in this process);
// - bad input (unknown id, a moved report) exits 1 naming what is missing; --no-save writes nothing.
// - a 3rd question replays both saved turns (at 766ddac a follow-up without new pages was saved without
//   "model_pages" and read back without its ids, so the 3rd question started afresh).
#include "inference/inference_worker.h"
#include "tests/common/process_run.h"
#include "inference/planner.h"
#include "inference/tokenizer/tokenizer.h"
#include "ui/conversation/document_pages.h"
#include "viewer/document_opener.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace leopard;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kSample = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
const QString kQ1 = u"What is the corridor's busiest month?"_s;
const QString kQ2 = u"And the quietest one?"_s;
const QString kQ3 = u"Which page has the table?"_s;
const QString kDeskTail = u"/LeopardDesk/Leopard Desk/sessions"_s; // below $XDG_DATA_HOME
constexpr int kMaxNew = 8;

using Run = test::ProcessRun;

Run run(const QStringList &args, const QProcessEnvironment &env) { return test::runCli(args, {}, 300000, env); }

QJsonObject json(const Run &r) { return QJsonDocument::fromJson(r.out).object(); }

QByteArray bytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject readJson(const QString &path, QString *error = nullptr)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes(path), &pe);
    if (error && !doc.isObject())
        *error = path + u": not a JSON object: "_s + pe.errorString();
    return doc.object();
}

std::vector<std::int32_t> ids(const QJsonValue &v)
{
    std::vector<std::int32_t> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(std::int32_t(x.toDouble()));
    return out;
}

QJsonArray array(const std::vector<std::int32_t> &v)
{
    QJsonArray a;
    for (std::int32_t x : v)
        a.append(x);
    return a;
}

// The float32 data of a 1-D .npy file (header checked as far as the test needs).
std::vector<float> readNpy(const QString &path)
{
    const QByteArray b = bytes(path);
    if (b.size() < 10 || !b.startsWith(QByteArray("\x93NUMPY", 6)))
        return {};
    const int headerLength = int(quint8(b[8])) | (int(quint8(b[9])) << 8);
    const QByteArray header = b.mid(10, headerLength);
    if (!header.contains("'<f4'"))
        return {};
    const qsizetype bytes = b.size() - 10 - headerLength;
    std::vector<float> out(std::size_t(bytes / 4));
    std::memcpy(out.data(), b.constData() + 10 + headerLength, out.size() * 4);
    return out;
}

// `conversation` + the next Llama 3 user turn asking `question` (no new pages) + the assistant
// header, from separately tokenised pieces (DESIGN.md "Prompt"; as tests/chat/tst_inference_worker).
std::vector<std::int32_t> withFollowUp(const Tokenizer &tok, std::vector<std::int32_t> want, const QString &question)
{
    auto id = [&](const char *name) { return *tok.tokenId(name); };
    auto add = [&](const std::string &text) {
        const std::vector<std::int32_t> v = tok.encode(text, false);
        want.insert(want.end(), v.begin(), v.end());
    };
    if (want.back() != id("<|eot_id|>"))
        want.push_back(id("<|eot_id|>")); // the answer stopped on length: closed first
    want.push_back(id("<|start_header_id|>"));
    add("user");
    want.push_back(id("<|end_header_id|>"));
    add("\n\n");
    add(question.toStdString() + "\nAnswer the question using a single word or phrase.");
    want.push_back(id("<|eot_id|>"));
    want.push_back(id("<|start_header_id|>"));
    add("assistant");
    want.push_back(id("<|end_header_id|>"));
    add("\n\n");
    return want;
}

std::vector<std::int32_t> conversationIds(const QJsonArray &turns) // saved prompt + generated ids, in order
{
    std::vector<std::int32_t> out;
    for (const QJsonValue &t : turns)
        for (const char *key : {"prompt_ids", "generated_ids"}) {
            const std::vector<std::int32_t> v = ids(t.toObject()[QLatin1String(key)]);
            out.insert(out.end(), v.begin(), v.end());
        }
    return out;
}

QString sha256(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes(path), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestCliContinue : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_, report_, storeA_, unusedDesk_;
    QStringList common_;
    QProcessEnvironment env_ = QProcessEnvironment::systemEnvironment();     // XDG store unused (--sessions-dir runs)
    QProcessEnvironment deskEnv_ = QProcessEnvironment::systemEnvironment(); // XDG_DATA_HOME = the test's
    // From the --sessions-dir conversation, for the in-process reference at the end.
    QJsonObject q1_, q2_, q3_, savedAfterQ1_, savedAfterQ2_;
    QString id_;

    Run ask(const QStringList &args, const QProcessEnvironment &env) { return run(QStringList{u"ask"_s} + common_ + args, env); }
    QString path(const QString &name) const { return dir_.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        report_ = path(u"report/sample-report.pdf"_s);
        QVERIFY(QDir().mkpath(path(u"report"_s)));
        QVERIFY(QFile::copy(kSample, report_));
        storeA_ = path(u"store-a"_s);
        env_.insert(u"XDG_CACHE_HOME"_s, path(u"cache"_s));
        env_.insert(u"XDG_DATA_HOME"_s, path(u"xdg-unused"_s));
        unusedDesk_ = path(u"xdg-unused"_s) + kDeskTail;
        deskEnv_.insert(u"XDG_CACHE_HOME"_s, path(u"cache"_s));
        deskEnv_.insert(u"XDG_DATA_HOME"_s, path(u"xdg"_s));
        model_ = path(u"tiny"_s);
        const Run made = run({u"make-tiny"_s, u"--out"_s, model_}, env_);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        common_ = QStringList{u"--model"_s, model_, u"--dtype"_s, u"fp32"_s, u"--device"_s, u"cpu"_s,
                              u"--max-new-tokens"_s, QString::number(kMaxNew)};
    }

    // 1. A first question is saved: the JSON names the conversation and its file; the file (read here)
    // has one turn with the question and the generated ids the JSON reports.
    void firstQuestionIsSaved()
    {
        const Run r = ask({u"--json"_s, u"--sessions-dir"_s, storeA_, u"--pages"_s, u"1"_s, report_, u"--"_s, kQ1}, env_);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        q1_ = json(r);
        id_ = q1_[u"conversation_id"_s].toString();
        QVERIFY2(!id_.isEmpty(), r.out.constData());
        QCOMPARE(q1_[u"session_file"_s].toString(), storeA_ + QLatin1Char('/') + id_ + u".json"_s);
        QVERIFY(QFile::exists(q1_[u"session_file"_s].toString()));
        QCOMPARE(q1_[u"continued"_s].toBool(true), false);
        QCOMPARE(q1_[u"turn"_s].toInt(), 1);
        QVERIFY(!q1_[u"generated_ids"_s].toArray().isEmpty());
        QVERIFY(q1_[u"generated_ids"_s].toArray().size() <= kMaxNew);

        QString error;
        savedAfterQ1_ = readJson(q1_[u"session_file"_s].toString(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(savedAfterQ1_[u"format"_s].toInt(), 2);
        QCOMPARE(savedAfterQ1_[u"id"_s].toString(), id_);
        const QJsonArray docs = savedAfterQ1_[u"documents"_s].toArray();
        QCOMPARE(docs.size(), 1);
        QCOMPARE(docs[0].toObject()[u"path"_s].toString(), report_);
        QCOMPARE(docs[0].toObject()[u"sha256"_s].toString(), sha256(kSample));
        const QJsonArray turns = savedAfterQ1_[u"turns"_s].toArray();
        QCOMPARE(turns.size(), 1);
        const QJsonObject t = turns[0].toObject();
        QCOMPARE(t[u"question"_s].toString(), kQ1);
        QCOMPARE(t[u"state"_s].toString(), u"complete"_s);
        QCOMPARE(t[u"generated_ids"_s].toArray(), q1_[u"generated_ids"_s].toArray());
        QCOMPARE(t[u"answer"_s].toString(), q1_[u"text"_s].toString());
        // A first turn's saved prompt is the whole prompt the model was fed.
        QCOMPARE(t[u"prompt_ids"_s].toArray(), q1_[u"input_ids"_s].toArray());
        QCOMPARE(t[u"pages"_s].toArray(), (QJsonArray{QJsonObject{{u"file"_s, report_}, {u"page"_s, 1}}}));
        QVERIFY2(!QFileInfo::exists(unusedDesk_), "--sessions-dir was given: nothing goes to the app's folder");
    }

    // 4c (after 1). --no-save: a new question writes no file anywhere; continuing with it leaves the
    // conversation's file as it was (the model still continues it).
    void noSaveWritesNothing()
    {
        const QString store = path(u"store-nosave"_s);
        const Run r = ask({u"--json"_s, u"--no-save"_s, u"--sessions-dir"_s, store, u"--pages"_s, u"1"_s, report_, u"--"_s, kQ1},
                          env_);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(json(r)[u"conversation_id"_s].isNull());
        QVERIFY(json(r)[u"session_file"_s].isNull());
        QVERIFY(!json(r)[u"generated_ids"_s].toArray().isEmpty());
        QVERIFY2(QDir(store).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty(), "--no-save wrote a file");
        QVERIFY(!r.err.contains("saved as conversation"));
        QVERIFY2(!QFileInfo::exists(unusedDesk_), "nothing goes to the app's folder either");

        QVERIFY(!id_.isEmpty());
        const QString file = storeA_ + QLatin1Char('/') + id_ + u".json"_s;
        const QByteArray before = bytes(file);
        QVERIFY(!before.isEmpty());
        const Run c = ask({u"--json"_s, u"--no-save"_s, u"--sessions-dir"_s, storeA_, u"--continue"_s, id_, u"--"_s, kQ3}, env_);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(json(c)[u"continued"_s].toBool(), true);
        QCOMPARE(json(c)[u"replayed_turns"_s].toInt(), 1);
        QVERIFY(json(c)[u"conversation_id"_s].isNull());
        QCOMPARE(bytes(file), before);
        QCOMPARE(QDir(storeA_).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden).size(), 1);
    }

    // 2. --continue ID: the model continues exactly; the prompt is turn 1's saved ids + the chat
    // template's next user turn, built here by hand.
    void continueBuildsTemplatePrompt()
    {
        const QString logits = path(u"q2-logits.npy"_s);
        const Run r = ask({u"--json"_s, u"--sessions-dir"_s, storeA_, u"--continue"_s, id_, u"--dump-logits"_s, logits,
                           u"--"_s, kQ2}, env_);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        q2_ = json(r);
        QCOMPARE(q2_[u"conversation_id"_s].toString(), id_);
        QCOMPARE(q2_[u"continued"_s].toBool(), true);
        QCOMPARE(q2_[u"replayed_turns"_s].toInt(), 1);
        QCOMPARE(q2_[u"fresh_reason"_s].toString(), QString());
        QCOMPARE(q2_[u"turn"_s].toInt(), 2);
        QVERIFY(QString::fromUtf8(r.err).contains(QLatin1String("timing: replay")));

        const QJsonObject t1 = savedAfterQ1_[u"turns"_s].toArray()[0].toObject();
        const Tokenizer tok = Tokenizer::fromDirectory(model_.toStdString());
        const std::vector<std::int32_t> before = conversationIds(savedAfterQ1_[u"turns"_s].toArray());
        const std::vector<std::int32_t> want = withFollowUp(tok, before, kQ2);
        QCOMPARE(q2_[u"input_ids"_s].toArray(), array(want));
        const std::vector<std::int32_t> turn(want.begin() + std::ptrdiff_t(before.size()), want.end());
        QCOMPARE(q2_[u"turn_prompt_ids"_s].toArray(), array(turn)); // the ids after turn 1's
        // The prompt length counts every image token's rows: 13 model images of 169 rows on page 1.
        QCOMPARE(q2_[u"prompt_length"_s].toInt(), int(want.size()) + 13 * 168);

        QString error;
        savedAfterQ2_ = readJson(q2_[u"session_file"_s].toString(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray turns = savedAfterQ2_[u"turns"_s].toArray();
        QCOMPARE(turns.size(), 2);
        QCOMPARE(turns[0].toObject(), t1); // turn 1 kept as it was
        const QJsonObject t2 = turns[1].toObject();
        QCOMPARE(t2[u"question"_s].toString(), kQ2);
        QCOMPARE(t2[u"state"_s].toString(), u"complete"_s);
        QVERIFY(!t2.contains(u"fresh_context"_s));
        QCOMPARE(t2[u"prompt_ids"_s].toArray(), q2_[u"turn_prompt_ids"_s].toArray());
        QCOMPARE(t2[u"generated_ids"_s].toArray(), q2_[u"generated_ids"_s].toArray());
        QVERIFY(!readNpy(logits).empty());
        const QJsonObject timings = q2_[u"timings"_s].toObject();
        qInfo("continued: replay of 1 turn %.3f s (encode %.3f s), prefill %.3f s, first token %.3f s, load %.3f s; %zu prompt ids",
              timings[u"replay_s"_s].toDouble(), timings[u"encode_s"_s].toDouble(), timings[u"prefill_s"_s].toDouble(),
              timings[u"first_token_s"_s].toDouble(), timings[u"load_s"_s].toDouble(), want.size());
        QVERIFY(timings[u"replay_s"_s].toDouble() > 0);
    }

    // 2b. A third question continues the two saved turns exactly (replaying both): the prompt is both
    // turns' saved ids + the next user turn, built by hand.
    void thirdQuestionContinuesExactly()
    {
        QVERIFY(!savedAfterQ2_.isEmpty());
        const Run r = ask({u"--json"_s, u"--sessions-dir"_s, storeA_, u"--continue"_s, id_, u"--dump-logits"_s,
                           path(u"q3-logits.npy"_s), u"--"_s, kQ3}, env_);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        q3_ = json(r);
        QCOMPARE(q3_[u"turn"_s].toInt(), 3);
        QVERIFY2(!r.err.contains("cannot be continued exactly"), r.err.constData());
        QCOMPARE(q3_[u"continued"_s].toBool(), true);
        QCOMPARE(q3_[u"replayed_turns"_s].toInt(), 2);
        QCOMPARE(q3_[u"fresh_reason"_s].toString(), QString());
        const Tokenizer tok = Tokenizer::fromDirectory(model_.toStdString());
        const std::vector<std::int32_t> want = withFollowUp(tok, conversationIds(savedAfterQ2_[u"turns"_s].toArray()), kQ3);
        QCOMPARE(q3_[u"input_ids"_s].toArray(), array(want));
        qInfo("third question: replayed %d saved turns in %.3f s", q3_[u"replayed_turns"_s].toInt(),
              q3_[u"timings"_s].toObject()[u"replay_s"_s].toDouble());
    }

    // 3. The app's store by XDG_DATA_HOME (no --sessions-dir): ask and continue write there, and
    // `sessions list|show --json` read the same conversation back as the file says.
    void sessionsListAndShowReadTheDeskStore()
    {
        const QString store = path(u"xdg"_s) + kDeskTail;
        const Run a = ask({u"--json"_s, u"--pages"_s, u"1"_s, report_, u"--"_s, kQ1}, deskEnv_);
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const QString id = json(a)[u"conversation_id"_s].toString();
        const QString file = store + QLatin1Char('/') + id + u".json"_s;
        QCOMPARE(json(a)[u"session_file"_s].toString(), file);
        QVERIFY(QFile::exists(file));
        const Run b = ask({u"--json"_s, u"--continue"_s, id, u"--"_s, kQ2}, deskEnv_);
        QVERIFY2(b.exitCode == 0, b.err.constData());
        QCOMPARE(json(b)[u"continued"_s].toBool(), true);
        QCOMPARE(json(b)[u"replayed_turns"_s].toInt(), 1);
        QString error;
        const QJsonObject saved = readJson(file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray turns = saved[u"turns"_s].toArray();
        QCOMPARE(turns.size(), 2);

        const Run l = run({u"sessions"_s, u"list"_s, u"--json"_s}, deskEnv_);
        QVERIFY2(l.exitCode == 0, l.err.constData());
        const QJsonObject list = json(l);
        QCOMPARE(list[u"directory"_s].toString(), store);
        const QJsonArray sessions = list[u"sessions"_s].toArray();
        QCOMPARE(sessions.size(), 1);
        const QJsonObject s = sessions[0].toObject();
        QCOMPARE(s[u"id"_s].toString(), id);
        QCOMPARE(s[u"title"_s].toString(), kQ1);
        QCOMPARE(s[u"turns"_s].toInt(), 2);
        QCOMPARE(s[u"interrupted"_s].toBool(true), false);
        QCOMPARE(s[u"set_key"_s].toString(), saved[u"set_key"_s].toString());
        QCOMPARE(s[u"documents"_s].toArray(), (QJsonArray{QJsonObject{{u"path"_s, report_}, {u"sha256"_s, sha256(kSample)}}}));
        QCOMPARE(s[u"updated"_s].toString(), saved[u"updated"_s].toString());
        // The plain listing names it too.
        const Run plain = run({u"sessions"_s, u"list"_s}, deskEnv_);
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains(id.toUtf8()) && plain.out.contains("2 turns") && plain.out.contains(kQ1.toUtf8()),
                 plain.out.constData());

        const Run sh = run({u"sessions"_s, u"show"_s, id, u"--json"_s}, deskEnv_);
        QVERIFY2(sh.exitCode == 0, sh.err.constData());
        const QJsonObject show = json(sh);
        const QJsonArray shown = show[u"turns"_s].toArray();
        QCOMPARE(shown.size(), 2);
        const QStringList questions{kQ1, kQ2};
        const QStringList answers{json(a)[u"text"_s].toString(), json(b)[u"text"_s].toString()};
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(shown[i].toObject()[u"question"_s].toString(), turns[i].toObject()[u"question"_s].toString());
            QCOMPARE(shown[i].toObject()[u"answer"_s].toString(), turns[i].toObject()[u"answer"_s].toString());
            QCOMPARE(shown[i].toObject()[u"question"_s].toString(), questions[i]);
            QCOMPARE(shown[i].toObject()[u"answer"_s].toString(), answers[i]);
        }
        QCOMPARE(show, saved); // "as saved", turn 2's ids included
        const Run shPlain = run({u"sessions"_s, u"show"_s, id}, deskEnv_);
        QCOMPARE(shPlain.exitCode, 0);
        QVERIFY2(shPlain.out.contains(("[2] Q: " + kQ2).toUtf8()), shPlain.out.constData());
    }

    // 4a. An id that is not in the store: exit 1 naming it, before the model loads.
    void unknownIdIsRefused()
    {
        const QString bogus = u"0123456789abcdef-no-such-conversation"_s;
        const Run r = ask({u"--json"_s, u"--sessions-dir"_s, storeA_, u"--continue"_s, bogus, u"--"_s, kQ3}, env_);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(bogus), r.err.constData());
        QVERIFY2(!r.err.contains("timing: load"), "refused before the model loads");
        QVERIFY(r.out.isEmpty());
        const Run s = run({u"sessions"_s, u"show"_s, bogus, u"--sessions-dir"_s, storeA_}, env_);
        QCOMPARE(s.exitCode, 1);
        QVERIFY2(QString::fromUtf8(s.err).contains(bogus), s.err.constData());
    }

    // 4b. The report moved after Q1: --continue says which file is not there and exits 1, the
    // conversation unchanged; given its new place as a FILE it continues exactly.
    void movedReportIsNamed()
    {
        const QString store = path(u"store-moved"_s);
        const QString original = path(u"moving/sample-report.pdf"_s);
        const QString moved = path(u"moved/sample-report.pdf"_s);
        QVERIFY(QDir().mkpath(path(u"moving"_s)) && QDir().mkpath(path(u"moved"_s)));
        QVERIFY(QFile::copy(kSample, original));
        const Run a = ask({u"--json"_s, u"--sessions-dir"_s, store, u"--pages"_s, u"1"_s, original, u"--"_s, kQ1}, env_);
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const QString id = json(a)[u"conversation_id"_s].toString();
        const QString file = json(a)[u"session_file"_s].toString();
        const QByteArray before = bytes(file);
        QVERIFY(!before.isEmpty());
        QVERIFY(QFile::rename(original, moved));

        const Run r = ask({u"--json"_s, u"--sessions-dir"_s, store, u"--continue"_s, id, u"--"_s, kQ3}, env_);
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(original) && err.contains(QLatin1String("not there")), qPrintable(err));
        QVERIFY2(err.contains(id), qPrintable(err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(bytes(file), before); // the failed attempt changed nothing

        const Run c = ask({u"--json"_s, u"--sessions-dir"_s, store, u"--continue"_s, id, moved, u"--"_s, kQ3}, env_);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(json(c)[u"continued"_s].toBool(), true);
        QCOMPARE(json(c)[u"replayed_turns"_s].toInt(), 1);
        QCOMPARE(json(c)[u"fresh_reason"_s].toString(), QString());
        const QJsonArray turns = readJson(file)[u"turns"_s].toArray();
        QCOMPARE(turns.size(), 2);
        QCOMPARE(turns[1].toObject()[u"question"_s].toString(), kQ3);
        QCOMPARE(turns[1].toObject()[u"pages"_s].toArray(), (QJsonArray{QJsonObject{{u"file"_s, moved}, {u"page"_s, 1}}}));
    }

    // 2 (reference). A worker in this process that never stopped: Q1 about the same page (same
    // render, the planner's plan), then live follow-ups Q2 and Q3. The CLI's continued answers must
    // be the same ids, prompts and fp32 logits. Last: no QProcess after libtorch's threads start here.
    void continuationEqualsLiveFollowUp()
    {
        QVERIFY(!q1_.isEmpty() && !q2_.isEmpty());
        const viewer::OpenResult opened = viewer::openDocument(report_);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        const QImage page = opened.document->analysisImage(0, 144);
        InferenceWorker worker; // this thread: its signals arrive directly
        QList<AskStats> done;
        QStringList failed;
        ModelInfo info;
        connect(&worker, &InferenceWorker::modelLoaded, this, [&](const ModelInfo &i) { info = i; });
        connect(&worker, &InferenceWorker::finished, this, [&](const AskStats &s) { done << s; });
        connect(&worker, &InferenceWorker::failed, this, [&](const QString &m) { failed << m; });
        worker.loadModel(model_, u"cpu"_s, u"fp32"_s);
        QVERIFY2(failed.isEmpty() && !info.directory.isEmpty(), qPrintable(failed.join(QLatin1Char('\n'))));
        PlanOptions options;
        options.cropSide = info.cropSide;
        options.tokensPerImage = info.tokensPerImage;
        const CropPlan plan = planCrops({{page.width(), page.height()}}, options);
        // The CLI planned the same page the same way.
        const QJsonObject cliPlan = q1_[u"inputs"_s].toArray()[0].toObject()[u"plan"_s].toObject();
        QCOMPARE(cliPlan[u"width"_s].toInt(), page.width());
        QCOMPARE(cliPlan[u"height"_s].toInt(), page.height());
        QCOMPARE(cliPlan[u"grid"_s].toArray(), (QJsonArray{plan.images[0].gridCols, plan.images[0].gridRows}));
        QCOMPARE(cliPlan[u"model_images"_s].toInt(), plan.images[0].modelImages());

        AskRequest q1;
        q1.question = kQ1;
        q1.maxNewTokens = kMaxNew;
        q1.pages = {ui::askPageFor(opened.document, 0, 144, plan.images[0])};
        worker.ask(q1);
        QVERIFY2(failed.isEmpty() && done.size() == 1, qPrintable(failed.join(QLatin1Char('\n'))));
        const AskStats s1 = done.takeFirst();
        QCOMPARE(array(s1.generatedIds), q1_[u"generated_ids"_s].toArray());
        QCOMPARE(array(worker.lastPromptIds()), q1_[u"input_ids"_s].toArray());

        AskRequest q2;
        q2.question = kQ2;
        q2.maxNewTokens = kMaxNew;
        q2.followUp = true;
        q2.keepPromptLogits = true;
        worker.ask(q2);
        QVERIFY2(failed.isEmpty() && done.size() == 1, qPrintable(failed.join(QLatin1Char('\n'))));
        const AskStats s2 = done.takeFirst();
        QVERIFY(s2.followUp);
        QCOMPARE(s2.replayedTurns, 0); // live: nothing replayed
        QCOMPARE(array(s2.generatedIds), q2_[u"generated_ids"_s].toArray());
        QCOMPARE(s2.text, q2_[u"text"_s].toString());
        QCOMPARE(array(s2.turnPromptIds), q2_[u"turn_prompt_ids"_s].toArray());
        QCOMPARE(array(worker.lastPromptIds()), q2_[u"input_ids"_s].toArray());
        QCOMPARE(qint64(s2.promptLength), qint64(q2_[u"prompt_length"_s].toDouble()));
        // Stronger than greedy ids of a random tiny model: the logits after the continued prompt are
        // the same floats, bit for bit.
        const std::vector<float> cli = readNpy(path(u"q2-logits.npy"_s));
        QCOMPARE(cli.size(), s2.promptLogits.size());
        QCOMPARE(qint64(cli.size()), info.vocabSize);
        QVERIFY2(std::memcmp(cli.data(), s2.promptLogits.data(), cli.size() * sizeof(float)) == 0,
                 "the continued turn's logits differ from the live follow-up's");
        qInfo("live follow-up: %d ids, prefill %.3f s (%lld positions, %lld from the KV cache); CLI replay %.3f s",
              s2.tokens, s2.prefillSeconds, qlonglong(s2.promptLength), qlonglong(s2.reusedPositions),
              q2_[u"timings"_s].toObject()[u"replay_s"_s].toDouble());

        // Q3, live: the CLI's third turn (after replaying two saved turns) must be this one.
        QVERIFY(!q3_.isEmpty());
        AskRequest q3 = q2;
        q3.question = kQ3;
        worker.ask(q3);
        QVERIFY2(failed.isEmpty() && done.size() == 1, qPrintable(failed.join(QLatin1Char('\n'))));
        const AskStats s3 = done.takeFirst();
        QVERIFY(s3.followUp);
        QCOMPARE(array(worker.lastPromptIds()), q3_[u"input_ids"_s].toArray());
        const std::vector<float> cli3 = readNpy(path(u"q3-logits.npy"_s));
        QCOMPARE(cli3.size(), s3.promptLogits.size());
        QVERIFY2(std::memcmp(cli3.data(), s3.promptLogits.data(), cli3.size() * sizeof(float)) == 0,
                 "the third turn's logits differ from the live follow-up's");
        QCOMPARE(array(s3.generatedIds), q3_[u"generated_ids"_s].toArray());
    }
};

QTEST_GUILESS_MAIN(TestCliContinue)
#include "test_cli_continue.moc"
