#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace daybreak {

class Inventory;

// The instant a wall clock in `zone` shows `time` on `date`. A time that does not exist that
// day (the hour skipped when clocks spring forward) is read as if the clock had not moved yet,
// as cron and Airflow run it: 02:30 on the spring-forward night in Europe/Berlin is 03:30 CEST,
// never an invalid instant. A time that happens twice (autumn) is its first occurrence.
QDateTime wallClock(const QDate &date, const QTime &time, const QTimeZone &zone);

// The platform's calendar: the inventory's time zone and the dates every rule, view, report and
// command derives from an instant. The one place a zone is built from its name (an unknown or
// empty name is UTC, everywhere), so a console never prints the machine's local time next to an
// alert in the inventory's. The weekly change window is answered by ChangeWindow (rules/), built
// on this calendar's zone.
class Calendar
{
public:
    explicit Calendar(const QString &zoneName);
    explicit Calendar(const Inventory &inventory);
    explicit Calendar(const QTimeZone &zone);

    const QTimeZone &zone() const { return m_zone; }
    QString zoneName() const { return QString::fromUtf8(m_zone.id()); }

    // The instant `at` in the inventory's zone (what a lead's wall clock shows).
    QDateTime localTime(const QDateTime &at) const { return at.toTimeZone(m_zone); }
    // The local calendar date of `at`: "today" for parity nights, wave dates and reports.
    QDate localDate(const QDateTime &at) const { return localTime(at).date(); }
    // The business date a run at `at` belongs to: from local noon on, the next morning's reports.
    QDate businessDate(const QDateTime &at) const;
    // The local wall-clock `time` on `date` in the inventory's zone (wallClock()).
    QDateTime at(const QDate &date, const QTime &time) const
    {
        return wallClock(date, time, m_zone);
    }
    // `at` formatted in the inventory's zone ("HH:mm", "ddd HH:mm", ...); empty for an invalid
    // instant.
    QString format(const QDateTime &at, const QString &pattern) const;

private:
    QTimeZone m_zone;
};

} // namespace daybreak
