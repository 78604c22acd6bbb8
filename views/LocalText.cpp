#include "LocalText.h"

#include "Calendar.h"

#include <QCoreApplication>
#include <QLocale>

namespace daybreak {

namespace {

bool keepsTheOperationsClock(const QLocale &locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

// The heading of each refusal code, as the translators see it (context "daybreak::Reason").
const char *heading(Reason::Code code)
{
    switch (code) {
    case Reason::Code::WrongState:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Not in the state this needs");
    case Reason::Code::StaysOnPrem:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Stays on-prem");
    case Reason::Code::ParityGate:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Parity gate not passed");
    case Reason::Code::UpstreamNotCutOver:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "An upstream is not cut over");
    case Reason::Code::WindowClosed:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Outside the change window");
    case Reason::Code::Blackout:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Blackout date");
    case Reason::Code::ReasonMissing:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "A reason is required");
    case Reason::Code::UnknownWave:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "No such wave");
    case Reason::Code::WaveCapacity:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "The wave is full");
    case Reason::Code::WaveHighRisk:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Too many high-risk pipelines in the wave");
    case Reason::Code::UpstreamPlannedLater:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "An upstream is planned later");
    case Reason::Code::DownstreamPlannedEarlier:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "A downstream is planned earlier");
    case Reason::Code::CrossSideRead:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Reads across sides");
    case Reason::Code::Unplanned:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Not planned");
    case Reason::Code::ParityReadiness:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Parity not ready by the wave");
    case Reason::Code::NightAtRisk:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "The night after puts a report at risk");
    case Reason::Code::RoleMissing:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Your role does not allow this");
    case Reason::Code::Removal:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Would remove pipelines");
    case Reason::Code::ApprovalNeeded:
        return QT_TRANSLATE_NOOP("daybreak::Reason", "Needs a second operator's approval");
    case Reason::Code::Other:
        break;
    }
    return nullptr;
}

} // namespace

QString clockTime(const QTime &time, bool seconds)
{
    if (!time.isValid())
        return QString();
    const QLocale locale;
    if (keepsTheOperationsClock(locale))
        return time.toString(seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (seconds && !format.contains(QLatin1String("ss")))
        format.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return locale.toString(time, format);
}

QString dayAndDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("ddd yyyy-MM-dd"));
}

QString clockTime(const QDateTime &at, const QTimeZone &zone, bool seconds)
{
    return at.isValid() ? clockTime(at.toTimeZone(zone).time(), seconds) : QString();
}

QString clockTime(const Calendar &calendar, const QDateTime &at, bool seconds)
{
    return clockTime(at, calendar.zone(), seconds);
}

QString phraseReason(const Reason &reason)
{
    const char *source = heading(reason.code);
    if (!source)
        return reason.text;
    const QString translated = QCoreApplication::translate("daybreak::Reason", source);
    if (translated == QLatin1String(source))
        return reason.text;
    return QStringLiteral("%1 — %2").arg(translated, reason.text);
}

QStringList phraseReasons(const QList<Reason> &reasons)
{
    QStringList out;
    for (const Reason &r : reasons)
        out << phraseReason(r);
    return out;
}

} // namespace daybreak
