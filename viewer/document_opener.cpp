#include "viewer/document_opener.h"

#include "viewer/image_document.h"
#include "viewer/pdf_document.h"
#include "viewer/slide_converter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>

namespace leopard::viewer {

namespace {

const QStringList &pdfSuffixes() { static const QStringList s{QStringLiteral("pdf")}; return s; }
const QStringList &deckSuffixes()
{
    static const QStringList s{QStringLiteral("pptx"), QStringLiteral("ppt"), QStringLiteral("odp"), QStringLiteral("key")};
    return s;
}
const QStringList &imageSuffixes()
{
    static const QStringList s{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("tif"),
                               QStringLiteral("tiff"), QStringLiteral("webp"), QStringLiteral("bmp")};
    return s;
}

QString globs(const QStringList &suffixes)
{
    QStringList out;
    for (const QString &s : suffixes)
        out << QStringLiteral("*.") + s;
    return out.join(QLatin1Char(' '));
}

OpenResult failure(OpenError error, const QString &message)
{
    OpenResult r;
    r.error = error;
    r.message = message;
    return r;
}

OpenResult openDeck(const QString &path, const OpenOptions &options)
{
    const ConversionResult converted = convertDeckToPdf(path, options);
    if (converted.error != OpenError::None)
        return failure(converted.error, converted.message);
    if (options.progress)
        options.progress(QCoreApplication::translate("DocumentOpener", "Reading the pages of %1…").arg(QFileInfo(path).fileName()));
    OpenResult result = PdfDocument::open(converted.pdfPath, QString(), path, DocumentKind::SlideDeck);
    if (!result.ok() && result.error != OpenError::Cancelled) {
        // A cached PDF that does not open is useless (and would fail forever): drop it so the
        // next attempt converts again.
        QFile::remove(converted.pdfPath);
        if (result.error == OpenError::Corrupt && !converted.fromCache)
            result.error = OpenError::ConversionFailed;
    }
    return result;
}

} // namespace

QStringList supportedSuffixes()
{
    return pdfSuffixes() + deckSuffixes() + imageSuffixes();
}

bool isSupportedFile(const QString &path)
{
    return supportedSuffixes().contains(QFileInfo(path).suffix().toLower());
}

QString fileDialogFilter()
{
    return QCoreApplication::translate("DocumentOpener", "Documents (%1);;PDF documents (%2);;Slide decks (%3);;Images (%4);;All files (*)")
        .arg(globs(supportedSuffixes()), globs(pdfSuffixes()), globs(deckSuffixes()), globs(imageSuffixes()));
}

OpenResult openDocument(const QString &path, const OpenOptions &options)
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (path.isEmpty() || !info.exists())
        return failure(OpenError::NotFound, QCoreApplication::translate("DocumentOpener", "%1 was not found.").arg(path.isEmpty() ? QCoreApplication::translate("DocumentOpener", "(no file name)") : path));
    if (!info.isFile())
        return failure(OpenError::Unsupported, QCoreApplication::translate("DocumentOpener", "%1 is a folder, not a document.").arg(name));
    if (!info.isReadable())
        return failure(OpenError::NotFound, QCoreApplication::translate("DocumentOpener", "%1 cannot be read: permission denied.").arg(name));

    const QString suffix = info.suffix().toLower();
    if (options.progress)
        options.progress(QCoreApplication::translate("DocumentOpener", "Opening %1…").arg(name));
    if (pdfSuffixes().contains(suffix))
        return PdfDocument::open(path, options.password, path, DocumentKind::Pdf);
    if (deckSuffixes().contains(suffix))
        return openDeck(path, options);
    if (imageSuffixes().contains(suffix))
        return ImageDocument::open(path);
    return failure(OpenError::Unsupported,
                   QCoreApplication::translate("DocumentOpener", "%1 is not a supported kind of file. Leopard Desk opens PDFs, slide decks (%2) "
                                  "and images (%3).")
                       .arg(name, deckSuffixes().join(QStringLiteral(", ")), imageSuffixes().join(QStringLiteral(", "))));
}

// ---- DocumentLoader -------------------------------------------------------------------------

struct DocumentLoader::Private {
    QThreadPool pool;
    // One flag per "generation": cancelAll() raises the current one and starts a new one, so
    // opens requested afterwards are not cancelled by it.
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    int pending = 0; // touched on the loader's thread only
};

DocumentLoader::DocumentLoader(QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->pool.setMaxThreadCount(2); // a LibreOffice conversion must not hold up opening a PDF
}

DocumentLoader::~DocumentLoader()
{
    d->cancel->store(true);
    d->pool.waitForDone();
    // Results posted to this object and not yet delivered die with it (Qt drops posted events).
}

void DocumentLoader::open(const QString &path, const QString &password)
{
    ++d->pending;
    const std::shared_ptr<std::atomic_bool> cancel = d->cancel;
    d->pool.start([this, path, password, cancel] {
        OpenOptions options;
        options.password = password;
        options.cancel = cancel.get();
        options.progress = [this, path](const QString &stage) {
            QMetaObject::invokeMethod(this, [this, path, stage] { emit progress(path, stage); }, Qt::QueuedConnection);
        };
        OpenResult result;
        if (!cancel->load()) // queued behind other opens and cancelled meanwhile: skip the work
            result = openDocument(path, options);
        QMetaObject::invokeMethod(this, [this, path, result, cancel] {
            --d->pending;
            if (cancel->load())
                return; // cancelAll() was called: the caller no longer wants this document
            switch (result.error) {
            case OpenError::None:
                emit opened(path, result.document);
                break;
            case OpenError::PasswordRequired:
            case OpenError::WrongPassword:
                emit passwordRequired(path, result.error == OpenError::WrongPassword);
                break;
            case OpenError::Cancelled:
                break;
            default:
                emit failed(path, result.message);
            }
        }, Qt::QueuedConnection);
    });
}

void DocumentLoader::cancelAll()
{
    d->cancel->store(true);
    d->cancel = std::make_shared<std::atomic_bool>(false);
}

int DocumentLoader::pending() const
{
    return d->pending;
}

} // namespace leopard::viewer
