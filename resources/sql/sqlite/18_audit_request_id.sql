-- 18: each routing change's request id on its audit rows, so that a change whose COMMIT
-- answer was lost is found on reconnect (SqlStore::applyTransition)

\ir ../common/18_audit_request_id.sql
