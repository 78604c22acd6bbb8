#pragma once

#include "StoreTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace daybreak {

class Store;

// The host's last-known routing of one store: every pipeline's canonical side and pointer
// version as this host last read them, the store's identity and when it was read. Every
// successful read of the store (daybreakctl, the watch, the console) keeps it up to date, one
// file per store under the user's cache folder, written atomically (QSaveFile: a writer killed
// halfway leaves the previous file whole). When the store does not answer, `route` answers from
// it (LaunchDarkly's and Unleash's clients do the same with their last rules), but never from a
// file older than its maximum age, for another store, or for a pipeline that was mid-change.
//
// The file is JSON Lines: a first line with the store, its identity, the read time, the feed
// position and the number of pipelines, then one line per pipeline sorted by id
// ({"id":..,"side":..,"state":..,"version":..}, "mid_change":true when a request was pending).
// `route` reads the first line and bisects for its pipeline, parsing some 15 lines of a file of
// 10,000 (lookup()); `grep` and `jq` read it as they are.
struct LastKnownRouting
{
    QString
        storeKey;    // which store (storeKeyOf): a file found under another store's name is refused
    QString storeId; // the store's own identity (settings 'store_id')
    QDateTime readAt; // when this host last read the store (UTC)
    qint64 feedSeq = 0;
    QHash<QString, RoutingPointer> pointers;
    QSet<QString> midChange; // a change request was pending when it was read

    // How stale the file may be before a read that finds nothing changed writes it again (with
    // the new read time): a route call stays a read, and `readAt` lags the last read by at most
    // this much.
    static constexpr std::chrono::seconds kRewriteAfter{60};
    static constexpr std::chrono::hours kDefaultMaxAge{24};

    // The name a store goes by on every host, from its URL or location: the absolute path of a
    // SQLite file, a PostgreSQL URL without its password and connection options.
    static QString storeKeyOf(const QString &url);
    // The file of that store: <cache>/daybreak/routing/<hash of the key>.json.
    static QString pathFor(const QString &storeKey);

    // The file's first line.
    struct Header
    {
        QString storeKey;
        QString storeId;
        QDateTime readAt;
        qint64 feedSeq = 0;
        qint64 pipelines = 0; // how many lines follow
    };
    static std::optional<Header> readHeader(const QString &path, QString *why);

    static LastKnownRouting of(const RoutingTable &table, const QString &storeKey,
                               const QDateTime &readAt);
    QByteArray toJson() const;
    // Empty, with `why` naming the file, the line and the field, when the text is not one (a
    // file with fewer or more lines than its first line counts is not whole).
    static std::optional<LastKnownRouting> fromJson(const QByteArray &json, const QString &path,
                                                    QString *why);
    static std::optional<LastKnownRouting> load(const QString &path, QString *why);
    // Atomically: the new file replaces the old one whole, or nothing changes.
    bool save(const QString &path, QString *why) const;

    struct Answer
    {
        std::optional<RoutingPointer> pointer; // set when the file may answer
        QString refusal;                       // why it may not, naming the pipeline or the file
        QDateTime readAt;                      // when the file's routing was read (lookup())
    };
    // What this file says of `pipeline`, asked for the store `storeKey` at `now`.
    Answer answer(const QString &pipeline, const QString &storeKey, const QDateTime &now,
                  std::chrono::seconds maxAge) const;
    // The same, read from the file at `path` without loading all of it: its first line, then the
    // pipeline's line found by bisection.
    static Answer lookup(const QString &path, const QString &pipeline, const QString &storeKey,
                         const QDateTime &now, std::chrono::seconds maxAge);

    // After a successful read of `store` (known as `storeKey`): writes the host's file again when
    // it is missing, names another store, is older than kRewriteAfter, or a pointer or a change
    // request moved since it was written. Returns the routing as of `now` (what the file holds,
    // read at `now`); `problem` says why the file could not be written. Throws StoreError when the
    // store fails. A caller that keeps the routing in memory hands it as `kept`, and the file is
    // not read.
    static LastKnownRouting remember(Store &store, const QString &storeKey, const QDateTime &now,
                                     QString *problem, const LastKnownRouting *kept = nullptr);
    // The same for a caller that does not need the routing back (daybreakctl): it decides from
    // the file's first line (its store, identity, feed position and time), so a route call on a
    // store of 10,000 pipelines does not parse the whole file to learn that it is still fresh.
    static void keep(Store &store, const QString &storeKey, const QDateTime &now, QString *problem);
};

// "24h", "90m", "3600s" or a plain number of seconds; nullopt when it is none of these or not
// positive.
std::optional<std::chrono::seconds> parseDuration(const QString &text);

} // namespace daybreak
