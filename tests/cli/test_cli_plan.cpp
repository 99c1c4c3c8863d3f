// `leopard-cli plan` as a user runs it: the built binary under QProcess, its JSON parsed back and
// checked against planCrops() and against hand-computed numbers (the arithmetic is in
// tests/planner/test_planner.cpp); bad arguments must fail with the documented exit code and an
// error that names the argument.
#include "app/cli/commands.h"
#include "inference/planner.h"
#include "tests/common/process_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace leopard;

namespace {

using Run = leopard::test::ProcessRun;

Run runCli(const QStringList &args)
{
    return leopard::test::runCli(QStringList{QStringLiteral("plan")} + args, {}, 60000);
}

QJsonArray pair(int a, int b)
{
    return QJsonArray{a, b};
}

// Every per-image field the CLI prints, against the planner's own result.
void compareWithPlanner(const QJsonObject &root, const CropPlan &plan)
{
    QCOMPARE(root.value("max_images").toInt(), plan.options.maxImages);
    QCOMPARE(root.value("crop_side").toInt(), plan.options.cropSide);
    QCOMPARE(root.value("tokens_per_image").toInt(), plan.options.tokensPerImage);
    QCOMPARE(root.value("budget").toInt(), plan.budget);
    QCOMPARE(root.value("over_limit").toBool(!plan.overLimit), plan.overLimit);
    QCOMPARE(root.value("total_model_images").toInt(), plan.totalModelImages());
    QCOMPARE(root.value("total_tokens").toInt(), plan.totalTokens());
    const QJsonArray images = root.value("images").toArray();
    QCOMPARE(images.size(), static_cast<qsizetype>(plan.images.size()));
    for (int i = 0; i < images.size(); ++i) {
        const QJsonObject got = images.at(i).toObject();
        const ImagePlan &want = plan.images[static_cast<size_t>(i)];
        QCOMPARE(got.value("width").toInt(), want.original.width);
        QCOMPARE(got.value("height").toInt(), want.original.height);
        QCOMPARE(got.value("wanted").toInt(), want.wanted);
        QCOMPARE(got.value("allocated").toInt(), want.allocated);
        QCOMPARE(got.value("grid").toArray(), pair(want.gridCols, want.gridRows));
        QCOMPARE(got.value("canvas").toArray(), pair(want.canvas.width, want.canvas.height));
        QCOMPARE(got.value("resized").toArray(), pair(want.resized.width, want.resized.height));
        QCOMPARE(got.value("paste").toArray(), pair(want.pasteX, want.pasteY));
        QCOMPARE(got.value("tiles").toInt(), want.tiles());
        QCOMPARE(got.value("model_images").toInt(), want.modelImages());
        QCOMPARE(got.value("tokens").toInt(), want.modelImages() * plan.options.tokensPerImage);
    }
}

QJsonObject parseOk(const Run &run)
{
    if (run.exitCode != cli::Ok) {
        qWarning("exit %d, stderr: %s", run.exitCode, run.err.constData());
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), run.out.constData());
    return doc.object();
}

QStringList repeated(const QString &size, int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list << size;
    return list;
}

} // namespace

class TestCliPlan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void letterPage_handNumbers();
    void mixedSizes_matchPlanner();
    void maxImagesOption_bothSpellings();
    void sixtyImages_overLimitWithNote();
    void badArguments_data();
    void badArguments();
    void help_succeeds();
};

void TestCliPlan::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(LEOPARD_BINARY_DIR "/app/leopard-cli")), "build leopard-cli first");
}

void TestCliPlan::letterPage_handNumbers()
{
    const QJsonObject root = parseOk(runCli({QStringLiteral("1224x1584")}));
    QVERIFY(!root.isEmpty());
    compareWithPlanner(root, planCrops({{1224, 1584}}));
    // By hand (test_planner.cpp letterPage144dpi): 3*4 = 12 wanted, grid 3 cols x 4 rows on
    // 1092x1456, resized 1092x1414 at (0, 21); 13 model images, 2197 tokens; budget 49.
    QCOMPARE(root.value("budget").toInt(), 49);
    QCOMPARE(root.value("over_limit").toBool(true), false);
    const QJsonObject image = root.value("images").toArray().at(0).toObject();
    QCOMPARE(image.value("wanted").toInt(), 12);
    QCOMPARE(image.value("grid").toArray(), pair(3, 4));
    QCOMPARE(image.value("canvas").toArray(), pair(1092, 1456));
    QCOMPARE(image.value("resized").toArray(), pair(1092, 1414));
    QCOMPARE(image.value("paste").toArray(), pair(0, 21));
    QCOMPARE(root.value("total_model_images").toInt(), 13);
    QCOMPARE(root.value("total_tokens").toInt(), 2197);
}

void TestCliPlan::mixedSizes_matchPlanner()
{
    const QJsonObject root =
        parseOk(runCli({QStringLiteral("1224x1584"), QStringLiteral("1920x1080"), QStringLiteral("100X80"),
                        QStringLiteral("5000x300"), QStringLiteral("391x2735")}));
    QVERIFY(!root.isEmpty());
    const CropPlan plan = planCrops({{1224, 1584}, {1920, 1080}, {100, 80}, {5000, 300}, {391, 2735}});
    compareWithPlanner(root, plan);
    // Budget 45; wanted 12 + 15 + 0 + 14 + 8 = 49 > 45 -> scale 45/49 = 0.918: int(11.02) = 11,
    // int(13.78) = 13, 0, int(12.86) = 12, int(7.35) = 7. The 1920x1080 slide with 13 gets 4 x 3 = 12
    // tiles (r=3,c=4: s = 1456/1920 = 0.7583 -> 1456 x 819 = 1,192,464; 5 cols would need 15).
    const QJsonArray images = root.value("images").toArray();
    QCOMPARE(root.value("budget").toInt(), 45);
    QCOMPARE(images.at(0).toObject().value("allocated").toInt(), 11);
    QCOMPARE(images.at(1).toObject().value("allocated").toInt(), 13);
    QCOMPARE(images.at(1).toObject().value("grid").toArray(), pair(4, 3));
    QCOMPARE(images.at(2).toObject().value("tiles").toInt(), 0);
    QCOMPARE(images.at(3).toObject().value("allocated").toInt(), 12);
    QCOMPARE(images.at(4).toObject().value("allocated").toInt(), 7);
}

void TestCliPlan::maxImagesOption_bothSpellings()
{
    // Three letter pages with a limit of 10: budget 7, int(12 * 7/36 = 2.33) = 2 each -> 1 x 2 grids,
    // 3 * (1 + 2) = 9 model images = 1521 tokens.
    PlanOptions options;
    options.maxImages = 10;
    const CropPlan plan = planCrops({{1224, 1584}, {1224, 1584}, {1224, 1584}}, options);
    for (const QStringList &flag : {QStringList{QStringLiteral("--max-images"), QStringLiteral("10")},
                                    QStringList{QStringLiteral("--max-images=10")}}) {
        const QJsonObject root = parseOk(runCli(flag + repeated(QStringLiteral("1224x1584"), 3)));
        QVERIFY(!root.isEmpty());
        compareWithPlanner(root, plan);
        QCOMPARE(root.value("budget").toInt(), 7);
        QCOMPARE(root.value("images").toArray().at(2).toObject().value("grid").toArray(), pair(1, 2));
        QCOMPARE(root.value("total_tokens").toInt(), 1521);
    }
}

void TestCliPlan::sixtyImages_overLimitWithNote()
{
    const Run run = runCli(repeated(QStringLiteral("1224x1584"), 60));
    const QJsonObject root = parseOk(run);
    QVERIFY(!root.isEmpty());
    compareWithPlanner(root, planCrops(std::vector<PixelSize>(60, PixelSize{1224, 1584})));
    QCOMPARE(root.value("over_limit").toBool(), true);
    QCOMPARE(root.value("budget").toInt(), -10);
    QCOMPARE(root.value("total_model_images").toInt(), 60);
    const QString note = root.value("note").toString();
    QVERIFY2(note.contains(QLatin1String("60 images")) && note.contains(QLatin1String("limit of 50")), qPrintable(note));
    // 50 images are within the limit.
    const QJsonObject fifty = parseOk(runCli(repeated(QStringLiteral("1224x1584"), 50)));
    QCOMPARE(fifty.value("over_limit").toBool(true), false);
    QCOMPARE(fifty.value("total_tokens").toInt(), 50 * 169);
}

void TestCliPlan::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("named"); // what stderr must quote
    const auto bad = static_cast<int>(cli::BadInput);
    const auto usage = static_cast<int>(cli::Usage);
    QTest::newRow("12x") << QStringList{"12x"} << bad << "'12x'";
    QTest::newRow("0x5") << QStringList{"0x5"} << bad << "'0x5'";
    QTest::newRow("5x0") << QStringList{"1224x1584", "5x0"} << bad << "'5x0'";
    QTest::newRow("negative width") << QStringList{"-3x4"} << bad << "'-3x4'";
    QTest::newRow("negative height") << QStringList{"3x-4"} << bad << "'3x-4'";
    QTest::newRow("three sides") << QStringList{"12x5x3"} << bad << "'12x5x3'";
    QTest::newRow("words") << QStringList{"letter"} << bad << "'letter'";
    QTest::newRow("fraction") << QStringList{"12.5x4"} << bad << "'12.5x4'";
    QTest::newRow("too big") << QStringList{"99999999999x5"} << bad << "'99999999999x5'";
    QTest::newRow("max-images 0") << QStringList{"--max-images", "0", "3x4"} << bad << "'--max-images 0'";
    QTest::newRow("max-images abc") << QStringList{"--max-images=abc", "3x4"} << bad << "'--max-images abc'";
    QTest::newRow("no sizes") << QStringList{} << usage << "no image sizes";
    QTest::newRow("only the option") << QStringList{"--max-images", "7"} << usage << "no image sizes";
    QTest::newRow("missing N") << QStringList{"3x4", "--max-images"} << usage << "'--max-images'";
    QTest::newRow("unknown option") << QStringList{"--bogus", "3x4"} << usage << "'--bogus'";
}

void TestCliPlan::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, named);
    const Run run = runCli(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(named), run.err.constData());
    QVERIFY2(run.out.isEmpty(), run.out.constData()); // no half plan on stdout
}

void TestCliPlan::help_succeeds()
{
    const Run run = runCli({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, static_cast<int>(cli::Ok));
    QVERIFY(run.out.contains("--max-images"));
}

QTEST_APPLESS_MAIN(TestCliPlan)
#include "test_cli_plan.moc"
