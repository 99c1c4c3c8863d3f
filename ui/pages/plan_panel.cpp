#include "ui/pages/plan_panel.h"

#include "ui/settings/color_scheme.h"

#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QListWidget>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {
enum { LabelRole = Qt::UserRole + 1, SummaryRole };
}

PlanPanel::PlanPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("planPanel"));
    setAccessibleName(tr("Crop plan"));
    setAccessibleDescription(tr("How the model will cut the checked pages into crops, and the images and tokens they use"));

    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("planTotalsLabel"));
    m_totals->setAccessibleName(tr("Plan totals"));
    QFont big = m_totals->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_totals->setFont(big);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_meter = new QProgressBar(this);
    m_meter->setObjectName(QStringLiteral("planImagesMeter"));
    m_meter->setAccessibleName(tr("Model images used"));
    m_meter->setTextVisible(false);
    m_meter->setMaximumHeight(10);

    m_budget = new QLabel(this);
    m_budget->setObjectName(QStringLiteral("planBudgetLabel"));
    m_budget->setAccessibleName(tr("Crop budget"));
    m_budget->setWordWrap(true);

    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("planWarningLabel"));
    m_warning->setAccessibleName(tr("Plan warning"));
    m_warning->setWordWrap(true);
    setNoticeStyle(m_warning, NoticeKind::Warning);
    m_warning->hide();

    m_pages = new QListWidget(this);
    m_pages->setObjectName(QStringLiteral("planPagesList"));
    m_pages->setAccessibleName(tr("Model input per checked page"));
    m_pages->setAlternatingRowColors(true);
    m_pages->setWordWrap(true);
    m_pages->setTextElideMode(Qt::ElideMiddle);
    m_pages->setStyleSheet(QStringLiteral("QListWidget::item { padding: 3px 2px; }"));
    connect(m_pages, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int i = m_pages->row(item);
        if (i >= 0 && i < m_plan.pages.size())
            emit pageActivated(m_plan.pages[i]);
    });
    connect(m_pages, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int i = m_pages->row(item);
        if (i >= 0 && i < m_plan.pages.size())
            emit pageActivated(m_plan.pages[i]);
    });

    m_empty = new QLabel(tr("Check pages in the page strip to see how the model will read them."), this);
    m_empty->setObjectName(QStringLiteral("planEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    setDimmedText(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_totals);
    layout->addWidget(m_meter);
    layout->addWidget(m_budget);
    layout->addWidget(m_warning);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_empty, 1);

    setSelectionPlan({});
}

QString PlanPanel::pageSummary(const leopard::ImagePlan &plan, int tokensPerImage)
{
    const int tokens = plan.modelImages() * tokensPerImage;
    if (plan.tiles() == 0)
        return tr("1 image (global view only) · %1 tokens").arg(tokens);
    return tr("%1 images (global + %n tile(s)) · %2 tokens", nullptr, plan.tiles()).arg(plan.modelImages()).arg(tokens);
}

void PlanPanel::setSelectionPlan(const SelectionPlan &plan)
{
    m_plan = plan;
    const leopard::CropPlan &cp = plan.plan;
    const int maxImages = cp.options.maxImages;
    const int m = plan.pages.size();
    const int images = plan.isEmpty() ? 0 : cp.totalModelImages();
    const int tokens = plan.isEmpty() ? 0 : cp.totalTokens();

    m_totals->setText(tr("%1 of %2 images · %3 tokens").arg(images).arg(maxImages).arg(tokens));
    m_meter->setRange(0, maxImages);
    m_meter->setValue(qMin(images, maxImages));

    if (plan.isEmpty()) {
        m_budget->setText(tr("No pages checked."));
    } else if (cp.overLimit) {
        m_budget->setText(tr("%1 pages checked, %2 allowed.").arg(m).arg(maxImages));
    } else {
        QString text = tr("%n page(s) checked", nullptr, m)
                       + QStringLiteral(" · ") + tr("crop budget %1 − %2 = %3").arg(maxImages).arg(m).arg(cp.budget);
        if (plan.budgetScaled())
            text += QLatin1Char('\n') + tr("The pages want %1 crops; scaled down to %2 to fit the budget.")
                                            .arg(plan.totalWanted())
                                            .arg(plan.totalAllocated());
        else if (cp.budget <= 0)
            text += QLatin1Char('\n') + tr("No budget left for crops: each page is sent as one global view.");
        m_budget->setText(text);
    }

    if (cp.overLimit && !plan.isEmpty()) {
        m_warning->setText(tr("<b>Too many pages: %1 checked.</b> The model takes at most %2 images, so nothing will be "
                              "sent. Uncheck %n page(s).", nullptr, m - maxImages)
                               .arg(m)
                               .arg(maxImages));
        m_warning->show();
    } else {
        m_warning->clear();
        m_warning->hide();
    }

    m_pages->clear();
    for (int i = 0; i < m && i < int(cp.images.size()); ++i) {
        const PageRef &ref = plan.pages[i];
        const leopard::ImagePlan &ip = cp.images[size_t(i)];
        const QString label = tr("%1 · p. %2").arg(ref.document->displayName()).arg(ref.page + 1);
        const QString summary = pageSummary(ip, cp.options.tokensPerImage);
        auto *item = new QListWidgetItem(label + QLatin1Char('\n') + summary, m_pages);
        item->setData(LabelRole, label);
        item->setData(SummaryRole, summary);
        QString tip = tr("Analysis image %1 × %2 px").arg(ip.original.width).arg(ip.original.height);
        if (ip.tiles() > 0)
            tip += QLatin1Char('\n') + tr("Grid %1 × %2 on a %3 × %4 canvas (page resized to %5 × %6)")
                                           .arg(ip.gridCols).arg(ip.gridRows)
                                           .arg(ip.canvas.width).arg(ip.canvas.height)
                                           .arg(ip.resized.width).arg(ip.resized.height);
        tip += QLatin1Char('\n') + tr("Wanted %1 crops, granted %2").arg(ip.wanted).arg(ip.allocated);
        item->setToolTip(tip);
    }
    setCurrentPage(m_current);
    m_pages->setVisible(!plan.isEmpty());
    m_empty->setVisible(plan.isEmpty());
}

void PlanPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Crop plan"));
        m_totals->setAccessibleName(tr("Plan totals"));
        m_meter->setAccessibleName(tr("Model images used"));
        m_budget->setAccessibleName(tr("Crop budget"));
        m_warning->setAccessibleName(tr("Plan warning"));
        m_pages->setAccessibleName(tr("Model input per checked page"));
        m_empty->setText(tr("Check pages in the page strip to see how the model will read them."));
        setSelectionPlan(SelectionPlan(m_plan)); // totals, budget, warning and rows in the new language
    }
    QWidget::changeEvent(event);
}

void PlanPanel::setCurrentPage(const PageRef &page)
{
    m_current = page;
    const int row = page.document ? m_plan.indexOf(page.document.get(), page.page) : -1;
    const QSignalBlocker block(m_pages);
    if (row < 0) {
        m_pages->clearSelection();
        m_pages->setCurrentRow(-1);
        return;
    }
    m_pages->setCurrentRow(row);
    m_pages->scrollToItem(m_pages->item(row));
}

QString PlanPanel::totalsText() const
{
    return m_totals->text();
}

QString PlanPanel::budgetText() const
{
    return m_budget->text();
}

QString PlanPanel::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

QStringList PlanPanel::pageLabels() const
{
    QStringList out;
    for (int i = 0; i < m_pages->count(); ++i)
        out << m_pages->item(i)->data(LabelRole).toString();
    return out;
}

QStringList PlanPanel::pageTexts() const
{
    QStringList out;
    for (int i = 0; i < m_pages->count(); ++i)
        out << m_pages->item(i)->data(SummaryRole).toString();
    return out;
}

} // namespace leopard::ui
