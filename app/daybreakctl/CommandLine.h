#pragma once

#include <QStringList>

namespace daybreak {

// Where the command is in daybreakctl's arguments (without the program): the first argument that
// is neither an option nor the value of --store; -1 when there is none. The launcher and the
// commands program read the command line by this one rule.
qsizetype commandIndex(const QStringList &args);

} // namespace daybreak
