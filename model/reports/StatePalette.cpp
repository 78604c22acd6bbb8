#include "StatePalette.h"

namespace daybreak {

namespace StatePalette {

QColor fill(State state)
{
    // Chosen to stay apart for the common colour-vision deficiencies; shapes and text carry it too.
    switch (state) {
    case State::OnPrem:
        return QColor(0xE8, 0xE2, 0xD6); // warm grey
    case State::DualRun:
        return QColor(0xF6, 0xC1, 0x5A); // amber
    case State::Cloud:
        return QColor(0x5B, 0x9B, 0xD5); // blue
    case State::Decommissioned:
        return QColor(0x2F, 0x5F, 0x8F); // deep blue
    }
    return Qt::white;
}

QColor text(State state)
{
    return state == State::Decommissioned ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20);
}

} // namespace StatePalette

} // namespace daybreak
