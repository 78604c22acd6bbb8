-- 7: as on SQLite, an insert onto an existing audit id is refused as a rewrite before any
-- conflict handling (ON CONFLICT DO UPDATE would meet the UPDATE trigger anyway)

CREATE FUNCTION daybreak_audit_no_overwrite() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) THEN
            RAISE EXCEPTION 'audit rows are append-only: rewriting row % refused', NEW.id;
        END IF;
        RETURN NEW;
    END
$$;

CREATE TRIGGER audit_no_overwrite BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION
    daybreak_audit_no_overwrite();
