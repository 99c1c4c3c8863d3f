#include "ui/settings/app_settings.h"

#include "index/ocr.h"
#include "ui/settings/language.h"

#include <QCoreApplication>
#include <QSettings>

namespace leopard::ui::AppSettings {

namespace {
const char kAnalysisDpiKey[] = "analysis/dpi";
const char kShowOverlayKey[] = "view/showCropOverlay";
const char kModelDirKey[] = "model/directory";
const char kModelDeviceKey[] = "model/device";
const char kModelDtypeKey[] = "model/dtype";
const char kModelWeightsKey[] = "model/weights";
const char kColorSchemeKey[] = "appearance/colorScheme";
const char kOcrLanguagesKey[] = "index/ocrLanguages";
}

QStringList ocrLanguages()
{
    // Stored as "deu+eng", as Tesseract writes a language list.
    return QSettings().value(kOcrLanguagesKey).toString().split(QLatin1Char('+'), Qt::SkipEmptyParts);
}
void setOcrLanguages(const QStringList &languages) { QSettings().setValue(kOcrLanguagesKey, languages.join(QLatin1Char('+'))); }
QStringList effectiveOcrLanguages()
{
    const QStringList chosen = ocrLanguages();
    return chosen.isEmpty() ? index::ocrLanguagesFor(Language::current()) : chosen;
}

QString colorScheme() { return QSettings().value(kColorSchemeKey, QStringLiteral("system")).toString(); }
void setColorScheme(const QString &scheme) { QSettings().setValue(kColorSchemeKey, scheme); }

QString modelDirectory() { return QSettings().value(kModelDirKey).toString(); }
void setModelDirectory(const QString &dir) { QSettings().setValue(kModelDirKey, dir); }
QString modelDevice() { return QSettings().value(kModelDeviceKey).toString(); }
void setModelDevice(const QString &device) { QSettings().setValue(kModelDeviceKey, device); }
QString modelDtype() { return QSettings().value(kModelDtypeKey).toString(); }
void setModelDtype(const QString &dtype) { QSettings().setValue(kModelDtypeKey, dtype); }
QString modelWeights() { return QSettings().value(kModelWeightsKey).toString(); }
void setModelWeights(const QString &weights) { QSettings().setValue(kModelWeightsKey, weights); }

double analysisDpi()
{
    const double dpi = QSettings().value(kAnalysisDpiKey, kDefaultAnalysisDpi).toDouble();
    return (dpi >= kMinAnalysisDpi && dpi <= kMaxAnalysisDpi) ? dpi : kDefaultAnalysisDpi;
}

void setAnalysisDpi(double dpi)
{
    QSettings().setValue(kAnalysisDpiKey, qBound(kMinAnalysisDpi, dpi, kMaxAnalysisDpi));
}

bool showCropOverlay()
{
    return QSettings().value(kShowOverlayKey, true).toBool();
}

void setShowCropOverlay(bool show)
{
    QSettings().setValue(kShowOverlayKey, show);
}

QString analysisDpiExplanation()
{
    return QCoreApplication::translate(
        "AppSettings",
        "<p>The resolution at which PDF and slide pages are rendered for the model (image files are "
        "sent at their own size). The crop plan follows from it.</p>"
        "<p>Default 144 dpi: a US Letter page (612 × 792 pt) becomes 1224 × 1584 px, which Leopard cuts "
        "into 4 rows × 3 columns = 12 crops of 364 × 364 px; with the global view that is 13 model images "
        "= 13 × 169 = 2197 tokens.</p>"
        "<p>Lower values lose small print (72 dpi: 4 crops); higher values spend the 50-image budget on "
        "fewer pages (216 dpi: 35 crops per Letter page).</p>");
}

} // namespace leopard::ui::AppSettings
