// The host's last-known routing: the file itself (what it holds, when it refuses to answer, that
// a writer killed halfway leaves the previous file whole), and `daybreakctl route` answering from
// it when the store does not answer, end to end against a real SQLite file.
#include "CtlRun.h"
#include "LastKnownRouting.h"
#include "SqlStore.h"
#include "Store.h"
#include "TestStores.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace daybreak;

namespace {
const QDateTime kRead(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC);

LastKnownRouting sample(int pipelines)
{
    LastKnownRouting r;
    r.storeKey = QStringLiteral("sqlite:///data/daybreak.sqlite");
    r.storeId = QStringLiteral("abc123");
    r.readAt = kRead;
    r.feedSeq = 42;
    for (int i = 0; i < pipelines; ++i) {
        const QString id = QStringLiteral("pipeline_%1").arg(i);
        r.pointers.insert(
            id,
            RoutingPointer{id, i % 3 == 0 ? State::Cloud : State::DualRun, qint64(i % 7 + 1), {}});
    }
    r.midChange.insert(QStringLiteral("pipeline_1"));
    return r;
}

// Writes a large file again and again, saying "w" after each: the child the kill test kills.
[[noreturn]] void writeForever(const QString &path)
{
    LastKnownRouting r = sample(20000);
    for (qint64 n = 1;; ++n) {
        r.feedSeq = n;
        QString why;
        if (!r.save(path, &why))
            qFatal("%s", qPrintable(why));
        fputs("w\n", stdout);
        fflush(stdout);
    }
}
} // namespace

class TestLastKnownRouting : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        return e;
    }
    CtlRun ctl(const QStringList &args, const QString &store)
    {
        return runCtl(QStringLiteral(DAYBREAKCTL_PATH),
                      args + QStringList{QStringLiteral("--store"), store}, env());
    }
    // The file `route` would read for `store`, as this process sees the same cache folder.
    QString fileOf(const QString &store) const
    {
        return LastKnownRouting::pathFor(LastKnownRouting::storeKeyOf(store));
    }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // The file as JSON Lines: its first line, and each pipeline's line by id.
    struct FileText
    {
        QJsonObject header;
        QMap<QString, QJsonObject> pipelines;
    };
    static FileText readFile(const QString &path)
    {
        FileText f;
        const QList<QByteArray> lines = readAll(path).split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
            if (i == 0)
                f.header = o;
            else if (!o.isEmpty())
                f.pipelines.insert(o.value(QStringLiteral("id")).toString(), o);
        }
        return f;
    }
    // Written as the product writes it: sorted by id, the count in the first line.
    static void writeFile(const QString &path, FileText f)
    {
        f.header.insert(QStringLiteral("pipelines"), f.pipelines.size());
        QByteArray text = QJsonDocument(f.header).toJson(QJsonDocument::Compact) + '\n';
        for (const QJsonObject &line : std::as_const(f.pipelines))
            text += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }
    QString demoStore(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const CtlRun r = runCtl(
            QStringLiteral(DAYBREAKCTL_PATH),
            {QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--store"), path},
            env());
        if (r.exit != 0)
            qWarning("init: %s", qPrintable(r.err));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    }

    void roundTripsAndRefusesWhatItMayNotAnswer()
    {
        const LastKnownRouting r = sample(5);
        QString why;
        const std::optional<LastKnownRouting> back =
            LastKnownRouting::fromJson(r.toJson(), QStringLiteral("f.json"), &why);
        QVERIFY2(back, qPrintable(why));
        QCOMPARE(back->storeKey, r.storeKey);
        QCOMPARE(back->storeId, r.storeId);
        QCOMPARE(back->readAt, r.readAt);
        QCOMPARE(back->feedSeq, r.feedSeq);
        QCOMPARE(back->pointers.size(), 5);
        QCOMPARE(back->pointers.value(QStringLiteral("pipeline_3")).state, State::Cloud);
        QCOMPARE(back->pointers.value(QStringLiteral("pipeline_4")).version, qint64(5));
        QCOMPARE(back->midChange, r.midChange);

        const auto maxAge = std::chrono::seconds(24 * 3600);
        const QDateTime soon = kRead.addSecs(3600);
        LastKnownRouting::Answer a =
            back->answer(QStringLiteral("pipeline_3"), r.storeKey, soon, maxAge);
        QVERIFY2(a.pointer, qPrintable(a.refusal));
        QCOMPARE(a.pointer->canonical(), Side::Cloud);
        // Too old, by one second.
        a = back->answer(QStringLiteral("pipeline_3"), r.storeKey, kRead.addSecs(24 * 3600 + 1),
                         maxAge);
        QVERIFY(!a.pointer);
        QVERIFY2(a.refusal.contains(QStringLiteral("older than")), qPrintable(a.refusal));
        // Another store's file.
        a = back->answer(QStringLiteral("pipeline_3"), QStringLiteral("sqlite:///other.sqlite"),
                         soon, maxAge);
        QVERIFY(!a.pointer);
        QVERIFY2(a.refusal.contains(QStringLiteral("another store")), qPrintable(a.refusal));
        // Mid-change, and unknown.
        a = back->answer(QStringLiteral("pipeline_1"), r.storeKey, soon, maxAge);
        QVERIFY(!a.pointer);
        QVERIFY2(a.refusal.contains(QStringLiteral("pipeline_1 was mid-change")),
                 qPrintable(a.refusal));
        a = back->answer(QStringLiteral("nope"), r.storeKey, soon, maxAge);
        QVERIFY(!a.pointer);
        QVERIFY2(a.refusal.contains(QStringLiteral("'nope'")), qPrintable(a.refusal));

        // A broken file names the file, the line and the field.
        QList<QByteArray> lines = r.toJson().split('\n');
        QJsonObject header = QJsonDocument::fromJson(lines.first()).object();
        header.insert(QStringLiteral("read_at"), QStringLiteral("yesterday"));
        lines.first() = QJsonDocument(header).toJson(QJsonDocument::Compact);
        QVERIFY(!LastKnownRouting::fromJson(lines.join('\n'), QStringLiteral("f.json"), &why));
        QVERIFY2(why.contains(QStringLiteral("f.json: line 1")) &&
                     why.contains(QStringLiteral("read_at")),
                 qPrintable(why));
        QVERIFY(!LastKnownRouting::fromJson("{\"format\":", QStringLiteral("g.json"), &why));
        QVERIFY2(why.startsWith(QStringLiteral("g.json")), qPrintable(why));
        lines = r.toJson().split('\n');
        lines[3] = "{\"id\":\"pipeline_2\",\"state\":\"sideways\",\"version\":1}";
        QVERIFY(!LastKnownRouting::fromJson(lines.join('\n'), QStringLiteral("h.json"), &why));
        QVERIFY2(why.contains(QStringLiteral("h.json: line 4: field 'state'")), qPrintable(why));
        // A file cut short is not whole, though every line left is good.
        lines = r.toJson().split('\n');
        lines.removeAt(lines.size() - 2);
        QVERIFY(!LastKnownRouting::fromJson(lines.join('\n'), QStringLiteral("i.json"), &why));
        QVERIFY2(why.contains(QStringLiteral("not whole")), qPrintable(why));
    }

    // route reads the first line and bisects for its pipeline: every pipeline of the file is
    // found, first, last, ids of any length and script, and one that is not there is refused.
    void lookupFindsEveryPipelineByBisection()
    {
        LastKnownRouting r = sample(0);
        const QStringList extra{QStringLiteral("a"), QStringLiteral("zz_last"),
                                QStringLiteral("Zürich_sales"), QStringLiteral("東京_orders"),
                                QStringLiteral("x%1").arg(QString(300, QLatin1Char('y')))};
        QStringList ids = extra;
        for (int i = 0; i < 997; ++i)
            ids.append(QStringLiteral("p_%1").arg(i * 7919 % 100003));
        for (qsizetype i = 0; i < ids.size(); ++i)
            r.pointers.insert(
                ids.at(i),
                RoutingPointer{ids.at(i), i % 2 ? State::Cloud : State::OnPrem, qint64(i + 1), {}});
        r.midChange.insert(QStringLiteral("zz_last"));
        const QString path = m_dir.filePath(QStringLiteral("bisect/routing.json"));
        QString why;
        QVERIFY2(r.save(path, &why), qPrintable(why));
        const auto maxAge = std::chrono::seconds(3600);
        const QDateTime soon = kRead.addSecs(60);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const LastKnownRouting::Answer a =
                LastKnownRouting::lookup(path, ids.at(i), r.storeKey, soon, maxAge);
            if (ids.at(i) == QLatin1String("zz_last")) {
                QVERIFY2(!a.pointer && a.refusal.contains(QStringLiteral("mid-change")),
                         qPrintable(a.refusal));
                continue;
            }
            QVERIFY2(a.pointer, qPrintable(ids.at(i) + QStringLiteral(": ") + a.refusal));
            QCOMPARE(a.pointer->version, qint64(i + 1));
            QCOMPARE(a.pointer->canonical(), i % 2 ? Side::Cloud : Side::OnPrem);
            QCOMPARE(a.readAt, kRead);
        }
        for (const QString &missing : {QStringLiteral("0_before_all"), QStringLiteral("p_"),
                                       QStringLiteral("zzz_after_all")}) {
            const LastKnownRouting::Answer a =
                LastKnownRouting::lookup(path, missing, r.storeKey, soon, maxAge);
            QVERIFY(!a.pointer);
            QVERIFY2(a.refusal.contains(QStringLiteral("does not know pipeline '%1'").arg(missing)),
                     qPrintable(a.refusal));
        }
        // The same refusals as the whole file's: another store, too old.
        QVERIFY(LastKnownRouting::lookup(path, QStringLiteral("a"), QStringLiteral("sqlite:///x"),
                                         soon, maxAge)
                    .refusal.contains(QStringLiteral("another store")));
        QVERIFY(LastKnownRouting::lookup(path, QStringLiteral("a"), r.storeKey, kRead.addSecs(7200),
                                         maxAge)
                    .refusal.contains(QStringLiteral("older than")));
        // A file cut short, or empty, answers nothing.
        QByteArray text = readAll(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.left(text.size() / 2));
        file.close();
        LastKnownRouting::Answer a =
            LastKnownRouting::lookup(path, QStringLiteral("a"), r.storeKey, soon, maxAge);
        QVERIFY(!a.pointer);
        QVERIFY2(a.refusal.contains(QStringLiteral("not whole")), qPrintable(a.refusal));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.close();
        a = LastKnownRouting::lookup(path, QStringLiteral("a"), r.storeKey, soon, maxAge);
        QVERIFY(!a.pointer);
        QVERIFY2(a.refusal.contains(path), qPrintable(a.refusal));
    }

    void durations()
    {
        QCOMPARE(parseDuration(QStringLiteral("24h")), std::chrono::seconds(86400));
        QCOMPARE(parseDuration(QStringLiteral("90m")), std::chrono::seconds(5400));
        QCOMPARE(parseDuration(QStringLiteral("3600s")), std::chrono::seconds(3600));
        QCOMPARE(parseDuration(QStringLiteral("15")), std::chrono::seconds(15));
        QVERIFY(!parseDuration(QStringLiteral("0h")));
        QVERIFY(!parseDuration(QStringLiteral("-5m")));
        QVERIFY(!parseDuration(QStringLiteral("1d")));
    }

    // kill -9 while the file is being written, ten times: each time the file on disk is a whole
    // one, the previous or the new.
    void aWriterKilledHalfwayLeavesTheFileWhole()
    {
        const QString path = m_dir.filePath(QStringLiteral("killed/routing.json"));
        qint64 lastSeen = 0;
        for (int round = 0; round < 10; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--write-forever"), path});
            QVERIFY(child.waitForStarted());
            // Let it finish `round % 3 + 1` writes, then kill it in the middle of the next ones.
            int writes = 0;
            while (writes < round % 3 + 1) {
                QVERIFY(child.waitForReadyRead(30000));
                writes += child.readAll().count('w');
            }
            ::kill(pid_t(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(30000));
            QString why;
            const std::optional<LastKnownRouting> left = LastKnownRouting::load(path, &why);
            QVERIFY2(left, qPrintable(why));
            QCOMPARE(left->pointers.size(), 20000);
            QVERIFY(left->feedSeq >= 1);
            lastSeen = left->feedSeq;
        }
        QVERIFY(lastSeen >= 1);
    }

    void routeAnswersFromTheStoreAndKeepsTheFile()
    {
        const QString store = demoStore(QStringLiteral("live.sqlite"));
        QFile::remove(fileOf(store));
        const CtlRun r = ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract")}, store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QStringLiteral("cloud\n"));
        QCOMPARE(r.err, QString());
        const FileText file = readFile(fileOf(store));
        QCOMPARE(file.header.value(QStringLiteral("store")).toString(),
                 LastKnownRouting::storeKeyOf(store));
        QVERIFY(!file.header.value(QStringLiteral("store_id")).toString().isEmpty());
        QCOMPARE(file.pipelines.value(QStringLiteral("ads_spend_extract"))
                     .value(QStringLiteral("side"))
                     .toString(),
                 QStringLiteral("cloud"));

        // The store says what it says, never the file: a file claiming otherwise is ignored.
        FileText lie = file;
        lie.pipelines.insert(QStringLiteral("core_fx"),
                             QJsonObject{{QStringLiteral("id"), QStringLiteral("core_fx")},
                                         {QStringLiteral("side"), QStringLiteral("cloud")},
                                         {QStringLiteral("state"), QStringLiteral("cloud")},
                                         {QStringLiteral("version"), 99}});
        writeFile(fileOf(store), lie);
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("core_fx")}, store).out,
                 QStringLiteral("onprem\n"));

        // The reader left its receipt: host, caller, version.
        {
            std::unique_ptr<Store> s = openStore(store, OpenMode::MustExist);
            const QList<ReadReceipt> receipts = s->readReceipts(
                QStringLiteral("ads_spend_extract"), QDateTime::currentDateTimeUtc().addDays(-1));
            QCOMPARE(receipts.size(), 1);
            QCOMPARE(receipts.first().version,
                     s->routing(QStringLiteral("ads_spend_extract"))->version);
        }
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract"),
                      QStringLiteral("--caller"), QStringLiteral("airflow-prod")},
                     store)
                     .exit,
                 0);
        std::unique_ptr<Store> s = openStore(store, OpenMode::MustExist);
        QCOMPARE(s->readReceipts(QStringLiteral("ads_spend_extract"),
                                 QDateTime::currentDateTimeUtc().addDays(-1))
                     .size(),
                 2);
    }

    // A route call decides from the file's first line whether to write again; a flip made by
    // someone else since (no daybreakctl on this host saw it) is in the next file all the same.
    void aFlipMadeElsewhereIsInTheNextFile()
    {
        const QString store = demoStore(QStringLiteral("stamped.sqlite"));
        QFile::remove(fileOf(store));
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("core_fx")}, store).exit, 0);
        const FileText first = readFile(fileOf(store));
        QVERIFY(first.header.value(QStringLiteral("feed_seq")).toInteger(-1) >= 0);
        QCOMPARE(first.header.value(QStringLiteral("pipelines")).toInteger(),
                 qint64(first.pipelines.size()));
        const auto stateIn = [&] {
            return readFile(fileOf(store))
                .pipelines.value(QStringLiteral("core_fx"))
                .value(QStringLiteral("state"))
                .toString();
        };
        QCOMPARE(stateIn(), QStringLiteral("dual_run"));
        {
            std::unique_ptr<Store> s = openStore(store, OpenMode::MustExist);
            QCOMPARE(s->applyTransition(TestStores::routingChange(
                         QStringLiteral("core_fx"), State::DualRun, State::Cloud,
                         s->routing(QStringLiteral("core_fx"))->version)),
                     WriteStatus::Written);
        }
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("core_fx")}, store).out,
                 QStringLiteral("cloud\n"));
        QCOMPARE(stateIn(), QStringLiteral("cloud"));
        // Nothing moved since: the next call leaves the file as it is.
        const QByteArray before = readAll(fileOf(store));
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("core_fx")}, store).exit, 0);
        QCOMPARE(readAll(fileOf(store)), before);
    }

    // After a flip, status names the readers that have seen the new version and those still on
    // the old one; the change is not complete until none is behind.
    void statusListsWhoHasSeenTheFlip()
    {
        const QString store = demoStore(QStringLiteral("readers.sqlite"));
        const QString id = QStringLiteral("core_gl");
        for (const QString &caller : {QStringLiteral("airflow"), QStringLiteral("k8s")})
            QCOMPARE(
                ctl({QStringLiteral("route"), id, QStringLiteral("--caller"), caller}, store).exit,
                0);
        QCOMPARE(ctl({QStringLiteral("dual-run"), id, QStringLiteral("--reason"),
                      QStringLiteral("shadow")},
                     store)
                     .exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("route"), id, QStringLiteral("--caller"),
                      QStringLiteral("airflow")},
                     store)
                     .exit,
                 0);
        CtlRun r = ctl({QStringLiteral("status"), id}, store);
        QCOMPARE(r.exit, 0);
        QVERIFY2(r.out.contains(QStringLiteral("1 of 2 readers that asked in the last 24 h has "
                                               "seen version 2 (airflow@")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("still acting on an older one: k8s@")) &&
                     r.out.contains(QStringLiteral("on version 1")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("not complete until every reader has seen it")));
        QCOMPARE(
            ctl({QStringLiteral("route"), id, QStringLiteral("--caller"), QStringLiteral("k8s")},
                store)
                .exit,
            0);
        r = ctl({QStringLiteral("status"), id}, store);
        QVERIFY2(r.out.contains(QStringLiteral("2 of 2 readers that asked in the last 24 h have "
                                               "seen version 2")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("not complete")));
    }

    void routeAnswersFromTheFileWhenTheStoreIsGone()
    {
        const QString store = demoStore(QStringLiteral("gone.sqlite"));
        QCOMPARE(ctl({QStringLiteral("status")}, store).exit, 0); // any read keeps the file
        QVERIFY(QFile::exists(fileOf(store)));
        QVERIFY(QFile::rename(store, store + QStringLiteral(".away")));

        CtlRun r = ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract")}, store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QStringLiteral("cloud\n"));
        QVERIFY2(r.err.startsWith(QStringLiteral("from last-known routing of ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("(store unreachable: ")), qPrintable(r.err));

        // --strict fails closed, as route always did.
        r = ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract"),
                 QStringLiteral("--strict")},
                store);
        QCOMPARE(r.exit, 6);
        QCOMPARE(r.out, QString());

        // Too old for --max-age: the file was read more than a second ago once its read time is
        // moved back an hour.
        const FileText kept = readFile(fileOf(store));
        FileText old = kept;
        old.header.insert(QStringLiteral("read_at"),
                          isoUtc(fromIsoUtc(kept.header.value(QStringLiteral("read_at")).toString())
                                     .addSecs(-3600)));
        writeFile(fileOf(store), old);
        r = ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract"),
                 QStringLiteral("--max-age"), QStringLiteral("30m")},
                store);
        QCOMPARE(r.exit, 6);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.contains(QStringLiteral("older than")), qPrintable(r.err));
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract"),
                      QStringLiteral("--max-age"), QStringLiteral("2h")},
                     store)
                     .exit,
                 0);

        // Mid-change in the file: no answer for that pipeline.
        FileText changing = kept;
        changing.pipelines[QStringLiteral("ads_spend_extract")].insert(QStringLiteral("mid_change"),
                                                                       true);
        writeFile(fileOf(store), changing);
        r = ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract")}, store);
        QCOMPARE(r.exit, 6);
        QVERIFY2(r.err.contains(QStringLiteral("mid-change")), qPrintable(r.err));

        // Another store's file under this store's name: never read.
        const QString other = demoStore(QStringLiteral("other.sqlite"));
        QCOMPARE(ctl({QStringLiteral("status")}, other).exit, 0);
        QFile::remove(fileOf(store));
        QVERIFY(QFile::copy(fileOf(other), fileOf(store)));
        r = ctl({QStringLiteral("route"), QStringLiteral("ads_spend_extract")}, store);
        QCOMPARE(r.exit, 6);
        QVERIFY2(r.err.contains(QStringLiteral("another store")), qPrintable(r.err));

        // Bad options are named.
        r = ctl({QStringLiteral("route"), QStringLiteral("x"), QStringLiteral("--max-age"),
                 QStringLiteral("1d")},
                store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--max-age")), qPrintable(r.err));
        r = ctl({QStringLiteral("route"), QStringLiteral("x"), QStringLiteral("--timeout"),
                 QStringLiteral("soon")},
                store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--timeout")), qPrintable(r.err));
    }

    // A store that is there but never answers: a PostgreSQL port that accepts the connection and
    // says nothing, as a SIGSTOPped server does. route answers from the file once --timeout has
    // passed, without waiting for libpq's own connect timeout.
    void routeAnswersFromTheFileWhenTheStoreHangs()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString url =
            QStringLiteral("postgresql://daybreak@127.0.0.1:%1/daybreak").arg(silent.serverPort());
        LastKnownRouting known = sample(3);
        known.storeKey = LastKnownRouting::storeKeyOf(url);
        known.readAt = QDateTime::currentDateTimeUtc();
        QString why;
        QVERIFY2(known.save(LastKnownRouting::pathFor(known.storeKey), &why), qPrintable(why));
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(QStringLiteral(DAYBREAKCTL_PATH),
                {QStringLiteral("route"), QStringLiteral("pipeline_0"), QStringLiteral("--timeout"),
                 QStringLiteral("1"), QStringLiteral("--store"), url});
        QVERIFY(p.waitForStarted());
        // Accept the connection and leave it unanswered, from this thread's event loop.
        while (p.state() != QProcess::NotRunning) {
            silent.waitForNewConnection(50);
            p.waitForFinished(50);
        }
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("cloud\n"));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        // Its own deadline, not libpq's 5 s connect timeout ("timeout expired"), cut the wait.
        QVERIFY2(err.contains(QStringLiteral("store unreachable: no answer within 1 s")),
                 qPrintable(err));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--write-forever") == 0) {
        QCoreApplication app(argc, argv);
        writeForever(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestLastKnownRouting test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lastknownrouting.moc"
