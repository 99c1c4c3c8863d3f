#pragma once
// "Crop plan" panel: what the model will receive for the checked pages. Per page
// "N images (global + k tiles) · T tokens", the totals "X of 50 images · Y tokens" against the
// budget, and a warning when more than 50 pages are checked (nothing can be sent).
//
// Tests read what it shows through the accessors (the same strings the labels display).

#include "ui/pages/selection_plan.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QListWidget;

namespace leopard::ui {

class PlanPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PlanPanel(QWidget *parent = nullptr);

    void setSelectionPlan(const SelectionPlan &plan);
    const SelectionPlan &selectionPlan() const { return m_plan; }
    void setCurrentPage(const PageRef &page); // highlights its row when it is checked

    QString totalsText() const;        // "X of 50 images · Y tokens"
    QString budgetText() const;        // the budget line under the totals
    QString warningText() const;       // empty when no warning is shown
    QStringList pageLabels() const;    // per checked page, e.g. "sample-report.pdf · p. 3"
    QStringList pageTexts() const;     // per checked page, "N images (global + k tiles) · T tokens"

    // Formatting shared with tooltips elsewhere.
    static QString pageSummary(const leopard::ImagePlan &plan, int tokensPerImage);

signals:
    void pageActivated(const leopard::ui::PageRef &page);

protected:
    void changeEvent(QEvent *event) override; // LanguageChange: the texts again

private:
    SelectionPlan m_plan;
    PageRef m_current;
    QLabel *m_totals;
    QProgressBar *m_meter;
    QLabel *m_budget;
    QLabel *m_warning;
    QListWidget *m_pages;
    QLabel *m_empty;
};

} // namespace leopard::ui
