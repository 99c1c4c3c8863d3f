#pragma once
// One page of one open document: the unit the user checks, the planner plans and the views show.

#include "viewer/document.h"

#include <QVector>

namespace leopard::ui {

struct PageRef {
    viewer::DocumentPtr document;
    int page = -1;

    bool isValid() const { return document && page >= 0 && page < document->pageCount(); }
    bool operator==(const PageRef &o) const { return document == o.document && page == o.page; }
    bool operator!=(const PageRef &o) const { return !(*this == o); }
};

using PageRefList = QVector<PageRef>;

} // namespace leopard::ui
