#pragma once

#include "Decision.h"

#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace daybreak {

class Calendar;

// What the console writes in the reader's language: clock times and refusals.
//
// Times follow QLocale: the locale's own short time format, except in English, where the
// console keeps the 24-hour clock operations use ("05:30", never "5:30 AM").
QString clockTime(const QTime &time, bool seconds = false);
// A night's or a wave's date with the locale's short day name: "Sat 2026-03-28".
QString dayAndDate(const QDate &date);
// `at` on the wall clock of `zone` (of the inventory's zone); empty for an invalid instant.
QString clockTime(const QDateTime &at, const QTimeZone &zone, bool seconds = false);
QString clockTime(const Calendar &calendar, const QDateTime &at, bool seconds = false);

// A refusal or warning in the reader's language: its Reason::Code's translated heading, then
// the rule's own text (which names the pipelines). Where no catalogue translates the heading
// (English), the rule's text alone, as before.
QString phraseReason(const Reason &reason);
QStringList phraseReasons(const QList<Reason> &reasons);

} // namespace daybreak
