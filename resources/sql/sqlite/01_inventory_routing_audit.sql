-- 1: inventory, routing pointers, parity results, append-only audit

CREATE TABLE pipelines (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, owner TEXT NOT NULL,
    schedule TEXT, onprem_minutes INTEGER NOT NULL CHECK (onprem_minutes > 0),
    cloud_minutes INTEGER NOT NULL CHECK (cloud_minutes > 0), onprem_p95_minutes INTEGER,
    cloud_p95_minutes INTEGER, sla TEXT,
    risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
    target TEXT NOT NULL CHECK (target IN ('cloud', 'onprem')),
    initial_state TEXT NOT NULL, parity_tolerance REAL NOT NULL, tags TEXT NOT NULL DEFAULT '');

CREATE TABLE routing (
    pipeline TEXT PRIMARY KEY REFERENCES pipelines (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('onprem', 'dual_run', 'cloud', 'decommissioned')),
    version INTEGER NOT NULL, updated_at TEXT NOT NULL);

CREATE TABLE parity_results (
    pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE, business_date TEXT NOT NULL,
    onprem_rows INTEGER NOT NULL CHECK (onprem_rows >= 0),
    cloud_rows INTEGER NOT NULL CHECK (cloud_rows >= 0),
    mismatched_rows INTEGER NOT NULL CHECK (mismatched_rows >= 0),
    max_rel_diff REAL NOT NULL CHECK (max_rel_diff >= 0), recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL, accepted_by TEXT, accepted_reason TEXT,
    PRIMARY KEY (pipeline, business_date));

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT
        NULL,
    pipeline TEXT, from_state TEXT, to_state TEXT, reason TEXT,
    break_glass INTEGER NOT NULL DEFAULT 0, unplanned INTEGER NOT NULL DEFAULT 0);

\ir ../common/01_inventory_routing_audit.sql

-- The audit log is evidence: the schema itself refuses to rewrite or erase it.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only: UPDATE refused');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only: DELETE refused');
END;
