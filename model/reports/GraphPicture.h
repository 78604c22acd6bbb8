#pragma once

#include "StoreTypes.h"

#include <QImage>

namespace daybreak {

// The dependency graph drawn without widgets, for reports: nodes filled by state, cross-side
// reads dashed. Scaled down to fit `maxWidth`.
namespace GraphPicture {
QImage render(const StoreSnapshot &snapshot, int maxWidth = 1800);
}

} // namespace daybreak
