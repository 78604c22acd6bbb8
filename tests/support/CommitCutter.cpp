#include "CommitCutter.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace daybreak {

namespace {

// PostgreSQL's simple-query message for COMMIT, as QPSQL sends it: 'Q', the length, the text.
const QByteArray kCommit("COMMIT\0", 7);

} // namespace

CommitCutter::CommitCutter(quint16 serverPort) : m_serverPort(serverPort)
{
    start();
    m_listening.acquire(); // run() releases it once it listens: the port is known from then on
}

CommitCutter::~CommitCutter()
{
    quit();
    wait();
}

void CommitCutter::run()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    m_port.store(server.serverPort());
    m_listening.release();
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket *client = server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto answerDropped = std::make_shared<bool>(false);
            upstream->connectToHost(QHostAddress::LocalHost, m_serverPort);
            const auto cutBoth = [client, upstream] {
                upstream->abort();
                client->abort();
                client->deleteLater();
            };
            QObject::connect(client, &QTcpSocket::readyRead, client, [=, this] {
                const QByteArray bytes = client->readAll();
                if (bytes.contains(kCommit) && !m_done.load()) {
                    const Cut cut = m_cut.load();
                    if (cut == Cut::DropCommit) {
                        m_done.store(true);
                        cutBoth();
                        return;
                    }
                    if (cut == Cut::DropAnswer)
                        *answerDropped = true; // cut when the server answers
                }
                upstream->write(bytes); // buffered until the relay's own connection is up
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [=, this] {
                const QByteArray bytes = upstream->readAll();
                if (*answerDropped) {
                    // The server committed and answered; the client never hears it.
                    m_done.store(true);
                    cutBoth();
                    return;
                }
                client->write(bytes);
            });
            QObject::connect(client, &QTcpSocket::disconnected, client, [=] {
                upstream->disconnectFromHost();
                client->deleteLater();
            });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                             [=] { client->disconnectFromHost(); });
        }
    });
    exec();
}

} // namespace daybreak
