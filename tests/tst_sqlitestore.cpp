#include "SqliteSchema.h"
#include "SqliteStore.h"
#include "TestStores.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

using namespace TestStores;

class TestSqliteStore : public QObject
{
    Q_OBJECT

private:
    static int auditCount(Store &store) { return int(store.auditLog().size()); }

private slots:
    void createsSchemaWithWal()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        QCOMPARE(store->schemaVersion(), int(sqliteMigrations().size()));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(store->isEmpty());
    }

    void refusesMissingAndForeignFiles()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(
            StoreError,
            SqliteStore(dir.filePath(QStringLiteral("none.sqlite")), OpenMode::MustExist));
        QFile junk(dir.filePath(QStringLiteral("junk.sqlite")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        try {
            SqliteStore store(junk.fileName(), OpenMode::MustExist);
            QFAIL("a file that is not SQLite must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("is not a SQLite database")),
                     qPrintable(e.message()));
        }
    }

    void aCommandNeverWritesItsSchemaIntoAnotherFile()
    {
        // Finding D11: `status --store other.db` added Daybreak's tables to someone's database.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE foo (x)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        try {
            SqliteStore store(path, OpenMode::MustExist);
            QFAIL("a file without Daybreak's schema must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("holds no Daybreak store")),
                     qPrintable(e.message()));
        }
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QStringList tables = db.tables();
        QCOMPARE(tables, QStringList{QStringLiteral("foo")});
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void aNegativeSchemaVersionIsADamagedStore()
    {
        // Finding D12: it aborted the process.
        QTemporaryDir dir;
        {
            auto store = sqlite(dir);
            QVERIFY(QSqlQuery(store->database())
                        .exec(QStringLiteral("UPDATE schema_version SET version = -1")));
        }
        try {
            SqliteStore store(dir.filePath(QStringLiteral("store.sqlite")), OpenMode::MustExist);
            QFAIL("a negative schema version must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(
                e.message().contains(QStringLiteral("schema version -1, which no Daybreak wrote")),
                qPrintable(e.message()));
        }
    }

    void changeTokenSeesOtherConnections()
    {
        QTemporaryDir dir;
        auto watcher = sqlite(dir);
        seed(*watcher, smallInventory());
        const qint64 before = watcher->changeToken();
        QCOMPARE(watcher->changeToken(), before);
        SqliteStore other(dir.filePath(QStringLiteral("store.sqlite")), OpenMode::MustExist);
        QCOMPARE(other.applyTransition(
                     routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)),
                 WriteStatus::Written);
        QVERIFY(watcher->changeToken() != before);
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
