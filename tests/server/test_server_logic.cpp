// The server's logic without HTTP (app/server): chat requests parsed and refused field by field,
// OpenAI messages turned into Leopard turns, images checked from their headers (PNG, JPEG, WebP in;
// others out), stop strings across token pieces, the JSON shapes, the bounded queue, transcript
// keys, conversations rebuilt from text equal to the prompt builder's own turns — and, in process
// on a tiny checkpoint, a model failure that leaves the model thread answering the next job, and the
// worker's bounded feature cache.
#include "app/server/api_error.h"
#include "app/server/chat_job.h"
#include "app/server/chat_request.h"
#include "app/server/conversation_memory.h"
#include "app/server/image_pages.h"
#include "app/server/model_runner.h"
#include "app/server/openai_json.h"
#include "app/server/request_images.h"
#include "app/server/stop_filter.h"
#include "inference/checkpoint/tiny_checkpoint.h"
#include "inference/inference_worker.h"
#include "inference/torch/prompt_builder.h"
#include "viewer/model_pixels.h"

#include <nlohmann/json.hpp>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QtTest>

using namespace leopard;
using namespace leopard::server;
using nlohmann::json;

namespace {

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    return writer.write(image) ? bytes : QByteArray();
}

QImage picture(int w, int h, int seed = 0)
{
    QImage image(w, h, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image.setPixel(x, y, qRgb((x * 7 + seed) & 255, (y * 3 + seed) & 255, (x ^ y) & 255));
    return image;
}

std::string dataUrl(const QByteArray &bytes, const char *mime = "image/png")
{
    return std::string("data:") + mime + ";base64," + bytes.toBase64().toStdString();
}

json imagePart(const QByteArray &bytes) { return {{"type", "image_url"}, {"image_url", {{"url", dataUrl(bytes)}}}}; }
json textPart(const std::string &t) { return {{"type", "text"}, {"text", t}}; }

ChatParseOptions options()
{
    ChatParseOptions o;
    o.modelId = "tiny";
    o.defaultMaxTokens = 128;
    o.maxTokensLimit = 16384;
    return o;
}

ChatRequest parse(const json &body) { return parseChatRequest(body.dump(), options()); }

// The refusal for `body`: status and param (fails the test when it is accepted).
ApiError refusal(const std::string &body)
{
    try {
        parseChatRequest(body, options());
    } catch (const ApiError &e) {
        return e;
    }
    return ApiError(0, "accepted");
}

quint32 crc32(const QByteArray &data) // PNG's CRC (libpng checks it on IHDR)
{
    quint32 crc = 0xffffffffu;
    for (const char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A PNG signature and IHDR (and nothing else) claiming w x h pixels.
QByteArray pngHeader(quint32 w, quint32 h)
{
    QByteArray ihdr;
    QDataStream s(&ihdr, QIODevice::WriteOnly);
    s << w << h << quint8(8) << quint8(2) << quint8(0) << quint8(0) << quint8(0);
    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    QDataStream o(&out, QIODevice::Append);
    auto put = [&o](const QByteArray &type, const QByteArray &data) {
        const QByteArray body = type + data;
        o << quint32(data.size());
        o.writeRawData(body.constData(), int(body.size()));
        o << crc32(body);
    };
    put("IHDR", ihdr);
    put("IDAT", qCompress(QByteArray(16, 0)).mid(4)); // a few bytes of zlib data: far from w x h pixels
    put("IEND", {});
    return out;
}

} // namespace

class TestServerLogic : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString tinyModel()
    {
        const QString model = m_dir.filePath(QStringLiteral("tiny"));
        if (!QFile::exists(model + QStringLiteral("/config.json")))
            ckpt::writeTinyCheckpoint(model.toStdString(), LEOPARD_TOKENIZER_DIR, ckpt::TinySpec{});
        return model;
    }

private slots:
    void plainQuestion()
    {
        const ChatRequest r = parse({{"model", "tiny"}, {"messages", {{{"role", "user"}, {"content", "  Hello  "}}}}});
        QCOMPARE(r.turns.size(), std::size_t(1));
        QCOMPARE(r.turns[0].question, QStringLiteral("Hello"));
        QCOMPARE(r.maxTokens, 128);
        QCOMPARE(r.temperature, 0.0f); // greedy unless asked: the reference's default
        QVERIFY(!r.stream);
    }

    void messagesBecomeTurns()
    {
        const QByteArray a = encoded(picture(40, 30, 1), "png"), b = encoded(picture(50, 30, 2), "png");
        const json body = {
            {"messages",
             {{{"role", "system"}, {"content", "Be brief."}},
              {{"role", "user"}, {"content", {imagePart(a), textPart("What is it?")}}},
              {{"role", "assistant"}, {"content", " A chart. "}},
              {{"role", "user"}, {"content", {textPart("Compare"), imagePart(a), textPart("with"), imagePart(b)}}},
              {{"role", "assistant"}, {"content", {textPart("B is wider.")}}},
              {{"role", "user"}, {"content", "Why?"}},
              {{"role", "user"}, {"content", {imagePart(b)}}}}},
            {"max_tokens", 10}, {"max_completion_tokens", 12}, {"stop", "END"}, {"seed", 5}, {"temperature", 0.5},
            {"stream", true}, {"stream_options", {{"include_usage", true}}}};
        const ChatRequest r = parse(body);
        QCOMPARE(r.images.size(), std::size_t(4));
        QCOMPARE(r.turns.size(), std::size_t(3));
        // Images first (Leopard's layout): no tags, the prompt builder puts them in front.
        QCOMPARE(r.turns[0].question, QStringLiteral("Be brief.\n\nWhat is it?"));
        QCOMPARE(r.turns[0].images, std::vector<int>{0});
        QCOMPARE(r.turns[0].answer, QStringLiteral("A chart."));
        // Text before an image: tags where the images are; `a` is in the context already, not again.
        QCOMPARE(r.turns[1].question, QStringLiteral("Compare\nwith\n<image>"));
        QCOMPARE(r.turns[1].images, std::vector<int>{2});
        // Consecutive user messages are one turn; an image seen before brings nothing new.
        QCOMPARE(r.turns[2].question, QStringLiteral("Why?"));
        QVERIFY(r.turns[2].images.empty());
        QCOMPARE(r.maxTokens, 12); // max_completion_tokens wins
        QCOMPARE(r.stop, std::vector<std::string>{"END"});
        QVERIFY(r.seedGiven && r.seed == 5);
        QVERIFY(r.stream && r.includeUsage);
        QCOMPARE(r.images[0].sha256, r.images[1].sha256);
        QCOMPARE(r.images[0].width, 40);
    }

    void imageOnlyTurnGetsItsTag()
    {
        const ChatRequest r = parse({{"messages", {{{"role", "user"}, {"content", {imagePart(encoded(picture(20, 20), "png"))}}}}}});
        QCOMPARE(r.turns[0].question, QStringLiteral("<image>"));
    }

    void refusalsNameTheField_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        const std::string ok = R"("messages":[{"role":"user","content":"hi"}])";
        auto with = [&](const std::string &extra) { return QString::fromStdString("{" + ok + "," + extra + "}"); };
        QTest::newRow("invalid json") << "{\"messages\": [" << 400 << "";
        QTest::newRow("array body") << "[]" << 400 << "";
        QTest::newRow("no messages") << "{}" << 400 << "messages";
        QTest::newRow("empty messages") << "{\"messages\":[]}" << 400 << "messages";
        QTest::newRow("role missing") << "{\"messages\":[{\"content\":\"x\"}]}" << 400 << "messages[0].role";
        QTest::newRow("content a number") << "{\"messages\":[{\"role\":\"user\",\"content\":3}]}" << 400 << "messages[0].content";
        QTest::newRow("part type unknown")
            << "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}" << 400 << "messages[0].content[0].type";
        QTest::newRow("image in assistant")
            << "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"image_url\","
               "\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]},{\"role\":\"user\",\"content\":\"b\"}]}"
            << 400 << "messages[1].content[0]";
        QTest::newRow("temperature 3") << with("\"temperature\":3") << 400 << "temperature";
        QTest::newRow("top_p 0") << with("\"top_p\":0") << 400 << "top_p";
        QTest::newRow("max_tokens 1.5") << with("\"max_tokens\":1.5") << 400 << "max_tokens";
        QTest::newRow("max_tokens huge") << with("\"max_tokens\":100000") << 400 << "max_tokens";
        QTest::newRow("stream a string") << with("\"stream\":\"yes\"") << 400 << "stream";
        QTest::newRow("stop empty") << with("\"stop\":\"\"") << 400 << "stop";
        QTest::newRow("stop item") << with("\"stop\":[\"a\",3]") << 400 << "stop[1]";
        QTest::newRow("n 2") << with("\"n\":2") << 400 << "n";
        QTest::newRow("tools") << with("\"tools\":[{\"type\":\"function\"}]") << 400 << "tools";
        QTest::newRow("logprobs") << with("\"logprobs\":true") << 400 << "logprobs";
        QTest::newRow("json mode") << with("\"response_format\":{\"type\":\"json_object\"}") << 400 << "response_format";
        QTest::newRow("other model") << with("\"model\":\"gpt-4o\"") << 404 << "model";
        QTest::newRow("ends with assistant")
            << "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}" << 400 << "messages";
        QTest::newRow("image url not data")
            << "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/a.png\"}}]}]}"
            << 400 << "messages[0].content[0].image_url.url";
        QTest::newRow("image gif media type")
            << "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/gif;base64,AAAA\"}}]}]}"
            << 400 << "messages[0].content[0].image_url.url";
        QTest::newRow("deep nesting") << QString(QByteArray(200, '[')) << 400 << "";
    }

    void refusalsNameTheField()
    {
        QFETCH(QString, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        const ApiError e = refusal(body.toStdString());
        QCOMPARE(e.status, status);
        QCOMPARE(QString::fromStdString(e.param), param);
        if (!param.isEmpty())
            QVERIFY2(QString::fromUtf8(e.what()).contains(param), e.what());
        const json j = json::parse(errorJson(e));
        QVERIFY(j["error"].contains("message") && j["error"].contains("type") && j["error"].contains("param") &&
                j["error"].contains("code"));
    }

    void imageFormats()
    {
        const QImage img = picture(64, 48, 3);
        for (const char *format : {"png", "jpeg", "webp"}) {
            QVERIFY2(QImageWriter::supportedImageFormats().contains(format),
                     qPrintable(QStringLiteral("Qt cannot write %1 here: install qt6-image-formats-plugins (WebP)").arg(format)));
            const ChatImage c = readImageUrl(dataUrl(encoded(img, format), "image/png"), 0, "p", ServeLimits{});
            QCOMPARE(c.format, QByteArray(format)); // what the bytes are, not what the URL claimed
            QCOMPARE(c.width, 64);
            QCOMPARE(c.height, 48);
            QVERIFY(!decodeImage(c.bytes, ServeLimits{}).isNull());
        }
        // Other formats Qt reads are refused: the server takes what the model's users send.
        const QByteArray bmp = encoded(img, "bmp");
        try {
            readImageUrl(dataUrl(bmp, "image/webp"), 2, "p", ServeLimits{});
            QFAIL("a BMP was accepted");
        } catch (const ApiError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("image 2 is bmp")), e.what());
        }
    }

    void imageLimitsFromTheHeader()
    {
        ServeLimits limits;
        for (const auto &[w, h] : {std::pair<quint32, quint32>{40000, 40000}, {40001, 10}, {20000, 6000}}) {
            try {
                readImageUrl(dataUrl(pngHeader(w, h)), 7, "messages[0].content[0].image_url.url", limits);
                QFAIL("accepted");
            } catch (const ApiError &e) {
                QCOMPARE(e.status, 400);
                QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("image 7 is %1 x %2").arg(w).arg(h)), e.what());
            }
        }
        limits.maxImageSide = 100;
        try {
            readImageUrl(dataUrl(encoded(picture(101, 5), "png")), 0, "p", limits);
            QFAIL("accepted");
        } catch (const ApiError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("at most 100 a side")), e.what());
        }
        // Three images of 40 px, a request limit of 100 pixels in all: the third is one too many.
        ChatParseOptions o = options();
        o.limits.maxTotalPixels = 100;
        const QByteArray six = encoded(picture(8, 5), "png");
        const json body = {{"messages", {{{"role", "user"}, {"content", {imagePart(six), imagePart(six), imagePart(six), textPart("x")}}}}}};
        try {
            parseChatRequest(body.dump(), o);
            QFAIL("accepted");
        } catch (const ApiError &e) {
            QCOMPARE(QString::fromStdString(e.param), QStringLiteral("messages[0].content[2].image_url.url"));
        }
    }

    void stopStrings()
    {
        StopFilter none;
        QCOMPARE(none.push("abc"), std::string("abc"));
        StopFilter f({"STOP", "\n\n"});
        QCOMPARE(f.push("Hello S"), std::string("Hello ")); // "S" may begin "STOP": held back
        QCOMPARE(f.push("T"), std::string());
        QCOMPARE(f.push("x"), std::string("STx"));           // it did not
        QCOMPARE(f.push(" end\n"), std::string(" end"));
        QCOMPARE(f.push("\nmore"), std::string());           // "\n\n" spans two pieces: cut before it
        QVERIFY(f.stopped());
        QCOMPARE(f.push("after"), std::string());
        QCOMPARE(f.finish(), std::string());
        StopFilter g({"é!"});
        QCOMPARE(g.push("caf\xc3\xa9"), std::string("caf")); // the held tail starts where the stop string does
        QCOMPARE(g.push("?"), std::string("\xc3\xa9?"));
        QCOMPARE(g.finish(), std::string());
        StopFilter h({"xyz"});
        std::string all = h.push("ab");
        all += h.push("cx");
        QCOMPARE(all, std::string("abc"));
        QCOMPARE(h.finish(), std::string("x")); // the held tail, the answer having ended without "xyz"
    }

    void jsonShapes()
    {
        const CompletionHead head = newCompletionHead("tiny");
        QVERIFY(QString::fromStdString(head.id).startsWith(QLatin1String("chatcmpl-")));
        Usage u;
        u.promptTokens = 10;
        u.completionTokens = 3;
        u.cachedTokens = 4;
        const json c = json::parse(completionJson(head, "hi", "length", u));
        QVERIFY(c["object"] == "chat.completion");
        QVERIFY(c["choices"][0]["message"]["content"] == "hi");
        QVERIFY(c["choices"][0]["finish_reason"] == "length");
        QVERIFY(c["usage"]["total_tokens"] == 13);
        QVERIFY(c["usage"]["prompt_tokens_details"]["cached_tokens"] == 4);
        auto event = [](const std::string &e) {
            if (e.rfind("data: ", 0) != 0 || e.substr(e.size() - 2) != "\n\n")
                throw std::runtime_error("not an SSE event: " + e);
            return json::parse(e.substr(6, e.size() - 8));
        };
        const json role = event(roleChunkEvent(head, true));
        QVERIFY(role["object"] == "chat.completion.chunk");
        QVERIFY(role["choices"][0]["delta"]["role"] == "assistant");
        QVERIFY(role["usage"].is_null());
        QVERIFY(event(contentChunkEvent(head, "x\xff", false))["choices"][0]["delta"]["content"] == "x\xef\xbf\xbd");
        const json fin = event(finishChunkEvent(head, "stop", false));
        QVERIFY(fin["choices"][0]["delta"].empty());
        QVERIFY(fin["choices"][0]["finish_reason"] == "stop");
        QVERIFY(!fin.contains("usage"));
        const json usage = event(usageChunkEvent(head, u));
        QVERIFY(usage["choices"].empty());
        QVERIFY(usage["usage"]["completion_tokens"] == 3);
        QVERIFY(json::parse(modelListJson("tiny", 1))["data"][0]["id"] == "tiny");
    }

    void boundedQueue()
    {
        JobQueue q(2); // 2 waiting behind the one in service
        auto job = [] { return std::make_shared<ChatJob>(ChatRequest{}); };
        const ChatJobPtr a = job(), b = job(), c = job(), d = job();
        QVERIFY(q.tryPush(a));
        QCOMPARE(q.pop(), a);   // in service
        QVERIFY(q.tryPush(b));
        QVERIFY(q.tryPush(c));
        QVERIFY(!q.tryPush(d)); // full: the client's 429
        QVERIFY(q.remove(b));   // a client that gave up leaves at once
        QVERIFY(q.tryPush(d));
        q.release();            // a answered
        QCOMPARE(q.pop(), c);
        QCOMPARE(q.size(), 1);
        QCOMPARE(q.close().size(), std::size_t(1));
        QVERIFY(q.pop() == nullptr);
        QVERIFY(!q.tryPush(a));
        JobQueue none(0);       // --queue 0: taken only when the model is free
        QVERIFY(none.tryPush(a));
        QVERIFY(!none.tryPush(b));
        QCOMPARE(none.pop(), a);
        QVERIFY(!none.tryPush(b));
        none.release();
        QVERIFY(none.tryPush(b));

        ChatJob j{ChatRequest{}};
        j.start();
        j.append("ab");
        j.append("c");
        QCOMPARE(j.wait(std::chrono::milliseconds(1)).text, std::string("abc"));
        ChatOutcome o;
        o.finishReason = "stop";
        j.finish(o);
        const ChatJob::Progress p = j.wait(std::chrono::milliseconds(1));
        QVERIFY(p.done && p.text.empty());
        QCOMPARE(j.outcome().finishReason, std::string("stop"));
    }

    void transcriptKeys()
    {
        const QByteArray a = encoded(picture(20, 20, 1), "png"), b = encoded(picture(20, 20, 2), "png");
        auto req = [&](const QByteArray &img, const std::string &answer) {
            return parse({{"messages", {{{"role", "user"}, {"content", {imagePart(img), textPart("q")}}},
                                        {{"role", "assistant"}, {"content", answer}},
                                        {{"role", "user"}, {"content", "next"}}}}});
        };
        const ChatRequest r1 = req(a, "A."), r2 = req(a, "A."), r3 = req(a, "B."), r4 = req(b, "A.");
        QCOMPARE(transcriptKey(r1, 1), transcriptKey(r2, 1));
        QVERIFY(transcriptKey(r1, 1) != transcriptKey(r3, 1)); // another answer
        QVERIFY(transcriptKey(r1, 1) != transcriptKey(r4, 1)); // another image
        const ChatRequest first = parse({{"messages", {{{"role", "user"}, {"content", {imagePart(a), textPart("q")}}}}}});
        const QString answer = QStringLiteral(" A.\n");
        QCOMPARE(transcriptKey(first, 1, &answer), transcriptKey(r1, 1)); // what the server remembers = what the client sends back
        ConversationMemory memory(1);
        memory.remember("k1", ui::SavedConversation{});
        memory.remember("k2", ui::SavedConversation{});
        QVERIFY(!memory.find("k1")); // the oldest is forgotten
        QVERIFY(memory.find("k2"));
    }

    // A history rebuilt from text is exactly what the prompt builder gives for the same turns.
    void conversationRebuiltFromText()
    {
        const Tokenizer tok = Tokenizer::fromDirectory(LEOPARD_TOKENIZER_DIR);
        ckpt::ModelConfig config;
        config.imageTokenIndex = 128200;
        config.text.maxPositionEmbeddings = 16384;
        const QByteArray big = encoded(picture(800, 700, 1), "png"), small = encoded(picture(300, 200, 2), "png");
        const ChatRequest r = parse({{"messages",
                                      {{{"role", "user"}, {"content", {imagePart(big), textPart("First?")}}},
                                       {{"role", "assistant"}, {"content", "One answer."}},
                                       {{"role", "user"}, {"content", {imagePart(small), textPart("Second?")}}},
                                       {{"role", "assistant"}, {"content", "Two<|eot_id|> answers."}},
                                       {{"role", "user"}, {"content", "Third?"}}}}});
        ImagePages pages(r.images, ServeLimits{});
        PromptOptions prompt;
        ui::SessionGenerationSettings settings;
        const TextHistoryContext context{tok, config, prompt, PlanOptions{}, settings};
        const ui::SavedConversation c = conversationFromText(r, 2, pages, context);
        QVERIFY(!c.id.isEmpty()); // the core keeps a conversation with an id
        QCOMPARE(c.turns.size(), 2);
        const CropPlan plan1 = planCrops({{800, 700}});
        QCOMPARE(c.turns[0].modelPages.size(), 1);
        QCOMPARE(c.turns[0].modelPages[0].plan.modelImages(), plan1.images[0].modelImages());
        const BuiltPrompt p1 = buildPrompt(tok, config, "First?", {plan1.images[0].modelImages()}, prompt);
        QCOMPARE(c.turns[0].promptIds, p1.ids);
        const std::int32_t eot = *tok.tokenId("<|eot_id|>");
        std::vector<std::int32_t> g1 = tok.encode("One answer.", false);
        g1.push_back(eot);
        QCOMPARE(c.turns[0].generatedIds, g1);
        std::vector<std::int32_t> ids = p1.ids;
        ids.insert(ids.end(), g1.begin(), g1.end());
        PlanOptions rest;
        rest.maxImages = 50 - plan1.images[0].modelImages();
        const CropPlan plan2 = planCrops({{300, 200}}, rest);
        const std::vector<std::int32_t> all = appendFollowUp(tok, config, ids, "Second?", {plan2.images[0].modelImages()}, 1, prompt);
        QCOMPARE(c.turns[1].promptIds, std::vector<std::int32_t>(all.begin() + std::ptrdiff_t(ids.size()), all.end()));
        QCOMPARE(c.turns[1].addedPages.size(), 1);
        // A stop id inside a reply is dropped (the model cannot have said it mid-answer); one ends it.
        const auto &g2 = c.turns[1].generatedIds;
        QCOMPARE(std::count(g2.begin(), g2.end(), eot), 1);
        QCOMPARE(g2.back(), eot);
        QCOMPARE(c.turns[1].settings.maxNewTokens, int(g2.size()));
    }

    // The model thread on a tiny checkpoint: a job whose image cannot be decoded fails (500) and the
    // next job is answered; a cancelled queued job never runs; greedy answers repeat.
    void modelFailureLeavesTheRunnerUp()
    {
        const QString model = tinyModel();
        ServeConfig config;
        config.modelDir = model;
        config.queue = 4;
        config.dtype = QStringLiteral("fp32");
        config.device = QStringLiteral("cpu");
        ModelRunner runner(config);
        QCOMPARE(runner.modelId(), QStringLiteral("tiny"));
        std::atomic<int> loaded{0}; // 1 ok, -1 failed; set after the state changes
        runner.start([&](bool ok, const QString &) { loaded = ok ? 1 : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.load() != 0, 120000);
        QVERIFY(loaded.load() == 1 && runner.state() == ModelRunner::State::Ready);

        auto question = [&](std::vector<ChatImage> images) {
            ChatRequest r;
            r.maxTokens = 6;
            ChatTurn t;
            t.question = QStringLiteral("What is this?");
            for (std::size_t i = 0; i < images.size(); ++i)
                t.images.push_back(int(i));
            r.images = std::move(images);
            r.turns.push_back(t);
            return std::make_shared<ChatJob>(std::move(r));
        };
        auto await = [](const ChatJobPtr &job) {
            std::string text;
            for (int i = 0; i < 1200; ++i) {
                const ChatJob::Progress p = job->wait(std::chrono::milliseconds(100));
                text += p.text;
                if (p.done)
                    return text;
            }
            return std::string("(timed out)");
        };
        const ChatImage good = readImageUrl(dataUrl(encoded(picture(500, 400), "png")), 0, "p", ServeLimits{});
        ChatImage broken = good;
        broken.bytes = QByteArray("not an image at all");
        broken.sha256 = QStringLiteral("0123");

        const ChatJobPtr first = question({good});
        QCOMPARE(runner.submit(first), ModelRunner::Submitted::Queued);
        const std::string answer = await(first);
        QVERIFY(!first->outcome().error);
        QCOMPARE(first->outcome().finishReason, std::string("length"));
        QCOMPARE(first->outcome().usage.completionTokens, 6);

        const ChatJobPtr failing = question({broken});
        QCOMPARE(runner.submit(failing), ModelRunner::Submitted::Queued);
        await(failing);
        QVERIFY(failing->outcome().error.has_value());
        QCOMPARE(failing->outcome().error->status, 500);

        const ChatJobPtr again = question({good});
        const ChatJobPtr dropped = question({good});
        QCOMPARE(runner.submit(again), ModelRunner::Submitted::Queued);
        QCOMPARE(runner.submit(dropped), ModelRunner::Submitted::Queued);
        runner.cancel(dropped);
        QCOMPARE(await(again), answer); // greedy, and the failure left nothing behind
        await(dropped);
        QCOMPARE(dropped->outcome().finishReason, std::string("cancelled"));
        const ModelRunner::Counters c = runner.counters();
        QCOMPARE(c.failed, 1);
        QVERIFY(c.answered >= 2);
        runner.stop();
        QCOMPARE(runner.submit(question({good})), ModelRunner::Submitted::NotReady);
    }

    // The worker keeps at most setFeatureCacheLimit pages' vision features (a server sees endless new
    // images): A, B, A with a limit of 1 encodes A twice; without a limit once.
    void featureCacheIsBounded()
    {
        const QString model = tinyModel();
        auto page = [](const QString &name, int seed) {
            AskPage p;
            p.documentPath = name;
            p.plan = planCrops({{300, 200}}).images[0];
            const QImage image = picture(300, 200, seed);
            p.render = [image] { return viewer::toModelRgb(image); };
            return p;
        };
        for (const int limit : {1, 0}) {
            InferenceWorker worker;
            worker.setFeatureCacheLimit(limit);
            worker.loadModel(model, QStringLiteral("cpu"), QStringLiteral("fp32"));
            int answers = 0;
            connect(&worker, &InferenceWorker::finished, this, [&](const AskStats &) { ++answers; });
            for (const auto &[name, seed] : {std::pair<const char *, int>{"a", 1}, {"b", 2}, {"a", 1}}) {
                AskRequest r;
                r.question = QStringLiteral("What is it?");
                r.maxNewTokens = 2;
                r.pages = {page(QString::fromLatin1(name), seed)};
                worker.ask(r);
            }
            QCOMPARE(answers, 3);
            QCOMPARE(worker.totalEncodeCalls(), limit == 1 ? 3 : 2);
            QCOMPARE(worker.cachedPages(), limit == 1 ? 1 : 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerLogic)
#include "test_server_logic.moc"
