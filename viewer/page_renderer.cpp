#include "viewer/page_renderer.h"

#include <QCoreApplication>
#include <QCache>
#include <QHash>
#include <QThreadPool>

#include <atomic>
#include <cmath>

namespace leopard::viewer {

namespace {

struct Key {
    const Document *document = nullptr;
    int page = 0;
    qint64 milliDpi = 0; // dpi rounded to 1/1000: 96.0 and 96.0000001 are the same render
    bool operator==(const Key &o) const { return document == o.document && page == o.page && milliDpi == o.milliDpi; }
};

size_t qHash(const Key &k, size_t seed = 0)
{
    return qHashMulti(seed, quintptr(k.document), k.page, k.milliDpi);
}

Key keyFor(const Document *doc, int page, double dpi)
{
    return Key{doc, page, qint64(std::llround(dpi * 1000.0))};
}

} // namespace

struct PageRenderer::Private {
    QThreadPool pool;
    QCache<Key, QImage> cache;          // cost = bytes of the image
    // Renders queued or running, by key; the flag lets forget() and the destructor drop them.
    QHash<Key, std::shared_ptr<std::atomic_bool>> inFlight;
    int nextPriority = 0;
};

PageRenderer::PageRenderer(QObject *parent, qint64 cacheBytes)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->cache.setMaxCost(qsizetype(std::max<qint64>(cacheBytes, 0)));
    // Poppler documents render one page at a time anyway (see PdfDocument); two threads let one
    // document render while another one decodes an image.
    d->pool.setMaxThreadCount(2);
}

PageRenderer::~PageRenderer()
{
    for (const auto &flag : std::as_const(d->inFlight))
        flag->store(true);
    d->pool.clear();       // queued renders never start
    d->pool.waitForDone(); // running ones finish; their results are dropped with this object
}

QImage PageRenderer::request(const DocumentPtr &document, int page, double dpi)
{
    if (!document || page < 0 || page >= document->pageCount() || !(dpi > 0))
        return {};
    const Key key = keyFor(document.get(), page, dpi);
    if (const QImage *hit = d->cache.object(key))
        return *hit;
    if (d->inFlight.contains(key))
        return {}; // already on its way
    auto dropped = std::make_shared<std::atomic_bool>(false);
    d->inFlight.insert(key, dropped);
    // Newest request first: the page the user scrolled to last is the one they are looking at.
    const int priority = ++d->nextPriority;
    d->pool.start([this, document, page, dpi, key, dropped] {
        if (dropped->load())
            return;
        const QImage image = document->renderPage(page, dpi);
        QMetaObject::invokeMethod(this, [this, document, page, dpi, key, dropped, image] {
            const auto it = d->inFlight.constFind(key);
            if (it == d->inFlight.constEnd() || it.value() != dropped)
                return; // forgotten (and maybe requested again) meanwhile
            d->inFlight.erase(it);
            if (image.isNull()) {
                emit renderFailed(document.get(), page,
                                  QCoreApplication::translate("PageRenderer", "Page %1 of %2 could not be drawn.").arg(page + 1).arg(document->displayName()));
                return;
            }
            // An image larger than the whole cache is not kept (QCache refuses it) but still shown.
            d->cache.insert(key, new QImage(image), qsizetype(image.sizeInBytes()));
            emit pageRendered(document.get(), page, dpi, image);
        }, Qt::QueuedConnection);
    }, priority);
    return {};
}

void PageRenderer::forget(const Document *document)
{
    const QList<Key> keys = d->cache.keys();
    for (const Key &k : keys)
        if (k.document == document)
            d->cache.remove(k);
    for (auto it = d->inFlight.begin(); it != d->inFlight.end();) {
        if (it.key().document == document) {
            it.value()->store(true);
            it = d->inFlight.erase(it);
        } else {
            ++it;
        }
    }
}

qint64 PageRenderer::cachedBytes() const
{
    return d->cache.totalCost();
}

} // namespace leopard::viewer
