#pragma once

#include "ChangeNotifier.h"
#include "Store.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace daybreak {

// A console's open store: hands out fresh snapshots, tells views when anyone changed it (through
// the store's ChangeNotifier: NOTIFY on PostgreSQL, data_version polling on SQLite), and keeps
// trying to get back when the store stops answering, waiting longer after each failed attempt.
class StoreSession : public QObject
{
    Q_OBJECT

public:
    explicit StoreSession(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~StoreSession() override;

    Store &store() { return *m_store; }
    const StoreSnapshot &snapshot() const { return m_snapshot; }
    bool reachable() const { return m_reachable; }
    // How long until the next reconnection attempt (0 while reachable).
    int retryDelayMs() const { return m_reachable ? 0 : m_backoffMs; }
    // Re-reads the store now (after our own change) and emits changed().
    void reload();

    static constexpr int kFirstRetryMs = 500;
    static constexpr int kMaxRetryMs = 16000;
    static constexpr int kCoalesceMs = 50;

signals:
    void changed();
    // The store stopped answering (again); a retry is scheduled in retryDelayMs().
    void unavailable(const QString &message);
    void recovered();

private:
    void lose(const QString &message);
    void retry();

    std::unique_ptr<Store> m_store;
    std::unique_ptr<ChangeNotifier> m_notifier;
    StoreSnapshot m_snapshot;
    QTimer m_retry;
    QTimer m_coalesce;
    int m_backoffMs = 0;
    bool m_reachable = true;
};

} // namespace daybreak
