#pragma once
// Renders pages on a worker thread pool with a bounded cache (by bytes). Results come back on
// the GUI thread through pageRendered(). Requests for pages scrolled out of view can be dropped.

#include "viewer/document.h"

#include <QObject>

#include <memory>

namespace leopard::viewer {

class PageRenderer : public QObject
{
    Q_OBJECT
public:
    explicit PageRenderer(QObject *parent = nullptr, qint64 cacheBytes = 256LL * 1024 * 1024);
    ~PageRenderer() override; // waits for running renders

    // Returns the cached image at once if there is one; otherwise queues a render (once per
    // key) and returns a null image; pageRendered() follows.
    QImage request(const DocumentPtr &document, int page, double dpi);
    void forget(const Document *document);   // drop cache entries and queued work for a closed document
    qint64 cachedBytes() const;

signals:
    void pageRendered(const leopard::viewer::Document *document, int page, double dpi, const QImage &image);
    void renderFailed(const leopard::viewer::Document *document, int page, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace leopard::viewer
