#pragma once

#include <QtGlobal>

namespace daybreak {

// How fresh a console's picture is, from how long ago the store last answered: a wall that
// stopped updating must never look live.
enum class Freshness
{
    Live,  // answered in the last 15 s
    Aging, // amber: 15 s to 60 s
    Stale  // red: over 60 s
};

constexpr qint64 kAgingAfterMs = 15000;
constexpr qint64 kStaleAfterMs = 60000;

constexpr Freshness freshnessOf(qint64 silenceMs)
{
    return silenceMs > kStaleAfterMs   ? Freshness::Stale
           : silenceMs > kAgingAfterMs ? Freshness::Aging
                                       : Freshness::Live;
}

} // namespace daybreak
