#include "ui/conversation/session_store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace leopard::ui {

namespace {

const QLatin1String kSuffix(".json");

// Reads and parses one session file; on failure the message names the file.
LoadResult readFile(const QString &path)
{
    LoadResult r;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = QCoreApplication::translate("SessionStore", "The saved session %1 cannot be read: %2.").arg(path, f.errorString());
        return r;
    }
    const QByteArray bytes = f.readAll();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        r.error = bytes.isEmpty()
            ? QCoreApplication::translate("SessionStore", "The saved session %1 is empty (0 bytes); it cannot be restored.").arg(path)
            : QCoreApplication::translate("SessionStore", "The saved session %1 is damaged (%2 at byte %3 of %4); it cannot be restored.")
                  .arg(path, pe.error == QJsonParseError::NoError ? QCoreApplication::translate("SessionStore", "not a JSON object") : pe.errorString())
                  .arg(pe.offset).arg(bytes.size());
        return r;
    }
    const int format = doc.object().value(QLatin1String("format")).toInt();
    if (format > SavedConversation::kCurrentFormat) { // not damaged: this version is too old for it
        r.newer = true;
        r.error = QCoreApplication::translate("SessionStore", "The saved session %1 was written by a newer version of Leopard Desk "
                                              "(format %2; this one reads up to %3): open it with that version.")
                      .arg(path).arg(format).arg(SavedConversation::kCurrentFormat);
        return r;
    }
    QString why;
    if (!SavedConversation::fromJson(doc.object(), &r.conversation, &why))
        r.error = QCoreApplication::translate("SessionStore", "The saved session %1 is damaged: %2; it cannot be restored.").arg(path, why);
    return r;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString SessionStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sessions");
}

QString SessionStore::deskDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/LeopardDesk/Leopard Desk/sessions");
}

SessionStore::SessionStore(QString directory) : m_dir(std::move(directory)) {}

QString SessionStore::filePath(const QString &id) const
{
    return m_dir + QLatin1Char('/') + id + kSuffix;
}

QString SessionStore::hashDocument(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        fail(error, QCoreApplication::translate("SessionStore", "%1 cannot be read: %2").arg(path, f.errorString()));
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f)) {
        fail(error, QCoreApplication::translate("SessionStore", "%1 cannot be read: %2").arg(path, f.errorString()));
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString SessionStore::documentSetKey(const QList<SessionDocument> &documents)
{
    QStringList hashes;
    for (const SessionDocument &d : documents)
        hashes << d.sha256.toLower();
    hashes.sort();
    hashes.removeDuplicates(); // the same bytes opened twice are one document
    return QString::fromLatin1(
        QCryptographicHash::hash(hashes.join(QLatin1Char('\n')).toLatin1(), QCryptographicHash::Sha256).toHex());
}

SavedConversation SessionStore::create(const QList<SessionDocument> &documents) const
{
    SavedConversation c;
    c.documents = documents;
    c.setKey = documentSetKey(documents);
    // The set key's head in the name lets list(setKey) skip other sets' files without parsing them.
    c.id = c.setKey.left(16) + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.created = QDateTime::currentDateTimeUtc();
    c.updated = c.created;
    return c;
}

LoadResult SessionStore::load(const QString &id) const
{
    return readFile(filePath(id));
}

bool SessionStore::save(SavedConversation &c, QString *error, bool stamp)
{
    if (c.id.isEmpty() || c.id.contains(QLatin1Char('/')))
        return fail(error, QStringLiteral("A session needs an id without '/' (use SessionStore::create)."));
    if (!QDir().mkpath(m_dir))
        return fail(error, QCoreApplication::translate("SessionStore", "The sessions folder %1 cannot be created.").arg(m_dir));
    const QString path = filePath(c.id);
    // Never write over a file we could not read back: it may be the only copy of a long
    // conversation damaged by something else. Checked once per id; afterwards we wrote it.
    if (!m_checked.contains(c.id)) {
        if (QFileInfo::exists(path)) {
            const LoadResult existing = readFile(path);
            if (!existing.ok())
                return fail(error, existing.error + (existing.newer ? QCoreApplication::translate("SessionStore", " It was not overwritten.")
                                                                    : QCoreApplication::translate("SessionStore", " It was not overwritten; set it aside first.")));
        }
        m_checked.insert(c.id);
    }
    const QDateTime previous = c.updated;
    if (stamp || !c.updated.isValid())
        c.updated = QDateTime::currentDateTimeUtc();
    QSaveFile f(path);
    const QByteArray bytes = QJsonDocument(c.toJson()).toJson(QJsonDocument::Indented);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        c.updated = previous;
        // QSaveFile removes its temporary file on failure; the previous session file is untouched.
        return fail(error, QCoreApplication::translate("SessionStore", "The session %1 could not be saved: %2.").arg(path, f.errorString()));
    }
    return true;
}

bool SessionStore::remove(const QString &id, QString *error)
{
    QFile f(filePath(id));
    if (!f.exists())
        return fail(error, QCoreApplication::translate("SessionStore", "The session %1 does not exist.").arg(f.fileName()));
    if (!f.remove())
        return fail(error, QCoreApplication::translate("SessionStore", "The session %1 could not be deleted: %2.").arg(f.fileName(), f.errorString()));
    m_checked.remove(id);
    return true;
}

bool SessionStore::quarantine(const QString &id, QString *error)
{
    const QString from = filePath(id);
    const QString to = from + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"));
    if (!QFile::rename(from, to))
        return fail(error, QCoreApplication::translate("SessionStore", "The session %1 could not be set aside as %2.").arg(from, to));
    m_checked.remove(id);
    return true;
}

QList<SessionSummary> SessionStore::list(const QString &setKey) const
{
    QList<SessionSummary> out;
    const QString prefix = setKey.isEmpty() ? QString() : setKey.left(16) + QLatin1Char('-');
    // Only *.json: QSaveFile's temporaries (left by a kill) and set-aside files are not sessions.
    const QFileInfoList files = QDir(m_dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files);
    for (const QFileInfo &fi : files) {
        const QString id = fi.completeBaseName();
        if (!prefix.isEmpty() && !id.startsWith(prefix))
            continue;
        const LoadResult r = readFile(fi.absoluteFilePath());
        SessionSummary s;
        s.id = id;
        if (!r.ok()) {
            s.error = r.error;
            s.updated = fi.lastModified().toUTC();
            out.append(s);
            continue;
        }
        const SavedConversation &c = r.conversation;
        if (!setKey.isEmpty() && c.setKey != setKey)
            continue;
        s.setKey = c.setKey;
        s.title = c.turns.isEmpty() ? QString() : c.turns.first().question;
        for (const SessionDocument &d : c.documents)
            s.documents << d.path;
        s.documentSet = c.documents;
        for (const SessionTurn &t : c.turns)
            s.text += t.question + QLatin1Char('\n') + t.answer + QLatin1Char('\n');
        s.updated = c.updated;
        s.turns = c.turns.size();
        s.interrupted = !c.turns.isEmpty() && c.turns.last().state == TurnState::Interrupted;
        out.append(s);
    }
    std::stable_sort(out.begin(), out.end(), [](const SessionSummary &a, const SessionSummary &b) {
        return a.updated > b.updated;
    });
    return out;
}

} // namespace leopard::ui
