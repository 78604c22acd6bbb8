#pragma once

#include "ParitySetting.h"
#include "StoreTypes.h"

#include <QString>

namespace daybreak {

// The last night Daybreak measured a pipeline's parity itself, as HTML for the details panel and
// the Parity dock: the rows on each side, the keys missing on each side, the changed rows with
// the differing columns and both values (the first of each), and the causes it suggests.
// `result`: that night's parity row (for its resolution), when the caller has it.
QString lastDiffHtml(const MeasuredParity &measured, const ParityResult *result);

} // namespace daybreak
