-- 10: what both engines run alike (pg/ and sqlite/ 10_alert_delivery.sql include it)

CREATE TABLE channels (name TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack', 'pagerduty',
    'email', 'command')),
    target TEXT NOT NULL, options TEXT NOT NULL DEFAULT '{}',
    created_by TEXT NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL,
    expires_at TEXT NOT NULL);
