#include "ParitySource.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <stdexcept>

namespace daybreak {

QString sourceEngineName(SourceEngine engine)
{
    switch (engine) {
    case SourceEngine::PostgreSQL:
        return QStringLiteral("postgresql");
    case SourceEngine::MySQL:
        return QStringLiteral("mysql");
    case SourceEngine::SQLite:
        return QStringLiteral("sqlite");
    case SourceEngine::ODBC:
        return QStringLiteral("odbc");
    }
    return {};
}

QJsonObject ParitySource::toSpec() const
{
    QJsonObject spec{{QStringLiteral("url"), url}};
    if (!passwordFile.isEmpty())
        spec.insert(QStringLiteral("password_file"), passwordFile);
    return spec;
}

ParitySource ParitySource::fromSetting(const ParitySetting &s)
{
    return {s.name, s.spec.value(QStringLiteral("url")).toString(),
            s.spec.value(QStringLiteral("password_file")).toString()};
}

std::optional<SourceUrl> parseSourceUrl(const QString &text, QString *why)
{
    const auto fail = [&](const QString &message) -> std::optional<SourceUrl> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("'%1' is not a URL: %2").arg(text, url.errorString()));
    if (!url.password().isEmpty())
        return fail(QStringLiteral("'%1' carries a password; passwords are never stored: use "
                                   ".pgpass or a service file for PostgreSQL, --password-file "
                                   "for other engines")
                        .arg(url.toString(QUrl::RemovePassword)));
    SourceUrl s;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres"))
        s.engine = SourceEngine::PostgreSQL;
    else if (scheme == QLatin1String("mysql") || scheme == QLatin1String("mariadb"))
        s.engine = SourceEngine::MySQL;
    else if (scheme == QLatin1String("sqlite"))
        s.engine = SourceEngine::SQLite;
    else if (scheme == QLatin1String("odbc"))
        s.engine = SourceEngine::ODBC;
    else
        return fail(
            QStringLiteral("'%1': the scheme must be postgresql, mysql, sqlite or odbc").arg(text));
    if (s.engine == SourceEngine::SQLite) {
        s.database = url.path();
        if (s.database.isEmpty() || !url.host().isEmpty())
            return fail(
                QStringLiteral("'%1': a SQLite source is sqlite:///path/to/file").arg(text));
        return s;
    }
    if (s.engine == SourceEngine::ODBC) {
        s.database = url.host(QUrl::FullyDecoded);
        if (s.database.isEmpty())
            s.database = url.path().mid(url.path().startsWith(QLatin1Char('/')) ? 1 : 0);
        if (s.database.isEmpty())
            return fail(QStringLiteral("'%1': an ODBC source is odbc://DSN").arg(text));
        s.user = url.userName();
        return s;
    }
    s.user = url.userName();
    s.host = url.host();
    s.port = url.port(-1);
    s.database = url.path().mid(1);
    const QUrlQuery query(url);
    QStringList options;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("password"))
            return fail(
                QStringLiteral("'%1' carries a password; passwords are never stored").arg(text));
        options << QStringLiteral("%1=%2").arg(key, value);
    }
    s.connectOptions = options.join(QLatin1Char(';'));
    if (s.host.isEmpty() && !(s.engine == SourceEngine::PostgreSQL &&
                              s.connectOptions.contains(QLatin1String("service="))))
        return fail(QStringLiteral("'%1' names no host").arg(text));
    if (s.database.isEmpty() && s.engine == SourceEngine::MySQL)
        return fail(QStringLiteral("'%1' names no database").arg(text));
    return s;
}

QString passwordFileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("password file %1 does not exist").arg(path);
    if (!info.isFile())
        return QStringLiteral("password file %1 is not a regular file").arg(path);
    const QFile::Permissions loose = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                     QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (info.permissions() & loose)
        return QStringLiteral("password file %1 can be read or written by others than its owner "
                              "(chmod 600 %1)")
            .arg(path);
    if (!info.isReadable())
        return QStringLiteral("password file %1 cannot be read").arg(path);
    return {};
}

namespace {

QString readPassword(const QString &path)
{
    const QString problem = passwordFileProblem(path);
    if (!problem.isEmpty())
        throw std::invalid_argument(problem.toStdString());
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::invalid_argument(
            QStringLiteral("password file %1: %2").arg(path, f.errorString()).toStdString());
    return QString::fromUtf8(f.readLine()).trimmed();
}

QString driverOf(SourceEngine engine)
{
    switch (engine) {
    case SourceEngine::PostgreSQL:
        return QStringLiteral("QPSQL");
    case SourceEngine::MySQL:
        return QStringLiteral("QMYSQL");
    case SourceEngine::SQLite:
        return QStringLiteral("QSQLITE");
    case SourceEngine::ODBC:
        return QStringLiteral("QODBC");
    }
    return {};
}

} // namespace

QSqlDatabase openSource(const ParitySource &source, const QString &connectionName,
                        int connectTimeoutSeconds)
{
    QString why;
    const std::optional<SourceUrl> url = parseSourceUrl(source.url, &why);
    if (!url)
        throw std::invalid_argument(
            QStringLiteral("source %1: %2").arg(source.name, why).toStdString());
    const QString password =
        source.passwordFile.isEmpty() ? QString() : readPassword(source.passwordFile);
    if (!QSqlDatabase::isDriverAvailable(driverOf(url->engine)))
        throw SourceUnreachable(QStringLiteral("source %1: Qt's %2 driver is not installed")
                                    .arg(source.name, driverOf(url->engine))
                                    .toStdString());
    QSqlDatabase db = QSqlDatabase::addDatabase(driverOf(url->engine), connectionName);
    db.setDatabaseName(url->database);
    QStringList options;
    switch (url->engine) {
    case SourceEngine::PostgreSQL:
        db.setHostName(url->host);
        if (url->port > 0)
            db.setPort(url->port);
        db.setUserName(url->user);
        options << QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds);
        break;
    case SourceEngine::MySQL:
        db.setHostName(url->host);
        if (url->port > 0)
            db.setPort(url->port);
        db.setUserName(url->user);
        options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(connectTimeoutSeconds)
                << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=%1").arg(connectTimeoutSeconds * 60);
        break;
    case SourceEngine::SQLite:
        if (!QFileInfo::exists(url->database))
            throw SourceUnreachable(QStringLiteral("source %1: the SQLite file %2 does not exist")
                                        .arg(source.name, url->database)
                                        .toStdString());
        options << QStringLiteral("QSQLITE_OPEN_READONLY");
        break;
    case SourceEngine::ODBC:
        db.setUserName(url->user);
        options << QStringLiteral("SQL_ATTR_LOGIN_TIMEOUT=%1").arg(connectTimeoutSeconds);
        break;
    }
    if (!url->connectOptions.isEmpty())
        options << url->connectOptions;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!password.isEmpty())
        db.setPassword(password);
    if (!db.open()) {
        const QString error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        throw SourceUnreachable(QStringLiteral("source %1 cannot be reached: %2")
                                    .arg(source.name, error)
                                    .toStdString());
    }
    return db;
}

} // namespace daybreak
