#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

namespace daybreak {

// When high-risk actions (cutover, rollback, decommission) may run: a weekly window in the
// inventory's time zone (default Saturday 00:00 to Sunday 23:59, end minute inclusive) minus
// blackout dates, given as local calendar days on which the window stays shut.
struct ChangeWindowPolicy
{
    int startDay = Qt::Saturday; // Qt::DayOfWeek, Monday = 1
    QTime startTime{0, 0};
    int endDay = Qt::Sunday;
    QTime endTime{23, 59};
    QList<QDate> blackoutDates;

    QJsonObject toJson() const;
    // Reads the inventory's "change_window" object; problems are appended as "field: message".
    static ChangeWindowPolicy fromJson(const QJsonObject &json, QStringList *problems = nullptr);

    QString describe() const; // "Sat 00:00–Sun 23:59"
    bool operator==(const ChangeWindowPolicy &) const = default;
};

QString dayShortName(int dayOfWeek);
int dayFromName(const QString &name); // 0 when unknown

} // namespace daybreak
