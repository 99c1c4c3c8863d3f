#include "ui/saved_conversation.h"

#include <QJsonArray>

namespace leopard::ui {

namespace {

constexpr int kFormat = 1;

QString stamp(const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
QDateTime parseStamp(const QString &s) { return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC(); }

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
};

} // namespace

bool SessionGenerationSettings::operator==(const SessionGenerationSettings &o) const
{
    return modelDir == o.modelDir && dtype == o.dtype && device == o.device && maxNewTokens == o.maxNewTokens
        && temperature == o.temperature && topP == o.topP && seed == o.seed && analysisDpi == o.analysisDpi;
}

bool SessionTurn::operator==(const SessionTurn &o) const
{
    return question == o.question && answer == o.answer && pages == o.pages && settings == o.settings
        && asked == o.asked && answered == o.answered && state == o.state && addedPages == o.addedPages
        && freshContext == o.freshContext;
}

bool SavedConversation::operator==(const SavedConversation &o) const
{
    return id == o.id && setKey == o.setKey && documents == o.documents && created == o.created
        && updated == o.updated && turns == o.turns;
}

QJsonObject SavedConversation::toJson() const
{
    QJsonArray docs;
    for (const SessionDocument &d : documents)
        docs.append(QJsonObject{{QStringLiteral("path"), d.path}, {QStringLiteral("sha256"), d.sha256}});
    QJsonArray ts;
    for (const SessionTurn &t : turns) {
        QJsonArray pages;
        for (const SessionPageRef &p : t.pages)
            pages.append(QJsonObject{{QStringLiteral("file"), p.file}, {QStringLiteral("page"), p.page}});
        const SessionGenerationSettings &s = t.settings;
        const QJsonObject settings{{QStringLiteral("model_dir"), s.modelDir},
                                   {QStringLiteral("dtype"), s.dtype},
                                   {QStringLiteral("device"), s.device},
                                   {QStringLiteral("max_new_tokens"), s.maxNewTokens},
                                   {QStringLiteral("temperature"), s.temperature},
                                   {QStringLiteral("top_p"), s.topP},
                                   // as a string: JSON numbers lose 64-bit integers past 2^53
                                   {QStringLiteral("seed"), QString::number(s.seed)},
                                   {QStringLiteral("analysis_dpi"), s.analysisDpi}};
        QJsonObject turn{{QStringLiteral("question"), t.question},
                              {QStringLiteral("answer"), t.answer},
                              {QStringLiteral("state"), t.state == TurnState::Complete ? QStringLiteral("complete")
                                                                                       : QStringLiteral("interrupted")},
                              {QStringLiteral("pages"), pages},
                              {QStringLiteral("settings"), settings},
                              {QStringLiteral("asked"), stamp(t.asked)},
                              {QStringLiteral("answered"), stamp(t.answered)}};
        if (!t.addedPages.isEmpty()) {
            QJsonArray added;
            for (const SessionPageRef &p : t.addedPages)
                added.append(QJsonObject{{QStringLiteral("file"), p.file}, {QStringLiteral("page"), p.page}});
            turn.insert(QStringLiteral("added_pages"), added);
        }
        if (t.freshContext)
            turn.insert(QStringLiteral("fresh_context"), true);
        ts.append(turn);
    }
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("set_key"), setKey},
                       {QStringLiteral("created"), stamp(created)},
                       {QStringLiteral("updated"), stamp(updated)},
                       {QStringLiteral("documents"), docs},
                       {QStringLiteral("turns"), ts}};
}

bool SavedConversation::fromJson(const QJsonObject &json, SavedConversation *out, QString *error)
{
    Reader r;
    SavedConversation c;
    const int format = r.need(json, "format", QJsonValue::Double, QStringLiteral("the top level:")).toInt();
    if (r.error.isEmpty() && format != kFormat)
        r.error = QStringLiteral("format %1 is not one this version reads (it reads %2)").arg(format).arg(kFormat);
    c.id = r.need(json, "id", QJsonValue::String, QStringLiteral("the top level:")).toString();
    c.setKey = r.need(json, "set_key", QJsonValue::String, QStringLiteral("the top level:")).toString();
    c.created = parseStamp(r.need(json, "created", QJsonValue::String, QStringLiteral("the top level:")).toString());
    c.updated = parseStamp(r.need(json, "updated", QJsonValue::String, QStringLiteral("the top level:")).toString());
    const QJsonArray docs = r.need(json, "documents", QJsonValue::Array, QStringLiteral("the top level:")).toArray();
    for (int i = 0; i < docs.size() && r.error.isEmpty(); ++i) {
        const QString where = QStringLiteral("document %1:").arg(i + 1);
        const QJsonObject d = docs[i].toObject();
        c.documents.append({r.need(d, "path", QJsonValue::String, where).toString(),
                            r.need(d, "sha256", QJsonValue::String, where).toString()});
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
        const QJsonArray pages = r.need(t, "pages", QJsonValue::Array, where).toArray();
        for (const QJsonValue &pv : pages) {
            const QJsonObject p = pv.toObject();
            turn.pages.append({r.need(p, "file", QJsonValue::String, where + QStringLiteral(" page")).toString(),
                               r.need(p, "page", QJsonValue::Double, where + QStringLiteral(" page")).toInt()});
        }
        // Optional (absent in files written before pages could be added mid-conversation).
        if (t.contains(QLatin1String("added_pages"))) {
            const QJsonArray added = r.need(t, "added_pages", QJsonValue::Array, where).toArray();
            for (const QJsonValue &pv : added) {
                const QJsonObject p = pv.toObject();
                turn.addedPages.append({r.need(p, "file", QJsonValue::String, where + QStringLiteral(" added page")).toString(),
                                        r.need(p, "page", QJsonValue::Double, where + QStringLiteral(" added page")).toInt()});
            }
        }
        if (t.contains(QLatin1String("fresh_context")))
            turn.freshContext = r.need(t, "fresh_context", QJsonValue::Bool, where).toBool();
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
        turn.asked = parseStamp(r.need(t, "asked", QJsonValue::String, where).toString());
        turn.answered = parseStamp(r.need(t, "answered", QJsonValue::String, where).toString());
        c.turns.append(turn);
    }
    if (!r.error.isEmpty()) {
        *error = r.error;
        return false;
    }
    *out = c;
    return true;
}

} // namespace leopard::ui
