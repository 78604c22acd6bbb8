#pragma once

#include <QObject>
#include <QString>

namespace daybreak {

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
    // `what`: the table that changed when the back end says so (PostgreSQL), else empty.
    void changed(const QString &what);
    void lost(const QString &message);
    // The store answered just now (each heartbeat or poll that got through): how fresh the
    // console's picture is.
    void alive();
};

} // namespace daybreak
