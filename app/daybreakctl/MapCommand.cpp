#include "CommandTable.h"
#include "Commands.h"
#include "CtlContext.h"

#include "LineageService.h"

#include <array>

namespace daybreak {

namespace {

int mapAdd(CtlContext &ctx)
{
    const QCommandLineOption pipeline(QStringLiteral("pipeline"),
                                      QStringLiteral("The pipeline these jobs report on."),
                                      QStringLiteral("ID"));
    const QCommandLineOption sameName(QStringLiteral("same-name"),
                                      QStringLiteral("Each job reports on the pipeline of its "
                                                     "own name."));
    const QCommandLineOption side(QStringLiteral("side"),
                                  QStringLiteral("The side these jobs run on: onprem or cloud."),
                                  QStringLiteral("side"));
    if (!ctx.parse({pipeline, sameName, side}, QStringLiteral("NAMESPACE JOB-PATTERN"), 2, 2))
        return ctx.parseExit;
    QStringList bad;
    if (ctx.parser.isSet(pipeline) == ctx.parser.isSet(sameName))
        bad << QStringLiteral("give --pipeline ID or --same-name, one of them");
    const std::optional<Side> s = sideFromName(ctx.parser.value(side));
    if (!s)
        bad << QStringLiteral("--side must be onprem or cloud");
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QStringList args = ctx.parser.positionalArguments();
    return ctx.finish(LineageService(*store, ctx.clock, ctx.actor)
                          .addMapping(args.at(0), args.at(1), ctx.parser.value(pipeline), *s));
}

int mapList(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QList<LineageMapping> mappings = store->lineageMappings();
    if (mappings.isEmpty())
        ctx.out << "No mappings: every OpenLineage job is unmapped (daybreakctl map add)\n";
    for (const LineageMapping &m : mappings)
        ctx.out << m.id << "  " << m.ns << "  " << m.jobPattern << "  ->  "
                << (m.pipeline.isEmpty() ? QStringLiteral("(same name)") : m.pipeline) << "  "
                << sideName(m.side) << "\n";
    ctx.out.flush();
    return ExitDone;
}

int mapRemove(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    bool ok = false;
    const qint64 id = ctx.parser.positionalArguments().constFirst().toLongLong(&ok);
    if (!ok)
        return ctx.usage(QStringLiteral("ID must be a number (see daybreakctl map list)"));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(LineageService(*store, ctx.clock, ctx.actor).removeMapping(id));
}

int mapUnmapped(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QList<UnmappedJob> jobs = store->unmappedJobs();
    if (jobs.isEmpty())
        ctx.out << "Every job that reported was mapped\n";
    for (const UnmappedJob &j : jobs)
        ctx.out << j.ns << "  " << j.job << "  " << j.events << " event(s), last "
                << j.lastSeen.toUTC().toString(Qt::ISODate) << "\n";
    ctx.out.flush();
    return ExitDone;
}

} // namespace

// daybreakctl map add|list|remove|unmapped: which OpenLineage job is which pipeline and side.
std::span<const SubcommandEntry> mapSubcommands()
{
    static const std::array table{SubcommandEntry{"add", mapAdd}, SubcommandEntry{"list", mapList},
                                  SubcommandEntry{"remove", mapRemove},
                                  SubcommandEntry{"unmapped", mapUnmapped}};
    return table;
}

} // namespace daybreak
