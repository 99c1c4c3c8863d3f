// The on-device token picker (inference/torch/device_sampler.*), which a GPU uses so that only the
// chosen id comes back each step, against the host picker (sampler.h, tested on its own in
// test_prompt_and_sampler): same ids and the same use of the random generator, for greedy and
// sampled picks, ties, NaN, tiny and full nuclei. Run here on CPU tensors: the same ATen calls run
// on CUDA.
#include "inference/torch/device_sampler.h"
#include "inference/torch/sampler.h"

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <QtTest>

#include <cmath>
#include <limits>
#include <set>
#include <vector>

using namespace leopard::model;

class TestDeviceSampler : public QObject {
    Q_OBJECT
private slots:
    void picksWhatTheHostPicks()
    {
        c10::InferenceMode guard;
        std::mt19937 gen(11);
        std::normal_distribution<float> normal;
        const float nan = std::numeric_limits<float>::quiet_NaN();
        int sampledCases = 0;
        for (std::int64_t vocab : {1, 2, 5, 1000, 128256})
            for (float temperature : {0.0f, 0.3f, 1.0f, 2.0f})
                for (float topP : {1e-6f, 0.5f, 0.9f, 1.0f}) {
                    std::vector<float> logits(static_cast<std::size_t>(vocab));
                    for (float &v : logits)
                        v = 3.0f * normal(gen);
                    if (vocab >= 5) {
                        logits[1] = logits[3] = 40.0f; // a tie at the top: the first index must win
                        logits[2] = nan;               // NaN never wins and carries no mass
                        logits[4] = std::round(logits[4]);
                    }
                    const at::Tensor t = at::from_blob(logits.data(), {vocab}, at::TensorOptions().dtype(at::kFloat));
                    std::mt19937_64 host(99), device(99);
                    const SamplingParams params{temperature, topP};
                    const int draws = vocab > 1000 ? 3 : 20; // a 128k-token pick sorts 128k values
                    for (int draw = 0; draw < draws; ++draw) {
                        const std::int32_t want = pickToken(logits.data(), vocab, params, host);
                        const std::int32_t got = pickTokenOnDevice(t, params, device);
                        if (got != want)
                            QFAIL(qPrintable(QString("vocab %1, T %2, top-p %3, draw %4: device %5, host %6")
                                                 .arg(vocab).arg(temperature).arg(topP).arg(draw).arg(got).arg(want)));
                    }
                    QCOMPARE(device(), host()); // the same number of values drawn
                    sampledCases += temperature > 0;
                    if (vocab >= 5 && temperature == 0.0f)
                        QCOMPARE(pickTokenOnDevice(t, params, device), 1);
                }
        QCOMPARE(sampledCases, 60);
    }

    // Lower temperature over spread logits draws many distinct tokens: the comparison above is not
    // only about the most likely one.
    void samplingSpreadsOverTheNucleus()
    {
        c10::InferenceMode guard;
        at::manual_seed(4);
        const at::Tensor logits = at::randn({1000});
        std::mt19937_64 rng(5);
        std::set<std::int32_t> seen;
        for (int i = 0; i < 200; ++i)
            seen.insert(pickTokenOnDevice(logits, {1.0f, 0.9f}, rng));
        QVERIFY2(seen.size() > 100, qPrintable(QString::number(seen.size())));
    }
};

QTEST_GUILESS_MAIN(TestDeviceSampler)
#include "test_device_sampler.moc"
