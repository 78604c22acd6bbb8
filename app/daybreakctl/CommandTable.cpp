#include "CommandTable.h"

#include "Commands.h"
#include "CtlContext.h"

#include <array>

namespace daybreak {

std::span<const CommandEntry> commandTable()
{
    static const std::array table{
        CommandEntry{"init", cmdInit},
        CommandEntry{"import", cmdImport},
        CommandEntry{"validate", cmdValidate},
        CommandEntry{"verify", cmdVerify},
        CommandEntry{"status", cmdStatus},
        CommandEntry{"route", cmdRoute},
        CommandEntry{"dual-run", cmdDualRun},
        CommandEntry{"cutover", cmdCutover},
        CommandEntry{"rollback", cmdRollback},
        CommandEntry{"decommission", cmdDecommission},
        CommandEntry{"request", cmdRequest}, // its action is an argument
        CommandEntry{"approve", cmdApprove},
        CommandEntry{"reject", cmdReject},
        CommandEntry{"requests", cmdRequests},
        CommandEntry{"parity", nullptr, paritySubcommands},
        CommandEntry{"audit", cmdAudit},
        CommandEntry{"wave", nullptr, waveSubcommands},
        CommandEntry{"report", cmdReport},
        CommandEntry{"graph", cmdGraph},
        CommandEntry{"run-event", cmdRunEvent},
        CommandEntry{"sla", cmdSla, slaSubcommands, true},
        CommandEntry{"simulate-night", cmdSimulateNight},
        CommandEntry{"watch", cmdWatch},
        CommandEntry{"notify", nullptr, notifySubcommands},
        CommandEntry{"map", nullptr, mapSubcommands},
        CommandEntry{"whoami", cmdWhoami},
        CommandEntry{"complete", cmdComplete}, // its kind is an argument
    };
    return table;
}

QStringList CommandEntry::subcommandNames() const
{
    QStringList names;
    if (subcommands)
        for (const SubcommandEntry &sub : subcommands())
            names.append(QLatin1String(sub.name));
    return names;
}

int runCommand(const CommandEntry &entry, CtlContext &ctx)
{
    if (!entry.subcommands)
        return entry.run(ctx);
    const QString given = ctx.peekSubcommand();
    for (const SubcommandEntry &sub : entry.subcommands())
        if (given == QLatin1String(sub.name)) {
            ctx.takeSubcommand();
            return sub.run(ctx);
        }
    if (entry.runsAlone)
        return entry.run(ctx);
    ctx.takeSubcommand();
    return ctx.usage(subcommandUsage(QLatin1String(entry.name), given));
}

const CommandEntry *findCommand(const QString &name)
{
    for (const CommandEntry &entry : commandTable())
        if (name == QLatin1String(entry.name))
            return &entry;
    return nullptr;
}

QString subcommandUsage(const QString &command, const QString &given)
{
    const CommandEntry *entry = findCommand(command);
    const QStringList subs = entry ? entry->subcommandNames() : QStringList();
    if (!given.isEmpty())
        return QStringLiteral("unknown %1 sub-command '%2' (%3)")
            .arg(command, given, subs.join(QStringLiteral(", ")));
    QStringList first = subs;
    const QString last = first.isEmpty() ? QString() : first.takeLast();
    return QStringLiteral("%1 needs a sub-command: %2 or %3")
        .arg(command, first.join(QStringLiteral(", ")), last);
}

QString subcommandHelp(const CommandEntry &entry)
{
    QString text = QStringLiteral("Usage: daybreakctl %1 SUB-COMMAND [options] [ARGS]\n\n"
                                  "Sub-commands:\n")
                       .arg(QLatin1String(entry.name));
    for (const QString &sub : entry.subcommandNames())
        text += QStringLiteral("  %1\n").arg(sub);
    text += QStringLiteral("\nEach has its own: daybreakctl %1 SUB-COMMAND --help\n")
                .arg(QLatin1String(entry.name));
    return text;
}

} // namespace daybreak
