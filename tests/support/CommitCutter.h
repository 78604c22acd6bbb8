#pragma once

#include <QByteArray>
#include <QSemaphore>
#include <QThread>

#include <atomic>

class QTcpServer;

namespace daybreak {

// A loopback TCP relay in front of a real PostgreSQL server, on its own thread (the store under
// test blocks in libpq on the test's thread). Once armed, it cuts the one connection that sends
// a COMMIT at the worst moment:
//  - DropCommit: the COMMIT never reaches the server (which rolls the transaction back);
//  - DropAnswer: the server commits, and its answer never reaches the client.
// Every other connection, and every one after the cut, is relayed as it is.
class CommitCutter : public QThread
{
public:
    enum class Cut
    {
        None,
        DropCommit,
        DropAnswer,
    };

    explicit CommitCutter(quint16 serverPort);
    ~CommitCutter() override;

    quint16 port() const { return m_port.load(); }
    void arm(Cut cut) { m_cut.store(cut); }
    // True once the armed cut happened.
    bool cutDone() const { return m_done.load(); }

protected:
    void run() override;

private:
    quint16 m_serverPort;
    std::atomic<quint16> m_port{0};
    std::atomic<Cut> m_cut{Cut::None};
    std::atomic<bool> m_done{false};
    QSemaphore m_listening;
};

} // namespace daybreak
