-- What each group role may do in this store's database. Run after roles.sql, and again by the
-- owner after every migration that adds tables (while the roles exist).

DO $$
    BEGIN
        EXECUTE 'GRANT CONNECT ON DATABASE ' || quote_ident(current_database())
            || ' TO daybreak_viewer, daybreak_planner, daybreak_operator';
    END
$$;

GRANT USAGE ON SCHEMA public TO daybreak_viewer, daybreak_planner, daybreak_operator;

-- viewer: reads everything, writes nothing
GRANT SELECT ON ALL TABLES IN SCHEMA public TO daybreak_viewer, daybreak_planner, daybreak_operator;

GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO daybreak_planner, daybreak_operator;

-- nobody but the owner inserts audit rows: each change's function writes its own (migrations 13
-- and 14)
REVOKE INSERT ON audit FROM daybreak_planner, daybreak_operator;

-- planner: the waves and the plan's version, only through daybreak_plan_change() (migration 14)
REVOKE INSERT, UPDATE, DELETE ON waves, wave_members FROM daybreak_planner;
REVOKE UPDATE ON settings FROM daybreak_planner;
GRANT EXECUTE ON FUNCTION daybreak_plan_change(BIGINT, JSONB, JSONB, JSONB, JSONB)
    TO daybreak_planner;

-- operator: routing, parity, the orchestrator's run events, alert acknowledgements
-- the routing pointer moves only through daybreak_transition() (migration 13)
REVOKE UPDATE ON routing FROM daybreak_operator;
GRANT EXECUTE ON FUNCTION daybreak_transition(TEXT, BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT,
    INTEGER, INTEGER, BIGINT, TEXT) TO daybreak_operator;

-- parity only through daybreak_record_parity() and daybreak_resolve_breach()
REVOKE INSERT, UPDATE ON parity_results FROM daybreak_operator;
GRANT EXECUTE ON FUNCTION daybreak_record_parity(JSONB, TEXT, TEXT, TEXT, TEXT, TEXT),
    daybreak_resolve_breach(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT) TO daybreak_operator;
GRANT INSERT ON run_events TO daybreak_operator;

-- acknowledging only through daybreak_ack_alert() (migration 14)
REVOKE UPDATE ON alerts FROM daybreak_operator;
GRANT EXECUTE ON FUNCTION daybreak_ack_alert(BIGINT, TEXT, TEXT, TEXT) TO daybreak_operator;

-- any console that can write runs the SLA sensors, which raise alerts
GRANT INSERT ON alerts TO daybreak_planner, daybreak_operator;
GRANT UPDATE (resolved_at, resolved_reason) ON alerts TO daybreak_planner, daybreak_operator;

-- the watch runs as an operator
GRANT INSERT, UPDATE, DELETE ON watches, outbox, leases, lineage_unmapped TO daybreak_operator;

-- channels and OpenLineage mappings through their functions, each with its audit row
REVOKE INSERT, UPDATE, DELETE ON channels, lineage_map FROM daybreak_operator;
GRANT EXECUTE ON FUNCTION daybreak_add_channel(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, JSONB),
    daybreak_remove_channel(TEXT, JSONB),
    daybreak_add_lineage_mapping(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, JSONB),
    daybreak_remove_lineage_mapping(BIGINT, JSONB),
    daybreak_record_run_history(JSONB, JSONB) TO daybreak_operator;

-- parity measured by Daybreak: sources, mappings and measured nights through their functions
-- (migration 16)
GRANT EXECUTE ON FUNCTION daybreak_put_parity_setting(TEXT, TEXT, TEXT, BOOLEAN, TEXT, TEXT, JSONB),
    daybreak_remove_parity_setting(TEXT, TEXT, JSONB),
    daybreak_record_parity_diff(TEXT, TEXT, TEXT, TEXT) TO daybreak_operator;

-- read receipts: every role that reads the routing leaves its receipt, through the server's
-- function and with the server's time (migration 17)
GRANT EXECUTE ON FUNCTION daybreak_read_receipt(TEXT, TEXT, TEXT, BIGINT)
    TO daybreak_viewer, daybreak_planner, daybreak_operator;

-- four eyes: operators ask and decide; the server's trigger names who did, refuses a requester
-- deciding their own request, and lets only an approver approve
REVOKE INSERT, UPDATE ON change_requests FROM daybreak_operator;
GRANT UPDATE (notified_at) ON change_requests TO daybreak_operator;
GRANT EXECUTE ON FUNCTION daybreak_add_change_request(TEXT, TEXT, TEXT, TEXT, TEXT, JSONB),
    daybreak_reject_change_request(BIGINT, TEXT, JSONB) TO daybreak_operator;

-- the approver: a capability beside the operator role (approving performs the change, which
-- takes the operator's grants too)
DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_approver') THEN
            EXECUTE 'GRANT CONNECT ON DATABASE ' || quote_ident(current_database())
                || ' TO daybreak_approver';
            GRANT USAGE ON SCHEMA public TO daybreak_approver;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO daybreak_approver;
        END IF;
    END
$$;
