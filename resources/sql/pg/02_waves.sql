-- 2: weekend waves and their ordered membership; a pipeline sits in at most one wave

\ir ../common/02_waves.sql

CREATE TRIGGER waves_notify AFTER INSERT OR UPDATE OR DELETE ON waves FOR EACH STATEMENT EXECUTE
    FUNCTION daybreak_notify();

CREATE TRIGGER wave_members_notify AFTER INSERT OR UPDATE OR DELETE ON wave_members FOR EACH
    STATEMENT EXECUTE FUNCTION daybreak_notify();
