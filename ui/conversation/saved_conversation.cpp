#include "ui/conversation/saved_conversation.h"

#include <QJsonArray>
#include <QSet>

#include <limits>

namespace leopard::ui {

namespace {

constexpr int kFormat = SavedConversation::kCurrentFormat;

QString stamp(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
QDateTime parseStamp(const QString &s) { return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC(); }

// The keys each object of the format has; anything else is kept in `extra`.
const QSet<QString> kTopKeys{QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("set_key"), QStringLiteral("created"),
                             QStringLiteral("updated"), QStringLiteral("documents"), QStringLiteral("turns")};
const QSet<QString> kTurnKeys{QStringLiteral("question"), QStringLiteral("answer"), QStringLiteral("state"),
                              QStringLiteral("pages"), QStringLiteral("settings"), QStringLiteral("asked"),
                              QStringLiteral("answered"), QStringLiteral("added_pages"), QStringLiteral("fresh_context"), QStringLiteral("fresh_reason"),
                              QStringLiteral("stopped"), QStringLiteral("error"), QStringLiteral("model_pages"),
                              QStringLiteral("prompt_ids"), QStringLiteral("generated_ids")};
const QSet<QString> kDocumentKeys{QStringLiteral("path"), QStringLiteral("sha256")};
const QSet<QString> kSettingsKeys{QStringLiteral("model_dir"), QStringLiteral("dtype"), QStringLiteral("device"),
                                  QStringLiteral("max_new_tokens"), QStringLiteral("temperature"), QStringLiteral("top_p"),
                                  QStringLiteral("seed"), QStringLiteral("analysis_dpi")};

QJsonObject unknownFields(const QJsonObject &o, const QSet<QString> &known)
{
    QJsonObject extra;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            extra.insert(it.key(), it.value());
    return extra;
}

// Field readers that record the first problem: a damaged file is reported, never half-read silently.
struct Reader {
    QString error;
    QJsonValue need(const QJsonObject &o, const char *key, QJsonValue::Type type, const QString &where)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (error.isEmpty() && v.type() != type)
            error = QStringLiteral("%1 \"%2\" is missing or has the wrong type").arg(where, QLatin1String(key));
        return v;
    }
    SessionPageRef page(const QJsonValue &value, const QString &where)
    {
        const QJsonObject p = value.toObject();
        return {need(p, "file", QJsonValue::String, where).toString(), need(p, "page", QJsonValue::Double, where).toInt()};
    }
};

QJsonObject pageJson(const SessionPageRef &p)
{
    return QJsonObject{{QStringLiteral("file"), p.file}, {QStringLiteral("page"), p.page}};
}

QJsonArray pair(int a, int b) { return QJsonArray{a, b}; }

QJsonObject planJson(const ImagePlan &p)
{
    return QJsonObject{{QStringLiteral("width"), p.original.width},     {QStringLiteral("height"), p.original.height},
                       {QStringLiteral("wanted"), p.wanted},            {QStringLiteral("allocated"), p.allocated},
                       {QStringLiteral("grid"), pair(p.gridCols, p.gridRows)},
                       {QStringLiteral("canvas"), pair(p.canvas.width, p.canvas.height)},
                       {QStringLiteral("resized"), pair(p.resized.width, p.resized.height)},
                       {QStringLiteral("paste"), pair(p.pasteX, p.pasteY)}};
}

// A plan read back: every number a non-negative int, pairs of two. False (and why) otherwise.
bool readPlan(const QJsonObject &o, ImagePlan *plan, QString *why)
{
    auto number = [&](const char *key, int *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInt())) {
            *why = QStringLiteral("\"%1\" is not a pixel count").arg(QLatin1String(key));
            return false;
        }
        *out = v.toInt();
        return true;
    };
    auto two = [&](const char *key, int *a, int *b) {
        const QJsonArray v = o.value(QLatin1String(key)).toArray();
        auto count = [](const QJsonValue &x) { return x.isDouble() && x.toDouble() >= 0 && x.toDouble() == double(x.toInt()); };
        if (v.size() != 2 || !count(v[0]) || !count(v[1])) {
            *why = QStringLiteral("\"%1\" is not a pair of pixel counts").arg(QLatin1String(key));
            return false;
        }
        *a = v[0].toInt();
        *b = v[1].toInt();
        return true;
    };
    return number("width", &plan->original.width) && number("height", &plan->original.height)
        && number("wanted", &plan->wanted) && number("allocated", &plan->allocated)
        && two("grid", &plan->gridCols, &plan->gridRows) && two("canvas", &plan->canvas.width, &plan->canvas.height)
        && two("resized", &plan->resized.width, &plan->resized.height) && two("paste", &plan->pasteX, &plan->pasteY);
}

QJsonArray idsJson(const std::vector<std::int32_t> &ids)
{
    QJsonArray a;
    for (std::int32_t id : ids)
        a.append(id);
    return a;
}

// Token ids: non-negative integers that fit an int32. False (the list is not usable) otherwise.
bool readIds(const QJsonValue &value, std::vector<std::int32_t> *out)
{
    if (!value.isArray())
        return false;
    const QJsonArray a = value.toArray();
    out->clear();
    out->reserve(std::size_t(a.size()));
    for (const QJsonValue &v : a) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d > double(std::numeric_limits<std::int32_t>::max()) || d != double(qint64(d)))
            return false;
        out->push_back(std::int32_t(d));
    }
    return true;
}

} // namespace

bool SessionGenerationSettings::operator==(const SessionGenerationSettings &o) const
{
    return modelDir == o.modelDir && dtype == o.dtype && device == o.device && maxNewTokens == o.maxNewTokens
        && temperature == o.temperature && topP == o.topP && seed == o.seed && analysisDpi == o.analysisDpi;
}

bool SessionModelPage::operator==(const SessionModelPage &o) const
{
    const ImagePlan &a = plan, &b = o.plan;
    return page == o.page && a.original.width == b.original.width && a.original.height == b.original.height
        && a.wanted == b.wanted && a.allocated == b.allocated && a.gridCols == b.gridCols && a.gridRows == b.gridRows
        && a.canvas.width == b.canvas.width && a.canvas.height == b.canvas.height && a.resized.width == b.resized.width
        && a.resized.height == b.resized.height && a.pasteX == b.pasteX && a.pasteY == b.pasteY;
}

bool SessionTurn::operator==(const SessionTurn &o) const
{
    return question == o.question && answer == o.answer && pages == o.pages && settings == o.settings
        && asked == o.asked && answered == o.answered && state == o.state && addedPages == o.addedPages
        && freshContext == o.freshContext && freshReason == o.freshReason && stopped == o.stopped && error == o.error && modelPages == o.modelPages
        && promptIds == o.promptIds && generatedIds == o.generatedIds && extra == o.extra;
}

bool SavedConversation::operator==(const SavedConversation &o) const
{
    return id == o.id && setKey == o.setKey && documents == o.documents && created == o.created
        && updated == o.updated && turns == o.turns && extra == o.extra;
}

QJsonObject SavedConversation::toJson() const
{
    QJsonArray docs;
    for (const SessionDocument &d : documents)
    {
        QJsonObject o = d.extra; // unknown fields first, so the known ones win on a clash
        o.insert(QStringLiteral("path"), d.path);
        o.insert(QStringLiteral("sha256"), d.sha256);
        docs.append(o);
    }
    QJsonArray ts;
    for (const SessionTurn &t : turns) {
        QJsonArray pages;
        for (const SessionPageRef &p : t.pages)
            pages.append(pageJson(p));
        const SessionGenerationSettings &s = t.settings;
        QJsonObject settings = s.extra;
        const QJsonObject known{{QStringLiteral("model_dir"), s.modelDir},
                                   {QStringLiteral("dtype"), s.dtype},
                                   {QStringLiteral("device"), s.device},
                                   {QStringLiteral("max_new_tokens"), s.maxNewTokens},
                                   {QStringLiteral("temperature"), s.temperature},
                                   {QStringLiteral("top_p"), s.topP},
                                   // as a string: JSON numbers lose 64-bit integers past 2^53
                                   {QStringLiteral("seed"), QString::number(s.seed)},
                                   {QStringLiteral("analysis_dpi"), s.analysisDpi}};
        for (auto it = known.begin(); it != known.end(); ++it)
            settings.insert(it.key(), it.value());
        QJsonObject turn = t.extra; // unknown fields first, so the known ones win on a clash
        turn.insert(QStringLiteral("question"), t.question);
        turn.insert(QStringLiteral("answer"), t.answer);
        turn.insert(QStringLiteral("state"), t.state == TurnState::Complete ? QStringLiteral("complete") : QStringLiteral("interrupted"));
        turn.insert(QStringLiteral("pages"), pages);
        turn.insert(QStringLiteral("settings"), settings);
        turn.insert(QStringLiteral("asked"), stamp(t.asked));
        turn.insert(QStringLiteral("answered"), stamp(t.answered));
        if (!t.addedPages.isEmpty()) {
            QJsonArray added;
            for (const SessionPageRef &p : t.addedPages)
                added.append(pageJson(p));
            turn.insert(QStringLiteral("added_pages"), added);
        }
        if (t.freshContext)
            turn.insert(QStringLiteral("fresh_context"), true);
        if (!t.freshReason.isEmpty())
            turn.insert(QStringLiteral("fresh_reason"), t.freshReason);
        if (t.stopped)
            turn.insert(QStringLiteral("stopped"), true);
        if (!t.error.isEmpty())
            turn.insert(QStringLiteral("error"), t.error);
        // With the ids always (an empty list for a follow-up that added no pages): a turn whose ids
        // are saved has its model pages saved, so reading one never lacks the other.
        if (!t.modelPages.isEmpty() || !t.promptIds.empty()) {
            QJsonArray mp;
            for (const SessionModelPage &m : t.modelPages) {
                QJsonObject o = pageJson(m.page);
                o.insert(QStringLiteral("plan"), planJson(m.plan));
                mp.append(o);
            }
            turn.insert(QStringLiteral("model_pages"), mp);
        }
        if (!t.promptIds.empty()) {
            turn.insert(QStringLiteral("prompt_ids"), idsJson(t.promptIds));
            turn.insert(QStringLiteral("generated_ids"), idsJson(t.generatedIds));
        }
        ts.append(turn);
    }
    QJsonObject top = extra;
    top.insert(QStringLiteral("format"), kFormat);
    top.insert(QStringLiteral("id"), id);
    top.insert(QStringLiteral("set_key"), setKey);
    top.insert(QStringLiteral("created"), stamp(created));
    top.insert(QStringLiteral("updated"), stamp(updated));
    top.insert(QStringLiteral("documents"), docs);
    top.insert(QStringLiteral("turns"), ts);
    return top;
}

bool SavedConversation::fromJson(const QJsonObject &json, SavedConversation *out, QString *error)
{
    Reader r;
    SavedConversation c;
    const int format = r.need(json, "format", QJsonValue::Double, QStringLiteral("the top level:")).toInt();
    if (r.error.isEmpty() && (format < 1 || format > kFormat))
        r.error = format > kFormat
            ? QStringLiteral("it was written in format %1 by a newer version of Leopard Desk (this one reads up to %2)").arg(format).arg(kFormat)
            : QStringLiteral("format %1 is not one this version reads (it reads 1 to %2)").arg(format).arg(kFormat);
    c.format = format;
    c.id = r.need(json, "id", QJsonValue::String, QStringLiteral("the top level:")).toString();
    c.setKey = r.need(json, "set_key", QJsonValue::String, QStringLiteral("the top level:")).toString();
    c.created = parseStamp(r.need(json, "created", QJsonValue::String, QStringLiteral("the top level:")).toString());
    c.updated = parseStamp(r.need(json, "updated", QJsonValue::String, QStringLiteral("the top level:")).toString());
    c.extra = unknownFields(json, kTopKeys);
    QStringList unknown = c.extra.keys();
    const QJsonArray docs = r.need(json, "documents", QJsonValue::Array, QStringLiteral("the top level:")).toArray();
    for (int i = 0; i < docs.size() && r.error.isEmpty(); ++i) {
        const QString where = QStringLiteral("document %1:").arg(i + 1);
        const QJsonObject d = docs[i].toObject();
        SessionDocument doc{r.need(d, "path", QJsonValue::String, where).toString(),
                            r.need(d, "sha256", QJsonValue::String, where).toString(), unknownFields(d, kDocumentKeys)};
        for (const QString &k : doc.extra.keys())
            if (!unknown.contains(k))
                unknown << k;
        c.documents.append(doc);
    }
    const QJsonArray turns = r.need(json, "turns", QJsonValue::Array, QStringLiteral("the top level:")).toArray();
    for (int i = 0; i < turns.size() && r.error.isEmpty(); ++i) {
        const QString where = QStringLiteral("turn %1:").arg(i + 1);
        const QJsonObject t = turns[i].toObject();
        SessionTurn turn;
        turn.question = r.need(t, "question", QJsonValue::String, where).toString();
        turn.answer = r.need(t, "answer", QJsonValue::String, where).toString();
        const QString state = r.need(t, "state", QJsonValue::String, where).toString();
        if (r.error.isEmpty() && state != QLatin1String("complete") && state != QLatin1String("interrupted"))
            r.error = QStringLiteral("%1 state \"%2\" is neither complete nor interrupted").arg(where, state);
        turn.state = state == QLatin1String("complete") ? TurnState::Complete : TurnState::Interrupted;
        for (const QJsonValue &pv : r.need(t, "pages", QJsonValue::Array, where).toArray())
            turn.pages.append(r.page(pv, where + QStringLiteral(" page")));
        // Optional (absent in files written before pages could be added mid-conversation).
        if (t.contains(QLatin1String("added_pages")))
            for (const QJsonValue &pv : r.need(t, "added_pages", QJsonValue::Array, where).toArray())
                turn.addedPages.append(r.page(pv, where + QStringLiteral(" added page")));
        if (t.contains(QLatin1String("fresh_context")))
            turn.freshContext = r.need(t, "fresh_context", QJsonValue::Bool, where).toBool();
        if (t.contains(QLatin1String("fresh_reason")))
            turn.freshReason = r.need(t, "fresh_reason", QJsonValue::String, where).toString();
        if (t.contains(QLatin1String("stopped")))
            turn.stopped = r.need(t, "stopped", QJsonValue::Bool, where).toBool();
        if (t.contains(QLatin1String("error")))
            turn.error = r.need(t, "error", QJsonValue::String, where).toString();
        const QJsonObject s = r.need(t, "settings", QJsonValue::Object, where).toObject();
        const QString sw = where + QStringLiteral(" settings");
        turn.settings.modelDir = r.need(s, "model_dir", QJsonValue::String, sw).toString();
        turn.settings.dtype = r.need(s, "dtype", QJsonValue::String, sw).toString();
        turn.settings.device = r.need(s, "device", QJsonValue::String, sw).toString();
        turn.settings.maxNewTokens = r.need(s, "max_new_tokens", QJsonValue::Double, sw).toInt();
        turn.settings.temperature = r.need(s, "temperature", QJsonValue::Double, sw).toDouble();
        turn.settings.topP = r.need(s, "top_p", QJsonValue::Double, sw).toDouble();
        turn.settings.seed = r.need(s, "seed", QJsonValue::String, sw).toString().toLongLong();
        turn.settings.analysisDpi = r.need(s, "analysis_dpi", QJsonValue::Double, sw).toDouble();
        turn.settings.extra = unknownFields(s, kSettingsKeys);
        for (const QString &k : turn.settings.extra.keys())
            if (!unknown.contains(k))
                unknown << k;
        turn.asked = parseStamp(r.need(t, "asked", QJsonValue::String, where).toString());
        turn.answered = parseStamp(r.need(t, "answered", QJsonValue::String, where).toString());
        // Format 2: the model's ids and pages. A list that is not what it should be costs only the
        // exact continuation of this turn (the text is still there): dropped, with a warning.
        // (A turn saved while its answer streamed has model pages but no ids yet: nothing to continue,
        // nothing to warn about; the core says why it starts afresh.)
        if (t.contains(QLatin1String("prompt_ids"))) {
            QString why;
            bool usable = readIds(t.value(QLatin1String("prompt_ids")), &turn.promptIds)
                && readIds(t.value(QLatin1String("generated_ids")), &turn.generatedIds);
            if (!usable)
                why = QStringLiteral("its token ids are not lists of token ids");
            for (const QJsonValue &mv : t.value(QLatin1String("model_pages")).toArray()) {
                if (!usable)
                    break;
                const QJsonObject m = mv.toObject();
                SessionModelPage page;
                page.page = {m.value(QLatin1String("file")).toString(), m.value(QLatin1String("page")).toInt(-1)};
                usable = !page.page.file.isEmpty() && page.page.page >= 1 && readPlan(m.value(QLatin1String("plan")).toObject(), &page.plan, &why);
                if (!usable && why.isEmpty())
                    why = QStringLiteral("a model page has no file or page");
                turn.modelPages.append(page);
            }
            if (usable && t.contains(QLatin1String("model_pages")) && !t.value(QLatin1String("model_pages")).isArray())
                usable = false, why = QStringLiteral("\"model_pages\" is not a list");
            if (!usable) {
                turn.promptIds.clear();
                turn.generatedIds.clear();
                turn.modelPages.clear();
                c.warnings << QStringLiteral("Turn %1 cannot be continued exactly: %2.").arg(i + 1).arg(why);
            }
        }
        turn.extra = unknownFields(t, kTurnKeys);
        for (const QString &k : turn.extra.keys())
            if (!unknown.contains(k))
                unknown << k;
        c.turns.append(turn);
    }
    if (!r.error.isEmpty()) {
        *error = r.error;
        return false;
    }
    if (!unknown.isEmpty())
        c.warnings.prepend(QStringLiteral("It has fields this version does not know (%1); they are kept as they are.")
                               .arg(unknown.join(QStringLiteral(", "))));
    *out = c;
    return true;
}

} // namespace leopard::ui
