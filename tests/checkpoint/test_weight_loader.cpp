// The libtorch weight loader on the committed micro checkpoints (real torch.save shards and
// safetensors): loaded values are compared with what torch said about the stored tensors
// (expected.json, written by make_fixtures.py).
#include "fixture_support.h"

#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/error.h"
#include "inference/torch/weight_loader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace leopard;
using namespace leopard::ckpt;

namespace {

// expected.json entries of every file of a micro checkpoint, by stored name.
std::map<std::string, nlohmann::json> expectedFor(const std::string &dir)
{
    std::map<std::string, nlohmann::json> out;
    for (auto it = fixtures::expected().begin(); it != fixtures::expected().end(); ++it)
        if (it.key().rfind(dir + "/", 0) == 0)
            for (auto t = it.value()["tensors"].begin(); t != it.value()["tensors"].end(); ++t)
                out[t.key()] = t.value();
    return out;
}

} // namespace

class TestWeightLoader : public QObject {
    Q_OBJECT
private slots:
    void loadsExactlyAsFp32_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<int>("sliceBytes"); // 0: default (64 MB: every micro tensor in one piece)
        QTest::newRow("torch.save shards") << "micro_bin" << 0;
        QTest::newRow("torch.save, new names") << "micro_bin_modern" << 0;
        QTest::newRow("safetensors") << "micro_safetensors" << 0;
        QTest::newRow("safetensors shards") << "micro_safetensors_sharded" << 0;
        // big-tensor path: converted in slices of rows (1 row, 3 rows at a time)
        QTest::newRow("torch.save shards, 20-byte slices") << "micro_bin" << 20;
        QTest::newRow("safetensors, 100-byte slices") << "micro_safetensors" << 100;
    }
    void loadsExactlyAsFp32()
    {
        QFETCH(QString, dir);
        QFETCH(int, sliceBytes);
        const CheckpointIndex ix = CheckpointIndex::open(fixtures::path(dir.toStdString()));
        WeightLoadOptions opt;
        opt.dtype = DType::F32;
        if (sliceBytes)
            opt.sliceBytes = std::uint64_t(sliceBytes);
        const LoadedWeights w = LoadedWeights::load(ix, opt);
        const auto expected = expectedFor(dir.toStdString());
        std::size_t used = 0;
        for (const TensorEntry &e : ix.tensors()) {
            if (!e.used) {
                QVERIFY(!w.contains(e.name));
                continue;
            }
            ++used;
            const nlohmann::json &want = expected.at(e.storedName);
            QCOMPARE(w.shape(e.name), want["shape"].get<std::vector<std::int64_t>>());
            QCOMPARE(w.deviceOf(e.name), std::string("cpu"));
            // bf16/fp16 -> fp32 is exact, so the values equal torch's float64 upcast.
            const std::vector<float> v = w.valuesAsFloat(e.name);
            double sum = 0, abs = 0;
            for (float x : v) {
                sum += x;
                abs += std::fabs(x);
            }
            const auto first = want["first"].get<std::vector<double>>();
            for (std::size_t k = 0; k < first.size(); ++k)
                QVERIFY2(double(v[k]) == first[k], e.name.c_str());
            QVERIFY2(std::fabs(sum - want["sum"].get<double>()) < 1e-9 * (1 + abs), e.name.c_str());
            QVERIFY2(std::fabs(abs - want["abs_sum"].get<double>()) < 1e-9 * (1 + abs), e.name.c_str());
        }
        QCOMPARE(w.size(), used);
        QCOMPARE(w.bytes(), std::uint64_t(ix.parameterCount()) * 4);
    }

    void convertsToBf16AndFp16()
    {
        const CheckpointIndex ix = CheckpointIndex::open(fixtures::path("micro_bin"));
        const auto expected = expectedFor("micro_bin");
        for (DType dt : {DType::BF16, DType::F16}) {
            WeightLoadOptions opt;
            opt.dtype = dt;
            const LoadedWeights w = LoadedWeights::load(ix, opt);
            QCOMPARE(w.bytes(), std::uint64_t(ix.parameterCount()) * 2);
            // Rounding to the target keeps each value within half a unit in the last place (2^-8 / 2^-11).
            const double tol = dt == DType::BF16 ? 1.0 / 256 : 1.0 / 2048;
            for (const char *name : {"language_model.model.embed_tokens.weight", "multi_modal_projector.linear_2.bias",
                                     "vision_tower.vision_model.post_layernorm.weight"}) {
                const std::vector<float> v = w.valuesAsFloat(name);
                const auto first = expected.at(name)["first"].get<std::vector<double>>();
                for (std::size_t k = 0; k < first.size(); ++k)
                    QVERIFY2(std::fabs(v[k] - first[k]) <= tol * std::fabs(first[k]) + 1e-7, name);
            }
        }
    }

    void progressAndUnusedTensors()
    {
        const CheckpointIndex ix = CheckpointIndex::open(fixtures::path("micro_bin"));
        std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
        WeightLoadOptions opt;
        opt.includeUnused = true;
        opt.progress = [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); };
        const LoadedWeights w = LoadedWeights::load(ix, opt);
        QVERIFY(w.contains("vision_tower.vision_model.head.probe"));
        QCOMPARE(w.size(), ix.tensors().size());
        QCOMPARE(calls.size(), ix.tensors().size() + 1);
        QCOMPARE(calls.front().first, std::uint64_t(0));
        QCOMPARE(calls.back().first, ix.tensorBytes());
        for (std::size_t k = 1; k < calls.size(); ++k) {
            QVERIFY(calls[k].first > calls[k - 1].first);
            QCOMPARE(calls[k].second, ix.tensorBytes());
        }
    }

    void cancellation()
    {
        const CheckpointIndex ix = CheckpointIndex::open(fixtures::path("micro_bin"));
        std::atomic<bool> cancel{false};
        int calls = 0;
        WeightLoadOptions opt;
        opt.cancel = &cancel;
        opt.progress = [&](std::uint64_t, std::uint64_t) {
            if (++calls == 3)
                cancel = true;
        };
        QVERIFY_EXCEPTION_THROWN(LoadedWeights::load(ix, opt), LoadCancelled);
        QCOMPARE(calls, 3);
    }

    void shardShrunkAfterIndexing()
    {
        QTemporaryDir tmp;
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), tmp.path()));
        const CheckpointIndex ix = CheckpointIndex::open(tmp.path().toStdString());
        QFile f(tmp.path() + "/pytorch_model-00002-of-00002.bin");
        QVERIFY(f.resize(f.size() / 2));
        try {
            LoadedWeights::load(ix, WeightLoadOptions{});
            QFAIL("no error");
        } catch (const CheckpointError &e) {
            // Caught before any tensor is read: the size differs from the one the index saw.
            QVERIFY2(QString(e.what()).contains("pytorch_model-00002-of-00002.bin: its size changed since it was checked "
                                                "(19199 -> 9599 bytes)"),
                     e.what());
        }
    }

    void refusesBadOptions()
    {
        const CheckpointIndex ix = CheckpointIndex::open(fixtures::path("micro_bin"));
        WeightLoadOptions opt;
        opt.dtype = DType::I8;
        QVERIFY_EXCEPTION_THROWN(LoadedWeights::load(ix, opt), CheckpointError);
        opt.dtype = DType::F32;
        opt.device = "nonsense";
        QVERIFY_EXCEPTION_THROWN(LoadedWeights::load(ix, opt), CheckpointError);
    }
};

QTEST_GUILESS_MAIN(TestWeightLoader)
#include "test_weight_loader.moc"
