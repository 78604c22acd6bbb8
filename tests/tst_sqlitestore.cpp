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
        // Once went wrong: `status --store other.db` added Daybreak's tables to someone's database.
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
        // Once went wrong: it aborted the process.
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

    void aViewerNeverCreatesTheSideFilesAndStillSeesEveryChange()
    {
        // Once went wrong: a viewer's -wal and -shm belonged to the viewer and locked the owner
        // out.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        seed(*sqlite(dir), smallInventory());
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

        SqliteStore viewer(path, OpenMode::MustExist, true);
        QCOMPARE(viewer.routing(QStringLiteral("a"))->state, State::DualRun);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
        QVERIFY(!viewer.access().can(Role::Operator));
        const qint64 before = viewer.changeToken();

        {
            // A writer comes, commits and goes: as the last connection it folds its -wal into
            // the file and removes it, so the viewer sees only the file change.
            SqliteStore writer(path, OpenMode::MustExist);
            QCOMPARE(writer.applyTransition(
                         routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)),
                     WriteStatus::Written);
        }
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(viewer.changeToken() != before);
        QCOMPARE(viewer.routing(QStringLiteral("a"))->state, State::Cloud);

        // A writer that stays: the viewer shares the writer's side files and sees its commits.
        SqliteStore writer(path, OpenMode::MustExist);
        QCOMPARE(writer.applyTransition(
                     routingChange(QStringLiteral("a"), State::Cloud, State::DualRun, 2)),
                 WriteStatus::Written);
        QCOMPARE(viewer.routing(QStringLiteral("a"))->state, State::DualRun);
        QCOMPARE(viewer.snapshot().routing.value(QStringLiteral("a")).version, qint64(3));
    }

    void aViewerIsToldWhyItMayOnlyRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite"));
        seed(*sqlite(dir), smallInventory());
        SqliteStore viewer(path, OpenMode::MustExist, true);
        const QString refusal =
            roleRefusal(viewer.access(), Role::Operator, QStringLiteral("cutover"));
        QVERIFY2(refusal.contains(QStringLiteral("the store was opened read-only")),
                 qPrintable(refusal));
        QVERIFY2(!refusal.contains(QStringLiteral("daybreak_operator")), qPrintable(refusal));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
