#include "CommandTable.h"
#include "Commands.h"
#include "CtlContext.h"

#include "Calendar.h"
#include "ParityService.h"

#include <QJsonArray>
#include <QJsonObject>

#include <array>

namespace daybreak {

namespace {

int parityRecord(CtlContext &ctx)
{
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Business date, YYYY-MM-DD."),
                                  QStringLiteral("date"));
    const QCommandLineOption onprem(QStringLiteral("onprem-rows"), QStringLiteral("Rows on-prem."),
                                    QStringLiteral("n"));
    const QCommandLineOption cloud(QStringLiteral("cloud-rows"),
                                   QStringLiteral("Rows in the cloud."), QStringLiteral("n"));
    const QCommandLineOption mismatched(QStringLiteral("mismatched-rows"),
                                        QStringLiteral("Rows that differ."), QStringLiteral("n"));
    const QCommandLineOption diff(QStringLiteral("max-rel-diff"),
                                  QStringLiteral("Largest relative value difference."),
                                  QStringLiteral("x"));
    if (!ctx.parse({date, onprem, cloud, mismatched, diff}, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    QStringList bad;
    for (const QCommandLineOption &required : {date, onprem, cloud})
        if (!ctx.parser.isSet(required))
            bad << QStringLiteral("--%1 is required").arg(required.names().constFirst());
    ParityResult r;
    r.pipeline = ctx.parser.positionalArguments().constFirst();
    auto number = [&](const QCommandLineOption &o, qint64 &out) {
        if (!ctx.parser.isSet(o))
            return;
        bool ok = false;
        out = ctx.parser.value(o).toLongLong(&ok);
        if (!ok)
            bad << QStringLiteral("--%1: '%2' is not a whole number")
                       .arg(o.names().constFirst(), ctx.parser.value(o));
    };
    number(onprem, r.onpremRows);
    number(cloud, r.cloudRows);
    number(mismatched, r.mismatchedRows);
    if (ctx.parser.isSet(diff)) {
        bool ok = false;
        r.maxRelativeDiff = ctx.parser.value(diff).toDouble(&ok);
        if (!ok)
            bad << QStringLiteral("--max-rel-diff: '%1' is not a number")
                       .arg(ctx.parser.value(diff));
    }
    if (ctx.parser.isSet(date))
        r.businessDate = ctx.dateOption(date, &bad);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const ParityService::RecordOutcome outcome =
        ParityService(*store, ctx.clock, ctx.actor).record(r);
    return ctx.finish(outcome);
}

// One pipeline's gate and its last 28 nights, measured or imported.
QJsonObject parityJson(const StoreSnapshot &s, const Pipeline &p, State state, const QDate &today)
{
    const ParityService::PipelineParity parity = ParityService::evaluate(s, p.id, today);
    QJsonArray breaches;
    for (const ParityResult &b : parity.gate.openBreaches)
        breaches.append(b.businessDate.toString(Qt::ISODate));
    QJsonArray missing;
    for (const QDate &m : parity.gate.missingNights)
        missing.append(m.toString(Qt::ISODate));
    QJsonArray nights;
    int measuredNights = 0;
    QList<ParityResult> results = s.parity.value(p.id);
    std::sort(results.begin(), results.end(), [](const ParityResult &a, const ParityResult &b) {
        return a.businessDate > b.businessDate;
    });
    for (const ParityResult &r : results.mid(0, 28)) {
        const QString date = r.businessDate.toString(Qt::ISODate);
        const bool byDaybreak = r.measured; // or imported / typed in
        measuredNights += byDaybreak ? 1 : 0;
        nights.append(
            QJsonObject{{QStringLiteral("date"), date},
                        {QStringLiteral("source"),
                         byDaybreak ? QStringLiteral("measured") : QStringLiteral("imported")},
                        {QStringLiteral("mismatched_rows"), r.mismatchedRows},
                        {QStringLiteral("max_rel_diff"), r.maxRelativeDiff},
                        {QStringLiteral("resolution"), resolutionName(r.resolution)}});
    }
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("nights"), nights},
                       {QStringLiteral("measured_nights"), measuredNights},
                       {QStringLiteral("imported_nights"), int(nights.size()) - measuredNights},
                       {QStringLiteral("state"), stateName(state)},
                       {QStringLiteral("gate"), gateStatusName(parity.gate.status)},
                       {QStringLiteral("clean_runs"), parity.gate.cleanRuns},
                       {QStringLiteral("runs_required"), parity.gate.runsRequired},
                       {QStringLiteral("open_breaches"), breaches},
                       {QStringLiteral("missing_nights"), missing},
                       {QStringLiteral("rollback_recommended"), parity.rollbackRecommended}};
}

void printParity(CtlContext &ctx, const QJsonObject &o, bool withNights)
{
    ctx.out << QStringLiteral("%1 %2 %3 clean nights (%4 needed)")
                   .arg(o[QStringLiteral("id")].toString(), -28)
                   .arg(o[QStringLiteral("gate")].toString(), -8)
                   .arg(o[QStringLiteral("clean_runs")].toInt())
                   .arg(o[QStringLiteral("runs_required")].toInt());
    const QJsonArray breaches = o[QStringLiteral("open_breaches")].toArray();
    if (!breaches.isEmpty()) {
        QStringList dates;
        for (const QJsonValue &d : breaches)
            dates << d.toString();
        ctx.out << "  open breaches: " << dates.join(QStringLiteral(", "));
    }
    if (o[QStringLiteral("rollback_recommended")].toBool())
        ctx.out << "  ROLLBACK RECOMMENDED";
    const QJsonArray nights = o[QStringLiteral("nights")].toArray();
    if (!nights.isEmpty())
        ctx.out << QStringLiteral("  (last %1 nights: %2 measured by Daybreak, %3 imported)")
                       .arg(nights.size())
                       .arg(o[QStringLiteral("measured_nights")].toInt())
                       .arg(o[QStringLiteral("imported_nights")].toInt());
    ctx.out << "\n";
    if (withNights)
        for (const QJsonValue &n : nights) {
            const QJsonObject night = n.toObject();
            ctx.out << QStringLiteral("  %1  %2  %3 mismatched rows, max_rel_diff %4%5\n")
                           .arg(night[QStringLiteral("date")].toString())
                           .arg(night[QStringLiteral("source")].toString(), -8)
                           .arg(night[QStringLiteral("mismatched_rows")].toInteger())
                           .arg(night[QStringLiteral("max_rel_diff")].toDouble())
                           .arg(night[QStringLiteral("resolution")].toString().isEmpty()
                                    ? QString()
                                    : QStringLiteral("  (") +
                                          night[QStringLiteral("resolution")].toString() +
                                          QLatin1Char(')'));
        }
}

int parityStatus(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("ID"), 0, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const StoreSnapshot s = store->snapshot();
    const QString only = ctx.parser.positionalArguments().value(0);
    if (!only.isEmpty() && !s.inventory.contains(only))
        return ctx.fail(ExitUnknown, QStringLiteral("unknown pipeline '%1'").arg(only));
    const QDate today = Calendar(s.inventory).localDate(ctx.clock.now());
    QJsonArray array;
    for (const Pipeline &p : s.inventory.pipelines()) {
        if (!only.isEmpty() && p.id != only)
            continue;
        const State state = s.stateOf(p.id);
        if (only.isEmpty() && state != State::DualRun && state != State::Cloud)
            continue; // the overview lists what parity is watching
        array.append(parityJson(s, p, state, today));
    }
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(array));
        return ExitDone;
    }
    for (const QJsonValue &v : array)
        printParity(ctx, v.toObject(), !only.isEmpty());
    ctx.out.flush();
    return ExitDone;
}

int parityImport(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("FILE"), 1, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QString file = ctx.parser.positionalArguments().constFirst();
    int imported = 0;
    Outcome o = ParityService(*store, ctx.clock, ctx.actor).importFile(file, &imported);
    if (o.kind == Outcome::Kind::BadInput) {
        int errors = 0;
        for (const Problem &p : o.problems)
            errors += p.isError() ? 1 : 0;
        o.message = QStringLiteral("%1 error(s) in %2; nothing was imported").arg(errors).arg(file);
    } else if (o.ok()) {
        o.message = QStringLiteral("Imported %1 comparison(s) from %2").arg(imported).arg(file);
    }
    return ctx.finish(o);
}

int parityResolve(CtlContext &ctx, bool accept)
{
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Business date of the breach."),
                                  QStringLiteral("date"));
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why, for the audit log."),
                                    QStringLiteral("text"));
    const QCommandLineOption cause(
        QStringLiteral("cause"),
        QStringLiteral("legacy_bug (on-prem was wrong) or new_bug (cloud)."),
        QStringLiteral("cause"));
    QList<QCommandLineOption> options{date, reason};
    if (!accept)
        options.append(cause);
    if (!ctx.parse(options, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    QStringList bad;
    const QDate d = ctx.dateOption(date, &bad);
    if (!ctx.parser.isSet(date))
        bad << QStringLiteral("--date YYYY-MM-DD is required");
    if (ctx.parser.value(reason).trimmed().isEmpty())
        bad << QStringLiteral("--reason TEXT is required");
    BreachResolution how = BreachResolution::Accepted;
    if (!accept) {
        const auto parsed = resolutionFromName(ctx.parser.value(cause));
        if (!parsed || *parsed == BreachResolution::None || *parsed == BreachResolution::Accepted)
            bad << QStringLiteral("--cause must be legacy_bug or new_bug");
        else
            how = *parsed;
    }
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const Outcome o = ParityService(*store, ctx.clock, ctx.actor)
                          .resolve(ctx.parser.positionalArguments().constFirst(), d, how,
                                   ctx.parser.value(reason));
    return ctx.finish(o);
}

} // namespace

std::span<const SubcommandEntry> paritySubcommands()
{
    static const std::array table{
        SubcommandEntry{"record", parityRecord},
        SubcommandEntry{"import", parityImport},
        SubcommandEntry{"status", parityStatus},
        SubcommandEntry{"accept", [](CtlContext &ctx) { return parityResolve(ctx, true); }},
        SubcommandEntry{"explain", [](CtlContext &ctx) { return parityResolve(ctx, false); }},
        SubcommandEntry{
            "source",
            [](CtlContext &ctx) { return parityDiffCommand(ctx, QStringLiteral("source")); }},
        SubcommandEntry{
            "map", [](CtlContext &ctx) { return parityDiffCommand(ctx, QStringLiteral("map")); }},
        SubcommandEntry{
            "diff", [](CtlContext &ctx) { return parityDiffCommand(ctx, QStringLiteral("diff")); }},
    };
    return table;
}

} // namespace daybreak
