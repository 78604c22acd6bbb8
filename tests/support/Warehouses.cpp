#include "Warehouses.h"

#include "StoreTypes.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace daybreak {

QList<OrderRow> orderRows(int n)
{
    static const QStringList regions = {QStringLiteral("Zürich"), QStringLiteral("Ålesund"),
                                        QStringLiteral("東京"), QStringLiteral("Zagreb"),
                                        QStringLiteral("zürich")};
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    QList<OrderRow> rows;
    for (int g = 1; g <= n; ++g) {
        OrderRow r;
        r.id = g;
        r.region = regions[g % regions.size()];
        r.qty = g % 7;
        r.amount = QString::number(g * 1.25, 'f', 2);
        r.ratio = g / 3.0;
        if (g % 11 == 0)
            r.name = QStringLiteral(""); // empty, not NULL
        else if (g % 13 != 0)
            r.name = QStringLiteral("näme %1").arg(g);
        const qint64 micros = qint64(g) * 60123457;
        r.created = start.addMSecs(micros / 1000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
                    QStringLiteral(".%1").arg(micros % 1000000, 6, 10, QLatin1Char('0'));
        if (g % 5 != 0)
            r.due = QDate(2026, 1, 1).addDays(g % 30).toString(Qt::ISODate);
        r.flag = g % 2 == 0;
        rows << r;
    }
    return rows;
}

QString Warehouses::name(Engine e)
{
    switch (e) {
    case Engine::SQLite:
        return QStringLiteral("sqlite");
    case Engine::PostgreSQL:
        return QStringLiteral("postgresql");
    case Engine::MariaDB:
        return QStringLiteral("mariadb");
    case Engine::ODBC:
        return QStringLiteral("odbc");
    }
    return {};
}

namespace {

bool writeOwnerOnly(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(text);
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace

Warehouses::Warehouses()
{
    if (!m_pg.problem().isEmpty()) {
        m_problem = m_pg.problem();
        return;
    }
    const QString state = qEnvironmentVariable("DAYBREAK_TEST_MARIADB_STATE");
    QFile f(state);
    if (state.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        m_problem = QStringLiteral("no MariaDB state file (DAYBREAK_TEST_MARIADB_STATE=%1): run "
                                   "the tests through ctest, which starts MariaDB")
                        .arg(state);
        return;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(QLatin1String("port=")))
            m_mariaPort = text.mid(5).toInt();
        else if (text.startsWith(QLatin1String("password_file=")))
            m_mariaPasswordFile = text.mid(14);
    }
    try {
        m_pgDatabase = m_pg.createDatabase();
        m_pg.exec({QStringLiteral("CREATE SCHEMA pg"), QStringLiteral("CREATE SCHEMA viaodbc")},
                  m_pgDatabase);
    } catch (const StoreError &e) {
        m_problem = e.message();
        return;
    }
    // PostgreSQL's password comes from .pgpass, as a platform's would; ODBC's from a file that
    // only its owner reads; the DSN is the platform's odbc.ini.
    const QString pgpass = m_dir.filePath(QStringLiteral("pgpass"));
    m_odbcPasswordFile = m_dir.filePath(QStringLiteral("odbc-password"));
    const QString odbcIni = m_dir.filePath(QStringLiteral("odbc.ini"));
    QFile ini(odbcIni);
    if (!writeOwnerOnly(pgpass, QStringLiteral("127.0.0.1:%1:*:postgres:%2\n")
                                    .arg(m_pg.port())
                                    .arg(m_pg.superuserPassword())
                                    .toUtf8()) ||
        !writeOwnerOnly(m_odbcPasswordFile, m_pg.superuserPassword().toUtf8() + '\n') ||
        !ini.open(QIODevice::WriteOnly)) {
        m_problem =
            QStringLiteral("cannot write the test's password files in %1").arg(m_dir.path());
        return;
    }
    ini.write(QStringLiteral("[daybreak_parity]\nDriver = PostgreSQL Unicode\nServername = "
                             "127.0.0.1\nPort = %1\nDatabase = %2\n")
                  .arg(m_pg.port())
                  .arg(m_pgDatabase)
                  .toUtf8());
    ini.close();
    qputenv("PGPASSFILE", pgpass.toUtf8());
    qputenv("ODBCINI", odbcIni.toUtf8());
}

Warehouses::~Warehouses()
{
    for (const QString &c : QSqlDatabase::connectionNames())
        if (c.startsWith(QLatin1String("warehouse-admin-")))
            QSqlDatabase::removeDatabase(c);
}

ParitySource Warehouses::source(Engine e) const
{
    switch (e) {
    case Engine::SQLite:
        return {
            name(e), QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("wh.sqlite")), {}};
    case Engine::PostgreSQL:
        return {name(e),
                QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2")
                    .arg(m_pg.port())
                    .arg(m_pgDatabase),
                {}};
    case Engine::MariaDB:
        return {name(e),
                QStringLiteral("mysql://daybreak@127.0.0.1:%1/daybreak_test").arg(m_mariaPort),
                m_mariaPasswordFile};
    case Engine::ODBC:
        return {name(e), QStringLiteral("odbc://postgres@daybreak_parity"), m_odbcPasswordFile};
    }
    return {};
}

TableRef Warehouses::table(Engine e, const QString &table) const
{
    switch (e) {
    case Engine::PostgreSQL:
        return {name(e), QStringLiteral("pg"), table};
    case Engine::ODBC:
        return {name(e), QStringLiteral("viaodbc"), table};
    case Engine::SQLite:
    case Engine::MariaDB:
        break;
    }
    return {name(e), {}, table};
}

QSqlDatabase Warehouses::admin(Engine e)
{
    const QString connection = QStringLiteral("warehouse-admin-") + name(e);
    if (QSqlDatabase::contains(connection))
        return QSqlDatabase::database(connection);
    QSqlDatabase db;
    switch (e) {
    case Engine::SQLite:
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_dir.filePath(QStringLiteral("wh.sqlite")));
        break;
    case Engine::PostgreSQL:
    case Engine::ODBC:
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_pg.port());
        db.setDatabaseName(m_pgDatabase);
        db.setUserName(QStringLiteral("postgres"));
        db.setPassword(m_pg.superuserPassword());
        break;
    case Engine::MariaDB: {
        db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_mariaPort);
        db.setDatabaseName(QStringLiteral("daybreak_test"));
        db.setUserName(QStringLiteral("daybreak"));
        QFile pw(m_mariaPasswordFile);
        if (pw.open(QIODevice::ReadOnly))
            db.setPassword(QString::fromUtf8(pw.readLine()).trimmed());
        break;
    }
    }
    if (!db.open())
        throw StoreError(QStringLiteral("%1: %2").arg(name(e), db.lastError().text()));
    QSqlQuery q(db);
    if (e == Engine::MariaDB)
        q.exec(QStringLiteral("SET time_zone = '+00:00'"));
    else if (e != Engine::SQLite)
        q.exec(QStringLiteral("SET TIME ZONE 'UTC'; SET client_min_messages = warning"));
    return db;
}

void Warehouses::exec(Engine e, const QStringList &statements)
{
    QSqlDatabase db = admin(e);
    for (const QString &sql : statements) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            throw StoreError(QStringLiteral("%1: %2: %3").arg(name(e), sql, q.lastError().text()));
    }
}

void Warehouses::createOrders(Engine e, const QString &table, const QList<OrderRow> &rows)
{
    const TableRef ref = this->table(e, table);
    const QString qualified =
        ref.schema.isEmpty() ? table : QStringLiteral("%1.%2").arg(ref.schema, table);
    QString columns;
    switch (e) {
    case Engine::PostgreSQL:
    case Engine::ODBC:
        columns = QStringLiteral("id BIGINT, region TEXT, qty INTEGER, amount NUMERIC(12,2), "
                                 "ratio DOUBLE PRECISION, name TEXT, created TIMESTAMPTZ, due "
                                 "DATE, flag BOOLEAN");
        break;
    case Engine::MariaDB:
        columns = QStringLiteral("id BIGINT, region VARCHAR(40), qty INT, amount DECIMAL(12,2), "
                                 "ratio DOUBLE, name VARCHAR(100), created DATETIME(6), due DATE, "
                                 "flag BOOLEAN");
        break;
    case Engine::SQLite:
        columns =
            QStringLiteral("id INTEGER, region TEXT, qty INTEGER, amount NUMERIC(12,2), "
                           "ratio REAL, name TEXT, created TIMESTAMP, due DATE, flag BOOLEAN");
        break;
    }
    exec(e, {QStringLiteral("DROP TABLE IF EXISTS %1").arg(qualified),
             QStringLiteral("CREATE TABLE %1 (%2)").arg(qualified, columns)});
    QSqlDatabase db = admin(e);
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(qualified));
    const bool pg = e == Engine::PostgreSQL || e == Engine::ODBC;
    for (const OrderRow &r : rows) {
        q.addBindValue(r.id);
        q.addBindValue(r.region);
        q.addBindValue(r.qty);
        q.addBindValue(r.amount);
        q.addBindValue(r.ratio);
        q.addBindValue(r.name ? QVariant(*r.name) : QVariant());
        q.addBindValue(pg ? r.created + QStringLiteral("+00") : r.created);
        q.addBindValue(r.due ? QVariant(*r.due) : QVariant());
        q.addBindValue(r.flag);
        if (!q.exec())
            throw StoreError(QStringLiteral("%1: insert into %2: %3")
                                 .arg(name(e), qualified, q.lastError().text()));
    }
    db.commit();
}

} // namespace daybreak
