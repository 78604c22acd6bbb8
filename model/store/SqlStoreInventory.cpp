// The inventory: pipelines and their upstreams replaced as a whole, and the demo's past.

#include "SqlStore.h"
#include "SqlValues.h"

#include "MigrationRules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace daybreak {

using namespace sqlvalues;

void SqlStore::replaceInventory(const Inventory &inv, const AuditEntry &audit,
                                const StoreHistory &history)
{
    Transaction tx(*this);
    const QString upsertSetting =
        QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                       "UPDATE SET value = excluded.value");
    run(upsertSetting, {QStringLiteral("timezone"), inv.timezone});
    run(upsertSetting,
        {QStringLiteral("change_window"),
         QString::fromUtf8(
             QJsonDocument(inv.changeWindow.toJson()).toJson(QJsonDocument::Compact))});
    run(upsertSetting,
        {QStringLiteral("parity_runs_required"), QString::number(inv.parityRunsRequired)});
    run(upsertSetting, {QStringLiteral("approvals"), approvalPolicyName(inv.approvals)});

    run(QStringLiteral("DELETE FROM upstreams"));
    // A set: 100,000 pipelines were quadratic with a list, all under the write lock.
    QSet<QString> keep;
    keep.reserve(inv.pipelines().size());
    int position = 0;
    for (const Pipeline &p : inv.pipelines()) {
        keep.insert(p.id);
        run(QStringLiteral(
                "INSERT INTO pipelines (id, position, name, owner, schedule, onprem_minutes, "
                "cloud_minutes, "
                "onprem_p95_minutes, cloud_p95_minutes, sla, risk, target, initial_state, "
                "parity_tolerance, tags, group_name) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                "UPDATE "
                "SET "
                "position = excluded.position, name = excluded.name, owner = excluded.owner, "
                "schedule = excluded.schedule, onprem_minutes = excluded.onprem_minutes, "
                "cloud_minutes = excluded.cloud_minutes, onprem_p95_minutes = "
                "excluded.onprem_p95_minutes, "
                "cloud_p95_minutes = excluded.cloud_p95_minutes, sla = excluded.sla, risk = "
                "excluded.risk, "
                "target = excluded.target, parity_tolerance = excluded.parity_tolerance, tags = "
                "excluded.tags, group_name = excluded.group_name"),
            {p.id, position++, text(p.name), text(p.owner), timeOrNull(p.schedule), p.onpremMinutes,
             p.cloudMinutes, nullableInt(p.onpremP95Minutes), nullableInt(p.cloudP95Minutes),
             timeOrNull(p.sla), riskName(p.risk), sideName(p.target), stateName(p.initialState),
             p.parityTolerance, text(p.tags.join(QLatin1Char(';'))), text(p.group)},
            QStringLiteral("writing pipeline %1").arg(p.id));
        run(QStringLiteral(
                "INSERT INTO routing (pipeline, state, version, updated_at) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (pipeline) DO NOTHING"),
            {p.id, stateName(p.initialState), isoUtc(audit.at)});
    }
    QSqlQuery existing = run(QStringLiteral("SELECT id FROM pipelines"));
    QStringList gone;
    while (existing.next())
        if (!keep.contains(existing.value(0).toString()))
            gone.append(existing.value(0).toString());
    bool planChanged = false;
    for (const QString &id : gone) {
        // A removed pipeline leaves its wave: the plan changed, so its version moves and every
        // console holding the old one is told (tst_migrationservice guards it).
        planChanged = run(QStringLiteral("DELETE FROM wave_members WHERE pipeline = ?"), {id})
                              .numRowsAffected() > 0 ||
                      planChanged;
        run(QStringLiteral("DELETE FROM parity_results WHERE pipeline = ?"), {id});
        run(QStringLiteral("DELETE FROM parity_diffs WHERE pipeline = ?"), {id});
        run(QStringLiteral("DELETE FROM routing WHERE pipeline = ?"), {id});
        run(QStringLiteral("DELETE FROM pipelines WHERE id = ?"), {id});
    }
    for (const Pipeline &p : inv.pipelines()) {
        int order = 0;
        for (const QString &up : p.upstreams)
            run(QStringLiteral(
                    "INSERT INTO upstreams (pipeline, upstream, position) VALUES (?, ?, ?)"),
                {p.id, up, order++});
    }
    if (planChanged)
        run(QStringLiteral("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                           "WHERE key = 'plan_version'"));
    writeHistory(history);
    insertAudit(audit);
    tx.commit();
}

void SqlStore::writeHistory(const StoreHistory &history)
{
    for (const AuditEntry &a : history.audit) {
        if (actionFromName(a.action)) { // a routing change moves the pointer it names
            const QSqlQuery moved =
                run(QStringLiteral("UPDATE routing SET state = ?, version = version + 1, "
                                   "updated_at = ? WHERE pipeline = ? AND state = ?"),
                    {a.to, isoUtc(a.at), a.pipeline, a.from},
                    QStringLiteral("replaying the %1 of %2").arg(a.action, a.pipeline));
            if (moved.numRowsAffected() != 1)
                throw StoreError(QStringLiteral("the history moves %1 from %2, but it is not %2")
                                     .arg(a.pipeline, a.from));
        }
        insertAudit(a);
    }
    for (const Wave &w : history.waves)
        writeWave(w);
    for (const RunEvent &e : history.runEvents)
        insertRunEvent(e);
    if (!history.parity.isEmpty())
        writeParity(history.parity);
}

} // namespace daybreak
