#include "viewer/document.h"

#include <QFileInfo>

namespace leopard::viewer {

QString Document::displayName() const
{
    return QFileInfo(m_sourcePath).fileName();
}

} // namespace leopard::viewer
