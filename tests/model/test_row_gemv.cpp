// The decode step's hand-written matrix-vector kernel (inference/torch/row_gemv.*) and the linear()
// that routes one-row products to it, against independent references: dot products in double from
// the exact weight values, and at::linear on fp32 copies of the same values.
#include "inference/torch/linear.h"
#include "inference/torch/row_gemv.h"
#include "tests/model/bf16_bits.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace leopard::model;

namespace {

using leopard::test::fromBf16Bits;
using leopard::test::toBf16Bits;

std::vector<GemvLevel> levelsToTest()
{
    std::vector<GemvLevel> out;
    if (rowGemvLevel() >= GemvLevel::Avx2)
        out.push_back(GemvLevel::Avx2);
    if (rowGemvLevel() >= GemvLevel::Avx512)
        out.push_back(GemvLevel::Avx512);
    if (rowGemvLevel() >= GemvLevel::Avx512Bf16)
        out.push_back(GemvLevel::Avx512Bf16);
    return out;
}

// Shapes around every vector width and tail: 1..3 rows (below one block of 4), odd columns.
const std::vector<std::pair<std::int64_t, std::int64_t>> kShapes = {
    {1, 1}, {3, 7}, {4, 8}, {5, 15}, {6, 16}, {7, 17}, {9, 31}, {8, 32}, {13, 33}, {17, 100}, {33, 4099}, {70, 1152}};

} // namespace

class TestRowGemv : public QObject {
    Q_OBJECT
private slots:
    void kernelMatchesDoubleDotProducts_data()
    {
        QTest::addColumn<bool>("bf16");
        QTest::newRow("bf16") << true;
        QTest::newRow("fp32") << false;
    }
    void kernelMatchesDoubleDotProducts()
    {
        QFETCH(bool, bf16);
        const auto levels = levelsToTest();
        if (levels.empty())
            QSKIP("this CPU has no AVX2: linear() keeps at::linear");
        std::mt19937 rng(7);
        std::normal_distribution<float> normal;
        for (GemvLevel level : levels)
            for (auto [rows, cols] : kShapes) {
                const std::int64_t stride = cols + 3; // rows not packed: the kernel must honour the stride
                std::vector<float> w32(static_cast<std::size_t>(rows * stride));
                std::vector<float> x(static_cast<std::size_t>(cols));
                std::vector<std::uint16_t> w16(w32.size());
                for (std::size_t i = 0; i < w32.size(); ++i) {
                    w16[i] = toBf16Bits(normal(rng));
                    w32[i] = bf16 ? float(fromBf16Bits(w16[i])) : normal(rng);
                }
                for (float &v : x)
                    v = normal(rng);
                // Rows [1, rows) only: the first row must stay untouched.
                std::vector<float> y(std::size_t(rows), -12345.0f);
                if (bf16)
                    rowGemvBf16(level, w16.data(), stride, cols, x.data(), 1, rows, y.data());
                else
                    rowGemvF32(level, w32.data(), stride, cols, x.data(), 1, rows, y.data());
                QCOMPARE(y[0], -12345.0f);
                for (std::int64_t r = 1; r < rows; ++r) {
                    double ref = 0, mag = 0;
                    for (std::int64_t k = 0; k < cols; ++k) {
                        ref += double(w32[std::size_t(r * stride + k)]) * x[std::size_t(k)];
                        mag += std::abs(double(w32[std::size_t(r * stride + k)]) * x[std::size_t(k)]);
                    }
                    // fp32 products and sums: error bounded by a few ulps of the magnitude sum.
                    const double tol = 4 * 1.2e-7 * mag * std::sqrt(double(cols)) + 1e-30;
                    if (std::abs(y[std::size_t(r)] - ref) > tol)
                        QFAIL(qPrintable(QString("%1 %2x%3 row %4: %5 vs %6 (tolerance %7)")
                                             .arg(gemvLevelName(level)).arg(rows).arg(cols).arg(r)
                                             .arg(y[std::size_t(r)], 0, 'g', 9).arg(ref, 0, 'g', 9).arg(tol)));
                }
            }
    }

    // bf16 weights times a bf16 row (rowGemvBf16In): against double dot products of the exact values
    // at every level; at the widening levels bit-identical to rowGemvBf16 on the widened row.
    void bf16RowMatchesDoubleDotProducts()
    {
        const auto levels = levelsToTest();
        if (levels.empty())
            QSKIP("this CPU has no AVX2: linear() keeps at::linear");
        std::mt19937 rng(11);
        std::normal_distribution<float> normal;
        auto shapes = kShapes;
        shapes.push_back({5, 14336}); // the down projection's width
        shapes.push_back({3, 63});
        shapes.push_back({3, 65});
        for (GemvLevel level : levels)
            for (auto [rows, cols] : shapes) {
                const std::int64_t stride = cols + 5;
                std::vector<std::uint16_t> w16(static_cast<std::size_t>(rows * stride)), x16(std::size_t(cols) + 64);
                for (auto &v : w16)
                    v = toBf16Bits(normal(rng));
                for (auto &v : x16)
                    v = toBf16Bits(normal(rng)); // past cols: must not be read into the sums
                std::vector<float> xf(static_cast<std::size_t>(cols));
                for (std::int64_t k = 0; k < cols; ++k)
                    xf[std::size_t(k)] = float(fromBf16Bits(x16[std::size_t(k)]));
                std::vector<float> y(std::size_t(rows), -12345.0f), widened(std::size_t(rows), -12345.0f);
                rowGemvBf16In(level, w16.data(), stride, cols, x16.data(), 1, rows, y.data());
                rowGemvBf16(level, w16.data(), stride, cols, xf.data(), 1, rows, widened.data());
                QCOMPARE(y[0], -12345.0f);
                for (std::int64_t r = 1; r < rows; ++r) {
                    double ref = 0, mag = 0;
                    for (std::int64_t k = 0; k < cols; ++k) {
                        const double p = double(fromBf16Bits(w16[std::size_t(r * stride + k)])) * xf[std::size_t(k)];
                        ref += p;
                        mag += std::abs(p);
                    }
                    const double tol = 4 * 1.2e-7 * mag * std::sqrt(double(cols)) + 1e-30;
                    const float got = y[std::size_t(r)];
                    if (std::abs(got - ref) > tol)
                        QFAIL(qPrintable(QString("%1 %2x%3 row %4: %5 vs %6 (tolerance %7)")
                                             .arg(gemvLevelName(level)).arg(rows).arg(cols).arg(r)
                                             .arg(got, 0, 'g', 9).arg(ref, 0, 'g', 9).arg(tol)));
                    if (level != GemvLevel::Avx512Bf16 && got != widened[std::size_t(r)])
                        QFAIL(qPrintable(QString("%1 %2x%3 row %4: bf16 row %5, widened row %6")
                                             .arg(gemvLevelName(level)).arg(rows).arg(cols).arg(r)
                                             .arg(got, 0, 'g', 9).arg(widened[std::size_t(r)], 0, 'g', 9)));
                }
            }
    }

    // linear() on one row equals at::linear of the same values computed in fp32, then rounded once to
    // the weights' dtype (within one unit of that rounding), with and without bias.
    void linearOnOneRowMatchesAtLinear_data()
    {
        QTest::addColumn<bool>("bf16");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("bf16") << true << false;
        QTest::newRow("bf16+bias") << true << true;
        QTest::newRow("fp32") << false << false;
        QTest::newRow("fp32+bias") << false << true;
    }
    void linearOnOneRowMatchesAtLinear()
    {
        QFETCH(bool, bf16);
        QFETCH(bool, withBias);
        c10::InferenceMode guard;
        at::manual_seed(3);
        const auto type = bf16 ? at::kBFloat16 : at::kFloat;
        for (auto [out, in] : kShapes) {
            const at::Tensor w = at::randn({out, in}).to(type);
            const at::Tensor b = withBias ? at::randn({out}).to(type) : at::Tensor();
            const at::Tensor x = at::randn({1, 1, in}).to(type); // [.., in] with leading ones, as decode's
            QCOMPARE(linearUsesRowKernel(x, w, b), rowGemvLevel() != GemvLevel::None);
            const at::Tensor got = leopard::model::linear(x, w, b);
            QCOMPARE(got.sizes().vec(), (std::vector<std::int64_t>{1, 1, out}));
            QCOMPARE(got.scalar_type(), type);
            const at::Tensor ref = withBias ? at::linear(x.to(at::kDouble), w.to(at::kDouble), b.to(at::kDouble))
                                            : at::linear(x.to(at::kDouble), w.to(at::kDouble));
            const at::Tensor refRounded = ref.to(type).to(at::kDouble);
            // One ulp of the rounded result (bf16: 2^-7 relative; fp32: the kernel's own sum error).
            const double relUlp = bf16 ? 1.0 / 128 : 1e-5;
            const at::Tensor mag = at::linear(x.to(at::kDouble).abs(), w.to(at::kDouble).abs());
            const at::Tensor tol = refRounded.abs() * relUlp + mag * 1e-6 + 1e-30;
            const at::Tensor err = (got.to(at::kDouble) - refRounded).abs();
            QVERIFY2((err <= tol).all().item<bool>(),
                     qPrintable(QString("%1x%2: worst error %3").arg(out).arg(in).arg(err.max().item<double>())));
        }
    }

    // With several intra-op threads the rows are split between them (chunks of >= ~1 MB of weights):
    // every row must still be computed once, in its place.
    void linearSplitsRowsAcrossThreads()
    {
        if (rowGemvLevel() == GemvLevel::None)
            QSKIP("this CPU has no AVX2: linear() keeps at::linear");
        c10::InferenceMode guard;
        const int before = at::get_num_threads();
        at::set_num_threads(2);
        at::manual_seed(9);
        const at::Tensor w = at::randn({1000, 2048}).to(at::kBFloat16); // grain 256 rows: 4 chunks
        const at::Tensor x = at::randn({1, 2048}).to(at::kBFloat16);
        const at::Tensor got = leopard::model::linear(x, w).to(at::kDouble);
        at::set_num_threads(before);
        const at::Tensor ref = at::linear(x.to(at::kDouble), w.to(at::kDouble));
        const at::Tensor tol = ref.abs() / 128 + at::linear(x.to(at::kDouble).abs(), w.to(at::kDouble).abs()) * 1e-6;
        QVERIFY((got - ref).abs().le(tol).all().item<bool>());
    }

    // What must stay on at::linear: several rows (prefill), other dtypes, mixed dtypes, a weight whose
    // rows are not contiguous. linear() must still be right there.
    void otherInputsKeepAtLinear()
    {
        c10::InferenceMode guard;
        at::manual_seed(5);
        const at::Tensor w = at::randn({24, 40});
        const at::Tensor b;
        struct Case {
            const char *what;
            at::Tensor x, w;
        };
        const std::vector<Case> cases = {
            {"two rows", at::randn({2, 40}), w},
            {"fp16", at::randn({1, 40}).to(at::kHalf), w.to(at::kHalf)},
            {"fp32 input, bf16 weight", at::randn({1, 40}), w.to(at::kBFloat16)},
            {"transposed weight", at::randn({1, 40}), at::randn({40, 24}).t()},
            {"fp64", at::randn({1, 40}, at::kDouble), w.to(at::kDouble)},
        };
        for (const Case &c : cases) {
            QVERIFY2(!linearUsesRowKernel(c.x, c.w, b), c.what);
            if (c.x.scalar_type() != c.w.scalar_type() || c.x.scalar_type() == at::kHalf)
                continue; // at::linear itself refuses mixed dtypes; fp16 matmul is not on every CPU build
            QVERIFY2(at::equal(leopard::model::linear(c.x, c.w), at::linear(c.x, c.w)), c.what);
        }
    }
};

QTEST_GUILESS_MAIN(TestRowGemv)
#include "test_row_gemv.moc"
