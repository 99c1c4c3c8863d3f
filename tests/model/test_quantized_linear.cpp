// int8 and int4 weights (inference/torch/quantized_linear.*, int4_weights.*, row_gemv_int8.cpp,
// row_gemv_int4.cpp) against independent references written here from the definitions: scales,
// offsets and round-to-nearest-even codes computed element by element, nibbles unpacked by hand, and
// dot products of the dequantised rows in double.
#include "inference/torch/int4_weights.h"
#include "inference/torch/quantized_linear.h"
#include "inference/torch/row_gemv.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace leopard::model;

namespace {

std::vector<float> randomValues(std::size_t n, std::uint32_t seed, float scale = 1.0f)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.0f, scale);
    std::vector<float> v(n);
    for (float &x : v)
        x = d(rng);
    return v;
}

at::Tensor tensorOf(const std::vector<float> &v, std::int64_t rows, std::int64_t cols)
{
    return at::from_blob(const_cast<float *>(v.data()), {rows, cols}, at::TensorOptions().dtype(at::kFloat)).clone();
}

// The reference quantization: scale = max|w| / 127 (1 for a zero row), q = nearest-even(w / scale).
void referenceQuantize(const std::vector<float> &w, std::int64_t rows, std::int64_t cols, std::vector<int> &q,
                       std::vector<double> &scale)
{
    q.assign(w.size(), 0);
    scale.assign(std::size_t(rows), 1.0);
    for (std::int64_t r = 0; r < rows; ++r) {
        double m = 0;
        for (std::int64_t k = 0; k < cols; ++k)
            m = std::max(m, std::fabs(double(w[std::size_t(r * cols + k)])));
        const float s = m == 0 ? 1.0f : float(m) / 127.0f; // the scale is kept in fp32
        scale[std::size_t(r)] = s;
        for (std::int64_t k = 0; k < cols; ++k) {
            // the division in fp32, as the code under test divides fp32 tensors
            const float ratio = w[std::size_t(r * cols + k)] / s;
            q[std::size_t(r * cols + k)] = int(std::max(-127.0f, std::min(127.0f, std::nearbyint(ratio))));
        }
    }
}

// The int4 reference: per group of `group` weights, codes and (d, m) as int4_weights.h defines them:
// d and m rounded to fp16 (c10::Half: IEEE round to nearest even) before the codes are chosen, the
// division in fp32 as the code under test divides fp32 tensors.
void referenceInt4(const std::vector<float> &w, std::int64_t rows, std::int64_t cols, std::int64_t group, bool symmetric,
                   std::vector<int> &q, std::vector<float> &d, std::vector<float> &m)
{
    const std::int64_t groups = cols / group;
    q.assign(w.size(), 0);
    d.assign(std::size_t(rows * groups), 0);
    m.assign(std::size_t(rows * groups), 0);
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t g = 0; g < groups; ++g) {
            const float *v = w.data() + r * cols + g * group;
            float lo = v[0], hi = v[0], big = v[0];
            for (std::int64_t k = 0; k < group; ++k) {
                lo = std::min(lo, v[k]);
                hi = std::max(hi, v[k]);
                if (std::fabs(v[k]) > std::fabs(big))
                    big = v[k];
            }
            float dg, mg;
            if (symmetric) {
                dg = big / -8.0f;
                if (dg == 0)
                    dg = 1;
                dg = float(c10::Half(dg));
                mg = dg * -8.0f;
            } else {
                dg = (hi - lo) / 15.0f;
                if (dg == 0)
                    dg = 1;
                dg = float(c10::Half(dg));
                mg = float(c10::Half(lo));
            }
            d[std::size_t(r * groups + g)] = dg;
            m[std::size_t(r * groups + g)] = mg;
            for (std::int64_t k = 0; k < group; ++k) {
                const float c = symmetric ? std::nearbyint(v[k] / dg) + 8.0f : std::nearbyint((v[k] - mg) / dg);
                q[std::size_t(r * cols + g * group + k)] = int(std::max(0.0f, std::min(15.0f, c)));
            }
        }
}

// Code of weight k of a packed row, unpacked by hand: block k / 32, byte (k % 32) % 16, low nibble for
// the first 16 of the block.
int codeAt(const std::uint8_t *row, std::int64_t k)
{
    const std::uint8_t b = row[(k / 32) * 16 + (k % 32) % 16];
    return (k % 32) < 16 ? (b & 0x0F) : (b >> 4);
}

const std::vector<std::pair<std::int64_t, std::int64_t>> kShapes = {
    {1, 1}, {3, 7}, {5, 8}, {6, 16}, {7, 31}, {8, 32}, {13, 33}, {17, 100}, {33, 4099}, {70, 1152}};

} // namespace

class TestQuantizedLinear : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (rowGemvLevel() == GemvLevel::None)
            qInfo("this CPU has no AVX2: only the dequantising path is tested");
    }

    void quantizeMatchesDefinition()
    {
        c10::InferenceMode guard;
        for (const auto &[rows, cols] : kShapes) {
            std::vector<float> w = randomValues(std::size_t(rows * cols), std::uint32_t(rows * 7 + cols), 0.05f);
            if (rows > 2)
                std::fill(w.begin() + cols, w.begin() + 2 * cols, 0.0f); // a zero row: scale 1, codes 0
            std::vector<int> wantQ;
            std::vector<double> wantScale;
            referenceQuantize(w, rows, cols, wantQ, wantScale);
            const at::Tensor q = at::empty({rows, cols}, at::TensorOptions().dtype(at::kChar));
            const at::Tensor s = at::empty({rows}, at::TensorOptions().dtype(at::kFloat));
            // bf16 source rows, as most checkpoints are: the reference sees the same bf16-rounded values.
            const at::Tensor src = tensorOf(w, rows, cols).to(at::kBFloat16);
            const at::Tensor srcF = src.to(at::kFloat).contiguous();
            std::vector<float> rounded(srcF.data_ptr<float>(), srcF.data_ptr<float>() + srcF.numel());
            referenceQuantize(rounded, rows, cols, wantQ, wantScale);
            quantizeRowsInt8(src, q, s);
            int mismatches = 0;
            for (std::int64_t i = 0; i < rows * cols; ++i)
                mismatches += q.data_ptr<std::int8_t>()[i] != wantQ[std::size_t(i)];
            QVERIFY2(mismatches == 0, qPrintable(QStringLiteral("%1x%2: %3 codes differ").arg(rows).arg(cols).arg(mismatches)));
            for (std::int64_t r = 0; r < rows; ++r)
                QCOMPARE(double(s.data_ptr<float>()[r]), wantScale[std::size_t(r)]);
        }
    }

    void kernelMatchesDoubleDotProducts()
    {
        if (rowGemvLevel() == GemvLevel::None)
            QSKIP("no AVX2 on this CPU");
        for (const auto &[rows, cols] : kShapes) {
            std::mt19937 rng(std::uint32_t(rows * 31 + cols));
            std::uniform_int_distribution<int> code(-127, 127);
            const std::int64_t stride = cols + 5; // rows need not be packed
            std::vector<std::int8_t> w(std::size_t(rows * stride), 99);
            for (std::int64_t r = 0; r < rows; ++r)
                for (std::int64_t k = 0; k < cols; ++k)
                    w[std::size_t(r * stride + k)] = std::int8_t(code(rng));
            const std::vector<float> x = randomValues(std::size_t(cols), 5);
            const std::vector<float> scale = randomValues(std::size_t(rows), 6, 0.01f);
            std::vector<float> y(std::size_t(rows), -1.0f);
            rowGemvInt8(rowGemvLevel(), w.data(), stride, cols, x.data(), scale.data(), 0, rows, y.data());
            for (std::int64_t r = 0; r < rows; ++r) {
                double want = 0, bound = 0;
                for (std::int64_t k = 0; k < cols; ++k) {
                    const double p = double(w[std::size_t(r * stride + k)]) * double(x[std::size_t(k)]);
                    want += p;
                    bound += std::fabs(p);
                }
                want *= double(scale[std::size_t(r)]);
                bound *= std::fabs(double(scale[std::size_t(r)]));
                // fp32 sums of exact products: error within a few ulps of the sum of |terms|.
                const double tol = 1e-6 * bound + 1e-30;
                QVERIFY2(std::fabs(double(y[std::size_t(r)]) - want) <= tol,
                         qPrintable(QStringLiteral("%1x%2 row %3: %4 vs %5").arg(rows).arg(cols).arg(r).arg(y[std::size_t(r)]).arg(want)));
            }
        }
    }

    // linearInt8 on one row (the kernel) and on several rows (blocks dequantised for at::linear)
    // against double dot products of the dequantised rows, in fp32 and bf16 inputs, with the
    // blocks split at a boundary that is not a multiple of anything (70 rows, 16 MB blocks: one block;
    // the real models' lm_head is many).
    void linearMatchesDequantisedProducts()
    {
        c10::InferenceMode guard;
        const std::int64_t rows = 70, cols = 1152, tokens = 3;
        const std::vector<float> w = randomValues(std::size_t(rows * cols), 11, 0.03f);
        const at::Tensor q = at::empty({rows, cols}, at::TensorOptions().dtype(at::kChar));
        const at::Tensor s = at::empty({rows}, at::TensorOptions().dtype(at::kFloat));
        quantizeRowsInt8(tensorOf(w, rows, cols), q, s);
        const std::vector<float> xs = randomValues(std::size_t(tokens * cols), 12);
        for (const auto dtype : {at::kFloat, at::kBFloat16}) {
            const at::Tensor x = tensorOf(xs, tokens, cols).to(dtype);
            const at::Tensor xf = x.to(at::kFloat).contiguous();
            const at::Tensor many = linearInt8(x, q, s).to(at::kFloat);
            QCOMPARE(many.sizes().vec(), (std::vector<std::int64_t>{tokens, rows}));
            const at::Tensor one = linearInt8(x.narrow(0, 1, 1), q, s).to(at::kFloat);
            QCOMPARE(linearInt8UsesRowKernel(x.narrow(0, 1, 1), q), rowGemvLevel() != GemvLevel::None);
            QVERIFY(!linearInt8UsesRowKernel(x, q));
            for (std::int64_t t = 0; t < tokens; ++t)
                for (std::int64_t r = 0; r < rows; ++r) {
                    double want = 0, bound = 0;
                    for (std::int64_t k = 0; k < cols; ++k) {
                        const double wv = double(q.data_ptr<std::int8_t>()[r * cols + k]) * double(s.data_ptr<float>()[r]);
                        want += wv * double(xf.data_ptr<float>()[t * cols + k]);
                        bound += std::fabs(wv * double(xf.data_ptr<float>()[t * cols + k]));
                    }
                    // bf16: the weights rounded to bf16 before the product, and the output rounded.
                    const double tol = dtype == at::kFloat ? 1e-5 * bound : 2e-2 * bound;
                    QVERIFY2(std::fabs(double(many[t][r].item<float>()) - want) <= tol,
                             qPrintable(QStringLiteral("block path t%1 r%2").arg(t).arg(r)));
                    if (t == 1) {
                        // the kernel widens x exactly and sums in fp32: fp32-tight for both input dtypes,
                        // then one rounding to bf16.
                        const double tolOne = dtype == at::kFloat ? 1e-5 * bound : 1e-5 * bound + 4e-3 * std::fabs(want);
                        QVERIFY2(std::fabs(double(one[0][r].item<float>()) - want) <= tolOne,
                                 qPrintable(QStringLiteral("row kernel r%1: %2 vs %3").arg(r).arg(one[0][r].item<float>()).arg(want)));
                    }
                }
        }
    }

    void int4QuantizeMatchesDefinition()
    {
        c10::InferenceMode guard;
        for (const bool symmetric : {false, true})
            for (const std::int64_t group : {32, 64, 128})
                for (const auto &[rows, cols] : std::vector<std::pair<std::int64_t, std::int64_t>>{{1, 128}, {7, 256}, {33, 1152}}) {
                    std::vector<float> w = randomValues(std::size_t(rows * cols), std::uint32_t(rows + cols + group), 0.05f);
                    if (rows > 2)
                        std::fill(w.begin() + cols, w.begin() + 2 * cols, 0.25f); // constant groups: d 1, codes 0 (asym)
                    Int4Layout layout;
                    layout.group = group;
                    layout.symmetric = symmetric;
                    QVERIFY(int4Fits(cols, layout));
                    const std::int64_t groups = cols / group;
                    const at::Tensor packed = at::empty({rows, cols / 2}, at::TensorOptions().dtype(at::kByte));
                    const at::Tensor d = at::empty({rows, groups}, at::TensorOptions().dtype(at::kHalf));
                    const at::Tensor m = at::empty({rows, groups}, at::TensorOptions().dtype(at::kHalf));
                    quantizeRowsInt4(tensorOf(w, rows, cols), layout, packed, d, m);
                    std::vector<int> wantQ;
                    std::vector<float> wantD, wantM;
                    referenceInt4(w, rows, cols, group, symmetric, wantQ, wantD, wantM);
                    int codeErrors = 0;
                    for (std::int64_t r = 0; r < rows; ++r)
                        for (std::int64_t k = 0; k < cols; ++k)
                            codeErrors += codeAt(packed.data_ptr<std::uint8_t>() + r * (cols / 2), k) != wantQ[std::size_t(r * cols + k)];
                    QVERIFY2(codeErrors == 0, qPrintable(QStringLiteral("%1 group %2 %3x%4: %5 codes differ")
                                                             .arg(symmetric ? "sym" : "asym").arg(group).arg(rows).arg(cols).arg(codeErrors)));
                    for (std::int64_t i = 0; i < rows * groups; ++i) {
                        QCOMPARE(float(d.data_ptr<at::Half>()[i]), wantD[std::size_t(i)]);
                        QCOMPARE(float(m.data_ptr<at::Half>()[i]), wantM[std::size_t(i)]);
                    }
                    // The round trip: every weight within half a step (d / 2) of its value, or clamped at
                    // the symmetric range's one-sided end (7 d from the largest magnitude's -8 d); the
                    // fp16 rounding of d and m moves the ends by up to 15 fp16 half-ulps of d, and m's own.
                    const at::Tensor back = dequantizeInt4(packed, d, m);
                    for (std::int64_t r = 0; r < rows; ++r)
                        for (std::int64_t k = 0; k < cols; ++k) {
                            const float step = std::fabs(wantD[std::size_t(r * groups + k / group)]);
                            const double err = std::fabs(double(back[r][k].item<float>()) - double(w[std::size_t(r * cols + k)]));
                            QVERIFY2(err <= (symmetric ? 1.0 : 0.5) * step * 1.01 + std::fabs(wantM[std::size_t(r * groups + k / group)]) * 1e-3 + 1e-7,
                                     qPrintable(QStringLiteral("round trip r%1 k%2: %3 (step %4)").arg(r).arg(k).arg(err).arg(step)));
                        }
                }
    }

    void int4ProductsMatchDequantisedRows()
    {
        c10::InferenceMode guard;
        const std::int64_t rows = 70, cols = 1152, tokens = 3;
        for (const auto &[group, symmetric] : std::vector<std::pair<std::int64_t, bool>>{{32, false}, {64, true}}) {
            Int4Layout layout;
            layout.group = group;
            layout.symmetric = symmetric;
            const std::vector<float> w = randomValues(std::size_t(rows * cols), 21, 0.03f);
            const at::Tensor packed = at::empty({rows, cols / 2}, at::TensorOptions().dtype(at::kByte));
            const at::Tensor d = at::empty({rows, cols / group}, at::TensorOptions().dtype(at::kHalf));
            const at::Tensor m = at::empty({rows, cols / group}, at::TensorOptions().dtype(at::kHalf));
            quantizeRowsInt4(tensorOf(w, rows, cols), layout, packed, d, m);
            const std::vector<float> xs = randomValues(std::size_t(tokens * cols), 22);
            for (const auto dtype : {at::kFloat, at::kBFloat16}) {
                const at::Tensor x = tensorOf(xs, tokens, cols).to(dtype);
                const at::Tensor xf = x.to(at::kFloat).contiguous();
                const at::Tensor many = linearInt4(x, packed, d, m).to(at::kFloat);
                const at::Tensor one = linearInt4(x.narrow(0, 1, 1), packed, d, m).to(at::kFloat);
                for (std::int64_t t = 0; t < tokens; ++t)
                    for (std::int64_t r = 0; r < rows; ++r) {
                        double want = 0, bound = 0;
                        for (std::int64_t k = 0; k < cols; ++k) {
                            const std::int64_t g = r * (cols / group) + k / group;
                            const double wv = double(codeAt(packed.data_ptr<std::uint8_t>() + r * (cols / 2), k)) *
                                                  double(float(d.data_ptr<at::Half>()[g])) + double(float(m.data_ptr<at::Half>()[g]));
                            want += wv * double(xf.data_ptr<float>()[t * cols + k]);
                            bound += std::fabs(wv * double(xf.data_ptr<float>()[t * cols + k]));
                        }
                        const double tol = dtype == at::kFloat ? 1e-5 * bound : 2e-2 * bound;
                        QVERIFY2(std::fabs(double(many[t][r].item<float>()) - want) <= tol, qPrintable(QStringLiteral("block t%1 r%2").arg(t).arg(r)));
                        if (t == 1) {
                            const double tolOne = dtype == at::kFloat ? 1e-5 * bound : 1e-5 * bound + 4e-3 * std::fabs(want);
                            QVERIFY2(std::fabs(double(one[0][r].item<float>()) - want) <= tolOne,
                                     qPrintable(QStringLiteral("row kernel r%1: %2 vs %3").arg(r).arg(one[0][r].item<float>()).arg(want)));
                        }
                    }
            }
        }
    }

    // The kernel split over threads gives the same numbers as on one thread (each row is computed
    // whole by one thread).
    void threadsGiveTheSameRows()
    {
        if (rowGemvLevel() == GemvLevel::None)
            QSKIP("no AVX2 on this CPU");
        c10::InferenceMode guard;
        const std::int64_t rows = 4096, cols = 512;
        const at::Tensor q = at::randint(-127, 128, {rows, cols}, at::TensorOptions().dtype(at::kChar));
        const at::Tensor s = at::rand({rows}, at::TensorOptions().dtype(at::kFloat));
        const at::Tensor x = at::randn({1, cols}, at::TensorOptions().dtype(at::kFloat));
        const int before = at::get_num_threads();
        at::set_num_threads(1);
        const at::Tensor one = linearInt8(x, q, s);
        at::set_num_threads(2);
        const at::Tensor two = linearInt8(x, q, s);
        at::set_num_threads(before);
        QVERIFY(at::equal(one, two));
    }
};

QTEST_GUILESS_MAIN(TestQuantizedLinear)
#include "test_quantized_linear.moc"
