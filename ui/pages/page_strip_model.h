#pragma once
// The page strip's model and the one source of truth for the page selection: every page of every
// open document, grouped by document (one header row, then one row per page), each page with its
// "checked for the question" state. The order of rows is the order the model receives the pages.

#include "ui/pages/page_ref.h"

#include <QAbstractListModel>

namespace leopard::ui {

class PageStripModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum RowKind { HeaderRow, PageRow };
    enum Roles {
        RowKindRole = Qt::UserRole + 1, // RowKind
        PageNumberRole,                 // 0-based page index (page rows), -1 on headers
        PageSizePointsRole,             // QSizeF (page rows)
        PageCountRole,                  // pages in the row's document
        CheckedCountRole,               // checked pages in the row's document
    };

    explicit PageStripModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Page rows drag out as pages (compare_mime.h): the compare view takes them, other programs get the file.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    // Documents
    void addDocument(const viewer::DocumentPtr &document);
    // Inserts before the document at `position` (0..documentCount()); appends when out of range.
    void insertDocument(int position, const viewer::DocumentPtr &document);
    int documentCount() const { return int(m_entries.size()); }
    bool removeDocument(const viewer::Document *document);
    QVector<viewer::DocumentPtr> documents() const;
    viewer::DocumentPtr findDocument(const QString &sourcePath) const;
    viewer::DocumentPtr documentAt(const QModelIndex &index) const;
    bool isHeader(const QModelIndex &index) const;
    PageRef pageAt(const QModelIndex &index) const;   // invalid PageRef on header rows
    QModelIndex headerIndex(const viewer::Document *document) const;
    QModelIndex pageIndex(const viewer::Document *document, int page) const;

    // Selection (checked pages)
    bool isChecked(const viewer::Document *document, int page) const;
    void setPageChecked(const viewer::Document *document, int page, bool checked);
    void setPagesChecked(const viewer::Document *document, const QVector<int> &pages, bool checked);
    void setDocumentChecked(const viewer::Document *document, bool checked); // check all / none
    void clearChecks();
    PageRefList checkedPages() const; // in strip order
    int checkedCount() const;
    int checkedCount(const viewer::Document *document) const;

signals:
    void checkedPagesChanged();
    void documentAdded(const leopard::viewer::DocumentPtr &document);
    void documentRemoved(const leopard::viewer::Document *document);

private:
    struct Entry {
        viewer::DocumentPtr document;
        QVector<bool> checked;
        int checkedCount = 0;
    };
    int entryOf(const viewer::Document *document) const;
    int firstRowOf(int entry) const;
    bool locate(int row, int *entry, int *page) const; // page = -1 for a header row
    bool applyChecks(int entry, const QVector<int> &pages, bool checked); // no signals for the whole

    QVector<Entry> m_entries;
};

} // namespace leopard::ui
