// The wave plan: its waves, their members and the plan's version, changed compare-and-set.

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

WavePlan SqlStore::loadPlan()
{
    QList<Wave> waves;
    QHash<QString, int> index;
    QSqlQuery w = run(QStringLiteral("SELECT name, wave_date, window_start, window_end, capacity, "
                                     "max_high_risk FROM waves ORDER BY wave_date, name"));
    while (w.next()) {
        Wave wave;
        wave.name = w.value(0).toString();
        wave.date = QDate::fromString(w.value(1).toString(), Qt::ISODate);
        wave.windowStart = QDateTime::fromString(w.value(2).toString(), Qt::ISODate);
        wave.windowEnd = QDateTime::fromString(w.value(3).toString(), Qt::ISODate);
        wave.capacity = w.value(4).toInt();
        wave.maxHighRisk = w.value(5).toInt();
        index.insert(wave.name, int(waves.size()));
        waves.append(wave);
    }
    QSqlQuery m =
        run(QStringLiteral("SELECT wave, pipeline FROM wave_members ORDER BY wave, position"));
    while (m.next()) {
        const int i = index.value(m.value(0).toString(), -1);
        if (i >= 0)
            waves[i].members.append(m.value(1).toString());
    }
    return WavePlan(waves);
}

void SqlStore::writeWave(const Wave &w)
{
    run(QStringLiteral("INSERT INTO waves (name, wave_date, window_start, window_end, capacity, "
                       "max_high_risk) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET wave_date = "
                       "excluded.wave_date, "
                       "window_start = excluded.window_start, window_end = excluded.window_end, "
                       "capacity = excluded.capacity, max_high_risk = excluded.max_high_risk"),
        {w.name, w.date.toString(Qt::ISODate), w.windowStart.toString(Qt::ISODate),
         w.windowEnd.toString(Qt::ISODate), w.capacity, w.maxHighRisk},
        QStringLiteral("writing wave %1").arg(w.name));
    run(QStringLiteral("DELETE FROM wave_members WHERE wave = ?"), {w.name});
    int position = 0;
    for (const QString &id : w.members) {
        run(QStringLiteral("DELETE FROM wave_members WHERE pipeline = ?"), {id});
        run(QStringLiteral("INSERT INTO wave_members (pipeline, wave, position) VALUES (?, ?, ?)"),
            {id, w.name, position++}, QStringLiteral("planning %1 in wave %2").arg(id, w.name));
    }
}

WriteStatus SqlStore::applyPlanChange(const PlanChange &change)
{
    Transaction tx(*this);
    QSqlQuery current =
        run(QStringLiteral("SELECT value FROM settings WHERE key = 'plan_version'"));
    const QString version = current.next() ? current.value(0).toString() : QStringLiteral("0");
    if (change.expectedPlanVersion >= 0 && version.toLongLong() != change.expectedPlanVersion) {
        tx.rollback();
        return WriteStatus::Conflict;
    }
    // The plan's own compare-and-set: two consoles editing at once cannot interleave.
    QSqlQuery bump = run(
        QStringLiteral("UPDATE settings SET value = ? WHERE key = 'plan_version' AND value = ?"),
        {QString::number(version.toLongLong() + 1), version});
    if (bump.numRowsAffected() != 1) {
        tx.rollback();
        return WriteStatus::Conflict;
    }
    for (const auto &[from, to] : change.renames)
        run(QStringLiteral("UPDATE waves SET name = ? WHERE name = ?"), {to, from},
            QStringLiteral("renaming wave %1").arg(from));
    for (const QString &name : change.removeWaves)
        run(QStringLiteral("DELETE FROM waves WHERE name = ?"), {name},
            QStringLiteral("removing wave %1").arg(name));
    for (const Wave &w : change.upsertWaves)
        writeWave(w);
    for (const AuditEntry &a : change.audit)
        insertAudit(a);
    tx.commit();
    return WriteStatus::Written;
}

} // namespace daybreak
