#pragma once
// The application's persistent settings (QSettings, organisation "LeopardDesk", app "Leopard Desk").

#include <QString>
#include <QStringList>

namespace leopard::ui {

namespace AppSettings {

// The resolution at which PDF and deck pages are rendered for the model (the "analysis" image;
// the screen render is separate). 144 dpi is the default because it is where a text-rich page
// starts to use the model well: a US Letter page (612 x 792 pt) becomes 1224 x 1584 px, which the
// Leopard planner cuts into round(1584/364) x round(1224/364) = 4 x 3 = 12 crops of 364 x 364 on a
// 3 x 4 grid, i.e. 13 model images (the global view + 12 tiles) = 13 x 169 = 2197 tokens.
// At 72 dpi the same page would get only 2 x 2 = 4 crops, too coarse for small print; at 216 dpi it
// would want 7 x 5 = 35 crops, which exhausts the 50-image budget with two pages.
constexpr double kDefaultAnalysisDpi = 144.0;
constexpr double kMinAnalysisDpi = 36.0;
constexpr double kMaxAnalysisDpi = 600.0;

double analysisDpi();
void setAnalysisDpi(double dpi);

bool showCropOverlay();
void setShowCropOverlay(bool show);

// The Leopard checkpoint directory chosen in Settings (empty: not set), and the device and dtype
// to load it with (empty: probeDevices()'s defaults).
QString modelDirectory();
void setModelDirectory(const QString &dir);
QString modelDevice();
void setModelDevice(const QString &device);
QString modelDtype();
void setModelDtype(const QString &dtype);
// How the decoder's linear weights are held: "auto" (empty too: full precision where it fits in
// memory, else int8), "full" or "int8" (inference/torch/weight_format.h).
QString modelWeights();
void setModelWeights(const QString &weights);

// "system" (follow the desktop), "light" or "dark" (ui/settings/color_scheme.h).
QString colorScheme();
void setColorScheme(const QString &scheme);

// The Tesseract languages scanned pages are read in (eng, deu, fra, chi_sim, jpn); empty = automatic,
// and effectiveOcrLanguages() then gives the UI language's and English.
QStringList ocrLanguages();
void setOcrLanguages(const QStringList &languages);
QStringList effectiveOcrLanguages();

// The explanation above, for the settings dialog's tooltip.
QString analysisDpiExplanation();

} // namespace AppSettings

} // namespace leopard::ui
