#pragma once

#include <QString>

namespace daybreak {

// Text safe for a terminal: control characters (newlines, escape sequences, C1 controls) shown
// as \n, \x1b, \u009b instead of acted on, so a reason or a name cannot forge an audit line or
// move the cursor. JSON output needs none of this (its encoder escapes them).
QString printable(const QString &text);

} // namespace daybreak
