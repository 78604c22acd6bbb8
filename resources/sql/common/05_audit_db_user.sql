-- 5: what both engines run alike (pg/ and sqlite/ 05_audit_db_user.sql include it)

ALTER TABLE audit ADD COLUMN db_user TEXT;
