-- 18: what both engines run alike (pg/ and sqlite/ 18_audit_request_id.sql include it)

ALTER TABLE audit ADD COLUMN request_id TEXT;

CREATE INDEX audit_by_request ON audit (request_id) WHERE request_id IS NOT NULL;
