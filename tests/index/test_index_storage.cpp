// The page index's file where it cannot be written, as index/page_index.h documents it:
// - a read-only file (chmod 0444, in a writable folder): moved aside, kept as it was, and built again;
// - a read-only folder: the file is left alone, this run indexes in memory; the file is unchanged and
//   opens as before once the folder is writable again;
// - a full disk (a 2 MiB tmpfs, when this runs as root and may mount; statvfs says 0 bytes free):
//   adding documents until one fails says the disk is full naming the document; the documents before
//   are still there and found, also after reopening, and `leopard-cli index` exits non-zero saying so;
//   a disk full before the index is even opened moves nothing aside (it used to: a new empty index the
//   next time there was room), and the index opens as before once there is room;
// - a file size limit (RLIMIT_FSIZE, any user) on `leopard-cli index`: the same full-disk message, the
//   document indexed before intact.
// Each message names the index file. What the disk holds is read back with the sqlite3 library too.
// Root ignores permission bits, so as root the read-only cases run as the user nobody (effective ids).
#include "index/page_index.h"
#include "test_pdfs.h"
#include "tests/common/process_run.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <pwd.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

using namespace leopard::index;

namespace {

QString S(const char *s) { return QString::fromUtf8(s); }

// A document of `count` pages, 150 made-up words each (so it takes room), `marker` on its first page.
QVector<IndexedPage> documentOf(const QString &marker, int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    QVector<IndexedPage> pages;
    for (int n = 0; n < count; ++n) {
        IndexedPage p;
        p.page = n;
        p.source = S("text");
        if (n == 0)
            p.words.push_back({marker, QRectF(0.1, 0.05, 0.1, 0.02)});
        for (int i = 0; i < 150; ++i) {
            QString w;
            for (int c = 0, len = 4 + int(rng.bounded(6)); c < len; ++c)
                w += QChar(u'a' + int(rng.bounded(26)));
            p.words.push_back({w, QRectF((i % 10) / 10.0, 0.1 + (i / 10) / 20.0, 0.09, 0.02)});
        }
        pages.push_back(p);
    }
    return pages;
}

// The documents table as the sqlite3 library reads it, without PageIndex.
QStringList documentsOnDisk(const QString &path)
{
    QStringList shas;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT sha FROM documents ORDER BY sha", -1, &s, nullptr) == SQLITE_OK)
            while (sqlite3_step(s) == SQLITE_ROW)
                shas << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return shas;
}

// The database files moved aside (their -wal and -shm go along, named after them).
QStringList movedAside(const QString &dir)
{
    QStringList files;
    for (const QString &f : QDir(dir).entryList({S("*.damaged-*")}))
        if (!f.endsWith(S("-wal")) && !f.endsWith(S("-shm")))
            files << f;
    return files;
}

// What a command printed last (its progress lines come first).
QByteArray tail(const QByteArray &err) { return err.right(600); }

// Writes `file` until the disk refuses a byte more.
void fillDisk(const QString &file)
{
    QFile filler(file);
    if (!filler.open(QIODevice::Append))
        return;
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {}
    const QByteArray byte(1, 'x');
    while (filler.write(byte) == 1 && filler.flush()) {}
}

qint64 freeBytes(const QString &dir)
{
    struct statvfs fs {};
    return statvfs(QFile::encodeName(dir).constData(), &fs) == 0 ? qint64(fs.f_bavail) * qint64(fs.f_frsize) : -1;
}

// As root, the effective user and group become nobody's until destroyed; otherwise nothing changes.
// ok(): permission bits apply to this process now.
class OrdinaryUser
{
public:
    bool ok() const { return m_active || geteuid() != 0; }
    OrdinaryUser()
    {
        if (geteuid() != 0)
            return;
        const passwd *pw = getpwnam("nobody");
        m_active = setegid(pw ? pw->pw_gid : 65534) == 0 && seteuid(pw ? pw->pw_uid : 65534) == 0;
    }
    ~OrdinaryUser()
    {
        if (m_active && seteuid(0) == 0)
            (void)setegid(0);
    }
    OrdinaryUser(const OrdinaryUser &) = delete;
    OrdinaryUser &operator=(const OrdinaryUser &) = delete;

private:
    bool m_active = false;
};

} // namespace

class TestIndexStorage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // A folder the ordinary user owns (as root: nobody, with the temporary folder opened to it).
    QString userFolder(const char *name)
    {
        const QString dir = m_dir.filePath(S(name));
        QDir().mkpath(dir);
        if (geteuid() == 0) {
            QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
            const passwd *pw = getpwnam("nobody");
            if (chown(QFile::encodeName(dir).constData(), pw ? pw->pw_uid : 65534, pw ? pw->pw_gid : 65534) != 0)
                qWarning("chown %s: %s", qPrintable(dir), std::strerror(errno));
        }
        return dir;
    }

    // "" when a 2 MiB tmpfs is mounted at `dir` (root only), else why not.
    QString mountTmpfs(const QString &dir)
    {
        if (geteuid() != 0)
            return S("a small tmpfs needs root to mount; fileSizeLimitReadsAsFull covers a full disk without it");
        QDir().mkpath(dir);
        if (mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", MS_NOSUID | MS_NODEV, "size=2m,mode=0755") != 0)
            return S("mount -t tmpfs: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }

private slots:
    void readOnlyFileIsMovedAsideAndRebuilt()
    {
        const QString dir = userFolder("ro-file");
        OrdinaryUser user;
        if (!user.ok())
            QSKIP("running as root without the right to act as nobody: permission bits do not apply");
        const QString path = dir + S("/index.sqlite");
        {
            PageIndex idx(path);
            QVERIFY(idx.addDocument(S("A"), S("/docs/a.pdf"), documentOf(S("alphamarker"), 2, 1)));
        }
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QFile probe(path);
        QVERIFY2(!probe.open(QIODevice::ReadWrite), "the file is writable after chmod 0444");
        PageIndex idx(path);
        QVERIFY(!idx.inMemory());
        QVERIFY2(idx.openMessage().contains(path) && idx.openMessage().contains(S("moved aside")), qPrintable(idx.openMessage()));
        const QStringList aside = movedAside(dir);
        QCOMPARE(aside.size(), 1);
        QVERIFY2(idx.openMessage().contains(aside.first()), qPrintable(idx.openMessage()));
        QCOMPARE(documentsOnDisk(dir + QLatin1Char('/') + aside.first()), QStringList{S("A")}); // kept as it was
        QCOMPARE(idx.pageCount(S("A")), -1);
        QVERIFY(idx.addDocument(S("B"), S("/docs/b.pdf"), documentOf(S("betamarker"), 1, 2)));
        QCOMPARE(idx.search({S("B")}, S("betamarker"), 5).size(), 1);
        QCOMPARE(documentsOnDisk(path), QStringList{S("B")});
    }

    void readOnlyFolderIndexesInMemory()
    {
        const QString dir = userFolder("ro-folder");
        OrdinaryUser user;
        if (!user.ok())
            QSKIP("running as root without the right to act as nobody: permission bits do not apply");
        const QString path = dir + S("/index.sqlite");
        {
            PageIndex idx(path);
            QVERIFY(idx.addDocument(S("A"), S("/docs/a.pdf"), documentOf(S("alphamarker"), 2, 1)));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const auto writable = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        auto restore = qScopeGuard([&] { QFile::setPermissions(dir, writable); });
        QFile probe(dir + S("/probe"));
        QVERIFY2(!probe.open(QIODevice::WriteOnly), "the folder is writable after chmod 0555");
        {
            PageIndex idx(path);
            QVERIFY(idx.inMemory());
            QVERIFY2(idx.openMessage().contains(path) && idx.openMessage().contains(S("in memory")), qPrintable(idx.openMessage()));
            QVERIFY(idx.addDocument(S("B"), S("/docs/b.pdf"), documentOf(S("betamarker"), 1, 2)));
            QCOMPARE(idx.search({S("B")}, S("betamarker"), 5).size(), 1);
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == before);
        f.close();
        QVERIFY(movedAside(dir).isEmpty());
        restore.dismiss();
        QVERIFY(QFile::setPermissions(dir, writable));
        PageIndex again(path);
        QVERIFY2(again.openMessage().isEmpty(), qPrintable(again.openMessage()));
        QCOMPARE(again.pageCount(S("A")), 2);
        QCOMPARE(again.pageCount(S("B")), -1);
    }

    void fullDiskKeepsWhatWasIndexed()
    {
        const QString dir = m_dir.filePath(S("full"));
        if (const QString why = mountTmpfs(dir); !why.isEmpty())
            QSKIP(qPrintable(why));
        auto unmount = qScopeGuard([&] { umount2(QFile::encodeName(dir).constData(), MNT_DETACH); });
        const QString path = dir + S("/index.sqlite");
        QStringList added;
        QString error, failedPath;
        {
            PageIndex idx(path);
            QVERIFY2(idx.openMessage().isEmpty(), qPrintable(idx.openMessage()));
            for (int n = 0; n < 100; ++n) {
                const QString sha = S("doc%1").arg(n, 3, 10, QLatin1Char('0'));
                failedPath = S("/docs/report-%1.pdf").arg(n);
                if (!idx.addDocument(sha, failedPath, documentOf(S("marker%1").arg(n), 20, n), &error)) {
                    QCOMPARE(idx.pageCount(sha), -1); // rolled back
                    break;
                }
                added << sha;
            }
            qInfo("%d documents of 20 pages fit on the 2 MiB disk; then: %s", int(added.size()), qPrintable(error));
            QVERIFY(added.size() >= 2 && added.size() < 100);
            QVERIFY2(error.contains(failedPath) && error.contains(path) && error.contains(S("full")), qPrintable(error));
            QCOMPARE(freeBytes(dir), qint64(0)); // the reference that the disk is full
            for (int n = 0; n < added.size(); ++n)
                QCOMPARE(idx.search({added[n]}, S("marker%1").arg(n), 5).value(0).page, 0);
        }
        // The documents are all in the WAL (no room to checkpoint them into the database file),
        // which the rolled back document's frames leave some room in: open it again, fill that room.
        QCOMPARE(documentsOnDisk(path), added);
        {
            PageIndex idx(path);
            QVERIFY2(!idx.inMemory() && idx.openMessage().isEmpty(), qPrintable(idx.openMessage()));
            for (int n = 0; n < added.size(); ++n)
                QCOMPARE(idx.search({added[n]}, S("marker%1").arg(n), 5).value(0).page, 0);
            QVERIFY(!idx.addDocument(S("late"), S("/docs/late.pdf"), documentOf(S("late"), 40, 99), &error));
            QVERIFY2(error.contains(S("/docs/late.pdf")) && error.contains(S("full")), qPrintable(error));
            // Use up the last of that room with one-page documents, so that nothing more fits.
            for (int n = 0; n < 1000; ++n) {
                const QString sha = S("small%1").arg(n, 4, 10, QLatin1Char('0'));
                if (!idx.addDocument(sha, S("/docs/small.pdf"), documentOf(S("small"), 1, 1000 + n), &error))
                    break;
                added << sha;
            }
            QVERIFY2(error.contains(S("/docs/small.pdf")) && error.contains(S("full")), qPrintable(error));
        }
        // leopard-cli as a user runs it: non-zero, the message naming the document and the index, no crash.
        const QString report = S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
        const leopard::test::ProcessRun r = leopard::test::runCli({S("index"), S("--index"), path, report}, {}, 120000);
        QVERIFY2(r.exitCode > 0, tail(r.err).constData());
        QVERIFY2(r.err.contains("is full") && r.err.contains(QFile::encodeName(report)) && r.err.contains(QFile::encodeName(path)),
                 tail(r.err).constData());
        std::sort(added.begin(), added.end());
        QCOMPARE(documentsOnDisk(path), added);
        QVERIFY(movedAside(dir).isEmpty());
    }

    // No room even for the first write at opening (an index whose WAL was checkpointed away, on a disk
    // filled since): the file is kept as it is, never moved aside, and is used again once there is room.
    void fullDiskAtOpening()
    {
        const QString dir = m_dir.filePath(S("full-open"));
        if (const QString why = mountTmpfs(dir); !why.isEmpty())
            QSKIP(qPrintable(why));
        auto unmount = qScopeGuard([&] { umount2(QFile::encodeName(dir).constData(), MNT_DETACH); });
        const QString path = dir + S("/index.sqlite");
        {
            PageIndex idx(path);
            QVERIFY(idx.addDocument(S("A"), S("/docs/a.pdf"), documentOf(S("alphamarker"), 10, 1)));
        }
        QVERIFY(!QFile::exists(path + S("-wal"))); // checkpointed on closing
        fillDisk(dir + S("/filler"));
        QCOMPARE(freeBytes(dir), qint64(0));
        {
            PageIndex idx(path);
            qInfo("opened on the full disk: %s", qPrintable(idx.openMessage()));
            QVERIFY(movedAside(dir).isEmpty());
            QVERIFY2(idx.openMessage().contains(path) && idx.openMessage().contains(S("full")), qPrintable(idx.openMessage()));
            // With no room for its -shm file either, SQLite cannot read the WAL-mode file: this run
            // indexes in memory. Had the -shm been there (another program holding the index open), the
            // file would be read.
            if (!idx.inMemory())
                QCOMPARE(idx.search({S("A")}, S("alphamarker"), 5).size(), 1);
            else
                QVERIFY2(idx.openMessage().contains(S("in memory")), qPrintable(idx.openMessage()));
        }
        // leopard-cli prints the same and does not crash. (It indexes into memory then, which stores
        // nothing; its exit status is the command's business, not asserted here.)
        const QString report = S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
        const leopard::test::ProcessRun r = leopard::test::runCli({S("index"), S("--index"), path, report}, {}, 120000);
        QVERIFY2(r.exitCode >= 0, tail(r.err).constData());
        QVERIFY2(r.err.contains("is full") && r.err.contains(QFile::encodeName(path)), tail(r.err).constData());
        QVERIFY(movedAside(dir).isEmpty());
        // Room again: the index opens as before.
        QVERIFY(QFile::remove(dir + S("/filler")));
        PageIndex idx(path);
        QVERIFY2(idx.openMessage().isEmpty(), qPrintable(idx.openMessage()));
        QCOMPARE(documentsOnDisk(path), QStringList{S("A")});
    }

    void fileSizeLimitReadsAsFull()
    {
        if (const QString why = leopard::test::pythonMissing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        const QString dir = m_dir.filePath(S("limit"));
        QDir().mkpath(dir);
        const QString path = dir + S("/index.sqlite"), longPdf = m_dir.filePath(S("long300.pdf"));
        const QString made = leopard::test::makeTestPdf({S("long"), longPdf, S("--pages"), S("300")});
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString report = S(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
        leopard::test::ProcessRun r = leopard::test::runCli({S("index"), S("--index"), path, report}, {}, 120000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QStringList before = documentsOnDisk(path);
        QCOMPARE(before.size(), 1);

        // The limit is per file: the WAL, where a 300-page document's transaction goes, stops at 512 KiB.
        QProcess cli;
        cli.setChildProcessModifier([] {
            const rlimit limit{512 * 1024, 512 * 1024};
            setrlimit(RLIMIT_FSIZE, &limit);
            signal(SIGXFSZ, SIG_IGN); // past the limit write() fails with EFBIG instead of killing
        });
        cli.start(leopard::test::cliPath(), {S("index"), S("--index"), path, longPdf});
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(cli.exitCode() != 0, tail(err).constData());
        QVERIFY2(err.contains("is full") && err.contains(QFile::encodeName(longPdf)) && err.contains(QFile::encodeName(path)),
                 tail(err).constData());
        QCOMPARE(documentsOnDisk(path), before);
        QVERIFY(movedAside(dir).isEmpty());
        PageIndex idx(path);
        QVERIFY2(idx.openMessage().isEmpty(), qPrintable(idx.openMessage()));
        QCOMPARE(idx.search(before, S("dwell time"), 5).isEmpty(), false);
    }
};

QTEST_GUILESS_MAIN(TestIndexStorage)
#include "test_index_storage.moc"
