#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace daybreak {

class CtlContext;

// One sub-command of a command: `wave add`, `parity diff`.
struct SubcommandEntry
{
    const char *name;
    int (*run)(CtlContext &);
};

// Every daybreakctl command, its sub-commands and the functions that run them: what main()
// dispatches on (runCommand), what a command without its sub-command lists, and what
// `daybreakctl complete` and the man page generator read. One table, so the three cannot
// disagree; each command file holds the table of its own sub-commands.
struct CommandEntry
{
    const char *name;
    // The command itself; for one with sub-commands, what runs without one (runsAlone), or
    // nullptr.
    int (*run)(CtlContext &);
    std::span<const SubcommandEntry> (*subcommands)() = nullptr; // nullptr: none
    bool runsAlone = false; // runs without a sub-command too (sla)

    QStringList subcommandNames() const;
};

std::span<const CommandEntry> commandTable();
const CommandEntry *findCommand(const QString &name);
// Runs the command, or the sub-command its arguments name; usage (exit 2) when that is missing
// or wrong.
int runCommand(const CommandEntry &entry, CtlContext &ctx);
// "wave needs a sub-command: add, list, ... or auto", or "unknown wave sub-command 'x' (add,
// list, ...)": the usage line of a command whose sub-command is missing or wrong.
QString subcommandUsage(const QString &command, const QString &given);
// `daybreakctl wave --help`: the sub-commands, each with its own --help.
QString subcommandHelp(const CommandEntry &entry);

} // namespace daybreak
