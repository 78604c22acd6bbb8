#include "Pipeline.h"

namespace daybreak {

QString stateName(State state)
{
    switch (state) {
    case State::OnPrem:
        return QStringLiteral("onprem");
    case State::DualRun:
        return QStringLiteral("dual_run");
    case State::Cloud:
        return QStringLiteral("cloud");
    case State::Decommissioned:
        return QStringLiteral("decommissioned");
    }
    return {};
}

std::optional<State> stateFromName(const QString &name)
{
    for (State s : {State::OnPrem, State::DualRun, State::Cloud, State::Decommissioned})
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

QString sideName(Side side)
{
    return side == Side::OnPrem ? QStringLiteral("onprem") : QStringLiteral("cloud");
}

std::optional<Side> sideFromName(const QString &name)
{
    if (name == QLatin1String("onprem"))
        return Side::OnPrem;
    if (name == QLatin1String("cloud"))
        return Side::Cloud;
    return std::nullopt;
}

QString riskName(Risk risk)
{
    switch (risk) {
    case Risk::Low:
        return QStringLiteral("low");
    case Risk::Medium:
        return QStringLiteral("medium");
    case Risk::High:
        return QStringLiteral("high");
    }
    return {};
}

std::optional<Risk> riskFromName(const QString &name)
{
    for (Risk r : {Risk::Low, Risk::Medium, Risk::High})
        if (riskName(r) == name)
            return r;
    return std::nullopt;
}

Side canonicalSide(State state)
{
    // Decommissioned pipelines only exist in the cloud, so the cloud stays canonical.
    return (state == State::Cloud || state == State::Decommissioned) ? Side::Cloud : Side::OnPrem;
}

QString Pipeline::scheduleText() const
{
    return schedule ? schedule->toString(QStringLiteral("HH:mm"))
                    : QStringLiteral("after_upstreams");
}

QString Pipeline::groupName() const
{
    if (!group.isEmpty())
        return group;
    const qsizetype dot = id.indexOf(QLatin1Char('.'));
    const qsizetype underscores = id.indexOf(QLatin1String("__"));
    qsizetype cut = -1;
    if (dot > 0 && (underscores <= 0 || dot < underscores))
        cut = dot;
    else if (underscores > 0)
        cut = underscores;
    if (cut > 0)
        return id.left(cut);
    return owner.isEmpty() ? QStringLiteral("(ungrouped)") : owner;
}

} // namespace daybreak
