#include "CommandTable.h"

#include "Commands.h"

#include <array>

namespace daybreak {

namespace {
QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
} // namespace

std::span<const CommandEntry> commandTable()
{
    static const std::array table{
        CommandEntry{"init", cmdInit, {}},
        CommandEntry{"import", cmdImport, {}},
        CommandEntry{"validate", cmdValidate, {}},
        CommandEntry{"verify", cmdVerify, {}},
        CommandEntry{"status", cmdStatus, {}},
        CommandEntry{"route", cmdRoute, {}},
        CommandEntry{"dual-run", cmdDualRun, {}},
        CommandEntry{"cutover", cmdCutover, {}},
        CommandEntry{"rollback", cmdRollback, {}},
        CommandEntry{"decommission", cmdDecommission, {}},
        CommandEntry{"request", cmdRequest, {}}, // its action is an argument
        CommandEntry{"approve", cmdApprove, {}},
        CommandEntry{"reject", cmdReject, {}},
        CommandEntry{"requests", cmdRequests, {}},
        CommandEntry{"parity", cmdParity,
                     words("record import status accept explain source map diff")},
        CommandEntry{"audit", cmdAudit, {}},
        CommandEntry{"wave", cmdWave,
                     words("add list status assign unassign remove rename validate auto")},
        CommandEntry{"report", cmdReport, {}},
        CommandEntry{"graph", cmdGraph, {}},
        CommandEntry{"run-event", cmdRunEvent, {}},
        CommandEntry{"sla", cmdSla, words("ack backtest"), true},
        CommandEntry{"simulate-night", cmdSimulateNight, {}},
        CommandEntry{"watch", cmdWatch, {}},
        CommandEntry{"notify", cmdNotify, words("add list remove test")},
        CommandEntry{"map", cmdMap, words("add list remove unmapped")},
        CommandEntry{"whoami", cmdWhoami, {}},
        CommandEntry{"complete", cmdComplete, {}}, // its kind is an argument
    };
    return table;
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
    const QStringList subs = entry ? entry->subcommands : QStringList();
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
    for (const QString &sub : entry.subcommands)
        text += QStringLiteral("  %1\n").arg(sub);
    text += QStringLiteral("\nEach has its own: daybreakctl %1 SUB-COMMAND --help\n")
                .arg(QLatin1String(entry.name));
    return text;
}

} // namespace daybreak
