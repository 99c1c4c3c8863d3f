#pragma once
// File ▸ Open Recent: the last ten documents opened, most recent first, kept in QSettings.

#include <QStringList>

namespace leopard::ui::RecentFiles {

constexpr int kMaxEntries = 10;

QStringList list();
void add(const QString &path);          // moves it to the front, keeps at most kMaxEntries
void remove(const QString &path);
void clear();
QStringList removeMissing();            // drops files that no longer exist; returns them

} // namespace leopard::ui::RecentFiles
