// How close bf16 and int8 weights keep the model to the reference (reference.py, fp32) on the tiny
// checkpoint, over every case of tests/model/expected (prompts with images):
//   - KL(p_ref || p) of the next-token distribution after the prompt (the reference's logits),
//   - top-1 agreement there,
//   - teacher-forced agreement: after the prompt and the reference's first k greedy ids, does our
//     greedy pick equal the reference's id k (16 steps per case),
//   - free-running greedy agreement: how many of the 16 generated ids equal the reference's before
//     the first difference.
// Printed as a table (tests/model/README.md, "Quantized weights"); asserted: int8 stays within
// bounds set from bf16's own deviation (see the asserts for the reasoning).
#include "npy.h"
#include "parity_case.h"

#include "inference/checkpoint/tiny_checkpoint.h"
#include "inference/torch/int4_weights.h"
#include "inference/torch/prompt_builder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace leopard;
using namespace leopard::parity;

namespace {

// Four of the six cases by default (CI time: six formats, each 17 prompts a case); all six with
// LEOPARD_FIDELITY_ALL=1 (the table in tests/model/README.md).
QStringList caseNames()
{
    const bool all = qEnvironmentVariableIntValue("LEOPARD_FIDELITY_ALL") != 0;
    QStringList names;
    for (const QString &f : QDir(kExpected).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString n = f.chopped(5);
        if (all || (n != QLatin1String("over_budget") && n != QLatin1String("wide_strip")))
            names << n;
    }
    return names;
}

// KL(p || q) of softmax(ref) and softmax(ours), in double.
double klDivergence(const std::vector<float> &ref, const std::vector<float> &ours)
{
    auto logSoftmax = [](const std::vector<float> &z) {
        double m = -INFINITY;
        for (float v : z)
            m = std::max(m, double(v));
        double s = 0;
        for (float v : z)
            s += std::exp(double(v) - m);
        const double lse = m + std::log(s);
        std::vector<double> out(z.size());
        for (std::size_t i = 0; i < z.size(); ++i)
            out[i] = double(z[i]) - lse;
        return out;
    };
    const std::vector<double> lp = logSoftmax(ref), lq = logSoftmax(ours);
    double kl = 0;
    for (std::size_t i = 0; i < lp.size(); ++i)
        kl += std::exp(lp[i]) * (lp[i] - lq[i]);
    return kl;
}

std::size_t argmax(const std::vector<float> &v) { return std::size_t(std::max_element(v.begin(), v.end()) - v.begin()); }

struct Fidelity {
    double klSum = 0, klMax = 0;
    int cases = 0, top1 = 0, forcedAgree = 0, forcedSteps = 0, greedyPrefix = 0, greedyTotal = 0;
    double meanKl() const { return cases ? klSum / cases : 0; }
};

} // namespace

class TestQuantizedFidelity : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString ckpt_;
    std::map<QString, Fidelity> results_;

    Fidelity measure(ckpt::DType dtype, WeightFormat weights)
    {
        ModelLoadOptions opt;
        opt.dtype = dtype;
        opt.weights = weights;
        const LeopardModel m = LeopardModel::load(ckpt_.toStdString(), opt);
        if (m.weightFormat() != weights)
            throw std::runtime_error("loaded as " + std::string(weightFormatName(m.weightFormat())));
        Fidelity f;
        for (const QString &name : caseNames()) {
            const Case c = loadCase(name);
            const json &e = c.expected;
            PromptOptions po;
            po.setting = e["inputs"]["setting"].get<std::string>();
            po.quesType = e["inputs"]["ques_type"].get<std::string>();
            const BuiltPrompt prompt = buildPrompt(m.tokenizer(), m.config(), e["inputs"]["question"].get<std::string>(),
                                                   c.modelImagesPerImage, po);
            const auto want = e["generation"]["ids"].get<std::vector<std::int32_t>>();
            const std::vector<float> refLogits = npy::readFloat32(kExpected + name + ".logits.npy").values;
            const ImageEmbeddings emb = m.encodeImages(c.pixels);

            GenerationOptions go;
            go.maxNewTokens = int(want.size());
            go.keepPromptLogits = true;
            const GenerationResult free = m.generate(prompt.ids, emb, go);
            const double kl = klDivergence(refLogits, free.promptLogits);
            f.klSum += kl;
            f.klMax = std::max(f.klMax, kl);
            f.top1 += argmax(free.promptLogits) == argmax(refLogits);
            std::size_t prefix = 0;
            while (prefix < want.size() && prefix < free.ids.size() && free.ids[prefix] == want[prefix])
                ++prefix;
            f.greedyPrefix += int(prefix);
            f.greedyTotal += int(want.size());

            // Teacher forcing over one conversation: each step extends the last by one reference id.
            Conversation conv;
            go.maxNewTokens = 1;
            std::vector<std::int32_t> ids = prompt.ids;
            for (std::size_t k = 0; k < want.size(); ++k) {
                const GenerationResult g = m.generate(ids, emb, go, conv);
                f.forcedAgree += !g.ids.empty() && g.ids.front() == want[k];
                ++f.forcedSteps;
                ids.push_back(want[k]);
            }
            ++f.cases;
        }
        return f;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        QVERIFY2(!caseNames().isEmpty(), "no expected outputs in tests/model/expected");
        ckpt_ = dir_.filePath(QStringLiteral("tiny"));
        ckpt::writeTinyCheckpoint(ckpt_.toStdString(), LEOPARD_TOKENIZER_DIR, ckpt::TinySpec{});
    }

    void measureEveryFormat()
    {
        const struct {
            const char *label;
            ckpt::DType dtype;
            WeightFormat weights;
        } runs[] = {{"fp32", ckpt::DType::F32, WeightFormat::Full},
                    {"bf16", ckpt::DType::BF16, WeightFormat::Full},
                    {"int8 (fp32 activations)", ckpt::DType::F32, WeightFormat::Int8},
                    {"int8 (bf16 activations)", ckpt::DType::BF16, WeightFormat::Int8},
                    {"int4 (fp32 activations)", ckpt::DType::F32, WeightFormat::Int4},
                    {"int4 (bf16 activations)", ckpt::DType::BF16, WeightFormat::Int4}};
        const model::Int4Layout l = model::int4Layout();
        qInfo("int4 layout: groups of %lld, %s (LEOPARD_INT4_GROUP, LEOPARD_INT4=sym|asym)", (long long)l.group,
              l.symmetric ? "symmetric" : "asymmetric");
        qInfo("%-26s %12s %12s %8s %14s %14s", "weights", "mean KL", "max KL", "top-1", "forced top-1", "greedy prefix");
        for (const auto &r : runs) {
            Fidelity f;
            try {
                f = measure(r.dtype, r.weights);
            } catch (const std::exception &ex) {
                if (r.dtype == ckpt::DType::BF16)
                    QSKIP(qPrintable(QStringLiteral("bf16 not computable here: %1").arg(QString::fromUtf8(ex.what()))));
                QFAIL(ex.what());
            }
            results_[QString::fromLatin1(r.label)] = f;
            qInfo("%-26s %12.3e %12.3e %5d/%-2d %8d/%-5d %8d/%-5d", r.label, f.meanKl(), f.klMax, f.top1, f.cases,
                  f.forcedAgree, f.forcedSteps, f.greedyPrefix, f.greedyTotal);
        }
    }

    void int8StaysWithinBounds()
    {
        if (results_.size() < 6)
            QSKIP("not every format was measured");
        const Fidelity &fp32 = results_.at(QStringLiteral("fp32"));
        const Fidelity &bf16 = results_.at(QStringLiteral("bf16"));
        const Fidelity &i8f = results_.at(QStringLiteral("int8 (fp32 activations)"));
        const Fidelity &i8b = results_.at(QStringLiteral("int8 (bf16 activations)"));
        // fp32 is the parity path (test_model_parity: logits within 1e-4): KL ~ 0, every pick equal.
        QVERIFY2(fp32.klMax < 1e-6, qPrintable(QString::number(fp32.klMax)));
        QCOMPARE(fp32.forcedAgree, fp32.forcedSteps);
        // BOUNDS, from the measurements in tests/model/README.md ("Quantized weights"):
        // - int8 alone (fp32 activations) within 3x bf16's KL (measured 2.2x): a row's int8 step
        //   (max|w| / 127) is a few bf16 ulps of a typical weight, and bf16 rounds the activations too.
        // - int8 with bf16 activations: the two errors add, so within 1.5x their sum (measured 1.1x).
        // - int8's teacher-forced picks within 6 of bf16's (measured: 3 and 1 fewer of 96).
        // - int4 is far coarser (16 levels a group: ~10 % per weight on these random, outlier-free
        //   weights, which every layer then compounds): mean KL below 1 nat (measured 0.28-0.35 for
        //   every layout tried) and at least half the teacher-forced picks right (measured 60-64 %).
        //   A broken int4 (nibbles swapped, groups misaligned, a scale lost) gives unrelated logits:
        //   KL of several nats and picks near chance.
        const double bf16Kl = bf16.meanKl();
        QVERIFY2(i8f.meanKl() <= 3 * bf16Kl, qPrintable(QStringLiteral("int8 %1 vs bf16 %2").arg(i8f.meanKl()).arg(bf16Kl)));
        QVERIFY2(i8b.meanKl() <= 1.5 * (bf16Kl + i8f.meanKl()), qPrintable(QStringLiteral("int8+bf16 %1").arg(i8b.meanKl())));
        QVERIFY2(i8f.forcedAgree + 6 >= bf16.forcedAgree, qPrintable(QString::number(i8f.forcedAgree)));
        QVERIFY2(i8b.forcedAgree + 6 >= bf16.forcedAgree, qPrintable(QString::number(i8b.forcedAgree)));
        for (const Fidelity *i4 : {&results_.at(QStringLiteral("int4 (fp32 activations)")), &results_.at(QStringLiteral("int4 (bf16 activations)"))}) {
            QVERIFY2(i4->meanKl() < 1.0, qPrintable(QStringLiteral("int4 KL %1").arg(i4->meanKl())));
            QVERIFY2(2 * i4->forcedAgree >= i4->forcedSteps, qPrintable(QStringLiteral("int4 forced %1").arg(i4->forcedAgree)));
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantizedFidelity)
#include "test_quantized_fidelity.moc"
