#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class SqliteStore;

// Tells a console that someone (another console, the CLI, the orchestrator) committed a change,
// and that the store stopped answering. PostgreSQL pushes (LISTEN/NOTIFY); SQLite is polled.
class ChangeNotifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ChangeNotifier() override = default;

    // (Re)starts watching; throws StoreError when the store cannot be reached.
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void changed();
    void lost(const QString &message);
};

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
