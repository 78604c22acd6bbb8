#pragma once

#include "Pipeline.h"
#include "StoreTypes.h"

#include <QDateTime>
#include <QHash>

namespace daybreak {

// Which state each pipeline's routing pointer was in at a past moment, read back from the
// audit log's routing rows (dual_run, cutover, rollback, decommission): what a replay of an
// old night needs, since the canonical side of a pipeline is the one it ran on then.
class RoutingHistory
{
public:
    RoutingHistory(const StoreSnapshot &snapshot, const QList<AuditEntry> &audit);
    // The state at `at`: the last move before it, else where the first later move started,
    // else the pointer's state now.
    State stateAt(const QString &pipeline, const QDateTime &at) const;

private:
    struct Move
    {
        QDateTime at;
        State from = State::OnPrem;
        State to = State::OnPrem;
    };
    QHash<QString, QList<Move>> m_moves; // oldest first
    QHash<QString, State> m_now;
};

} // namespace daybreak
