#include "Decision.h"

#include <algorithm>

namespace daybreak {

bool Decision::refusedFor(Reason::Code code) const
{
    return std::any_of(reasons.begin(), reasons.end(),
                       [code](const Reason &r) { return r.code == code; });
}

} // namespace daybreak
