#pragma once
// One Leopard Desk per user session: the first launch listens on a local socket; a later launch hands
// its files to it (absolute paths, resolved against the later launch's working directory) and exits,
// so the model (17 GB in bf16) is never loaded twice. `leopard-desk --new-instance` opts out.
//
// The socket lives in the user's runtime directory (QStandardPaths::RuntimeLocation, i.e.
// $XDG_RUNTIME_DIR, private to the user): one instance per user session, not per model directory —
// a second launch with another --model still goes to the running window (which keeps its model);
// whoever wants two models at once passes --new-instance.
//
// Wire format: one line of compact JSON, {"files":[...]} + '\n', answered by "ok\n".

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace leopard::ui {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket path for this user.
    static QString serverName();

    // Hands `absolutePaths` (may be empty: the running window is then only raised) to a running
    // instance. True when one answered; false when none runs (or it did not answer within timeoutMs).
    static bool sendToRunning(const QStringList &absolutePaths, int timeoutMs = 3000);

    // Starts listening. A socket left behind by a crashed instance (nobody answers on it) is removed
    // first. False, with `error` set, when the socket cannot be created.
    bool listen(QString *error = nullptr);
    bool isListening() const;

signals:
    // A later launch's files (absolute paths; empty when it was started without files).
    void filesReceived(const QStringList &paths);

private:
    void readClient(QLocalSocket *socket);

    QLocalServer *m_server;
};

} // namespace leopard::ui
