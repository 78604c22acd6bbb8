#pragma once

#include "MorningParity.h"
#include "ParityDiffService.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class QThread;

namespace daybreak {

class Clock;
class Store;

// The watch's morning diffs: each night MorningParity says is due is measured inside both
// warehouses, one at a time, on a thread of its own (the sensors never wait on a warehouse), and
// recorded through ParityDiffService on the watch's thread. A source that cannot be reached is
// tried again later (5 minutes, doubling to an hour); a breach raises its page.
class MorningDiffs : public QObject
{
    Q_OBJECT

public:
    using Log = std::function<void(const QString &level, const QString &what)>;
    MorningDiffs(Store &store, const Clock &clock, QString actor, Log log);
    ~MorningDiffs() override; // waits for a diff being measured

    // Starts the next due diff unless one is being measured, and clears the breach alerts whose
    // nights were explained or accepted. Returns the nights that have breach alerts (their pages
    // and resolutions are delivered with those nights).
    QList<QDate> round(const StoreSnapshot &snapshot);
    bool measuring() const { return m_thread != nullptr; }

signals:
    // A diff was measured and concluded (recorded, or put off): deliver, and look again.
    void concluded(const QList<QDate> &alertNights);

private:
    void finish();
    QString keyOf(const QString &pipeline, const QDate &night) const
    {
        return pipeline + QLatin1Char('/') + night.toString(Qt::ISODate);
    }

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
    Log m_log;
    QThread *m_thread = nullptr;
    std::optional<ParityDiffService::Plan> m_plan;
    DiffReport m_report;
    QHash<QString, QDateTime> m_notBefore; // put off after a failure, until
    QHash<QString, int> m_failures;
};

} // namespace daybreak
