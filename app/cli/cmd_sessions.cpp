// leopard-cli sessions: the saved conversations, read from the store the app writes
// ($XDG_DATA_HOME/LeopardDesk/Leopard Desk/sessions, or --sessions-dir DIR).
//   leopard-cli sessions list [--json] [--sessions-dir DIR]      newest first; damaged files named
//   leopard-cli sessions show ID [--json] [--sessions-dir DIR]   one conversation (--json: as saved)
#include "app/cli/commands.h"

#include "ui/conversation/session_store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace leopard::cli {
namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: leopard-cli sessions list [--json] [--sessions-dir DIR]\n"
                 "       leopard-cli sessions show ID [--json] [--sessions-dir DIR]\n"
                 "  The conversations Leopard Desk and `leopard-cli ask` saved, newest first. The folder is\n"
                 "  $XDG_DATA_HOME/LeopardDesk/Leopard Desk/sessions unless --sessions-dir says otherwise.\n"
                 "exit codes: 0 done, 1 no such conversation or a damaged file, 2 usage\n");
    return Usage;
}

void print(const QJsonValue &v)
{
    const QByteArray bytes = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)
                                          : QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

QString oneLine(QString s, int max)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.size() > max ? s.left(max - 1) + QStringLiteral("…") : s;
}

int list(const ui::SessionStore &store, bool json)
{
    const QList<ui::SessionSummary> all = store.list();
    if (json) {
        QJsonArray out;
        for (const ui::SessionSummary &s : all) {
            QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("updated"), s.updated.toString(Qt::ISODateWithMs)}};
            if (!s.error.isEmpty()) {
                o.insert(QStringLiteral("error"), s.error);
            } else {
                QJsonArray docs;
                for (const ui::SessionDocument &d : s.documentSet)
                    docs.append(QJsonObject{{QStringLiteral("path"), d.path}, {QStringLiteral("sha256"), d.sha256}});
                o.insert(QStringLiteral("title"), s.title);
                o.insert(QStringLiteral("turns"), s.turns);
                o.insert(QStringLiteral("interrupted"), s.interrupted);
                o.insert(QStringLiteral("set_key"), s.setKey);
                o.insert(QStringLiteral("documents"), docs);
            }
            out.append(o);
        }
        print(QJsonObject{{QStringLiteral("directory"), store.directory()}, {QStringLiteral("sessions"), out}});
        return Ok;
    }
    if (all.isEmpty())
        std::printf("no saved conversations in %s\n", qPrintable(store.directory()));
    for (const ui::SessionSummary &s : all) {
        const QString when = s.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!s.error.isEmpty()) {
            std::printf("%s  %s  DAMAGED: %s\n", qPrintable(s.id), qPrintable(when), qPrintable(s.error));
            continue;
        }
        QStringList names;
        for (const QString &d : s.documents)
            names << QFileInfo(d).fileName();
        std::printf("%s  %s  %d turn%s%s  [%s]  %s\n", qPrintable(s.id), qPrintable(when), s.turns, s.turns == 1 ? "" : "s",
                    s.interrupted ? " (interrupted)" : "", qPrintable(names.join(QStringLiteral(", "))),
                    qPrintable(oneLine(s.title, 80)));
    }
    return Ok;
}

int show(const ui::SessionStore &store, const QString &id, bool json)
{
    const ui::LoadResult r = store.load(id);
    if (!r.ok()) {
        std::fprintf(stderr, "leopard-cli sessions: %s\n", qPrintable(r.error));
        return BadInput;
    }
    const ui::SavedConversation &c = r.conversation;
    for (const QString &w : c.warnings)
        std::fprintf(stderr, "leopard-cli sessions: %s: %s\n", qPrintable(id), qPrintable(w));
    if (json) {
        print(c.toJson());
        return Ok;
    }
    std::printf("conversation %s, %d turn%s, updated %s\n", qPrintable(c.id), int(c.turns.size()), c.turns.size() == 1 ? "" : "s",
                qPrintable(c.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    for (const ui::SessionDocument &d : c.documents)
        std::printf("document: %s%s\n", qPrintable(d.path), QFileInfo::exists(d.path) ? "" : " (not there now)");
    for (int i = 0; i < c.turns.size(); ++i) {
        const ui::SessionTurn &t = c.turns[i];
        QStringList pages;
        for (const ui::SessionPageRef &p : t.pages)
            pages << QStringLiteral("%1 p. %2").arg(QFileInfo(p.file).fileName()).arg(p.page);
        std::printf("\n[%d] Q: %s\n    about: %s\n", i + 1, qPrintable(t.question), qPrintable(pages.join(QStringLiteral(", "))));
        if (t.freshContext && i > 0)
            std::printf("    (the model started afresh here%s%s)\n", t.freshReason.isEmpty() ? "" : ": ", qPrintable(t.freshReason));
        std::printf("    A: %s\n", qPrintable(t.answer));
        if (!t.error.isEmpty())
            std::printf("    (failed: %s)\n", qPrintable(t.error));
        else if (t.stopped)
            std::printf("    (stopped)\n");
        else if (t.state == ui::TurnState::Interrupted)
            std::printf("    (interrupted)\n");
    }
    return Ok;
}

} // namespace

int runSessions(const QStringList &args)
{
    QString verb, id, dir;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--sessions-dir") && i + 1 < args.size())
            dir = args[++i];
        else if (a == QLatin1String("--help") || a == QLatin1String("-h"))
            return usage();
        else if (a.startsWith(QLatin1Char('-')))
            return usage();
        else if (verb.isEmpty())
            verb = a;
        else if (id.isEmpty() && verb == QLatin1String("show"))
            id = a;
        else
            return usage();
    }
    const ui::SessionStore store(dir.isEmpty() ? ui::SessionStore::deskDirectory() : dir);
    if (verb == QLatin1String("list"))
        return list(store, json);
    if (verb == QLatin1String("show") && !id.isEmpty()) {
        if (id.contains(QLatin1Char('/')))
            return usage();
        return show(store, id, json);
    }
    return usage();
}

} // namespace leopard::cli
