#pragma once

#include "Pipeline.h"

#include <QColor>

namespace daybreak {

// The colours of states and sides, shared by the views and the report writers.
namespace StatePalette {
QColor fill(State state);
QColor text(State state);
} // namespace StatePalette

} // namespace daybreak
