// parity source|map|diff: parity that Daybreak measures itself (ParityDiffService).
#include "Commands.h"
#include "CtlContext.h"

#include "Calendar.h"
#include "ParityDiffService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace daybreak {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.trimmed();
    return out;
}

int sourceCommand(CtlContext &ctx)
{
    const QString sub = ctx.takeSubcommand();
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral("A file only its owner can read, holding the password (not PostgreSQL: "
                       ".pgpass or a service file)."),
        QStringLiteral("path"));
    if (sub == QLatin1String("add")) {
        if (!ctx.parse({passwordFile}, QStringLiteral("NAME URL"), 2, 2))
            return ctx.parseExit;
        Store *store = ctx.openStore();
        if (!store)
            return ExitStore;
        const QStringList args = ctx.parser.positionalArguments();
        return ctx.finish(ParityDiffService(*store, ctx.clock, ctx.actor)
                              .addSource({args[0], args[1], ctx.parser.value(passwordFile)}));
    }
    if (sub == QLatin1String("remove")) {
        if (!ctx.parse({}, QStringLiteral("NAME"), 1, 1))
            return ctx.parseExit;
        Store *store = ctx.openStore();
        if (!store)
            return ExitStore;
        return ctx.finish(ParityDiffService(*store, ctx.clock, ctx.actor)
                              .removeSource(ctx.parser.positionalArguments().constFirst()));
    }
    if (sub == QLatin1String("test")) {
        if (!ctx.parse({}, QStringLiteral("NAME"), 1, 1))
            return ctx.parseExit;
        Store *store = ctx.openStore();
        if (!store)
            return ExitStore;
        const auto o = ParityDiffService(*store, ctx.clock, ctx.actor)
                           .testSource(ctx.parser.positionalArguments().constFirst());
        if (o.kind == Outcome::Kind::StoreFailure)
            return ctx.fail(ExitStore, o.message);
        return ctx.finish(o);
    }
    if (sub == QLatin1String("list")) {
        if (!ctx.parse({}))
            return ctx.parseExit;
        Store *store = ctx.openStore();
        if (!store)
            return ExitStore;
        const QList<ParitySource> sources =
            ParityDiffService(*store, ctx.clock, ctx.actor).sources();
        QJsonArray array;
        for (const ParitySource &s : sources)
            array.append(QJsonObject{{QStringLiteral("name"), s.name},
                                     {QStringLiteral("url"), s.url},
                                     {QStringLiteral("password_file"), s.passwordFile}});
        if (ctx.json()) {
            ctx.printJson(QJsonDocument(array));
            return ExitDone;
        }
        for (const ParitySource &s : sources)
            ctx.out << QStringLiteral("%1 %2%3\n")
                           .arg(s.name, -16)
                           .arg(s.url,
                                s.passwordFile.isEmpty()
                                    ? QString()
                                    : QStringLiteral("  (password file %1)").arg(s.passwordFile));
        ctx.out.flush();
        return ExitDone;
    }
    if (sub.isEmpty() && !ctx.parse({}, QStringLiteral("add|list|remove|test")))
        return ctx.parseExit;
    return ctx.usage(QStringLiteral("parity source needs add, list, remove or test"));
}

QCommandLineOption reasonOption()
{
    return QCommandLineOption(QStringLiteral("reason"), QStringLiteral("Why, for the audit log."),
                              QStringLiteral("text"));
}

// parity map list: what each pipeline's diff compares.
int mapList(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QList<ParityMapping> maps = ParityDiffService(*store, ctx.clock, ctx.actor).mappings();
    QJsonArray array;
    for (const ParityMapping &m : maps) {
        QJsonObject o = m.toSpec();
        o.insert(QStringLiteral("pipeline"), m.pipeline);
        array.append(o);
    }
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(array));
        return ExitDone;
    }
    for (const ParityMapping &m : maps)
        ctx.out << QStringLiteral("%1 %2\n").arg(m.pipeline, -28).arg(m.describe());
    ctx.out.flush();
    return ExitDone;
}

// parity map import: the mappings two dbt manifests of the same project give.
int mapImport(CtlContext &ctx)
{
    const QCommandLineOption reason = reasonOption();
    const QCommandLineOption onprem(QStringLiteral("onprem"),
                                    QStringLiteral("The on-prem warehouse's source."),
                                    QStringLiteral("source"));
    const QCommandLineOption cloud(QStringLiteral("cloud"),
                                   QStringLiteral("The cloud warehouse's source."),
                                   QStringLiteral("source"));
    const QCommandLineOption apply(QStringLiteral("apply"),
                                   QStringLiteral("Write the mappings (else: only say them)."));
    if (!ctx.parse({onprem, cloud, apply, reason}, QStringLiteral("ONPREM-MANIFEST CLOUD-MANIFEST"),
                   2, 2))
        return ctx.parseExit;
    if (!ctx.parser.isSet(onprem) || !ctx.parser.isSet(cloud))
        return ctx.usage(QStringLiteral("parity map import needs --onprem SOURCE and --cloud "
                                        "SOURCE"));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QStringList files = ctx.parser.positionalArguments();
    const ParityDiffService::DbtImport o =
        ParityDiffService(*store, ctx.clock, ctx.actor)
            .importDbt(files[0], files[1], ctx.parser.value(onprem), ctx.parser.value(cloud),
                       ctx.parser.value(reason), ctx.parser.isSet(apply));
    if (o.ok()) {
        if (ctx.json()) {
            ctx.printJson(QJsonDocument(QJsonObject{
                {QStringLiteral("mapped"), QJsonArray::fromStringList(o.mapped)},
                {QStringLiteral("without_key"), QJsonArray::fromStringList(o.withoutKey)},
                {QStringLiteral("one_sided"), QJsonArray::fromStringList(o.oneSided)},
                {QStringLiteral("keys_differ"), QJsonArray::fromStringList(o.keysDiffer)},
                {QStringLiteral("applied"), ctx.parser.isSet(apply)}}));
            return ExitDone;
        }
        for (const QString &m : o.mapped)
            ctx.out << "  map " << m << "\n";
        if (!o.withoutKey.isEmpty())
            ctx.out << QStringLiteral("  no key (give one: a primary_key constraint, a unique "
                                      "test or meta.daybreak.key): %1\n")
                           .arg(o.withoutKey.join(QStringLiteral(", ")));
        if (!o.oneSided.isEmpty())
            ctx.out << "  in one manifest only: " << o.oneSided.join(QStringLiteral(", ")) << "\n";
        if (!o.keysDiffer.isEmpty())
            ctx.out << "  keys differ between the targets: "
                    << o.keysDiffer.join(QStringLiteral(", ")) << "\n";
        ctx.out.flush();
    }
    return ctx.finish(o);
}

int mapRemove(CtlContext &ctx)
{
    const QCommandLineOption reason = reasonOption();
    if (!ctx.parse({reason}, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(ParityDiffService(*store, ctx.clock, ctx.actor)
                          .removeMapping(ctx.parser.positionalArguments().constFirst(),
                                         ctx.parser.value(reason)));
}

// parity map ID --onprem … --cloud … --key …: one pipeline's mapping, every option checked.
int mapPut(CtlContext &ctx)
{
    const QCommandLineOption reason = reasonOption();
    const QCommandLineOption onprem(QStringLiteral("onprem"),
                                    QStringLiteral("The on-prem table: SOURCE:schema.table."),
                                    QStringLiteral("table"));
    const QCommandLineOption cloud(QStringLiteral("cloud"),
                                   QStringLiteral("The cloud table: SOURCE:schema.table."),
                                   QStringLiteral("table"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Key columns, COL[,COL]."),
                                 QStringLiteral("cols"));
    const QCommandLineOption columns(QStringLiteral("columns"),
                                     QStringLiteral("Only these columns (default: all)."),
                                     QStringLiteral("cols"));
    const QCommandLineOption exclude(QStringLiteral("exclude"), QStringLiteral("Columns left out."),
                                     QStringLiteral("cols"));
    const QCommandLineOption tolerance(
        QStringLiteral("tolerance"),
        QStringLiteral("COL=REL, COL=abs:X or COL=precision:s|ms|us; repeatable."),
        QStringLiteral("col=tol"));
    const QCommandLineOption normalise(QStringLiteral("normalise"),
                                       QStringLiteral("COL=rtrim or COL=lower; repeatable."),
                                       QStringLiteral("col=rule"));
    const QCommandLineOption where(
        QStringLiteral("where"),
        QStringLiteral("The night's partition, e.g. \"ds = :date\" (:date is bound)."),
        QStringLiteral("sql"));
    if (!ctx.parse({onprem, cloud, key, columns, exclude, tolerance, normalise, where, reason},
                   QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    QStringList bad;
    ParityMapping m;
    m.pipeline = ctx.parser.positionalArguments().constFirst();
    for (const auto &[option, ref] : {std::pair{&onprem, &m.onprem}, std::pair{&cloud, &m.cloud}}) {
        if (!ctx.parser.isSet(*option)) {
            bad << QStringLiteral("--%1 SOURCE:schema.table is required")
                       .arg(option->names().constFirst());
            continue;
        }
        QString why;
        if (const auto t = TableRef::parse(ctx.parser.value(*option), &why))
            *ref = *t;
        else
            bad << QStringLiteral("--%1: %2").arg(option->names().constFirst(), why);
    }
    m.key = splitList(ctx.parser.value(key));
    if (m.key.isEmpty())
        bad << QStringLiteral("--key COL[,COL] is required");
    m.columns = splitList(ctx.parser.value(columns));
    m.exclude = splitList(ctx.parser.value(exclude));
    for (const QString &t : ctx.parser.values(tolerance)) {
        const qsizetype eq = t.indexOf(QLatin1Char('='));
        QString why;
        const auto parsed = eq > 0 ? Tolerance::parse(t.mid(eq + 1), &why) : std::nullopt;
        if (!parsed)
            bad << QStringLiteral("--tolerance '%1': %2")
                       .arg(t, eq > 0 ? why : QStringLiteral("COL=VALUE"));
        else
            m.tolerances.insert(t.left(eq), *parsed);
    }
    for (const QString &n : ctx.parser.values(normalise)) {
        const qsizetype eq = n.indexOf(QLatin1Char('='));
        if (eq <= 0)
            bad << QStringLiteral("--normalise '%1': COL=rtrim or COL=lower").arg(n);
        else
            m.normalise.insert(n.left(eq), n.mid(eq + 1));
    }
    m.where = ctx.parser.value(where);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(
        ParityDiffService(*store, ctx.clock, ctx.actor).putMapping(m, ctx.parser.value(reason)));
}

int mapCommand(CtlContext &ctx)
{
    const QString peek = ctx.peekSubcommand();
    for (const auto &[name, run] : {std::pair{"list", &mapList}, std::pair{"import", &mapImport},
                                    std::pair{"remove", &mapRemove}})
        if (peek == QLatin1String(name)) {
            ctx.takeSubcommand();
            return run(ctx);
        }
    return mapPut(ctx);
}

void printReport(CtlContext &ctx, const DiffReport &r)
{
    QTextStream &o = ctx.out;
    o << QStringLiteral("%1 %2: %3 (%4 on-prem, %5 in the cloud)\n")
             .arg(r.pipeline, r.businessDate.toString(Qt::ISODate),
                  r.status == DiffReport::Status::Clean ? QStringLiteral("equal")
                                                        : QStringLiteral("DIFFERENT"),
                  r.onpremEngine, r.cloudEngine);
    o << QStringLiteral("  rows: %1 on-prem, %2 in the cloud\n").arg(r.onpremRows).arg(r.cloudRows);
    for (const AggregateCheck &a : r.aggregates)
        if (!a.equal)
            o << QStringLiteral("  aggregate %1: %2 on-prem, %3 in the cloud\n")
                     .arg(a.name, a.onprem, a.cloud);
    auto keys = [](const QList<QStringList> &list) {
        QStringList out;
        for (const QStringList &k : list)
            out << QLatin1Char('(') + k.join(QStringLiteral(", ")) + QLatin1Char(')');
        return out.join(QStringLiteral(" "));
    };
    if (r.missingOnCloudCount)
        o << QStringLiteral("  missing in the cloud: %1  %2\n")
                 .arg(r.missingOnCloudCount)
                 .arg(keys(r.missingOnCloud));
    if (r.missingOnPremCount)
        o << QStringLiteral("  missing on-prem: %1  %2\n")
                 .arg(r.missingOnPremCount)
                 .arg(keys(r.missingOnPrem));
    // An empty value, or one with spaces at its ends, is quoted so that it can be seen.
    auto shown = [](const QString &v) {
        return v.isEmpty() || v.trimmed() != v ? QLatin1Char('"') + v + QLatin1Char('"') : v;
    };
    if (r.changedCount) {
        o << QStringLiteral("  changed: %1 rows\n").arg(r.changedCount);
        for (const ChangedRow &c : r.changed)
            for (const ChangedValue &v : c.values)
                o << QStringLiteral("    (%1) %2: %3 on-prem, %4 in the cloud\n")
                         .arg(c.key.join(QStringLiteral(", ")), v.column, shown(v.onprem),
                              shown(v.cloud));
    }
    for (const DiffCause &c : r.causes)
        o << QStringLiteral("  cause? %1 in %2 (%3 rows, e.g. %4): suggested rule %5\n")
                 .arg(c.cause, c.column)
                 .arg(c.rows)
                 .arg(keys(c.examples.mid(0, 3)), c.rule);
    o << QStringLiteral("  mismatched_rows %1, max_rel_diff %2\n")
             .arg(r.mismatchedRows())
             .arg(r.maxRelDiff);
    o << QStringLiteral("  %1 queries, %2 bytes fetched, %3 rows fetched, %4 segments, %5 s\n")
             .arg(r.queries)
             .arg(r.bytesFetched)
             .arg(r.rowsFetched)
             .arg(r.segmentsCompared)
             .arg(r.seconds, 0, 'f', 3);
    o.flush();
}

int diffCommand(CtlContext &ctx)
{
    const QCommandLineOption date(
        QStringLiteral("date"),
        QStringLiteral("Business date (default: the night just past, today's date in "
                       "the inventory's zone)."),
        QStringLiteral("date"));
    const QCommandLineOption record(QStringLiteral("record"),
                                    QStringLiteral("Record it as that night's comparison."));
    if (!ctx.parse({date, record}, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    QStringList bad;
    QDate d = ctx.dateOption(date, &bad);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    if (!d.isValid())
        d = Calendar(store->timezoneName()).localDate(ctx.clock.now());
    const QString id = ctx.parser.positionalArguments().constFirst();
    const auto o =
        ParityDiffService(*store, ctx.clock, ctx.actor).diff(id, d, ctx.parser.isSet(record));
    const bool ran = o.report.status == DiffReport::Status::Clean ||
                     o.report.status == DiffReport::Status::Breach;
    if (ctx.json()) {
        QJsonObject j = o.report.toJson();
        j.insert(QStringLiteral("inconclusive"), o.inconclusive);
        if (o.inconclusive)
            j.insert(QStringLiteral("inconclusive_why"), o.inconclusiveWhy);
        j.insert(QStringLiteral("recorded"), o.recorded);
        if (!o.ok())
            j.insert(QStringLiteral("error"), o.describe());
        ctx.printJson(QJsonDocument(j));
    } else if (ran) {
        printReport(ctx, o.report);
    }
    if (o.report.status == DiffReport::Status::Unreachable)
        return ctx.fail(ExitStore, o.message);
    if (!o.ok())
        return ctx.finish(o);
    if (o.recorded)
        ctx.out << o.message << Qt::endl;
    return o.report.status == DiffReport::Status::Clean ? ExitDone : ExitValidation;
}

} // namespace

int parityDiffCommand(CtlContext &ctx, const QString &sub)
{
    if (sub == QLatin1String("source"))
        return sourceCommand(ctx);
    if (sub == QLatin1String("map"))
        return mapCommand(ctx);
    return diffCommand(ctx);
}

} // namespace daybreak
