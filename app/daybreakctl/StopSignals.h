#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSocketNotifier;

namespace daybreak {

// SIGTERM and SIGINT as a Qt signal, for the commands that run until they are told to stop
// (watch, sla --follow): the handler only writes which one came to a pipe the event loop reads.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    StopSignals();
    ~StopSignals() override;
    bool ok() const { return m_notifier != nullptr; } // false: the pipe could not be made

signals:
    void stopRequested(const QString &which); // "SIGTERM" or "SIGINT"

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace daybreak
