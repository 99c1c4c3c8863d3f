#include "ui/pages/page_strip_model.h"

#include "ui/compare/compare_mime.h"

#include <QSizeF>

namespace leopard::ui {

PageStripModel::PageStripModel(QObject *parent) : QAbstractListModel(parent) {}

int PageStripModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int rows = 0;
    for (const Entry &e : m_entries)
        rows += 1 + e.document->pageCount();
    return rows;
}

int PageStripModel::entryOf(const viewer::Document *document) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].document.get() == document)
            return i;
    return -1;
}

int PageStripModel::firstRowOf(int entry) const
{
    int row = 0;
    for (int i = 0; i < entry; ++i)
        row += 1 + m_entries[i].document->pageCount();
    return row;
}

bool PageStripModel::locate(int row, int *entry, int *page) const
{
    if (row < 0)
        return false;
    for (int i = 0; i < m_entries.size(); ++i) {
        const int span = 1 + m_entries[i].document->pageCount();
        if (row < span) {
            *entry = i;
            *page = row - 1;
            return true;
        }
        row -= span;
    }
    return false;
}

QVariant PageStripModel::data(const QModelIndex &index, int role) const
{
    int entry = -1, page = -1;
    if (!index.isValid() || !locate(index.row(), &entry, &page))
        return {};
    const Entry &e = m_entries[entry];
    const int pageCount = e.document->pageCount();
    switch (role) {
    case RowKindRole:
        return page < 0 ? HeaderRow : PageRow;
    case PageNumberRole:
        return page;
    case PageCountRole:
        return pageCount;
    case CheckedCountRole:
        return e.checkedCount;
    case PageSizePointsRole:
        return page < 0 ? QVariant() : QVariant(e.document->pageSizePoints(page));
    case Qt::DisplayRole:
        if (page < 0)
            return e.document->displayName();
        return tr("Page %1").arg(page + 1);
    case Qt::ToolTipRole:
        if (page < 0)
            return e.document->sourcePath();
        return tr("%1, page %2 of %3").arg(e.document->displayName()).arg(page + 1).arg(pageCount);
    case Qt::AccessibleTextRole:
        if (page < 0)
            return tr("%1: %n page(s), %2 checked", nullptr, pageCount).arg(e.document->displayName()).arg(e.checkedCount);
        return tr("%1, page %2").arg(e.document->displayName()).arg(page + 1);
    case Qt::CheckStateRole:
        if (page >= 0)
            return e.checked[page] ? Qt::Checked : Qt::Unchecked;
        if (e.checkedCount == 0)
            return Qt::Unchecked;
        return e.checkedCount == pageCount ? Qt::Checked : Qt::PartiallyChecked;
    default:
        return {};
    }
}

bool PageStripModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    int entry = -1, page = -1;
    if (role != Qt::CheckStateRole || !index.isValid() || !locate(index.row(), &entry, &page))
        return false;
    const bool checked = value.toInt() != Qt::Unchecked;
    if (page < 0)
        setDocumentChecked(m_entries[entry].document.get(), checked);
    else
        setPageChecked(m_entries[entry].document.get(), page, checked);
    return true;
}

Qt::ItemFlags PageStripModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsUserCheckable;
    if (!isHeader(index))
        f |= Qt::ItemIsSelectable | Qt::ItemNeverHasChildren | Qt::ItemIsDragEnabled;
    else
        f |= Qt::ItemIsAutoTristate;
    return f;
}

QStringList PageStripModel::mimeTypes() const
{
    return {kPageMimeType, QStringLiteral("text/uri-list"), QStringLiteral("text/plain")};
}

QMimeData *PageStripModel::mimeData(const QModelIndexList &indexes) const
{
    PageRefList pages;
    for (const QModelIndex &index : indexes) {
        const PageRef ref = pageAt(index);
        if (ref.document && !pages.contains(ref))
            pages << ref;
    }
    return pageMimeData(pages);
}

Qt::DropActions PageStripModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

void PageStripModel::addDocument(const viewer::DocumentPtr &document)
{
    insertDocument(documentCount(), document);
}

void PageStripModel::insertDocument(int position, const viewer::DocumentPtr &document)
{
    if (!document || entryOf(document.get()) >= 0)
        return;
    if (position < 0 || position > documentCount())
        position = documentCount();
    const int first = position == documentCount() ? rowCount() : firstRowOf(position);
    beginInsertRows({}, first, first + document->pageCount());
    Entry e;
    e.document = document;
    e.checked = QVector<bool>(document->pageCount(), false);
    m_entries.insert(position, e);
    endInsertRows();
    emit documentAdded(document);
}

bool PageStripModel::removeDocument(const viewer::Document *document)
{
    const int entry = entryOf(document);
    if (entry < 0)
        return false;
    const int first = firstRowOf(entry);
    const bool hadChecks = m_entries[entry].checkedCount > 0;
    beginRemoveRows({}, first, first + m_entries[entry].document->pageCount());
    const viewer::DocumentPtr keepAlive = m_entries[entry].document; // outlives the signals below
    m_entries.removeAt(entry);
    endRemoveRows();
    emit documentRemoved(keepAlive.get());
    if (hadChecks)
        emit checkedPagesChanged();
    return true;
}

QVector<viewer::DocumentPtr> PageStripModel::documents() const
{
    QVector<viewer::DocumentPtr> out;
    for (const Entry &e : m_entries)
        out.push_back(e.document);
    return out;
}

viewer::DocumentPtr PageStripModel::findDocument(const QString &sourcePath) const
{
    for (const Entry &e : m_entries)
        if (e.document->sourcePath() == sourcePath)
            return e.document;
    return {};
}

viewer::DocumentPtr PageStripModel::documentAt(const QModelIndex &index) const
{
    int entry = -1, page = -1;
    if (!index.isValid() || !locate(index.row(), &entry, &page))
        return {};
    return m_entries[entry].document;
}

bool PageStripModel::isHeader(const QModelIndex &index) const
{
    int entry = -1, page = -1;
    return index.isValid() && locate(index.row(), &entry, &page) && page < 0;
}

PageRef PageStripModel::pageAt(const QModelIndex &index) const
{
    int entry = -1, page = -1;
    if (!index.isValid() || !locate(index.row(), &entry, &page) || page < 0)
        return {};
    return {m_entries[entry].document, page};
}

QModelIndex PageStripModel::headerIndex(const viewer::Document *document) const
{
    const int entry = entryOf(document);
    return entry < 0 ? QModelIndex() : index(firstRowOf(entry));
}

QModelIndex PageStripModel::pageIndex(const viewer::Document *document, int page) const
{
    const int entry = entryOf(document);
    if (entry < 0 || page < 0 || page >= m_entries[entry].document->pageCount())
        return {};
    return index(firstRowOf(entry) + 1 + page);
}

bool PageStripModel::isChecked(const viewer::Document *document, int page) const
{
    const int entry = entryOf(document);
    if (entry < 0 || page < 0 || page >= m_entries[entry].checked.size())
        return false;
    return m_entries[entry].checked[page];
}

bool PageStripModel::applyChecks(int entry, const QVector<int> &pages, bool checked)
{
    Entry &e = m_entries[entry];
    const int first = firstRowOf(entry);
    int lo = -1, hi = -1;
    for (int page : pages) {
        if (page < 0 || page >= e.checked.size() || e.checked[page] == checked)
            continue;
        e.checked[page] = checked;
        e.checkedCount += checked ? 1 : -1;
        lo = lo < 0 ? page : qMin(lo, page);
        hi = qMax(hi, page);
    }
    if (lo < 0)
        return false;
    const QVector<int> roles{Qt::CheckStateRole, CheckedCountRole};
    emit dataChanged(index(first), index(first), roles); // the header's tri-state and count
    emit dataChanged(index(first + 1 + lo), index(first + 1 + hi), roles);
    return true;
}

void PageStripModel::setPageChecked(const viewer::Document *document, int page, bool checked)
{
    setPagesChecked(document, {page}, checked);
}

void PageStripModel::setPagesChecked(const viewer::Document *document, const QVector<int> &pages, bool checked)
{
    const int entry = entryOf(document);
    if (entry >= 0 && applyChecks(entry, pages, checked))
        emit checkedPagesChanged();
}

void PageStripModel::setDocumentChecked(const viewer::Document *document, bool checked)
{
    const int entry = entryOf(document);
    if (entry < 0)
        return;
    QVector<int> all(m_entries[entry].document->pageCount());
    for (int i = 0; i < all.size(); ++i)
        all[i] = i;
    if (applyChecks(entry, all, checked))
        emit checkedPagesChanged();
}

void PageStripModel::clearChecks()
{
    bool changed = false;
    for (int entry = 0; entry < m_entries.size(); ++entry) {
        QVector<int> all(m_entries[entry].document->pageCount());
        for (int i = 0; i < all.size(); ++i)
            all[i] = i;
        changed = applyChecks(entry, all, false) || changed;
    }
    if (changed)
        emit checkedPagesChanged();
}

PageRefList PageStripModel::checkedPages() const
{
    PageRefList out;
    for (const Entry &e : m_entries)
        for (int page = 0; page < e.checked.size(); ++page)
            if (e.checked[page])
                out.push_back({e.document, page});
    return out;
}

int PageStripModel::checkedCount() const
{
    int n = 0;
    for (const Entry &e : m_entries)
        n += e.checkedCount;
    return n;
}

int PageStripModel::checkedCount(const viewer::Document *document) const
{
    const int entry = entryOf(document);
    return entry < 0 ? 0 : m_entries[entry].checkedCount;
}

} // namespace leopard::ui
