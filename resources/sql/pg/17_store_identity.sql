-- 17: the store's identity, which every host's last-known routing names, and the read
-- receipts, written by the server's own function with the server's time (any role reads
-- the routing, so any role leaves its receipt, and only that)

INSERT INTO settings (key, value) VALUES ('store_id', replace(gen_random_uuid()::text, '-', '')) ON
    CONFLICT (key) DO NOTHING;

CREATE TABLE route_readers (
    pipeline TEXT NOT NULL,
    host TEXT NOT NULL,
    caller TEXT NOT NULL,
    version BIGINT NOT NULL,
    seen_at TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (pipeline, host, caller)
);

CREATE FUNCTION daybreak_read_receipt(p_pipeline TEXT, p_host TEXT, p_caller TEXT, p_version
    BIGINT) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
    $$
    DECLARE
        at TEXT := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM routing WHERE pipeline = p_pipeline AND version = p_version)
            THEN
            RETURN false;
        END IF;
        INSERT INTO route_readers (pipeline, host, caller, version, seen_at, asked_at) VALUES
            (p_pipeline, left(p_host, 200), left(p_caller, 200), p_version, at, at) ON CONFLICT
            (pipeline, host, caller) DO UPDATE SET version = excluded.version, seen_at = CASE WHEN
            route_readers.version = excluded.version THEN route_readers.seen_at ELSE
            excluded.seen_at END, asked_at = excluded.asked_at;
        RETURN true;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_read_receipt(TEXT, TEXT, TEXT, BIGINT) FROM PUBLIC;

DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_operator') THEN
            GRANT SELECT ON route_readers TO daybreak_viewer, daybreak_planner, daybreak_operator;
            GRANT EXECUTE ON FUNCTION daybreak_read_receipt(TEXT, TEXT, TEXT, BIGINT) TO
                daybreak_viewer, daybreak_planner, daybreak_operator;
        END IF;
    END
$$;
