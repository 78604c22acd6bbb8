#include "SqliteStore.h"

#include "PollingChangeNotifier.h"
#include "SqliteSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace daybreak {

SqliteStore::SqliteStore(const QString &path, OpenMode mode, bool readOnly)
    : SqlStore(QStringLiteral("daybreak-sqlite-") +
               QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_path(QFileInfo(path).absoluteFilePath())
{
    const QFileInfo info(m_path);
    if (!info.exists()) {
        if (mode == OpenMode::MustExist || readOnly)
            throw StoreError(
                QStringLiteral("store %1 does not exist; create it with 'daybreakctl init'")
                    .arg(m_path));
        if (!QDir().mkpath(info.absolutePath()))
            throw StoreError(
                QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
    } else if (info.isDir()) {
        throw StoreError(QStringLiteral("store %1 is a folder, not a SQLite file").arg(m_path));
    } else if (!info.isWritable()) {
        readOnly = true; // the file's permissions make this user a viewer
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        throw StoreError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    // Another console may hold the write lock briefly; wait instead of failing at once.
    m_db.setConnectOptions(readOnly
                               ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        throw StoreError(
            QStringLiteral("cannot open store %1: %2").arg(m_path, m_db.lastError().text()));
    m_readOnly = readOnly;
    m_access = readOnly ? Access::viewerOnly(currentOsUser()) : Access::everything(currentOsUser());
    try {
        run(QStringLiteral("PRAGMA foreign_keys = ON"));
        if (!readOnly)
            run(QStringLiteral("PRAGMA journal_mode = WAL"), {},
                QStringLiteral("%1 is not a usable SQLite store").arg(m_path));
        // Only `init` (and a console's first start) may turn a file into a store; any other
        // command refuses a SQLite file that holds no Daybreak schema instead of writing one
        // into it (finding D11).
        migrate(sqliteMigrations(), mode == OpenMode::MustExist, readOnly);
    } catch (const StoreError &e) {
        const QString message = e.message();
        if (message.contains(QLatin1String("not a database")))
            throw StoreError(QStringLiteral("%1 is not a SQLite database").arg(m_path));
        throw;
    }
}

QSqlError SqliteStore::startTransaction(bool write)
{
    if (!write)
        return SqlStore::startTransaction(false);
    // The write lock up front, waiting out the busy timeout: a deferred transaction that reads
    // and then writes gets SQLITE_BUSY at once when another writer got there first.
    QSqlQuery q(database());
    return q.exec(QStringLiteral("BEGIN IMMEDIATE")) ? QSqlError() : q.lastError();
}

bool SqliteStore::hasSchemaTable()
{
    QSqlQuery q = run(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
    return q.next();
}

std::unique_ptr<ChangeNotifier> SqliteStore::createNotifier()
{
    return std::make_unique<PollingChangeNotifier>(*this);
}

qint64 SqliteStore::changeToken()
{
    // data_version moves when another connection commits; our own commits are counted apart.
    QSqlQuery q = run(QStringLiteral("PRAGMA data_version"));
    const qint64 external = q.next() ? q.value(0).toLongLong() : 0;
    return (m_commits << 32) ^ external;
}

QStringList SqliteStore::requiredTriggers() const
{
    return {QStringLiteral("audit_no_update"), QStringLiteral("audit_no_delete"),
            QStringLiteral("audit_no_replace")};
}

QString SqliteStore::presentTriggersSql() const
{
    return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'");
}

Store::Opener SqliteStore::opener() const
{
    return [path = m_path, readOnly = m_readOnly]() -> std::unique_ptr<Store> {
        return std::make_unique<SqliteStore>(path, OpenMode::MustExist, readOnly);
    };
}

} // namespace daybreak
