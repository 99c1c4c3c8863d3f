#pragma once
// Opening any supported file as a Document. openDocument() blocks (it may run LibreOffice for a
// minute), so the GUI calls it through DocumentLoader on a worker thread.

#include "viewer/document.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace leopard::viewer {

struct OpenOptions {
    QString password;                 // for encrypted PDFs
    int conversionTimeoutMs = 120000; // LibreOffice time limit per deck
    QString cacheDir;                 // converted decks; empty = QStandardPaths::CacheLocation + "/slides"
    QString sofficePath;              // empty = look up soffice/libreoffice on PATH
    const std::atomic_bool *cancel = nullptr;            // set to abandon a conversion
    std::function<void(const QString &stage)> progress;  // human-readable stage, e.g. "Converting deck.pptx with LibreOffice…"
};

enum class OpenError { None, NotFound, Unsupported, PasswordRequired, WrongPassword, Corrupt, ConverterMissing, ConversionFailed, TimedOut, Cancelled };

struct OpenResult {
    DocumentPtr document;       // set on success
    OpenError error = OpenError::None;
    QString message;            // names the file and what is wrong; empty on success
    bool ok() const { return document != nullptr; }
};

// File dialog filter and drop check.
QStringList supportedSuffixes();               // lower-case, without dot: pdf, pptx, ppt, odp, key, png, jpg, ...
bool isSupportedFile(const QString &path);
QString fileDialogFilter();

OpenResult openDocument(const QString &path, const OpenOptions &options = {});

// Runs openDocument() on a worker thread and reports back on the GUI thread.
class DocumentLoader : public QObject
{
    Q_OBJECT
public:
    explicit DocumentLoader(QObject *parent = nullptr);
    ~DocumentLoader() override;             // cancels and waits for running opens

    void open(const QString &path, const QString &password = {});
    // Stops running conversions and drops every open requested so far: they report nothing
    // (pending() still counts them down). Opens requested afterwards are not affected.
    void cancelAll();
    int pending() const;    // opens requested and not yet reported (or dropped)

signals:
    void progress(const QString &path, const QString &stage);
    void opened(const QString &path, leopard::viewer::DocumentPtr document);
    void passwordRequired(const QString &path, bool wrongPassword);
    void failed(const QString &path, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace leopard::viewer
