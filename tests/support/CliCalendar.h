#pragma once

#include "Calendar.h"
#include "Inventory.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace daybreak {

// End-to-end tests run daybreakctl as a separate process, and the product reads only the system
// clock (there is no switch to fake it). These helpers derive the test's dates the same way the
// product does, in the inventory's time zone, so a test means the same on any day it runs; run the
// suite under libfaketime to check a chosen date (see README, "Tests at a chosen date").
namespace CliCalendar {

// Today's local date in `inventory`'s time zone, as daybreakctl will compute it.
inline QDate today(const Inventory &inventory)
{
    return Calendar(inventory).localDate(QDateTime::currentDateTimeUtc());
}

// Today's local date in the named time zone (an inventory's "timezone").
inline QDate todayIn(const QString &zone)
{
    Inventory inventory;
    inventory.timezone = zone;
    return today(inventory);
}

// The `count` Saturdays after today on which a wave may fall: not a blackout date of `inventory`.
inline QList<QDate> openSaturdays(const Inventory &inventory, int count)
{
    QList<QDate> out;
    QDate d = today(inventory).addDays(1);
    while (out.size() < count) {
        if (d.dayOfWeek() == Qt::Saturday && !inventory.changeWindow.blackoutDates.contains(d))
            out.append(d);
        d = d.addDays(1);
    }
    return out;
}

// The next `dayOfWeek` after today that is not a blackout date.
inline QDate nextWeekday(const Inventory &inventory, int dayOfWeek)
{
    QDate d = today(inventory).addDays(1);
    while (d.dayOfWeek() != dayOfWeek || inventory.changeWindow.blackoutDates.contains(d))
        d = d.addDays(1);
    return d;
}

} // namespace CliCalendar

} // namespace daybreak
