// Parity: the nightly comparisons, closing a breach, what Daybreak measures and where.

#include "SqlStore.h"
#include "SqlValues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace daybreak {

using namespace sqlvalues;

void SqlStore::recordParity(const QList<ParityResult> &results, const AuditEntry &audit)
{
    Transaction tx(*this);
    writeParity(results);
    insertAudit(audit);
    tx.commit();
}

void SqlStore::writeParity(const QList<ParityResult> &results)
{
    for (const ParityResult &r : results) {
        run(QStringLiteral(
                "INSERT INTO parity_results (pipeline, business_date, onprem_rows, cloud_rows, "
                "mismatched_rows, "
                "max_rel_diff, recorded_at, recorded_by, accepted_by, accepted_reason, resolution, "
                "resolved_at, "
                "checksum_match, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (pipeline, business_date) DO UPDATE SET onprem_rows = "
                "excluded.onprem_rows, "
                "cloud_rows = excluded.cloud_rows, mismatched_rows = excluded.mismatched_rows, "
                "max_rel_diff = excluded.max_rel_diff, recorded_at = excluded.recorded_at, "
                "recorded_by = excluded.recorded_by, accepted_by = excluded.accepted_by, "
                "accepted_reason = excluded.accepted_reason, resolution = excluded.resolution, "
                "resolved_at = excluded.resolved_at, checksum_match = excluded.checksum_match, "
                "note = excluded.note"),
            {r.pipeline, r.businessDate.toString(Qt::ISODate), r.onpremRows, r.cloudRows,
             r.mismatchedRows, r.maxRelativeDiff, isoUtc(r.recordedAt), text(r.recordedBy),
             nullable(r.resolvedBy), nullable(r.resolvedReason),
             nullable(resolutionName(r.resolution)),
             r.isResolved() ? QVariant(isoUtc(r.resolvedAt))
                            : QVariant(QMetaType(QMetaType::QString)),
             r.checksumMatch ? QVariant(*r.checksumMatch ? 1 : 0)
                             : QVariant(QMetaType(QMetaType::Int)),
             text(r.note)},
            QStringLiteral("recording parity for %1").arg(r.pipeline));
    }
}

WriteStatus SqlStore::resolveBreach(const QString &pipeline, const QDate &date,
                                    BreachResolution resolution, const AuditEntry &audit)
{
    // Only an open breach can be resolved: a second resolution of the same night is a conflict.
    return updateOneWithAudit(
        QStringLiteral(
            "UPDATE parity_results SET resolution = ?, accepted_by = ?, accepted_reason = ?, "
            "resolved_at = ? WHERE pipeline = ? AND business_date = ? AND resolution IS NULL"),
        {resolutionName(resolution), audit.actor, audit.reason, isoUtc(audit.at), pipeline,
         date.toString(Qt::ISODate)},
        audit);
}

WriteStatus SqlStore::putParitySetting(const ParitySetting &p, bool mustBeNew,
                                       const AuditEntry &audit)
{
    const QString conflict =
        mustBeNew ? QStringLiteral("DO NOTHING")
                  : QStringLiteral("DO UPDATE SET spec = excluded.spec, updated_by = "
                                   "excluded.updated_by, updated_at = excluded.updated_at");
    return updateOneWithAudit(
        QStringLiteral("INSERT INTO parity_settings (kind, name, spec, updated_by, updated_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, name) ") +
            conflict,
        {p.kind, p.name, QString::fromUtf8(QJsonDocument(p.spec).toJson(QJsonDocument::Compact)),
         text(p.updatedBy), isoUtc(p.updatedAt)},
        audit);
}

WriteStatus SqlStore::removeParitySetting(const QString &kind, const QString &name,
                                          const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("DELETE FROM parity_settings WHERE kind = ? AND name = ?"), {kind, name},
        audit);
}

QList<ParitySetting> SqlStore::paritySettings(const QString &kind)
{
    QSqlQuery q = run(QStringLiteral("SELECT kind, name, spec, updated_by, updated_at FROM "
                                     "parity_settings WHERE kind = ? ORDER BY name"),
                      {kind});
    QList<ParitySetting> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(),
                       q.value(3).toString(), fromIsoUtc(q.value(4).toString())});
    return result;
}

void SqlStore::recordMeasuredParity(const ParityResult &result, const QJsonObject &detail,
                                    const AuditEntry &audit)
{
    Transaction tx(*this);
    writeParity({result});
    run(QStringLiteral("INSERT INTO parity_diffs (pipeline, business_date, measured_at, detail) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (pipeline, business_date) DO UPDATE SET "
                       "measured_at = excluded.measured_at, detail = excluded.detail"),
        {result.pipeline, result.businessDate.toString(Qt::ISODate), isoUtc(result.recordedAt),
         QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))},
        QStringLiteral("keeping what the comparison of %1 found").arg(result.pipeline));
    insertAudit(audit);
    tx.commit();
}

QList<MeasuredParity> SqlStore::measuredParity(const QString &pipeline)
{
    QSqlQuery q = run(QStringLiteral("SELECT pipeline, business_date, measured_at, detail FROM "
                                     "parity_diffs WHERE ? = '' OR pipeline = ? ORDER BY "
                                     "business_date DESC, pipeline"),
                      {pipeline, pipeline});
    QList<MeasuredParity> result;
    while (q.next())
        result.append({q.value(0).toString(), QDate::fromString(q.value(1).toString(), Qt::ISODate),
                       fromIsoUtc(q.value(2).toString()),
                       QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
    return result;
}

} // namespace daybreak
