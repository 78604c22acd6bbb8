#include "Commands.h"
#include "CtlContext.h"
#include "SlaService.h"

#include "ReportExport.h"

namespace daybreak {

int cmdReport(CtlContext &ctx)
{
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("pdf, html, md, csv or dot."),
                                    QStringLiteral("format"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("File to write."),
                                 QStringLiteral("file"));
    const QCommandLineOption wave(QStringLiteral("wave"),
                                  QStringLiteral("Only this wave (and its runbook)."),
                                  QStringLiteral("name"));
    const QCommandLineOption select = CtlContext::selectOption();
    if (!ctx.parse({format, out, wave, select}))
        return ctx.parseExit;
    QStringList bad;
    const auto f = ReportExport::formatFromName(ctx.parser.value(format));
    if (!f)
        bad << QStringLiteral("--format must be pdf, html, md, csv or dot");
    if (ctx.parser.value(out).isEmpty())
        bad << QStringLiteral("--out FILE is required");
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const std::optional<StoreSnapshot> selected = ctx.selected(store->snapshot(), select);
    if (!selected)
        return ExitBadInput;
    const StoreSnapshot &snapshot = *selected;
    if (ctx.parser.isSet(wave) && !snapshot.plan.find(ctx.parser.value(wave)))
        return ctx.fail(ExitUnknown,
                        QStringLiteral("unknown wave '%1'").arg(ctx.parser.value(wave)));
    SlaService sla(*store, ctx.clock, ctx.actor);
    const QDate night = sla.currentNight();
    PlanReport::Options options{store->location(), ctx.clock.now(), ctx.parser.value(wave),
                                sla.learned(snapshot.inventory, night), std::nullopt};
    // The night as it stands: once it has run events, the report tells them, not the plan.
    if (const QList<RunEvent> events = store->runEventsBetween(night, night); !events.isEmpty())
        options.night = SlaService::project(snapshot, night, events, options.generatedAt,
                                            options.learned.get());
    const QString error = ReportExport::write(*f, ctx.parser.value(out), snapshot, options);
    if (!error.isEmpty())
        return ctx.fail(ExitBadInput, error);
    ctx.out << "Wrote " << ctx.parser.value(out) << Qt::endl;
    return ExitDone;
}

} // namespace daybreak
