#pragma once

#include "StoreChange.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace daybreak {

// The change feed (schema migration 15): every committed row change of the tables a console
// shows leaves one entry, written by triggers in the change's own transaction, numbered by a
// monotonic sequence. Consoles read what came after the last entry they saw instead of reading
// the whole store again. The triggers (resources/sql/*/15_change_feed.sql) keep the newest
// 100,000 entries; a console that fell further behind reads everything once.

// More entries than this since a console's last read: it reads everything once instead.
constexpr int kFeedFollowLimit = 5000;

struct FeedEntry
{
    qint64 seq = 0;
    QString table;
    QString key;
};

// What the entries say changed, for a console to re-read and redraw just that.
StoreChange classifyFeed(const QList<FeedEntry> &entries);

} // namespace daybreak
