#include "ui/window/single_instance.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace leopard::ui {

namespace {
constexpr qint64 kMaxMessageBytes = 4 * 1024 * 1024; // a few thousand paths; anything larger is not us
}

SingleInstance::SingleInstance(QObject *parent) : QObject(parent), m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readClient(socket); });
            readClient(socket); // data may have arrived with the connection
        }
    });
}

SingleInstance::~SingleInstance()
{
    m_server->close(); // removes the socket file
}

QString SingleInstance::serverName()
{
    // RuntimeLocation is per user and mode 0700; Qt creates a private fallback when
    // XDG_RUNTIME_DIR is unset. A full path makes QLocalServer use it instead of /tmp.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return dir + QStringLiteral("/leopard-desk.socket");
}

bool SingleInstance::sendToRunning(const QStringList &absolutePaths, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(serverName());
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonObject message;
    message.insert(QStringLiteral("files"), QJsonArray::fromStringList(absolutePaths));
    socket.write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The answer says the window took the files; without it the files might be lost, so the caller
    // opens its own window instead.
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "ok";
}

bool SingleInstance::listen(QString *error)
{
    const QString name = serverName();
    if (m_server->listen(name))
        return true;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        // Either another instance started between our check and now, or a crashed one left its
        // socket file behind. Only a socket nobody answers on is removed.
        QLocalSocket probe;
        probe.connectToServer(name);
        if (!probe.waitForConnected(1000)) {
            QLocalServer::removeServer(name);
            if (m_server->listen(name))
                return true;
        }
    }
    if (error)
        *error = tr("Cannot listen on %1: %2").arg(name, m_server->errorString());
    return false;
}

bool SingleInstance::isListening() const
{
    return m_server->isListening();
}

void SingleInstance::readClient(QLocalSocket *socket)
{
    if (socket->bytesAvailable() > kMaxMessageBytes) {
        socket->abort();
        return;
    }
    if (!socket->canReadLine())
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine());
    if (!doc.isObject()) {
        socket->write("error\n");
        socket->disconnectFromServer();
        return;
    }
    QStringList files;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("files")).toArray())
        if (v.isString() && !v.toString().isEmpty())
            files << v.toString();
    socket->write("ok\n");
    socket->flush();
    emit filesReceived(files);
}

} // namespace leopard::ui
