#include "Calendar.h"

#include "Inventory.h"

namespace daybreak {

namespace {
QTimeZone zoneNamed(const QString &name)
{
    const QTimeZone zone(name.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}
} // namespace

QDateTime wallClock(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    const QDateTime naiveUtc(date, time, QTimeZone::utc());
    // The offset in force a day earlier is the one before any change that day.
    const int before = zone.offsetFromUtc(naiveUtc.addDays(-1));
    const QDateTime first = naiveUtc.addSecs(-before).toTimeZone(zone);
    if (first.date() == date && first.time() == time)
        return first; // exists, and this is its first occurrence (autumn: before falling back)
    const QDateTime local(date, time, zone);
    if (local.isValid() && local.date() == date && local.time() == time)
        return local;
    return first; // in the gap: as if the clock had not sprung forward yet
}

Calendar::Calendar(const QString &zoneName) : m_zone(zoneNamed(zoneName)) {}

Calendar::Calendar(const Inventory &inventory) : Calendar(inventory.timezone) {}

Calendar::Calendar(const QTimeZone &zone) : m_zone(zone.isValid() ? zone : QTimeZone::utc()) {}

QDate Calendar::businessDate(const QDateTime &at) const
{
    const QDateTime local = localTime(at);
    return local.time().hour() >= 12 ? local.date().addDays(1) : local.date();
}

QString Calendar::format(const QDateTime &at, const QString &pattern) const
{
    return at.isValid() ? localTime(at).toString(pattern) : QString();
}

} // namespace daybreak
