#include "ParityService.h"

#include "Clock.h"
#include "MigrationRules.h"
#include "Store.h"

#include <algorithm>

ParityService::ParityService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

ParityService::RecordOutcome ParityService::record(ParityResult result)
{
    RecordOutcome outcome;
    QStringList bad;
    if (!result.businessDate.isValid())
        bad << QStringLiteral("date: expected YYYY-MM-DD");
    if (result.onpremRows < 0)
        bad << QStringLiteral("onprem-rows: must not be negative");
    if (result.cloudRows < 0)
        bad << QStringLiteral("cloud-rows: must not be negative");
    if (result.mismatchedRows < 0)
        bad << QStringLiteral("mismatched-rows: must not be negative");
    if (result.maxRelativeDiff < 0)
        bad << QStringLiteral("max-rel-diff: must not be negative");
    if (!bad.isEmpty()) {
        outcome.message = bad.join(QStringLiteral("; "));
        return outcome;
    }
    StoreSnapshot snapshot = m_store.snapshot();
    if (!snapshot.inventory.contains(result.pipeline)) {
        outcome.status = RecordStatus::UnknownPipeline;
        outcome.message = QStringLiteral("unknown pipeline '%1'").arg(result.pipeline);
        return outcome;
    }
    result.recordedAt = m_clock.now();
    result.recordedBy = m_actor;
    AuditEntry audit;
    audit.at = result.recordedAt;
    audit.actor = m_actor;
    audit.action = QStringLiteral("parity_record");
    audit.pipeline = result.pipeline;
    audit.reason = QStringLiteral("%1: on-prem %2 rows, cloud %3 rows, %4 mismatched, max diff %5")
                       .arg(result.businessDate.toString(Qt::ISODate))
                       .arg(result.onpremRows)
                       .arg(result.cloudRows)
                       .arg(result.mismatchedRows)
                       .arg(result.maxRelativeDiff);
    m_store.recordParity({result}, audit);

    auto &list = snapshot.parity[result.pipeline];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const ParityResult &r) { return r.businessDate == result.businessDate; }),
               list.end());
    list.append(result);
    outcome.status = RecordStatus::Recorded;
    outcome.gate = evaluate(snapshot, result.pipeline).gate;
    const Pipeline *p = snapshot.inventory.find(result.pipeline);
    outcome.message = QStringLiteral("%1 %2: %3 (tolerance %4); gate %5, %6 of %7 clean")
                          .arg(result.pipeline, result.businessDate.toString(Qt::ISODate),
                               result.isWithin(p->parityTolerance) ? QStringLiteral("within tolerance")
                                                                   : QStringLiteral("BREACH"))
                          .arg(p->parityTolerance)
                          .arg(gateStatusName(outcome.gate.status))
                          .arg(outcome.gate.cleanRuns)
                          .arg(outcome.gate.runsRequired);
    return outcome;
}

ParityService::PipelineParity ParityService::evaluate(const StoreSnapshot &snapshot, const QString &pipeline)
{
    PipelineParity result;
    result.pipeline = pipeline;
    result.gate = MigrationRules::gateOf(snapshot, pipeline);
    result.rollbackRecommended = snapshot.stateOf(pipeline) == State::Cloud && !result.gate.openBreaches.isEmpty();
    return result;
}

ParityHealth ParityService::health(const StoreSnapshot &snapshot, const QString &pipeline)
{
    if (snapshot.parity.value(pipeline).isEmpty())
        return ParityHealth::Unknown;
    const ParityGate::Evaluation g = MigrationRules::gateOf(snapshot, pipeline);
    if (!g.openBreaches.isEmpty())
        return ParityHealth::Breached;
    return g.status == ParityGate::Status::Passed ? ParityHealth::Clean : ParityHealth::Warning;
}

QString parityHealthName(ParityHealth health)
{
    switch (health) {
    case ParityHealth::Unknown: return QStringLiteral("unknown");
    case ParityHealth::Clean: return QStringLiteral("clean");
    case ParityHealth::Warning: return QStringLiteral("warning");
    case ParityHealth::Breached: return QStringLiteral("breached");
    }
    return {};
}
