// Hostile checkpoints the first set (test_checkpoint_reader: 12 hostile archives, 1 600 damaged files)
// does not cover: shape/stride overflows, keys written twice (pickle, safetensors header, index), a zip
// record or safetensors range outside the file, index entries naming foreign files, symbolic links out
// of the model directory, and a mapped file shrinking under the reader (SIGBUS). Every one must be
// refused with a message naming the file and the problem. The files come from make_hostile_extra.py
// (Python's own pickler / zipfile) or are built here from the committed micro checkpoint.
#include "fixture_support.h"
#include "inference/checkpoint/checkpoint_index.h"
#include "inference/checkpoint/error.h"
#include "inference/checkpoint/mapped_file.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <unistd.h>

using namespace leopard::ckpt;

namespace {

using fixtures::errorOf;

QString extra(const QString &name)
{
    return QString::fromStdString(fixtures::path("hostile_extra/" + name.toStdString()));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), qint64(bytes.size()));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString microCopy(QTemporaryDir &tmp, const char *which = "micro_bin")
{
    const QString dir = tmp.path() + "/model";
    fixtures::copyDir(QString::fromStdString(fixtures::path(which)), dir);
    return dir;
}

} // namespace

class TestHostileCheckpoints : public QObject {
    Q_OBJECT
private slots:
    void hostileFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("pickle shape overflow") << "shape_overflow.bin" << "tensor size 1099511627776 makes more than 2^48 elements";
        QTest::newRow("pickle stride overflow") << "stride_overflow.bin" << "tensor size/stride overflow";
        QTest::newRow("pickle key twice") << "duplicate_key.bin" << "state dict key 'w' appears twice in data.pkl";
        QTest::newRow("local header outside the file") << "local_header_outside.bin"
                                                       << "zip local header at offset 2147483632 lies outside the file";
        QTest::newRow("safetensors key twice") << "duplicate_key.safetensors" << "key 'w' appears twice in safetensors header";
        QTest::newRow("safetensors shape overflow") << "shape_overflow.safetensors" << "tensor 'w': shape too large";
        QTest::newRow("safetensors offsets outside") << "offsets_outside.safetensors"
                                                     << "tensor 'w': data_offsets [18446744073709551607, 18446744073709551615] (after the "
                                                        "107-byte header) extend past the end of the file (size 115)";
    }
    void hostileFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        const QString path = extra(file);
        const QString msg = errorOf([&] {
            if (file.endsWith(".safetensors"))
                readSafetensorsTensors(path.toStdString());
            else
                readTorchZipTensors(path.toStdString());
        });
        QVERIFY2(msg.startsWith(path + ": "), qPrintable(msg));
        QVERIFY2(msg.contains(says), qPrintable(msg));
    }

    // The same bytes in memory (what the fuzzers call) give the same refusal.
    void inMemoryReaderAgrees()
    {
        const QByteArray bytes = readFile(extra("stride_overflow.bin"));
        const QString msg = errorOf([&] {
            readTorchZipTensors("mem.bin", reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
        });
        QVERIFY2(msg.startsWith("mem.bin: ") && msg.contains("tensor size/stride overflow"), qPrintable(msg));
    }

    void indexKeyTwice()
    {
        QTemporaryDir tmp;
        const QString dir = microCopy(tmp);
        const QString index = dir + "/pytorch_model.bin.index.json";
        QByteArray json = readFile(index);
        // The same tensor listed twice, once in each shard: which file is it in?
        const int at = json.indexOf("\"weight_map\": {") + int(strlen("\"weight_map\": {"));
        QVERIFY(at > 20);
        json.insert(at, "\n    \"language_model.model.norm.weight\": \"pytorch_model-00001-of-00002.bin\",");
        writeFile(index, json);
        const QString msg = errorOf([&] { CheckpointIndex::open(dir.toStdString()); });
        QVERIFY2(msg.startsWith(index + ": key 'language_model.model.norm.weight' appears twice"), qPrintable(msg));
    }
    void configKeyTwice()
    {
        QTemporaryDir tmp;
        const QString dir = microCopy(tmp);
        QByteArray json = readFile(dir + "/config.json");
        json.replace("\"model_type\": \"llava\",", "\"model_type\": \"llava\",\n    \"model_type\": \"llava\",");
        writeFile(dir + "/config.json", json);
        const QString msg = errorOf([&] { CheckpointIndex::open(dir.toStdString()); });
        QVERIFY2(msg.startsWith(dir + "/config.json: key 'model_type' appears twice"), qPrintable(msg));
    }
    void tensorInTwoShards()
    {
        QTemporaryDir tmp;
        const QString dir = microCopy(tmp, "micro_safetensors_sharded");
        // Shard 2 replaced by a copy of shard 1: every tensor of shard 1 is now in both files.
        QVERIFY(QFile::remove(dir + "/model-00002-of-00002.safetensors"));
        QVERIFY(QFile::copy(dir + "/model-00001-of-00002.safetensors", dir + "/model-00002-of-00002.safetensors"));
        const QString msg = errorOf([&] { CheckpointIndex::open(dir.toStdString()); });
        QVERIFY2(msg.startsWith(dir + "/model-00002-of-00002.safetensors: tensor '"), qPrintable(msg));
        QVERIFY2(msg.contains("' is also in " + dir + "/model-00001-of-00002.safetensors"), qPrintable(msg));
    }

    // Index entries naming files that exist but are not shards of this model.
    void indexNamesForeignFile_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("says");
        QTest::newRow("config.json") << "config.json" << "not a torch.save zip archive";
        QTest::newRow("another model's shard") << "other.bin" << "unexpected tensor 'a.weight' (not a Leopard-LLaVA weight name)";
        QTest::newRow("absolute path") << "/etc/passwd" << "names '/etc/passwd', not a file in the directory";
        QTest::newRow("a directory") << "sub" << "missing";
    }
    void indexNamesForeignFile()
    {
        QFETCH(QString, target);
        QFETCH(QString, says);
        QTemporaryDir tmp;
        const QString dir = microCopy(tmp);
        QVERIFY(QFile::copy(QString::fromStdString(fixtures::path("torch/plain_dict.bin")), dir + "/other.bin"));
        QVERIFY(QDir(dir).mkdir("sub"));
        const QString index = dir + "/pytorch_model.bin.index.json";
        QByteArray json = readFile(index);
        const QByteArray key = "\"language_model.model.norm.weight\": \"pytorch_model-00002-of-00002.bin\"";
        QVERIFY(json.contains(key));
        json.replace(key, "\"language_model.model.norm.weight\": \"" + target.toUtf8() + "\"");
        writeFile(index, json);
        const QString msg = errorOf([&] { CheckpointIndex::open(dir.toStdString()); });
        QVERIFY2(!msg.isEmpty(), "a foreign file was accepted");
        QVERIFY2(msg.contains(says), qPrintable(msg));
        // The message names the file at fault: the foreign file or the index that names it.
        QVERIFY2(msg.startsWith(dir + "/" + (target == "/etc/passwd" ? "pytorch_model.bin.index.json" : target)),
                 qPrintable(msg));
    }

    // Symbolic links out of the model directory are refused; links inside it and the Hugging Face
    // cache layout (snapshots/<rev>/f -> ../../blobs/<hash>) are read.
    void symlinkOutOfDirectory_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("a shard") << "pytorch_model-00002-of-00002.bin";
        QTest::newRow("config.json") << "config.json";
        QTest::newRow("the index") << "pytorch_model.bin.index.json";
    }
    void symlinkOutOfDirectory()
    {
        QFETCH(QString, file);
        QTemporaryDir tmp;
        const QString dir = microCopy(tmp);
        QVERIFY(QDir(tmp.path()).mkdir("elsewhere"));
        const QString outside = tmp.path() + "/elsewhere/" + file;
        QVERIFY(QFile::rename(dir + "/" + file, outside));
        QVERIFY(::symlink(outside.toUtf8().constData(), (dir + "/" + file).toUtf8().constData()) == 0);
        const QString msg = errorOf([&] { CheckpointIndex::open(dir.toStdString()); });
        QVERIFY2(msg.startsWith(dir + "/" + file + ": is a symbolic link to '" + outside +
                                "', outside the model directory"),
                 qPrintable(msg));
    }
    void symlinksThatStayInside()
    {
        QTemporaryDir tmp;
        // Hugging Face cache: models--x/snapshots/abc/<file> -> ../../blobs/<file>
        const QString repo = tmp.path() + "/models--wyu1--Leopard-LLaVA";
        const QString snap = repo + "/snapshots/abc123";
        QVERIFY(QDir().mkpath(snap));
        QVERIFY(fixtures::copyDir(QString::fromStdString(fixtures::path("micro_bin")), repo + "/blobs"));
        for (const QString &f : QDir(repo + "/blobs").entryList(QDir::Files))
            QVERIFY(::symlink(("../../blobs/" + f).toUtf8().constData(), (snap + "/" + f).toUtf8().constData()) == 0);
        QCOMPARE(CheckpointIndex::open(snap.toStdString()).shards().size(), std::size_t(2));
        // A link from one file of the directory to another of it.
        const QString dir = microCopy(tmp);
        QVERIFY(QFile::rename(dir + "/config.json", dir + "/config.real.json"));
        QVERIFY(::symlink("config.real.json", (dir + "/config.json").toUtf8().constData()) == 0);
        QCOMPARE(CheckpointIndex::open(dir.toStdString()).shards().size(), std::size_t(2));
        // ... but a blobs folder of another repository is outside.
        const QString other = tmp.path() + "/models--someone--else/snapshots/r1";
        QVERIFY(QDir().mkpath(other));
        for (const QString &f : QDir(repo + "/blobs").entryList(QDir::Files))
            QVERIFY(::symlink((repo + "/blobs/" + f).toUtf8().constData(), (other + "/" + f).toUtf8().constData()) == 0);
        const QString msg = errorOf([&] { CheckpointIndex::open(other.toStdString()); });
        QVERIFY2(msg.contains("outside the model directory"), qPrintable(msg));
    }

    // A mapped file cut short by another program: reading the lost pages raises SIGBUS, which the
    // guard turns into zeros plus damaged(), so the reader can refuse it instead of the app dying.
    void fileShrinkingUnderTheMapping()
    {
        QTemporaryDir tmp;
        const QString path = tmp.path() + "/shard.bin";
        const long page = ::sysconf(_SC_PAGESIZE);
        writeFile(path, QByteArray(int(8 * page), '\x5a'));
        const MappedFile file(path.toStdString());
        QCOMPARE(file.data()[0], std::uint8_t(0x5a));
        QVERIFY(!file.damaged());
        QVERIFY(::truncate(path.toUtf8().constData(), page) == 0);
        QCOMPARE(file.data()[page - 1], std::uint8_t(0x5a)); // still in the file
        QCOMPARE(file.data()[5 * page], std::uint8_t(0));     // lost: SIGBUS, repaired with zeros
        QVERIFY(file.damaged());
        QCOMPARE(file.data()[8 * page - 1], std::uint8_t(0));
        const QString msg = errorOf([&] { file.throwIfDamaged(); });
        QVERIFY2(msg.startsWith(path + ": the file shrank while it was being read"), qPrintable(msg));
        // Another mapping is not affected.
        const MappedFile again(path.toStdString());
        QVERIFY(!again.damaged());
        QCOMPARE(again.size(), std::uint64_t(page));
    }
};

QTEST_GUILESS_MAIN(TestHostileCheckpoints)
#include "tst_hostile_checkpoints.moc"
