#include "CommandTable.h"
#include "Commands.h"
#include "CtlContext.h"

#include <QSet>

#include <algorithm>

namespace daybreak {

namespace {
void printSorted(CtlContext &ctx, QStringList words)
{
    words.removeAll(QString());
    words.removeDuplicates();
    std::sort(words.begin(), words.end());
    for (const QString &w : std::as_const(words))
        ctx.out << w << '\n';
    ctx.out.flush();
}
} // namespace

// daybreakctl complete KIND [COMMAND]: one word per line, for the shell's completion: the
// commands, a command's sub-commands, or what the store holds (pipeline ids, wave names, groups,
// owners, pending requests, delivery channels). Reads only; the store is opened as a viewer.
int cmdComplete(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("KIND [COMMAND]"), 1, 2))
        return ctx.parseExit;
    const QStringList args = ctx.parser.positionalArguments();
    const QString kind = args.first();
    if (kind == QLatin1String("commands")) {
        QStringList names;
        for (const CommandEntry &entry : commandTable())
            names << QLatin1String(entry.name);
        printSorted(ctx, names);
        return ExitDone;
    }
    if (kind == QLatin1String("subcommands")) {
        const CommandEntry *entry = args.size() > 1 ? findCommand(args.at(1)) : nullptr;
        if (!entry)
            return ctx.usage(QStringLiteral("complete subcommands: name a command"));
        printSorted(ctx, entry->subcommandNames());
        return ExitDone;
    }
    static const QStringList fromStore{QStringLiteral("pipelines"), QStringLiteral("waves"),
                                       QStringLiteral("groups"),    QStringLiteral("owners"),
                                       QStringLiteral("requests"),  QStringLiteral("channels")};
    if (!fromStore.contains(kind) || args.size() > 1)
        return ctx.usage(
            QStringLiteral("complete: '%1' is not one of commands, subcommands COMMAND, %2")
                .arg(args.join(QLatin1Char(' ')), fromStore.join(QStringLiteral(", "))));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    QStringList words;
    if (kind == QLatin1String("requests")) {
        for (const ChangeRequest &r : store->changeRequests())
            if (r.status == ChangeRequest::Status::Pending)
                words << QString::number(r.id);
    } else if (kind == QLatin1String("channels")) {
        for (const Channel &c : store->channels())
            words << c.name;
    } else {
        const StoreSnapshot snapshot = store->snapshot();
        if (kind == QLatin1String("waves")) {
            for (const Wave &w : snapshot.plan.waves())
                words << w.name;
        } else {
            for (const Pipeline &p : snapshot.inventory.pipelines())
                words << (kind == QLatin1String("pipelines") ? p.id
                          : kind == QLatin1String("groups")  ? p.groupName()
                                                             : p.owner);
        }
    }
    printSorted(ctx, words);
    return ExitDone;
}

} // namespace daybreak
