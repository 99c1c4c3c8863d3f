// The model's hand-written bf16 GELU, SiLU and softmax (inference/torch/bf16_math.*, activations.*)
// against libtorch's own fp32 formulas rounded once to bf16: every value within one bf16 unit, nearly
// all identical, -inf scores giving exactly 0, and the threaded wrappers covering every element.
#include "inference/torch/activations.h"
#include "inference/torch/bf16_math.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <QtTest>

#include <cmath>
#include <limits>

using namespace leopard::model;

namespace {

// |got - want| in units of bf16's spacing at want (2^(exponent - 7)); 0 when both are equal or
// closer than `absTol` (element-wise; may be undefined).
at::Tensor bf16UnitsApart(const at::Tensor &got, const at::Tensor &want, const at::Tensor &absTol)
{
    const at::Tensor g = got.to(at::kDouble), w = want.to(at::kDouble);
    const at::Tensor spacing = at::pow(2.0, at::floor(at::log2(w.abs().clamp_min(1e-38))) - 7);
    at::Tensor units = ((g - w).abs() / spacing).masked_fill(g == w, 0.0);
    if (absTol.defined())
        units.masked_fill_((g - w).abs() <= absTol, 0.0);
    return units;
}

void checkClose(const at::Tensor &got, const at::Tensor &want, double minIdentical, const char *what,
                const at::Tensor &absTol = {})
{
    QCOMPARE(got.scalar_type(), at::kBFloat16);
    QCOMPARE(got.sizes(), want.sizes());
    const at::Tensor units = bf16UnitsApart(got, want, absTol);
    const double worst = units.max().item<double>();
    if (worst > 1.0) {
        const std::int64_t i = units.reshape({-1}).argmax().item<std::int64_t>();
        qWarning("worst at %lld: got %.9g want %.9g", (long long)i, got.reshape({-1})[i].item<double>(), want.reshape({-1})[i].item<double>());
    }
    const double identical = (units == 0).to(at::kDouble).mean().item<double>();
    QVERIFY2(worst <= 1.0, qPrintable(QString("%1: %2 bf16 units apart").arg(what).arg(worst)));
    QVERIFY2(identical >= minIdentical, qPrintable(QString("%1: only %2 identical").arg(what).arg(identical)));
}

// libtorch's 0.5 x (1 + tanh(u)) cancels in fp32 for x below about -4 (it reaches exactly 0 near
// x = -5) where x / (1 + e^-2u) keeps the true tiny value: there the two may differ by fp32's
// epsilon times |x|.
at::Tensor geluCancellation(const at::Tensor &x) { return x.to(at::kDouble).abs() * 1.2e-7; }

} // namespace

class TestBf16Math : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        if (!bf16MathAvailable())
            QSKIP("no AVX-512 on this CPU: the model keeps libtorch's GELU and softmax");
    }

    void geluMatchesLibtorchFp32()
    {
        c10::InferenceMode guard;
        at::manual_seed(1);
        // Typical activations, large magnitudes on both sides, and values near 0.
        const at::Tensor x = at::cat({at::randn({100000}) * 3, at::randn({1000}) * 40, at::randn({1000}) * 1e-3,
                                      at::tensor({0.0f, -0.0f, 10.0f, -10.0f, 1e30f, -1e30f})})
                                 .to(at::kBFloat16);
        const at::Tensor want = at::gelu(x.to(at::kFloat), "tanh").to(at::kBFloat16);
        at::Tensor got = at::empty_like(x);
        geluTanhBf16(reinterpret_cast<const std::uint16_t *>(x.data_ptr<at::BFloat16>()),
                     reinterpret_cast<std::uint16_t *>(got.data_ptr<at::BFloat16>()), x.numel());
        checkClose(got, want, 0.99, "gelu", geluCancellation(x));
    }

    void siluMatchesLibtorchFp32()
    {
        c10::InferenceMode guard;
        at::manual_seed(4);
        const at::Tensor x = at::cat({at::randn({100000}) * 3, at::randn({1000}) * 40, at::randn({1000}) * 1e-3,
                                      at::tensor({0.0f, -0.0f, 90.0f, -90.0f, 1e30f, -1e30f})})
                                 .to(at::kBFloat16);
        const at::Tensor want = at::silu(x.to(at::kFloat)).to(at::kBFloat16);
        at::Tensor got = at::empty_like(x);
        siluBf16(reinterpret_cast<const std::uint16_t *>(x.data_ptr<at::BFloat16>()),
                 reinterpret_cast<std::uint16_t *>(got.data_ptr<at::BFloat16>()), x.numel());
        checkClose(got, want, 0.99, "silu");
        const at::Tensor wrapped = leopard::model::silu(x.narrow(0, 0, 102000).reshape({102, 1000}).t()); // not contiguous
        checkClose(wrapped, want.narrow(0, 0, 102000).reshape({102, 1000}).t(), 0.99, "silu()");
    }

    void softmaxMatchesLibtorchFp32()
    {
        c10::InferenceMode guard;
        at::manual_seed(2);
        for (std::int64_t cols : {1, 5, 16, 17, 33, 729}) {
            at::Tensor x = (at::randn({64, cols}) * 4).to(at::kBFloat16);
            if (cols > 2)
                x.select(1, 1).fill_(-std::numeric_limits<float>::infinity()); // a masked key
            const at::Tensor want = at::softmax(x.to(at::kFloat), -1).to(at::kBFloat16);
            at::Tensor got = x.clone();
            softmaxRowsBf16(reinterpret_cast<std::uint16_t *>(got.data_ptr<at::BFloat16>()), 64, cols);
            checkClose(got, want, 0.97, qPrintable(QString("softmax over %1").arg(cols)));
            if (cols > 2)
                QVERIFY(got.select(1, 1).eq(0).all().item<bool>());
            QVERIFY(((got.to(at::kFloat).sum(-1) - 1).abs() < 0.02).all().item<bool>());
        }
    }

    // The wrappers the vision tower calls: split over 2 threads, non-contiguous input, fp32 untouched.
    void wrappersCoverEveryElement()
    {
        c10::InferenceMode guard;
        at::manual_seed(3);
        const int before = at::get_num_threads();
        at::set_num_threads(2);
        const at::Tensor x = (at::randn({3, 300, 700}) * 2).to(at::kBFloat16).transpose(1, 2); // not contiguous
        QVERIFY(usesBf16MathKernels(x));
        const at::Tensor g = geluTanh(x);
        const at::Tensor s = softmaxLastDimOverwriting(x.contiguous());
        at::set_num_threads(before);
        checkClose(g, at::gelu(x.to(at::kFloat), "tanh").to(at::kBFloat16), 0.99, "geluTanh()", geluCancellation(x));
        checkClose(s, at::softmax(x.to(at::kFloat), -1).to(at::kBFloat16), 0.97, "softmaxLastDimOverwriting()");

        const at::Tensor f = at::randn({4, 9});
        QVERIFY(!usesBf16MathKernels(f));
        QVERIFY(at::equal(geluTanh(f), at::gelu(f, "tanh")));
        QVERIFY(at::equal(softmaxLastDimOverwriting(f), at::softmax(f, -1)));
    }
};

QTEST_GUILESS_MAIN(TestBf16Math)
#include "test_bf16_math.moc"
