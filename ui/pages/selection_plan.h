#pragma once
// The crop plan for the pages currently checked. Which crops a page gets depends on the whole
// selection (the crop budget is 50 - M for M checked pages), so the plan is recomputed on every
// selection change. Planning takes microseconds: it runs on the GUI thread.

#include "inference/planner.h"
#include "ui/pages/page_ref.h"

namespace leopard::ui {

struct SelectionPlan {
    PageRefList pages;      // checked pages in strip order; plan.images[i] belongs to pages[i]
    double analysisDpi = 0;
    leopard::CropPlan plan;

    bool isEmpty() const { return pages.isEmpty(); }
    int indexOf(const viewer::Document *document, int page) const; // -1 when not checked
    const leopard::ImagePlan *planFor(const viewer::Document *document, int page) const;
    int totalWanted() const;      // crops the pages would get without a budget
    int totalAllocated() const;   // crops granted
    // Crops were scaled down to fit a positive budget (with no budget left there is nothing to scale).
    bool budgetScaled() const { return !plan.overLimit && plan.budget > 0 && totalWanted() > totalAllocated(); }
};

// The planner's input for `pages`: each page's analysis pixel size at `analysisDpi`, in order.
std::vector<leopard::PixelSize> analysisSizes(const PageRefList &pages, double analysisDpi);

SelectionPlan computeSelectionPlan(const PageRefList &pages, double analysisDpi,
                                   const leopard::PlanOptions &options = {});

} // namespace leopard::ui
