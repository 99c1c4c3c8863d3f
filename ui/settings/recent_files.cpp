#include "ui/settings/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace leopard::ui::RecentFiles {

namespace {
const char kKey[] = "recentFiles";

void store(const QStringList &files)
{
    QSettings().setValue(kKey, files);
}
} // namespace

QStringList list()
{
    return QSettings().value(kKey).toStringList();
}

void add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = list();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxEntries)
        files.removeLast();
    store(files);
}

void remove(const QString &path)
{
    QStringList files = list();
    if (files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store(files);
}

void clear()
{
    store({});
}

QStringList removeMissing()
{
    QStringList kept, missing;
    for (const QString &f : list())
        (QFileInfo::exists(f) ? kept : missing).push_back(f);
    if (!missing.isEmpty())
        store(kept);
    return missing;
}

} // namespace leopard::ui::RecentFiles
