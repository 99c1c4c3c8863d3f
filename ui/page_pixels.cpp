#include "ui/page_pixels.h"

#include "viewer/model_pixels.h"

namespace leopard::ui {

AskPage makeAskPage(const PageRef &page, double analysisDpi, const ImagePlan &plan)
{
    AskPage p;
    p.documentPath = page.document ? page.document->sourcePath() : QString();
    p.page = page.page;
    p.analysisDpi = analysisDpi;
    p.plan = plan;
    const viewer::DocumentPtr document = page.document;
    const int index = page.page;
    p.render = [document, index, analysisDpi]() -> preprocess::RgbImage {
        if (!document)
            return {};
        return viewer::toModelRgb(document->analysisImage(index, analysisDpi));
    };
    return p;
}

} // namespace leopard::ui
