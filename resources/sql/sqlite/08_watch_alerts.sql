-- 8: the watch's alerts (late start, overrun, a silent orchestrator) and alerts that
-- resolve themselves when their cause clears. SQLite cannot change a CHECK in place.

CREATE TABLE alerts_v8 (
    id INTEGER PRIMARY KEY AUTOINCREMENT, business_date TEXT NOT NULL,
    report TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('at_risk', 'breached', 'late_start',
    'overrun', 'silent')),
    raised_at TEXT NOT NULL, projected_finish TEXT, cause TEXT,
    hours_left REAL NOT NULL, message TEXT NOT NULL,
    acknowledged_by TEXT, acknowledged_at TEXT, resolved_at TEXT, resolved_reason TEXT,
    UNIQUE (business_date, report, status));

INSERT INTO alerts_v8 (id, business_date, report, status, raised_at, projected_finish, cause,
    hours_left, message, acknowledged_by, acknowledged_at) SELECT id, business_date, report,
    status, raised_at, projected_finish, cause, hours_left, message, acknowledged_by,
    acknowledged_at FROM alerts;

DROP TABLE alerts;

ALTER TABLE alerts_v8 RENAME TO alerts;
