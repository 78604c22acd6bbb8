-- 1: what both engines run alike (pg/ and sqlite/ 01_inventory_routing_audit.sql include it)

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE upstreams (
    pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    upstream TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, PRIMARY KEY (pipeline, upstream));

CREATE INDEX audit_by_pipeline ON audit (pipeline, id);
