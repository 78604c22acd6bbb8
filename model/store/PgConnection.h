#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <chrono>

namespace daybreak {

// Where a PostgreSQL store lives: postgresql://user[:password]@host[:port]/database[?sslmode=...].
// Query parameters are libpq connection parameters (sslmode, sslrootcert, connect_timeout, ...)
// and are honoured as given. Without a password in hand, libpq looks in PGPASSWORD and then in
// ~/.pgpass (or PGPASSFILE); Daybreak never writes one down.
//
// Several hosts may be named, as libpq allows (postgresql://u@h1:5432,h2:5432/db): libpq tries
// them in order and, unless the URL says otherwise, takes only the one that accepts writes
// (target_session_attrs=read-write), so a reconnect after a failover finds the new primary.
struct PgTarget
{
    struct Host
    {
        QString name;
        int port = 5432;
    };
    QString user;
    QString host; // the first of `hosts`
    int port = 5432;
    QList<Host> hosts;
    QString database;
    QString password;    // from the URL or a prompt; kept in memory only
    QStringList options; // key=value, handed to libpq

    // Throws StoreError naming what is wrong with `url`.
    static PgTarget parse(const QString &url);
    // The URL without the password, for the status bar, messages and recent stores.
    QString displayUrl() const;
};

// Opens a QPSQL connection named `connectionName`; throws PasswordRequired when the server asked
// for a password nobody supplied, StoreError for every other failure.
QSqlDatabase openPgConnection(const PgTarget &target, const QString &connectionName);

// How long Daybreak waits for the server to answer one call before it counts the server as
// unreachable (the console's red bar, the CLI's exit 6); the server itself cancels a statement
// that runs longer than kStatementLimit, so a slow statement is told apart from a hung server.
constexpr std::chrono::milliseconds kAnswerLimit{10000};
constexpr std::chrono::milliseconds kStatementLimit{9000};
// A heartbeat (SELECT 1) answers at once from any live server: a console says "unreachable"
// within this limit plus the heartbeat's interval.
constexpr std::chrono::milliseconds kHeartbeatLimit{6000};

// The connection's socket (for SocketWatchdog), or -1.
int pgSocket(const QSqlDatabase &db);

} // namespace daybreak
