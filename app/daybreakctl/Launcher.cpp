// daybreakctl itself: the program every task of every night runs to ask `route`. It answers
// `route` in this process, which links only what the question needs (the store: Qt Core and SQL,
// libpq), and hands every other command to daybreakctl-commands (CommandsMain.cpp), which links
// the rest: reports and pictures (Qt GUI, SVG), the watch (HTTP server, libcurl), the services.
// Loading those ~60 libraries is most of a 16 ms start, which a route answered from the
// last-known routing cannot afford (docs/performance.md). The hand-off is an exec: the same
// process, arguments, streams and exit code.
#include "CommandLine.h"
#include "Commands.h"
#include "CtlContext.h"
#include "Version.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace daybreak;

namespace {

// Next to this program (the build tree), else where it is installed (DAYBREAKCTL_COMMANDS_DIR,
// relative to the programs' folder).
[[noreturn]] void handOff(char *argv[])
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path folder = self.parent_path();
    const std::filesystem::path candidates[] = {folder / "daybreakctl-commands",
                                                folder / DAYBREAKCTL_COMMANDS_DIR /
                                                    "daybreakctl-commands"};
    std::string tried;
    int why = ENOENT;
    for (const std::filesystem::path &candidate : candidates) {
        ::execv(candidate.c_str(), argv); // returns only when it could not run it
        why = errno;
        tried += (tried.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
    std::fprintf(stderr,
                 "daybreakctl: cannot run its commands program (%s: %s); the installation is "
                 "incomplete\n",
                 tried.c_str(), std::strerror(why));
    std::_Exit(ExitStore);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList given;
    for (int i = 1; i < argc; ++i)
        given.append(QString::fromLocal8Bit(argv[i]));
    const qsizetype at = commandIndex(given);
    if (at < 0 || given.at(at) != QLatin1String("route"))
        handOff(argv);

    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("daybreak"));
    QCoreApplication::setApplicationVersion(daybreakVersion());
    QStringList args = QCoreApplication::arguments();
    const QString program = args.takeFirst();
    args.removeAt(at);
    args.prepend(program + QStringLiteral(" route"));
    CtlContext ctx(args);
    try {
        return cmdRoute(ctx);
    } catch (const StoreError &e) {
        return ctx.fail(ExitStore, QStringLiteral("store unavailable: %1").arg(e.message()));
    }
}
