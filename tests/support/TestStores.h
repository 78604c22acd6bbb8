#pragma once

#include "Inventory.h"
#include "PgTestServer.h"
#include "SqliteStore.h"

#include <QTemporaryDir>

#include <memory>

namespace daybreak {

// Helpers to build small inventories and real SQLite stores in a temporary folder.
namespace TestStores {

Pipeline pipeline(const QString &id, const QStringList &upstreams = {}, Side target = Side::Cloud,
                  Risk risk = Risk::Medium);
// Berlin, default weekend window.
Inventory inventory(const QList<Pipeline> &pipelines);
std::unique_ptr<SqliteStore> sqlite(const QTemporaryDir &dir,
                                    const QString &name = QStringLiteral("store.sqlite"));
// Puts `pipeline` straight into `state` through the store (as the inventory's initial state would).
void seed(Store &store, const Inventory &inventory);
// Three pipelines: "a" (dual-running, p95 45, SLA 06:00, two tags), "b" reading "a", and
// "keep" (stays on-prem, high risk).
Inventory smallInventory();
// A night for the watch: "other" (00:30, 10 min) and "src" (01:00, 60 min, owner commerce), which
// feeds "report" (20 min, due 06:00).
Inventory watchedNight();
// A routing change of `id` from `from` to `to`, expecting `version`, with its audit row.
Transition routingChange(const QString &id, State from, State to, qint64 version);
// `n` clean parity results ending on `lastDate`.
void recordCleanRuns(Store &store, const QString &pipeline, const QDate &lastDate, int n);
// One comparison as `parity record` writes it, with its audit row (by its recordedBy, at its
// recordedAt).
void recordParity(Store &store, const ParityResult &result);

} // namespace TestStores

// The back end a shared store test runs against: DAYBREAK_TEST_BACKEND=sqlite (the default) or
// postgresql (the throwaway server ctest starts). Each freshUrl() is a new, empty store.
class TestBackend
{
public:
    TestBackend();

    bool isPostgres() const { return m_postgres; }
    QString name() const
    {
        return m_postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    }
    // Empty when the back end can be used; otherwise why not (the test must fail, not skip).
    QString problem() const { return m_postgres ? m_server.problem() : QString(); }
    PgTestServer &server() { return m_server; }

    QString freshUrl();
    std::unique_ptr<SqlStore> open(const QString &url, OpenMode mode = OpenMode::CreateIfMissing,
                                   const StoreOptions &options = {});
    // PostgreSQL: the server's clock the database's own rules read (daybreak_now()), pinned in
    // the store at `url` to `now`, as the test's clock is; libfaketime would do it from outside.
    // Nothing on SQLite, which has no rules of its own.
    void pinServerClock(const QString &url, const QDateTime &now);

private:
    bool m_postgres = false;
    PgTestServer m_server;
    QTemporaryDir m_dir;
    int m_count = 0;
};

} // namespace daybreak
