-- 15: the change feed (ChangeFeed.h): every change of what a console shows, numbered and
-- written by a SECURITY DEFINER trigger in the change's own transaction, so consoles read
-- what changed instead of the whole store.

CREATE TABLE change_feed (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tbl TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT ''
);

-- Owned by the schema owner: nobody else writes the feed but through the triggers. They are
-- deferred to the commit, where the transaction lock makes the sequence's order the commit order
-- (a console that read up to N never meets an N-1 committed later) while holding it only for the
-- commit itself. Every 1,000th entry trims the feed to its newest 100,000.
CREATE FUNCTION daybreak_feed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path =
    public, pg_temp AS $$
    DECLARE
        row JSONB := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
        new_seq BIGINT;
    BEGIN
        PERFORM pg_advisory_xact_lock(7261, 15);
        INSERT INTO change_feed (tbl, key) VALUES (TG_TABLE_NAME, COALESCE(row->>TG_ARGV[0], ''))
            RETURNING seq INTO new_seq;
        IF new_seq % 1000 = 0 THEN
            DELETE FROM change_feed WHERE seq <= new_seq - 100000;
        END IF;
        RETURN NULL;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_feed() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER settings_feed AFTER INSERT OR UPDATE OR DELETE ON settings DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('key');

CREATE CONSTRAINT TRIGGER pipelines_feed AFTER INSERT OR UPDATE OR DELETE ON pipelines DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('id');

CREATE CONSTRAINT TRIGGER upstreams_feed AFTER INSERT OR UPDATE OR DELETE ON upstreams DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('pipeline');

CREATE CONSTRAINT TRIGGER routing_feed AFTER INSERT OR UPDATE OR DELETE ON routing DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('pipeline');

CREATE CONSTRAINT TRIGGER parity_results_feed AFTER INSERT OR UPDATE OR DELETE ON parity_results
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('pipeline');

CREATE CONSTRAINT TRIGGER waves_feed AFTER INSERT OR UPDATE OR DELETE ON waves DEFERRABLE INITIALLY
    DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('name');

CREATE CONSTRAINT TRIGGER wave_members_feed AFTER INSERT OR UPDATE OR DELETE ON wave_members
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('pipeline');

CREATE CONSTRAINT TRIGGER run_events_feed AFTER INSERT OR UPDATE OR DELETE ON run_events DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('pipeline');

CREATE CONSTRAINT TRIGGER alerts_feed AFTER INSERT OR UPDATE OR DELETE ON alerts DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('business_date');

CREATE CONSTRAINT TRIGGER change_requests_feed AFTER INSERT OR UPDATE OR DELETE ON change_requests
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('id');

CREATE CONSTRAINT TRIGGER audit_feed AFTER INSERT OR UPDATE OR DELETE ON audit DEFERRABLE INITIALLY
    DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('pipeline');

CREATE CONSTRAINT TRIGGER watches_feed AFTER INSERT OR UPDATE OR DELETE ON watches DEFERRABLE
    INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION daybreak_feed('id');
