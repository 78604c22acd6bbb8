// Eight daybreakctl processes flip the same routing pointers at once, hundreds of times each, on
// SQLite and on PostgreSQL (ctest runs this program against both). Afterwards: every pointer's
// version equals its successful flips, every success has exactly one audit row, and every
// conflict exited 5 having written nothing.
#include "CliCalendar.h"
#include "TestStores.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace daybreak;

namespace {

constexpr int kWorkers = 8;
constexpr int kFlipsPerWorker = 200;
const QStringList kPipelines{QStringLiteral("flip_a"), QStringLiteral("flip_b")};

struct Run
{
    int exit = -1;
    QString out;
    QString err;
};

Run ctl(const QString &ctlPath, const QString &store, QStringList args)
{
    QProcess p;
    args << QStringLiteral("--store") << store;
    p.start(ctlPath, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// One worker process: flips pointers through daybreakctl with --expect-version, printing one line
// per attempt: "<pipeline> <action> <exit>" (action: cutover, rollback, or status when the look
// before a flip found the store unreachable). Exit 5 and 6 make it look again.
int runWorker(const QStringList &args)
{
    const QString ctlPath = args.value(0);
    const QString store = args.value(1);
    const int flips = args.value(2).toInt();
    QRandomGenerator random(args.value(3).toUInt());
    QTextStream out(stdout);
    struct Known
    {
        QString state;
        qint64 version = -1;
    };
    QHash<QString, Known> known;
    for (int i = 0; i < flips; ++i) {
        const QString id = kPipelines.at(int(random.bounded(kPipelines.size())));
        Known &k = known[id];
        if (k.version < 0) {
            const Run status =
                ctl(ctlPath, store, {QStringLiteral("status"), id, QStringLiteral("--json")});
            const QJsonObject o =
                QJsonDocument::fromJson(status.out.toUtf8()).array().first().toObject();
            if (status.exit ==
                6) { // the store is unreachable (a fault test stopped the server): try again
                out << id << " status 6" << Qt::endl;
                continue;
            }
            if (status.exit != 0 || o.isEmpty()) {
                out << id << " status " << status.exit << " " << status.err.simplified()
                    << Qt::endl;
                return 1;
            }
            k.state = o[QStringLiteral("state")].toString();
            k.version = o[QStringLiteral("version")].toInteger();
        }
        const bool cutover = k.state == QLatin1String("dual_run");
        QStringList command{cutover ? QStringLiteral("cutover") : QStringLiteral("rollback"),
                            id,
                            QStringLiteral("--expect-version"),
                            QString::number(k.version),
                            QStringLiteral("--reason"),
                            QStringLiteral("concurrency test")};
        const Run r = ctl(ctlPath, store, command);
        out << id << " " << command.first() << " " << r.exit;
        if (r.exit != 0 && r.exit != 5)
            out << " " << r.err.simplified();
        out << Qt::endl;
        if (r.exit == 0) {
            k.state = cutover ? QStringLiteral("cloud") : QStringLiteral("dual_run");
            ++k.version;
        } else {
            k.version = -1; // someone else moved it: look again
        }
    }
    return 0;
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;
    const QString m_ctl = QStringLiteral(DAYBREAKCTL_PATH);

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        qInfo("back end: %s", qPrintable(m_backend.name()));
    }

    void conflictingFlipsKeepVersionsAndAuditExact()
    {
        const QString store = m_backend.freshUrl();
        const Run init = ctl(m_ctl, store,
                             {QStringLiteral("init"), QStringLiteral("--inventory"),
                              QStringLiteral(DAYBREAK_TEST_DATA "/inventories/flips.json")});
        QVERIFY2(init.exit == 0, qPrintable(init.err));
        const QString today = CliCalendar::todayIn(QStringLiteral("UTC")).toString(Qt::ISODate);
        const QString yesterday =
            CliCalendar::todayIn(QStringLiteral("UTC")).addDays(-1).toString(Qt::ISODate);
        for (const QString &id : kPipelines)
            for (const QString &date : {yesterday, today}) {
                const Run r = ctl(m_ctl, store,
                                  {QStringLiteral("parity"), QStringLiteral("record"), id,
                                   QStringLiteral("--date"), date, QStringLiteral("--onprem-rows"),
                                   QStringLiteral("100"), QStringLiteral("--cloud-rows"),
                                   QStringLiteral("100")});
                QVERIFY2(r.exit == 0, qPrintable(r.err));
            }
        auto before = m_backend.open(store, OpenMode::MustExist);
        QHash<QString, qint64> startVersion;
        for (const QString &id : kPipelines)
            startVersion.insert(id, before->routing(id)->version);
        const int auditBefore = int(before->auditLog().size());
        before.reset();

        QList<QProcess *> workers;
        for (int w = 0; w < kWorkers; ++w) {
            auto *p = new QProcess(this);
            p->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--worker"), m_ctl, store, QString::number(kFlipsPerWorker),
                      QString::number(w + 1)});
            workers.append(p);
        }
        QHash<QString, int> successes;
        int conflicts = 0;
        QStringList unexpected;
        for (QProcess *p : workers) {
            QVERIFY(p->waitForFinished(15 * 60 * 1000));
            QCOMPARE(p->exitCode(), 0);
            const QStringList lines = QString::fromUtf8(p->readAllStandardOutput())
                                          .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QCOMPARE(lines.size(), kFlipsPerWorker);
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char(' '));
                if (f.value(2) == QLatin1String("0"))
                    ++successes[f.value(0)];
                else if (f.value(2) == QLatin1String("5"))
                    ++conflicts;
                else
                    unexpected << line;
            }
        }
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.mid(0, 5).join(QLatin1Char('\n'))));
        int totalSuccesses = 0;
        for (int n : std::as_const(successes))
            totalSuccesses += n;
        qInfo("%d flips: %d succeeded, %d conflicts (exit 5)", kWorkers * kFlipsPerWorker,
              totalSuccesses, conflicts);
        QCOMPARE(totalSuccesses + conflicts, kWorkers * kFlipsPerWorker);
        QVERIFY2(conflicts > 0, "eight workers on two pointers must collide");

        auto after = m_backend.open(store, OpenMode::MustExist);
        for (const QString &id : kPipelines) {
            QCOMPARE(after->routing(id)->version, startVersion.value(id) + successes.value(id));
            int flipRows = 0;
            for (const AuditEntry &a : after->auditLog(id))
                flipRows +=
                    a.action == QLatin1String("cutover") || a.action == QLatin1String("rollback")
                        ? 1
                        : 0;
            QCOMPARE(flipRows, successes.value(id));
        }
        // Conflicts wrote nothing: the only new audit rows are the successes.
        QCOMPARE(int(after->auditLog().size()), auditBefore + totalSuccesses);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    if (args.value(1) == QLatin1String("--worker"))
        return runWorker(args.mid(2));
    TestConcurrency test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_concurrency.moc"
