#include "index/ocr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <omp.h>
#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace leopard::index {

namespace {

QString tessdataPath(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    const QByteArray env = qgetenv("TESSDATA_PREFIX");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    for (const char *dir : {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"})
        if (QFileInfo::exists(QString::fromLatin1(dir)))
            return QString::fromLatin1(dir);
    return {};
}

QString debianPackage(const QString &language)
{
    QString p = language.toLower();
    p.replace(QLatin1Char('_'), QLatin1Char('-'));
    return QStringLiteral("tesseract-ocr-") + p;
}

} // namespace

QStringList ocrLanguagesFor(const QString &uiLanguage)
{
    QStringList out;
    const QString l = uiLanguage.left(2).toLower();
    if (l == QLatin1String("de"))
        out << QStringLiteral("deu");
    else if (l == QLatin1String("fr"))
        out << QStringLiteral("fra");
    else if (l == QLatin1String("ja"))
        out << QStringLiteral("jpn");
    else if (l == QLatin1String("zh"))
        out << QStringLiteral("chi_sim");
    out << QStringLiteral("eng");
    return out;
}

QString missingLanguageData(const QStringList &languages, const QString &tessdataDir)
{
    const QString dir = tessdataPath(tessdataDir);
    QStringList missing;
    for (const QString &l : languages)
        if (dir.isEmpty() || !QFileInfo::exists(dir + QLatin1Char('/') + l + QStringLiteral(".traineddata")))
            missing << l;
    if (missing.isEmpty())
        return {};
    QStringList packages;
    for (const QString &l : missing)
        packages << debianPackage(l);
    return QStringLiteral("The OCR language data for %1 is not installed (looked in %2): apt install %3")
        .arg(missing.join(QLatin1String(", ")), dir.isEmpty() ? QStringLiteral("no tessdata folder found") : dir,
             packages.join(QLatin1Char(' ')));
}

QImage preprocessForOcr(const QImage &image, double *deskewDegrees)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat in(grey.height(), grey.width(), CV_8UC1, const_cast<uchar *>(grey.constBits()), size_t(grey.bytesPerLine()));
    cv::Mat bin;
    cv::threshold(in, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    // Deskew: the angle of the smallest rectangle around the dark (text) pixels. Pages rotated by less
    // than a quarter degree, or by more than 15 (a table, a picture, not a tilted scan), are left as they are.
    double angle = 0;
    std::vector<cv::Point> dark;
    cv::findNonZero(255 - bin, dark);
    if (dark.size() > 100) {
        const cv::RotatedRect box = cv::minAreaRect(dark);
        angle = box.angle;
        if (angle > 45)
            angle -= 90;
        if (angle < -45)
            angle += 90;
        if (std::abs(angle) < 0.25 || std::abs(angle) > 15)
            angle = 0;
    }
    if (angle != 0) {
        const cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(bin.cols / 2.0f, bin.rows / 2.0f), angle, 1.0);
        cv::Mat straight;
        cv::warpAffine(bin, straight, rot, bin.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
        cv::threshold(straight, bin, 127, 255, cv::THRESH_BINARY);
    }
    if (deskewDegrees)
        *deskewDegrees = angle;
    QImage out(bin.cols, bin.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < bin.rows; ++y)
        std::memcpy(out.scanLine(y), bin.ptr(y), size_t(bin.cols));
    return out;
}

OcrResult recognise(const QImage &image, const OcrOptions &options, const std::atomic_bool *cancel)
{
    OcrResult r;
    if (image.isNull() || image.width() < 8 || image.height() < 8) {
        r.error = QStringLiteral("the page image is empty");
        return r;
    }
    if (const QString missing = missingLanguageData(options.languages, options.tessdataDir); !missing.isEmpty()) {
        r.error = missing;
        return r;
    }
    // Debian's libtesseract is built with OpenMP and asks for a team of threads per step of its LSTM
    // (a num_threads clause, which omp_set_num_threads cannot lower). Those threads spin while they
    // wait, and next to other work — pages read on a pool, the model, a build — that made OCR 6x
    // slower (5 scans: 54-61 s against 9 s on 2 busy cores). Dynamic adjustment lets libgomp give
    // fewer threads than asked when the machine is busy (this thread's setting only: libtorch's
    // threads keep theirs). OMP_THREAD_LIMIT=1 would do more, but is read when libgomp loads and
    // would cap libtorch too.
    omp_set_dynamic(1);
    const QImage pixels = preprocessForOcr(image, &r.deskewDegrees);
    tesseract::TessBaseAPI api;
    const QByteArray dir = QFile::encodeName(tessdataPath(options.tessdataDir));
    const QByteArray langs = options.languages.join(QLatin1Char('+')).toLatin1();
    if (api.Init(dir.constData(), langs.constData(), tesseract::OEM_DEFAULT) != 0) {
        r.error = QStringLiteral("Tesseract could not start with the languages %1 (from %2)").arg(QString::fromLatin1(langs), QString::fromLocal8Bit(dir));
        return r;
    }
    api.SetPageSegMode(tesseract::PSM_AUTO); // the tesseract CLI's default (--psm 3)
    api.SetImage(pixels.constBits(), pixels.width(), pixels.height(), 1, int(pixels.bytesPerLine()));
    api.SetSourceResolution(int(std::lround(options.resolutionDpi)));
    // The time limit and cancelling: Tesseract polls the monitor while it works.
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(options.timeLimitMs);
    struct Cancel { const std::atomic_bool *flag; };
    Cancel c{cancel};
    monitor.cancel_this = &c;
    monitor.cancel = [](void *self, int) { const auto *cc = static_cast<Cancel *>(self); return cc->flag && cc->flag->load(); };
    if (api.Recognize(&monitor) != 0 || monitor.deadline_exceeded()) {
        r.timedOut = monitor.deadline_exceeded();
        r.error = r.timedOut ? QStringLiteral("OCR of the page took longer than its %1 s limit").arg(options.timeLimitMs / 1000.0)
                             : QStringLiteral("OCR of the page was cancelled or failed");
        return r;
    }
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it)
        return r;
    // Normalised to the image handed in (deskewing keeps the size, so boxes stay close to the page's).
    const double w = pixels.width(), h = pixels.height();
    do {
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
        if (!text)
            continue;
        const QString word = QString::fromUtf8(text.get()).trimmed();
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0, lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
        if (word.isEmpty() || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1))
            continue;
        // The word's width, its line's height: Tesseract's word boxes hug the ink ("was" is x-height
        // tall), a text layer's span the font's ascent and descent; the line's top and bottom give
        // highlights the same shape whichever way a page was read.
        if (it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1))
            y0 = std::min(y0, ly0), y1 = std::max(y1, ly1);
        r.words.push_back({word, QRectF(x0 / w, y0 / h, (x1 - x0) / w, (y1 - y0) / h)});
    } while (it->Next(tesseract::RIL_WORD));
    return r;
}

} // namespace leopard::index
