#include "ui/compare/compare_mime.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QUrl>

namespace leopard::ui {

QMimeData *pageMimeData(const PageRefList &pages)
{
    auto *mime = new QMimeData;
    QJsonArray list;
    QList<QUrl> urls;
    QStringList lines;
    for (const PageRef &p : pages) {
        if (!p.isValid())
            continue;
        const QString path = QFileInfo(p.document->sourcePath()).absoluteFilePath();
        list.append(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("page"), p.page + 1}});
        const QUrl url = QUrl::fromLocalFile(path);
        if (!urls.contains(url))
            urls << url;
        lines << QStringLiteral("%1 p. %2").arg(p.document->displayName()).arg(p.page + 1);
    }
    mime->setData(kPageMimeType, QJsonDocument(list).toJson(QJsonDocument::Compact));
    mime->setUrls(urls);
    mime->setText(lines.join(QLatin1Char('\n')));
    return mime;
}

QList<SessionPageRef> pagesFromMimeData(const QMimeData *mime)
{
    QList<SessionPageRef> out;
    if (!mime || !mime->hasFormat(kPageMimeType))
        return out;
    const QJsonDocument doc = QJsonDocument::fromJson(mime->data(kPageMimeType));
    if (!doc.isArray())
        return out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        const QString file = o.value(QStringLiteral("file")).toString();
        const int page = o.value(QStringLiteral("page")).toInt(0);
        if (file.isEmpty() || page < 1)
            continue;
        out << SessionPageRef{file, page};
    }
    return out;
}

QStringList localFilesFromMimeData(const QMimeData *mime, QStringList *remote)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
        else if (remote)
            *remote << url.toDisplayString();
    }
    return files;
}

} // namespace leopard::ui
