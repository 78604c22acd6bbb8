#include "Commands.h"
#include "CtlContext.h"
#include "ExitCode.h"
#include "Watch.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>

namespace daybreak {

namespace {

int g_signalPipe[2] = {-1, -1};

// The only thing a signal handler may safely do here: tell the event loop which one came.
void onSignal(int signal)
{
    const char which = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[1], &which, 1);
}

} // namespace

// daybreakctl watch: the unattended sensors, until SIGTERM or SIGINT.
int cmdWatch(CtlContext &ctx)
{
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      QStringLiteral("seconds between runs (default 60)"),
                                      QStringLiteral("SECONDS"), QStringLiteral("60"));
    const QCommandLineOption grace(QStringLiteral("grace"),
                                   QStringLiteral("minutes after a due start before a run is "
                                                  "late (default 15)"),
                                   QStringLiteral("MINUTES"), QStringLiteral("15"));
    const QCommandLineOption silence(QStringLiteral("silence"),
                                     QStringLiteral("minutes without an event from a side while "
                                                    "its runs are due (default 30)"),
                                     QStringLiteral("MINUTES"), QStringLiteral("30"));
    const QCommandLineOption lease(QStringLiteral("lease"),
                                   QStringLiteral("seconds a watch holds the delivery lease; "
                                                  "another takes over that long after it dies "
                                                  "(default 90, at least the interval)"),
                                   QStringLiteral("SECONDS"), QStringLiteral("90"));
    if (!ctx.parse({interval, grace, silence, lease}))
        return ctx.parseExit;
    Watch::Settings settings;
    bool ok = true;
    QStringList bad;
    auto number = [&](const QCommandLineOption &option, int low, int high, int &into) {
        const int value = ctx.parser.value(option).toInt(&ok);
        if (!ok || value < low || value > high)
            bad << QStringLiteral("--%1: expected a whole number from %2 to %3, got '%4'")
                       .arg(option.names().first())
                       .arg(low)
                       .arg(high)
                       .arg(ctx.parser.value(option));
        else
            into = value;
    };
    number(interval, 1, 3600, settings.intervalSeconds);
    number(grace, 0, 720, settings.sensors.graceMinutes);
    number(silence, 1, 720, settings.sensors.silenceMinutes);
    number(lease, 2, 600, settings.leaseSeconds);
    if (bad.isEmpty() && settings.leaseSeconds <= settings.intervalSeconds)
        bad << QStringLiteral("--lease: %1 s must be longer than the interval (%2 s), or the "
                              "lease lapses between runs")
                   .arg(settings.leaseSeconds)
                   .arg(settings.intervalSeconds);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;

    if (::pipe(g_signalPipe) != 0)
        return ctx.fail(ExitStore, QStringLiteral("cannot set up signal handling"));
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    Watch watch(*store, ctx.clock, ctx.actor, settings, ctx.err);
    QSocketNotifier signalled(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalled, &QSocketNotifier::activated, &watch, [&watch] {
        char which = 0;
        if (::read(g_signalPipe[0], &which, 1) == 1)
            watch.stop(which == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"));
    });
    QObject::connect(&watch, &Watch::stopped, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(ExitDone); });
    watch.start();
    return QCoreApplication::exec();
}

} // namespace daybreak
