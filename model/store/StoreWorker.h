#pragma once

#include "ChangeNotifier.h"
#include "Clock.h"
#include "LastKnownRouting.h"
#include "Store.h"
#include "StoreTypes.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace daybreak {

// The console's store thread: it owns the connection every read goes through and the change
// notifier, so the GUI thread never waits on the network. Its slots run on that thread; what it
// finds it hands back by posting to `receiver` (the StoreSession, on the GUI thread).
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    struct Callbacks
    {
        // The store changed: the picture now, and what changed since the last one.
        std::function<void(const StoreSnapshot &, const StoreChange &)> read;
        std::function<void()> answered;              // the store answered a heartbeat
        std::function<void(const QString &)> failed; // it stopped answering
    };
    StoreWorker(Store::Opener opener, QObject *receiver, Callbacks callbacks);
    ~StoreWorker() override;

    // Opens the connection (or checks it and reconnects) and the notifier, then reads.
    void connectStore();
    // Catches up with the store (nothing while not connected: connectStore() comes first):
    // the change feed's entries since the last picture, re-reading only what they name, or the
    // whole snapshot when the feed cannot say (the first read, after an outage, too far behind),
    // which the log records.
    void read() { catchUp(false); }
    // The same, but the console hears back even when nothing changed (it asked: its own write,
    // or its clock moved on).
    void reload() { catchUp(true); }
    // Runs `job` here with the connection, or with nullptr while there is none.
    void run(const std::function<void(Store *)> &job);
    // Drops the connection and the notifier; on this thread, before it ends.
    void close();

private:
    void catchUp(bool answerAlways);
    void post(std::function<void()> call);
    void fail(const QString &message);

    Store::Opener m_opener;
    QObject *m_receiver;
    Callbacks m_callbacks;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ChangeNotifier> m_notifier;
    QTimer *m_coalesce = nullptr;
    static constexpr int kCoalesceMs = 150;
    bool m_connected = false;
    std::optional<StoreSnapshot> m_picture; // what the console was last sent
    // This host's last-known routing, kept after every read (LastKnownRouting.h).
    std::optional<LastKnownRouting> m_routing;
    SystemClock m_clock;
    QString m_fullReadWhy;
    int m_fullReads = 0; // whole snapshots read: after the first, a reconnect says so
};

} // namespace daybreak
