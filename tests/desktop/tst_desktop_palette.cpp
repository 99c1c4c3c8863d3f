// Light and dark: switching the application palette (Settings ▸ Appearance) reaches the widgets that
// paint themselves or carry style sheets. Checked on what is drawn (grabbed pixels) and against the
// WCAG 2 contrast ratio (an independent criterion), not against the colours the code computed.
#include "ui/settings/color_scheme.h"
#include "ui/window/main_window.h"
#include "ui/pages/page_view.h"
#include "ui/pages/plan_panel.h"

#include <QApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace leopard::ui;

namespace {
double luminance(const QColor &c)
{
    auto lin = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor sheetColor(const QString &sheet, const QString &property)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("(?:^|[ ;{])%1:\\s*(#[0-9a-fA-F]{6})").arg(property)).match(sheet);
    return m.hasMatch() ? QColor(m.captured(1)) : QColor();
}

double meanLightness(const QImage &image)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++n)
            sum += QColor(image.pixel(x, y)).lightnessF();
    return n ? sum / n : 0;
}
} // namespace

class PaletteTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("LEOPARD_MODEL_DIR", "/nonexistent-model-for-tests");
    }

    void darkAndLightReachTheWindow()
    {
        const QPalette startup = QApplication::palette();
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        for (ColorScheme scheme : {ColorScheme::Dark, ColorScheme::Light, ColorScheme::Dark}) {
            applyColorScheme(scheme);
            QCoreApplication::processEvents();
            const bool dark = scheme == ColorScheme::Dark;
            // Window chrome: the plan panel and the page view's backdrop as drawn.
            const double panel = meanLightness(window.planPanel()->grab().toImage());
            const double desk = meanLightness(window.pageView()->grab().toImage());
            if (dark) {
                QVERIFY2(panel < 0.35, qPrintable(QString::number(panel)));
                QVERIFY2(desk < 0.35, qPrintable(QString::number(desk)));
            } else {
                QVERIFY2(panel > 0.75, qPrintable(QString::number(panel)));
                QVERIFY2(desk > 0.4 && desk < 0.85, qPrintable(QString::number(desk))); // paper must stand out
            }
            // The over-budget warning: its style sheet follows the palette and stays readable.
            auto *warning = window.planPanel()->findChild<QLabel *>(QStringLiteral("planWarningLabel"));
            QVERIFY(warning);
            const QColor bg = sheetColor(warning->styleSheet(), QStringLiteral("background"));
            const QColor fg = sheetColor(warning->styleSheet(), QStringLiteral("color"));
            QVERIFY2(bg.isValid() && fg.isValid(), qPrintable(warning->styleSheet()));
            QVERIFY2(contrast(bg, fg) >= 4.5, qPrintable(QStringLiteral("contrast %1").arg(contrast(bg, fg))));
            QCOMPARE(bg.lightnessF() < 0.5, dark);
            // Dimmed text stays readable on the window colour.
            auto *empty = window.planPanel()->findChild<QLabel *>(QStringLiteral("planEmptyLabel"));
            QColor dim = empty->palette().color(QPalette::WindowText);
            const QColor window_ = QApplication::palette().color(QPalette::Window);
            const QColor dimOnWindow = QColor::fromRgbF(dim.redF() * dim.alphaF() + window_.redF() * (1 - dim.alphaF()),
                                                        dim.greenF() * dim.alphaF() + window_.greenF() * (1 - dim.alphaF()),
                                                        dim.blueF() * dim.alphaF() + window_.blueF() * (1 - dim.alphaF()));
            QVERIFY2(contrast(dimOnWindow, window_) >= 3.0, qPrintable(QString::number(contrast(dimOnWindow, window_))));
        }

        applyColorScheme(ColorScheme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), startup.color(QPalette::Window));
        QCOMPARE(QApplication::palette().color(QPalette::Text), startup.color(QPalette::Text));
    }

    void darkPaletteIsReadable()
    {
        const QPalette p = darkPalette();
        QVERIFY(isDark(p));
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
        QVERIFY(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 7.0);
        QVERIFY(contrast(p.color(QPalette::ButtonText), p.color(QPalette::Button)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 3.0);
        QVERIFY(contrast(p.color(QPalette::Link), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)) >= 3.0);
    }

    void schemeNames()
    {
        QCOMPARE(colorSchemeFromString(QStringLiteral("Dark")), ColorScheme::Dark);
        QCOMPARE(colorSchemeFromString(QStringLiteral("light")), ColorScheme::Light);
        QCOMPARE(colorSchemeFromString(QStringLiteral("bogus")), ColorScheme::System);
        for (ColorScheme s : {ColorScheme::System, ColorScheme::Light, ColorScheme::Dark})
            QCOMPARE(colorSchemeFromString(colorSchemeName(s)), s);
    }
};

QTEST_MAIN(PaletteTest)
#include "tst_desktop_palette.moc"
