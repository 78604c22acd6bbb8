#include "PgSchema.h"
#include "PgStore.h"
#include "SchemaScripts.h"
#include "SqliteSchema.h"
#include "SqliteStore.h"
#include "TestStores.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

// The schema in resources/sql/: how a script splits into statements, and that a store made by
// the previous release (tests/data/previous-release/, made by the release before the schema
// moved into .sql files) opens unchanged and has the very schema a new store gets.
class TestSchemaFiles : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;

    static QString fixture(const QString &name)
    {
        return QStringLiteral(DAYBREAK_TEST_DATA "/previous-release/") + name;
    }

    // Whitespace is layout, not schema: the .sql files are laid out for reading, the previous
    // release wrote each statement on one line.
    static QString normalised(QString sql)
    {
        static const QRegularExpression space(QStringLiteral("\\s+"));
        static const QRegularExpression afterParen(QStringLiteral("\\( "));
        static const QRegularExpression beforeParen(QStringLiteral(" \\)"));
        sql.replace(space, QStringLiteral(" "));
        sql.replace(afterParen, QStringLiteral("("));
        sql.replace(beforeParen, QStringLiteral(")"));
        return sql.trimmed();
    }

    static QStringList rows(QSqlDatabase db, const QString &sql)
    {
        QSqlQuery q(db);
        if (!q.exec(sql))
            throw StoreError(QStringLiteral("%1: %2").arg(sql, q.lastError().text()));
        QStringList out;
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < q.record().count(); ++i)
                fields << normalised(q.value(i).toString());
            out << fields.join(QStringLiteral(" | "));
        }
        return out;
    }

    // Everything the schema is made of, per engine, in a stable order.
    static QStringList sqliteCatalog(QSqlDatabase db)
    {
        return rows(db, QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    }

    static QStringList pgCatalog(QSqlDatabase db)
    {
        const QStringList queries{
            QStringLiteral("SELECT table_name, column_name, data_type, is_nullable, "
                           "COALESCE(column_default, '') FROM information_schema.columns WHERE "
                           "table_schema = 'public' ORDER BY table_name, column_name"),
            QStringLiteral("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                           "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                           "ORDER BY 1, 2"),
            QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                           "'public' ORDER BY indexname"),
            QStringLiteral("SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT "
                           "tgisinternal ORDER BY tgname"),
            QStringLiteral("SELECT proname, pg_get_function_identity_arguments(oid), "
                           "pg_get_function_result(oid), prosecdef, provolatile, "
                           "COALESCE(array_to_string(proconfig, ','), ''), prosrc, "
                           "COALESCE(array_to_string(proacl, ','), '') FROM pg_proc WHERE "
                           "pronamespace = 'public'::regnamespace ORDER BY 1, 2"),
            QStringLiteral("SELECT table_name, grantee, privilege_type FROM "
                           "information_schema.role_table_grants WHERE table_schema = 'public' "
                           "AND grantee LIKE 'daybreak%' ORDER BY 1, 2, 3"),
            QStringLiteral("SELECT table_name, column_name, grantee, privilege_type FROM "
                           "information_schema.column_privileges WHERE table_schema = 'public' "
                           "AND grantee LIKE 'daybreak%' ORDER BY 1, 2, 3, 4"),
        };
        QStringList catalog;
        for (const QString &query : queries)
            catalog += rows(db, query);
        return catalog;
    }

    static void compareCatalogs(const QStringList &previous, const QStringList &fresh,
                                qsizetype atLeast)
    {
        QStringList onlyPrevious, onlyFresh;
        for (const QString &row : previous)
            if (!fresh.contains(row))
                onlyPrevious << row;
        for (const QString &row : fresh)
            if (!previous.contains(row))
                onlyFresh << row;
        QVERIFY2(onlyPrevious.isEmpty() && onlyFresh.isEmpty(),
                 qPrintable(QStringLiteral("only in the previous release's store:\n  %1\nonly in "
                                           "a new store:\n  %2")
                                .arg(onlyPrevious.join(QStringLiteral("\n  ")),
                                     onlyFresh.join(QStringLiteral("\n  ")))));
        QVERIFY2(previous.size() >= atLeast, // the catalog was read, not an empty answer
                 qPrintable(QString::number(previous.size())));
    }

    static void checkPreviousData(Store &store)
    {
        const StoreSnapshot snapshot = store.snapshot();
        QCOMPARE(snapshot.inventory.pipelines().size(), 2);
        QCOMPARE(snapshot.routing.size(), 2);
        QCOMPARE(snapshot.parity.value(QStringLiteral("erp_orders_extract")).size(), 1);
        QCOMPARE(store.auditLog().size(), 2); // the inventory load and the parity record
    }

private slots:
    void splitsAtTheSemicolonsThatEndStatements()
    {
        const QStringList s = splitSqlScript(
            QStringLiteral("-- a comment; not a statement\n"
                           "CREATE TABLE t (a TEXT DEFAULT 'x;y', \"b;\" INTEGER);\n"
                           "CREATE TRIGGER tr AFTER INSERT ON t\nBEGIN\n"
                           "    SELECT CASE WHEN 1 THEN 'a' END;\n    DELETE FROM t;\nEND;\n"
                           "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$;\n"
                           "DO $body$ BEGIN PERFORM 'it''s; fine'; END $body$;\n"
                           "/* a block; comment */ SELECT 1;"),
            QStringLiteral("test.sql"));
        QCOMPARE(s.size(), 5);
        QCOMPARE(s.at(0), QStringLiteral("CREATE TABLE t (a TEXT DEFAULT 'x;y', \"b;\" INTEGER)"));
        QVERIFY(s.at(1).startsWith(QLatin1String("CREATE TRIGGER tr")));
        QVERIFY(s.at(1).endsWith(QLatin1String("DELETE FROM t;\nEND")));
        QCOMPARE(s.at(2), QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; "
                                         "END $$"));
        QCOMPARE(s.at(3), QStringLiteral("DO $body$ BEGIN PERFORM 'it''s; fine'; END $body$"));
        QCOMPARE(s.at(4), QStringLiteral("SELECT 1"));
    }

    void includesWhatAnIrLineNames()
    {
        QStringList asked;
        const QStringList s =
            splitSqlScript(QStringLiteral("SELECT 1;\n\\ir ../common/01_x.sql\nSELECT 2;\n"),
                           QStringLiteral("main.sql"), [&](const QString &file) {
                               asked << file;
                               return QStringList{QStringLiteral("SELECT 'included'")};
                           });
        QCOMPARE(asked, QStringList{QStringLiteral("../common/01_x.sql")});
        QCOMPARE(s, (QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 'included'"),
                                 QStringLiteral("SELECT 2")}));
    }

    void namesTheFileAndLineOfWhatIsLeftOpen_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
        QTest::newRow("quote") << QStringLiteral("SELECT 1;\n\nSELECT 'open;\n")
                               << QStringLiteral("bad.sql, line 3: a quote ' is never closed");
        QTest::newRow("body") << QStringLiteral("SELECT 1;\nDO $$ BEGIN NULL; END;\n")
                              << QStringLiteral("bad.sql, line 2: the body opened by $$ is "
                                                "never closed");
        QTest::newRow("statement") << QStringLiteral("SELECT 1;\n\nSELECT 2\n")
                                   << QStringLiteral("bad.sql, line 3: the statement is not "
                                                     "ended by a semicolon");
        QTest::newRow("trigger") << QStringLiteral("CREATE TRIGGER t AFTER INSERT ON x\nBEGIN\n"
                                                   "  SELECT 1;\n")
                                 << QStringLiteral("bad.sql, line 1: a BEGIN or CASE is never "
                                                   "ended");
        QTest::newRow("directive") << QStringLiteral("SELECT 1;\n\\i other.sql\n")
                                   << QStringLiteral("bad.sql, line 2: '\\i other.sql' is not a "
                                                     "statement (only \\ir FILE is understood)");
    }

    void namesTheFileAndLineOfWhatIsLeftOpen()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        try {
            splitSqlScript(script, QStringLiteral("bad.sql"),
                           [](const QString &) { return QStringList{}; });
            QFAIL("the script must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.message(), expected);
        }
    }

    void bothEnginesHaveEveryMigration()
    {
        const QList<QStringList> pg = pgMigrations();
        const QList<QStringList> sqlite = sqliteMigrations();
        QCOMPARE(pg.size(), sqlite.size());
        QVERIFY(pg.size() >= 18);
        // Only SQLite's 14 is empty (PostgreSQL moved writes into the server; SQLite has none).
        for (int i = 0; i < pg.size(); ++i) {
            QVERIFY2(!pg.at(i).isEmpty(), qPrintable(QString::number(i + 1)));
            QVERIFY2(!sqlite.at(i).isEmpty() || i + 1 == 14, qPrintable(QString::number(i + 1)));
        }
        // What both engines share is in common/ and reaches both through \ir.
        const QStringList shared =
            schemaScript(QStringLiteral("common/01_inventory_routing_audit.sql"));
        QVERIFY(!shared.isEmpty());
        for (const QString &statement : shared) {
            QVERIFY(pg.at(0).contains(statement));
            QVERIFY(sqlite.at(0).contains(statement));
        }
        const QStringList roles = pgRoleStatements();
        const QStringList grants = pgGrantStatements();
        QVERIFY(grants.size() > 20);
        QCOMPARE(roles.mid(roles.size() - grants.size()), grants);
    }

    void aStoreOfThePreviousReleaseOpensUnchanged()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        if (m_backend.isPostgres())
            previousPostgresStore();
        else
            previousSqliteStore();
    }

private:
    void previousSqliteStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("previous.sqlite"));
        {
            QFile dump(fixture(QStringLiteral("store-v18.sqlite.sql")));
            QVERIFY(dump.open(QIODevice::ReadOnly));
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("restore"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(db.transaction());
            for (const QString &statement :
                 splitSqlScript(QString::fromUtf8(dump.readAll()), dump.fileName())) {
                QSqlQuery q(db);
                QVERIFY2(q.exec(statement), qPrintable(statement));
            }
            QVERIFY(db.commit());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("restore"));
        const int version = int(sqliteMigrations().size());
        SqliteStore previous(path, OpenMode::MustExist);
        QCOMPARE(previous.schemaVersion(), version);
        checkPreviousData(previous);
        SqliteStore fresh(dir.filePath(QStringLiteral("fresh.sqlite")), OpenMode::CreateIfMissing);
        QCOMPARE(fresh.schemaVersion(), version);
        compareCatalogs(sqliteCatalog(previous.database()), sqliteCatalog(fresh.database()), 60);
    }

    void previousPostgresStore()
    {
        PgTestServer &server = m_backend.server();
        // A new store first: it sets up the roles the previous release's grants name.
        const QString freshDb = server.createDatabase();
        auto fresh = m_backend.open(server.superuserUrl(freshDb));
        static_cast<PgStore &>(*fresh).setUpRoles();
        const QString previousDb = server.createDatabase();
        QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        QVERIFY2(!psql.isEmpty(), "psql (postgresql-client) is needed to restore the dump");
        QProcess restore;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), server.superuserPassword());
        restore.setProcessEnvironment(env);
        restore.start(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"),
                             QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                             QString::number(server.port()), QStringLiteral("-U"),
                             QStringLiteral("postgres"), QStringLiteral("-d"), previousDb,
                             QStringLiteral("-f"), fixture(QStringLiteral("store-v18.pg.sql"))});
        QVERIFY(restore.waitForFinished(120000));
        QVERIFY2(restore.exitCode() == 0, restore.readAllStandardError().constData());
        auto previous = m_backend.open(server.superuserUrl(previousDb), OpenMode::MustExist);
        QCOMPARE(previous->schemaVersion(), int(pgMigrations().size()));
        checkPreviousData(*previous);
        compareCatalogs(pgCatalog(previous->database()), pgCatalog(fresh->database()), 400);
    }
};

QTEST_GUILESS_MAIN(TestSchemaFiles)
#include "tst_schemafiles.moc"
