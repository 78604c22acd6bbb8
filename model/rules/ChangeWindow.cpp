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
    const QDateTime local = toLocal(at);
    const int now = minuteOfWeek(local);
    const int end = weekMinute(m_policy.endDay, m_policy.endTime);
    const int ahead = (end - now + kMinutesPerWeek) % kMinutesPerWeek;
    QDateTime until = local.addSecs(qint64(ahead) * 60);
    until.setTime(QTime(m_policy.endTime.hour(), m_policy.endTime.minute()));
    return until;
}

std::optional<QDateTime> ChangeWindow::nextOpening(const QDateTime &at) const
{
    const QDate today = toLocal(at).date();
    for (int i = 0; i <= 56; ++i) {
        const QDate day = today.addDays(i);
        if (day.dayOfWeek() != m_policy.startDay || isBlackout(day))
            continue;
        const QDateTime opening(day, m_policy.startTime, m_zone);
        if (opening > at)
            return opening;
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
                             ? QStringLiteral("Blackout %1: high-risk changes locked")
                                   .arg(local.date().toString(Qt::ISODate))
                             : QStringLiteral("High-risk changes locked");
    if (auto next = nextOpening(at))
        return QStringLiteral("%1 until %2 (%3)")
            .arg(lead, toLocal(*next).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                 QString::fromUtf8(m_zone.id()));
    return lead;
}

} // namespace daybreak
