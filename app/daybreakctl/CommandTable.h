#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace daybreak {

class CtlContext;

// Every daybreakctl command, its sub-commands and the function that runs it: what main()
// dispatches on, what a command without its sub-command lists, and what `daybreakctl complete`
// and the man page generator read. One table, so the three cannot disagree.
struct CommandEntry
{
    const char *name;
    int (*run)(CtlContext &);
    QStringList subcommands; // empty: none
    bool runsAlone = false;  // runs without a sub-command too (sla)
};

std::span<const CommandEntry> commandTable();
const CommandEntry *findCommand(const QString &name);
// "wave needs a sub-command: add, list, ... or auto", or "unknown wave sub-command 'x' (add,
// list, ...)": the usage line of a command whose sub-command is missing or wrong.
QString subcommandUsage(const QString &command, const QString &given);
// `daybreakctl wave --help`: the sub-commands, each with its own --help.
QString subcommandHelp(const CommandEntry &entry);

} // namespace daybreak
