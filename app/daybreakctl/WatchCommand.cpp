#include "Commands.h"
#include "CtlContext.h"
#include "ExitCode.h"
#include "LineageListener.h"
#include "StopSignals.h"
#include "Watch.h"
#include "WatchConfig.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QThread>

namespace daybreak {

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
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("accept OpenLineage run events at POST /api/v1/lineage and serve "
                       "/metrics and /healthz on this address (e.g. 127.0.0.1:5000)"),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QStringLiteral("the bearer tokens posters must send, one per line ('TOKEN' or 'TOKEN "
                       "onprem|cloud'); required with --listen"),
        QStringLiteral("FILE"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("read the store, the listen address, the token file and the numbers from "
                       "this INI file's [watch] section (the unit's /etc/daybreak/watch.conf); "
                       "options given here win"),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral("serve the listener over HTTPS only, with this PEM certificate (chain)"),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("the PEM private key of --tls-cert"),
                                    QStringLiteral("FILE"));
    if (!ctx.parse({interval, grace, silence, lease, listen, tokenFile, config, tlsCert, tlsKey}))
        return ctx.parseExit;
    WatchConfig file;
    if (ctx.parser.isSet(config)) {
        file = WatchConfig::read(ctx.parser.value(config));
        if (!file.ok())
            return ctx.usage(file.problems.join(QStringLiteral("; ")));
        if (file.values.contains(QStringLiteral("store")))
            ctx.setConfiguredStore(file.values.value(QStringLiteral("store")));
    }
    // An option on the command line, else the config file's key (token-file: token_file), else
    // the option's default.
    auto keyOf = [](const QCommandLineOption &option) {
        return option.names().first().replace(QLatin1Char('-'), QLatin1Char('_'));
    };
    auto given = [&](const QCommandLineOption &option) {
        return ctx.parser.isSet(option) || file.values.contains(keyOf(option));
    };
    auto valueOf = [&](const QCommandLineOption &option) {
        return ctx.parser.isSet(option) || !file.values.contains(keyOf(option))
                   ? ctx.parser.value(option)
                   : file.values.value(keyOf(option));
    };
    Watch::Settings settings;
    bool ok = true;
    QStringList bad;
    auto number = [&](const QCommandLineOption &option, int low, int high, int &into) {
        const int value = valueOf(option).toInt(&ok);
        if (!ok || value < low || value > high)
            bad << QStringLiteral("--%1: expected a whole number from %2 to %3, got '%4'")
                       .arg(option.names().first())
                       .arg(low)
                       .arg(high)
                       .arg(valueOf(option));
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
    QHostAddress listenHost;
    quint16 listenPort = 0;
    QList<LineageListener::Token> tokens;
    if (given(listen)) {
        const QString value = valueOf(listen);
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const int port = colon > 0 ? value.mid(colon + 1).toInt(&portOk) : 0;
        QString host = value.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (colon <= 0 || !portOk || port < 0 || port > 65535 || !listenHost.setAddress(host))
            bad << QStringLiteral("--listen: '%1' is not HOST:PORT with a numeric host (e.g. "
                                  "127.0.0.1:5000)")
                       .arg(value);
        listenPort = quint16(port);
        if (!given(tokenFile)) {
            bad << QStringLiteral("--listen needs --token-file: nobody may post run events "
                                  "without a token");
        } else {
            QString error;
            tokens = LineageListener::readTokens(valueOf(tokenFile), &error);
            if (tokens.isEmpty())
                bad << QStringLiteral("--token-file: %1").arg(error);
        }
    } else if (given(tokenFile)) {
        bad << QStringLiteral("--token-file goes with --listen");
    }
    if (given(tlsCert) != given(tlsKey))
        bad << QStringLiteral("--tls-cert and --tls-key go together");
    else if (given(tlsCert) && !given(listen))
        bad << QStringLiteral("--tls-cert goes with --listen");
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;

    StopSignals signalled;
    if (!signalled.ok())
        return ctx.fail(ExitStore, QStringLiteral("cannot set up signal handling"));

    Watch watch(*store, ctx.clock, ctx.actor, settings, ctx.err);
    QObject::connect(&signalled, &StopSignals::stopRequested, &watch,
                     [&watch](const QString &which) { watch.stop(which); });
    QObject::connect(&watch, &Watch::stopped, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(ExitDone); });
    // The listener lives on a thread of its own with a connection of its own, so a routing
    // question is answered from the watch's board while the watch itself waits on a hung store.
    QThread listenerThread;
    QObject onListenerThread;
    onListenerThread.moveToThread(&listenerThread);
    std::unique_ptr<Store> listenerStore;
    std::unique_ptr<LineageListener> listener;
    const auto stopListener = qScopeGuard([&] {
        if (!listenerThread.isRunning())
            return;
        QMetaObject::invokeMethod(
            &onListenerThread,
            [&] {
                listener.reset();
                listenerStore.reset();
            },
            Qt::BlockingQueuedConnection);
        listenerThread.quit();
        listenerThread.wait();
    });
    if (given(listen)) {
        listenerThread.start();
        quint16 port = 0;
        QString problem;
        int problemCode = ExitStore;
        QMetaObject::invokeMethod(
            &onListenerThread,
            [&] {
                try {
                    listenerStore = store->opener()();
                } catch (const StoreError &e) {
                    problem = QStringLiteral("store unavailable: %1").arg(e.message());
                    return;
                }
                listener = std::make_unique<LineageListener>(*listenerStore, ctx.clock, ctx.actor,
                                                             tokens, ctx.err);
                RoutingBoard *board = &watch.routingBoard();
                listener->setLastRan([board] { return board->lastRan(); });
                listener->setRoutingBoard(board);
                if (given(tlsCert) &&
                    !listener->useTls(valueOf(tlsCert), valueOf(tlsKey), &problem)) {
                    problemCode = ExitBadInput;
                    return;
                }
                port = listener->listen(listenHost, listenPort);
                if (port == 0)
                    problem = QStringLiteral("--listen: cannot listen on %1").arg(valueOf(listen));
            },
            Qt::BlockingQueuedConnection);
        if (!problem.isEmpty())
            return ctx.fail(problemCode, problem);
        if (!given(tlsCert) && !listenHost.isLoopback())
            ctx.err << ctx.clock.now().toUTC().toString(Qt::ISODate) << " WARN listening on "
                    << listenHost.toString()
                    << " without TLS: bearer tokens cross the network in clear text; give "
                       "--tls-cert and --tls-key, or listen on loopback or a trusted network only"
                    << Qt::endl;
        // The port, also when the system picked it (port 0): scripts and tests read this line.
        ctx.err << ctx.clock.now().toUTC().toString(Qt::ISODate) << " INFO listening on "
                << listenHost.toString() << ":" << port << (given(tlsCert) ? " with TLS" : "")
                << " (POST /api/v1/lineage, GET /api/v1/route/ID, GET /api/v1/routes, GET "
                   "/metrics, GET /healthz)"
                << Qt::endl;
    }
    watch.start();
    return QCoreApplication::exec();
}

} // namespace daybreak
