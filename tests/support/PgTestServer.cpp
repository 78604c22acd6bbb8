#include "PgTestServer.h"

#include "StoreTypes.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace daybreak {

PgTestServer::PgTestServer() : m_stateFile(qEnvironmentVariable("DAYBREAK_TEST_PG_STATE"))
{
    if (m_stateFile.isEmpty()) {
        m_problem = QStringLiteral("DAYBREAK_TEST_PG_STATE is not set: run the tests through "
                                   "ctest, which starts PostgreSQL");
        return;
    }
    QFile f(m_stateFile);
    if (!f.open(QIODevice::ReadOnly)) {
        m_problem =
            QStringLiteral("no PostgreSQL state file %1: did the postgresql_start fixture run?")
                .arg(m_stateFile);
        return;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(QLatin1String("port=")))
            m_port = text.mid(5).toInt();
        else if (text.startsWith(QLatin1String("password=")))
            m_password = text.mid(9);
    }
    if (m_port <= 0)
        m_problem = QStringLiteral("%1 names no port").arg(m_stateFile);
}

QString PgTestServer::url(const QString &database, const QString &user, const QString &password,
                          const QString &query) const
{
    QString u = QStringLiteral("postgresql://%1%2@127.0.0.1:%3/%4")
                    .arg(user, password.isEmpty() ? QString() : QLatin1Char(':') + password)
                    .arg(m_port)
                    .arg(database);
    if (!query.isEmpty())
        u += QLatin1Char('?') + query;
    return u;
}

QString PgTestServer::createDatabase()
{
    const QString name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    exec({QStringLiteral("CREATE DATABASE %1").arg(name)});
    return name;
}

void PgTestServer::exec(const QStringList &statements, const QString &database) const
{
    const QString connection =
        QStringLiteral("pgtest-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(QStringLiteral("postgres"));
        db.setPassword(m_password);
        if (!db.open())
            throw StoreError(QStringLiteral("test server: %1").arg(db.lastError().text()));
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                throw StoreError(
                    QStringLiteral("test server: %1: %2").arg(sql, q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void PgTestServer::createUser(const QString &name, const QString &password,
                              const QString &groupRole) const
{
    QStringList statements{
        QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(name, password)};
    if (!groupRole.isEmpty())
        statements << QStringLiteral("GRANT %1 TO %2").arg(groupRole, name);
    exec(statements);
}

bool PgTestServer::script(const QString &command) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(QStringLiteral(DAYBREAK_SOURCE_DIR "/scripts/pg-throwaway.sh"), {command, m_stateFile});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool PgTestServer::stop() const
{
    return script(QStringLiteral("stop"));
}

bool PgTestServer::resume() const
{
    return script(QStringLiteral("resume"));
}

bool PgTestServer::freeze() const
{
    return script(QStringLiteral("freeze"));
}

bool PgTestServer::thaw() const
{
    return script(QStringLiteral("thaw"));
}

} // namespace daybreak
