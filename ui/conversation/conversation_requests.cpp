// What the next question is (new conversation, follow-up, follow-up adding pages, or a fresh start
// when the saved turns cannot be continued exactly) and the AskRequest it becomes.
#include "ui/conversation/conversation_core.h"

#include <QFileInfo>

#include <algorithm>

namespace leopard::ui {

// The turns a follow-up continues, as the worker replays them, or why they cannot be.
struct ConversationCore::History {
    std::vector<AskHistoryTurn> turns;
    QString blocker;   // empty: the conversation can be continued exactly
    int modelImages = 0;
};

namespace {

QString fileName(const QString &path) { return QFileInfo(path).fileName(); }

std::vector<PixelSize> sizesOf(const PageSource *source, const PageKeyList &pages, double dpi)
{
    std::vector<PixelSize> sizes;
    for (const PageKey &p : pages)
        sizes.push_back(source->analysisSize(p, dpi));
    return sizes;
}

} // namespace

ConversationCore::History ConversationCore::history() const
{
    History h;
    const QList<SessionTurn> &turns = m_saved.turns;
    if (turns.isEmpty() || !m_source)
        return h;
    // The context began at the last turn that started the model afresh (the first turn did).
    int start = int(turns.size()) - 1;
    while (start > 0 && !turns[start].freshContext)
        --start;
    for (int i = start; i < int(turns.size()); ++i) {
        const SessionTurn &t = turns[i];
        const bool last = i == int(turns.size()) - 1;
        if (!t.error.isEmpty()) {
            h.blocker = last ? tr("The last answer failed.") : tr("An earlier answer failed.");
            return h;
        }
        if (!t.hasModelIds()) {
            if (m_saved.format < 2)
                h.blocker = tr("This conversation was saved by an earlier version of Leopard Desk, without the model's token ids.");
            else if (t.stopped)
                h.blocker = tr("An answer was stopped before the model started on it.");
            else if (t.state == TurnState::Interrupted)
                h.blocker = tr("An answer was cut short when Leopard Desk stopped.");
            else
                h.blocker = tr("Turn %1 was saved without the model's token ids.").arg(i + 1);
            return h;
        }
        AskHistoryTurn ht;
        ht.promptIds = t.promptIds;
        ht.generatedIds = t.generatedIds;
        ht.maxNewTokens = t.settings.maxNewTokens;
        if (m_vocabularySize > 0) {
            for (const auto *ids : {&t.promptIds, &t.generatedIds})
                for (std::int32_t id : *ids)
                    if (id >= m_vocabularySize) {
                        h.blocker = tr("Turn %1 holds token id %2, outside this model's vocabulary of %3 ids.")
                                        .arg(i + 1).arg(id).arg(m_vocabularySize);
                        return h;
                    }
        }
        for (const SessionModelPage &mp : t.modelPages) {
            bool sameContent = false;
            const PageKey key = resolve(mp.page, &sameContent);
            if (!key.isValid()) {
                h.blocker = tr("%1 is not open (page %2 of the conversation).").arg(fileName(mp.page.file)).arg(mp.page.page);
                return h;
            }
            if (!sameContent) {
                h.blocker = tr("%1 has changed since this conversation (its content differs).").arg(fileName(key.file));
                return h;
            }
            const PixelSize now = m_source->analysisSize(key, t.settings.analysisDpi);
            if (now.width != mp.plan.original.width || now.height != mp.plan.original.height) {
                h.blocker = tr("Page %1 of %2 now renders at %3 × %4 pixels, not the %5 × %6 it had.")
                                .arg(mp.page.page).arg(fileName(key.file)).arg(now.width).arg(now.height)
                                .arg(mp.plan.original.width).arg(mp.plan.original.height);
                return h;
            }
            ht.pages.push_back(askPage(key, t.settings.analysisDpi, mp.plan));
            h.modelImages += mp.plan.modelImages();
        }
        h.turns.push_back(std::move(ht));
    }
    return h;
}

ConversationCore::Outlook ConversationCore::outlook(const PageKeyList &checked) const
{
    Outlook o;
    if (!m_saved.turns.isEmpty()) {
        for (const SessionPageRef &r : m_saved.turns.last().pages) {
            const PageKey key = resolve(r);
            if (key.isValid() && !o.pages.contains(key))
                o.pages << key;
            else if (!key.isValid())
                ++o.missingPages;
        }
    }
    for (const PageKey &p : checked)
        if (!o.pages.contains(p) && !o.toAdd.contains(p))
            o.toAdd << p;
    // A conversation without pages (a text-only question from leopard-cli) goes on as one too.
    const bool hadPages = !m_saved.turns.isEmpty() && !m_saved.turns.last().pages.isEmpty();
    if (!m_saved.turns.isEmpty() && (!o.pages.isEmpty() || !hadPages)) {
        o.inConversation = true;
        const History h = history();
        o.exact = h.blocker.isEmpty() && !h.turns.empty();
        o.afreshReason = h.blocker;
        o.modelImages = h.modelImages;
        o.replays = o.exact && m_restored;
    }
    return o;
}

ConversationCore::Started ConversationCore::ask(const QString &questionIn, const PageKeyList &checked, Mode mode,
                                                const AskSettings &settings)
{
    Started refused;
    const QString question = questionIn.trimmed();
    if (m_answering)
        refused.error = tr("The model is answering.");
    else if (!m_source)
        refused.error = tr("No documents are open.");
    else if (question.isEmpty())
        refused.error = tr("Type a question.");
    if (!refused.ok())
        return refused;
    const Outlook o = outlook(checked);
    if (mode == Mode::Auto) {
        if (o.inConversation && !o.toAdd.isEmpty()) {
            refused.error = tr("The checked pages differ from this conversation's: add them to it, or start a new conversation.");
            return refused;
        }
        mode = o.inConversation ? Mode::AddPages : Mode::NewConversation;
    }
    if (mode == Mode::AddPages && !o.inConversation)
        mode = Mode::NewConversation;
    if (mode == Mode::NewConversation)
        return askAbout(checked, question, settings);

    const double dpi = settings.generation.analysisDpi;
    if (!o.exact)
        return startFresh(question, o.pages, o.toAdd, settings, o.afreshReason);

    // A follow-up; with new pages their images go into this turn, planned within what the
    // conversation has left of the model's 50 images.
    const History h = history();
    AskRequest request;
    request.question = question;
    request.followUp = true;
    request.history = h.turns;
    SessionTurn turn;
    turn.question = question;
    if (!o.toAdd.isEmpty()) {
        PlanOptions options = settings.plan;
        options.maxImages = std::max(int(o.toAdd.size()), settings.plan.maxImages - h.modelImages);
        const CropPlan plan = planCrops(sizesOf(m_source, o.toAdd, dpi), options);
        for (int i = 0; i < o.toAdd.size(); ++i) {
            request.newPages.push_back(askPage(o.toAdd[i], dpi, plan.images[std::size_t(i)]));
            turn.modelPages.append({ref(o.toAdd[i]), plan.images[std::size_t(i)]});
            turn.addedPages << ref(o.toAdd[i]);
        }
    }
    for (const PageKey &p : o.pages + o.toAdd)
        turn.pages << ref(p);
    return begin(std::move(request), std::move(turn), settings);
}

ConversationCore::Started ConversationCore::askAbout(const PageKeyList &pages, const QString &questionIn,
                                                     const AskSettings &settings)
{
    Started refused;
    const QString question = questionIn.trimmed();
    if (m_answering)
        refused.error = tr("The model is answering.");
    else if (!m_source)
        refused.error = tr("No documents are open.");
    else if (question.isEmpty())
        refused.error = tr("Type a question.");
    else if (pages.size() > settings.plan.maxImages)
        refused.error = tr("More than %1 pages are checked; the model takes at most %1.").arg(settings.plan.maxImages);
    if (!refused.ok())
        return refused;
    for (const PageKey &p : pages)
        if (!p.isValid() || p.page >= m_source->pageCount(p.file)) {
            refused.error = tr("Page %1 of %2 is not open.").arg(p.page + 1).arg(fileName(p.file));
            return refused;
        }
    const CropPlan plan = planCrops(sizesOf(m_source, pages, settings.generation.analysisDpi), settings.plan);
    if (!m_saved.turns.isEmpty())
        startEmpty();
    AskRequest request;
    request.question = question;
    SessionTurn turn;
    turn.question = question;
    for (int i = 0; i < pages.size(); ++i) {
        request.pages.push_back(askPage(pages[i], settings.generation.analysisDpi, plan.images[std::size_t(i)]));
        turn.modelPages.append({ref(pages[i]), plan.images[std::size_t(i)]});
        turn.pages << ref(pages[i]);
    }
    return begin(std::move(request), std::move(turn), settings);
}

// A follow-up the model cannot continue exactly: a fresh model conversation about the
// conversation's pages still found plus any added ones, planned together as a first question.
ConversationCore::Started ConversationCore::startFresh(const QString &question, const PageKeyList &pages,
                                                       const PageKeyList &added, const AskSettings &settings,
                                                       const QString &reason)
{
    Started refused;
    const PageKeyList all = pages + added;
    if (all.isEmpty() && !m_saved.turns.isEmpty() && !m_saved.turns.last().pages.isEmpty()) {
        refused.error = tr("None of this conversation's pages are open; check the pages to ask about.");
        return refused;
    }
    if (all.size() > settings.plan.maxImages) {
        refused.error = tr("More than %1 pages are checked; the model takes at most %1.").arg(settings.plan.maxImages);
        return refused;
    }
    const double dpi = settings.generation.analysisDpi;
    const CropPlan plan = planCrops(sizesOf(m_source, all, dpi), settings.plan);
    AskRequest request;
    request.question = question;
    SessionTurn turn;
    turn.question = question;
    turn.freshContext = true;
    turn.freshReason = reason;
    for (int i = 0; i < all.size(); ++i) {
        request.pages.push_back(askPage(all[i], dpi, plan.images[std::size_t(i)]));
        turn.modelPages.append({ref(all[i]), plan.images[std::size_t(i)]});
        turn.pages << ref(all[i]);
    }
    for (const PageKey &p : added)
        turn.addedPages << ref(p);
    return begin(std::move(request), std::move(turn), settings);
}

} // namespace leopard::ui
