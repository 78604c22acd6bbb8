#pragma once

#include "ChangeNotifier.h"

#include <QTimer>

namespace daybreak {

class SqliteStore;

// SQLite: compares PRAGMA data_version twice a second, so a change shows within a second.
class PollingChangeNotifier final : public ChangeNotifier
{
    Q_OBJECT

public:
    explicit PollingChangeNotifier(SqliteStore &store, QObject *parent = nullptr);
    void start() override;
    void stop() override { m_timer.stop(); }

private:
    void poll();

    SqliteStore &m_store;
    QTimer m_timer;
    qint64 m_token = 0;
};

} // namespace daybreak
