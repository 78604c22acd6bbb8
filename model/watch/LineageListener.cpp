#include "LineageListener.h"

#include "Clock.h"
#include "LineageService.h"
#include "OpenLineage.h"
#include "Store.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>

namespace daybreak {

QList<LineageListener::Token> LineageListener::readTokens(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
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
        if (words.size() > 2 ||
            (words.size() == 2 && !(t.side = sideFromName(QString::fromUtf8(words.at(1)))))) {
            *error = QStringLiteral("%1:%2: expected 'TOKEN' or 'TOKEN onprem|cloud'")
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
    m_server->route(QStringLiteral("/metrics"), QHttpServerRequest::Method::Get,
                    [this] { return metrics(); });
    m_server->route(QStringLiteral("/healthz"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("ok\n"));
    });
}

LineageListener::~LineageListener() = default;

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
    ++m_counters.requests;
    const Token *token = tokenOf(request);
    if (!token) {
        ++m_counters.refused;
        QHttpServerResponse r =
            answer({{QStringLiteral("error"), QStringLiteral("no or wrong bearer token")}},
                   QHttpServerResponse::StatusCode::Unauthorized);
        r.addHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
        return r;
    }
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
