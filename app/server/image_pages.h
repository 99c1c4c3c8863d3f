#pragma once
// A request's images as the conversation core's PageSource: each distinct image (by content) is a
// one-page "document" named "image:<sha256>", so the worker's feature cache (keyed by document,
// page and crop plan) recognises an image sent again in a later request, and a conversation's
// pages resolve by content exactly as the app's saved conversations do. The analysis size is the
// image's own pixel size, as `leopard-cli ask --images` plans a file; pixels are decoded on the
// model thread when the worker asks (a cache miss).
#include "app/server/request_images.h"
#include "app/server/serve_config.h"
#include "ui/conversation/page_source.h"

#include <QVector>

#include <vector>

namespace leopard::server {

class ImagePages : public ui::PageSource
{
public:
    ImagePages(const std::vector<ChatImage> &images, const ServeLimits &limits);

    static QString fileFor(const QString &sha256) { return QStringLiteral("image:") + sha256; }
    ui::PageKey key(const ChatImage &image) const { return {fileFor(image.sha256), 0}; }

    QList<ui::SessionDocument> openDocuments() const override;
    int pageCount(const QString &file) const override;
    PixelSize analysisSize(const ui::PageKey &page, double dpi) const override;
    AskPage askPage(const ui::PageKey &page, double dpi, const ImagePlan &plan) const override;

private:
    struct Entry {
        QString file, sha256;
        QByteArray bytes;
        PixelSize size;
    };
    const Entry *find(const QString &file) const;
    QVector<Entry> m_entries; // distinct images, in the request's order
    ServeLimits m_limits;
};

} // namespace leopard::server
