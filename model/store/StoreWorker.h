#pragma once

#include "ChangeNotifier.h"
#include "Store.h"
#include "StoreTypes.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

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
        std::function<void(const StoreSnapshot &)> read; // a snapshot was read
        std::function<void()> answered;                  // the store answered a heartbeat
        std::function<void(const QString &)> failed;     // it stopped answering
    };
    StoreWorker(Store::Opener opener, QObject *receiver, Callbacks callbacks);
    ~StoreWorker() override;

    // Opens the connection (or checks it and reconnects) and the notifier, then reads.
    void connectStore();
    // Reads a snapshot (nothing while not connected: connectStore() comes first).
    void read();
    // Runs `job` here with the connection, or with nullptr while there is none.
    void run(const std::function<void(Store *)> &job);
    // Drops the connection and the notifier; on this thread, before it ends.
    void close();

private:
    void post(std::function<void()> call);
    void fail(const QString &message);

    Store::Opener m_opener;
    QObject *m_receiver;
    Callbacks m_callbacks;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ChangeNotifier> m_notifier;
    QTimer *m_coalesce = nullptr;
    bool m_connected = false;
};

} // namespace daybreak
