// leopard-bench --quick --json on the demo model (build/demo-model): the JSON has every stage and
// ceiling, each with consistent min/median/max over its samples, and the floors follow from the
// measured ceilings and the model's shapes read here independently from config.json (decode: read
// bandwidth / weight bytes; prefill, vision: GEMM rate / FLOPs). Nothing about speed is asserted.
#include "tests/common/process_run.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

using nlohmann::json;

namespace {

const QString kBench = QStringLiteral(LEOPARD_BENCH_PATH);
const QString kDemoModel = QStringLiteral(LEOPARD_BINARY_DIR "/demo-model");

const json *findByName(const json &list, const std::string &name)
{
    for (const json &m : list)
        if (m.value("name", "") == name)
            return &m;
    return nullptr;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)) + 1e-12; }

} // namespace

class TestBenchReport : public QObject
{
    Q_OBJECT

private:
    json report_;
    json config_;

    void checkFigures(const json &m)
    {
        const std::string name = m.at("name");
        const auto samples = m.at("samples").get<std::vector<double>>();
        QVERIFY2(!samples.empty(), name.c_str());
        QCOMPARE(m.at("repeats").get<std::size_t>(), samples.size());
        for (double s : samples)
            QVERIFY2(std::isfinite(s) && s > 0, name.c_str());
        const double mn = m.at("min"), md = m.at("median"), mx = m.at("max");
        QVERIFY2(mn <= md && md <= mx, name.c_str());
        QVERIFY2(close(mn, *std::min_element(samples.begin(), samples.end())), name.c_str());
        QVERIFY2(close(mx, *std::max_element(samples.begin(), samples.end())), name.c_str());
        QVERIFY2(close(md, median(samples)), name.c_str());
        if (m.contains("floor")) {
            QVERIFY2(m.at("floor").get<double>() > 0, name.c_str());
            QVERIFY2(close(m.at("percent_of_floor").get<double>(), 100.0 * md / m.at("floor").get<double>()), name.c_str());
        }
    }

    double ceilingMax(const std::string &name)
    {
        const json *c = findByName(report_.at("ceilings"), name);
        return c ? c->at("max").get<double>() : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kDemoModel + "/config.json"), "build the demo model first (target leopard_demo_model)");
        QFile cfg(kDemoModel + "/config.json");
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        config_ = json::parse(cfg.readAll().toStdString());
        const auto run = leopard::test::runProcess(kBench, {"--model", kDemoModel, "--quick", "--json", "--dtype", "fp32"}, {}, 540000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        report_ = json::parse(run.out.toStdString());
    }

    void everyStageAndCeilingIsThere()
    {
        for (const char *c : {"read_bandwidth", "gemm_text", "gemm_vision"})
            QVERIFY2(findByName(report_.at("ceilings"), c), c);
        for (const char *s : {"load", "load_peak_rss", "render", "preprocess", "vision", "prefill", "decode", "ttft_1",
                              "followup_ttft"})
            QVERIFY2(findByName(report_.at("stages"), s), s);
        QCOMPARE(report_.at("model").at("dtype").get<std::string>(), std::string("fp32"));
        QVERIFY(report_.at("machine").at("threads").get<int>() >= 1);
    }

    void figuresAreConsistent()
    {
        for (const json &m : report_.at("ceilings"))
            checkFigures(m);
        for (const json &m : report_.at("stages"))
            checkFigures(m);
    }

    // The floors recomputed here from config.json and the reported ceilings.
    void floorsFollowFromTheCeilings()
    {
        const json &t = config_.at("text_config");
        const double h = t.at("hidden_size"), inter = t.at("intermediate_size"), layers = t.at("num_hidden_layers"),
                     heads = t.at("num_attention_heads"), kv = t.at("num_key_value_heads"), vocab = t.at("vocab_size");
        const double hd = h / heads;
        const double linear = 2 * h * heads * hd + 2 * h * kv * hd + 3 * h * inter;
        const double bytes = 4 * (layers * (linear + 2 * h) + h + vocab * h); // fp32
        const json *decode = findByName(report_.at("stages"), "decode");
        QVERIFY(decode);
        QVERIFY(std::fabs(decode->at("floor").get<double>() - ceilingMax("read_bandwidth") * 1e9 / bytes) <=
                1e-6 * decode->at("floor").get<double>());

        const json *prefill = findByName(report_.at("stages"), "prefill");
        QVERIFY(prefill);
        const double flopsPerToken = ceilingMax("gemm_text") * 1e9 / prefill->at("floor").get<double>();
        // At least the linear layers (2 flops per weight), at most that plus attention and lm_head.
        QVERIFY(flopsPerToken >= 2 * layers * linear);
        QVERIFY(flopsPerToken <= 2 * layers * linear + 2 * vocab * h + 4 * layers * heads * hd * 64);

        const json &v = config_.at("vision_config");
        const double side = double(v.at("image_size")) / double(v.at("patch_size"));
        const double vh = v.at("hidden_size"), vi = v.at("intermediate_size"), vl = v.at("num_hidden_layers");
        const double minVisionFlops = vl * 2 * side * side * (4 * vh * vh + 2 * vh * vi);
        const json *vision = findByName(report_.at("stages"), "vision");
        QVERIFY(vision);
        QVERIFY(ceilingMax("gemm_vision") * 1e9 / vision->at("floor").get<double>() >= minVisionFlops);
    }

    void badModelDirectoryIsNamed()
    {
        const auto run = leopard::test::runProcess(kBench, {"--model", "/nonexistent/model", "--quick"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("/nonexistent/model"));
    }
};

QTEST_GUILESS_MAIN(TestBenchReport)
#include "test_bench_report.moc"
