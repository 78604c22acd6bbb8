-- 11: which OpenLineage job is which pipeline and side, and the jobs no mapping took

CREATE TABLE lineage_map (id INTEGER PRIMARY KEY AUTOINCREMENT,
    namespace TEXT NOT NULL, job_pattern TEXT NOT NULL,
    pipeline TEXT, side TEXT NOT NULL CHECK (side IN ('onprem', 'cloud')),
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    UNIQUE (namespace, job_pattern, side));

\ir ../common/11_lineage_map.sql
