// One decode step's attention over a bf16 KV cache (inference/torch/decode_attention.*) against an
// independent reference: scores, softmax and the weighted value sum computed here in double from the
// exact bf16 values, for the head dims the kernel takes, GQA groups, odd cache lengths and a cache laid
// out with room to grow (rows of a longer buffer, as KvCache keeps it).
#include "inference/torch/decode_attention.h"
#include "inference/torch/row_gemv.h"
#include "tests/model/bf16_bits.h"

#include <ATen/Parallel.h>

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace leopard::model;

using leopard::test::fromBf16Bits;
using leopard::test::toBf16Bits;

class TestDecodeAttention : public QObject {
    Q_OBJECT

private slots:
    void againstDouble_data()
    {
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("rep");
        QTest::addColumn<int>("hd");
        QTest::addColumn<int>("total");
        QTest::addColumn<bool>("fp32"); // an fp32 cache instead of bf16
        QTest::newRow("tiny checkpoint") << 2 << 2 << 16 << 37 << false;
        QTest::newRow("hd 32, odd rep") << 3 << 3 << 32 << 1 << false;
        QTest::newRow("hd 64") << 1 << 4 << 64 << 500 << false;
        QTest::newRow("llama 8B") << 8 << 4 << 128 << 2049 << false;
        QTest::newRow("fp32 tiny checkpoint") << 2 << 2 << 16 << 37 << true;
        QTest::newRow("fp32 llama 8B") << 8 << 4 << 128 << 2049 << true;
    }

    void againstDouble()
    {
        QFETCH(int, kvHeads);
        QFETCH(int, rep);
        QFETCH(int, hd);
        QFETCH(int, total);
        QFETCH(bool, fp32);
        if (!decodeAttentionAvailable())
            QSKIP("no AVX-512 on this CPU: the model keeps libtorch's matmuls");
        const std::int64_t maxLen = total + 7, headStride = maxLen * hd, heads = std::int64_t(kvHeads) * rep;
        std::mt19937 rng(7);
        std::normal_distribution<float> n(0.0f, 1.0f);
        std::vector<float> q(std::size_t(heads * hd));
        for (float &x : q)
            x = 2.0f * n(rng);
        const float scale = float(1.0 / std::sqrt(double(hd)));
        std::vector<std::uint16_t> k(std::size_t(kvHeads * headStride)), v(k.size());
        std::vector<float> k32(k.size()), v32(k.size());
        for (std::size_t i = 0; i < k.size(); ++i) {
            k[i] = toBf16Bits(n(rng));
            v[i] = toBf16Bits(n(rng));
            k32[i] = fp32 ? n(rng) : float(fromBf16Bits(k[i]));
            v32[i] = fp32 ? n(rng) : float(fromBf16Bits(v[i]));
        }
        // The kernels on the cache of this row's dtype; the references below read k32 / v32 (exact).
        auto scoresOf = [&](float *out) {
            if (fp32)
                decodeScoresF32(q.data(), k32.data(), headStride, hd, kvHeads, rep, hd, total, scale, out);
            else
                decodeScoresBf16(q.data(), k.data(), headStride, hd, kvHeads, rep, hd, total, scale, out);
        };
        auto valuesOf = [&](const float *p, float *out) {
            if (fp32)
                decodeWeightedValuesF32(p, v32.data(), headStride, hd, kvHeads, rep, hd, total, out);
            else
                decodeWeightedValuesBf16(p, v.data(), headStride, hd, kvHeads, rep, hd, total, out);
        };

        std::vector<float> scores(std::size_t(heads * total)), out(std::size_t(heads * hd));
        scoresOf(scores.data());
        // The softmax is the caller's (at::softmax in fp32); here in double, to feed the second kernel.
        std::vector<float> probs(scores.size());
        double worstScore = 0, worstOut = 0;
        for (std::int64_t h = 0; h < heads; ++h) {
            const std::int64_t g = h / rep;
            std::vector<double> s(static_cast<std::size_t>(total));
            double top = -1e300;
            for (std::int64_t j = 0; j < total; ++j) {
                double dot = 0;
                for (std::int64_t d = 0; d < hd; ++d)
                    dot += double(q[std::size_t(h * hd + d)]) * k32[std::size_t(g * headStride + j * hd + d)];
                s[std::size_t(j)] = dot * scale;
                worstScore = std::max(worstScore, std::abs(s[std::size_t(j)] - scores[std::size_t(h * total + j)]));
                top = std::max(top, s[std::size_t(j)]);
            }
            double sum = 0;
            for (double &x : s)
                sum += (x = std::exp(x - top));
            for (std::int64_t j = 0; j < total; ++j)
                probs[std::size_t(h * total + j)] = float(s[std::size_t(j)] / sum);
        }
        valuesOf(probs.data(), out.data());
        for (std::int64_t h = 0; h < heads; ++h)
            for (std::int64_t d = 0; d < hd; ++d) {
                double ref = 0;
                for (std::int64_t j = 0; j < total; ++j)
                    ref += double(probs[std::size_t(h * total + j)]) * v32[std::size_t((h / rep) * headStride + j * hd + d)];
                worstOut = std::max(worstOut, std::abs(ref - out[std::size_t(h * hd + d)]));
            }
        // The scores are row_gemv's row products (read once per group instead of once per head): the
        // same fp32 arithmetic, so equal bit for bit.
        for (std::int64_t h = 0; h < heads; ++h) {
            std::vector<float> row(static_cast<std::size_t>(total));
            if (fp32)
                rowGemvF32(GemvLevel::Avx512, k32.data() + (h / rep) * headStride, hd, hd, q.data() + h * hd, 0, total,
                           row.data());
            else
                rowGemvBf16(GemvLevel::Avx512, k.data() + (h / rep) * headStride, hd, hd, q.data() + h * hd, 0, total,
                            row.data());
            for (std::int64_t j = 0; j < total; ++j)
                if (row[std::size_t(j)] * scale != scores[std::size_t(h * total + j)])
                    QFAIL(qPrintable(QString("head %1 key %2: %3, row_gemv %4").arg(h).arg(j)
                                         .arg(scores[std::size_t(h * total + j)]).arg(row[std::size_t(j)] * scale)));
        }
        // Split over two threads (from 512 positions on): the same numbers, in their places.
        const int threadsBefore = at::get_num_threads();
        at::set_num_threads(2);
        std::vector<float> scores2(scores.size(), -1.0f), out2(out.size(), -1.0f);
        scoresOf(scores2.data());
        valuesOf(probs.data(), out2.data());
        at::set_num_threads(threadsBefore);
        QVERIFY(scores2 == scores);
        QVERIFY(out2 == out);
        qInfo("max |diff|: scores %.2e, output %.2e", worstScore, worstOut);
        // fp32 products and sums of values ~N(0, 4): a few ulps of the larger partial sums.
        QVERIFY2(worstScore < 2e-5 * std::sqrt(double(hd)), qPrintable(QString::number(worstScore)));
        QVERIFY2(worstOut < 1e-5, qPrintable(QString::number(worstOut)));
    }
};

QTEST_MAIN(TestDecodeAttention)
#include "test_decode_attention.moc"
