#include "PgConnection.h"

#include "StoreTypes.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <libpq-fe.h>

namespace daybreak {

namespace {

// Splits the host list out of a multi-host URL (QUrl takes one host): the URL with only its
// first host, and every host:port. Throws StoreError naming a host it cannot read.
std::pair<QString, QList<PgTarget::Host>> splitHosts(const QString &url)
{
    const qsizetype start = url.indexOf(QLatin1String("://"));
    if (start < 0)
        return {url, {}};
    const qsizetype authorityStart = start + 3;
    qsizetype authorityEnd = url.indexOf(QLatin1Char('/'), authorityStart);
    if (authorityEnd < 0)
        authorityEnd = url.size();
    const QString authority = url.mid(authorityStart, authorityEnd - authorityStart);
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    const QString userPart = at >= 0 ? authority.left(at + 1) : QString();
    if (!authority.mid(at + 1).contains(QLatin1Char(',')))
        return {url, {}}; // one host, or none (a socket, or libpq's ?host= list): QUrl reads it
    const QStringList names = authority.mid(at + 1).split(QLatin1Char(','));
    QList<PgTarget::Host> hosts;
    for (const QString &name : names) {
        const QUrl one(QStringLiteral("postgresql://") + name + QStringLiteral("/x"),
                       QUrl::StrictMode);
        if (name.isEmpty() || !one.isValid() || one.host().isEmpty() || one.port(5432) <= 0 ||
            one.port(5432) > 65535)
            throw StoreError(
                QStringLiteral("%1: host '%2' of the host list is not host[:port]").arg(url, name));
        hosts.append({one.host(), one.port(5432)});
    }
    return {url.left(authorityStart) + userPart + names.first() + url.mid(authorityEnd), hosts};
}

} // namespace

PgTarget PgTarget::parse(const QString &url)
{
    const auto [firstHostUrl, hosts] = splitHosts(url);
    const QUrl u(firstHostUrl, QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres")))
        throw StoreError(
            QStringLiteral("'%1' is not a PostgreSQL URL (postgresql://user@host:port/database)")
                .arg(url));
    PgTarget t;
    t.user = u.userName();
    t.password = u.password();
    t.host = u.host();
    t.port = u.port(5432);
    t.database = u.path().mid(1);
    if (t.database.isEmpty() || t.database.contains(QLatin1Char('/')))
        throw StoreError(
            QStringLiteral("%1: the URL names no database (postgresql://user@host:port/database)")
                .arg(url));
    if (t.port <= 0 || t.port > 65535)
        throw StoreError(QStringLiteral("%1: port %2 is out of range").arg(url).arg(t.port));
    t.hosts = hosts.isEmpty() ? QList<Host>{{t.host, t.port}} : hosts;
    bool hasTimeout = false, hasOptions = false, hasSessionAttrs = false, hostListInQuery = false;
    for (const auto &[key, value] : QUrlQuery(u).queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("password"))
            t.password = value;
        else if (key == QLatin1String("user"))
            t.user = value;
        else if ((key == QLatin1String("host") || key == QLatin1String("hostaddr")) &&
                 !u.host().isEmpty())
            throw StoreError(QStringLiteral("%1: the host is named twice, before the database "
                                            "and as ?%2=; name it once")
                                 .arg(url, key));
        else
            t.options.append(key + QLatin1Char('=') + value);
        // libpq's other form of a host list: postgresql:///db?host=h1,h2&port=5432,5433
        if (key == QLatin1String("host") && value.contains(QLatin1Char(',')))
            hostListInQuery = true;
        hasTimeout = hasTimeout || key == QLatin1String("connect_timeout");
        hasOptions = hasOptions || key == QLatin1String("options");
        hasSessionAttrs = hasSessionAttrs || key == QLatin1String("target_session_attrs");
    }
    // Of several hosts, the one that takes writes: a standby would refuse every change.
    if ((t.hosts.size() > 1 || hostListInQuery) && !hasSessionAttrs)
        t.options.append(QStringLiteral("target_session_attrs=read-write"));
    // An unreachable server must fail in seconds, not minutes: connecting gives up after 5 s; a
    // peer that vanished is noticed by keepalives (5 + 2 x 2 s) and by unacknowledged data
    // (tcp_user_timeout); the server cancels a statement that runs longer than kStatementLimit.
    // A server that is there but never answers is cut off by each store's SocketWatchdog.
    if (!hasTimeout)
        t.options.append(QStringLiteral("connect_timeout=5"));
    t.options.append(QStringLiteral("application_name=daybreak"));
    t.options.append(QStringLiteral("keepalives_idle=5"));
    t.options.append(QStringLiteral("keepalives_interval=2"));
    t.options.append(QStringLiteral("keepalives_count=2"));
    t.options.append(QStringLiteral("tcp_user_timeout=%1").arg(kAnswerLimit.count()));
    if (!hasOptions)
        t.options.append(
            QStringLiteral("options='-c statement_timeout=%1'").arg(kStatementLimit.count()));
    return t;
}

QString PgTarget::displayUrl() const
{
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setUserName(user);
    u.setHost(host);
    u.setPort(port);
    u.setPath(QLatin1Char('/') + database);
    QUrlQuery q;
    for (const QString &option : options) {
        const QString key = option.section(QLatin1Char('='), 0, 0);
        if (key == QLatin1String("sslmode") || key == QLatin1String("sslrootcert") ||
            (hosts.size() > 1 && key == QLatin1String("target_session_attrs")))
            q.addQueryItem(key, option.section(QLatin1Char('='), 1));
    }
    u.setQuery(q);
    const QString one = u.toString();
    if (hosts.size() <= 1)
        return one;
    // QUrl holds one host: write the others after it, as they were given.
    QStringList names;
    for (const Host &h : hosts)
        names << (h.name.contains(QLatin1Char(':')) ? QLatin1Char('[') + h.name + QLatin1Char(']')
                                                    : h.name) +
                     QLatin1Char(':') + QString::number(h.port);
    const QString first = u.authority().section(QLatin1Char('@'), -1);
    const qsizetype at = one.indexOf(first, one.indexOf(QLatin1String("://")));
    return one.left(at) + names.join(QLatin1Char(',')) + one.mid(at + first.size());
}

QSqlDatabase openPgConnection(const PgTarget &t, const QString &connectionName)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        throw StoreError(QStringLiteral(
            "the Qt PostgreSQL driver (QPSQL) is not installed (apt install libqt6sql6-psql)"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    QStringList options = t.options;
    if (t.hosts.size() > 1) {
        // libpq's host list: QPSQL hands the host name to libpq as given, and the port list goes
        // with the other connection parameters.
        QStringList names, ports;
        for (const PgTarget::Host &h : t.hosts) {
            names << h.name;
            ports << QString::number(h.port);
        }
        db.setHostName(names.join(QLatin1Char(',')));
        options.append(QStringLiteral("port=") + ports.join(QLatin1Char(',')));
    } else {
        db.setHostName(t.host);
        db.setPort(t.port);
    }
    db.setDatabaseName(t.database);
    db.setUserName(t.user);
    db.setPassword(t.password);
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (db.open())
        return db;
    const QString why = db.lastError().databaseText().simplified();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    const QString message = QStringLiteral("cannot connect to %1: %2").arg(t.displayUrl(), why);
    if (why.contains(QLatin1String("no password supplied")) ||
        why.contains(QLatin1String("password authentication failed")))
        throw PasswordRequired(message +
                               QStringLiteral(" (set PGPASSWORD or add a line to ~/.pgpass)"));
    throw StoreError(message);
}

int pgSocket(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return -1;
    const QVariant handle = db.driver()->handle();
    // QPSQL hands out its PGconn*; Qt names the type by libpq's struct tag.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return -1;
    PGconn *connection = *static_cast<PGconn *const *>(handle.data());
    return connection ? PQsocket(connection) : -1;
}

} // namespace daybreak
