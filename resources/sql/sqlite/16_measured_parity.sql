-- 16: parity measured by Daybreak: the warehouses of each side and what each pipeline
-- compares (JSON specs, never a password), and what each measured night found

\ir ../common/16_measured_parity.sql

-- A measured parity breach pages as an alert ('parity_breach'). SQLite cannot change a CHECK in
-- place, and the outbox refers to the alerts: the outbox is set aside, the alerts rebuilt, the
-- outbox put back, and the change feed's triggers on the alerts made again.
CREATE TABLE outbox_kept AS SELECT * FROM outbox;

DROP TABLE outbox;

CREATE TABLE alerts_v16 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    business_date TEXT NOT NULL,
    report TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('at_risk', 'breached', 'late_start', 'overrun',
        'silent', 'parity_breach')),
    raised_at TEXT NOT NULL,
    projected_finish TEXT,
    cause TEXT,
    hours_left REAL NOT NULL,
    message TEXT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TEXT,
    resolved_at TEXT,
    resolved_reason TEXT,
    UNIQUE (business_date, report, status)
);

INSERT INTO alerts_v16 SELECT id, business_date, report, status, raised_at, projected_finish,
    cause, hours_left, message, acknowledged_by, acknowledged_at, resolved_at, resolved_reason FROM
    alerts;

DROP TABLE alerts;

ALTER TABLE alerts_v16 RENAME TO alerts;

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    channel TEXT NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    event TEXT NOT NULL CHECK (event IN ('trigger', 'resolve')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    delivered_at TEXT,
    UNIQUE (alert_id, channel, event)
);

INSERT INTO outbox SELECT id, alert_id, channel, event, state, attempts, next_attempt_at,
    last_error, delivered_at FROM outbox_kept;

DROP TABLE outbox_kept;

CREATE TRIGGER alerts_feed_insert AFTER INSERT ON alerts
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('alerts', COALESCE(CAST(NEW.business_date AS TEXT),
        ''));
END;

CREATE TRIGGER alerts_feed_update AFTER UPDATE ON alerts
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('alerts', COALESCE(CAST(NEW.business_date AS TEXT),
        ''));
END;

CREATE TRIGGER alerts_feed_delete AFTER DELETE ON alerts
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('alerts', COALESCE(CAST(OLD.business_date AS TEXT),
        ''));
END;
