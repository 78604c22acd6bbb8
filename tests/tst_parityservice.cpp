#include "ManualClock.h"
#include "ParityService.h"
#include "TestStores.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;
using namespace TestStores;

// Parity evidence that cannot be bent: no comparisons from the future, no numbers recorded over
// a breach (findings D2, D3).
class TestParityService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(15, 0), QTimeZone("Europe/Berlin"))};
    const QDate m_today{2026, 11, 24};

    static ParityResult comparison(const QDate &date, qint64 cloudRows = 1000)
    {
        ParityResult r;
        r.pipeline = QStringLiteral("a");
        r.businessDate = date;
        r.onpremRows = 1000;
        r.cloudRows = cloudRows;
        return r;
    }
    int auditRows() const { return int(m_store->auditLog().size()); }

private slots:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("p.sqlite")));
        m_store = sqlite(m_dir, QStringLiteral("p.sqlite"));
        seed(*m_store, smallInventory());
    }

    void aComparisonFromTheFutureIsRefused()
    {
        ParityService parity(*m_store, m_clock, QStringLiteral("olga"));
        const int before = auditRows();
        const ParityService::RecordOutcome far = parity.record(comparison(QDate(2031, 11, 18)));
        QCOMPARE(far.kind, Outcome::Kind::BadInput);
        QVERIFY2(far.message.contains(QStringLiteral("2031-11-18 is in the future (today is "
                                                     "2026-11-24 in Europe/Berlin)")),
                 qPrintable(far.message));
        QVERIFY(m_store->snapshot().parity.value(QStringLiteral("a")).isEmpty());
        QCOMPARE(auditRows(), before);
        // Tonight's runs feed tomorrow's date: that one is taken.
        QCOMPARE(parity.record(comparison(m_today.addDays(1))).kind, Outcome::Kind::Done);
    }

    void futureComparisonsPassNoGate()
    {
        // Seven clean nights dated 2031 (written past the service, as a tampered file would be).
        for (int d = 0; d < 7; ++d) {
            ParityResult r = comparison(QDate(2031, 11, 18).addDays(d));
            r.recordedAt = m_clock.now();
            r.recordedBy = QStringLiteral("x");
            m_store->recordParity({r}, {0,
                                        m_clock.now(),
                                        QStringLiteral("x"),
                                        QStringLiteral("parity_record"),
                                        r.pipeline,
                                        {},
                                        {},
                                        {},
                                        false,
                                        false,
                                        {}});
        }
        const ParityService::PipelineParity p =
            ParityService::evaluate(m_store->snapshot(), QStringLiteral("a"), m_today);
        QVERIFY(p.gate.status != ParityGate::Status::Passed);
        QCOMPARE(p.gate.cleanRuns, 0);
    }

    void anImportWithAFutureRowImportsNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("c.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("pipeline,date,onprem_rows,cloud_rows\n"
                "a,2026-11-23,1000,1000\n"
                "a,2062-11-24,1000,1000\n");
        f.close();
        const Outcome o = ParityService(*m_store, m_clock, QStringLiteral("olga")).importFile(path);
        QCOMPARE(o.kind, Outcome::Kind::BadInput);
        QCOMPARE(o.problems.size(), 1);
        QCOMPARE(o.problems.first().line, 3);
        QCOMPARE(o.problems.first().field, QStringLiteral("date"));
        QVERIFY(o.problems.first().message.contains(QStringLiteral("in the future")));
        QVERIFY(m_store->snapshot().parity.value(QStringLiteral("a")).isEmpty());
    }

    void aBreachIsNeverRecordedOver()
    {
        ParityService parity(*m_store, m_clock, QStringLiteral("olga"));
        const QDate night = m_today.addDays(-1);
        QCOMPARE(parity.record(comparison(night, 1400)).kind, Outcome::Kind::Done); // a breach
        const int before = auditRows();
        const ParityService::RecordOutcome over = parity.record(comparison(night));
        QCOMPARE(over.kind, Outcome::Kind::Refused);
        QVERIFY2(over.describe().contains(QStringLiteral("a already holds a breach on 2026-11-23")),
                 qPrintable(over.describe()));
        QCOMPARE(auditRows(), before);
        const QList<ParityResult> kept = m_store->snapshot().parity.value(QStringLiteral("a"));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().cloudRows, 1400); // the evidence stays
        // Accepted, it still may not be recorded over: the acceptance would be lost.
        QCOMPARE(parity
                     .resolve(QStringLiteral("a"), night, BreachResolution::Accepted,
                              QStringLiteral("late data"))
                     .kind,
                 Outcome::Kind::Done);
        QCOMPARE(parity.record(comparison(night)).kind, Outcome::Kind::Refused);
        // A clean night may be recorded again (a re-run comparison).
        QCOMPARE(parity.record(comparison(m_today)).kind, Outcome::Kind::Done);
        QCOMPARE(parity.record(comparison(m_today, 1000)).kind, Outcome::Kind::Done);
    }
};

QTEST_GUILESS_MAIN(TestParityService)
#include "tst_parityservice.moc"
