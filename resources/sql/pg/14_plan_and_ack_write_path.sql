-- 14: every other audited change the same way, so nobody but the owner inserts into
-- audit. Planners lose INSERT, UPDATE and DELETE on waves and wave_members and UPDATE on
-- settings: daybreak_plan_change() does the plan's compare-and-set, the waves and their
-- audit rows in one statement. Operators lose INSERT on audit, UPDATE on alerts but for
-- resolving them, and direct writes on channels, lineage_map and change_requests (but
-- for the watch's notified_at): daybreak_ack_alert(), daybreak_add_channel() and the
-- rest each write their change and its audit row. The audit guard refuses any audit row
-- written outside a function and (four eyes) a routing change whose policy wants
-- another operator's approval that the same call did not carry out.

CREATE FUNCTION daybreak_plan_change(p_expected BIGINT, p_renames JSONB, p_removes JSONB, p_waves
    JSONB, p_audit JSONB) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path =
    public, pg_temp AS $$
    DECLARE
        r RECORD;
        w RECORD;
        m RECORD;
        a RECORD;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_planner' AND
            pg_has_role(session_user, oid, 'MEMBER')) AND NOT pg_has_role(session_user, (SELECT
            relowner FROM pg_class WHERE oid = 'waves'::regclass), 'MEMBER') THEN
            RAISE EXCEPTION 'changing the wave plan needs the daybreak_planner role' USING ERRCODE
                = 'insufficient_privilege';
        END IF;
        UPDATE settings SET value = (value::bigint + 1)::text WHERE key = 'plan_version' AND
            (p_expected < 0 OR value = p_expected::text);
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        FOR r IN SELECT * FROM jsonb_to_recordset(p_renames) AS x(old_name TEXT, new_name TEXT) LOOP
            UPDATE waves SET name = r.new_name WHERE name = r.old_name;
        END LOOP;
        DELETE FROM waves WHERE name IN (SELECT jsonb_array_elements_text(p_removes));
        FOR w IN SELECT * FROM jsonb_to_recordset(p_waves) AS x(name TEXT, wave_date TEXT,
            window_start TEXT, window_end TEXT, capacity INTEGER, max_high_risk INTEGER, members
            JSONB) LOOP
            INSERT INTO waves (name, wave_date, window_start, window_end, capacity, max_high_risk)
                VALUES (w.name, w.wave_date, w.window_start, w.window_end, w.capacity,
                w.max_high_risk) ON CONFLICT (name) DO UPDATE SET wave_date = excluded.wave_date,
                window_start = excluded.window_start, window_end = excluded.window_end, capacity =
                excluded.capacity, max_high_risk = excluded.max_high_risk;
            DELETE FROM wave_members WHERE wave = w.name;
            FOR m IN SELECT e.pipeline, e.n - 1 AS position FROM
                jsonb_array_elements_text(w.members) WITH ORDINALITY AS e(pipeline, n) LOOP
                DELETE FROM wave_members WHERE pipeline = m.pipeline;
                INSERT INTO wave_members (pipeline, wave, position) VALUES (m.pipeline, w.name,
                    m.position);
            END LOOP;
        END LOOP;
        FOR a IN SELECT * FROM jsonb_to_recordset(p_audit) AS x(at TEXT, actor TEXT, action TEXT,
            pipeline TEXT, from_state TEXT, to_state TEXT, reason TEXT) LOOP
            IF left(a.action, 5) <> 'wave_' THEN
                RAISE EXCEPTION '% is not a change of the wave plan', a.action USING ERRCODE =
                    'check_violation';
            END IF;
            INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason) VALUES
                (a.at, a.actor, a.action, NULLIF(a.pipeline, ''), NULLIF(a.from_state, ''),
                NULLIF(a.to_state, ''), NULLIF(a.reason, ''));
        END LOOP;
        RETURN true;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_plan_change(BIGINT, JSONB, JSONB, JSONB, JSONB) FROM PUBLIC;

CREATE FUNCTION daybreak_ack_alert(p_id BIGINT, p_at TEXT, p_actor TEXT, p_reason TEXT) RETURNS
    BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =
            'alerts'::regclass), 'MEMBER');
    BEGIN
        IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_operator'
            AND pg_has_role(session_user, oid, 'MEMBER')) THEN
            RAISE EXCEPTION 'acknowledging an alert needs the daybreak_operator role' USING ERRCODE
                = 'insufficient_privilege';
        END IF;
        UPDATE alerts SET acknowledged_by = CASE WHEN trusted THEN p_actor ELSE session_user END,
            acknowledged_at = p_at WHERE id = p_id AND acknowledged_by IS NULL;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        INSERT INTO audit (at, actor, action, reason) VALUES (p_at, p_actor, 'alert_ack',
            NULLIF(p_reason, ''));
        RETURN true;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_ack_alert(BIGINT, TEXT, TEXT, TEXT) FROM PUBLIC;

-- The audit row of a change, from the client's JSON, as the functions below write
-- it (not granted to anyone: it needs INSERT on audit, which only the owner holds).
CREATE FUNCTION daybreak_audit_row(p_audit JSONB, p_action TEXT, p_reason TEXT DEFAULT NULL)
    RETURNS VOID LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
    BEGIN
        IF p_audit->>'action' IS DISTINCT FROM p_action THEN
            RAISE EXCEPTION '% is not a %', p_audit->>'action', p_action USING ERRCODE =
                'check_violation';
        END IF;
        INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason) VALUES
            (p_audit->>'at', p_audit->>'actor', p_action, NULLIF(p_audit->> 'pipeline', ''),
            NULLIF(p_audit->>'from_state', ''), NULLIF(p_audit->> 'to_state', ''),
            NULLIF(COALESCE(p_reason, p_audit->>'reason'), ''));
    END
$$;

REVOKE ALL ON FUNCTION daybreak_audit_row(JSONB, TEXT, TEXT) FROM PUBLIC;

-- Whether the session user may do what needs `role` (the owner may do everything).
CREATE FUNCTION daybreak_require(p_role TEXT, p_what TEXT) RETURNS BOOLEAN LANGUAGE plpgsql SET
    search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =
            'audit'::regclass), 'MEMBER');
    BEGIN
        IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role AND
            pg_has_role(session_user, oid, 'MEMBER')) THEN
            RAISE EXCEPTION '% needs the % role', p_what, p_role USING ERRCODE =
                'insufficient_privilege';
        END IF;
        RETURN trusted;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_require(TEXT, TEXT) FROM PUBLIC;

CREATE FUNCTION daybreak_add_channel(p_name TEXT, p_kind TEXT, p_target TEXT, p_options TEXT,
    p_created_by TEXT, p_created_at TEXT, p_audit JSONB) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY
    DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := daybreak_require('daybreak_operator', 'adding a delivery channel');
    BEGIN
        INSERT INTO channels (name, kind, target, options, created_by, created_at) VALUES (p_name,
            p_kind, p_target, p_options, CASE WHEN trusted THEN p_created_by ELSE session_user END,
            p_created_at) ON CONFLICT (name) DO NOTHING;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, 'channel_add');
        RETURN true;
    END
$$;

CREATE FUNCTION daybreak_remove_channel(p_name TEXT, p_audit JSONB) RETURNS BOOLEAN LANGUAGE
    plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM daybreak_require('daybreak_operator', 'removing a delivery channel');
        DELETE FROM channels WHERE name = p_name;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, 'channel_remove');
        RETURN true;
    END
$$;

CREATE FUNCTION daybreak_add_lineage_mapping(p_namespace TEXT, p_pattern TEXT, p_pipeline TEXT,
    p_side TEXT, p_created_by TEXT, p_created_at TEXT, p_audit JSONB) RETURNS BOOLEAN LANGUAGE
    plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := daybreak_require('daybreak_operator', 'mapping OpenLineage jobs');
    BEGIN
        INSERT INTO lineage_map (namespace, job_pattern, pipeline, side, created_by, created_at)
            VALUES (p_namespace, p_pattern, p_pipeline, p_side, CASE WHEN trusted THEN p_created_by
            ELSE session_user END, p_created_at) ON CONFLICT (namespace, job_pattern, side) DO
            NOTHING;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, 'lineage_map_add');
        RETURN true;
    END
$$;

CREATE FUNCTION daybreak_remove_lineage_mapping(p_id BIGINT, p_audit JSONB) RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM daybreak_require('daybreak_operator', 'mapping OpenLineage jobs');
        DELETE FROM lineage_map WHERE id = p_id;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, 'lineage_map_remove');
        RETURN true;
    END
$$;

-- The request's trigger names the session user as who asks and who decides.
CREATE FUNCTION daybreak_add_change_request(p_created_at TEXT, p_action TEXT, p_pipeline TEXT,
    p_reason TEXT, p_expires_at TEXT, p_audit JSONB) RETURNS BIGINT LANGUAGE plpgsql SECURITY
    DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        new_id BIGINT;
    BEGIN
        PERFORM daybreak_require('daybreak_operator', 'asking for a change');
        INSERT INTO change_requests (created_at, requester, action, pipeline, reason, expires_at,
            status) VALUES (p_created_at, session_user, p_action, p_pipeline, p_reason,
            p_expires_at, 'pending') RETURNING id INTO new_id;
        PERFORM daybreak_audit_row(p_audit, 'request', format('request #%s: %s', new_id,
            p_audit->>'reason'));
        RETURN new_id;
    END
$$;

CREATE FUNCTION daybreak_reject_change_request(p_id BIGINT, p_reason TEXT, p_audit JSONB) RETURNS
    BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM daybreak_require('daybreak_operator', 'deciding a change request');
        UPDATE change_requests SET status = 'rejected', decided_by = session_user, decided_at =
            p_audit->>'at', decision_reason = p_reason WHERE id = p_id AND status = 'pending' AND
            requester <> session_user;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, 'reject');
        RETURN true;
    END
$$;

CREATE FUNCTION daybreak_record_run_history(p_events JSONB, p_audit JSONB) RETURNS INTEGER LANGUAGE
    plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := daybreak_require('daybreak_operator', 'recording run history');
        n INTEGER;
    BEGIN
        INSERT INTO run_events (pipeline, business_date, side, state, at, recorded_by) SELECT
            e.pipeline, e.business_date, e.side, e.state, e.at, CASE WHEN trusted THEN
            e.recorded_by ELSE session_user END FROM jsonb_to_recordset(p_events) AS e(pipeline
            TEXT, business_date TEXT, side TEXT, state TEXT, at TEXT, recorded_by TEXT);
        GET DIAGNOSTICS n = ROW_COUNT;
        PERFORM daybreak_audit_row(p_audit, 'run_history');
        RETURN n;
    END
$$;

CREATE OR REPLACE FUNCTION daybreak_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        owner OID := (SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass);
        policy TEXT;
    BEGIN
        IF NOT pg_has_role(current_user, owner, 'MEMBER') THEN
            RAISE EXCEPTION
                'an audit row of a % is written only with its change, by a daybreak function',
                NEW.action USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT pg_has_role(session_user, owner, 'MEMBER') AND NEW.action IN ('cutover', 'rollback',
            'decommission') AND NOT (NEW.action = 'rollback' AND NEW.break_glass = 1) THEN
            policy := COALESCE((SELECT value FROM settings WHERE key = 'approvals'), 'none');
            IF (policy = 'all' OR (policy = 'high-risk' AND (SELECT risk FROM pipelines WHERE id =
                NEW.pipeline) = 'high')) AND NOT EXISTS (SELECT 1 FROM change_requests WHERE
                pipeline = NEW.pipeline AND action = NEW.action AND status = 'approved' AND
                decided_at = NEW.at AND decided_by = session_user) THEN
                RAISE EXCEPTION
                    'refused by the database: % of %: four eyes: approvals are %, so it needs a change request another operator approves', NEW.action, NEW.pipeline, policy USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
        IF NOT pg_has_role(session_user, owner, 'MEMBER') THEN
            NEW.actor := session_user;
        END IF;
        RETURN NEW;
    END
$$;

DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_planner') THEN
            REVOKE INSERT, UPDATE, DELETE ON waves, wave_members FROM daybreak_planner;
            REVOKE UPDATE ON settings FROM daybreak_planner;
        END IF;
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_operator') THEN
            REVOKE UPDATE ON alerts FROM daybreak_operator;
            GRANT UPDATE (resolved_at, resolved_reason) ON alerts TO daybreak_operator;
            REVOKE INSERT ON audit FROM daybreak_operator;
            REVOKE INSERT, UPDATE, DELETE ON channels, lineage_map, change_requests FROM
                daybreak_operator;
            GRANT UPDATE (notified_at) ON change_requests TO daybreak_operator;
        END IF;
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_planner') THEN
            REVOKE INSERT ON audit FROM daybreak_planner;
        END IF;
    END
$$;
