// The torch-free parts around the model: the prompt builder's rules beyond what the six parity
// cases exercise (single BOS, surplus tags, truncation, unknown settings, the image token taken
// from config.json) and the token picker (greedy ties, NaN, seeded top-p sampling).
#include "inference/checkpoint/model_config.h"
#include "inference/checkpoint/tiny_checkpoint.h"
#include "inference/torch/prompt_builder.h"
#include "inference/torch/sampler.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <map>

using namespace leopard;

class TestPromptAndSampler : public QObject {
    Q_OBJECT
    std::unique_ptr<Tokenizer> tok_;
    ckpt::ModelConfig config_;

    std::int32_t id(const char *token) const { return *tok_->tokenId(token); }

private slots:
    void initTestCase()
    {
        tok_ = std::make_unique<Tokenizer>(Tokenizer::fromDirectory(LEOPARD_TOKENIZER_DIR));
        config_ = ckpt::ModelConfig::fromJson(ckpt::tinyConfig(ckpt::TinySpec{}), "tiny config.json");
        QCOMPARE(config_.imageTokenIndex, std::int64_t(128200));
    }

    void doubleBosByDefault()
    {
        const BuiltPrompt p = buildPrompt(*tok_, config_, "Hi", {});
        const std::vector<std::int32_t> head{128000, 128000, 128006, 882, 128007, 271};
        QVERIFY(p.ids.size() > head.size());
        QVERIFY(std::equal(head.begin(), head.end(), p.ids.begin()));
        QCOMPARE(p.text, std::string("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi\n"
                                     "Answer the question using a single word or phrase.<|eot_id|>"
                                     "<|start_header_id|>assistant<|end_header_id|>\n\n"));
        PromptOptions single;
        single.doubleBos = false;
        const BuiltPrompt q = buildPrompt(*tok_, config_, "Hi", {}, single);
        QCOMPARE(q.ids.size() + 1, p.ids.size());
        QCOMPARE(q.ids[0], 128000);
        QCOMPARE(q.ids[1], 128006);
    }

    void imageBlocks()
    {
        const BuiltPrompt p = buildPrompt(*tok_, config_, "A <image> B <image>", {3, 1});
        QCOMPARE(p.imageTokens, std::int64_t(4));
        QCOMPARE(p.tagsInQuestion, std::int64_t(2));
        const std::string r195 = "<|reserved_special_token_195|>";
        QVERIFY(p.text.find("A image 1: <|reserved_special_token_20|>" + r195 + r195 + r195 +
                            "<|reserved_special_token_21|> B image 2: <|reserved_special_token_20|>" + r195 +
                            "<|reserved_special_token_21|>\n") != std::string::npos);
        QCOMPARE(std::count(p.ids.begin(), p.ids.end(), 128200), 4);
        QCOMPARE(std::count(p.ids.begin(), p.ids.end(), id("<|reserved_special_token_20|>")), 2);
        QCOMPARE(id("<|reserved_special_token_20|>"), 128025); // Llama 3.0 numbering (reference item 14)
    }

    void missingTagsGoInFront()
    {
        const BuiltPrompt p = buildPrompt(*tok_, config_, "Q <image>", {1, 1, 1});
        // Two tags prepended, followed by a space, then the user's text with its own tag (the third).
        QVERIFY(p.text.find("\n\nimage 1: ") != std::string::npos);
        QVERIFY(p.text.find("<|reserved_special_token_21|>image 2: ") != std::string::npos);
        QVERIFY(p.text.find("<|reserved_special_token_21|> Q image 3: ") != std::string::npos);
        QCOMPARE(p.imageTokens, std::int64_t(3));
    }

    void surplusTagsRemoved()
    {
        // The reference crashes here; the evident right thing: the first tags stay, the rest go.
        const BuiltPrompt p = buildPrompt(*tok_, config_, "<image>x<image>y<image>", {2});
        QVERIFY(p.text.find("image 1: <|reserved_special_token_20|>") != std::string::npos);
        QVERIFY(p.text.find("xy\n") != std::string::npos);
        QVERIFY(p.text.find("<image>") == std::string::npos);
        QCOMPARE(p.imageTokens, std::int64_t(2));
    }

    void instructions()
    {
        QCOMPARE(instructionFor("direct", "multiple-choice"), std::string("Answer with the option's letter from the given choices directly."));
        QCOMPARE(instructionFor("cot", "open-ended"), std::string("First think step by step. Then answer with a single word or phrase."));
        QCOMPARE(instructionFor("cot", "multiple-choice"), std::string("First think step by step. Then answer with the letter of the correct option."));
        QCOMPARE(instructionFor("none", "anything"), std::string());
        QVERIFY_THROWS_EXCEPTION(PromptError, instructionFor("chatty", "open-ended"));
        PromptOptions none;
        none.setting = "none";
        QVERIFY(buildPrompt(*tok_, config_, "Q", {}, none).text.find("Q\n<|eot_id|>") != std::string::npos);
    }

    void tabRunReplaced()
    {
        const BuiltPrompt p = buildPrompt(*tok_, config_, "a\r\n\t\t\r\n\t\tb", {});
        QVERIFY(p.text.find("a b\n") != std::string::npos);
    }

    void truncation()
    {
        PromptOptions o;
        o.maxLength = 20;
        const BuiltPrompt p = buildPrompt(*tok_, config_, std::string(200, 'x') + " words", {}, o);
        QCOMPARE(p.ids.size(), std::size_t(20));
        QCOMPARE(p.ids[0], 128000);
        // Cutting into the image tokens would break the merge: refused.
        QVERIFY_THROWS_EXCEPTION(PromptError, buildPrompt(*tok_, config_, "<image>", {40}, o));
    }

    void imageTokenFromConfig()
    {
        ckpt::ModelConfig other = config_;
        other.imageTokenIndex = 128201; // <|reserved_special_token_196|>
        const BuiltPrompt p = buildPrompt(*tok_, other, "<image>", {2});
        QCOMPARE(std::count(p.ids.begin(), p.ids.end(), 128201), 2);
        QCOMPARE(std::count(p.ids.begin(), p.ids.end(), 128200), 0);
        other.imageTokenIndex = 791; // an ordinary word: not a special token
        QVERIFY_THROWS_EXCEPTION(PromptError, buildPrompt(*tok_, other, "<image>", {1}));
    }

    void followUp()
    {
        const BuiltPrompt first = buildPrompt(*tok_, config_, "<image> Q1", {2});
        std::vector<std::int32_t> answer = tok_->encode("A1", false);
        std::vector<std::int32_t> conv = first.ids;
        conv.insert(conv.end(), answer.begin(), answer.end());
        const std::vector<std::int32_t> next = appendFollowUp(*tok_, conv, "Q2 <image>");
        // The whole conversation tokenised at once gives the same ids.
        const std::string text = first.text + "A1<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nQ2 <image>\n"
                                 "Answer the question using a single word or phrase.<|eot_id|><|start_header_id|>assistant"
                                 "<|end_header_id|>\n\n";
        QCOMPARE(next, tok_->encode(text, true));
        // An answer already closed by <|eot_id|> is not closed twice.
        conv.push_back(id("<|eot_id|>"));
        QCOMPARE(appendFollowUp(*tok_, conv, "Q2 <image>"), next);
        QCOMPARE(std::count(next.begin(), next.end(), 128200), 2); // no new image tokens
    }

    void greedyTakesFirstMaximum()
    {
        std::mt19937_64 rng(1);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const std::vector<float> ties{1.0f, 3.0f, 2.0f, 3.0f};
        QCOMPARE(model::pickToken(ties.data(), 4, {}, rng), 1);
        const std::vector<float> withNan{nan, -1.0f, nan, 0.5f};
        QCOMPARE(model::pickToken(withNan.data(), 4, {}, rng), 3);
    }

    void samplingIsSeededAndNucleusBound()
    {
        const std::vector<float> logits{2.0f, 1.0f, 0.0f, -1.0f, -8.0f};
        const model::SamplingParams p{1.0f, 0.8f};
        std::map<int, int> counts;
        std::mt19937_64 a(42), b(42);
        for (int i = 0; i < 2000; ++i) {
            const int x = model::pickToken(logits.data(), 5, p, a);
            QCOMPARE(model::pickToken(logits.data(), 5, p, b), x); // same seed, same draws
            ++counts[x];
        }
        // softmax: .644 .237 .087 .032 ...: the 0.8 nucleus is {0, 1}.
        QCOMPARE(counts.size(), std::size_t(2));
        QVERIFY(std::abs(counts[0] / 2000.0 - 0.644 / 0.881) < 0.04);
        // A tiny top-p keeps only the most likely token.
        std::mt19937_64 c(7);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(model::pickToken(logits.data(), 5, {0.7f, 1e-6f}, c), 0);
    }
};

QTEST_GUILESS_MAIN(TestPromptAndSampler)
#include "test_prompt_and_sampler.moc"
