// Settings ▸ Text recognition: "Automatic" is the UI language and English; a choice is stored as
// Tesseract writes a language list; a chosen language whose data is not installed is named with
// its Debian package, in the dialog and (end to end) when the app reads a scan with it, the scan
// still read in the languages that are there. The
// tessdata folder here holds only eng.traineddata (linked from the system's), so jpn is missing.
#include "index/ocr.h"
#include "ui/search/document_index.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/language.h"
#include "ui/settings/ocr_languages_widget.h"
#include "ui/settings/settings_dialog.h"
#include "viewer/document_opener.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace leopard;
using namespace leopard::ui;

class TestOcrSetting : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(Language::apply(QStringLiteral("de")), QStringLiteral("de"));
        QSettings().remove(QStringLiteral("index/ocrLanguages"));
        const QString system = QStringLiteral("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata");
        if (!QFile::exists(system))
            QSKIP("tesseract-ocr-eng is not installed");
        const QString tessdata = m_dir.filePath(QStringLiteral("tessdata"));
        QVERIFY(QDir().mkpath(tessdata));
        QVERIFY(QFile::link(system, tessdata + QStringLiteral("/eng.traineddata")));
        qputenv("TESSDATA_PREFIX", QFile::encodeName(tessdata));
    }

    void automaticIsTheUiLanguageAndEnglish()
    {
        SettingsDialog dialog;
        OcrLanguagesWidget *w = dialog.ocrLanguages();
        QVERIFY(w->chosen().isEmpty());
        QVERIFY(w->findChild<QCheckBox *>(QStringLiteral("ocrAutomatic"))->isChecked());
        // German UI: deu and eng shown checked (and greyed), the others not.
        for (const char *code : {"deu", "eng"}) {
            auto *box = w->findChild<QCheckBox *>(QStringLiteral("ocr_") + QLatin1String(code));
            QVERIFY(box->isChecked() && !box->isEnabled());
        }
        QVERIFY(!w->findChild<QCheckBox *>(QStringLiteral("ocr_jpn"))->isChecked());
        QCOMPARE(AppSettings::effectiveOcrLanguages(), (QStringList{QStringLiteral("deu"), QStringLiteral("eng")}));
        // deu is not in this tessdata: said with its package.
        QVERIFY2(w->findChild<QLabel *>(QStringLiteral("ocrMissing"))->text().contains(QStringLiteral("tesseract-ocr-deu")),
                 qPrintable(w->findChild<QLabel *>(QStringLiteral("ocrMissing"))->text()));
    }

    void choiceIsStoredAndMissingDataNamed()
    {
        SettingsDialog dialog;
        OcrLanguagesWidget *w = dialog.ocrLanguages();
        w->findChild<QCheckBox *>(QStringLiteral("ocrAutomatic"))->setChecked(false);
        w->findChild<QCheckBox *>(QStringLiteral("ocr_deu"))->setChecked(false);
        w->findChild<QCheckBox *>(QStringLiteral("ocr_jpn"))->setChecked(true);
        QCOMPARE(w->chosen(), (QStringList{QStringLiteral("eng"), QStringLiteral("jpn")}));
        const QString missing = w->findChild<QLabel *>(QStringLiteral("ocrMissing"))->text();
        QVERIFY2(missing.contains(QStringLiteral("apt install tesseract-ocr-jpn")) && !missing.contains(QStringLiteral("-eng")), qPrintable(missing));
        dialog.saveOcrLanguages();
        QCOMPARE(QSettings().value(QStringLiteral("index/ocrLanguages")).toString(), QStringLiteral("eng+jpn"));
        QCOMPARE(AppSettings::effectiveOcrLanguages(), (QStringList{QStringLiteral("eng"), QStringLiteral("jpn")}));
        SettingsDialog again; // shows what was saved
        QCOMPARE(again.ocrLanguages()->chosen(), (QStringList{QStringLiteral("eng"), QStringLiteral("jpn")}));
    }

    // The app reading a scan with the saved choice: the missing pack is said, naming the file and package.
    void readingAScanSaysWhatIsMissing()
    {
        AppSettings::setOcrLanguages({QStringLiteral("eng"), QStringLiteral("jpn")});
        QImage image(600, 200, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            QFont f(QStringLiteral("DejaVu Sans"), 28);
            p.setFont(f);
            p.setPen(Qt::black);
            p.drawText(QRect(0, 0, 600, 200), Qt::AlignCenter, QStringLiteral("Quarterly freight volumes"));
        }
        const QString path = m_dir.filePath(QStringLiteral("scan.png"));
        QVERIFY(image.save(path));
        const viewer::OpenResult opened = viewer::openDocument(path);
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
        DocumentIndex index(m_dir.filePath(QStringLiteral("index.sqlite")));
        QSignalSpy messages(&index, &DocumentIndex::message);
        index.setDocuments({{SessionDocument{path, sha, {}}, opened.document}});
        QTRY_VERIFY_WITH_TIMEOUT(index.isReady(), 60000);
        QVERIFY(!messages.isEmpty());
        const QString said = messages.last().at(0).toString();
        QVERIFY2(said.contains(QStringLiteral("scan.png")) && said.contains(QStringLiteral("apt install tesseract-ocr-jpn")), qPrintable(said));
        // ... and the page is still read in the language that is installed (the words drawn above).
        const index::PageIndex db(m_dir.filePath(QStringLiteral("index.sqlite")));
        const index::IndexedPage page = db.page(sha, 0);
        QCOMPARE(page.source, QStringLiteral("ocr"));
        QStringList words;
        for (const index::IndexedWord &w : page.words)
            words << w.text;
        QCOMPARE(words, (QStringList{QStringLiteral("Quarterly"), QStringLiteral("freight"), QStringLiteral("volumes")}));
        QSettings().remove(QStringLiteral("index/ocrLanguages"));
    }
};

QTEST_MAIN(TestOcrSetting)
#include "tst_ocr_setting.moc"
