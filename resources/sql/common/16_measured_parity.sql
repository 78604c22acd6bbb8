-- 16: what both engines run alike (pg/ and sqlite/ 16_measured_parity.sql include it)

CREATE TABLE parity_settings (kind TEXT NOT NULL CHECK (kind IN ('source', 'mapping')), name TEXT
    NOT NULL, spec TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, name));

CREATE TABLE parity_diffs (pipeline TEXT NOT NULL,
    business_date TEXT NOT NULL, measured_at TEXT NOT NULL,
    detail TEXT NOT NULL, PRIMARY KEY (pipeline, business_date));
