#include "ChangeWindow.h"

#include "Calendar.h"
#include "Inventory.h"

#include <utility>

namespace daybreak {

namespace {
constexpr int kMinutesPerWeek = 7 * 24 * 60;

int weekMinute(int day, const QTime &time)
{
    return (day - 1) * 24 * 60 + time.hour() * 60 + time.minute();
}
} // namespace

ChangeWindow::ChangeWindow(ChangeWindowPolicy policy, QTimeZone zone)
    : m_policy(std::move(policy)), m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

ChangeWindow ChangeWindow::of(const Inventory &inventory)
{
    return ChangeWindow(inventory.changeWindow, Calendar(inventory).zone());
}

int ChangeWindow::minuteOfWeek(const QDateTime &local) const
{
    return weekMinute(local.date().dayOfWeek(), local.time());
}

bool ChangeWindow::weeklyWindowContains(int minute) const
{
    const int start = weekMinute(m_policy.startDay, m_policy.startTime);
    const int end = weekMinute(m_policy.endDay, m_policy.endTime); // inclusive minute
    if (start <= end)
        return minute >= start && minute <= end;
    return minute >= start || minute <= end; // the window wraps over Monday 00:00
}

bool ChangeWindow::isBlackout(const QDate &localDate) const
{
    return m_policy.blackoutDates.contains(localDate);
}

bool ChangeWindow::isInChangeWindow(const QDateTime &at) const
{
    const QDateTime local = toLocal(at);
    return !isBlackout(local.date()) && weeklyWindowContains(minuteOfWeek(local));
}

std::optional<QDateTime> ChangeWindow::openUntil(const QDateTime &at) const
{
    if (!isInChangeWindow(at))
        return std::nullopt;
    // Counted on the wall clock, in days, so a weekend that springs forward or falls back ends
    // on the same local minute as any other.
    const QDateTime local = toLocal(at);
    const int now = minuteOfWeek(local);
    const int end = weekMinute(m_policy.endDay, m_policy.endTime);
    const int ahead = (end - now + kMinutesPerWeek) % kMinutesPerWeek;
    const int minuteOfDay = local.time().hour() * 60 + local.time().minute();
    const int days = (minuteOfDay + ahead) / (24 * 60);
    // A blackout day in the rest of the window shuts it at the end of the day before.
    for (int i = 1; i <= days; ++i)
        if (isBlackout(local.date().addDays(i)))
            return wallClock(local.date().addDays(i - 1), QTime(23, 59), m_zone);
    return wallClock(local.date().addDays(days),
                     QTime(m_policy.endTime.hour(), m_policy.endTime.minute()), m_zone);
}

std::optional<QDateTime> ChangeWindow::nextOpening(const QDateTime &at) const
{
    // The window opens at its weekly start, or at the midnight that ends a blackout day inside
    // it (a blackout Saturday: Sunday opens at 00:00).
    const QDate today = toLocal(at).date();
    for (int i = 0; i <= 56; ++i) {
        const QDate day = today.addDays(i);
        QList<QDateTime> candidates{wallClock(day, QTime(0, 0), m_zone)};
        if (day.dayOfWeek() == m_policy.startDay)
            candidates.append(wallClock(day, m_policy.startTime, m_zone));
        for (const QDateTime &candidate : candidates)
            if (candidate > at && isInChangeWindow(candidate))
                return candidate;
    }
    return std::nullopt;
}

QString ChangeWindow::describeState(const QDateTime &at) const
{
    const QString fmt = QStringLiteral("ddd HH:mm");
    if (auto until = openUntil(at))
        return QStringLiteral("Change window open until %1").arg(until->toString(fmt));
    const QDateTime local = toLocal(at);
    const QString lead = isBlackout(local.date())
                             ? QStringLiteral("Blackout %1: cutovers and rollbacks locked")
                                   .arg(local.date().toString(Qt::ISODate))
                             : QStringLiteral("Cutovers and rollbacks locked");
    if (auto next = nextOpening(at))
        return QStringLiteral("%1 until %2 (%3)")
            .arg(lead, toLocal(*next).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                 QString::fromUtf8(m_zone.id()));
    return lead;
}

} // namespace daybreak
