// leopard-cli make-tiny and inspect run as a user would (QProcess on the built binary), and the
// torch.save writer read back by the real torch.load (Debian python3-torch) when it is installed.
// References: make_tiny_reference.sha256 (the files reference/model/make_tiny.py writes), torch.load,
// and the committed torch.save fixtures — never this project's own output.
#include "fixture_support.h"

#include "inference/checkpoint/float_convert.h"
#include "inference/checkpoint/torch_save_writer.h"
#include "tests/common/file_hash.h"
#include "tests/common/process_run.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace leopard::ckpt;

namespace {

const QString kCli = QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli");
const QString kTokenizerDir = QStringLiteral(LEOPARD_TOKENIZER_DIR);

using Run = leopard::test::ProcessRun;
using leopard::test::fileSha256;

Run run(const QString &program, const QStringList &args, int timeoutMs = 300000)
{
    return leopard::test::runProcess(program, args, {}, timeoutMs);
}

// A python3 that can `import torch` (Debian's python3-torch lives in /usr/bin/python3; a pyenv shim
// first on PATH may not have it). Empty when there is none.
QString pythonWithTorch()
{
    for (const QString &py : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")})
        if (run(py, {"-c", "import torch"}, 120000).exitCode == 0)
            return py;
    return {};
}

bool haveTokenizer() { return QFile::exists(kTokenizerDir + "/tokenizer.json"); }

// One-line reason on stderr, nothing on stdout.
void checkRefused(const Run &r, int code, const QString &contains)
{
    QCOMPARE(r.exitCode, code);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(!err.contains('\n'), qPrintable(err));
    QVERIFY2(err.contains(contains), qPrintable(err));
}

} // namespace

class TestCliCheckpoint : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString tiny_;

private slots:
    void initTestCase()
    {
        if (!haveTokenizer())
            return;
        tiny_ = tmp_.path() + "/tiny";
        const Run r = run(kCli, {"make-tiny", "--out", tiny_});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void makeTinyIsDeterministic()
    {
        if (!haveTokenizer())
            QSKIP("tokenizer files not fetched (scripts/fetch-tokenizer.sh)");
        const QString again = tmp_.path() + "/tiny-again";
        QCOMPARE(run(kCli, {"make-tiny", "--out", again, "--tokenizer-dir", kTokenizerDir}).exitCode, 0);
        const QStringList files = QDir(tiny_).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{"config.json", "pytorch_model-00001-of-00002.bin", "pytorch_model-00002-of-00002.bin",
                                     "pytorch_model.bin.index.json", "special_tokens_map.json", "tokenizer.json",
                                     "tokenizer_config.json"}));
        QCOMPARE(QDir(again).entryList(QDir::Files, QDir::Name), files);
        for (const QString &f : files)
            QVERIFY2(fileSha256(tiny_ + "/" + f) == fileSha256(again + "/" + f), qPrintable(f));
    }

    // config.json, the index and the three tokenizer files are byte-identical to make_tiny.py's.
    void makeTinyMatchesReferenceScript()
    {
        if (!haveTokenizer())
            QSKIP("tokenizer files not fetched (scripts/fetch-tokenizer.sh)");
        QFile list(QStringLiteral(LEOPARD_SOURCE_DIR "/tests/checkpoint/make_tiny_reference.sha256"));
        QVERIFY(list.open(QIODevice::ReadOnly | QIODevice::Text));
        int checked = 0;
        while (!list.atEnd()) {
            const QByteArray line = list.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            QVERIFY2(fileSha256(tiny_ + "/" + QString::fromUtf8(parts.last())) == parts.first(), parts.last().constData());
            ++checked;
        }
        QCOMPARE(checked, 5);
    }

    void makeTinyReadByTorchLoad()
    {
        if (!haveTokenizer())
            QSKIP("tokenizer files not fetched (scripts/fetch-tokenizer.sh)");
        const QString py = pythonWithTorch();
        if (py.isEmpty())
            QSKIP("no python3 with torch (apt install python3-torch)");
        const Run r = run(py, {QStringLiteral(LEOPARD_SOURCE_DIR "/tests/checkpoint/check_tiny_with_torch.py"), tiny_});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    }

    // ZIP64 structures (what > 4 GB shards carry), forced on a small archive: torch.load must read them.
    void zip64ArchiveReadByTorchLoad()
    {
        const QString py = pythonWithTorch();
        if (py.isEmpty())
            QSKIP("no python3 with torch (apt install python3-torch)");
        const QString path = tmp_.path() + "/zip64.bin";
        const std::vector<float> values = {1.5f, -2.0f, 0.25f, 65504.0f, 1e-3f, -7.0f};
        std::vector<TensorToWrite> tensors;
        tensors.push_back({"a.weight", DType::F16, {2, 3}, [&](std::vector<std::uint8_t> &out) {
                               for (float v : values) {
                                   const std::uint16_t h = floatToHalf(v);
                                   out.push_back(std::uint8_t(h & 0xff));
                                   out.push_back(std::uint8_t(h >> 8));
                               }
                           }});
        tensors.push_back({"b", DType::BF16, {3}, [&](std::vector<std::uint8_t> &out) {
                               for (int k = 0; k < 3; ++k) {
                                   const std::uint16_t h = floatToBf16(values[k]);
                                   out.push_back(std::uint8_t(h & 0xff));
                                   out.push_back(std::uint8_t(h >> 8));
                               }
                           }});
        writeTorchSave(path.toStdString(), tensors, true, /*zip64Limit=*/16);
        const Run r = run(py, {"-c", "import sys, torch, collections\n"
                                     "sd = torch.load(sys.argv[1])\n"
                                     "assert type(sd) is collections.OrderedDict, type(sd)\n"
                                     "print(list(sd), sd['a.weight'].dtype, sd['b'].dtype)\n"
                                     "print(sd['a.weight'].float().flatten().tolist(), sd['b'].float().tolist())\n",
                               path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out).trimmed(),
                 QStringLiteral("['a.weight', 'b'] torch.float16 torch.bfloat16\n"
                                "[1.5, -2.0, 0.25, 65504.0, 0.0010004043579101562, -7.0] [1.5, -2.0, 0.25]"));
    }

    void inspectTiny()
    {
        if (!haveTokenizer())
            QSKIP("tokenizer files not fetched (scripts/fetch-tokenizer.sh)");
        const Run r = run(kCli, {"inspect", "--model", tiny_, "--load", "--dtype", "fp32"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const nlohmann::json j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["usable"].get<bool>(), true);
        QCOMPARE(j["tensor_count"].get<int>(), 73);   // make_tiny.py: 62 used + 11 SigLIP head tensors
        QCOMPARE(j["unused_tensors"].get<int>(), 11);
        QCOMPARE(j["files"].size(), std::size_t(2));
        QCOMPARE(j["files"][0]["pickle"].get<std::string>(), std::string("collections.OrderedDict"));
        QCOMPARE(j["files"][1]["pickle"].get<std::string>(), std::string("dict"));
        QVERIFY(j["dtypes"].contains("bf16") && j["dtypes"].contains("fp16"));
        QCOMPARE(j["tokenizer"]["image_token"]["id"].get<int>(), 128200);
        QCOMPARE(j["tokenizer"]["eos"]["id"].get<int>(), 128009);
        QCOMPARE(j["tokenizer"]["bos"]["id"].get<int>(), 128000);
        QCOMPARE(j["tokenizer"]["pad"]["id"].get<int>(), 128256);
        QCOMPARE(j["config"]["text"]["num_key_value_heads"].get<int>(), 2);
        QCOMPARE(j["load"]["tensors"].get<int>(), 73);
        QCOMPARE(j["load"]["loaded_bytes"].get<std::uint64_t>(), j["total_bytes"].get<std::uint64_t>() * 2); // 16 -> 32 bit
        QVERIFY(j["load"]["peak_rss"].get<std::uint64_t>() > 0);
    }

    void inspectRefusals()
    {
        checkRefused(run(kCli, {"inspect"}), 2, "usage: leopard-cli inspect");
        checkRefused(run(kCli, {"inspect", "--model", tmp_.path(), "--dtype", "int8"}), 2, "usage");
        checkRefused(run(kCli, {"inspect", "--model", tmp_.path() + "/nope"}), 1, "/nope: no config.json");
        // the committed micro checkpoint has weights but no tokenizer files
        checkRefused(run(kCli, {"inspect", "--model", QString::fromStdString(fixtures::path("micro_bin"))}), 1,
                     "tokenizer.json: missing");
        if (!haveTokenizer())
            QSKIP("tokenizer files not fetched (scripts/fetch-tokenizer.sh)");

        const QString bad = tmp_.path() + "/bad";
        QVERIFY(fixtures::copyDir(tiny_, bad));
        QFile shard(bad + "/pytorch_model-00001-of-00002.bin");
        QVERIFY(shard.resize(shard.size() - 4096));
        checkRefused(run(kCli, {"inspect", "--model", bad}), 1,
                     "pytorch_model-00001-of-00002.bin: the file is truncated");

        QVERIFY(QFile::remove(bad + "/pytorch_model-00001-of-00002.bin"));
        QVERIFY(QFile::copy(QString::fromStdString(fixtures::path("hostile/os_system.bin")),
                            bad + "/pytorch_model-00001-of-00002.bin"));
        checkRefused(run(kCli, {"inspect", "--model", bad}), 1, "pickle global 'os.system' is not allowed");

        QVERIFY(QFile::remove(bad + "/pytorch_model-00001-of-00002.bin"));
        QVERIFY(QFile::copy(tiny_ + "/pytorch_model-00001-of-00002.bin", bad + "/pytorch_model-00001-of-00002.bin"));
        QCOMPARE(run(kCli, {"inspect", "--model", bad}).exitCode, 0);
        // Llama 3.1 numbering of the image token would break the model: refused.
        {
            std::ifstream in((bad + "/config.json").toStdString());
            nlohmann::json c = nlohmann::json::parse(in);
            c["image_token_index"] = 128203;
            std::ofstream((bad + "/config.json").toStdString()) << c.dump(4);
        }
        checkRefused(run(kCli, {"inspect", "--model", bad}), 1,
                     "image_token_index is 128203 but the tokenizer gives <|reserved_special_token_195|> the id 128200");
    }

    void makeTinyRefusals()
    {
        const Run usage = run(kCli, {"make-tiny"});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.startsWith("usage: leopard-cli make-tiny"));
        checkRefused(run(kCli, {"make-tiny", "--out", tmp_.path() + "/x", "--tokenizer-dir", tmp_.path() + "/none"}), 1,
                     "tokenizer.json: cannot open");
        // never writes into a directory holding other files
        QDir().mkpath(tmp_.path() + "/busy");
        QFile other(tmp_.path() + "/busy/notes.txt");
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        checkRefused(run(kCli, {"make-tiny", "--out", tmp_.path() + "/busy"}), 1, "is not empty (holds 'notes.txt')");
    }
};

QTEST_GUILESS_MAIN(TestCliCheckpoint)
#include "test_cli_checkpoint.moc"
