#include "ui/pages/selection_plan.h"

namespace leopard::ui {

int SelectionPlan::indexOf(const viewer::Document *document, int page) const
{
    for (int i = 0; i < pages.size(); ++i)
        if (pages[i].document.get() == document && pages[i].page == page)
            return i;
    return -1;
}

const leopard::ImagePlan *SelectionPlan::planFor(const viewer::Document *document, int page) const
{
    const int i = indexOf(document, page);
    if (i < 0 || i >= int(plan.images.size()))
        return nullptr;
    return &plan.images[size_t(i)];
}

int SelectionPlan::totalWanted() const
{
    int n = 0;
    for (const leopard::ImagePlan &p : plan.images)
        n += p.wanted;
    return n;
}

int SelectionPlan::totalAllocated() const
{
    int n = 0;
    for (const leopard::ImagePlan &p : plan.images)
        n += p.allocated;
    return n;
}

std::vector<leopard::PixelSize> analysisSizes(const PageRefList &pages, double analysisDpi)
{
    std::vector<leopard::PixelSize> sizes;
    sizes.reserve(size_t(pages.size()));
    for (const PageRef &ref : pages) {
        const QSize px = ref.document->analysisPixelSize(ref.page, analysisDpi);
        sizes.push_back({px.width(), px.height()});
    }
    return sizes;
}

SelectionPlan computeSelectionPlan(const PageRefList &pages, double analysisDpi, const leopard::PlanOptions &options)
{
    SelectionPlan out;
    out.pages = pages;
    out.analysisDpi = analysisDpi;
    if (pages.isEmpty()) {
        out.plan.options = options;
        out.plan.budget = options.maxImages;
        return out;
    }
    out.plan = leopard::planCrops(analysisSizes(pages, analysisDpi), options);
    return out;
}

} // namespace leopard::ui
