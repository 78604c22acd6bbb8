#include "TestStores.h"

#include <QDateTime>
#include <QUrl>

namespace daybreak {

namespace TestStores {

Pipeline pipeline(const QString &id, const QStringList &upstreams, Side target, Risk risk)
{
    Pipeline p;
    p.id = id;
    p.name = id;
    p.owner = QStringLiteral("team");
    p.schedule = upstreams.isEmpty() ? std::optional<QTime>(QTime(1, 0)) : std::nullopt;
    p.onpremMinutes = 30;
    p.cloudMinutes = 20;
    p.upstreams = upstreams;
    p.target = target;
    p.risk = risk;
    return p;
}

Inventory inventory(const QList<Pipeline> &pipelines)
{
    Inventory inv;
    inv.timezone = QStringLiteral("Europe/Berlin");
    inv.setPipelines(pipelines);
    return inv;
}

std::unique_ptr<SqliteStore> sqlite(const QTemporaryDir &dir, const QString &name)
{
    return std::make_unique<SqliteStore>(dir.filePath(name), OpenMode::CreateIfMissing);
}

void seed(Store &store, const Inventory &inventory)
{
    AuditEntry audit;
    audit.at = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    audit.actor = QStringLiteral("test");
    audit.action = QStringLiteral("import");
    store.replaceInventory(inventory, audit);
}

Inventory smallInventory()
{
    Pipeline a = pipeline(QStringLiteral("a"));
    a.initialState = State::DualRun;
    a.onpremP95Minutes = 45;
    a.sla = QTime(6, 0);
    a.parityTolerance = 0.000123456789;
    a.tags = QStringList{QStringLiteral("x"), QStringLiteral("y")};
    Pipeline keep = pipeline(QStringLiteral("keep"), {}, Side::OnPrem, Risk::High);
    return inventory({a, pipeline(QStringLiteral("b"), {QStringLiteral("a")}), keep});
}

Inventory watchedNight()
{
    Pipeline src = pipeline(QStringLiteral("src"));
    src.schedule = QTime(1, 0);
    src.onpremMinutes = 60;
    src.owner = QStringLiteral("commerce");
    Pipeline report = pipeline(QStringLiteral("report"), {QStringLiteral("src")});
    report.onpremMinutes = 20;
    report.sla = QTime(6, 0);
    Pipeline other = pipeline(QStringLiteral("other"));
    other.schedule = QTime(0, 30);
    other.onpremMinutes = 10;
    return inventory({src, report, other});
}

Transition routingChange(const QString &id, State from, State to, qint64 version)
{
    Transition t;
    t.pipeline = id;
    t.from = from;
    t.to = to;
    t.expectedVersion = version;
    t.audit.at = QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
    t.audit.actor = QStringLiteral("tester");
    // The action that makes this move (PostgreSQL's daybreak_transition checks they agree).
    t.audit.action = to == State::Cloud            ? QStringLiteral("cutover")
                     : to == State::Decommissioned ? QStringLiteral("decommission")
                     : from == State::OnPrem       ? QStringLiteral("dual_run")
                                                   : QStringLiteral("rollback");
    t.audit.pipeline = id;
    t.audit.from = stateName(from);
    t.audit.to = stateName(to);
    return t;
}

void recordParity(Store &store, const ParityResult &result)
{
    AuditEntry audit;
    audit.at = result.recordedAt;
    audit.actor = result.recordedBy;
    audit.action = QStringLiteral("parity_record");
    store.recordParity({result}, audit);
}

void recordCleanRuns(Store &store, const QString &pipeline, const QDate &lastDate, int n)
{
    QList<ParityResult> results;
    for (int i = 0; i < n; ++i) {
        ParityResult r;
        r.pipeline = pipeline;
        r.businessDate = lastDate.addDays(-i);
        r.onpremRows = 1000;
        r.cloudRows = 1000;
        r.recordedAt = QDateTime(lastDate, QTime(7, 0), Qt::UTC);
        r.recordedBy = QStringLiteral("test");
        results.append(r);
    }
    AuditEntry audit;
    audit.at = QDateTime(lastDate, QTime(7, 0), Qt::UTC);
    audit.actor = QStringLiteral("test");
    audit.action = QStringLiteral("parity_import");
    store.recordParity(results, audit);
}

} // namespace TestStores

TestBackend::TestBackend()
    : m_postgres(qEnvironmentVariable("DAYBREAK_TEST_BACKEND") == QLatin1String("postgresql"))
{
}

QString TestBackend::freshUrl()
{
    if (m_postgres)
        return m_server.superuserUrl(m_server.createDatabase());
    return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_count));
}

void TestBackend::pinServerClock(const QString &url, const QDateTime &now)
{
    if (!m_postgres)
        return;
    const QString database = QUrl(url).path().mid(1);
    m_server.exec({QStringLiteral("CREATE OR REPLACE FUNCTION daybreak_now() RETURNS TIMESTAMPTZ "
                                  "LANGUAGE sql STABLE AS $$ SELECT '%1'::timestamptz $$")
                       .arg(now.toUTC().toString(Qt::ISODateWithMs))},
                  database);
}

std::unique_ptr<SqlStore> TestBackend::open(const QString &url, OpenMode mode,
                                            const StoreOptions &options)
{
    std::unique_ptr<Store> store = openStore(url, mode, options);
    return std::unique_ptr<SqlStore>(static_cast<SqlStore *>(store.release()));
}

} // namespace daybreak
