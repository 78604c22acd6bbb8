#pragma once

#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace daybreak {

// The vocabulary of DESIGN.md §2: a pipeline, its migration state and the side that is canonical.
enum class State
{
    OnPrem,
    DualRun,
    Cloud,
    Decommissioned
};
enum class Side
{
    OnPrem,
    Cloud
};
enum class Risk
{
    Low,
    Medium,
    High
};

QString stateName(State state);
std::optional<State> stateFromName(const QString &name);
QString sideName(Side side);
std::optional<Side> sideFromName(const QString &name);
QString riskName(Risk risk);
std::optional<Risk> riskFromName(const QString &name);

// The side whose output consumers read while a pipeline is in `state`.
Side canonicalSide(State state);

inline constexpr double kDefaultParityTolerance = 0.001;

struct Pipeline
{
    QString id;
    QString name;
    QString owner;
    std::optional<QTime> schedule; // empty: starts after its upstreams
    int onpremMinutes = 0;
    int cloudMinutes = 0;
    std::optional<int> onpremP95Minutes;
    std::optional<int> cloudP95Minutes;
    std::optional<QTime> sla;
    QStringList upstreams;
    Risk risk = Risk::Medium;
    Side target = Side::Cloud;
    State initialState = State::OnPrem;
    double parityTolerance = kDefaultParityTolerance;
    QStringList tags;
    QString group; // as the inventory names it; empty: see groupName()

    bool staysOnPrem() const { return target == Side::OnPrem; }
    bool isReport() const { return sla.has_value(); }
    QString scheduleText() const;
    // The group the graph draws it in: `group`, else the id's prefix before the first "." or
    // "__" (dbt's and BigQuery's folders), else the owner, else "(ungrouped)".
    QString groupName() const;
    int minutesOn(Side side) const { return side == Side::OnPrem ? onpremMinutes : cloudMinutes; }

    bool operator==(const Pipeline &) const = default;
};

} // namespace daybreak
