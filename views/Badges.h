#pragma once

#include <QString>

class QLabel;

namespace daybreak {

// The status badges' one style and palette, beside SideColors: white bold words on a colour that
// a war room reads across the room. The words always say what the colour says.
namespace Badges {
inline constexpr char kAlarm[] = "#b71c1c";    // unreachable, stale, failing
inline constexpr char kWarning[] = "#c77700";  // aging, no watch running
inline constexpr char kReadOnly[] = "#e65100"; // this store may only be read

// A status-bar badge (`padding` "0 6px") or a bar above the window ("6px 10px") in `colour`;
// no colour: the label's plain style.
void paint(QLabel *label, const QString &colour, const char *padding = "0 6px");
} // namespace Badges

} // namespace daybreak
