#pragma once

#include "Access.h"
#include "Outcome.h"
#include "StoreTypes.h"

namespace daybreak {

// Runs a service's edit and turns what the store throws into the outcome's kind, so a refusal, a
// conflict, a store failure and bad input reach every caller the same way. `O` is Outcome or one
// of the services' outcomes derived from it.
template <class O, class F> O guarded(F &&edit)
{
    O o;
    try {
        return edit();
    } catch (const ConcurrentChange &e) {
        o.fail(
            Outcome::Kind::Conflict,
            QStringLiteral("a concurrent change won; nothing was written (%1)").arg(e.message()));
    } catch (const StoreRejected &e) {
        if (e.isBadValue()) {
            o.fail(Outcome::Kind::BadInput,
                   QStringLiteral("the store refused a value; nothing was written: %1")
                       .arg(e.message()));
        } else {
            Decision d;
            d.refuse(Reason::Code::Other,
                     QStringLiteral("the store refused the change: %1").arg(e.message()));
            o.refuse(d, QStringLiteral("refused by the store; nothing was written"));
        }
    } catch (const StoreError &e) {
        o.fail(Outcome::Kind::StoreFailure, e.message());
    }
    return o;
}

} // namespace daybreak
