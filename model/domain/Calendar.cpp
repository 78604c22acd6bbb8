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
