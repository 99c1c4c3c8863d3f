#pragma once
// Reading a page image's words with Tesseract (Debian's libtesseract 5), for pages without a usable
// text layer: scans, image files, image-only slides. The image is first made easy for Tesseract with
// OpenCV: grey, Otsu threshold, and straightened when it is slightly rotated (deskew). Words come
// back with boxes normalised to the image (origin top left), like the text layer's: the word's left
// and right, its text line's top and bottom.
#include "viewer/document.h"

#include <QImage>
#include <QStringList>

#include <atomic>

namespace leopard::index {

struct OcrOptions {
    QStringList languages{QStringLiteral("eng")}; // Tesseract codes: eng, deu, fra, chi_sim, jpn
    double resolutionDpi = 144;                   // of the image handed in (the analysis render)
    int timeLimitMs = 60000;                      // per page; past it the page gives no words
    QString tessdataDir;                          // "" = Tesseract's own (TESSDATA_PREFIX or the package's)
    int threads = 0;                              // pages read at once by readPages; 0 = defaultOcrThreads()
};

struct OcrResult {
    QVector<viewer::PageWord> words;
    QString error;          // "" on success; names the language pack or says the time limit was hit
    bool timedOut = false;
    double deskewDegrees = 0;
};

// The image Tesseract reads: 8-bit grey, black text on white (Otsu), deskewed. Exposed so tests can
// hand the same pixels to the `tesseract` CLI.
QImage preprocessForOcr(const QImage &image, double *deskewDegrees = nullptr);

OcrResult recognise(const QImage &image, const OcrOptions &options = {}, const std::atomic_bool *cancel = nullptr);

// The packages missing for `languages` ("" when every traineddata file is there), e.g.
// "The OCR language data for jpn is not installed: apt install tesseract-ocr-jpn".
QString missingLanguageData(const QStringList &languages, const QString &tessdataDir = {});

// The Tesseract languages for a UI language (de → deu, zh_CN → chi_sim …), English always included.
QStringList ocrLanguagesFor(const QString &uiLanguage);

} // namespace leopard::index
