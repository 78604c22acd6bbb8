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
