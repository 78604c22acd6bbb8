#pragma once

#include "ChangeWindowPolicy.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace daybreak {

class Inventory;

// The change-window rule in one place: is a high-risk action allowed at a given instant?
class ChangeWindow
{
public:
    ChangeWindow(ChangeWindowPolicy policy, QTimeZone zone);
    // The inventory's window in the inventory's calendar: what every rule and view asks.
    static ChangeWindow of(const Inventory &inventory);

    bool isInChangeWindow(const QDateTime &at) const;
    bool isBlackout(const QDate &localDate) const;
    // The local end of the window that is open at `at`, or nothing if closed.
    std::optional<QDateTime> openUntil(const QDateTime &at) const;
    // The next instant the window opens after `at` (skipping blackout days), within 8 weeks.
    std::optional<QDateTime> nextOpening(const QDateTime &at) const;
    // A line for the status bar and for refusals: "Change window open until Sun 23:59" or
    // "Cutovers and rollbacks locked until Sat 2026-11-28 00:00 (Europe/Berlin)".
    QString describeState(const QDateTime &at) const;

    const ChangeWindowPolicy &policy() const { return m_policy; }
    const QTimeZone &zone() const { return m_zone; }
    QDateTime toLocal(const QDateTime &at) const { return at.toTimeZone(m_zone); }

private:
    int minuteOfWeek(const QDateTime &local) const;
    bool weeklyWindowContains(int minuteOfWeek) const;

    ChangeWindowPolicy m_policy;
    QTimeZone m_zone;
};

} // namespace daybreak
