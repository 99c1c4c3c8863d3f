// Export of annotated answers (ui/export/answer_export), checked with independent readers:
// - the PDF is opened again with the app's own viewer (Poppler-Qt6) and with poppler-utils
//   (pdfinfo page count, pdftotext text, pdfimages embedded pictures);
// - the pictures referenced by Markdown and HTML exist and have the pixel size pdftoppm gives the page;
// - the crop overlay is drawn: along the tile boundaries the planner gives for pdfinfo's page sizes
//   the exported picture is orange where pdftoppm's plain render is not, and inside tiles it is the page;
// - the clipboard carries Markdown and HTML with the page references.
#include "inference/planner.h"
#include "tests/common/process_run.h"
#include "ui/export/answer_export.h"
#include "viewer/document_opener.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace leopard;
using namespace leopard::ui;
using leopard::test::runProcess;

namespace {
const QString kReport = QStringLiteral(LEOPARD_SOURCE_DIR "/resources/samples/sample-report.pdf");
constexpr double kDpi = 72; // Letter pages: 612 x 792 px, exactly what pdftoppm -r 72 makes

bool haveTool(const QString &name) { return !QStandardPaths::findExecutable(name).isEmpty(); }

QString squeezed(QString s) { return s.simplified(); }

SavedConversation sampleConversation()
{
    SavedConversation c;
    c.id = QStringLiteral("test");
    c.documents = {{kReport, QStringLiteral("0")}};
    c.created = QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC);
    SessionTurn t;
    t.question = QStringLiteral("What does the revenue table on page 3 show?");
    t.answer = QStringLiteral("The table lists **revenue by region** for two years.\n\n- North grew the most\n- South declined");
    t.pages = {{kReport, 3}, {kReport, 1}};
    t.settings.modelDir = QStringLiteral("/models/Leopard-LLaVA");
    t.settings.dtype = QStringLiteral("bf16");
    t.settings.device = QStringLiteral("cpu");
    t.settings.maxNewTokens = 96;
    t.settings.analysisDpi = 144;
    t.asked = QDateTime(QDate(2026, 11, 20), QTime(9, 31), Qt::UTC);
    t.state = TurnState::Complete;
    c.turns << t;
    SessionTurn f = t;
    f.question = QStringLiteral("And which region fell?");
    f.answer = QStringLiteral("The South region fell by four percent.");
    c.turns << f;
    return c;
}

ExportPageProvider provider()
{
    return documentPageProvider([](const QString &path, QString *error) {
        const viewer::OpenResult r = viewer::openDocument(path);
        if (!r.ok())
            *error = r.message;
        return r.document;
    }, kDpi);
}

QImage pdftoppm(int page, const QString &dir)
{
    const QString prefix = dir + QStringLiteral("/plain-%1").arg(page);
    const auto run = runProcess(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(kDpi), QStringLiteral("-f"), QString::number(page),
                                                             QStringLiteral("-l"), QString::number(page), QStringLiteral("-singlefile"),
                                                             QStringLiteral("-png"), kReport, prefix});
    return run.exitCode == 0 ? QImage(prefix + QStringLiteral(".png")) : QImage();
}

// The plan the two pages of the turn get together, from pdfinfo's sizes at the turn's analysis dpi.
leopard::CropPlan referencePlan()
{
    const auto info = runProcess(QStringLiteral("pdfinfo"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("3"), kReport});
    QHash<int, QSizeF> sizes;
    const QRegularExpression re(QStringLiteral("Page\\s+(\\d+) size:\\s+([\\d.]+) x ([\\d.]+) pts"));
    for (auto it = re.globalMatch(QString::fromUtf8(info.out)); it.hasNext();) {
        const auto m = it.next();
        sizes.insert(m.captured(1).toInt(), QSizeF(m.captured(2).toDouble(), m.captured(3).toDouble()));
    }
    std::vector<leopard::PixelSize> px;
    for (int page : {3, 1})
        px.push_back({int(std::lround(sizes[page].width() * 2)), int(std::lround(sizes[page].height() * 2))}); // 144 dpi
    return leopard::planCrops(px);
}

bool isOrange(QRgb c) { return qRed(c) > 170 && qGreen(c) > 60 && qGreen(c) < 170 && qBlue(c) < 110; }
} // namespace

class TestAnswerExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const char *tool : {"pdfinfo", "pdftotext", "pdftoppm", "pdfimages"})
            if (!haveTool(QLatin1String(tool)))
                QSKIP("poppler-utils is the reference reader: apt install poppler-utils");
    }

    void pdfIsRealAndReadable()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("conversation.pdf"));
        AnswerExporter exporter(sampleConversation(), -1, provider());
        QString error;
        QVERIFY2(exporter.write(pdf, &error), qPrintable(error));

        // The app's own viewer reads it back.
        const viewer::OpenResult r = viewer::openDocument(pdf);
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.document->kind(), viewer::DocumentKind::Pdf);
        QString text;
        for (int i = 0; i < r.document->pageCount(); ++i)
            text += r.document->pageText(i) + QLatin1Char('\n');
        // pdfinfo agrees on the page count; pdftotext on the text.
        const auto info = runProcess(QStringLiteral("pdfinfo"), {pdf});
        QCOMPARE(info.exitCode, 0);
        const QRegularExpression pagesLine(QStringLiteral("Pages:\\s+(\\d+)"));
        const int pdfinfoPages = pagesLine.match(QString::fromUtf8(info.out)).captured(1).toInt();
        QCOMPARE(r.document->pageCount(), pdfinfoPages);
        QVERIFY(pdfinfoPages >= 2); // four page pictures do not fit one A4 sheet
        const auto totext = runProcess(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
        QCOMPARE(totext.exitCode, 0);
        const QString reference = squeezed(QString::fromUtf8(totext.out));
        const QString ours = squeezed(text);
        for (const QString &needle : {QStringLiteral("What does the revenue table on page 3 show?"),
                                      QStringLiteral("The table lists revenue by region for two years."), // Markdown rendered: no asterisks
                                      QStringLiteral("North grew the most"),
                                      QStringLiteral("And which region fell?"),
                                      QStringLiteral("The South region fell by four percent."),
                                      QStringLiteral("/models/Leopard-LLaVA"),
                                      QStringLiteral("bf16"),
                                      QStringLiteral("max 96 new tokens"),
                                      QStringLiteral("analysis 144 dpi"),
                                      QStringLiteral("sample-report.pdf p. 3"),
                                      QStringLiteral("sample-report.pdf p. 1")}) {
            QVERIFY2(reference.contains(needle), qPrintable(QStringLiteral("pdftotext lacks “%1”:\n%2").arg(needle, reference)));
            QVERIFY2(ours.contains(needle), qPrintable(QStringLiteral("Poppler-Qt6 lacks “%1”").arg(needle)));
        }
        QVERIFY(!reference.contains(QStringLiteral("**")));
        // The pictures are embedded images, one per page of each turn (2 turns x 2 pages).
        const auto images = runProcess(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QCOMPARE(images.exitCode, 0);
        const QStringList rows = QString::fromUtf8(images.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2); // two header lines
        int pictures = 0;
        for (const QString &row : rows)
            if (row.contains(QStringLiteral(" image ")) && row.contains(QStringLiteral(" 612 ")) && row.contains(QStringLiteral(" 792 ")))
                ++pictures;
        QVERIFY2(pictures == 4, qPrintable(QString::fromUtf8(images.out)));
    }

    void oneAnswerOnly()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("answer.pdf"));
        AnswerExporter exporter(sampleConversation(), 1, provider());
        QString error;
        QVERIFY2(exporter.write(pdf, &error), qPrintable(error));
        const auto totext = runProcess(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        const QString text = squeezed(QString::fromUtf8(totext.out));
        QVERIFY(text.contains(QStringLiteral("And which region fell?")));
        QVERIFY(!text.contains(QStringLiteral("What does the revenue table")));
    }

    void markdownAndHtmlReferenceRightPictures_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("markdown") << QStringLiteral("export.md");
        QTest::addRow("html") << QStringLiteral("export.html");
    }
    void markdownAndHtmlReferenceRightPictures()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        AnswerExporter exporter(sampleConversation(), -1, provider());
        QString error;
        QVERIFY2(exporter.write(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (const QString &needle : {QStringLiteral("What does the revenue table on page 3 show?"), QStringLiteral("revenue by region"),
                                      QStringLiteral("The South region fell by four percent."), QStringLiteral("/models/Leopard-LLaVA"),
                                      QStringLiteral("bf16"), QStringLiteral("cpu"), QStringLiteral("max 96 new tokens"),
                                      QStringLiteral("sample-report.pdf p. 3")})
            QVERIFY2(text.contains(needle), qPrintable(needle));

        const QRegularExpression ref(name.endsWith(QLatin1String(".md")) ? QStringLiteral("!\\[[^\\]]*\\]\\(([^)]+)\\)")
                                                                         : QStringLiteral("<img src=\"([^\"]+)\""));
        QStringList refs;
        for (auto it = ref.globalMatch(text); it.hasNext();)
            refs << it.next().captured(1);
        QCOMPARE(refs.size(), 4); // 2 turns x 2 pages
        const QImage plain3 = pdftoppm(3, dir.path()), plain1 = pdftoppm(1, dir.path());
        QVERIFY(!plain3.isNull() && !plain1.isNull());
        for (int i = 0; i < refs.size(); ++i) {
            const QImage picture(dir.filePath(refs[i]));
            QVERIFY2(!picture.isNull(), qPrintable(refs[i]));
            QCOMPARE(picture.size(), (i % 2 == 0 ? plain3 : plain1).size());
        }
    }

    void overlayIsDrawnAlongTheCropGrid()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.md"));
        AnswerExporter exporter(sampleConversation(), 0, provider());
        QString error;
        QVERIFY2(exporter.write(path, &error), qPrintable(error));
        const QImage picture = QImage(AnswerExporter::imageFolderFor(path) + QStringLiteral("/turn1-page1.png")).convertToFormat(QImage::Format_RGB32);
        const QImage plain = pdftoppm(3, dir.path()).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(picture.size(), plain.size());

        const leopard::CropPlan plan = referencePlan();
        const leopard::ImagePlan &p = plan.images[0]; // page 3 is the turn's first page
        QVERIFY(p.gridCols >= 2 && p.gridRows >= 2);
        const double sx = double(picture.width()) / p.resized.width, sy = double(picture.height()) / p.resized.height;
        int checked = 0;
        // Inner vertical boundaries, sampled at the middle of each tile row.
        for (int c = 1; c < p.gridCols; ++c) {
            const int x = int(std::lround((c * plan.options.cropSide - p.pasteX) * sx));
            for (int r = 0; r < p.gridRows; ++r) {
                const int y = int(std::lround(((r + 0.5) * plan.options.cropSide - p.pasteY) * sy));
                if (y < 0 || y >= picture.height())
                    continue;
                bool orange = false, plainOrange = false;
                for (int dx = -1; dx <= 1; ++dx) {
                    orange = orange || isOrange(picture.pixel(x + dx, y));
                    plainOrange = plainOrange || isOrange(plain.pixel(x + dx, y));
                }
                QVERIFY2(orange && !plainOrange, qPrintable(QStringLiteral("no grid line at x=%1 y=%2").arg(x).arg(y)));
                ++checked;
            }
        }
        // Inner horizontal boundaries, at the middle of each tile column.
        for (int r = 1; r < p.gridRows; ++r) {
            const int y = int(std::lround((r * plan.options.cropSide - p.pasteY) * sy));
            for (int c = 0; c < p.gridCols; ++c) {
                const int x = int(std::lround(((c + 0.5) * plan.options.cropSide - p.pasteX) * sx));
                bool orange = false;
                for (int dy = -1; dy <= 1; ++dy)
                    orange = orange || isOrange(picture.pixel(x, y + dy));
                QVERIFY2(orange, qPrintable(QStringLiteral("no grid line at x=%1 y=%2").arg(x).arg(y)));
                ++checked;
            }
        }
        QVERIFY(checked >= 4);
        // Away from the lines and the number badges (tile centres) the picture is the page: the same
        // pixels as pdftoppm. Sampled around the four quarter points of every tile.
        qint64 diff = 0, n = 0;
        for (int r = 0; r < p.gridRows; ++r)
            for (int c = 0; c < p.gridCols; ++c)
                for (double qy : {0.25, 0.75})
                    for (double qx : {0.25, 0.75}) {
                const int cx = int(std::lround(((c + qx) * plan.options.cropSide - p.pasteX) * sx));
                const int cy = int(std::lround(((r + qy) * plan.options.cropSide - p.pasteY) * sy));
                for (int y = cy - 8; y <= cy + 8; ++y)
                    for (int x = cx - 8; x <= cx + 8; ++x) {
                        if (x < 0 || y < 0 || x >= picture.width() || y >= picture.height())
                            continue;
                        const QRgb a = picture.pixel(x, y), b = plain.pixel(x, y);
                        diff += qAbs(qRed(a) - qRed(b)) + qAbs(qGreen(a) - qGreen(b)) + qAbs(qBlue(a) - qBlue(b));
                        ++n;
                    }
            }
        QVERIFY(n > 0);
        const double meanDiff = double(diff) / (3.0 * n);
        qInfo("mean |picture - pdftoppm| inside tiles: %.3f (0..255)", meanDiff);
        QVERIFY2(meanDiff < 3.0, qPrintable(QString::number(meanDiff)));
    }

    void clipboardCarriesMarkdownAndHtml()
    {
        const SessionTurn turn = sampleConversation().turns.first();
        QGuiApplication::clipboard()->setMimeData(answerMimeData(turn));
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        const QString text = mime->text();
        QVERIFY(text.contains(QStringLiteral("What does the revenue table on page 3 show?")));
        QVERIFY(text.contains(QStringLiteral("**revenue by region**"))); // Markdown kept as Markdown
        QVERIFY(text.contains(QStringLiteral("Pages: sample-report.pdf p. 3, sample-report.pdf p. 1")));
        QVERIFY(mime->hasHtml());
        const QString html = mime->html();
        QVERIFY(html.contains(QStringLiteral("#page=3\">sample-report.pdf p. 3</a>")));
        QVERIFY(html.contains(QUrl::fromLocalFile(kReport).toString(QUrl::FullyEncoded)));
        QVERIFY(!html.contains(QStringLiteral("**")));
        QVERIFY(html.contains(QStringLiteral("revenue by region")));
    }

    void errorsNameTheFile()
    {
        AnswerExporter exporter(sampleConversation(), 0, provider());
        QString error;
        QVERIFY(!exporter.write(QStringLiteral("/nonexistent-folder/answer.pdf"), &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent-folder/answer.pdf")), qPrintable(error));
        QVERIFY(!exporter.write(QStringLiteral("/tmp/answer.docx"), &error));
        QVERIFY2(error.contains(QStringLiteral("answer.docx")), qPrintable(error));

        // A page whose document has gone: the export still works and says why the picture is missing.
        SavedConversation c = sampleConversation();
        c.turns[0].pages = {{QStringLiteral("/nonexistent-folder/gone.pdf"), 2}};
        QTemporaryDir dir;
        AnswerExporter missing(c, 0, provider());
        QVERIFY2(missing.write(dir.filePath(QStringLiteral("a.md")), &error), qPrintable(error));
        QFile f(dir.filePath(QStringLiteral("a.md")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString md = QString::fromUtf8(f.readAll());
        QVERIFY(md.contains(QStringLiteral("gone.pdf p. 2")));
        QVERIFY(!md.contains(QStringLiteral("![")));
    }
};

QTEST_MAIN(TestAnswerExport)
#include "tst_answer_export.moc"
