-- 5: the database user behind every audit row, set by the server so no client can forge it

\ir ../common/05_audit_db_user.sql

CREATE FUNCTION daybreak_audit_db_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.db_user := session_user;
        RETURN NEW;
    END
$$;

CREATE TRIGGER audit_db_user BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION
    daybreak_audit_db_user();
