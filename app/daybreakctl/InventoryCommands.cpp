#include "Commands.h"
#include "CtlContext.h"

#include "AirflowApi.h"
#include "DbtManifest.h"
#include "DbtRunResults.h"
#include "InventoryReader.h"
#include "InventoryService.h"
#include "PlatformImport.h"

#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace daybreak {

int cmdInit(CtlContext &ctx)
{
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Load the embedded demo inventory."));
    const QCommandLineOption inventory(QStringLiteral("inventory"),
                                       QStringLiteral("Load this inventory file."),
                                       QStringLiteral("file"));
    if (!ctx.parse({demo, inventory}))
        return ctx.parseExit;
    if (ctx.parser.isSet(demo) && ctx.parser.isSet(inventory))
        return ctx.usage(QStringLiteral("init takes --demo or --inventory, not both"));
    QString file;
    if (ctx.parser.isSet(inventory)) {
        // Check the file before creating anything, so bad input leaves no store behind.
        file = ctx.parser.value(inventory);
        const InventoryReadResult read = InventoryReader::readFile(file);
        if (!read.ok()) {
            ctx.printProblems(read.problems);
            return ctx.fail(ExitBadInput,
                            QStringLiteral("%1 has errors; nothing was written").arg(file));
        }
    }
    Store *store = ctx.openStore(OpenMode::CreateIfMissing);
    if (!store)
        return ExitStore;
    const bool load = ctx.parser.isSet(demo) || ctx.parser.isSet(inventory);
    if (load && !store->isEmpty())
        return ctx.fail(
            ExitRefused,
            QStringLiteral("%1 already holds an inventory; use 'daybreakctl import FILE' "
                           "to update it")
                .arg(store->location()));
    // PostgreSQL: the viewer, planner and operator roles and their grants (SQLite has none).
    for (const QString &line : store->setUpRoles())
        ctx.out << line << "\n";
    InventoryService service(*store, ctx.clock, ctx.actor);
    Outcome loaded;
    if (ctx.parser.isSet(demo))
        loaded = service.importDemo();
    else if (!file.isEmpty())
        loaded = service.importFile(file);
    if (!loaded.ok()) {
        if (loaded.kind == Outcome::Kind::BadInput)
            loaded.message = QStringLiteral("nothing was loaded");
        return ctx.finish(loaded);
    }
    ctx.printProblems(loaded.problems);
    const int count = store->snapshot().inventory.size();
    ctx.out << "Initialised " << store->location() << " (" << count << " pipelines)" << Qt::endl;
    return ExitDone;
}

namespace {
// What a platform wrote about itself, read: an inventory or a run history (or the problems).
struct PlatformFile
{
    enum class Kind
    {
        None, // our own inventory formats
        Inventory,
        Runs
    };
    Kind kind = Kind::None;
    InventoryReadResult inventory;
    RunHistoryRead runs;
};

PlatformFile readPlatformFile(const QString &path, const DbtManifest::Options &options, bool runs)
{
    PlatformFile f;
    if (AirflowApi::isExport(path)) {
        if (runs) {
            f.kind = PlatformFile::Kind::Runs;
            f.runs = AirflowApi::readRuns(path);
        } else {
            f.kind = PlatformFile::Kind::Inventory;
            f.inventory = AirflowApi::read(path, options.timezone);
        }
        return f;
    }
    if (QFileInfo(path).isDir())
        return f;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return f;
    const QByteArray data = file.readAll();
    if (DbtManifest::isManifest(data)) {
        f.kind = PlatformFile::Kind::Inventory;
        f.inventory = DbtManifest::read(data, path, options);
    } else if (DbtRunResults::isRunResults(data)) {
        f.kind = PlatformFile::Kind::Runs;
        f.runs = DbtRunResults::read(data, path);
    }
    return f;
}

int importPlatform(CtlContext &ctx, const QString &file, const PlatformFile &platform, bool apply,
                   Side side)
{
    const Problems &read = platform.kind == PlatformFile::Kind::Runs ? platform.runs.problems
                                                                     : platform.inventory.problems;
    if (hasErrors(read)) {
        ctx.printProblems(read);
        int errors = 0;
        for (const Problem &p : read)
            errors += p.isError() ? 1 : 0;
        return ctx.fail(
            ExitBadInput,
            QStringLiteral("%1 error(s) in %2; nothing was written").arg(errors).arg(file));
    }
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    PlatformImport service(*store, ctx.clock, ctx.actor);
    if (platform.kind == PlatformFile::Kind::Runs) {
        const Outcome o = service.importRuns(platform.runs, file, side);
        ctx.printProblems(o.problems);
        return ctx.finish(o);
    }
    ctx.printProblems(platform.inventory.problems);
    const ImportOutcome o = service.importInventory(platform.inventory.inventory, file, apply);
    for (const InventoryChange &c : o.changes)
        ctx.out << c.line() << "\n";
    ctx.printProblems(o.problems);
    return ctx.finish(o);
}
} // namespace

int cmdImport(CtlContext &ctx)
{
    const QCommandLineOption allowRemovals(
        QStringLiteral("allow-removals"),
        QStringLiteral("Remove the on-prem pipelines the file leaves out (each is listed)."));
    const QCommandLineOption apply(
        QStringLiteral("apply"),
        QStringLiteral("dbt or Airflow into a store that has an inventory: write the changes "
                       "listed (without it they are only shown)."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("Check everything against the live store and say what the import would "
                       "do; write nothing, exit as the import would."));
    const QCommandLineOption defaultSla(
        QStringLiteral("default-sla"),
        QStringLiteral("dbt: the deadline of an exposure without meta.daybreak.sla (06:00)."),
        QStringLiteral("HH:MM"), QStringLiteral("06:00"));
    const QCommandLineOption timezone(
        QStringLiteral("timezone"),
        QStringLiteral("dbt or Airflow into an empty store: the platform's time zone (UTC)."),
        QStringLiteral("zone"), QStringLiteral("UTC"));
    const QCommandLineOption runs(
        QStringLiteral("runs"),
        QStringLiteral("Airflow: the run history in the folder's task_instances*.json files."));
    const QCommandLineOption side(
        QStringLiteral("side"),
        QStringLiteral("Run history: the side that ran it, onprem or cloud (onprem)."),
        QStringLiteral("side"), QStringLiteral("onprem"));
    if (!ctx.parse({allowRemovals, apply, dryRun, defaultSla, timezone, runs, side},
                   QStringLiteral("FILE"), 1, 1))
        return ctx.parseExit;
    const QString file = ctx.parser.positionalArguments().constFirst();
    DbtManifest::Options options;
    options.defaultSla = QTime::fromString(ctx.parser.value(defaultSla), QStringLiteral("HH:mm"));
    options.timezone = ctx.parser.value(timezone);
    QStringList bad;
    if (!options.defaultSla.isValid() || ctx.parser.value(defaultSla).size() != 5)
        bad << QStringLiteral("--default-sla: '%1' is not HH:MM").arg(ctx.parser.value(defaultSla));
    if (!QTimeZone(options.timezone.toUtf8()).isValid())
        bad << QStringLiteral("--timezone: '%1' is not a time zone (e.g. Europe/Berlin)")
                   .arg(options.timezone);
    const std::optional<Side> runSide = sideFromName(ctx.parser.value(side));
    if (!runSide)
        bad << QStringLiteral("--side must be onprem or cloud");
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    const PlatformFile platform = readPlatformFile(file, options, ctx.parser.isSet(runs));
    if (ctx.parser.isSet(runs) && !AirflowApi::isExport(file))
        return ctx.usage(QStringLiteral("--runs goes with a folder of Airflow API answers (with "
                                        "dags.json)"));
    if (ctx.parser.isSet(dryRun) && ctx.parser.isSet(apply))
        return ctx.usage(QStringLiteral("--dry-run and --apply exclude each other"));
    if (platform.kind != PlatformFile::Kind::None)
        return importPlatform(ctx, file, platform,
                              ctx.parser.isSet(apply) && !ctx.parser.isSet(dryRun), *runSide);
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    Outcome o = InventoryService(*store, ctx.clock, ctx.actor)
                    .importFile(file, ctx.parser.isSet(allowRemovals), ctx.parser.isSet(dryRun));
    if (o.kind == Outcome::Kind::BadInput) {
        int errors = 0;
        for (const Problem &p : o.problems)
            errors += p.isError() ? 1 : 0;
        o.message = QStringLiteral("%1 error(s) in %2; nothing was written").arg(errors).arg(file);
    } else if (o.ok() && !ctx.parser.isSet(dryRun)) {
        o.message = QStringLiteral("Imported %1 into %2").arg(file, store->location());
    }
    return ctx.finish(o);
}

int cmdValidate(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("FILE"), 0, 1))
        return ctx.parseExit;
    Problems problems;
    QString subject;
    if (!ctx.parser.positionalArguments().isEmpty()) {
        subject = ctx.parser.positionalArguments().constFirst();
        if (!QFileInfo::exists(subject))
            return ctx.fail(ExitBadInput, QStringLiteral("%1: no such file").arg(subject));
        problems = InventoryReader::readFile(subject).problems;
    } else {
        Store *store = ctx.openStore();
        if (!store)
            return ExitStore;
        subject = store->location();
        InventoryReader::checkGraph(store->snapshot().inventory, subject, {}, problems);
        // A store is valid only if it keeps its promises too (daybreakctl verify).
        for (const QString &finding : store->verify()) {
            Problem p;
            p.file = subject;
            p.message = finding;
            problems.append(p);
        }
    }
    ctx.printProblems(problems);
    if (hasErrors(problems))
        return ExitValidation;
    ctx.out << subject << ": no errors" << (problems.isEmpty() ? "" : " (see warnings)")
            << Qt::endl;
    return ExitDone;
}

} // namespace daybreak
