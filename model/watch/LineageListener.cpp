#include "LineageListener.h"

#include "Clock.h"
#include "LineageService.h"
#include "OpenLineage.h"
#include "RoutingBoard.h"
#include "Store.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace daybreak {

QList<LineageListener::Token> LineageListener::readTokens(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
        return {};
    }
    // Secrets: only their owner (the watch's service user) may read or change them.
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (file.permissions() & others) {
        *error = QStringLiteral("%1: group or others may read or change it; the tokens are "
                                "secrets: chown it to the watch's user and chmod 600 it")
                     .arg(path);
        return {};
    }
    QList<Token> tokens;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QByteArray text = file.readLine().split('#').first().trimmed();
        if (text.isEmpty())
            continue;
        const QList<QByteArray> words = text.simplified().split(' ');
        Token t;
        t.secret = words.first();
        t.name = QStringLiteral("token %1").arg(line);
        bool wordsOk = words.size() <= 3;
        for (qsizetype i = 1; i < words.size() && wordsOk; ++i) {
            const QString word = QString::fromUtf8(words.at(i));
            if (word.startsWith(QLatin1String("name=")) && word.size() > 5 && word.size() <= 205)
                t.name = word.mid(5);
            else if (!t.side && (t.side = sideFromName(word)))
                continue;
            else
                wordsOk = false;
        }
        if (!wordsOk) {
            *error = QStringLiteral("%1:%2: expected 'TOKEN [onprem|cloud] [name=NAME]'")
                         .arg(path)
                         .arg(line);
            return {};
        }
        if (t.secret.size() < 16) {
            *error = QStringLiteral("%1:%2: a token of %3 characters is guessable; use at least "
                                    "16 (e.g. openssl rand -hex 24)")
                         .arg(path)
                         .arg(line)
                         .arg(t.secret.size());
            return {};
        }
        tokens << t;
    }
    if (tokens.isEmpty())
        *error = QStringLiteral("%1: holds no token").arg(path);
    return tokens;
}

LineageListener::LineageListener(Store &store, const Clock &clock, QString actor,
                                 QList<Token> tokens, QTextStream &log, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_actor(std::move(actor)),
      m_tokens(std::move(tokens)), m_log(log), m_server(std::make_unique<QHttpServer>())
{
    m_server->route(QStringLiteral("/api/v1/lineage"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request) { return post(request); });
    m_server->route(QStringLiteral("/api/v1/route/<arg>"), QHttpServerRequest::Method::Get,
                    [this](const QString &pipeline, const QHttpServerRequest &request) {
                        return route(pipeline, request);
                    });
    m_server->route(QStringLiteral("/api/v1/routes"), QHttpServerRequest::Method::Get,
                    [this](const QHttpServerRequest &request) { return routes(request); });
    m_server->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
                    [this] { return metrics(); });
    m_server->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
}

LineageListener::~LineageListener() = default;

bool LineageListener::useTls(const QString &certFile, const QString &keyFile, QString *error)
{
    QFile certIn(certFile);
    if (!certIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read: %2").arg(certFile, certIn.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certIn.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1: holds no PEM certificate").arg(certFile);
        return false;
    }
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read: %2").arg(keyFile, keyIn.errorString());
        return false;
    }
    const QByteArray pem = keyIn.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error =
            QStringLiteral("%1: holds no unencrypted PEM private key (RSA or EC)").arg(keyFile);
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_server->sslSetup(config);
    m_tls = true;
    return true;
}

quint16 LineageListener::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

const LineageListener::Token *LineageListener::tokenOf(const QHttpServerRequest &request) const
{
    const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
    if (!header.startsWith("Bearer "))
        return nullptr;
    const QByteArray given = header.mid(7).trimmed();
    for (const Token &t : m_tokens) {
        // The same time whatever the first differing byte.
        if (t.secret.size() != given.size())
            continue;
        unsigned char diff = 0;
        for (qsizetype i = 0; i < given.size(); ++i)
            diff |= static_cast<unsigned char>(t.secret.at(i) ^ given.at(i));
        if (diff == 0)
            return &t;
    }
    return nullptr;
}

namespace {
QHttpServerResponse answer(const QJsonObject &body, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse(body, status);
}
} // namespace

QHttpServerResponse LineageListener::post(const QHttpServerRequest &request)
{
    if (std::optional<QHttpServerResponse> refused = refuseUnknown(request))
        return std::move(*refused);
    const Token *token = tokenOf(request);
    const OpenLineage::Read read = OpenLineage::parse(request.body(), QStringLiteral("request"));
    if (!read.ok()) {
        ++m_counters.refused;
        QJsonArray problems;
        for (const Problem &p : read.problems)
            problems.append(p.toString());
        return answer(
            {{QStringLiteral("error"), read.firstError()}, {QStringLiteral("problems"), problems}},
            QHttpServerResponse::StatusCode::BadRequest);
    }
    const LineageService::Ingested o =
        LineageService(m_store, m_clock, m_actor).ingest(read, token->side);
    if (o.kind == Outcome::Kind::Refused) {
        ++m_counters.refused;
        QJsonArray reasons;
        for (const Reason &r : o.decision.reasons)
            reasons.append(r.text);
        return answer({{QStringLiteral("error"), o.message}, {QStringLiteral("reasons"), reasons}},
                      QHttpServerResponse::StatusCode::Forbidden);
    }
    if (!o.ok()) {
        m_log << m_clock.now().toUTC().toString(Qt::ISODate) << " error openlineage: " << o.message
              << Qt::endl;
        return answer({{QStringLiteral("error"), o.message}},
                      QHttpServerResponse::StatusCode::ServiceUnavailable);
    }
    for (const RunEvent &e : o.events)
        ++m_counters.eventsBySide[sideName(e.side)];
    m_counters.eventsBySide[QStringLiteral("unmapped")] += o.unmapped;
    if (o.recorded > 0)
        emit recorded(o.recorded);
    return answer({{QStringLiteral("recorded"), o.recorded},
                   {QStringLiteral("unmapped"), o.unmapped},
                   {QStringLiteral("ignored"), o.ignored}},
                  QHttpServerResponse::StatusCode::Ok);
}

std::optional<QHttpServerResponse> LineageListener::refuseUnknown(const QHttpServerRequest &request)
{
    ++m_counters.requests;
    if (tokenOf(request))
        return std::nullopt;
    ++m_counters.refused;
    QHttpServerResponse r =
        answer({{QStringLiteral("error"), QStringLiteral("no or wrong bearer token")}},
               QHttpServerResponse::StatusCode::Unauthorized);
    r.addHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return r;
}

namespace {
// How fresh the answer is: when the store last answered the watch, and whether it answers now.
void addFreshness(QHttpServerResponse &r, const RoutingBoard::View &view)
{
    r.addHeader(QByteArrayLiteral("Daybreak-Routing-As-Of"),
                view.asOf.isValid() ? view.asOf.toUTC().toString(Qt::ISODateWithMs).toUtf8()
                                    : QByteArrayLiteral("never"));
    r.addHeader(QByteArrayLiteral("Daybreak-Store-Reachable"),
                view.reachable ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
    r.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
}

QJsonObject freshnessJson(const RoutingBoard::View &view)
{
    QJsonObject o{{QStringLiteral("as_of"),
                   view.asOf.isValid() ? QJsonValue(view.asOf.toUTC().toString(Qt::ISODateWithMs))
                                       : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("store_reachable"), view.reachable}};
    if (!view.reachable && !view.why.isEmpty())
        o.insert(QStringLiteral("store_unreachable_because"), view.why);
    return o;
}
} // namespace

QHttpServerResponse LineageListener::route(const QString &pipeline,
                                           const QHttpServerRequest &request)
{
    if (std::optional<QHttpServerResponse> refused = refuseUnknown(request))
        return std::move(*refused);
    const RoutingBoard::View view = m_board ? m_board->view() : RoutingBoard::View{};
    const auto reply = [&](QJsonObject body, QHttpServerResponse::StatusCode status) {
        const QJsonObject fresh = freshnessJson(view);
        for (auto it = fresh.begin(); it != fresh.end(); ++it)
            body.insert(it.key(), it.value());
        QHttpServerResponse r = answer(body, status);
        addFreshness(r, view);
        return r;
    };
    if (!view.routing)
        return reply(
            {{QStringLiteral("error"), QStringLiteral("the watch has not read the routing yet")}},
            QHttpServerResponse::StatusCode::ServiceUnavailable);
    // While the store answers, the board is what it said; when it does not, the board is
    // last-known routing, held to the same rules as the CLI's (age, mid-change).
    const LastKnownRouting::Answer a =
        view.reachable
            ? LastKnownRouting::Answer{view.routing->pointers.contains(pipeline)
                                           ? std::optional(view.routing->pointers.value(pipeline))
                                           : std::nullopt,
                                       QStringLiteral("unknown pipeline '%1'").arg(pipeline),
                                       view.routing->readAt}
            : view.routing->answer(pipeline, view.routing->storeKey, m_clock.now().toUTC(),
                                   LastKnownRouting::kDefaultMaxAge);
    if (!a.pointer)
        return reply({{QStringLiteral("pipeline"), pipeline}, {QStringLiteral("error"), a.refusal}},
                     view.reachable ? QHttpServerResponse::StatusCode::NotFound
                                    : QHttpServerResponse::StatusCode::ServiceUnavailable);
    if (m_board)
        m_board->noteReader(pipeline,
                            ReadReceipt{request.remoteAddress().toString(), tokenOf(request)->name,
                                        a.pointer->version, m_clock.now().toUTC()});
    return reply({{QStringLiteral("pipeline"), pipeline},
                  {QStringLiteral("side"), sideName(a.pointer->canonical())},
                  {QStringLiteral("state"), stateName(a.pointer->state)},
                  {QStringLiteral("version"), a.pointer->version},
                  {QStringLiteral("mid_change"), view.routing->midChange.contains(pipeline)}},
                 QHttpServerResponse::StatusCode::Ok);
}

QHttpServerResponse LineageListener::routes(const QHttpServerRequest &request)
{
    if (std::optional<QHttpServerResponse> refused = refuseUnknown(request))
        return std::move(*refused);
    const RoutingBoard::View view = m_board ? m_board->view() : RoutingBoard::View{};
    QJsonObject body = freshnessJson(view);
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok;
    if (!view.routing) {
        body.insert(QStringLiteral("error"),
                    QStringLiteral("the watch has not read the routing yet"));
        status = QHttpServerResponse::StatusCode::ServiceUnavailable;
    } else if (!view.reachable &&
               view.routing->readAt.secsTo(m_clock.now()) >
                   std::chrono::seconds(LastKnownRouting::kDefaultMaxAge).count()) {
        body.insert(QStringLiteral("error"),
                    QStringLiteral("the routing the watch last read is older than %1 h")
                        .arg(LastKnownRouting::kDefaultMaxAge.count()));
        status = QHttpServerResponse::StatusCode::ServiceUnavailable;
    } else {
        QJsonObject routes;
        for (auto it = view.routing->pointers.cbegin(); it != view.routing->pointers.cend(); ++it)
            routes.insert(it.key(), QJsonObject{{QStringLiteral("side"), sideName(it->canonical())},
                                                {QStringLiteral("state"), stateName(it->state)},
                                                {QStringLiteral("version"), it->version},
                                                {QStringLiteral("mid_change"),
                                                 view.routing->midChange.contains(it.key())}});
        body.insert(QStringLiteral("routes"), routes);
    }
    QHttpServerResponse r = answer(body, status);
    addFreshness(r, view);
    return r;
}

QHttpServerResponse LineageListener::metrics()
{
    if (m_lastRan)
        m_counters.lastRan = m_lastRan();
    try {
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4"),
                                   Metrics::render(m_store, m_clock, m_counters, &m_learned));
    } catch (const StoreError &e) {
        return QHttpServerResponse(
            QByteArrayLiteral("text/plain"),
            QStringLiteral("store unavailable: %1\n").arg(e.message()).toUtf8(),
            QHttpServerResponse::StatusCode::ServiceUnavailable);
    }
}

} // namespace daybreak
