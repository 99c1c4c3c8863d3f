#pragma once
// What the model receives of a page: a QImage (a rendered page or a decoded image file) turned
// into RGB exactly as the reference's PIL `convert('RGB')` turns the same decoded pixels (grey
// replicated, palette looked up, alpha dropped without compositing). The one bridge between Qt
// images and the Qt-free preprocessing library; the app, the CLI and the tests all go through it.
#include "inference/preprocess/rgb_image.h"

#include <QImage>

namespace leopard::viewer {

preprocess::RgbImage toModelRgb(QImage image);

} // namespace leopard::viewer
