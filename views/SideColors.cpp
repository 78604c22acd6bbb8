#include "SideColors.h"

#include "StatePalette.h"

namespace daybreak {

namespace SideColors {

QColor forState(State state)
{
    return StatePalette::fill(state);
}

QColor textOn(State state)
{
    return StatePalette::text(state);
}

QColor forSide(Side side)
{
    return forState(side == Side::Cloud ? State::Cloud : State::OnPrem);
}

QColor forHealth(ParityHealth health)
{
    switch (health) {
    case ParityHealth::Clean:
        return QColor(0x1B, 0x7F, 0x3B); // green
    case ParityHealth::Warning:
        return QColor(0xF2, 0xA9, 0x00); // yellow-orange
    case ParityHealth::Breached:
        return QColor(0xC0, 0x1C, 0x28); // red
    case ParityHealth::Unknown:
        return QColor(0xA0, 0xA0, 0xA0);
    }
    return Qt::gray;
}

QColor crossSideEdge()
{
    return QColor(0xD3, 0x5F, 0x00); // orange, drawn dashed as well
}

} // namespace SideColors

} // namespace daybreak
