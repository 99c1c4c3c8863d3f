#pragma once
// Slide decks (pptx, ppt, odp, key) become PDFs through LibreOffice in headless mode. Results are
// cached by the SHA-256 of the deck's bytes, so opening the same deck again needs no conversion
// and a changed deck is converted afresh.

#include "viewer/document_opener.h"

namespace leopard::viewer {

struct ConversionResult {
    QString pdfPath;                 // the cached PDF, on success
    OpenError error = OpenError::None;
    QString message;
    bool fromCache = false;
};

// Where converted decks go when OpenOptions::cacheDir is empty.
QString defaultSlideCacheDir();
// The cache file a deck with these bytes maps to (empty when the deck cannot be read).
QString cachedPdfPathFor(const QString &deckPath, const QString &cacheDir);
// soffice/libreoffice on PATH, or `explicitPath` when given; empty when not found.
QString findSoffice(const QString &explicitPath);

ConversionResult convertDeckToPdf(const QString &deckPath, const OpenOptions &options);

} // namespace leopard::viewer
