#pragma once

#include "Access.h"
#include "Store.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace daybreak {

class StoreWorker;

// A store just opened, as a session starts from it: what it is, who we are there, how to open
// it again, and its first picture (or why it could not be read).
struct OpenedStore
{
    QString location;
    Access access;
    bool serverNamesUsers = false;
    Store::Opener opener;
    std::optional<StoreSnapshot> snapshot;
    QString readError;
};

// A console's open store. Every read (snapshots, the heartbeat, reconnecting, the jobs views
// post) runs on a thread of its own with a connection of its own (StoreWorker), so the GUI
// thread never waits on the network; results come back as signals. It tells views when anyone
// changed the store (NOTIFY on PostgreSQL, data_version polling on SQLite), how long ago the
// store last answered, and keeps trying to get back when the store stops answering, waiting
// longer after each failed attempt.
class StoreSession : public QObject
{
    Q_OBJECT

public:
    // Reads what a session starts from; the store's connection closes here, on the thread that
    // opened it (which may be any thread: the console opens stores on one of their own).
    static OpenedStore prepare(std::unique_ptr<Store> store);
    // The store thread opens the same store again for itself; every call runs there.
    explicit StoreSession(OpenedStore opened, QObject *parent = nullptr);
    explicit StoreSession(std::unique_ptr<Store> store, QObject *parent = nullptr)
        : StoreSession(prepare(std::move(store)), parent)
    {
    }
    ~StoreSession() override;

    QString location() const { return m_location; }
    Access access() const { return m_access; }
    bool serverNamesUsers() const { return m_serverNamesUsers; } // see Store::serverNamesUsers
    const StoreSnapshot &snapshot() const { return m_snapshot; }
    bool reachable() const { return m_reachable; }
    // How long until the next reconnection attempt (0 while reachable).
    int retryDelayMs() const { return m_reachable ? 0 : m_backoffMs; }
    // Milliseconds since the store last answered (a read or a heartbeat).
    qint64 silenceMs() const { return m_lastAnswer.elapsed(); }
    // No read or job is waiting for the store thread.
    bool idle() const { return m_pending == 0; }
    // Asks the store thread to catch up (the change feed since the last read); changed()
    // follows, also when nothing changed.
    void reload();

    // Runs `job` on the store thread with its connection (nullptr while the store is
    // unreachable); the function it returns runs back on this thread. Jobs run in order.
    using Job = std::function<std::function<void()>(Store *)>;
    void post(Job job);

    static constexpr int kFirstRetryMs = 500;
    // How long closing waits for a quiet store thread to end before leaving it to end alone.
    static constexpr int kQuitWaitMs = 250;
    static constexpr int kMaxRetryMs = 16000;

signals:
    // The snapshot changed, or something beside it a console shows (run events, alerts,
    // requests): what, so views redraw only that.
    void changed(const daybreak::StoreChange &change);
    // The store stopped answering (again); a retry is scheduled in retryDelayMs().
    void unavailable(const QString &message);
    void recovered();
    // The store answered just now (each heartbeat and read).
    void answered();

private:
    void onRead(const StoreSnapshot &snapshot, const StoreChange &change);
    void onAnswered();
    void onFailed(const QString &message);
    void retry();
    template <typename F> void toWorker(F call);

    QString m_location;
    Access m_access;
    bool m_serverNamesUsers = false;
    QThread *m_thread = nullptr;     // outlives the session while a call is in flight
    StoreWorker *m_worker = nullptr; // lives on m_thread
    QObject *m_inbox = nullptr;      // where m_thread's answers arrive, on this thread
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    StoreSnapshot m_snapshot;
    QTimer m_retry;
    QElapsedTimer m_lastAnswer;
    int m_backoffMs = 0;
    int m_pending = 0;
    bool m_reachable = true;
    bool m_reconnecting = false;
    bool m_firstRead = true; // the store thread's first read, right after opening
};

} // namespace daybreak
