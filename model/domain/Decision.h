#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace daybreak {

// Why an action may not run, in words a lead understands, naming the pipelines involved.
struct Reason
{
    enum class Code
    {
        WrongState,
        StaysOnPrem,
        ParityGate,
        UpstreamNotCutOver,
        WindowClosed,
        Blackout,
        ReasonMissing,
        UnknownWave,
        WaveCapacity,
        WaveHighRisk,
        UpstreamPlannedLater,
        DownstreamPlannedEarlier,
        CrossSideRead,   // warnings only
        Unplanned,       // warnings only
        ParityReadiness, // warnings only
        NightAtRisk,     // warnings only: the night after a wave would put a report at risk
        RoleMissing,     // the user's database role does not allow the action
        Removal,         // an import would remove a pipeline the lead did not allow to go
        ApprovalNeeded,  // four eyes: a second operator must approve this change
        Other
    };

    Code code = Code::Other;
    QString text;
    QStringList pipelines;
};

// The answer of every rule check: allowed when no reason refuses it; warnings never refuse.
struct Decision
{
    QList<Reason> reasons;
    QList<Reason> warnings;

    bool allowed() const { return reasons.isEmpty(); }
    bool refusedFor(Reason::Code code) const;
    void refuse(Reason::Code code, const QString &text, const QStringList &pipelines = {})
    {
        reasons.append({code, text, pipelines});
    }
    void warn(Reason::Code code, const QString &text, const QStringList &pipelines = {})
    {
        warnings.append({code, text, pipelines});
    }
};

} // namespace daybreak
