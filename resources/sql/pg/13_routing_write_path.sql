-- 13: one write path for the routing pointer. Operators lose UPDATE on routing; every
-- move goes through daybreak_transition(), owned by the schema owner (SECURITY DEFINER),
-- which does the compare-and-set, carries out an approved request and writes the audit
-- rows in the same statement. An audit row of a routing change can be written only so,
-- and a row written by anyone but the owner names its session user as the actor.

-- The server's clock for the database's own rules. A throwaway test database
-- replaces it, as its owner, to follow the test's clock (as libfaketime would); the
-- owner of a store can change anything in it anyway.
CREATE FUNCTION daybreak_now() RETURNS TIMESTAMPTZ LANGUAGE sql STABLE AS $$
    SELECT now()
$$;

-- What the database itself refuses, as a backstop behind the C++ rules (which
-- explain and list every reason): a cutover, rollback or decommission outside the
-- change window or on a blackout date (a rollback with break-glass and a reason
-- excepted), a cutover before every upstream that moves is canonical in the cloud, and
-- a cutover without a passed parity gate. Each refusal names its rule.
CREATE FUNCTION daybreak_refusals(p_pipeline TEXT, p_action TEXT, p_break_glass INTEGER, p_reason
    TEXT) RETURNS TEXT[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE
        refusals TEXT[] := '{}';
        tz TEXT := COALESCE((SELECT value FROM settings WHERE key = 'timezone'), 'UTC');
        policy JSONB := COALESCE((SELECT value FROM settings WHERE key = 'change_window'),
            '{}')::jsonb;
        required INTEGER := COALESCE((SELECT value FROM settings WHERE key =
            'parity_runs_required'), '7')::integer;
        days TEXT[] := ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
            'sunday'];
        local_now TIMESTAMP := daybreak_now() AT TIME ZONE tz;
        today DATE := local_now::date;
        minute INTEGER := (extract(isodow FROM local_now)::integer - 1) * 1440 + extract(hour FROM
            local_now)::integer * 60 + extract(minute FROM local_now)::integer;
        first_minute INTEGER;
        last_minute INTEGER;
        inside BOOLEAN;
        tolerance DOUBLE PRECISION;
        nights DATE[];
        breaches BOOLEAN[];
        last_night DATE;
        first_night DATE;
        until DATE;
        d DATE;
        i INTEGER;
        clean INTEGER := 0;
        missing INTEGER := 0;
        open_breaches INTEGER := 0;
        up RECORD;
    BEGIN
        IF p_action IN ('cutover', 'rollback', 'decommission') AND NOT (p_action = 'rollback' AND
            p_break_glass = 1 AND btrim(COALESCE(p_reason, '')) <> '') THEN
            first_minute := (array_position(days, COALESCE(policy->>'start_day', 'saturday')) - 1)
                * 1440 + split_part(COALESCE(policy->>'start', '00:00'), ':', 1)::integer * 60 +
                split_part(COALESCE(policy->>'start', '00:00'), ':', 2)::integer;
            last_minute := (array_position(days, COALESCE(policy->>'end_day', 'sunday')) - 1) *
                1440 + split_part(COALESCE(policy->>'end', '23:59'), ':', 1)::integer * 60 +
                split_part(COALESCE(policy->>'end', '23:59'), ':', 2)::integer;
            inside := CASE WHEN first_minute <= last_minute THEN minute BETWEEN first_minute AND
                last_minute ELSE minute >= first_minute OR minute <= last_minute END;
            IF COALESCE(policy->'blackout_dates', '[]'::jsonb) ? today::text THEN
                refusals := refusals || format('change window: %s is a blackout date', today);
            ELSIF NOT inside THEN
                refusals := refusals || format('change window: %s %s is outside the weekly window',
                    to_char(local_now, 'Dy YYYY-MM-DD HH24:MI'), tz);
            END IF;
        END IF;
        IF p_action = 'cutover' THEN
            FOR up IN SELECT u.upstream, r.state FROM upstreams u JOIN pipelines p ON p.id =
                u.upstream JOIN routing r ON r.pipeline = u.upstream WHERE u.pipeline = p_pipeline
                AND p.target <> 'onprem' AND r.state NOT IN ('cloud', 'decommissioned') ORDER BY
                u.position LOOP
                refusals := refusals ||
                    format('dependency order: %s reads %s, which is still canonical on-prem (%s)',
                    p_pipeline, up.upstream, up.state);
            END LOOP;
            tolerance := (SELECT parity_tolerance FROM pipelines WHERE id = p_pipeline);
            SELECT array_agg(night ORDER BY night), array_agg(breach ORDER BY night) INTO nights,
                breaches FROM (SELECT business_date::date AS night, resolution IS NULL AND
                (greatest(abs(onprem_rows - cloud_rows)::float8 / greatest(onprem_rows, cloud_rows,
                1), mismatched_rows::float8 / greatest(onprem_rows, cloud_rows, 1), max_rel_diff) >
                tolerance OR COALESCE(checksum_match = 0, false)) AS breach FROM parity_results
                WHERE pipeline = p_pipeline AND business_date::date <= today + 1) r;
            IF nights IS NULL THEN
                refusals := refusals || format('parity gate: %s has no dual-run comparison',
                    p_pipeline);
            ELSE
                first_night := nights[1];
                last_night := nights[array_length(nights, 1)];
                until := CASE WHEN today = ANY (nights) THEN today ELSE today - 1 END;
                IF last_night > until THEN
                    until := last_night;
                END IF;
                FOR i IN 1 .. array_length(nights, 1) LOOP
                    IF breaches[i] THEN
                        open_breaches := open_breaches + 1;
                    END IF;
                END LOOP;
                d := until;
                WHILE d >= first_night AND d > until - required LOOP
                    IF NOT d = ANY (nights) THEN
                        missing := missing + 1;
                    END IF;
                    d := d - 1;
                END LOOP;
                d := until;
                WHILE d >= first_night LOOP
                    i := array_position(nights, d);
                    EXIT WHEN i IS NULL OR breaches[i];
                    clean := clean + 1;
                    d := d - 1;
                END LOOP;
                IF open_breaches > 0 OR missing > 0 THEN
                    refusals := refusals ||
                        format('parity gate: %s''s gate is failed (%s open breach(es), %s night(s) without a comparison)', p_pipeline, open_breaches, missing);
                ELSIF clean < required THEN
                    refusals := refusals ||
                        format('parity gate: %s''s gate is pending (%s of %s clean dual-run results)', p_pipeline, clean, required);
                END IF;
            END IF;
        END IF;
        RETURN refusals;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_refusals(TEXT, TEXT, INTEGER, TEXT) FROM PUBLIC;

CREATE FUNCTION daybreak_transition(p_pipeline TEXT, p_expected BIGINT, p_from TEXT, p_to TEXT,
    p_action TEXT, p_at TEXT, p_actor TEXT, p_reason TEXT, p_break_glass INTEGER, p_unplanned
    INTEGER, p_request BIGINT, p_approval_reason TEXT) RETURNS BIGINT LANGUAGE plpgsql SECURITY
    DEFINER SET search_path = public, pg_temp AS $$
    DECLARE
        moved BIGINT;
        refusals TEXT[];
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_operator' AND
            pg_has_role(session_user, oid, 'MEMBER')) AND NOT pg_has_role(session_user, (SELECT
            relowner FROM pg_class WHERE oid = 'routing'::regclass), 'MEMBER') THEN
            RAISE EXCEPTION 'the % of % needs the daybreak_operator role', p_action, p_pipeline
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (p_action, p_from, p_to) NOT IN (('dual_run', 'onprem', 'dual_run'), ('cutover',
            'dual_run', 'cloud'), ('rollback', 'cloud', 'dual_run'), ('decommission', 'cloud',
            'decommissioned')) THEN
            RAISE EXCEPTION 'no Daybreak change is a % from % to % (%)', p_action, p_from, p_to,
                p_pipeline USING ERRCODE = 'check_violation';
        END IF;
        IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =
            'routing'::regclass), 'MEMBER') THEN
            refusals := daybreak_refusals(p_pipeline, p_action, p_break_glass, p_reason);
            IF cardinality(refusals) > 0 THEN
                RAISE EXCEPTION 'refused by the database: % of %: %', p_action, p_pipeline,
                    array_to_string(refusals, '; ');
            END IF;
        END IF;
        UPDATE routing SET state = p_to, version = version + 1, updated_at = p_at WHERE pipeline =
            p_pipeline AND version = p_expected AND state = p_from RETURNING version INTO moved;
        IF moved IS NULL THEN
            RETURN NULL;
        END IF;
        IF p_request IS NOT NULL THEN
            UPDATE change_requests SET status = 'approved', decided_at = p_at WHERE id = p_request
                AND status = 'pending' AND requester <> session_user AND action = p_action AND
                pipeline = p_pipeline;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'change request % is not pending for % of %, or it is yours',
                    p_request, p_action, p_pipeline USING ERRCODE = 'serialization_failure';
            END IF;
            INSERT INTO audit (at, actor, action, pipeline, reason) VALUES (p_at, p_actor,
                'approve', p_pipeline, p_approval_reason);
        END IF;
        INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason, break_glass,
            unplanned) VALUES (p_at, p_actor, p_action, p_pipeline, p_from, p_to, NULLIF(p_reason,
            ''), p_break_glass, p_unplanned);
        RETURN moved;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_transition(TEXT, BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT,
    INTEGER, INTEGER, BIGINT, TEXT) FROM PUBLIC;

CREATE FUNCTION daybreak_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        owner OID := (SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass);
    BEGIN
        IF NOT pg_has_role(current_user, owner, 'MEMBER') AND NEW.action IN ('dual_run', 'cutover',
            'rollback', 'decommission', 'approve', 'parity_record', 'parity_import',
            'parity_accept', 'parity_explain') THEN
            RAISE EXCEPTION
                'an audit row of a % is written only with its change, by a daybreak function',
                NEW.action USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT pg_has_role(session_user, owner, 'MEMBER') THEN
            NEW.actor := session_user;
        END IF;
        RETURN NEW;
    END
$$;

-- Parity the same way: a comparison or a breach's resolution only with its audit
-- row, recorded and resolved in the session user's name (the owner's own paths, the
-- demo's history, keep what they are given).
CREATE FUNCTION daybreak_record_parity(p_rows JSONB, p_at TEXT, p_actor TEXT, p_action TEXT,
    p_pipeline TEXT, p_reason TEXT) RETURNS INTEGER LANGUAGE plpgsql SECURITY DEFINER SET
    search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =
            'parity_results'::regclass), 'MEMBER');
        r RECORD;
        n INTEGER := 0;
    BEGIN
        IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_operator'
            AND pg_has_role(session_user, oid, 'MEMBER')) THEN
            RAISE EXCEPTION 'recording parity needs the daybreak_operator role' USING ERRCODE =
                'insufficient_privilege';
        END IF;
        IF p_action NOT IN ('parity_record', 'parity_import') THEN
            RAISE EXCEPTION '% is not a parity recording', p_action USING ERRCODE =
                'check_violation';
        END IF;
        FOR r IN SELECT * FROM jsonb_to_recordset(p_rows) AS x(pipeline TEXT, business_date TEXT,
            onprem_rows BIGINT, cloud_rows BIGINT, mismatched_rows BIGINT, max_rel_diff DOUBLE
            PRECISION, recorded_at TEXT, recorded_by TEXT, accepted_by TEXT, accepted_reason TEXT,
            resolution TEXT, resolved_at TEXT, checksum_match INTEGER, note TEXT) LOOP
            INSERT INTO parity_results (pipeline, business_date, onprem_rows, cloud_rows,
                mismatched_rows, max_rel_diff, recorded_at, recorded_by, accepted_by,
                accepted_reason, resolution, resolved_at, checksum_match, note) VALUES (r.pipeline,
                r.business_date, r.onprem_rows, r.cloud_rows, r.mismatched_rows, r.max_rel_diff,
                r.recorded_at, CASE WHEN trusted THEN r.recorded_by ELSE session_user END, CASE
                WHEN trusted THEN r.accepted_by END, CASE WHEN trusted THEN r.accepted_reason END,
                CASE WHEN trusted THEN r.resolution END, CASE WHEN trusted THEN r.resolved_at END,
                r.checksum_match, COALESCE(r.note, '')) ON CONFLICT (pipeline, business_date) DO
                UPDATE SET onprem_rows = excluded.onprem_rows, cloud_rows = excluded.cloud_rows,
                mismatched_rows = excluded.mismatched_rows, max_rel_diff = excluded.max_rel_diff,
                recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by, accepted_by
                = excluded.accepted_by, accepted_reason = excluded.accepted_reason, resolution =
                excluded.resolution, resolved_at = excluded.resolved_at, checksum_match =
                excluded.checksum_match, note = excluded.note;
            n := n + 1;
        END LOOP;
        INSERT INTO audit (at, actor, action, pipeline, reason) VALUES (p_at, p_actor, p_action,
            NULLIF(p_pipeline, ''), NULLIF(p_reason, ''));
        RETURN n;
    END
$$;

CREATE FUNCTION daybreak_resolve_breach(p_pipeline TEXT, p_date TEXT, p_resolution TEXT, p_at TEXT,
    p_actor TEXT, p_action TEXT, p_reason TEXT) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =
            'parity_results'::regclass), 'MEMBER');
    BEGIN
        IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_operator'
            AND pg_has_role(session_user, oid, 'MEMBER')) THEN
            RAISE EXCEPTION 'resolving a parity breach needs the daybreak_operator role' USING
                ERRCODE = 'insufficient_privilege';
        END IF;
        IF (p_action, p_resolution) NOT IN (('parity_accept', 'accepted'), ('parity_explain',
            'legacy_bug'), ('parity_explain', 'new_bug')) THEN
            RAISE EXCEPTION '% % is not a breach resolution', p_action, p_resolution USING ERRCODE
                = 'check_violation';
        END IF;
        UPDATE parity_results SET resolution = p_resolution, accepted_by = CASE WHEN trusted THEN
            p_actor ELSE session_user END, accepted_reason = p_reason, resolved_at = p_at WHERE
            pipeline = p_pipeline AND business_date = p_date AND resolution IS NULL;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        INSERT INTO audit (at, actor, action, pipeline, to_state, reason) VALUES (p_at, p_actor,
            p_action, p_pipeline, p_resolution, NULLIF(p_reason, ''));
        RETURN true;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_record_parity(JSONB, TEXT, TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;

REVOKE ALL ON FUNCTION daybreak_resolve_breach(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT) FROM
    PUBLIC;

DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_operator') THEN
            REVOKE INSERT, UPDATE ON parity_results FROM daybreak_operator;
        END IF;
    END
$$;

CREATE TRIGGER audit_guard BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION
    daybreak_audit_guard();

DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_operator') THEN
            REVOKE UPDATE ON routing FROM daybreak_operator;
        END IF;
    END
$$;
