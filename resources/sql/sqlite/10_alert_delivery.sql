-- 10: where alerts go (channels), every alert x channel delivery (the outbox), and the
-- lease that lets one of several watches deliver

\ir ../common/10_alert_delivery.sql

CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    channel TEXT NOT NULL REFERENCES channels (name) ON DELETE CASCADE,
    event TEXT NOT NULL CHECK (event IN ('trigger', 'resolve')),
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered')),
    attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL,
    last_error TEXT, delivered_at TEXT,
    UNIQUE (alert_id, channel, event));
