#include "SideColors.h"

namespace SideColors {

QColor forState(State state)
{
    switch (state) {
    case State::OnPrem: return QColor(0xE8, 0xE2, 0xD6);         // warm grey
    case State::DualRun: return QColor(0xF6, 0xC1, 0x5A);        // amber
    case State::Cloud: return QColor(0x5B, 0x9B, 0xD5);          // blue
    case State::Decommissioned: return QColor(0x2F, 0x5F, 0x8F); // deep blue
    }
    return Qt::white;
}

QColor textOn(State state)
{
    return state == State::Decommissioned ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20);
}

QColor forSide(Side side)
{
    return forState(side == Side::Cloud ? State::Cloud : State::OnPrem);
}

QColor forHealth(ParityHealth health)
{
    switch (health) {
    case ParityHealth::Clean: return QColor(0x1B, 0x7F, 0x3B);    // green
    case ParityHealth::Warning: return QColor(0xF2, 0xA9, 0x00);  // yellow-orange
    case ParityHealth::Breached: return QColor(0xC0, 0x1C, 0x28); // red
    case ParityHealth::Unknown: return QColor(0xA0, 0xA0, 0xA0);
    }
    return Qt::gray;
}

QColor crossSideEdge()
{
    return QColor(0xD3, 0x5F, 0x00); // orange, drawn dashed as well
}

} // namespace SideColors
