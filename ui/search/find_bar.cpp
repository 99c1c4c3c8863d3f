#include "ui/search/find_bar.h"

#include "ui/chat/chat_panel.h"
#include "ui/pages/page_strip_delegate.h"
#include "ui/pages/page_strip_view.h"
#include "ui/pages/page_view.h"
#include "ui/search/document_index.h"
#include "ui/search/find_session.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace leopard::ui {

namespace {

QIcon icon(const QWidget *w, const char *theme, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(theme), w->style()->standardIcon(fallback));
}

constexpr int kTypingPauseMs = 150; // search once typing pauses, not on every key
constexpr int kResultRows = 8;      // the result list's height, in rows

} // namespace

FindBar::FindBar(FindSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_field(new QLineEdit(this)), m_count(new QLabel(this)),
      m_previous(new QToolButton(this)), m_next(new QToolButton(this)), m_showResults(new QToolButton(this)),
      m_close(new QToolButton(this)), m_results(new QListWidget(this)), m_typing(new QTimer(this)),
      m_findAction(new QAction(this)), m_nextAction(new QAction(this)), m_previousAction(new QAction(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_count->setObjectName(QStringLiteral("findCount"));
    m_results->setObjectName(QStringLiteral("findResults"));
    m_results->setUniformItemSizes(true);
    m_results->setVisible(false);
    m_showResults->setObjectName(QStringLiteral("findShowResults"));
    m_showResults->setCheckable(true);
    m_showResults->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_previous->setIcon(icon(this, "go-up", QStyle::SP_ArrowUp));
    m_next->setIcon(icon(this, "go-down", QStyle::SP_ArrowDown));
    m_close->setIcon(icon(this, "window-close", QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);

    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setIcon(icon(this, "edit-find", QStyle::SP_FileDialogContentsView));
    m_findAction->setShortcut(QKeySequence::Find);
    m_nextAction->setObjectName(QStringLiteral("findNextAction"));
    // F3 / Shift+F3 only: the platform's other keys for these (Ctrl+G) are the crop overlay's here.
    m_nextAction->setShortcut(QKeySequence(Qt::Key_F3));
    m_previousAction->setObjectName(QStringLiteral("findPreviousAction"));
    m_previousAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(6, 4, 6, 4);
    row->addWidget(m_field, 1);
    row->addWidget(m_count);
    row->addWidget(m_previous);
    row->addWidget(m_next);
    row->addWidget(m_showResults);
    row->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(row);
    layout->addWidget(m_results);

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_field, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, [this] { m_session->find(m_field->text()); });
    connect(m_findAction, &QAction::triggered, this, &FindBar::open);
    // F3 with the bar closed opens it on the last search, as browsers and Okular do.
    connect(m_nextAction, &QAction::triggered, this, [this] { isVisible() ? m_session->next() : open(); });
    connect(m_previousAction, &QAction::triggered, this, [this] { isVisible() ? m_session->previous() : open(); });
    connect(m_next, &QToolButton::clicked, m_session, &FindSession::next);
    connect(m_previous, &QToolButton::clicked, m_session, &FindSession::previous);
    connect(m_close, &QToolButton::clicked, this, &FindBar::close);
    connect(m_showResults, &QToolButton::toggled, m_results, &QWidget::setVisible);
    connect(m_results, &QListWidget::currentRowChanged, m_session, &FindSession::setCurrent);
    connect(m_session, &FindSession::finished, this, &FindBar::refreshResults);
    connect(m_session, &FindSession::currentChanged, this, [this](int hit) {
        if (m_results->currentRow() != hit && hit < m_results->count())
            m_results->setCurrentRow(hit);
        refreshCount();
    });
    retranslate();
    refreshResults();
    setVisible(false);
}

void FindBar::open()
{
    const bool wasHidden = !isVisible();
    setVisible(true);
    // The bar lives on the page tab (its parent is the tab's page, inside the tab widget's stack):
    // bring that tab forward when the comparison is showing.
    QWidget *tab = parentWidget();
    if (QWidget *stack = tab ? tab->parentWidget() : nullptr)
        if (auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget()))
            tabs->setCurrentWidget(tab);
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (wasHidden && !m_field->text().isEmpty())
        m_session->find(m_field->text());
}

void FindBar::close()
{
    m_typing->stop();
    m_session->clear();
    setVisible(false);
}

QString FindBar::countText() const
{
    return m_count->text();
}

void FindBar::refreshResults()
{
    const QVector<FindHit> &hits = m_session->hits();
    const QSignalBlocker block(m_results);
    m_results->clear();
    for (const FindHit &h : hits) {
        const QString where = tr("%1 p. %2").arg(QFileInfo(h.path).fileName()).arg(h.match.page + 1);
        auto *item = new QListWidgetItem(where + QStringLiteral("   ") + h.match.snippet, m_results);
        item->setToolTip(h.path);
    }
    m_results->setCurrentRow(m_session->current());
    const int rows = std::min<int>(kResultRows, std::max<int>(1, int(hits.size())));
    m_results->setFixedHeight(rows * std::max(m_results->sizeHintForRow(0), fontMetrics().height() + 4) + 2 * m_results->frameWidth());
    m_showResults->setEnabled(!hits.isEmpty());
    refreshCount();
}

void FindBar::refreshCount()
{
    const int n = int(m_session->hits().size());
    QString text;
    if (m_field->text().trimmed().isEmpty())
        text.clear();
    else if (n == 0)
        text = m_session->unreadDocuments() > 0 ? tr("Not found yet") : tr("Not found");
    else if (m_session->truncated())
        text = tr("%1 of more than %2").arg(m_session->current() + 1).arg(n);
    else
        text = tr("%1 of %2").arg(m_session->current() + 1).arg(n);
    if (m_session->unreadDocuments() > 0 && !text.isEmpty())
        text += QStringLiteral(" · ") + tr("still reading %n document(s)", nullptr, m_session->unreadDocuments());
    m_count->setText(text);
    // The field turns reddish when nothing is found, as in browsers and Okular (a tint of the
    // palette's own base, so it stays legible in the dark scheme).
    if (n == 0 && !text.isEmpty() && m_session->unreadDocuments() == 0 && !m_session->isSearching()) {
        QPalette pal = palette();
        const QColor base = pal.color(QPalette::Base);
        pal.setColor(QPalette::Base, QColor((base.red() * 3 + 255) / 4, base.green() * 3 / 4, base.blue() * 3 / 4));
        m_field->setPalette(pal);
    } else {
        m_field->setPalette(QPalette()); // inherited again
    }
    m_previous->setEnabled(n > 1);
    m_next->setEnabled(n > 1);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_typing->isActive()) { // Enter before the pause: search now, the first hit is shown
                m_typing->stop();
                m_session->find(m_field->text());
            } else if (key->modifiers() & Qt::ShiftModifier) {
                m_session->previous();
            } else {
                m_session->next();
            }
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FindBar::retranslate()
{
    m_field->setPlaceholderText(tr("Find in the open documents (case and accents ignored)"));
    m_field->setAccessibleName(tr("Text to find"));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setAccessibleName(tr("Previous match"));
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setAccessibleName(tr("Next match"));
    m_results->setAccessibleName(tr("Matches"));
    m_count->setAccessibleName(tr("Match count"));
    m_showResults->setText(tr("Results"));
    m_showResults->setToolTip(tr("List every match with its page"));
    m_close->setToolTip(tr("Close the find bar (Esc)"));
    m_close->setAccessibleName(tr("Close the find bar"));
    m_findAction->setText(tr("&Find…"));
    m_nextAction->setText(tr("Find &Next"));
    m_previousAction->setText(tr("Find Pre&vious"));
    refreshCount();
}

FindBar *installFind(MainWindow *window)
{
    auto *session = new FindSession(window->chatPanel()->documentIndex(), window);
    // The central area becomes the bar over the page view.
    auto *area = new QWidget(window);
    area->setObjectName(QStringLiteral("pageArea"));
    QWidget *page = window->takeCentralWidget();
    auto *bar = new FindBar(session, area);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(page, 1);
    window->setCentralWidget(area);

    QMenu *edit = window->editMenu();
    if (!edit->isEmpty())
        edit->addSeparator();
    edit->addAction(bar->findAction());
    edit->addAction(bar->nextAction());
    edit->addAction(bar->previousAction());
    for (QAction *a : {bar->findAction(), bar->nextAction(), bar->previousAction()})
        window->addAction(a); // the shortcuts work wherever the focus is

    PageView *view = window->pageView();
    PageStripView *strip = window->pageStripView();
    strip->stripDelegate()->setFindMarks(&session->hitsPerPage());
    // The shown page's hits, boxed; the current hit's outlined.
    auto boxPage = [session, view] {
        const PageRef shown = view->page();
        QVector<QRectF> boxes, current;
        for (const int i : session->hitsOn(shown.document.get(), shown.page))
            (i == session->current() ? current : boxes) += session->hits()[i].match.boxes;
        view->setFindBoxes(boxes, current);
    };
    QObject::connect(view, &PageView::pageShown, session, boxPage);
    QObject::connect(session, &FindSession::finished, strip, [strip] { strip->viewport()->update(); });
    QObject::connect(session, &FindSession::currentChanged, window, [window, session, view, boxPage](int hit) {
        if (hit >= 0) {
            const FindHit &h = session->hits()[hit];
            if (view->page().document != h.document || view->page().page != h.match.page)
                window->showPage({h.document, h.match.page});
        }
        boxPage();
        if (hit >= 0 && !session->hits()[hit].match.boxes.isEmpty()) {
            QRectF united;
            for (const QRectF &b : session->hits()[hit].match.boxes)
                united = united.united(b);
            view->ensureVisible(united);
        }
    });
    return bar;
}

} // namespace leopard::ui
