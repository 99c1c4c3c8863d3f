#include "app/server/serve_config.h"

#include <QHostAddress>

namespace leopard::server {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback(); // 0.0.0.0 and :: are not: they are every address
}

} // namespace leopard::server
