// float -> fp16 / bf16 rounding of the checkpoint writer, against the IEEE definitions: every half
// value round-trips, midpoints between neighbours go to the even one, and known bit patterns.
#include "fixture_support.h"

#include "inference/checkpoint/float_convert.h"

#include <QtTest>

using namespace leopard::ckpt;

class TestFloatConvert : public QObject {
    Q_OBJECT
private slots:
    void knownHalfPatterns()
    {
        QCOMPARE(floatToHalf(1.0f), std::uint16_t(0x3c00));
        QCOMPARE(floatToHalf(-2.0f), std::uint16_t(0xc000));
        QCOMPARE(floatToHalf(65504.0f), std::uint16_t(0x7bff));
        QCOMPARE(floatToHalf(65519.99f), std::uint16_t(0x7bff));
        QCOMPARE(floatToHalf(65520.0f), std::uint16_t(0x7c00)); // halfway to 65536 rounds (to even) to inf
        QCOMPARE(floatToHalf(1.0f / 3.0f), std::uint16_t(0x3555));
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -24)), std::uint16_t(0x0001));
        QCOMPARE(floatToHalf(std::ldexp(1.0f, -25)), std::uint16_t(0x0000)); // tie -> even (0)
        QCOMPARE(floatToHalf(std::ldexp(3.0f, -25)), std::uint16_t(0x0002)); // 1.5 units -> 2
        QCOMPARE(floatToHalf(0.0f), std::uint16_t(0));
        QCOMPARE(floatToHalf(-0.0f), std::uint16_t(0x8000));
        QCOMPARE(floatToHalf(INFINITY), std::uint16_t(0x7c00));
        QVERIFY((floatToHalf(NAN) & 0x7c00) == 0x7c00 && (floatToHalf(NAN) & 0x3ff) != 0);
    }
    void everyHalfRoundTripsAndTiesGoToEven()
    {
        for (std::uint32_t h = 0; h < 0x7c00; ++h) { // all finite non-negative halves
            const double v = fixtures::halfToDouble(std::uint16_t(h));
            QCOMPARE(floatToHalf(float(v)), std::uint16_t(h));
            QCOMPARE(floatToHalf(float(-v)), std::uint16_t(h | 0x8000));
            if (h + 1 < 0x7c00) {
                const double next = fixtures::halfToDouble(std::uint16_t(h + 1));
                const double mid = (v + next) / 2; // exact in float: halves have 11 significant bits
                QCOMPARE(floatToHalf(float(mid)), std::uint16_t((h & 1) ? h + 1 : h));
                QCOMPARE(floatToHalf(std::nextafter(float(mid), 0.0f)), std::uint16_t(h));
                QCOMPARE(floatToHalf(std::nextafter(float(mid), 1e9f)), std::uint16_t(h + 1));
            }
        }
    }
    void bf16()
    {
        QCOMPARE(floatToBf16(1.0f), std::uint16_t(0x3f80));
        QCOMPARE(floatToBf16(1.0f / 3.0f), std::uint16_t(0x3eab));
        QCOMPARE(floatToBf16(-7e4f), std::uint16_t(0xc789)); // torch.tensor(-7e4).bfloat16() -> -70144
        for (std::uint32_t b = 0; b < 0x7f80; b += 7) {
            const double v = fixtures::bf16ToDouble(std::uint16_t(b));
            QCOMPARE(floatToBf16(float(v)), std::uint16_t(b));
            const double mid = (v + fixtures::bf16ToDouble(std::uint16_t(b + 1))) / 2;
            QCOMPARE(floatToBf16(float(mid)), std::uint16_t((b & 1) ? b + 1 : b));
        }
        QVERIFY((floatToBf16(NAN) & 0x7f80) == 0x7f80 && (floatToBf16(NAN) & 0x7f) != 0);
    }
};

QTEST_GUILESS_MAIN(TestFloatConvert)
#include "test_float_convert.moc"
