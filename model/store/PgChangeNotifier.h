#pragma once

#include "ChangeNotifier.h"
#include "PgConnection.h"
#include "SocketWatchdog.h"

#include <QTimer>

namespace daybreak {

// PostgreSQL: a connection of its own LISTENs on the change channel, so a commit anywhere shows
// at once; a heartbeat on it notices a server that went away.
class PgChangeNotifier final : public ChangeNotifier
{
    Q_OBJECT

public:
    explicit PgChangeNotifier(PgTarget target, QObject *parent = nullptr);
    ~PgChangeNotifier() override;

    void start() override;
    void stop() override;

private:
    void heartbeat();
    void close();

    PgTarget m_target;
    QString m_connectionName;
    QTimer m_heartbeat;
    SocketWatchdog m_watchdog{kHeartbeatLimit};
    bool m_open = false;
};

} // namespace daybreak
