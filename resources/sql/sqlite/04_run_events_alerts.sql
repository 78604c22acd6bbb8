-- 4: the orchestrator's run events and the SLA sensors' alerts

CREATE TABLE run_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE, business_date TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('onprem', 'cloud')),
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'started', 'succeeded', 'failed',
        'retrying')),
    at TEXT NOT NULL, recorded_by TEXT NOT NULL);

\ir ../common/04_run_events_alerts.sql

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, business_date TEXT NOT NULL, report TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('at_risk', 'breached')), raised_at TEXT NOT NULL,
    projected_finish TEXT, cause TEXT, hours_left REAL NOT NULL, message TEXT NOT NULL,
    acknowledged_by TEXT, acknowledged_at TEXT, UNIQUE (business_date, report, status));
