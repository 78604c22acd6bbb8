#include "ParityDiffService.h"

#include "Clock.h"
#include "DbtParityKeys.h"
#include "Guarded.h"
#include "ParityDiff.h"
#include "SideWorker.h"
#include "SqlDialect.h"
#include "Store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace daybreak {

ParityDiffService::ParityDiffService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

Outcome ParityDiffService::checkOperator(const QString &what)
{
    Outcome o;
    const Decision role = roleDecision(m_store.access(), Role::Operator, what);
    if (!role.allowed())
        o.refuse(role, QStringLiteral("nothing was changed"));
    return o;
}

namespace {

AuditEntry auditOf(const Clock &clock, const QString &actor, const QString &action,
                   const QString &pipeline, const QString &reason)
{
    AuditEntry a;
    a.at = clock.now();
    a.actor = actor;
    a.action = action;
    a.pipeline = pipeline;
    a.reason = reason;
    return a;
}

} // namespace

Outcome ParityDiffService::addSource(const ParitySource &source)
{
    return guarded<Outcome>([&] {
        Outcome o = checkOperator(QStringLiteral("adding a parity source"));
        if (!o.ok())
            return o;
        QStringList bad;
        static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
        if (!name.match(source.name).hasMatch())
            bad << QStringLiteral("name '%1': letters, digits, '_', '.' and '-' only")
                       .arg(source.name);
        QString why;
        const std::optional<SourceUrl> url = parseSourceUrl(source.url, &why);
        if (!url)
            bad << QStringLiteral("url: %1").arg(why);
        if (!source.passwordFile.isEmpty()) {
            const QString problem = passwordFileProblem(source.passwordFile);
            if (!problem.isEmpty())
                bad << QStringLiteral("--password-file: %1").arg(problem);
        } else if (url && (url->engine == SourceEngine::MySQL)) {
            bad << QStringLiteral("--password-file: a %1 source reads its password from a file "
                                  "only its owner can read")
                       .arg(sourceEngineName(url->engine));
        }
        if (!bad.isEmpty()) {
            o.fail(Outcome::Kind::BadInput,
                   bad.join(QStringLiteral("; ")) + QStringLiteral("; nothing was changed"));
            return o;
        }
        const ParitySetting setting{QString::fromLatin1(kParitySource), source.name,
                                    source.toSpec(), m_actor, m_clock.now()};
        const WriteStatus w = m_store.putParitySetting(
            setting, true,
            auditOf(m_clock, m_actor, QStringLiteral("parity_source_add"), {},
                    QStringLiteral("source %1: %2").arg(source.name, source.url)));
        if (w == WriteStatus::Conflict) {
            o.fail(Outcome::Kind::Conflict,
                   QStringLiteral("a parity source named %1 exists already; nothing was changed")
                       .arg(source.name));
            return o;
        }
        o.message = QStringLiteral("parity source %1 added (%2)").arg(source.name, source.url);
        return o;
    });
}

Outcome ParityDiffService::removeSource(const QString &name)
{
    return guarded<Outcome>([&] {
        Outcome o = checkOperator(QStringLiteral("removing a parity source"));
        if (!o.ok())
            return o;
        QStringList users;
        for (const ParityMapping &m : mappings())
            if (m.onprem.source == name || m.cloud.source == name)
                users << m.pipeline;
        if (!users.isEmpty()) {
            Decision d;
            d.refuse(Reason::Code::Other,
                     QStringLiteral("source %1 is compared by %2; remove or change those "
                                    "mappings first")
                         .arg(name, users.join(QStringLiteral(", "))),
                     users);
            o.refuse(d, QStringLiteral("nothing was changed"));
            return o;
        }
        const WriteStatus w = m_store.removeParitySetting(
            QString::fromLatin1(kParitySource), name,
            auditOf(m_clock, m_actor, QStringLiteral("parity_source_remove"), {},
                    QStringLiteral("source %1").arg(name)));
        if (w == WriteStatus::Conflict) {
            o.fail(Outcome::Kind::Unknown, QStringLiteral("no parity source named %1").arg(name));
            return o;
        }
        o.message = QStringLiteral("parity source %1 removed").arg(name);
        return o;
    });
}

QList<ParitySource> ParityDiffService::sources()
{
    QList<ParitySource> out;
    for (const ParitySetting &s : m_store.paritySettings(QString::fromLatin1(kParitySource)))
        out << ParitySource::fromSetting(s);
    return out;
}

ParityDiffService::TestOutcome ParityDiffService::testSource(const QString &name)
{
    TestOutcome o;
    std::optional<ParitySource> source;
    try {
        for (const ParitySource &s : sources())
            if (s.name == name)
                source = s;
    } catch (const StoreError &e) {
        o.fail(Outcome::Kind::StoreFailure, e.message());
        return o;
    }
    if (!source) {
        o.fail(Outcome::Kind::Unknown, QStringLiteral("no parity source named %1").arg(name));
        return o;
    }
    try {
        SideWorker worker(*source, name);
        worker.open();
        QElapsedTimer timer;
        std::future<QString> version = worker.submit<QString>([&](QSqlDatabase &db) {
            timer.start();
            const auto rows = SideWorker::select(db, worker.dialect().versionQuery(), {}, nullptr);
            return rows.empty() ? QString() : rows.front().value(0).toString();
        });
        o.version = version.get();
        o.roundTripMs = timer.nsecsElapsed() / 1e6;
        o.message = QStringLiteral("%1: %2, round trip %3 ms")
                        .arg(name, o.version.left(120))
                        .arg(o.roundTripMs, 0, 'f', 2);
    } catch (const SourceUnreachable &e) {
        o.fail(Outcome::Kind::StoreFailure, QString::fromUtf8(e.what()));
    } catch (const std::exception &e) {
        o.fail(Outcome::Kind::BadInput, QString::fromUtf8(e.what()));
    }
    return o;
}

Outcome ParityDiffService::putMapping(const ParityMapping &m, const QString &reason)
{
    return guarded<Outcome>([&] {
        Outcome o = checkOperator(QStringLiteral("mapping what parity compares"));
        if (!o.ok())
            return o;
        QStringList bad;
        const StoreSnapshot snapshot = m_store.snapshot();
        if (!snapshot.inventory.contains(m.pipeline)) {
            o.fail(Outcome::Kind::Unknown, QStringLiteral("unknown pipeline '%1'").arg(m.pipeline));
            return o;
        }
        QStringList known;
        for (const ParitySource &s : sources())
            known << s.name;
        for (const TableRef *t : {&m.onprem, &m.cloud})
            if (!known.contains(t->source))
                bad << QStringLiteral("%1: no parity source named %2 (parity source add)")
                           .arg(t == &m.onprem ? QStringLiteral("--onprem")
                                               : QStringLiteral("--cloud"),
                                t->source);
        if (m.key.isEmpty())
            bad << QStringLiteral("--key: at least one key column");
        for (auto it = m.normalise.cbegin(); it != m.normalise.cend(); ++it)
            if (!kNormalisations.contains(it.value()))
                bad << QStringLiteral("--normalise %1=%2: rtrim or lower")
                           .arg(it.key(), it.value());
        static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_$]*$"));
        for (const QString &c : m.key + m.columns + m.exclude)
            if (!word.match(c).hasMatch())
                bad << QStringLiteral("column '%1' is not a column name").arg(c);
        if (m.where.contains(QLatin1Char(';')))
            bad << QStringLiteral("--where: one condition, without ';'");
        if (!reason.isEmpty() && reason.trimmed().isEmpty())
            bad << QStringLiteral("--reason: empty");
        if (!bad.isEmpty()) {
            o.fail(Outcome::Kind::BadInput,
                   bad.join(QStringLiteral("; ")) + QStringLiteral("; nothing was changed"));
            return o;
        }
        QString before = QStringLiteral("none");
        for (const ParityMapping &old : mappings())
            if (old.pipeline == m.pipeline)
                before = old.describe();
        const ParitySetting setting{QString::fromLatin1(kParityMapping), m.pipeline, m.toSpec(),
                                    m_actor, m_clock.now()};
        m_store.putParitySetting(
            setting, false,
            auditOf(m_clock, m_actor, QStringLiteral("parity_map"), m.pipeline,
                    QStringLiteral("%1 — before: %2; after: %3")
                        .arg(reason.isEmpty() ? QStringLiteral("mapping changed") : reason, before,
                             m.describe())));
        o.message = QStringLiteral("%1 compares %2 with %3 on (%4)")
                        .arg(m.pipeline, m.onprem.toString(), m.cloud.toString(),
                             m.key.join(QStringLiteral(", ")));
        return o;
    });
}

Outcome ParityDiffService::removeMapping(const QString &pipeline, const QString &reason)
{
    return guarded<Outcome>([&] {
        Outcome o = checkOperator(QStringLiteral("removing a parity mapping"));
        if (!o.ok())
            return o;
        QString before;
        for (const ParityMapping &old : mappings())
            if (old.pipeline == pipeline)
                before = old.describe();
        if (before.isEmpty()) {
            o.fail(Outcome::Kind::Unknown,
                   QStringLiteral("%1 has no parity mapping").arg(pipeline));
            return o;
        }
        m_store.removeParitySetting(
            QString::fromLatin1(kParityMapping), pipeline,
            auditOf(
                m_clock, m_actor, QStringLiteral("parity_map_remove"), pipeline,
                QStringLiteral("%1 — before: %2; after: none")
                    .arg(reason.isEmpty() ? QStringLiteral("mapping removed") : reason, before)));
        o.message = QStringLiteral("%1 no longer has a parity mapping").arg(pipeline);
        return o;
    });
}

QList<ParityMapping> ParityDiffService::mappings()
{
    QList<ParityMapping> out;
    for (const ParitySetting &s : m_store.paritySettings(QString::fromLatin1(kParityMapping))) {
        QString why;
        if (const auto m = ParityMapping::fromSetting(s, &why))
            out << *m;
    }
    return out;
}

ParityDiffService::DbtImport ParityDiffService::importDbt(const QString &onpremManifest,
                                                          const QString &cloudManifest,
                                                          const QString &onpremSource,
                                                          const QString &cloudSource,
                                                          const QString &reason, bool apply)
{
    DbtImport o;
    DbtParityRead sides[2];
    const QString paths[2] = {onpremManifest, cloudManifest};
    QStringList bad;
    for (int i = 0; i < 2; ++i) {
        QFile f(paths[i]);
        if (!f.open(QIODevice::ReadOnly)) {
            bad << QStringLiteral("%1: %2").arg(paths[i], f.errorString());
            continue;
        }
        sides[i] = readDbtParityKeys(f.readAll(), paths[i]);
        if (!sides[i].error.isEmpty())
            bad << sides[i].error;
    }
    if (!bad.isEmpty()) {
        o.fail(Outcome::Kind::BadInput,
               bad.join(QStringLiteral("; ")) + QStringLiteral("; nothing was changed"));
        return o;
    }
    try {
        const StoreSnapshot snapshot = m_store.snapshot();
        QList<ParityMapping> planned;
        for (const Pipeline &p : snapshot.inventory.pipelines()) {
            QString uid;
            for (const QString &tag : p.tags)
                if (tag.startsWith(QLatin1String("dbt:")))
                    uid = tag.mid(4);
            if (!uid.startsWith(QLatin1String("model.")))
                continue;
            const bool onHere = sides[0].models.contains(uid);
            const bool cloudHere = sides[1].models.contains(uid);
            if (!onHere && !cloudHere)
                continue;
            if (!onHere || !cloudHere) {
                o.oneSided << QStringLiteral("%1 (only in the %2 manifest)")
                                  .arg(p.id, onHere ? QStringLiteral("on-prem")
                                                    : QStringLiteral("cloud"));
                continue;
            }
            const DbtParityModel &a = sides[0].models[uid];
            const DbtParityModel &b = sides[1].models[uid];
            const DbtParityModel &keyed = !a.key.isEmpty() ? a : b;
            if (keyed.key.isEmpty()) {
                o.withoutKey << p.id;
                continue;
            }
            if (!a.key.isEmpty() && !b.key.isEmpty() && a.key != b.key) {
                o.keysDiffer << QStringLiteral("%1 (%2 on-prem, %3 in the cloud)")
                                    .arg(p.id, a.key.join(QLatin1Char(',')),
                                         b.key.join(QLatin1Char(',')));
                continue;
            }
            ParityMapping m;
            m.pipeline = p.id;
            m.onprem = {onpremSource, a.schema, a.table};
            m.cloud = {cloudSource, b.schema, b.table};
            m.key = keyed.key;
            planned << m;
            o.mapped << QStringLiteral("%1: %2 -> %3 on (%4) [%5%6]")
                            .arg(p.id, m.onprem.toString(), m.cloud.toString(),
                                 m.key.join(QStringLiteral(", ")), keyed.keyFrom,
                                 a.compiled && b.compiled
                                     ? QString()
                                     : QStringLiteral("; a manifest was not compiled: the "
                                                      "relation is its schema and alias"));
        }
        if (apply)
            for (const ParityMapping &m : std::as_const(planned)) {
                const Outcome w = putMapping(
                    m, reason.isEmpty() ? QStringLiteral("mapped from the dbt manifests") : reason);
                if (!w.ok())
                    return DbtImport{w, o.mapped, o.withoutKey, o.oneSided, o.keysDiffer};
            }
        o.message = QStringLiteral("%1 %2 mapping(s) from dbt; %3 model(s) without a key, %4 in "
                                   "one manifest only, %5 with keys that differ")
                        .arg(apply ? QStringLiteral("wrote") : QStringLiteral("would write"))
                        .arg(o.mapped.size())
                        .arg(o.withoutKey.size())
                        .arg(o.oneSided.size())
                        .arg(o.keysDiffer.size());
    } catch (const StoreError &e) {
        o.fail(Outcome::Kind::StoreFailure, e.message());
    }
    return o;
}

QString ParityDiffService::unfinishedRun(Store &store, const QString &pipeline, const QDate &date)
{
    std::optional<RunEvent> last[2];
    for (const RunEvent &e : store.runEventsBetween(date, date, pipeline)) {
        auto &slot = last[e.side == Side::OnPrem ? 0 : 1];
        if (!slot || slot->at <= e.at)
            slot = e;
    }
    if (!last[0] && !last[1])
        return {};
    QStringList why;
    for (int i = 0; i < 2; ++i) {
        const QString side = i == 0 ? QStringLiteral("on-prem") : QStringLiteral("cloud");
        if (!last[i])
            why << QStringLiteral("the %1 run of %2 was never told")
                       .arg(side, date.toString(Qt::ISODate));
        else if (last[i]->kind != RunEvent::Kind::Succeeded)
            why << QStringLiteral("the %1 run of %2 is %3, not complete")
                       .arg(side, date.toString(Qt::ISODate), runEventKindName(last[i]->kind));
    }
    return why.join(QStringLiteral("; "));
}

std::optional<ParityDiffService::Plan>
ParityDiffService::plan(const QString &pipeline, const QDate &date, DiffOutcome *failed)
{
    try {
        std::optional<ParityMapping> mapping;
        for (const ParityMapping &m : mappings())
            if (m.pipeline == pipeline)
                mapping = m;
        if (!mapping) {
            const StoreSnapshot s = m_store.snapshot();
            failed->fail(s.inventory.contains(pipeline) ? Outcome::Kind::BadInput
                                                        : Outcome::Kind::Unknown,
                         s.inventory.contains(pipeline)
                             ? QStringLiteral("%1 has no parity mapping (parity map %1 --onprem "
                                              "... --cloud ... --key ...)")
                                   .arg(pipeline)
                             : QStringLiteral("unknown pipeline '%1'").arg(pipeline));
            return std::nullopt;
        }
        std::optional<ParitySource> onprem, cloud;
        for (const ParitySource &s : sources()) {
            if (s.name == mapping->onprem.source)
                onprem = s;
            if (s.name == mapping->cloud.source)
                cloud = s;
        }
        if (!onprem || !cloud) {
            failed->fail(
                Outcome::Kind::BadInput,
                QStringLiteral("the mapping of %1 names a source that is gone (%2)")
                    .arg(pipeline, !onprem ? mapping->onprem.source : mapping->cloud.source));
            return std::nullopt;
        }
        return Plan{pipeline, date,   *mapping,
                    *onprem,  *cloud, unfinishedRun(m_store, pipeline, date)};
    } catch (const StoreError &e) {
        failed->fail(Outcome::Kind::StoreFailure, e.message());
        return std::nullopt;
    }
}

DiffReport ParityDiffService::measure(const Plan &plan)
{
    DiffOptions options;
    options.businessDate = plan.date;
    return ParityDiff(plan.mapping, plan.onprem, plan.cloud, options).run();
}

ParityDiffService::DiffOutcome ParityDiffService::diff(const QString &pipeline, const QDate &date,
                                                       bool record)
{
    DiffOutcome failed;
    const std::optional<Plan> p = plan(pipeline, date, &failed);
    if (!p)
        return failed;
    return conclude(*p, measure(*p), record);
}

ParityDiffService::DiffOutcome ParityDiffService::conclude(const Plan &plan,
                                                           const DiffReport &report, bool record)
{
    DiffOutcome o;
    o.report = report;
    o.inconclusiveWhy = plan.inconclusiveWhy;
    o.inconclusive = !o.inconclusiveWhy.isEmpty();
    const QString &pipeline = plan.pipeline;
    const QDate &date = plan.date;
    switch (o.report.status) {
    case DiffReport::Status::BadMapping:
        o.fail(Outcome::Kind::BadInput,
               QStringLiteral("%1: %2; nothing was recorded").arg(pipeline, o.report.error));
        return o;
    case DiffReport::Status::Unreachable:
        o.fail(Outcome::Kind::StoreFailure,
               QStringLiteral("%1: %2; nothing was recorded").arg(pipeline, o.report.error));
        return o;
    case DiffReport::Status::Clean:
    case DiffReport::Status::Breach:
        break;
    }
    if (o.inconclusive) {
        Decision d;
        d.refuse(Reason::Code::ParityGate,
                 QStringLiteral("%1 on %2 is inconclusive: %3")
                     .arg(pipeline, date.toString(Qt::ISODate), o.inconclusiveWhy),
                 {pipeline});
        o.refuse(d, QStringLiteral("the night is inconclusive; nothing was recorded"));
        return o;
    }
    if (!record)
        return o;
    ParityResult r;
    r.pipeline = pipeline;
    r.businessDate = date;
    r.onpremRows = o.report.onpremRows;
    r.cloudRows = o.report.cloudRows;
    r.mismatchedRows = o.report.mismatchedRows();
    r.maxRelativeDiff = o.report.maxRelDiff;
    r.checksumMatch = o.report.mismatchedRows() == 0;
    r.note = QStringLiteral("measured by Daybreak: %1 queries, %2 bytes, %3 s")
                 .arg(o.report.queries)
                 .arg(o.report.bytesFetched)
                 .arg(o.report.seconds, 0, 'f', 2);
    QJsonObject detail = o.report.detail();
    detail.insert(QStringLiteral("measured"), true);
    const ParityService::RecordOutcome recorded =
        ParityService(m_store, m_clock, m_actor).record(r, &detail);
    if (!recorded.ok()) {
        o.kind = recorded.kind;
        o.message = recorded.message;
        o.decision = recorded.decision;
        return o;
    }
    o.recorded = true;
    o.gate = recorded.gate;
    o.message = recorded.message;
    return o;
}

} // namespace daybreak
