// The checkpoint reader against files written by the real torch.save (and a spec-following safetensors
// writer): tests/checkpoint/make_fixtures.py wrote them and recorded in expected.json what torch says
// about every tensor. Values here are decoded from the file with the independent helpers of
// fixture_support.h, walking the shape/strides/offset the reader reports.
#include "fixture_support.h"

#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/expected_tensors.h"
#include "inference/checkpoint/mapped_file.h"
#include "inference/checkpoint/model_config.h"
#include "inference/checkpoint/tokenizer_specials.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace leopard::ckpt;

namespace {

// Every element of a tensor in row-major logical order, read through its strides from the file.
std::vector<double> readValues(const MappedFile &file, const RawTensor &t)
{
    std::vector<double> out;
    const std::int64_t n = numel(t.shape);
    const std::size_t es = elementSize(t.dtype);
    std::vector<std::int64_t> idx(t.shape.size(), 0);
    for (std::int64_t k = 0; k < n; ++k) {
        std::int64_t off = 0;
        for (std::size_t d = 0; d < idx.size(); ++d)
            off += idx[d] * t.strides[d];
        const std::uint8_t *p = file.data() + t.offset + static_cast<std::uint64_t>(off) * es;
        std::uint16_t u16;
        std::memcpy(&u16, p, 2);
        switch (t.dtype) {
        case DType::F32: {
            float f;
            std::memcpy(&f, p, 4);
            out.push_back(f);
            break;
        }
        case DType::F16: out.push_back(fixtures::halfToDouble(u16)); break;
        case DType::BF16: out.push_back(fixtures::bf16ToDouble(u16)); break;
        default: out.push_back(NAN);
        }
        for (std::size_t d = idx.size(); d-- > 0;) {
            if (++idx[d] < t.shape[d])
                break;
            idx[d] = 0;
        }
    }
    return out;
}

void compareWithTorch(const std::string &rel, const std::vector<RawTensor> &got, bool ordered, bool checkOrdered)
{
    const nlohmann::json &want = fixtures::expected().at(rel);
    if (checkOrdered)
        QCOMPARE(ordered, want.at("ordered").get<bool>());
    const nlohmann::json &tensors = want.at("tensors");
    QCOMPARE(got.size(), tensors.size());
    const MappedFile file(fixtures::path(rel));
    for (const RawTensor &t : got) {
        QVERIFY2(tensors.contains(t.name), t.name.c_str());
        const nlohmann::json &w = tensors.at(t.name);
        QCOMPARE(std::string(dtypeName(t.dtype)), w.at("dtype").get<std::string>());
        QCOMPARE(t.shape, w.at("shape").get<std::vector<std::int64_t>>());
        const std::vector<double> v = readValues(file, t);
        if (w.contains("values")) {
            const auto ref = w.at("values").get<std::vector<double>>();
            QCOMPARE(v.size(), ref.size());
            for (std::size_t k = 0; k < v.size(); ++k)
                QVERIFY2(v[k] == ref[k], (t.name + "[" + std::to_string(k) + "]").c_str());
        } else {
            double sum = 0, abs = 0;
            for (double x : v) {
                sum += x;
                abs += std::fabs(x);
            }
            const auto first = w.at("first").get<std::vector<double>>();
            for (std::size_t k = 0; k < first.size(); ++k)
                QVERIFY2(v[k] == first[k], t.name.c_str());
            QVERIFY2(std::fabs(sum - w.at("sum").get<double>()) < 1e-9 * (1 + abs), t.name.c_str());
            QVERIFY2(std::fabs(abs - w.at("abs_sum").get<double>()) < 1e-9 * (1 + abs), t.name.c_str());
        }
    }
}

using fixtures::errorOf;

void rewriteJson(const QString &file, const std::function<void(nlohmann::json &)> &edit)
{
    nlohmann::json j;
    {
        std::ifstream in(file.toStdString());
        j = nlohmann::json::parse(in);
    }
    edit(j);
    std::ofstream(file.toStdString()) << j.dump(2);
}

} // namespace

class TestCheckpointReader : public QObject {
    Q_OBJECT
private slots:
    void torchSaveFiles_data()
    {
        QTest::addColumn<QString>("rel");
        for (auto it = fixtures::expected().begin(); it != fixtures::expected().end(); ++it)
            if (QString::fromStdString(it.key()).endsWith(".bin"))
                QTest::newRow(it.key().c_str()) << QString::fromStdString(it.key());
    }
    void torchSaveFiles()
    {
        QFETCH(QString, rel);
        bool ordered = false;
        const auto got = readTorchZipTensors(fixtures::path(rel.toStdString()), &ordered);
        compareWithTorch(rel.toStdString(), got, ordered, true);
    }

    void safetensorsFiles_data()
    {
        QTest::addColumn<QString>("rel");
        for (auto it = fixtures::expected().begin(); it != fixtures::expected().end(); ++it)
            if (QString::fromStdString(it.key()).endsWith(".safetensors"))
                QTest::newRow(it.key().c_str()) << QString::fromStdString(it.key());
    }
    void safetensorsFiles()
    {
        QFETCH(QString, rel);
        compareWithTorch(rel.toStdString(), readSafetensorsTensors(fixtures::path(rel.toStdString())), false, false);
    }

    void viewsShareOneRecord()
    {
        const auto got = readTorchZipTensors(fixtures::path("torch/ordered_mixed.bin"));
        std::map<std::string, RawTensor> byName;
        for (const RawTensor &t : got)
            byName.emplace(t.name, t);
        const RawTensor &base = byName.at("f32"), &rows = byName.at("f32_rows_1_2"), &col = byName.at("f32_column_2");
        QCOMPARE(rows.recordOffset, base.recordOffset);
        QCOMPARE(rows.offset, base.offset + 4 * 4); // storage offset 4 floats
        QCOMPARE(col.offset, base.offset + 2 * 4);
        QCOMPARE(col.strides, std::vector<std::int64_t>{4});
        QCOMPARE(byName.at("f32_transposed").strides, (std::vector<std::int64_t>{1, 4}));
    }

    // Each hostile archive is refused with a message naming the file and the offending item.
    void hostilePickles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("item");
        QTest::newRow("os.system") << "os_system" << "'os.system' is not allowed";
        QTest::newRow("builtins.eval") << "builtins_eval" << "'builtins.eval' is not allowed";
        QTest::newRow("other torch global") << "global_torch_load" << "'torch.load' is not allowed";
        QTest::newRow("REDUCE of storage") << "reduce_storage" << "REDUCE of 'torch.FloatStorage' is not allowed";
        QTest::newRow("REDUCE of str") << "reduce_string" << "REDUCE of a str";
        QTest::newRow("bad opcode") << "bad_opcode" << "unknown opcode 0xff";
        QTest::newRow("STACK_GLOBAL") << "stack_global" << "opcode STACK_GLOBAL (0x93) is not allowed";
        QTest::newRow("truncated pickle") << "truncated_pickle" << "truncated data.pkl";
        QTest::newRow("not a dict") << "not_a_dict" << "holds a list, not a state dict";
        QTest::newRow("offset outside storage") << "offset_outside_storage" << "outside its storage '0' of 4 elements";
        QTest::newRow("storage outside record") << "storage_outside_record"
                                                << "tensor 'w': storage '0' claims 1000 fp32 elements but its record has 16 bytes";
        QTest::newRow("compressed record") << "compressed_record" << "record 'archive/data.pkl' is compressed";
    }
    void hostilePickles()
    {
        QFETCH(QString, file);
        QFETCH(QString, item);
        const std::string path = fixtures::path("hostile/" + file.toStdString() + ".bin");
        const QString msg = errorOf([&] { readTorchZipTensors(path); });
        QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": "), qPrintable(msg));
        QVERIFY2(msg.contains(item), qPrintable(msg));
    }

    // Random damage to real torch.save files (bytes of the pickle, of the zip structures, truncation):
    // every outcome is either a successful read or a CheckpointError — never another exception or a crash.
    void damagedFilesNeverCrash()
    {
        QTemporaryDir tmp;
        std::uint64_t state = 20241030;
        auto next = [&state] {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return state >> 33;
        };
        int refused = 0, read = 0;
        for (const char *rel : {"torch/ordered_mixed.bin", "torch/module_state_dict.bin", "torch/zip64.bin",
                                "micro_safetensors/model.safetensors"}) {
            QFile src(QString::fromStdString(fixtures::path(rel)));
            QVERIFY(src.open(QIODevice::ReadOnly));
            const QByteArray original = src.readAll();
            const bool safetensors = QByteArray(rel).endsWith(".safetensors");
            for (int round = 0; round < 400; ++round) {
                QByteArray bytes = original;
                const int kind = round % 3;
                if (kind == 2) {
                    bytes.truncate(int(next() % bytes.size()));
                } else {
                    // kind 0: the first 600 bytes (header + pickle / JSON header); kind 1: anywhere
                    const int span = kind == 0 ? std::min<int>(600, bytes.size()) : bytes.size();
                    for (int k = 0, n = 1 + int(next() % 4); k < n; ++k)
                        bytes[int(next() % span)] = char(next());
                }
                const QString path = tmp.path() + "/damaged" + (safetensors ? ".safetensors" : ".bin");
                QFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
                out.write(bytes);
                out.close();
                try {
                    if (safetensors)
                        readSafetensorsTensors(path.toStdString());
                    else
                        readTorchZipTensors(path.toStdString());
                    ++read;
                } catch (const CheckpointError &e) {
                    QVERIFY2(QString(e.what()).startsWith(path + ": "), e.what());
                    ++refused;
                }
            }
        }
        QVERIFY(refused > 800);
        qInfo("%d damaged files refused, %d still readable (damage inside tensor bytes)", refused, read);
    }

    void expandedViewIsNotAWeight()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        // A shard whose only tensor has stride 0: fine for readTorchZipTensors, refused as a model weight.
        QVERIFY(QFile::remove(tmp.path() + "/pytorch_model-00002-of-00002.bin"));
        QVERIFY(QFile::copy(QString::fromStdString(fixtures::path("hostile/expanded_weight.bin")),
                            tmp.path() + "/pytorch_model-00002-of-00002.bin"));
        QCOMPARE(readTorchZipTensors(fixtures::path("hostile/expanded_weight.bin")).front().strides,
                 std::vector<std::int64_t>{0});
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.contains("pytorch_model-00002-of-00002.bin: tensor 'language_model.model.norm.weight' is an "
                              "expanded or overlapping view (32 bytes over a 4-byte record)"),
                 qPrintable(msg));
    }

    void microCheckpoints_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<bool>("modern");
        QTest::addColumn<bool>("safetensors");
        QTest::addColumn<int>("shards");
        QTest::newRow("bin, sharded, 4.4x names") << "micro_bin" << false << false << 2;
        QTest::newRow("bin, single, new names") << "micro_bin_modern" << true << false << 1;
        QTest::newRow("safetensors, single, new names") << "micro_safetensors" << true << true << 1;
        QTest::newRow("safetensors, sharded, 4.4x names") << "micro_safetensors_sharded" << false << true << 2;
    }
    void microCheckpoints()
    {
        QFETCH(QString, dir);
        QFETCH(bool, modern);
        QFETCH(bool, safetensors);
        QFETCH(int, shards);
        const CheckpointIndex ix = CheckpointIndex::open(fixtures::path(dir.toStdString()));
        QCOMPARE(ix.layout() == NameLayout::Modern, modern);
        QCOMPARE(ix.format() == FileFormat::Safetensors, safetensors);
        QCOMPARE(int(ix.shards().size()), shards);
        const auto expected = expectedTensors(ix.config());
        QCOMPARE(ix.tensors().size(), expected.size() + 1); // + the unused SigLIP head.probe
        const TensorEntry *probe = ix.find("vision_tower.vision_model.head.probe");
        QVERIFY(probe && !probe->used);
        const TensorEntry *lm = ix.find("language_model.lm_head.weight");
        QVERIFY(lm);
        QCOMPARE(lm->storedName, modern ? std::string("lm_head.weight") : std::string("language_model.lm_head.weight"));
        QCOMPARE(lm->dtype, DType::F16);
        QCOMPARE(ix.find("language_model.model.layers.0.self_attn.k_proj.weight")->shape,
                 (std::vector<std::int64_t>{4, 8})); // GQA: 1 kv head x head_dim 4
        std::int64_t params = 0;
        for (const ExpectedTensor &x : expected)
            params += numel(x.shape);
        QCOMPARE(ix.parameterCount(), params);
    }

    // Damaged copies of the micro checkpoint: each error names the file and the tensor.
    void truncatedTorchShard()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        const QString shard = tmp.path() + "/pytorch_model-00002-of-00002.bin";
        QFile f(shard);
        QVERIFY(f.resize(f.size() / 2));
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.startsWith(shard + ": the file is truncated"), qPrintable(msg));
        QVERIFY2(msg.contains("of tensor 'vision_tower.vision_model."), qPrintable(msg));
    }
    void truncatedSafetensors()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_safetensors")), tmp.path()));
        QFile f(tmp.path() + "/model.safetensors");
        QVERIFY(f.resize(f.size() - 100));
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.contains("model.safetensors: tensor '"), qPrintable(msg));
        QVERIFY2(msg.contains("the file is truncated"), qPrintable(msg));
    }
    void missingTensor()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        rewriteJson(tmp.path() + "/config.json", [](nlohmann::json &j) { j["text_config"]["num_hidden_layers"] = 3; });
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.startsWith("tensor 'language_model.model.layers.2.self_attn.q_proj.weight' [8, 8] is missing"),
                 qPrintable(msg));
    }
    void wrongShape()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        rewriteJson(tmp.path() + "/config.json", [](nlohmann::json &j) { j["text_config"]["intermediate_size"] = 13; });
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.startsWith(tmp.path() + "/pytorch_model-00001-of-00002.bin: tensor "
                                             "'language_model.model.layers.0.mlp.gate_proj.weight' has shape [12, 8], "
                                             "config.json implies [13, 8]"),
                 qPrintable(msg));
    }
    void unknownExtraTensor()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        rewriteJson(tmp.path() + "/config.json", [](nlohmann::json &j) { j["text_config"]["num_hidden_layers"] = 1; });
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.startsWith(tmp.path() + "/pytorch_model-00001-of-00002.bin: unexpected tensor "
                                             "'language_model.model.layers.1."),
                 qPrintable(msg));
    }
    void indexNamesAbsentTensor()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        rewriteJson(tmp.path() + "/pytorch_model.bin.index.json", [](nlohmann::json &j) {
            j["weight_map"]["language_model.model.norm.weight"] = "pytorch_model-00001-of-00002.bin";
        });
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.startsWith(tmp.path() + "/pytorch_model-00001-of-00002.bin: has no tensor "
                                             "'language_model.model.norm.weight'"),
                 qPrintable(msg));
    }
    void missingShardFile()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        QVERIFY(QFile::remove(tmp.path() + "/pytorch_model-00002-of-00002.bin"));
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.startsWith(tmp.path() + "/pytorch_model-00002-of-00002.bin: missing"), qPrintable(msg));
    }
    void indexEscapingTheDirectory()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        rewriteJson(tmp.path() + "/pytorch_model.bin.index.json",
                    [](nlohmann::json &j) { j["weight_map"]["language_model.model.norm.weight"] = "../x.bin"; });
        const QString msg = errorOf([&] { CheckpointIndex::open(tmp.path().toStdString()); });
        QVERIFY2(msg.contains("not a file in the directory"), qPrintable(msg));
    }

    // The real config.json omits the text model's hidden_size / heads / layers: LlamaConfig defaults.
    void configDefaultsAsTransformers()
    {
        const nlohmann::json j = nlohmann::json::parse(R"({
          "architectures": ["LlavaForConditionalGeneration"], "ignore_index": -100, "image_token_index": 128200,
          "model_type": "llava", "projector_hidden_act": "gelu",
          "text_config": {"architectures": ["LlavaLlamaForCausalLM"], "bos_token_id": 128000, "eos_token_id": 128001,
            "intermediate_size": 14336, "max_position_embeddings": 16384, "model_type": "llama",
            "num_key_value_heads": 8, "rms_norm_eps": 1e-05,
            "rope_scaling": {"factor": 8.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
                             "original_max_position_embeddings": 8192, "rope_type": "llama3"},
            "rope_theta": 500000, "torch_dtype": "float16", "vocab_size": 128256},
          "transformers_version": "4.44.2",
          "vision_config": {"hidden_act": "gelu_pytorch_tanh", "hidden_size": 1152, "image_size": 364,
            "intermediate_size": 4304, "layer_norm_eps": 1e-06, "model_type": "siglip_vision_model",
            "num_attention_heads": 16, "num_hidden_layers": 27, "patch_size": 14},
          "vision_feature_layer": -2, "vision_feature_select_strategy": "default"})");
        const ModelConfig c = ModelConfig::fromJson(j, "config.json");
        QCOMPARE(c.text.hiddenSize, 4096);
        QCOMPARE(c.text.numAttentionHeads, 32);
        QCOMPARE(c.text.numHiddenLayers, 32);
        QCOMPARE(c.text.headDim, 128);
        QCOMPARE(c.text.numKeyValueHeads, 8);
        QCOMPARE(c.text.tieWordEmbeddings, false);
        QCOMPARE(c.text.ropeType, std::string("llama3"));
        QCOMPARE(c.vision.numPatches(), 676);
        const auto expected = expectedTensors(c);
        QCOMPARE(expected.size(), std::size_t(1 + 32 * 9 + 1 + 1 + 4 + 3 + 27 * 16 + 2));
        std::map<std::string, std::vector<std::int64_t>> shapes;
        std::int64_t params = 0;
        for (const auto &x : expected) {
            shapes[x.name] = x.shape;
            params += numel(x.shape);
        }
        QCOMPARE(shapes["multi_modal_projector.linear_1.weight"], (std::vector<std::int64_t>{4096, 4608}));
        QCOMPARE(shapes["language_model.model.layers.31.self_attn.k_proj.weight"], (std::vector<std::int64_t>{1024, 4096}));
        QCOMPARE(shapes["vision_tower.vision_model.embeddings.position_embedding.weight"],
                 (std::vector<std::int64_t>{676, 1152}));
        // 8.03 B (Llama 3.1 8B) + 0.40 B (SigLIP-so400m without head) + 0.04 B projector = the 8.47 B of
        // the published 16.9 GB fp16/bf16 shards.
        QVERIFY2(params > 8'460'000'000 && params < 8'480'000'000, std::to_string(params).c_str());

        nlohmann::json noVision = j;
        noVision.erase("vision_config");
        QVERIFY(errorOf([&] { ModelConfig::fromJson(noVision, "config.json"); }).contains("vision_config is missing"));
        nlohmann::json badType = j;
        badType["text_config"]["num_key_value_heads"] = "8";
        QVERIFY(errorOf([&] { ModelConfig::fromJson(badType, "config.json"); })
                    .contains("'text_config.num_key_value_heads' has the wrong type"));
    }

    void layouts()
    {
        QCOMPARE(canonicalName("model.language_model.layers.3.mlp.up_proj.weight")->name,
                 std::string("language_model.model.layers.3.mlp.up_proj.weight"));
        QCOMPARE(canonicalName("lm_head.weight")->name, std::string("language_model.lm_head.weight"));
        QCOMPARE(canonicalName("model.vision_tower.vision_model.post_layernorm.bias")->name,
                 std::string("vision_tower.vision_model.post_layernorm.bias"));
        QCOMPARE(canonicalName("model.multi_modal_projector.linear_1.weight")->layout, NameLayout::Modern);
        QCOMPARE(canonicalName("language_model.model.norm.weight")->layout, NameLayout::Legacy);
        QVERIFY(!canonicalName("encoder.weight"));
    }

    // Special ids come from the real Llama 3 instruct tokenizer files (scripts/fetch-tokenizer.sh).
    void tokenizerSpecials()
    {
        const std::string dir = LEOPARD_TOKENIZER_DIR;
        if (!QFile::exists(QString::fromStdString(dir + "/tokenizer.json")))
            QSKIP("tokenizer files not fetched (scripts/fetch-tokenizer.sh)");
        const TokenizerSpecials s = TokenizerSpecials::read(dir);
        QCOMPARE(*s.imageToken, 128200);
        QCOMPARE(*s.eotId, 128009);
        QCOMPARE(*s.endOfText, 128001);
        QCOMPARE(s.addedTokens.at("<|reserved_special_token_20|>"), 128025);
        QCOMPARE(s.addedTokens.at("<|begin_of_text|>"), 128000);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointReader)
#include "test_checkpoint_reader.moc"
