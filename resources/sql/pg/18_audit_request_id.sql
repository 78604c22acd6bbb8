-- 18: each routing change's request id on its audit rows, so that a change whose COMMIT
-- answer was lost is found on reconnect (SqlStore::applyTransition). The client names it
-- for its transaction (PgStore::tagRequest); the rows daybreak_transition() writes take it.

\ir ../common/18_audit_request_id.sql

CREATE FUNCTION daybreak_audit_request() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.request_id := NULLIF(left(current_setting('daybreak.request_id', true), 64), '');
        RETURN NEW;
    END
$$;

CREATE TRIGGER audit_request BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION
    daybreak_audit_request();
