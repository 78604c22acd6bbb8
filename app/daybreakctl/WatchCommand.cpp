#include "Commands.h"
#include "CtlContext.h"
#include "ExitCode.h"
#include "LineageListener.h"
#include "StopSignals.h"
#include "Watch.h"
#include "WatchConfig.h"

#include <QCoreApplication>
#include <QThread>

namespace daybreak {

namespace {

struct WatchOptions
{
    const QCommandLineOption interval{QStringLiteral("interval"),
                                      QStringLiteral("seconds between runs (default 60)"),
                                      QStringLiteral("SECONDS"), QStringLiteral("60")};
    const QCommandLineOption grace{QStringLiteral("grace"),
                                   QStringLiteral("minutes after a due start before a run is "
                                                  "late (default 15)"),
                                   QStringLiteral("MINUTES"), QStringLiteral("15")};
    const QCommandLineOption silence{QStringLiteral("silence"),
                                     QStringLiteral("minutes without an event from a side while "
                                                    "its runs are due (default 30)"),
                                     QStringLiteral("MINUTES"), QStringLiteral("30")};
    const QCommandLineOption lease{QStringLiteral("lease"),
                                   QStringLiteral("seconds a watch holds the delivery lease; "
                                                  "another takes over that long after it dies "
                                                  "(default 90, at least the interval)"),
                                   QStringLiteral("SECONDS"), QStringLiteral("90")};
    const QCommandLineOption listen{
        QStringLiteral("listen"),
        QStringLiteral("accept OpenLineage run events at POST /api/v1/lineage and serve "
                       "/metrics and /healthz on this address (e.g. 127.0.0.1:5000)"),
        QStringLiteral("HOST:PORT")};
    const QCommandLineOption tokenFile{
        QStringLiteral("token-file"),
        QStringLiteral("the bearer tokens posters must send, one per line ('TOKEN' or 'TOKEN "
                       "onprem|cloud'); required with --listen"),
        QStringLiteral("FILE")};
    const QCommandLineOption config{
        QStringLiteral("config"),
        QStringLiteral("read the store, the listen address, the token file and the numbers from "
                       "this INI file's [watch] section (the unit's /etc/daybreak/watch.conf); "
                       "options given here win"),
        QStringLiteral("FILE")};
    const QCommandLineOption tlsCert{
        QStringLiteral("tls-cert"),
        QStringLiteral("serve the listener over HTTPS only, with this PEM certificate (chain)"),
        QStringLiteral("FILE")};
    const QCommandLineOption tlsKey{QStringLiteral("tls-key"),
                                    QStringLiteral("the PEM private key of --tls-cert"),
                                    QStringLiteral("FILE")};

    QList<QCommandLineOption> all() const
    {
        return {interval, grace, silence, lease, listen, tokenFile, config, tlsCert, tlsKey};
    }
};

// What the watch runs with: an option on the command line, else the config file's key
// (token-file: token_file), else the option's default; every value checked, every problem kept.
class WatchArguments
{
public:
    Watch::Settings settings;
    QHostAddress listenHost;
    quint16 listenPort = 0;
    QList<LineageListener::Token> tokens;
    QStringList bad;

    WatchArguments(const CtlContext &ctx, const WatchOptions &o, const WatchConfig &file)
        : m_ctx(ctx), m_o(o), m_file(file)
    {
        number(o.interval, 1, 3600, settings.intervalSeconds);
        number(o.grace, 0, 720, settings.sensors.graceMinutes);
        number(o.silence, 1, 720, settings.sensors.silenceMinutes);
        number(o.lease, 2, 600, settings.leaseSeconds);
        if (bad.isEmpty() && settings.leaseSeconds <= settings.intervalSeconds)
            bad << QStringLiteral("--lease: %1 s must be longer than the interval (%2 s), or the "
                                  "lease lapses between runs")
                       .arg(settings.leaseSeconds)
                       .arg(settings.intervalSeconds);
        if (given(o.listen))
            readListen();
        else if (given(o.tokenFile))
            bad << QStringLiteral("--token-file goes with --listen");
        if (given(o.tlsCert) != given(o.tlsKey))
            bad << QStringLiteral("--tls-cert and --tls-key go together");
        else if (given(o.tlsCert) && !given(o.listen))
            bad << QStringLiteral("--tls-cert goes with --listen");
    }

    bool given(const QCommandLineOption &option) const
    {
        return m_ctx.parser.isSet(option) || m_file.values.contains(keyOf(option));
    }

    QString valueOf(const QCommandLineOption &option) const
    {
        return m_ctx.parser.isSet(option) || !m_file.values.contains(keyOf(option))
                   ? m_ctx.parser.value(option)
                   : m_file.values.value(keyOf(option));
    }

private:
    const CtlContext &m_ctx;
    const WatchOptions &m_o;
    const WatchConfig &m_file;

    static QString keyOf(const QCommandLineOption &option)
    {
        return option.names().first().replace(QLatin1Char('-'), QLatin1Char('_'));
    }

    void number(const QCommandLineOption &option, int low, int high, int &into)
    {
        bool ok = true;
        const int value = valueOf(option).toInt(&ok);
        if (!ok || value < low || value > high)
            bad << QStringLiteral("--%1: expected a whole number from %2 to %3, got '%4'")
                       .arg(option.names().first())
                       .arg(low)
                       .arg(high)
                       .arg(valueOf(option));
        else
            into = value;
    }

    // HOST:PORT with a numeric host ([::1]:5000 for IPv6), and the tokens posters must send.
    void readListen()
    {
        const QString value = valueOf(m_o.listen);
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
        if (!given(m_o.tokenFile)) {
            bad << QStringLiteral("--listen needs --token-file: nobody may post run events "
                                  "without a token");
            return;
        }
        QString error;
        tokens = LineageListener::readTokens(valueOf(m_o.tokenFile), &error);
        if (tokens.isEmpty())
            bad << QStringLiteral("--token-file: %1").arg(error);
    }
};

// The listener lives on a thread of its own with a connection of its own, so a routing
// question is answered from the watch's board while the watch itself waits on a hung store.
class ListenerThread
{
public:
    ListenerThread() { m_on.moveToThread(&m_thread); }

    ~ListenerThread()
    {
        if (!m_thread.isRunning())
            return;
        QMetaObject::invokeMethod(
            &m_on,
            [this] {
                m_listener.reset();
                m_store.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Opens the listener's store connection and starts listening; the port, or 0 with the
    // problem and its exit code.
    quint16 start(CtlContext &ctx, Store &store, Watch &watch, const WatchArguments &args,
                  const WatchOptions &o, QString *problem, int *code)
    {
        m_thread.start();
        quint16 port = 0;
        QMetaObject::invokeMethod(
            &m_on,
            [&] {
                try {
                    m_store = store.opener()();
                } catch (const StoreError &e) {
                    *problem = QStringLiteral("store unavailable: %1").arg(e.message());
                    *code = ExitStore;
                    return;
                }
                m_listener = std::make_unique<LineageListener>(*m_store, ctx.clock, ctx.actor,
                                                               args.tokens, ctx.err);
                RoutingBoard *board = &watch.routingBoard();
                m_listener->setLastRan([board] { return board->lastRan(); });
                m_listener->setRoutingBoard(board);
                if (args.given(o.tlsCert) &&
                    !m_listener->useTls(args.valueOf(o.tlsCert), args.valueOf(o.tlsKey), problem)) {
                    *code = ExitBadInput;
                    return;
                }
                port = m_listener->listen(args.listenHost, args.listenPort);
                if (port == 0) {
                    *problem =
                        QStringLiteral("--listen: cannot listen on %1").arg(args.valueOf(o.listen));
                    *code = ExitStore;
                }
            },
            Qt::BlockingQueuedConnection);
        return port;
    }

private:
    QThread m_thread;
    QObject m_on;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<LineageListener> m_listener;
};

void sayListening(CtlContext &ctx, const WatchArguments &args, bool tls, quint16 port)
{
    const QString at = ctx.clock.now().toUTC().toString(Qt::ISODate);
    if (!tls && !args.listenHost.isLoopback())
        ctx.err << at << " WARN listening on " << args.listenHost.toString()
                << " without TLS: bearer tokens cross the network in clear text; give "
                   "--tls-cert and --tls-key, or listen on loopback or a trusted network only"
                << Qt::endl;
    // The port, also when the system picked it (port 0): scripts and tests read this line.
    ctx.err << at << " INFO listening on " << args.listenHost.toString() << ":" << port
            << (tls ? " with TLS" : "")
            << " (POST /api/v1/lineage, GET /api/v1/route/ID, GET /api/v1/routes, GET "
               "/metrics, GET /healthz)"
            << Qt::endl;
}

} // namespace

// daybreakctl watch: the unattended sensors, until SIGTERM or SIGINT.
int cmdWatch(CtlContext &ctx)
{
    const WatchOptions o;
    if (!ctx.parse(o.all()))
        return ctx.parseExit;
    WatchConfig file;
    if (ctx.parser.isSet(o.config)) {
        file = WatchConfig::read(ctx.parser.value(o.config));
        if (!file.ok())
            return ctx.usage(file.problems.join(QStringLiteral("; ")));
        if (file.values.contains(QStringLiteral("store")))
            ctx.setConfiguredStore(file.values.value(QStringLiteral("store")));
    }
    const WatchArguments args(ctx, o, file);
    if (!args.bad.isEmpty())
        return ctx.usage(args.bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;

    StopSignals signalled;
    if (!signalled.ok())
        return ctx.fail(ExitStore, QStringLiteral("cannot set up signal handling"));

    Watch watch(*store, ctx.clock, ctx.actor, args.settings, ctx.err);
    QObject::connect(&signalled, &StopSignals::stopRequested, &watch,
                     [&watch](const QString &which) { watch.stop(which); });
    QObject::connect(&watch, &Watch::stopped, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(ExitDone); });
    ListenerThread listener;
    if (args.given(o.listen)) {
        QString problem;
        int code = ExitStore;
        const quint16 port = listener.start(ctx, *store, watch, args, o, &problem, &code);
        if (!problem.isEmpty())
            return ctx.fail(code, problem);
        sayListening(ctx, args, args.given(o.tlsCert), port);
    }
    watch.start();
    return QCoreApplication::exec();
}

} // namespace daybreak
