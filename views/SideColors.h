#pragma once

#include "ParityService.h"
#include "Pipeline.h"

#include <QColor>

namespace daybreak {

// One palette for every view, so the table, graph and board agree on what a colour means.
// Chosen to stay apart for the common colour-vision deficiencies; shapes and text carry it too.
namespace SideColors {
QColor forState(State state);
QColor textOn(State state);
QColor forSide(Side side);
QColor forHealth(ParityHealth health);
QColor crossSideEdge();
} // namespace SideColors

} // namespace daybreak
