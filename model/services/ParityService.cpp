#include "ParityService.h"

#include "Calendar.h"
#include "Clock.h"
#include "CsvParser.h"
#include "Guarded.h"
#include "MigrationRules.h"
#include "Store.h"

#include <QFile>

#include <algorithm>
#include <cmath>

namespace daybreak {

ParityService::ParityService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

ParityService::RecordOutcome ParityService::record(ParityResult result, const QJsonObject *measured)
{
    return guarded<ParityService::RecordOutcome>([&]() -> ParityService::RecordOutcome {
        RecordOutcome outcome;
        if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                               QStringLiteral("recording a parity result"));
            !role.allowed()) {
            outcome.refuse(role, QStringLiteral("nothing was recorded"));
            return outcome;
        }
        QStringList bad;
        if (!result.businessDate.isValid())
            bad << QStringLiteral("date: expected YYYY-MM-DD");
        if (result.onpremRows < 0)
            bad << QStringLiteral("onprem-rows: must not be negative");
        if (result.cloudRows < 0)
            bad << QStringLiteral("cloud-rows: must not be negative");
        if (result.mismatchedRows < 0)
            bad << QStringLiteral("mismatched-rows: must not be negative");
        if (!(result.maxRelativeDiff >= 0) || std::isinf(result.maxRelativeDiff))
            bad << QStringLiteral("max-rel-diff: must be a non-negative number");
        if (!bad.isEmpty()) {
            outcome.fail(Outcome::Kind::BadInput, bad.join(QStringLiteral("; ")));
            return outcome;
        }
        StoreSnapshot snapshot = m_store.snapshot();
        if (!snapshot.inventory.contains(result.pipeline)) {
            outcome.fail(Outcome::Kind::Unknown,
                         QStringLiteral("unknown pipeline '%1'").arg(result.pipeline));
            return outcome;
        }
        const QDate today = Calendar(snapshot.inventory).localDate(m_clock.now());
        if (result.businessDate > today.addDays(ParityGate::kFutureDays)) {
            outcome.fail(Outcome::Kind::BadInput,
                         QStringLiteral("date: %1 is in the future (today is %2 in %3)")
                             .arg(result.businessDate.toString(Qt::ISODate),
                                  today.toString(Qt::ISODate), snapshot.inventory.timezone));
            return outcome;
        }
        // A breach is evidence: it is closed by accepting or explaining it, never by recording
        // other numbers over it.
        const double tolerance = snapshot.inventory.find(result.pipeline)->parityTolerance;
        for (const ParityResult &old : snapshot.parity.value(result.pipeline))
            if (old.businessDate == result.businessDate && !old.isWithin(tolerance)) {
                Decision d;
                d.refuse(Reason::Code::ParityGate,
                         QStringLiteral("%1 already holds a breach on %2; accept or explain it "
                                        "(parity accept / parity explain) instead of recording "
                                        "over it")
                             .arg(result.pipeline, result.businessDate.toString(Qt::ISODate)),
                         {result.pipeline});
                outcome.refuse(d, QStringLiteral("nothing was recorded"));
                return outcome;
            }
        result.recordedAt = m_clock.now();
        result.recordedBy = m_actor;
        AuditEntry audit;
        audit.at = result.recordedAt;
        audit.actor = m_actor;
        audit.action = QStringLiteral("parity_record");
        audit.pipeline = result.pipeline;
        audit.reason =
            QStringLiteral("%1: on-prem %2 rows, cloud %3 rows, %4 mismatched, max diff %5")
                .arg(result.businessDate.toString(Qt::ISODate))
                .arg(result.onpremRows)
                .arg(result.cloudRows)
                .arg(result.mismatchedRows)
                .arg(result.maxRelativeDiff);
        if (measured) {
            audit.reason = QStringLiteral("measured by Daybreak, ") + audit.reason;
            m_store.recordMeasuredParity(result, *measured, audit);
        } else {
            m_store.recordParity({result}, audit);
        }

        auto &list = snapshot.parity[result.pipeline];
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const ParityResult &r) {
                                      return r.businessDate == result.businessDate;
                                  }),
                   list.end());
        list.append(result);
        outcome.gate = evaluate(snapshot, result.pipeline,
                                Calendar(snapshot.inventory).localDate(m_clock.now()))
                           .gate;
        const Pipeline *p = snapshot.inventory.find(result.pipeline);
        outcome.message =
            QStringLiteral("%1 %2: %3 (tolerance %4); gate %5, %6 clean in a row, %7 needed")
                .arg(result.pipeline, result.businessDate.toString(Qt::ISODate),
                     result.isWithin(p->parityTolerance) ? QStringLiteral("within tolerance")
                                                         : QStringLiteral("BREACH"))
                .arg(p->parityTolerance)
                .arg(gateStatusName(outcome.gate.status))
                .arg(outcome.gate.cleanRuns)
                .arg(outcome.gate.runsRequired);
        return outcome;
    });
}

ParityService::PipelineParity ParityService::evaluate(const StoreSnapshot &snapshot,
                                                      const QString &pipeline, const QDate &asOf)
{
    PipelineParity result;
    result.pipeline = pipeline;
    result.gate = MigrationRules::gateOf(snapshot, pipeline, asOf);
    result.rollbackRecommended =
        snapshot.stateOf(pipeline) == State::Cloud && !result.gate.openBreaches.isEmpty();
    return result;
}

ParityHealth ParityService::health(const StoreSnapshot &snapshot, const QString &pipeline,
                                   const QDate &asOf)
{
    if (snapshot.parity.value(pipeline).isEmpty())
        return ParityHealth::Unknown;
    const ParityGate::Evaluation g = MigrationRules::gateOf(snapshot, pipeline, asOf);
    if (!g.openBreaches.isEmpty() || !g.missingNights.isEmpty())
        return ParityHealth::Breached;
    return g.status == ParityGate::Status::Passed ? ParityHealth::Clean : ParityHealth::Warning;
}

QString parityHealthName(ParityHealth health)
{
    switch (health) {
    case ParityHealth::Unknown:
        return QStringLiteral("unknown");
    case ParityHealth::Clean:
        return QStringLiteral("clean");
    case ParityHealth::Warning:
        return QStringLiteral("warning");
    case ParityHealth::Breached:
        return QStringLiteral("breached");
    }
    return {};
}

Outcome ParityService::importFile(const QString &path, int *imported)
{
    Outcome outcome;
    if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                           QStringLiteral("importing parity results"));
        !role.allowed()) {
        outcome.refuse(role, QStringLiteral("nothing was imported"));
        return outcome;
    }
    return guarded<Outcome>([&] {
        QList<ParityResult> results;
        outcome.problems = readComparisons(path, &results);
        if (hasErrors(outcome.problems)) {
            outcome.fail(Outcome::Kind::BadInput,
                         QStringLiteral("%1: nothing was imported").arg(path));
            return outcome;
        }
        if (!results.isEmpty()) {
            AuditEntry audit;
            audit.at = results.constFirst().recordedAt;
            audit.actor = m_actor;
            audit.action = QStringLiteral("parity_import");
            audit.reason = QStringLiteral("%1 comparison(s) from %2").arg(results.size()).arg(path);
            m_store.recordParity(results, audit);
        }
        if (imported)
            *imported = int(results.size());
        outcome.message =
            QStringLiteral("imported %1 comparison(s) from %2").arg(results.size()).arg(path);
        return outcome;
    });
}

// Every bad row of a comparisons CSV, with its line and field; `results` the good ones.
namespace {

// One comparison file read record by record: each field checked against the store's inventory
// and results, every problem kept with its line and field.
class ComparisonCsv
{
public:
    ComparisonCsv(const QString &path, const StoreSnapshot &snapshot, const QDateTime &now,
                  const QString &actor, Problems &problems)
        : m_path(path), m_snapshot(snapshot), m_now(now),
          m_today(Calendar(snapshot.inventory).localDate(now)), m_actor(actor), m_problems(problems)
    {
    }

    // The header's columns; false (with the problems) when a required one is missing.
    bool readHeader(const CsvRecord &header)
    {
        for (int i = 0; i < header.fields.size(); ++i)
            m_column.insert(header.fields.at(i).trimmed(), i);
        for (const char *required : {"pipeline", "date", "onprem_rows", "cloud_rows"})
            if (!m_column.contains(QLatin1String(required)))
                error(header.line, {}, QLatin1String(required), QStringLiteral("missing column"));
        return !hasErrors(m_problems);
    }

    ParityResult read(const CsvRecord &record)
    {
        m_record = &record;
        ParityResult r;
        r.pipeline = cell("pipeline");
        if (!m_snapshot.inventory.contains(r.pipeline))
            error(record.line, r.pipeline, QStringLiteral("pipeline"),
                  QStringLiteral("unknown pipeline '%1'").arg(r.pipeline));
        readDate(r);
        count(r, "onprem_rows", r.onpremRows, true);
        count(r, "cloud_rows", r.cloudRows, true);
        count(r, "mismatched_rows", r.mismatchedRows, false);
        readMaxRelativeDiff(r);
        readChecksum(r);
        r.note = cell("note");
        const QString key = r.pipeline + QLatin1Char('|') + r.businessDate.toString(Qt::ISODate);
        if (m_seen.contains(key))
            error(record.line, r.pipeline, QStringLiteral("date"),
                  QStringLiteral("a second result for %1 (first on line %2)")
                      .arg(r.businessDate.toString(Qt::ISODate))
                      .arg(m_seen.value(key)));
        m_seen.insert(key, record.line);
        r.recordedAt = m_now;
        r.recordedBy = m_actor;
        return r;
    }

private:
    const QString m_path;
    const StoreSnapshot &m_snapshot;
    const QDateTime m_now;
    const QDate m_today;
    const QString m_actor;
    Problems &m_problems;
    QHash<QString, int> m_column;
    QHash<QString, int> m_seen; // pipeline|date: the line that first gave it
    const CsvRecord *m_record = nullptr;

    void error(int line, const QString &pipeline, const QString &field, const QString &message)
    {
        m_problems.append({Problem::Severity::Error, m_path, line, 0, pipeline, field, message});
    }

    QString cell(const char *name) const
    {
        return m_record->fields.value(m_column.value(QLatin1String(name), -1)).trimmed();
    }

    // A date, not beyond tomorrow, and not over a breach the store holds for that night.
    void readDate(ParityResult &r)
    {
        const int line = m_record->line;
        r.businessDate = QDate::fromString(cell("date"), Qt::ISODate);
        if (!r.businessDate.isValid()) {
            error(line, r.pipeline, QStringLiteral("date"),
                  QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(cell("date")));
        } else if (r.businessDate > m_today.addDays(ParityGate::kFutureDays)) {
            error(line, r.pipeline, QStringLiteral("date"),
                  QStringLiteral("%1 is in the future (today is %2 in %3)")
                      .arg(r.businessDate.toString(Qt::ISODate), m_today.toString(Qt::ISODate),
                           m_snapshot.inventory.timezone));
        } else if (const Pipeline *p = m_snapshot.inventory.find(r.pipeline)) {
            for (const ParityResult &old : m_snapshot.parity.value(r.pipeline))
                if (old.businessDate == r.businessDate && !old.isWithin(p->parityTolerance))
                    error(line, r.pipeline, QStringLiteral("date"),
                          QStringLiteral("%1 already holds a breach; accept or explain it "
                                         "instead of recording over it")
                              .arg(r.businessDate.toString(Qt::ISODate)));
        }
    }

    void count(const ParityResult &r, const char *name, qint64 &out, bool required)
    {
        const QString text = cell(name);
        if (text.isEmpty() && !required)
            return;
        bool ok = false;
        out = text.toLongLong(&ok);
        if (!ok || out < 0)
            error(m_record->line, r.pipeline, QLatin1String(name),
                  QStringLiteral("'%1' is not a row count").arg(text));
    }

    void readMaxRelativeDiff(ParityResult &r)
    {
        if (cell("max_rel_diff").isEmpty())
            return;
        bool ok = false;
        r.maxRelativeDiff = cell("max_rel_diff").toDouble(&ok);
        if (!ok || !(r.maxRelativeDiff >= 0) || std::isinf(r.maxRelativeDiff))
            error(m_record->line, r.pipeline, QStringLiteral("max_rel_diff"),
                  QStringLiteral("'%1' is not a non-negative number").arg(cell("max_rel_diff")));
    }

    void readChecksum(ParityResult &r)
    {
        const QString checksum = cell("checksum_match").toLower();
        if (checksum == QLatin1String("true") || checksum == QLatin1String("1") ||
            checksum == QLatin1String("yes"))
            r.checksumMatch = true;
        else if (checksum == QLatin1String("false") || checksum == QLatin1String("0") ||
                 checksum == QLatin1String("no"))
            r.checksumMatch = false;
        else if (!checksum.isEmpty())
            error(m_record->line, r.pipeline, QStringLiteral("checksum_match"),
                  QStringLiteral("'%1' is not true or false").arg(checksum));
    }
};

} // namespace

Problems ParityService::readComparisons(const QString &path, QList<ParityResult> *resultsOut)
{
    Problems problems;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.append({Problem::Severity::Error,
                         path,
                         0,
                         0,
                         {},
                         {},
                         QStringLiteral("cannot read the file: %1").arg(file.errorString())});
        return problems;
    }
    CsvParser parser(file.readAll());
    for (const CsvError &e : parser.errors())
        problems.append({Problem::Severity::Error, path, e.line, 0, {}, {}, e.message});
    QList<CsvRecord> records = parser.records();
    if (records.isEmpty()) {
        problems.append(
            {Problem::Severity::Error, path, 1, 0, {}, {}, QStringLiteral("no header row")});
        return problems;
    }
    const StoreSnapshot snapshot = m_store.snapshot();
    ComparisonCsv csv(path, snapshot, m_clock.now(), m_actor, problems);
    if (!csv.readHeader(records.takeFirst()))
        return problems;
    for (const CsvRecord &record : std::as_const(records))
        if (record.fields.size() != 1 || !record.fields.first().trimmed().isEmpty())
            resultsOut->append(csv.read(record));
    return problems;
}

Outcome ParityService::resolve(const QString &pipeline, const QDate &date, BreachResolution how,
                               const QString &reason)
{
    Outcome o;
    if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                           QStringLiteral("resolving a parity breach"));
        !role.allowed()) {
        o.refuse(role, QStringLiteral("the breach was not closed"));
        return o;
    }
    if (reason.trimmed().isEmpty() || !date.isValid() || how == BreachResolution::None) {
        o.fail(Outcome::Kind::BadInput,
               QStringLiteral("a breach is closed with a date and a reason"));
        return o;
    }
    return guarded<Outcome>([&] { return resolveChecked(pipeline, date, how, reason); });
}

Outcome ParityService::resolveChecked(const QString &pipeline, const QDate &date,
                                      BreachResolution how, const QString &reason)
{
    Outcome o;
    const StoreSnapshot snapshot = m_store.snapshot();
    if (!snapshot.inventory.contains(pipeline)) {
        o.fail(Outcome::Kind::Unknown, QStringLiteral("unknown pipeline '%1'").arg(pipeline));
        return o;
    }
    AuditEntry audit;
    audit.at = m_clock.now();
    audit.actor = m_actor;
    audit.action = how == BreachResolution::Accepted ? QStringLiteral("parity_accept")
                                                     : QStringLiteral("parity_explain");
    audit.pipeline = pipeline;
    audit.to = resolutionName(how);
    audit.reason = QStringLiteral("%1: %2").arg(date.toString(Qt::ISODate), reason.trimmed());
    const Pipeline *p = snapshot.inventory.find(pipeline);
    bool breach = false;
    for (const ParityResult &r : snapshot.parity.value(pipeline))
        breach = breach ||
                 (r.businessDate == date && !r.isWithin(p->parityTolerance) && !r.isResolved());
    if (!breach || m_store.resolveBreach(pipeline, date, how, audit) == WriteStatus::Conflict) {
        Decision d;
        d.refuse(Reason::Code::Other,
                 QStringLiteral("%1 has no open parity breach on %2")
                     .arg(pipeline, date.toString(Qt::ISODate)),
                 {pipeline});
        o.refuse(d, QStringLiteral("the breach was not closed"));
        return o;
    }
    o.message = QStringLiteral("%1's breach on %2 is %3 by %4")
                    .arg(pipeline, date.toString(Qt::ISODate),
                         how == BreachResolution::Accepted
                             ? QStringLiteral("accepted")
                             : QStringLiteral("explained (%1)").arg(resolutionName(how)),
                         m_actor);
    return o;
}

} // namespace daybreak
