#include "MorningDiffs.h"

#include "Clock.h"
#include "Store.h"

#include <QThread>

namespace daybreak {

MorningDiffs::MorningDiffs(Store &store, const Clock &clock, QString actor, Log log)
    : m_store(store), m_clock(clock), m_actor(std::move(actor)), m_log(std::move(log))
{
}

MorningDiffs::~MorningDiffs()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

QList<QDate> MorningDiffs::round(const StoreSnapshot &snapshot)
{
    const QDateTime now = m_clock.now();
    QList<QDate> nights;
    const QList<SlaAlert> cleared =
        m_store.resolveAlerts(MorningParity::cleared(m_store, snapshot, now, &nights));
    for (const SlaAlert &a : cleared)
        m_log(QStringLiteral("INFO"),
              QStringLiteral("resolved %1 %2 of %3: %4")
                  .arg(a.status, a.report, a.businessDate.toString(Qt::ISODate), a.resolvedReason));
    if (m_thread)
        return nights;
    ParityDiffService service(m_store, m_clock, m_actor);
    const QList<MorningParity::Due> due =
        MorningParity::due(m_store, snapshot, service.mappings(), now);
    for (const MorningParity::Due &d : due) {
        const QString key = keyOf(d.pipeline, d.night);
        if (m_notBefore.contains(key) && now < m_notBefore.value(key))
            continue;
        ParityDiffService::DiffOutcome failed;
        std::optional<ParityDiffService::Plan> plan = service.plan(d.pipeline, d.night, &failed);
        if (!plan) {
            m_log(QStringLiteral("ERROR"),
                  QStringLiteral("cannot measure parity of %1 on %2: %3")
                      .arg(d.pipeline, d.night.toString(Qt::ISODate), failed.describe()));
            m_notBefore.insert(key, now.addSecs(3600));
            continue;
        }
        m_plan = *plan;
        m_log(QStringLiteral("INFO"),
              QStringLiteral("measuring parity of %1 on %2 (%3 with %4)")
                  .arg(d.pipeline, d.night.toString(Qt::ISODate), plan->mapping.onprem.toString(),
                       plan->mapping.cloud.toString()));
        const ParityDiffService::Plan copy = *plan;
        m_thread = QThread::create([this, copy] { m_report = ParityDiffService::measure(copy); });
        connect(m_thread, &QThread::finished, this, &MorningDiffs::finish);
        m_thread->start();
        break;
    }
    return nights;
}

void MorningDiffs::finish()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    const ParityDiffService::Plan plan = *m_plan;
    m_plan.reset();
    const QString key = keyOf(plan.pipeline, plan.date);
    const QString night = plan.date.toString(Qt::ISODate);
    const QDateTime now = m_clock.now();
    QList<QDate> nights;
    try {
        // The snapshot again: another watch or a person may have recorded the night meanwhile.
        const StoreSnapshot snapshot = m_store.snapshot();
        bool recordedMeanwhile = false;
        for (const ParityResult &r : snapshot.parity.value(plan.pipeline))
            recordedMeanwhile = recordedMeanwhile || r.businessDate == plan.date;
        if (recordedMeanwhile) {
            m_log(QStringLiteral("INFO"),
                  QStringLiteral("parity of %1 on %2 was recorded meanwhile; this measurement is "
                                 "dropped")
                      .arg(plan.pipeline, night));
        } else if (m_report.status == DiffReport::Status::Unreachable) {
            const int failures = ++m_failures[key];
            const qint64 wait = std::min<qint64>(3600, 300LL << std::min(failures - 1, 4));
            m_notBefore.insert(key, now.addSecs(wait));
            m_log(QStringLiteral("WARN"),
                  QStringLiteral("parity of %1 on %2 not measured: %3; trying again at %4")
                      .arg(plan.pipeline, night, m_report.error,
                           now.addSecs(wait).toString(Qt::ISODate)));
        } else {
            ParityDiffService service(m_store, m_clock, m_actor);
            const ParityDiffService::DiffOutcome o = service.conclude(plan, m_report, true);
            if (!o.recorded) {
                m_notBefore.insert(key, now.addSecs(3600));
                m_log(QStringLiteral("ERROR"), QStringLiteral("parity of %1 on %2 not recorded: %3")
                                                   .arg(plan.pipeline, night, o.describe()));
            } else {
                m_failures.remove(key);
                m_notBefore.remove(key);
                m_log(QStringLiteral("INFO"),
                      QStringLiteral("parity of %1 on %2 recorded: %3 of %4 rows differ (%5 "
                                     "queries, %6 bytes, %7 s)")
                          .arg(plan.pipeline, night)
                          .arg(m_report.mismatchedRows())
                          .arg(m_report.onpremRows)
                          .arg(m_report.queries)
                          .arg(m_report.bytesFetched)
                          .arg(m_report.seconds, 0, 'f', 2));
                if (m_report.status == DiffReport::Status::Breach) {
                    const QList<SlaAlert> raised = m_store.raiseAlerts(
                        {MorningParity::breachAlert(m_store.snapshot(), m_report, now)});
                    for (const SlaAlert &a : raised) {
                        m_log(QStringLiteral("ALERT"),
                              QStringLiteral("%1 %2: %3").arg(a.status, a.report, a.message));
                        nights << a.businessDate;
                    }
                }
            }
        }
    } catch (const StoreError &e) {
        m_notBefore.insert(key, now.addSecs(300));
        m_log(QStringLiteral("ERROR"), QStringLiteral("parity of %1 on %2 not recorded: %3")
                                           .arg(plan.pipeline, night, e.message()));
    }
    emit concluded(nights);
}

} // namespace daybreak
