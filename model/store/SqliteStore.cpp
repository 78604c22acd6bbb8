#include "SqliteStore.h"

#include "PollingChangeNotifier.h"
#include "SqliteSchema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <cerrno>
#include <unistd.h>

namespace daybreak {

namespace {

QString walPath(const QString &path)
{
    return path + QStringLiteral("-wal");
}
QString shmPath(const QString &path)
{
    return path + QStringLiteral("-shm");
}

bool sideFilesExist(const QString &path)
{
    return QFileInfo::exists(walPath(path)) && QFileInfo::exists(shmPath(path));
}

// Why this user can only read the store, or empty when it may write. SQLite keeps a -wal and a
// -shm file beside the store while anyone has it open, and creates them with the opener's
// ownership: a user who could not write them afterwards is locked out (tst_sqlitestore guards it).
QString viewerReason(const QString &path, bool askedReadOnly)
{
    const QString user = currentOsUser();
    if (askedReadOnly)
        return QStringLiteral("the store was opened read-only");
    if (!QFileInfo(path).isWritable())
        return QStringLiteral("%1 cannot write %2").arg(user, path);
    for (const QString &side : {walPath(path), shmPath(path)}) {
        // One call, not exists() then isWritable(): another connection may be removing the file
        // at that very moment, and a vanished file is no reason to be a viewer.
        if (::access(QFile::encodeName(side).constData(), W_OK) == 0 || errno == ENOENT)
            continue;
        const QFileInfo info(side);
        return QStringLiteral("%1 cannot write %2, which belongs to %3 (when nobody has the "
                              "store open, its owner may remove the -wal and -shm files)")
            .arg(user, side,
                 info.owner().isEmpty() ? QString::number(info.ownerId()) : info.owner());
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!sideFilesExist(path) && !QFileInfo(folder).isWritable())
        return QStringLiteral("%1 cannot write the folder %2, where SQLite keeps the store's -wal "
                              "and -shm files")
            .arg(user, folder);
    return {};
}

QDateTime modified(const QString &path)
{
    return QFileInfo(path).lastModified();
}

} // namespace

SqliteStore::SqliteStore(const QString &path, OpenMode mode, bool readOnly)
    : SqlStore(QStringLiteral("daybreak-sqlite-") +
               QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_path(QFileInfo(path).absoluteFilePath()), m_askedReadOnly(readOnly)
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
        if (!QFileInfo(info.absolutePath()).isWritable())
            throw StoreError(QStringLiteral("cannot create store %1: %2 cannot write the folder %3")
                                 .arg(m_path, currentOsUser(), info.absolutePath()));
    } else if (info.isDir()) {
        throw StoreError(QStringLiteral("store %1 is a folder, not a SQLite file").arg(m_path));
    } else {
        m_viewerReason = viewerReason(m_path, readOnly);
        readOnly = !m_viewerReason.isEmpty();
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        throw StoreError(QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_readOnly = readOnly;
    try {
        openConnection();
    } catch (const StoreError &e) {
        if (e.message().contains(QLatin1String("not a database")))
            throw StoreError(QStringLiteral("%1 is not a SQLite database").arg(m_path));
        throw;
    }
    m_access = readOnly ? Access::viewerOnly(currentOsUser(), m_viewerReason)
                        : Access::everything(currentOsUser());
    try {
        if (!readOnly)
            run(QStringLiteral("PRAGMA journal_mode = WAL"), {},
                QStringLiteral("cannot put %1 in WAL mode (a full disk, a damaged file or a "
                               "folder that cannot be written)")
                    .arg(m_path));
        // Only `init` (and a console's first start) may turn a file into a store; any other
        // command refuses a SQLite file that holds no Daybreak schema instead of writing one
        // into it (tst_sqlitestore guards it).
        migrate(sqliteMigrations(), mode == OpenMode::MustExist, readOnly);
    } catch (const StoreError &e) {
        const QString message = e.message();
        if (message.contains(QLatin1String("not a database")))
            throw StoreError(QStringLiteral("%1 is not a SQLite database").arg(m_path));
        throw;
    }
}

Access SqliteStore::access() const
{
    if (m_readOnly)
        return m_access;
    if (!m_checkedAccess) {
        QStringList findings;
        try {
            // verify() only reads; it is not const because reading goes through the connection.
            findings = const_cast<SqliteStore *>(this)->verify();
        } catch (const StoreError &e) {
            findings << QStringLiteral("verify could not read it: %1").arg(e.message());
        }
        m_checkedAccess =
            findings.isEmpty()
                ? m_access
                : Access::viewerOnly(
                      m_access.user,
                      QStringLiteral("its own promises are broken, so it opened read-only until "
                                     "they are mended ('daybreakctl verify' lists them): %1")
                          .arg(findings.join(QStringLiteral("; "))));
    }
    return *m_checkedAccess;
}

void SqliteStore::openConnection()
{
    // A viewer must never create the -wal and -shm files (they would be its own, and lock the
    // store's owner out). When they exist a writer has the store open, and a read-only
    // connection shares them; when they do not, nobody has it open and the file itself holds
    // every commit, so the viewer reads it as immutable and reopens once it changes.
    m_immutable = m_readOnly && !sideFilesExist(m_path);
    if (m_db.isOpen())
        m_db.close();
    if (m_immutable) {
        m_db.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                             QStringLiteral("?immutable=1"));
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"));
        m_fileStamp = modified(m_path);
    } else {
        m_db.setDatabaseName(m_path);
        // Another console may hold the write lock briefly; wait instead of failing at once.
        m_db.setConnectOptions(
            m_readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                       : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!m_db.open())
        throw StoreError(
            QStringLiteral("cannot open store %1: %2").arg(m_path, m_db.lastError().text()));
    run(QStringLiteral("PRAGMA foreign_keys = ON"));
}

void SqliteStore::reopenIfOutdated()
{
    if (!m_immutable || inTransaction())
        return;
    if (!sideFilesExist(m_path) && modified(m_path) == m_fileStamp)
        return;
    openConnection();
    ++m_reopens;
}

QSqlError SqliteStore::startTransaction(bool write)
{
    if (!write) {
        reopenIfOutdated();
        return SqlStore::startTransaction(false);
    }
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
    reopenIfOutdated();
    QSqlQuery q = run(QStringLiteral("PRAGMA data_version"));
    const qint64 external = q.next() ? q.value(0).toLongLong() : 0;
    return (m_commits << 32) ^ (m_reopens << 48) ^ external;
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
    return [path = m_path, readOnly = m_askedReadOnly]() -> std::unique_ptr<Store> {
        return std::make_unique<SqliteStore>(path, OpenMode::MustExist, readOnly);
    };
}

} // namespace daybreak
