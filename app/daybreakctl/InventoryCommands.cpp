#include "Commands.h"
#include "CtlContext.h"

#include "InventoryReader.h"
#include "InventoryService.h"

#include <QFileInfo>

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

int cmdImport(CtlContext &ctx)
{
    const QCommandLineOption allowRemovals(
        QStringLiteral("allow-removals"),
        QStringLiteral("Remove the on-prem pipelines the file leaves out (each is listed)."));
    if (!ctx.parse({allowRemovals}, QStringLiteral("FILE"), 1, 1))
        return ctx.parseExit;
    const QString file = ctx.parser.positionalArguments().constFirst();
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    Outcome o = InventoryService(*store, ctx.clock, ctx.actor)
                    .importFile(file, ctx.parser.isSet(allowRemovals));
    if (o.kind == Outcome::Kind::BadInput) {
        int errors = 0;
        for (const Problem &p : o.problems)
            errors += p.isError() ? 1 : 0;
        o.message = QStringLiteral("%1 error(s) in %2; nothing was written").arg(errors).arg(file);
    } else if (o.ok()) {
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
