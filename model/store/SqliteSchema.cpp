#include "SqliteSchema.h"

#include "ChangeFeed.h"

namespace daybreak {

namespace {
// The same table on both back ends: a request is decided once, never by its requester.
const QString kChangeRequests = QStringLiteral(
    "CREATE TABLE change_requests (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " created_at TEXT NOT NULL, requester TEXT NOT NULL,"
    " action TEXT NOT NULL CHECK (action IN ('cutover', 'rollback', 'decommission')),"
    " pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,"
    " reason TEXT NOT NULL, expires_at TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),"
    " decided_by TEXT, decided_at TEXT, decision_reason TEXT, notified_at TEXT,"
    " CHECK (decided_by IS NULL OR decided_by <> requester),"
    " CHECK ((status = 'pending') = (decided_by IS NULL)))");

// A measured parity breach pages as an alert ('parity_breach'). SQLite cannot change a CHECK in
// place, and the outbox refers to the alerts: the outbox is set aside, the alerts rebuilt, the
// outbox put back, and the change feed's triggers on the alerts made again.
QStringList parityBreachAlerts()
{
    QStringList s{
        QStringLiteral("CREATE TABLE outbox_kept AS SELECT * FROM outbox"),
        QStringLiteral("DROP TABLE outbox"),
        QStringLiteral(
            "CREATE TABLE alerts_v16 ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT, business_date TEXT NOT NULL,"
            " report TEXT NOT NULL,"
            " status TEXT NOT NULL CHECK (status IN ('at_risk', 'breached', 'late_start',"
            " 'overrun', 'silent', 'parity_breach')),"
            " raised_at TEXT NOT NULL, projected_finish TEXT, cause TEXT,"
            " hours_left REAL NOT NULL, message TEXT NOT NULL,"
            " acknowledged_by TEXT, acknowledged_at TEXT, resolved_at TEXT, resolved_reason TEXT,"
            " UNIQUE (business_date, report, status))"),
        QStringLiteral("INSERT INTO alerts_v16 SELECT id, business_date, report, status, raised_at,"
                       " projected_finish, cause, hours_left, message, acknowledged_by,"
                       " acknowledged_at, resolved_at, resolved_reason FROM alerts"),
        QStringLiteral("DROP TABLE alerts"),
        QStringLiteral("ALTER TABLE alerts_v16 RENAME TO alerts"),
        QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " alert_id INTEGER NOT NULL REFERENCES alerts (id),"
                       " channel TEXT NOT NULL REFERENCES channels (name) ON DELETE CASCADE,"
                       " event TEXT NOT NULL CHECK (event IN ('trigger', 'resolve')),"
                       " state TEXT NOT NULL CHECK (state IN ('pending', 'delivered')),"
                       " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL,"
                       " last_error TEXT, delivered_at TEXT,"
                       " UNIQUE (alert_id, channel, event))"),
        QStringLiteral("INSERT INTO outbox SELECT id, alert_id, channel, event, state, attempts,"
                       " next_attempt_at, last_error, delivered_at FROM outbox_kept"),
        QStringLiteral("DROP TABLE outbox_kept"),
    };
    for (const QString &statement : sqliteFeedStatements())
        if (statement.contains(QLatin1String(" ON alerts BEGIN")))
            s << statement;
    return s;
}
} // namespace

QList<QStringList> sqliteMigrations()
{
    return {
        // 1: inventory, routing pointers, parity results, append-only audit
        {
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE pipelines ("
                " id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, owner TEXT "
                "NOT NULL,"
                " schedule TEXT, onprem_minutes INTEGER NOT NULL CHECK (onprem_minutes > 0),"
                " cloud_minutes INTEGER NOT NULL CHECK (cloud_minutes > 0), onprem_p95_minutes "
                "INTEGER,"
                " cloud_p95_minutes INTEGER, sla TEXT,"
                " risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),"
                " target TEXT NOT NULL CHECK (target IN ('cloud', 'onprem')),"
                " initial_state TEXT NOT NULL, parity_tolerance REAL NOT NULL, tags TEXT NOT NULL "
                "DEFAULT '')"),
            QStringLiteral("CREATE TABLE upstreams ("
                           " pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,"
                           " upstream TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,"
                           " position INTEGER NOT NULL, PRIMARY KEY (pipeline, upstream))"),
            QStringLiteral("CREATE TABLE routing ("
                           " pipeline TEXT PRIMARY KEY REFERENCES pipelines (id) ON DELETE CASCADE,"
                           " state TEXT NOT NULL CHECK (state IN ('onprem', 'dual_run', 'cloud', "
                           "'decommissioned')),"
                           " version INTEGER NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE parity_results ("
                " pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE, "
                "business_date TEXT NOT NULL,"
                " onprem_rows INTEGER NOT NULL CHECK (onprem_rows >= 0),"
                " cloud_rows INTEGER NOT NULL CHECK (cloud_rows >= 0),"
                " mismatched_rows INTEGER NOT NULL CHECK (mismatched_rows >= 0),"
                " max_rel_diff REAL NOT NULL CHECK (max_rel_diff >= 0), recorded_at TEXT NOT NULL,"
                " recorded_by TEXT NOT NULL, accepted_by TEXT, accepted_reason TEXT,"
                " PRIMARY KEY (pipeline, business_date))"),
            QStringLiteral(
                "CREATE TABLE audit ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, "
                "action TEXT NOT NULL,"
                " pipeline TEXT, from_state TEXT, to_state TEXT, reason TEXT,"
                " break_glass INTEGER NOT NULL DEFAULT 0, unplanned INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX audit_by_pipeline ON audit (pipeline, id)"),
            // The audit log is evidence: the schema itself refuses to rewrite or erase it.
            QStringLiteral(
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                "BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: UPDATE refused'); END"),
            QStringLiteral(
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                "BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: DELETE refused'); END"),
        },
        // 2: weekend waves and their ordered membership; a pipeline sits in at most one wave
        {
            QStringLiteral(
                "CREATE TABLE waves ("
                " name TEXT PRIMARY KEY, wave_date TEXT NOT NULL, window_start TEXT NOT NULL,"
                " window_end TEXT NOT NULL, capacity INTEGER NOT NULL CHECK (capacity > 0),"
                " max_high_risk INTEGER NOT NULL CHECK (max_high_risk >= 0))"),
            QStringLiteral("CREATE TABLE wave_members ("
                           " pipeline TEXT PRIMARY KEY REFERENCES pipelines (id) ON DELETE CASCADE,"
                           " wave TEXT NOT NULL REFERENCES waves (name) ON DELETE CASCADE ON "
                           "UPDATE CASCADE, position INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO settings (key, value) VALUES ('plan_version', '0') "
                           "ON CONFLICT (key) DO NOTHING"),
        },
        // 3: how a breach was closed, checksum matches and notes on comparisons
        {
            QStringLiteral("ALTER TABLE parity_results ADD COLUMN resolution TEXT "
                           "CHECK (resolution IN ('accepted', 'legacy_bug', 'new_bug'))"),
            QStringLiteral("ALTER TABLE parity_results ADD COLUMN resolved_at TEXT"),
            QStringLiteral("ALTER TABLE parity_results ADD COLUMN checksum_match INTEGER"),
            QStringLiteral("ALTER TABLE parity_results ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "UPDATE parity_results SET resolution = 'accepted' WHERE accepted_by IS NOT NULL"),
        },
        // 4: the orchestrator's run events and the SLA sensors' alerts
        {
            QStringLiteral("CREATE TABLE run_events ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE, "
                           "business_date TEXT NOT NULL,"
                           " side TEXT NOT NULL CHECK (side IN ('onprem', 'cloud')),"
                           " state TEXT NOT NULL CHECK (state IN ('scheduled', 'started', "
                           "'succeeded', 'failed', 'retrying')),"
                           " at TEXT NOT NULL, recorded_by TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX run_events_by_night ON run_events (business_date, pipeline, id)"),
            QStringLiteral("CREATE TABLE alerts ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT, business_date TEXT NOT NULL, "
                           "report TEXT NOT NULL,"
                           " status TEXT NOT NULL CHECK (status IN ('at_risk', 'breached')), "
                           "raised_at TEXT NOT NULL,"
                           " projected_finish TEXT, cause TEXT, hours_left REAL NOT NULL, message "
                           "TEXT NOT NULL,"
                           " acknowledged_by TEXT, acknowledged_at TEXT, UNIQUE (business_date, "
                           "report, status))"),
        },
        // 5: the database user behind every audit row (PostgreSQL sets it; a SQLite file has none)
        {
            QStringLiteral("ALTER TABLE audit ADD COLUMN db_user TEXT"),
        },
        // 6: the group a pipeline is drawn in (empty: derived from its id or owner)
        {
            QStringLiteral("ALTER TABLE pipelines ADD COLUMN group_name TEXT NOT NULL DEFAULT ''"),
        },
        // 7: REPLACE deletes the row it replaces without firing the DELETE trigger, so an insert
        // onto an existing id is refused before it gets there
        {
            QStringLiteral("CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit "
                           "WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) "
                           "BEGIN SELECT RAISE(ABORT, 'audit rows are append-only: REPLACE "
                           "refused'); END"),
        },
        // 8: the watch's alerts (late start, overrun, a silent orchestrator) and alerts that
        // resolve themselves when their cause clears. SQLite cannot change a CHECK in place.
        {
            QStringLiteral(
                "CREATE TABLE alerts_v8 ("
                " id INTEGER PRIMARY KEY AUTOINCREMENT, business_date TEXT NOT NULL,"
                " report TEXT NOT NULL,"
                " status TEXT NOT NULL CHECK (status IN ('at_risk', 'breached', 'late_start',"
                " 'overrun', 'silent')),"
                " raised_at TEXT NOT NULL, projected_finish TEXT, cause TEXT,"
                " hours_left REAL NOT NULL, message TEXT NOT NULL,"
                " acknowledged_by TEXT, acknowledged_at TEXT, resolved_at TEXT, resolved_reason "
                "TEXT,"
                " UNIQUE (business_date, report, status))"),
            QStringLiteral("INSERT INTO alerts_v8 (id, business_date, report, status, raised_at, "
                           "projected_finish, cause, hours_left, message, acknowledged_by, "
                           "acknowledged_at) SELECT id, business_date, report, status, raised_at, "
                           "projected_finish, cause, hours_left, message, acknowledged_by, "
                           "acknowledged_at FROM alerts"),
            QStringLiteral("DROP TABLE alerts"),
            QStringLiteral("ALTER TABLE alerts_v8 RENAME TO alerts"),
        },
        // 9: each watch's heartbeat, so every console can tell a dead watch from a quiet night
        {
            QStringLiteral(
                "CREATE TABLE watches (id TEXT PRIMARY KEY, host TEXT NOT NULL,"
                " pid INTEGER NOT NULL, started_at TEXT NOT NULL, last_ran TEXT NOT NULL,"
                " interval_seconds INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '')"),
        },
        // 10: where alerts go (channels), every alert x channel delivery (the outbox), and the
        // lease that lets one of several watches deliver
        {
            QStringLiteral("CREATE TABLE channels (name TEXT PRIMARY KEY,"
                           " kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack', 'pagerduty',"
                           " 'email', 'command')),"
                           " target TEXT NOT NULL, options TEXT NOT NULL DEFAULT '{}',"
                           " created_by TEXT NOT NULL, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " alert_id INTEGER NOT NULL REFERENCES alerts (id),"
                           " channel TEXT NOT NULL REFERENCES channels (name) ON DELETE CASCADE,"
                           " event TEXT NOT NULL CHECK (event IN ('trigger', 'resolve')),"
                           " state TEXT NOT NULL CHECK (state IN ('pending', 'delivered')),"
                           " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL,"
                           " last_error TEXT, delivered_at TEXT,"
                           " UNIQUE (alert_id, channel, event))"),
            QStringLiteral("CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL,"
                           " expires_at TEXT NOT NULL)"),
        },
        // 11: which OpenLineage job is which pipeline and side, and the jobs no mapping took
        {
            QStringLiteral("CREATE TABLE lineage_map (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " namespace TEXT NOT NULL, job_pattern TEXT NOT NULL,"
                           " pipeline TEXT, side TEXT NOT NULL CHECK (side IN ('onprem', 'cloud')),"
                           " created_by TEXT NOT NULL, created_at TEXT NOT NULL,"
                           " UNIQUE (namespace, job_pattern, side))"),
            QStringLiteral("CREATE TABLE lineage_unmapped (namespace TEXT NOT NULL,"
                           " job TEXT NOT NULL, events BIGINT NOT NULL, first_seen TEXT NOT NULL,"
                           " last_seen TEXT NOT NULL, PRIMARY KEY (namespace, job))"),
        },
        // 12: four eyes: routing changes one operator asks for and another approves or rejects
        {
            kChangeRequests,
        },
        // 13: PostgreSQL moved the routing pointer's write path into the server; a SQLite file
        // has no roles and trusts whoever can write it. What it gains is the index `verify` reads
        // the routing changes by.
        {
            QStringLiteral("CREATE INDEX audit_by_action ON audit (action, id)"),
        },
        // 14: PostgreSQL moved the plan's and the alert acknowledgements' writes into the server
        // (and four eyes into its audit guard); nothing changes in a SQLite file.
        {},
        // 15: the change feed (ChangeFeed.h): every change of what a console shows, numbered, so
        // consoles read what changed instead of the whole store.
        sqliteFeedStatements(),
        // 16: parity measured by Daybreak: the warehouses of each side and what each pipeline
        // compares (JSON specs, never a password), and what each measured night found
        QStringList{
            QStringLiteral("CREATE TABLE parity_settings (kind TEXT NOT NULL CHECK (kind IN "
                           "('source', 'mapping')), name TEXT NOT NULL, spec TEXT NOT NULL,"
                           " updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,"
                           " PRIMARY KEY (kind, name))"),
            QStringLiteral("CREATE TABLE parity_diffs (pipeline TEXT NOT NULL,"
                           " business_date TEXT NOT NULL, measured_at TEXT NOT NULL,"
                           " detail TEXT NOT NULL, PRIMARY KEY (pipeline, business_date))"),
        } + parityBreachAlerts(),
        // 17: the store's identity, which every host's last-known routing names
        // (LastKnownRouting.h), and the read receipts: which reader last saw which version of a
        // pointer
        {
            QStringLiteral("INSERT INTO settings (key, value) VALUES ('store_id', "
                           "lower(hex(randomblob(16)))) ON CONFLICT (key) DO NOTHING"),
            QStringLiteral("CREATE TABLE route_readers (pipeline TEXT NOT NULL, host TEXT NOT "
                           "NULL, caller TEXT NOT NULL, version INTEGER NOT NULL, seen_at TEXT NOT "
                           "NULL, asked_at TEXT NOT NULL, PRIMARY KEY (pipeline, host, caller))"),
        },
        // 18: each routing change's request id on its audit rows, so that a change whose COMMIT
        // answer was lost is found on reconnect (SqlStore::applyTransition)
        {
            QStringLiteral("ALTER TABLE audit ADD COLUMN request_id TEXT"),
            QStringLiteral("CREATE INDEX audit_by_request ON audit (request_id) WHERE request_id "
                           "IS NOT NULL"),
        },
    };
}

} // namespace daybreak
