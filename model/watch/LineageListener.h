#pragma once

#include "Metrics.h"
#include "Pipeline.h"

#include <QHostAddress>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace daybreak {

class Clock;
class RoutingBoard;
class Store;

// The watch's HTTP side (QtHttpServer): OpenLineage run events in at POST /api/v1/lineage, the
// endpoint the OpenLineage clients post to; the night for Prometheus at GET /metrics; GET
// /healthz. Posting needs a bearer token from the token file; a token may be limited to one
// side, so the on-prem Airflow cannot report cloud runs. 400 names what is wrong with the
// document, 401 is a missing or wrong token, 403 an event for a side the token may not report;
// a refused document writes nothing.
class LineageListener : public QObject
{
    Q_OBJECT

public:
    struct Token
    {
        QByteArray secret;
        std::optional<Side> side; // empty: either side
        QString name;             // who holds it, for the read receipts ("token N" by default)
    };
    // One token per line: "SECRET [onprem|cloud] [name=NAME]"; '#' starts a comment. Empty, with
    // `error` set, when the file cannot be read or holds no token or a bad line.
    static QList<Token> readTokens(const QString &path, QString *error);

    LineageListener(Store &store, const Clock &clock, QString actor, QList<Token> tokens,
                    QTextStream &log, QObject *parent = nullptr);
    ~LineageListener() override;

    // The port it listens on (the one asked for, or the one picked for 0), or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    // Where /metrics reads when the watch last ran.
    void setLastRan(std::function<QDateTime()> lastRan) { m_lastRan = std::move(lastRan); }
    // Serves GET /api/v1/route/ID and /api/v1/routes from the watch's board (never from the
    // store), under the same tokens; without a board they answer 503.
    void setRoutingBoard(RoutingBoard *board) { m_board = board; }
    // Serves HTTPS only, with this certificate and key (PEM files); false with `error` naming the
    // file that cannot be used.
    bool useTls(const QString &certFile, const QString &keyFile, QString *error);
    bool usesTls() const { return m_tls; }
    const Metrics::Counters &counters() const { return m_counters; }

signals:
    // Events were recorded: the watch runs its sensors on them.
    void recorded(int events);

private:
    QHttpServerResponse post(const QHttpServerRequest &request);
    QHttpServerResponse metrics();
    QHttpServerResponse route(const QString &pipeline, const QHttpServerRequest &request);
    QHttpServerResponse routes(const QHttpServerRequest &request);
    // 401 unless the request carries a token; the board's view otherwise.
    std::optional<QHttpServerResponse> refuseUnknown(const QHttpServerRequest &request);
    const Token *tokenOf(const QHttpServerRequest &request) const;

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
    QList<Token> m_tokens;
    QTextStream &m_log;
    std::unique_ptr<QHttpServer> m_server;
    Metrics::Counters m_counters;
    SlaService::LearnedCache m_learned; // the night's learned durations, for /metrics
    std::function<QDateTime()> m_lastRan;
    RoutingBoard *m_board = nullptr;
    bool m_tls = false;
};

} // namespace daybreak
