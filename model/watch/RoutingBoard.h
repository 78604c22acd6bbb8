#pragma once

#include "LastKnownRouting.h"

#include <QDateTime>
#include <QHash>
#include <QPair>

#include <memory>
#include <mutex>

namespace daybreak {

// What the watch last read of the routing, shared with its listener's thread: the listener
// answers GET /api/v1/route from here without touching the store, so it answers in microseconds
// and goes on answering while the store is down or hung. The read receipts of the callers it
// answered wait here until the watch's next run writes them.
class RoutingBoard
{
public:
    struct View
    {
        std::shared_ptr<const LastKnownRouting> routing; // null: never read, and no file
        QDateTime asOf;         // when the store last answered (or the file was read)
        bool reachable = false; // whether the last attempt reached the store
        QString why;            // why it did not
    };

    View view() const;
    void publish(std::shared_ptr<const LastKnownRouting> routing, const QDateTime &asOf);
    void unreachable(const QString &why);

    // When the watch last ran its sensors, for /metrics.
    void setLastRan(const QDateTime &at);
    QDateTime lastRan() const;

    void noteReader(const QString &pipeline, const ReadReceipt &receipt);
    QHash<QPair<QString, QString>, ReadReceipt> takeReaders(); // (pipeline, reader) -> receipt

private:
    mutable std::mutex m_mutex;
    View m_view;
    QDateTime m_lastRan;
    QHash<QPair<QString, QString>, ReadReceipt> m_readers;
};

} // namespace daybreak
