#pragma once

#include <QString>

namespace daybreak {

// The keyboard path for every mouse action of the console (Help → Keyboard), as rich text.
QString keyboardHelp();

} // namespace daybreak
