#pragma once

#include "ParityMapping.h"
#include "ParitySource.h"
#include "PgTestServer.h"

#include <QList>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <optional>

namespace daybreak {

// One row of the parity tests' table, written in each engine's natural types.
struct OrderRow
{
    qint64 id = 0;
    QString region; // part of the composite key; non-ASCII on purpose
    int qty = 0;
    QString amount; // numeric(12,2), as text so that no engine rounds it on the way in
    double ratio = 0;
    std::optional<QString> name; // NULL and the empty string both occur
    QString created;             // UTC, "YYYY-MM-DD HH:MM:SS.ffffff"
    std::optional<QString> due;  // a nullable date
    bool flag = false;
};

// `n` rows: ids 1..n, five regions (two differ only in case), names that are empty every 11th
// and NULL every 13th, timestamps to the microsecond, a date that is NULL every 5th.
QList<OrderRow> orderRows(int n);

// The warehouses the parity tests compare, each reached the way Daybreak reaches a source (no
// password in any URL): a SQLite file, a fresh database on the throwaway PostgreSQL (.pgpass via
// PGPASSFILE), the throwaway MariaDB (mariadb-throwaway.sh, DAYBREAK_TEST_MARIADB_STATE; a
// password file) and a psqlODBC DSN onto that PostgreSQL database (an odbc.ini via ODBCINI).
class Warehouses
{
public:
    enum class Engine
    {
        SQLite,
        PostgreSQL,
        MariaDB,
        ODBC
    };
    static QList<Engine> all()
    {
        return {Engine::SQLite, Engine::PostgreSQL, Engine::MariaDB, Engine::ODBC};
    }
    static QString name(Engine e);

    Warehouses();
    ~Warehouses();
    // Empty when every engine is there; otherwise why not (the test must fail, not skip).
    QString problem() const { return m_problem; }
    PgTestServer &postgres() { return m_pg; }

    // The source of `e`, named after the engine.
    ParitySource source(Engine e) const;
    // `table` of `e` as a mapping names it (SOURCE:schema.table).
    TableRef table(Engine e, const QString &table) const;
    // Creates `table` in `e` in that engine's natural types and fills it with `rows`.
    void createOrders(Engine e, const QString &table, const QList<OrderRow> &rows);
    // Runs statements on `e` as its administrator (not through Daybreak); throws on failure.
    void exec(Engine e, const QStringList &statements);

private:
    QSqlDatabase admin(Engine e);

    QTemporaryDir m_dir;
    PgTestServer m_pg;
    QString m_pgDatabase;
    int m_mariaPort = 0;
    QString m_mariaPasswordFile;
    QString m_odbcPasswordFile;
    QString m_problem;
};

} // namespace daybreak
