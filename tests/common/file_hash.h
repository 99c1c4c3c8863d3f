#pragma once
// The SHA-256 of a file's bytes as lowercase hex, for tests that compare files with recorded hashes or
// with each other. Header-only. Empty when the file cannot be read.
#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

namespace leopard::test {

inline QByteArray fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace leopard::test
