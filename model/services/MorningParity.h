#pragma once

#include "DiffReport.h"
#include "ParityMapping.h"
#include "SlaAlert.h"
#include "StoreTypes.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace daybreak {

class TelemetryStore;

// The rules of the watch's morning diff (the watch runs them, MorningDiffs.h):
// - which nights are due: a mapped pipeline that is dual-running, or cut over and still inside
//   its watch period, whose night (one of the last few) has both sides' runs completed as their
//   run events say, and has no comparison recorded yet (a night is never recorded twice);
// - the alert a measured breach raises, naming the differing columns with both values: the
//   cutover is halted, or, once cut over, a rollback is advised;
// - the breach alerts an explanation or an acceptance of their night has cleared.
class MorningParity
{
public:
    static constexpr int kWatchDays = 14;     // a cut-over pipeline is still compared this long
    static constexpr int kLookbackNights = 3; // a night missed (the watch was down) still counts
    inline static const QString kAlertStatus = QStringLiteral("parity_breach");

    struct Due
    {
        QString pipeline;
        QDate night;
        bool operator==(const Due &) const = default;
    };
    static QList<Due> due(TelemetryStore &store, const StoreSnapshot &snapshot,
                          const QList<ParityMapping> &mappings, const QDateTime &now);

    // The page of a measured breach of `report`'s night.
    static SlaAlert breachAlert(const StoreSnapshot &snapshot, const DiffReport &report,
                                const QDateTime &now);

    // Open breach alerts of the last kWatchDays nights whose night has been explained or
    // accepted since, marked resolved at `now` with who and why; `nights`: every night of those
    // days that has a breach alert, open or not (the watch delivers their pages and resolves).
    static QList<SlaAlert> cleared(TelemetryStore &store, const StoreSnapshot &snapshot,
                                   const QDateTime &now, QList<QDate> *nights);
};

} // namespace daybreak
