#include "ChangeWindowPolicy.h"

#include <QJsonArray>

namespace daybreak {

namespace {
const char *const kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                             "friday", "saturday", "sunday"};
}

QString dayShortName(int dayOfWeek)
{
    if (dayOfWeek < 1 || dayOfWeek > 7)
        return QStringLiteral("?");
    QString name = QString::fromLatin1(kDays[dayOfWeek - 1]).left(3);
    name[0] = name[0].toUpper();
    return name;
}

int dayFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower.size() < 3)
        return 0;
    for (int i = 0; i < 7; ++i)
        if (QString::fromLatin1(kDays[i]).startsWith(lower))
            return i + 1;
    return 0;
}

QJsonObject ChangeWindowPolicy::toJson() const
{
    QJsonArray blackouts;
    for (const QDate &d : blackoutDates)
        blackouts.append(d.toString(Qt::ISODate));
    return QJsonObject{
        {QStringLiteral("start_day"), QString::fromLatin1(kDays[startDay - 1])},
        {QStringLiteral("start"), startTime.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("end_day"), QString::fromLatin1(kDays[endDay - 1])},
        {QStringLiteral("end"), endTime.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("blackout_dates"), blackouts},
    };
}

ChangeWindowPolicy ChangeWindowPolicy::fromJson(const QJsonObject &json, QStringList *problems)
{
    ChangeWindowPolicy policy;
    auto complain = [problems](const QString &text) {
        if (problems)
            problems->append(text);
    };
    auto readDay = [&](const char *key, int &day) {
        if (!json.contains(QLatin1String(key)))
            return;
        const QString text = json.value(QLatin1String(key)).toString();
        const int parsed = dayFromName(text);
        if (parsed == 0)
            complain(QStringLiteral("%1: unknown day '%2'").arg(QLatin1String(key), text));
        else
            day = parsed;
    };
    auto readTime = [&](const char *key, QTime &time) {
        if (!json.contains(QLatin1String(key)))
            return;
        const QString text = json.value(QLatin1String(key)).toString();
        const QTime parsed = QTime::fromString(text, QStringLiteral("HH:mm"));
        if (!parsed.isValid())
            complain(
                QStringLiteral("%1: bad time '%2' (expected HH:MM)").arg(QLatin1String(key), text));
        else
            time = parsed;
    };
    readDay("start_day", policy.startDay);
    readTime("start", policy.startTime);
    readDay("end_day", policy.endDay);
    readTime("end", policy.endTime);
    const QJsonArray blackouts = json.value(QStringLiteral("blackout_dates")).toArray();
    for (const QJsonValue &value : blackouts) {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        if (!date.isValid())
            complain(QStringLiteral("blackout_dates: bad date '%1' (expected YYYY-MM-DD)")
                         .arg(value.toString()));
        else
            policy.blackoutDates.append(date);
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        static const QStringList known{QStringLiteral("start_day"), QStringLiteral("start"),
                                       QStringLiteral("end_day"), QStringLiteral("end"),
                                       QStringLiteral("blackout_dates")};
        if (!known.contains(it.key()))
            complain(QStringLiteral("%1: unknown key").arg(it.key()));
    }
    return policy;
}

QString ChangeWindowPolicy::describe() const
{
    return QStringLiteral("%1 %2–%3 %4")
        .arg(dayShortName(startDay), startTime.toString(QStringLiteral("HH:mm")),
             dayShortName(endDay), endTime.toString(QStringLiteral("HH:mm")));
}

} // namespace daybreak
