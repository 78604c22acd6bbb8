#pragma once

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace daybreak {

// A real HTTP receiver on loopback: records every request; answers 202, or 503 while told to
// fail.
class Receiver
{
public:
    Receiver()
    {
        m_server.route(
            QStringLiteral("/<arg>"), QHttpServerRequest::Method::Post,
            [this](const QString &path, const QHttpServerRequest &request,
                   QHttpServerResponder &&responder) {
                m_requests.append({path, request.value("Idempotency-Key"),
                                   QJsonDocument::fromJson(request.body()).object()});
                if (m_hanging) { // keeps the connection open, answers nothing
                    m_held.push_back(std::make_unique<QHttpServerResponder>(std::move(responder)));
                    return;
                }
                responder.write(m_failing ? QHttpServerResponder::StatusCode::ServiceUnavailable
                                          : QHttpServerResponder::StatusCode::Accepted);
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path);
    }
    struct Request
    {
        QString path;
        QByteArray idempotencyKey;
        QJsonObject body;
    };
    QList<Request> m_requests;
    bool m_failing = false;
    bool m_hanging = false;
    std::vector<std::unique_ptr<QHttpServerResponder>> m_held;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
};

} // namespace daybreak
