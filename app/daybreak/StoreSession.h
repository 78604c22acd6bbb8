#pragma once

#include "Store.h"

#include <QObject>
#include <QTimer>

#include <memory>

// The GUI's open store: hands out fresh snapshots and tells views when anyone changed it.
// SQLite has no push notification, so the session polls data_version once a second.
class StoreSession : public QObject
{
    Q_OBJECT

public:
    StoreSession(std::unique_ptr<Store> store, QObject *parent = nullptr);

    Store &store() { return *m_store; }
    const StoreSnapshot &snapshot() const { return m_snapshot; }
    // Re-reads the store now (after our own change) and emits changed().
    void reload();
    // Compares the change token and reloads if another connection committed.
    void poll();

signals:
    void changed();
    void unavailable(const QString &message);

private:
    std::unique_ptr<Store> m_store;
    StoreSnapshot m_snapshot;
    qint64 m_token = 0;
    QTimer m_timer;
};
