--
-- PostgreSQL database dump
--

\restrict y5CNHeZQebnw7ieVO7jzjj3sG3mz6kulvvuifZfaovJukksrMfcFEqpbhqgNUva

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: daybreak_ack_alert(bigint, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_ack_alert(p_id bigint, p_at text, p_actor text, p_reason text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM  pg_class WHERE oid = 'alerts'::regclass), 'MEMBER'); BEGIN IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname =  'daybreak_operator' AND pg_has_role(session_user, oid, 'MEMBER')) THEN RAISE  EXCEPTION 'acknowledging an alert needs the daybreak_operator role' USING  ERRCODE = 'insufficient_privilege'; END IF; UPDATE alerts SET acknowledged_by = CASE WHEN trusted THEN p_actor ELSE  session_user END, acknowledged_at = p_at WHERE id = p_id AND acknowledged_by  IS NULL; IF NOT FOUND THEN RETURN false; END IF; INSERT INTO audit (at, actor, action, reason) VALUES (p_at, p_actor,  'alert_ack', NULLIF(p_reason, '')); RETURN true; END $$;


--
-- Name: daybreak_add_change_request(text, text, text, text, text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_add_change_request(p_created_at text, p_action text, p_pipeline text, p_reason text, p_expires_at text, p_audit jsonb) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE new_id BIGINT; BEGIN PERFORM daybreak_require('daybreak_operator', 'asking for a change'); INSERT INTO change_requests (created_at, requester, action, pipeline, reason,  expires_at, status) VALUES (p_created_at, session_user, p_action, p_pipeline,  p_reason, p_expires_at, 'pending') RETURNING id INTO new_id; PERFORM daybreak_audit_row(p_audit, 'request', format('request #%s: %s',  new_id, p_audit->>'reason')); RETURN new_id; END $$;


--
-- Name: daybreak_add_channel(text, text, text, text, text, text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_add_channel(p_name text, p_kind text, p_target text, p_options text, p_created_by text, p_created_at text, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := daybreak_require('daybreak_operator',  'adding a delivery channel'); BEGIN INSERT INTO channels (name, kind, target, options, created_by, created_at)  VALUES (p_name, p_kind, p_target, p_options, CASE WHEN trusted THEN  p_created_by ELSE session_user END, p_created_at) ON CONFLICT (name) DO  NOTHING; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, 'channel_add'); RETURN true; END $$;


--
-- Name: daybreak_add_lineage_mapping(text, text, text, text, text, text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_add_lineage_mapping(p_namespace text, p_pattern text, p_pipeline text, p_side text, p_created_by text, p_created_at text, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN :=  daybreak_require('daybreak_operator', 'mapping OpenLineage jobs'); BEGIN INSERT INTO lineage_map (namespace, job_pattern, pipeline, side, created_by,  created_at) VALUES (p_namespace, p_pattern, p_pipeline, p_side, CASE WHEN  trusted THEN p_created_by ELSE session_user END, p_created_at) ON CONFLICT  (namespace, job_pattern, side) DO NOTHING; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, 'lineage_map_add'); RETURN true; END $$;


--
-- Name: daybreak_audit_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'audit rows are append-only: % refused', TG_OP; END $$;


--
-- Name: daybreak_audit_db_user(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_audit_db_user() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.db_user := session_user; RETURN NEW; END $$;


--
-- Name: daybreak_audit_guard(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_audit_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ DECLARE owner OID := (SELECT relowner FROM pg_class WHERE oid = 'audit'::regclass); policy TEXT; BEGIN IF NOT pg_has_role(current_user, owner, 'MEMBER') THEN  RAISE EXCEPTION 'an audit row of a % is written only with its change, by a daybreak function', NEW.action USING ERRCODE = 'insufficient_privilege'; END IF; IF NOT pg_has_role(session_user, owner, 'MEMBER') AND NEW.action IN  ('cutover', 'rollback', 'decommission') AND NOT (NEW.action = 'rollback' AND  NEW.break_glass = 1) THEN  policy := COALESCE((SELECT value FROM settings WHERE key = 'approvals'),   'none');  IF (policy = 'all' OR (policy = 'high-risk' AND (SELECT risk FROM pipelines   WHERE id = NEW.pipeline) = 'high')) AND NOT EXISTS (SELECT 1 FROM   change_requests WHERE pipeline = NEW.pipeline AND action = NEW.action AND   status = 'approved' AND decided_at = NEW.at AND decided_by = session_user)   THEN RAISE EXCEPTION 'refused by the database: % of %: four eyes: approvals are %, so it needs a change request another operator approves', NEW.action, NEW.pipeline, policy USING ERRCODE = 'insufficient_privilege';  END IF; END IF; IF NOT pg_has_role(session_user, owner, 'MEMBER') THEN  NEW.actor := session_user; END IF; RETURN NEW; END $$;


--
-- Name: daybreak_audit_no_overwrite(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_audit_no_overwrite() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN IF EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) THEN RAISE EXCEPTION 'audit rows are append-only: rewriting row % refused', NEW.id; END IF; RETURN NEW; END $$;


--
-- Name: daybreak_audit_request(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_audit_request() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.request_id := NULLIF(left(current_setting('daybreak.request_id', true), 64), ''); RETURN NEW; END $$;


--
-- Name: daybreak_audit_row(jsonb, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_audit_row(p_audit jsonb, p_action text, p_reason text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$ BEGIN IF p_audit->>'action' IS DISTINCT FROM p_action THEN RAISE EXCEPTION  '% is not a %', p_audit->>'action', p_action USING ERRCODE =  'check_violation'; END IF; INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason)  VALUES (p_audit->>'at', p_audit->>'actor', p_action, NULLIF(p_audit->> 'pipeline', ''), NULLIF(p_audit->>'from_state', ''), NULLIF(p_audit->> 'to_state', ''), NULLIF(COALESCE(p_reason, p_audit->>'reason'), '')); END $$;


--
-- Name: daybreak_feed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_feed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE row JSONB := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END); new_seq BIGINT; BEGIN PERFORM pg_advisory_xact_lock(7261, 15); INSERT INTO change_feed (tbl, key) VALUES (TG_TABLE_NAME, COALESCE(row->>TG_ARGV[0], '')) RETURNING seq INTO new_seq; IF new_seq % 1000 = 0 THEN DELETE FROM change_feed WHERE seq <= new_seq - 100000; END IF; RETURN NULL; END $$;


--
-- Name: daybreak_notify(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN PERFORM pg_notify('daybreak_changes', TG_TABLE_NAME); RETURN NULL; END $$;


--
-- Name: daybreak_now(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_now() RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    AS $$ SELECT now() $$;


--
-- Name: daybreak_plan_change(bigint, jsonb, jsonb, jsonb, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_plan_change(p_expected bigint, p_renames jsonb, p_removes jsonb, p_waves jsonb, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE r RECORD; w RECORD; m RECORD; a RECORD; BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_planner' AND  pg_has_role(session_user, oid, 'MEMBER')) AND NOT pg_has_role(session_user,  (SELECT relowner FROM pg_class WHERE oid = 'waves'::regclass), 'MEMBER') THEN  RAISE EXCEPTION 'changing the wave plan needs the daybreak_planner role' USING  ERRCODE = 'insufficient_privilege'; END IF; UPDATE settings SET value = (value::bigint + 1)::text WHERE key =  'plan_version' AND (p_expected < 0 OR value = p_expected::text); IF NOT FOUND THEN RETURN false; END IF; FOR r IN SELECT * FROM jsonb_to_recordset(p_renames) AS x(old_name TEXT,  new_name TEXT) LOOP  UPDATE waves SET name = r.new_name WHERE name = r.old_name; END LOOP; DELETE FROM waves WHERE name IN (SELECT jsonb_array_elements_text(p_removes)); FOR w IN SELECT * FROM jsonb_to_recordset(p_waves) AS x(name TEXT, wave_date  TEXT, window_start TEXT, window_end TEXT, capacity INTEGER, max_high_risk  INTEGER, members JSONB) LOOP  INSERT INTO waves (name, wave_date, window_start, window_end, capacity,   max_high_risk) VALUES (w.name, w.wave_date, w.window_start, w.window_end,   w.capacity, w.max_high_risk) ON CONFLICT (name) DO UPDATE SET wave_date =   excluded.wave_date, window_start = excluded.window_start, window_end =   excluded.window_end, capacity = excluded.capacity, max_high_risk =   excluded.max_high_risk;  DELETE FROM wave_members WHERE wave = w.name;  FOR m IN SELECT e.pipeline, e.n - 1 AS position FROM   jsonb_array_elements_text(w.members) WITH ORDINALITY AS e(pipeline, n) LOOP   DELETE FROM wave_members WHERE pipeline = m.pipeline;   INSERT INTO wave_members (pipeline, wave, position) VALUES (m.pipeline,    w.name, m.position);  END LOOP; END LOOP; FOR a IN SELECT * FROM jsonb_to_recordset(p_audit) AS x(at TEXT, actor TEXT,  action TEXT, pipeline TEXT, from_state TEXT, to_state TEXT, reason TEXT) LOOP  IF left(a.action, 5) <> 'wave_' THEN RAISE EXCEPTION   '% is not a change of the wave plan', a.action USING ERRCODE =   'check_violation'; END IF;  INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason)   VALUES (a.at, a.actor, a.action, NULLIF(a.pipeline, ''), NULLIF(a.from_state,   ''), NULLIF(a.to_state, ''), NULLIF(a.reason, '')); END LOOP; RETURN true; END $$;


--
-- Name: daybreak_put_parity_setting(text, text, text, boolean, text, text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_put_parity_setting(p_kind text, p_name text, p_spec text, p_must_be_new boolean, p_by text, p_at text, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := daybreak_require('daybreak_operator',  'changing what parity compares'); BEGIN IF p_must_be_new THEN  INSERT INTO parity_settings (kind, name, spec, updated_by, updated_at) VALUES   (p_kind, p_name, p_spec, CASE WHEN trusted THEN p_by ELSE session_user END,   p_at) ON CONFLICT (kind, name) DO NOTHING; ELSE  INSERT INTO parity_settings (kind, name, spec, updated_by, updated_at) VALUES   (p_kind, p_name, p_spec, CASE WHEN trusted THEN p_by ELSE session_user END,   p_at) ON CONFLICT (kind, name) DO UPDATE SET spec = excluded.spec,   updated_by = excluded.updated_by, updated_at = excluded.updated_at; END IF; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, CASE p_kind WHEN 'source' THEN  'parity_source_add' ELSE 'parity_map' END); RETURN true; END $$;


--
-- Name: daybreak_read_receipt(text, text, text, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_read_receipt(p_pipeline text, p_host text, p_caller text, p_version bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE at TEXT := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'); BEGIN IF NOT EXISTS (SELECT 1 FROM routing WHERE pipeline = p_pipeline AND version =  p_version) THEN RETURN false; END IF; INSERT INTO route_readers (pipeline, host, caller, version, seen_at, asked_at)  VALUES (p_pipeline, left(p_host, 200), left(p_caller, 200), p_version, at, at)  ON CONFLICT (pipeline, host, caller) DO UPDATE SET version = excluded.version,  seen_at = CASE WHEN route_readers.version = excluded.version THEN  route_readers.seen_at ELSE excluded.seen_at END, asked_at = excluded.asked_at; RETURN true; END $$;


--
-- Name: daybreak_record_parity(jsonb, text, text, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_record_parity(p_rows jsonb, p_at text, p_actor text, p_action text, p_pipeline text, p_reason text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM  pg_class WHERE oid = 'parity_results'::regclass), 'MEMBER'); r RECORD;  n INTEGER := 0; BEGIN IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname =  'daybreak_operator' AND pg_has_role(session_user, oid, 'MEMBER')) THEN RAISE  EXCEPTION 'recording parity needs the daybreak_operator role' USING ERRCODE =  'insufficient_privilege'; END IF; IF p_action NOT IN ('parity_record', 'parity_import') THEN RAISE EXCEPTION  '% is not a parity recording', p_action USING ERRCODE = 'check_violation'; END IF; FOR r IN SELECT * FROM jsonb_to_recordset(p_rows) AS x(pipeline TEXT,  business_date TEXT, onprem_rows BIGINT, cloud_rows BIGINT, mismatched_rows  BIGINT, max_rel_diff DOUBLE PRECISION, recorded_at TEXT, recorded_by TEXT,  accepted_by TEXT, accepted_reason TEXT, resolution TEXT, resolved_at TEXT,  checksum_match INTEGER, note TEXT) LOOP  INSERT INTO parity_results (pipeline, business_date, onprem_rows, cloud_rows,   mismatched_rows, max_rel_diff, recorded_at, recorded_by, accepted_by,   accepted_reason, resolution, resolved_at, checksum_match, note) VALUES   (r.pipeline, r.business_date, r.onprem_rows, r.cloud_rows, r.mismatched_rows,   r.max_rel_diff, r.recorded_at, CASE WHEN trusted THEN r.recorded_by ELSE   session_user END, CASE WHEN trusted THEN r.accepted_by END, CASE WHEN trusted   THEN r.accepted_reason END, CASE WHEN trusted THEN r.resolution END, CASE WHEN   trusted THEN r.resolved_at END, r.checksum_match, COALESCE(r.note, ''))   ON CONFLICT (pipeline, business_date) DO UPDATE SET onprem_rows =   excluded.onprem_rows, cloud_rows = excluded.cloud_rows, mismatched_rows =   excluded.mismatched_rows, max_rel_diff = excluded.max_rel_diff, recorded_at =   excluded.recorded_at, recorded_by = excluded.recorded_by, accepted_by =   excluded.accepted_by, accepted_reason = excluded.accepted_reason, resolution =   excluded.resolution, resolved_at = excluded.resolved_at, checksum_match =   excluded.checksum_match, note = excluded.note;  n := n + 1; END LOOP; INSERT INTO audit (at, actor, action, pipeline, reason) VALUES (p_at, p_actor,  p_action, NULLIF(p_pipeline, ''), NULLIF(p_reason, '')); RETURN n; END $$;


--
-- Name: daybreak_record_parity_diff(text, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_record_parity_diff(p_pipeline text, p_date text, p_at text, p_detail text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ BEGIN PERFORM daybreak_require('daybreak_operator', 'recording parity'); IF NOT EXISTS (SELECT 1 FROM parity_results WHERE pipeline = p_pipeline AND  business_date = p_date AND recorded_at = p_at) THEN RAISE EXCEPTION  'a measured comparison of % on % is kept only beside the parity row daybreak_record_parity() wrote', p_pipeline, p_date USING ERRCODE =  'check_violation'; END IF; INSERT INTO parity_diffs (pipeline, business_date, measured_at, detail) VALUES  (p_pipeline, p_date, p_at, p_detail) ON CONFLICT (pipeline, business_date) DO  UPDATE SET measured_at = excluded.measured_at, detail = excluded.detail; RETURN true; END $$;


--
-- Name: daybreak_record_run_history(jsonb, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_record_run_history(p_events jsonb, p_audit jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := daybreak_require('daybreak_operator',  'recording run history'); n INTEGER; BEGIN INSERT INTO run_events (pipeline, business_date, side, state, at, recorded_by)  SELECT e.pipeline, e.business_date, e.side, e.state, e.at, CASE WHEN trusted  THEN e.recorded_by ELSE session_user END FROM jsonb_to_recordset(p_events) AS  e(pipeline TEXT, business_date TEXT, side TEXT, state TEXT, at TEXT,  recorded_by TEXT); GET DIAGNOSTICS n = ROW_COUNT; PERFORM daybreak_audit_row(p_audit, 'run_history'); RETURN n; END $$;


--
-- Name: daybreak_refusals(text, text, integer, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_refusals(p_pipeline text, p_action text, p_break_glass integer, p_reason text) RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE  refusals TEXT[] := '{}';  tz TEXT := COALESCE((SELECT value FROM settings WHERE key = 'timezone'), 'UTC');  policy JSONB := COALESCE((SELECT value FROM settings WHERE key =   'change_window'), '{}')::jsonb;  required INTEGER := COALESCE((SELECT value FROM settings WHERE key =   'parity_runs_required'), '7')::integer;  days TEXT[] := ARRAY['monday', 'tuesday', 'wednesday', 'thursday', 'friday',   'saturday', 'sunday'];  local_now TIMESTAMP := daybreak_now() AT TIME ZONE tz;  today DATE := local_now::date;  minute INTEGER := (extract(isodow FROM local_now)::integer - 1) * 1440 +   extract(hour FROM local_now)::integer * 60 + extract(minute FROM   local_now)::integer;  first_minute INTEGER; last_minute INTEGER; inside BOOLEAN;  tolerance DOUBLE PRECISION; nights DATE[]; breaches BOOLEAN[];  last_night DATE; first_night DATE; until DATE; d DATE; i INTEGER;  clean INTEGER := 0; missing INTEGER := 0; open_breaches INTEGER := 0;  up RECORD; BEGIN IF p_action IN ('cutover', 'rollback', 'decommission') AND NOT (p_action =  'rollback' AND p_break_glass = 1 AND btrim(COALESCE(p_reason, '')) <> '') THEN  first_minute := (array_position(days, COALESCE(policy->>'start_day',   'saturday')) - 1) * 1440 + split_part(COALESCE(policy->>'start', '00:00'),   ':', 1)::integer * 60 + split_part(COALESCE(policy->>'start', '00:00'), ':',   2)::integer;  last_minute := (array_position(days, COALESCE(policy->>'end_day', 'sunday')) -   1) * 1440 + split_part(COALESCE(policy->>'end', '23:59'), ':', 1)::integer *   60 + split_part(COALESCE(policy->>'end', '23:59'), ':', 2)::integer;  inside := CASE WHEN first_minute <= last_minute THEN minute BETWEEN   first_minute AND last_minute ELSE minute >= first_minute OR minute <=   last_minute END;  IF COALESCE(policy->'blackout_dates', '[]'::jsonb) ? today::text THEN   refusals := refusals || format('change window: %s is a blackout date', today);  ELSIF NOT inside THEN   refusals := refusals || format('change window: %s %s is outside the weekly window', to_char(local_now, 'Dy YYYY-MM-DD HH24:MI'), tz);  END IF; END IF; IF p_action = 'cutover' THEN  FOR up IN SELECT u.upstream, r.state FROM upstreams u JOIN pipelines p ON p.id   = u.upstream JOIN routing r ON r.pipeline = u.upstream WHERE u.pipeline =   p_pipeline AND p.target <> 'onprem' AND r.state NOT IN ('cloud',   'decommissioned') ORDER BY u.position LOOP   refusals := refusals || format('dependency order: %s reads %s, which is still canonical on-prem (%s)', p_pipeline, up.upstream, up.state);  END LOOP;  tolerance := (SELECT parity_tolerance FROM pipelines WHERE id = p_pipeline);  SELECT array_agg(night ORDER BY night), array_agg(breach ORDER BY night) INTO   nights, breaches FROM (SELECT business_date::date AS night, resolution IS NULL   AND (greatest(abs(onprem_rows - cloud_rows)::float8 / greatest(onprem_rows,   cloud_rows, 1), mismatched_rows::float8 / greatest(onprem_rows, cloud_rows, 1),   max_rel_diff) > tolerance OR COALESCE(checksum_match = 0, false)) AS breach   FROM parity_results WHERE pipeline = p_pipeline AND business_date::date <=   today + 1) r;  IF nights IS NULL THEN   refusals := refusals || format('parity gate: %s has no dual-run comparison', p_pipeline);  ELSE   first_night := nights[1]; last_night := nights[array_length(nights, 1)];   until := CASE WHEN today = ANY (nights) THEN today ELSE today - 1 END;   IF last_night > until THEN until := last_night; END IF;   FOR i IN 1 .. array_length(nights, 1) LOOP    IF breaches[i] THEN open_breaches := open_breaches + 1; END IF; END LOOP;   d := until;   WHILE d >= first_night AND d > until - required LOOP    IF NOT d = ANY (nights) THEN missing := missing + 1; END IF; d := d - 1;   END LOOP;   d := until;   WHILE d >= first_night LOOP    i := array_position(nights, d);    EXIT WHEN i IS NULL OR breaches[i]; clean := clean + 1; d := d - 1;   END LOOP;   IF open_breaches > 0 OR missing > 0 THEN    refusals := refusals || format('parity gate: %s''s gate is failed (%s open breach(es), %s night(s) without a comparison)', p_pipeline, open_breaches, missing);   ELSIF clean < required THEN    refusals := refusals || format('parity gate: %s''s gate is pending (%s of %s clean dual-run results)', p_pipeline, clean, required);   END IF;  END IF; END IF; RETURN refusals; END $$;


--
-- Name: daybreak_reject_change_request(bigint, text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_reject_change_request(p_id bigint, p_reason text, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ BEGIN PERFORM daybreak_require('daybreak_operator', 'deciding a change request'); UPDATE change_requests SET status = 'rejected', decided_by = session_user,  decided_at = p_audit->>'at', decision_reason = p_reason WHERE id = p_id AND  status = 'pending' AND requester <> session_user; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, 'reject'); RETURN true; END $$;


--
-- Name: daybreak_remove_channel(text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_remove_channel(p_name text, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ BEGIN PERFORM daybreak_require('daybreak_operator', 'removing a delivery channel'); DELETE FROM channels WHERE name = p_name; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, 'channel_remove'); RETURN true; END $$;


--
-- Name: daybreak_remove_lineage_mapping(bigint, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_remove_lineage_mapping(p_id bigint, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ BEGIN PERFORM daybreak_require('daybreak_operator', 'mapping OpenLineage jobs'); DELETE FROM lineage_map WHERE id = p_id; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, 'lineage_map_remove'); RETURN true; END $$;


--
-- Name: daybreak_remove_parity_setting(text, text, jsonb); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_remove_parity_setting(p_kind text, p_name text, p_audit jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ BEGIN PERFORM daybreak_require('daybreak_operator', 'changing what parity compares'); DELETE FROM parity_settings WHERE kind = p_kind AND name = p_name; IF NOT FOUND THEN RETURN false; END IF; PERFORM daybreak_audit_row(p_audit, CASE p_kind WHEN 'source' THEN  'parity_source_remove' ELSE 'parity_map_remove' END); RETURN true; END $$;


--
-- Name: daybreak_request_identity(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_request_identity() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN IF TG_OP = 'INSERT' THEN  NEW.requester := session_user; NEW.status := 'pending'; NEW.decided_by := NULL; NEW.decided_at := NULL; NEW.decision_reason := NULL; RETURN NEW; END IF; IF OLD.status <> 'pending' THEN RAISE EXCEPTION  'change request % is already %: decided once', OLD.id, OLD.status; END IF; IF NEW.requester IS DISTINCT FROM OLD.requester OR NEW.action IS DISTINCT FROM  OLD.action OR NEW.pipeline IS DISTINCT FROM OLD.pipeline OR NEW.reason IS  DISTINCT FROM OLD.reason OR NEW.created_at IS DISTINCT FROM OLD.created_at OR  NEW.expires_at IS DISTINCT FROM OLD.expires_at THEN RAISE EXCEPTION  'change request %: what was asked cannot change', OLD.id; END IF; IF NEW.status = OLD.status THEN NEW.decided_by := OLD.decided_by;  NEW.decided_at := OLD.decided_at; NEW.decision_reason := OLD.decision_reason; RETURN NEW; END IF; NEW.decided_by := session_user; IF NEW.decided_by = OLD.requester THEN RAISE EXCEPTION  'four eyes: % asked for change request % and cannot decide it', OLD.requester,  OLD.id; END IF; IF NEW.status = 'approved' AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname  IN ('daybreak_approver') AND pg_has_role(session_user, oid, 'MEMBER')) AND NOT  pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =  'change_requests'::regclass), 'MEMBER') THEN RAISE EXCEPTION  'approving change request % needs the daybreak_approver role', OLD.id; END IF; RETURN NEW; END $$;


--
-- Name: daybreak_require(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_require(p_role text, p_what text) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM  pg_class WHERE oid = 'audit'::regclass), 'MEMBER'); BEGIN IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role  AND pg_has_role(session_user, oid, 'MEMBER')) THEN RAISE EXCEPTION  '% needs the % role', p_what, p_role USING ERRCODE =  'insufficient_privilege'; END IF; RETURN trusted; END $$;


--
-- Name: daybreak_resolve_breach(text, text, text, text, text, text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_resolve_breach(p_pipeline text, p_date text, p_resolution text, p_at text, p_actor text, p_action text, p_reason text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE trusted BOOLEAN := pg_has_role(session_user, (SELECT relowner FROM  pg_class WHERE oid = 'parity_results'::regclass), 'MEMBER'); BEGIN IF NOT trusted AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname =  'daybreak_operator' AND pg_has_role(session_user, oid, 'MEMBER')) THEN RAISE  EXCEPTION 'resolving a parity breach needs the daybreak_operator role' USING  ERRCODE = 'insufficient_privilege'; END IF; IF (p_action, p_resolution) NOT IN (('parity_accept', 'accepted'),  ('parity_explain', 'legacy_bug'), ('parity_explain', 'new_bug')) THEN RAISE  EXCEPTION '% % is not a breach resolution', p_action, p_resolution USING  ERRCODE = 'check_violation'; END IF; UPDATE parity_results SET resolution = p_resolution, accepted_by = CASE WHEN  trusted THEN p_actor ELSE session_user END, accepted_reason = p_reason,  resolved_at = p_at WHERE pipeline = p_pipeline AND business_date = p_date AND  resolution IS NULL; IF NOT FOUND THEN RETURN false; END IF; INSERT INTO audit (at, actor, action, pipeline, to_state, reason) VALUES (p_at,  p_actor, p_action, p_pipeline, p_resolution, NULLIF(p_reason, '')); RETURN true; END $$;


--
-- Name: daybreak_transition(text, bigint, text, text, text, text, text, text, integer, integer, bigint, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.daybreak_transition(p_pipeline text, p_expected bigint, p_from text, p_to text, p_action text, p_at text, p_actor text, p_reason text, p_break_glass integer, p_unplanned integer, p_request bigint, p_approval_reason text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ DECLARE moved BIGINT; refusals TEXT[]; BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'daybreak_operator' AND  pg_has_role(session_user, oid, 'MEMBER')) AND NOT  pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =  'routing'::regclass), 'MEMBER') THEN RAISE EXCEPTION  'the % of % needs the daybreak_operator role', p_action, p_pipeline  USING ERRCODE = 'insufficient_privilege'; END IF; IF (p_action, p_from, p_to) NOT IN (('dual_run', 'onprem', 'dual_run'),  ('cutover', 'dual_run', 'cloud'), ('rollback', 'cloud', 'dual_run'),  ('decommission', 'cloud', 'decommissioned')) THEN RAISE EXCEPTION  'no Daybreak change is a % from % to % (%)', p_action, p_from, p_to,  p_pipeline USING ERRCODE = 'check_violation'; END IF; IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid =  'routing'::regclass), 'MEMBER') THEN  refusals := daybreak_refusals(p_pipeline, p_action, p_break_glass, p_reason);  IF cardinality(refusals) > 0 THEN RAISE EXCEPTION 'refused by the database: % of %: %', p_action, p_pipeline, array_to_string(refusals, '; '); END IF; END IF; UPDATE routing SET state = p_to, version = version + 1, updated_at = p_at  WHERE pipeline = p_pipeline AND version = p_expected AND state = p_from  RETURNING version INTO moved; IF moved IS NULL THEN RETURN NULL; END IF; IF p_request IS NOT NULL THEN  UPDATE change_requests SET status = 'approved', decided_at = p_at   WHERE id = p_request AND status = 'pending' AND requester <> session_user   AND action = p_action AND pipeline = p_pipeline;  IF NOT FOUND THEN RAISE EXCEPTION   'change request % is not pending for % of %, or it is yours', p_request,   p_action, p_pipeline USING ERRCODE = 'serialization_failure'; END IF;  INSERT INTO audit (at, actor, action, pipeline, reason) VALUES (p_at, p_actor,   'approve', p_pipeline, p_approval_reason); END IF; INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason,  break_glass, unplanned) VALUES (p_at, p_actor, p_action, p_pipeline, p_from,  p_to, NULLIF(p_reason, ''), p_break_glass, p_unplanned); RETURN moved; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alerts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alerts (
    id bigint NOT NULL,
    business_date text NOT NULL,
    report text NOT NULL,
    status text NOT NULL,
    raised_at text NOT NULL,
    projected_finish text,
    cause text,
    hours_left double precision NOT NULL,
    message text NOT NULL,
    acknowledged_by text,
    acknowledged_at text,
    resolved_at text,
    resolved_reason text,
    CONSTRAINT alerts_status_check CHECK ((status = ANY (ARRAY['at_risk'::text, 'breached'::text, 'late_start'::text, 'overrun'::text, 'silent'::text, 'parity_breach'::text])))
);


--
-- Name: alerts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.alerts ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.alerts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit (
    id bigint NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    pipeline text,
    from_state text,
    to_state text,
    reason text,
    break_glass integer DEFAULT 0 NOT NULL,
    unplanned integer DEFAULT 0 NOT NULL,
    db_user text,
    request_id text
);


--
-- Name: audit_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.audit ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.audit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: change_feed; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_feed (
    seq bigint NOT NULL,
    tbl text NOT NULL,
    key text DEFAULT ''::text NOT NULL
);


--
-- Name: change_feed_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.change_feed ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.change_feed_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: change_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.change_requests (
    id bigint NOT NULL,
    created_at text NOT NULL,
    requester text NOT NULL,
    action text NOT NULL,
    pipeline text NOT NULL,
    reason text NOT NULL,
    expires_at text NOT NULL,
    status text NOT NULL,
    decided_by text,
    decided_at text,
    decision_reason text,
    notified_at text,
    CONSTRAINT change_requests_action_check CHECK ((action = ANY (ARRAY['cutover'::text, 'rollback'::text, 'decommission'::text]))),
    CONSTRAINT change_requests_check CHECK (((decided_by IS NULL) OR (decided_by <> requester))),
    CONSTRAINT change_requests_check1 CHECK (((status = 'pending'::text) = (decided_by IS NULL))),
    CONSTRAINT change_requests_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'rejected'::text])))
);


--
-- Name: change_requests_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.change_requests ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.change_requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: channels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channels (
    name text NOT NULL,
    kind text NOT NULL,
    target text NOT NULL,
    options text DEFAULT '{}'::text NOT NULL,
    created_by text NOT NULL,
    created_at text NOT NULL,
    CONSTRAINT channels_kind_check CHECK ((kind = ANY (ARRAY['webhook'::text, 'slack'::text, 'pagerduty'::text, 'email'::text, 'command'::text])))
);


--
-- Name: leases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leases (
    name text NOT NULL,
    holder text NOT NULL,
    expires_at text NOT NULL
);


--
-- Name: lineage_map; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lineage_map (
    id bigint NOT NULL,
    namespace text NOT NULL,
    job_pattern text NOT NULL,
    pipeline text,
    side text NOT NULL,
    created_by text NOT NULL,
    created_at text NOT NULL,
    CONSTRAINT lineage_map_side_check CHECK ((side = ANY (ARRAY['onprem'::text, 'cloud'::text])))
);


--
-- Name: lineage_map_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.lineage_map ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.lineage_map_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: lineage_unmapped; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lineage_unmapped (
    namespace text NOT NULL,
    job text NOT NULL,
    events bigint NOT NULL,
    first_seen text NOT NULL,
    last_seen text NOT NULL
);


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    alert_id bigint NOT NULL,
    channel text NOT NULL,
    event text NOT NULL,
    state text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at text NOT NULL,
    last_error text,
    delivered_at text,
    CONSTRAINT outbox_event_check CHECK ((event = ANY (ARRAY['trigger'::text, 'resolve'::text]))),
    CONSTRAINT outbox_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'delivered'::text])))
);


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.outbox ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: parity_diffs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.parity_diffs (
    pipeline text NOT NULL,
    business_date text NOT NULL,
    measured_at text NOT NULL,
    detail text NOT NULL
);


--
-- Name: parity_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.parity_results (
    pipeline text NOT NULL,
    business_date text NOT NULL,
    onprem_rows bigint NOT NULL,
    cloud_rows bigint NOT NULL,
    mismatched_rows bigint NOT NULL,
    max_rel_diff double precision NOT NULL,
    recorded_at text NOT NULL,
    recorded_by text NOT NULL,
    accepted_by text,
    accepted_reason text,
    resolution text,
    resolved_at text,
    checksum_match integer,
    note text DEFAULT ''::text NOT NULL,
    CONSTRAINT parity_results_cloud_rows_check CHECK ((cloud_rows >= 0)),
    CONSTRAINT parity_results_max_rel_diff_check CHECK ((max_rel_diff >= (0)::double precision)),
    CONSTRAINT parity_results_mismatched_rows_check CHECK ((mismatched_rows >= 0)),
    CONSTRAINT parity_results_onprem_rows_check CHECK ((onprem_rows >= 0)),
    CONSTRAINT parity_results_resolution_check CHECK ((resolution = ANY (ARRAY['accepted'::text, 'legacy_bug'::text, 'new_bug'::text])))
);


--
-- Name: parity_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.parity_settings (
    kind text NOT NULL,
    name text NOT NULL,
    spec text NOT NULL,
    updated_by text NOT NULL,
    updated_at text NOT NULL,
    CONSTRAINT parity_settings_kind_check CHECK ((kind = ANY (ARRAY['source'::text, 'mapping'::text])))
);


--
-- Name: pipelines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pipelines (
    id text NOT NULL,
    "position" integer NOT NULL,
    name text NOT NULL,
    owner text NOT NULL,
    schedule text,
    onprem_minutes integer NOT NULL,
    cloud_minutes integer NOT NULL,
    onprem_p95_minutes integer,
    cloud_p95_minutes integer,
    sla text,
    risk text NOT NULL,
    target text NOT NULL,
    initial_state text NOT NULL,
    parity_tolerance double precision NOT NULL,
    tags text DEFAULT ''::text NOT NULL,
    group_name text DEFAULT ''::text NOT NULL,
    CONSTRAINT pipelines_cloud_minutes_check CHECK ((cloud_minutes > 0)),
    CONSTRAINT pipelines_onprem_minutes_check CHECK ((onprem_minutes > 0)),
    CONSTRAINT pipelines_risk_check CHECK ((risk = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text]))),
    CONSTRAINT pipelines_target_check CHECK ((target = ANY (ARRAY['cloud'::text, 'onprem'::text])))
);


--
-- Name: route_readers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.route_readers (
    pipeline text NOT NULL,
    host text NOT NULL,
    caller text NOT NULL,
    version bigint NOT NULL,
    seen_at text NOT NULL,
    asked_at text NOT NULL
);


--
-- Name: routing; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.routing (
    pipeline text NOT NULL,
    state text NOT NULL,
    version bigint NOT NULL,
    updated_at text NOT NULL,
    CONSTRAINT routing_state_check CHECK ((state = ANY (ARRAY['onprem'::text, 'dual_run'::text, 'cloud'::text, 'decommissioned'::text])))
);


--
-- Name: run_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_events (
    id bigint NOT NULL,
    pipeline text NOT NULL,
    business_date text NOT NULL,
    side text NOT NULL,
    state text NOT NULL,
    at text NOT NULL,
    recorded_by text NOT NULL,
    CONSTRAINT run_events_side_check CHECK ((side = ANY (ARRAY['onprem'::text, 'cloud'::text]))),
    CONSTRAINT run_events_state_check CHECK ((state = ANY (ARRAY['scheduled'::text, 'started'::text, 'succeeded'::text, 'failed'::text, 'retrying'::text])))
);


--
-- Name: run_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.run_events ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.run_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: schema_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_version (
    version integer NOT NULL
);


--
-- Name: settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.settings (
    key text NOT NULL,
    value text NOT NULL
);


--
-- Name: upstreams; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.upstreams (
    pipeline text NOT NULL,
    upstream text NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: watches; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.watches (
    id text NOT NULL,
    host text NOT NULL,
    pid bigint NOT NULL,
    started_at text NOT NULL,
    last_ran text NOT NULL,
    interval_seconds integer NOT NULL,
    note text DEFAULT ''::text NOT NULL
);


--
-- Name: wave_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.wave_members (
    pipeline text NOT NULL,
    wave text NOT NULL,
    "position" integer NOT NULL
);


--
-- Name: waves; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.waves (
    name text NOT NULL,
    wave_date text NOT NULL,
    window_start text NOT NULL,
    window_end text NOT NULL,
    capacity integer NOT NULL,
    max_high_risk integer NOT NULL,
    CONSTRAINT waves_capacity_check CHECK ((capacity > 0)),
    CONSTRAINT waves_max_high_risk_check CHECK ((max_high_risk >= 0))
);


--
-- Data for Name: alerts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alerts (id, business_date, report, status, raised_at, projected_finish, cause, hours_left, message, acknowledged_by, acknowledged_at, resolved_at, resolved_reason) FROM stdin;
\.


--
-- Data for Name: audit; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit (id, at, actor, action, pipeline, from_state, to_state, reason, break_glass, unplanned, db_user, request_id) FROM stdin;
1	2026-12-07T15:41:09.780Z	root	import	\N	\N	\N	2 pipelines from inv.json	0	0	postgres	\N
2	2026-12-07T15:41:09.829Z	root	parity_record	erp_orders_extract	\N	\N	2026-11-30: on-prem 100 rows, cloud 100 rows, 0 mismatched, max diff 0	0	0	postgres	\N
\.


--
-- Data for Name: change_feed; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_feed (seq, tbl, key) FROM stdin;
1	settings	migrated_by
2	settings	migrated_by
3	settings	store_id
4	settings	migrated_by
5	settings	migrated_by
6	settings	timezone
7	settings	change_window
8	settings	parity_runs_required
9	settings	approvals
10	pipelines	erp_orders_extract
11	routing	erp_orders_extract
12	pipelines	stg_orders
13	routing	stg_orders
14	upstreams	stg_orders
15	audit	
16	parity_results	erp_orders_extract
17	audit	erp_orders_extract
\.


--
-- Data for Name: change_requests; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.change_requests (id, created_at, requester, action, pipeline, reason, expires_at, status, decided_by, decided_at, decision_reason, notified_at) FROM stdin;
\.


--
-- Data for Name: channels; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.channels (name, kind, target, options, created_by, created_at) FROM stdin;
\.


--
-- Data for Name: leases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.leases (name, holder, expires_at) FROM stdin;
\.


--
-- Data for Name: lineage_map; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.lineage_map (id, namespace, job_pattern, pipeline, side, created_by, created_at) FROM stdin;
\.


--
-- Data for Name: lineage_unmapped; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.lineage_unmapped (namespace, job, events, first_seen, last_seen) FROM stdin;
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, alert_id, channel, event, state, attempts, next_attempt_at, last_error, delivered_at) FROM stdin;
\.


--
-- Data for Name: parity_diffs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.parity_diffs (pipeline, business_date, measured_at, detail) FROM stdin;
\.


--
-- Data for Name: parity_results; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.parity_results (pipeline, business_date, onprem_rows, cloud_rows, mismatched_rows, max_rel_diff, recorded_at, recorded_by, accepted_by, accepted_reason, resolution, resolved_at, checksum_match, note) FROM stdin;
erp_orders_extract	2026-11-30	100	100	0	0	2026-12-07T15:41:09.829Z	root	\N	\N	\N	\N	\N	
\.


--
-- Data for Name: parity_settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.parity_settings (kind, name, spec, updated_by, updated_at) FROM stdin;
\.


--
-- Data for Name: pipelines; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.pipelines (id, "position", name, owner, schedule, onprem_minutes, cloud_minutes, onprem_p95_minutes, cloud_p95_minutes, sla, risk, target, initial_state, parity_tolerance, tags, group_name) FROM stdin;
erp_orders_extract	0	ERP orders extract	commerce	01:00	70	45	95	59	\N	high	cloud	onprem	0.001		
stg_orders	1	Staged orders	commerce	\N	30	20	41	26	\N	medium	cloud	onprem	0.001		
\.


--
-- Data for Name: route_readers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.route_readers (pipeline, host, caller, version, seen_at, asked_at) FROM stdin;
\.


--
-- Data for Name: routing; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.routing (pipeline, state, version, updated_at) FROM stdin;
erp_orders_extract	onprem	1	2026-12-07T15:41:09.780Z
stg_orders	onprem	1	2026-12-07T15:41:09.780Z
\.


--
-- Data for Name: run_events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.run_events (id, pipeline, business_date, side, state, at, recorded_by) FROM stdin;
\.


--
-- Data for Name: schema_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schema_version (version) FROM stdin;
18
\.


--
-- Data for Name: settings; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.settings (key, value) FROM stdin;
plan_version	0
store_id	0dbe439ca0c44e06bbfedb5b8132c46d
migrated_by	daybreak 0.1.0 (commit 91ed0a3de836)
timezone	Europe/Berlin
change_window	{"blackout_dates":["2026-12-26","2026-12-27","2027-03-27","2027-03-28"],"end":"23:59","end_day":"sunday","start":"00:00","start_day":"saturday"}
parity_runs_required	7
approvals	none
\.


--
-- Data for Name: upstreams; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.upstreams (pipeline, upstream, "position") FROM stdin;
stg_orders	erp_orders_extract	0
\.


--
-- Data for Name: watches; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.watches (id, host, pid, started_at, last_ran, interval_seconds, note) FROM stdin;
\.


--
-- Data for Name: wave_members; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.wave_members (pipeline, wave, "position") FROM stdin;
\.


--
-- Data for Name: waves; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.waves (name, wave_date, window_start, window_end, capacity, max_high_risk) FROM stdin;
\.


--
-- Name: alerts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.alerts_id_seq', 1, false);


--
-- Name: audit_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_id_seq', 2, true);


--
-- Name: change_feed_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_feed_seq_seq', 17, true);


--
-- Name: change_requests_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.change_requests_id_seq', 1, false);


--
-- Name: lineage_map_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.lineage_map_id_seq', 1, false);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 1, false);


--
-- Name: run_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.run_events_id_seq', 1, false);


--
-- Name: alerts alerts_business_date_report_status_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_business_date_report_status_key UNIQUE (business_date, report, status);


--
-- Name: alerts alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_pkey PRIMARY KEY (id);


--
-- Name: audit audit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (id);


--
-- Name: change_feed change_feed_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_feed
    ADD CONSTRAINT change_feed_pkey PRIMARY KEY (seq);


--
-- Name: change_requests change_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests
    ADD CONSTRAINT change_requests_pkey PRIMARY KEY (id);


--
-- Name: channels channels_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channels
    ADD CONSTRAINT channels_pkey PRIMARY KEY (name);


--
-- Name: leases leases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leases
    ADD CONSTRAINT leases_pkey PRIMARY KEY (name);


--
-- Name: lineage_map lineage_map_namespace_job_pattern_side_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lineage_map
    ADD CONSTRAINT lineage_map_namespace_job_pattern_side_key UNIQUE (namespace, job_pattern, side);


--
-- Name: lineage_map lineage_map_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lineage_map
    ADD CONSTRAINT lineage_map_pkey PRIMARY KEY (id);


--
-- Name: lineage_unmapped lineage_unmapped_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lineage_unmapped
    ADD CONSTRAINT lineage_unmapped_pkey PRIMARY KEY (namespace, job);


--
-- Name: outbox outbox_alert_id_channel_event_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_alert_id_channel_event_key UNIQUE (alert_id, channel, event);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: parity_diffs parity_diffs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parity_diffs
    ADD CONSTRAINT parity_diffs_pkey PRIMARY KEY (pipeline, business_date);


--
-- Name: parity_results parity_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parity_results
    ADD CONSTRAINT parity_results_pkey PRIMARY KEY (pipeline, business_date);


--
-- Name: parity_settings parity_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parity_settings
    ADD CONSTRAINT parity_settings_pkey PRIMARY KEY (kind, name);


--
-- Name: pipelines pipelines_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pipelines
    ADD CONSTRAINT pipelines_pkey PRIMARY KEY (id);


--
-- Name: route_readers route_readers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.route_readers
    ADD CONSTRAINT route_readers_pkey PRIMARY KEY (pipeline, host, caller);


--
-- Name: routing routing_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.routing
    ADD CONSTRAINT routing_pkey PRIMARY KEY (pipeline);


--
-- Name: run_events run_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_events
    ADD CONSTRAINT run_events_pkey PRIMARY KEY (id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);


--
-- Name: upstreams upstreams_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.upstreams
    ADD CONSTRAINT upstreams_pkey PRIMARY KEY (pipeline, upstream);


--
-- Name: watches watches_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.watches
    ADD CONSTRAINT watches_pkey PRIMARY KEY (id);


--
-- Name: wave_members wave_members_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.wave_members
    ADD CONSTRAINT wave_members_pkey PRIMARY KEY (pipeline);


--
-- Name: waves waves_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.waves
    ADD CONSTRAINT waves_pkey PRIMARY KEY (name);


--
-- Name: audit_by_pipeline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_by_pipeline ON public.audit USING btree (pipeline, id);


--
-- Name: audit_by_request; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_by_request ON public.audit USING btree (request_id) WHERE (request_id IS NOT NULL);


--
-- Name: run_events_by_night; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX run_events_by_night ON public.run_events USING btree (business_date, pipeline, id);


--
-- Name: alerts alerts_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER alerts_feed AFTER INSERT OR DELETE OR UPDATE ON public.alerts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('business_date');


--
-- Name: alerts alerts_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER alerts_notify AFTER INSERT OR DELETE OR UPDATE ON public.alerts FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: audit audit_db_user; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_db_user BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.daybreak_audit_db_user();


--
-- Name: audit audit_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER audit_feed AFTER INSERT OR DELETE OR UPDATE ON public.audit DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('pipeline');


--
-- Name: audit audit_guard; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_guard BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.daybreak_audit_guard();


--
-- Name: audit audit_no_overwrite; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_no_overwrite BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.daybreak_audit_no_overwrite();


--
-- Name: audit audit_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON public.audit FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_audit_append_only();


--
-- Name: audit audit_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_no_update BEFORE DELETE OR UPDATE ON public.audit FOR EACH ROW EXECUTE FUNCTION public.daybreak_audit_append_only();


--
-- Name: audit audit_request; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_request BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.daybreak_audit_request();


--
-- Name: change_requests change_requests_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER change_requests_feed AFTER INSERT OR DELETE OR UPDATE ON public.change_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('id');


--
-- Name: change_requests change_requests_identity; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER change_requests_identity BEFORE INSERT OR UPDATE ON public.change_requests FOR EACH ROW EXECUTE FUNCTION public.daybreak_request_identity();


--
-- Name: change_requests change_requests_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER change_requests_notify AFTER INSERT OR DELETE OR UPDATE ON public.change_requests FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: parity_results parity_results_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER parity_results_feed AFTER INSERT OR DELETE OR UPDATE ON public.parity_results DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('pipeline');


--
-- Name: parity_results parity_results_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER parity_results_notify AFTER INSERT OR DELETE OR UPDATE ON public.parity_results FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: pipelines pipelines_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER pipelines_feed AFTER INSERT OR DELETE OR UPDATE ON public.pipelines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('id');


--
-- Name: pipelines pipelines_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pipelines_notify AFTER INSERT OR DELETE OR UPDATE ON public.pipelines FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: routing routing_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER routing_feed AFTER INSERT OR DELETE OR UPDATE ON public.routing DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('pipeline');


--
-- Name: routing routing_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER routing_notify AFTER INSERT OR DELETE OR UPDATE ON public.routing FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: run_events run_events_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER run_events_feed AFTER INSERT OR DELETE OR UPDATE ON public.run_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('pipeline');


--
-- Name: run_events run_events_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER run_events_notify AFTER INSERT OR DELETE OR UPDATE ON public.run_events FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: settings settings_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER settings_feed AFTER INSERT OR DELETE OR UPDATE ON public.settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('key');


--
-- Name: settings settings_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER settings_notify AFTER INSERT OR DELETE OR UPDATE ON public.settings FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: upstreams upstreams_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER upstreams_feed AFTER INSERT OR DELETE OR UPDATE ON public.upstreams DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('pipeline');


--
-- Name: watches watches_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER watches_feed AFTER INSERT OR DELETE OR UPDATE ON public.watches DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('id');


--
-- Name: wave_members wave_members_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER wave_members_feed AFTER INSERT OR DELETE OR UPDATE ON public.wave_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('pipeline');


--
-- Name: wave_members wave_members_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER wave_members_notify AFTER INSERT OR DELETE OR UPDATE ON public.wave_members FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: waves waves_feed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER waves_feed AFTER INSERT OR DELETE OR UPDATE ON public.waves DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.daybreak_feed('name');


--
-- Name: waves waves_notify; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER waves_notify AFTER INSERT OR DELETE OR UPDATE ON public.waves FOR EACH STATEMENT EXECUTE FUNCTION public.daybreak_notify();


--
-- Name: change_requests change_requests_pipeline_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.change_requests
    ADD CONSTRAINT change_requests_pipeline_fkey FOREIGN KEY (pipeline) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: outbox outbox_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alerts(id);


--
-- Name: outbox outbox_channel_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_channel_fkey FOREIGN KEY (channel) REFERENCES public.channels(name) ON DELETE CASCADE;


--
-- Name: parity_results parity_results_pipeline_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.parity_results
    ADD CONSTRAINT parity_results_pipeline_fkey FOREIGN KEY (pipeline) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: routing routing_pipeline_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.routing
    ADD CONSTRAINT routing_pipeline_fkey FOREIGN KEY (pipeline) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: run_events run_events_pipeline_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_events
    ADD CONSTRAINT run_events_pipeline_fkey FOREIGN KEY (pipeline) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: upstreams upstreams_pipeline_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.upstreams
    ADD CONSTRAINT upstreams_pipeline_fkey FOREIGN KEY (pipeline) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: upstreams upstreams_upstream_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.upstreams
    ADD CONSTRAINT upstreams_upstream_fkey FOREIGN KEY (upstream) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: wave_members wave_members_pipeline_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.wave_members
    ADD CONSTRAINT wave_members_pipeline_fkey FOREIGN KEY (pipeline) REFERENCES public.pipelines(id) ON DELETE CASCADE;


--
-- Name: wave_members wave_members_wave_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.wave_members
    ADD CONSTRAINT wave_members_wave_fkey FOREIGN KEY (wave) REFERENCES public.waves(name) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO daybreak_viewer;
GRANT USAGE ON SCHEMA public TO daybreak_planner;
GRANT USAGE ON SCHEMA public TO daybreak_operator;
GRANT USAGE ON SCHEMA public TO daybreak_approver;


--
-- Name: FUNCTION daybreak_ack_alert(p_id bigint, p_at text, p_actor text, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_ack_alert(p_id bigint, p_at text, p_actor text, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_ack_alert(p_id bigint, p_at text, p_actor text, p_reason text) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_add_change_request(p_created_at text, p_action text, p_pipeline text, p_reason text, p_expires_at text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_add_change_request(p_created_at text, p_action text, p_pipeline text, p_reason text, p_expires_at text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_add_channel(p_name text, p_kind text, p_target text, p_options text, p_created_by text, p_created_at text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_add_channel(p_name text, p_kind text, p_target text, p_options text, p_created_by text, p_created_at text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_add_lineage_mapping(p_namespace text, p_pattern text, p_pipeline text, p_side text, p_created_by text, p_created_at text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_add_lineage_mapping(p_namespace text, p_pattern text, p_pipeline text, p_side text, p_created_by text, p_created_at text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_audit_row(p_audit jsonb, p_action text, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_audit_row(p_audit jsonb, p_action text, p_reason text) FROM PUBLIC;


--
-- Name: FUNCTION daybreak_feed(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_feed() FROM PUBLIC;


--
-- Name: FUNCTION daybreak_plan_change(p_expected bigint, p_renames jsonb, p_removes jsonb, p_waves jsonb, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_plan_change(p_expected bigint, p_renames jsonb, p_removes jsonb, p_waves jsonb, p_audit jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_plan_change(p_expected bigint, p_renames jsonb, p_removes jsonb, p_waves jsonb, p_audit jsonb) TO daybreak_planner;


--
-- Name: FUNCTION daybreak_put_parity_setting(p_kind text, p_name text, p_spec text, p_must_be_new boolean, p_by text, p_at text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_put_parity_setting(p_kind text, p_name text, p_spec text, p_must_be_new boolean, p_by text, p_at text, p_audit jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_put_parity_setting(p_kind text, p_name text, p_spec text, p_must_be_new boolean, p_by text, p_at text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_read_receipt(p_pipeline text, p_host text, p_caller text, p_version bigint); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_read_receipt(p_pipeline text, p_host text, p_caller text, p_version bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_read_receipt(p_pipeline text, p_host text, p_caller text, p_version bigint) TO daybreak_viewer;
GRANT ALL ON FUNCTION public.daybreak_read_receipt(p_pipeline text, p_host text, p_caller text, p_version bigint) TO daybreak_planner;
GRANT ALL ON FUNCTION public.daybreak_read_receipt(p_pipeline text, p_host text, p_caller text, p_version bigint) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_record_parity(p_rows jsonb, p_at text, p_actor text, p_action text, p_pipeline text, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_record_parity(p_rows jsonb, p_at text, p_actor text, p_action text, p_pipeline text, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_record_parity(p_rows jsonb, p_at text, p_actor text, p_action text, p_pipeline text, p_reason text) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_record_parity_diff(p_pipeline text, p_date text, p_at text, p_detail text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_record_parity_diff(p_pipeline text, p_date text, p_at text, p_detail text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_record_parity_diff(p_pipeline text, p_date text, p_at text, p_detail text) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_record_run_history(p_events jsonb, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_record_run_history(p_events jsonb, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_refusals(p_pipeline text, p_action text, p_break_glass integer, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_refusals(p_pipeline text, p_action text, p_break_glass integer, p_reason text) FROM PUBLIC;


--
-- Name: FUNCTION daybreak_reject_change_request(p_id bigint, p_reason text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_reject_change_request(p_id bigint, p_reason text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_remove_channel(p_name text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_remove_channel(p_name text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_remove_lineage_mapping(p_id bigint, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

GRANT ALL ON FUNCTION public.daybreak_remove_lineage_mapping(p_id bigint, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_remove_parity_setting(p_kind text, p_name text, p_audit jsonb); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_remove_parity_setting(p_kind text, p_name text, p_audit jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_remove_parity_setting(p_kind text, p_name text, p_audit jsonb) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_require(p_role text, p_what text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_require(p_role text, p_what text) FROM PUBLIC;


--
-- Name: FUNCTION daybreak_resolve_breach(p_pipeline text, p_date text, p_resolution text, p_at text, p_actor text, p_action text, p_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_resolve_breach(p_pipeline text, p_date text, p_resolution text, p_at text, p_actor text, p_action text, p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_resolve_breach(p_pipeline text, p_date text, p_resolution text, p_at text, p_actor text, p_action text, p_reason text) TO daybreak_operator;


--
-- Name: FUNCTION daybreak_transition(p_pipeline text, p_expected bigint, p_from text, p_to text, p_action text, p_at text, p_actor text, p_reason text, p_break_glass integer, p_unplanned integer, p_request bigint, p_approval_reason text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.daybreak_transition(p_pipeline text, p_expected bigint, p_from text, p_to text, p_action text, p_at text, p_actor text, p_reason text, p_break_glass integer, p_unplanned integer, p_request bigint, p_approval_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.daybreak_transition(p_pipeline text, p_expected bigint, p_from text, p_to text, p_action text, p_at text, p_actor text, p_reason text, p_break_glass integer, p_unplanned integer, p_request bigint, p_approval_reason text) TO daybreak_operator;


--
-- Name: TABLE alerts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.alerts TO daybreak_viewer;
GRANT SELECT,INSERT ON TABLE public.alerts TO daybreak_planner;
GRANT SELECT,INSERT ON TABLE public.alerts TO daybreak_operator;
GRANT SELECT ON TABLE public.alerts TO daybreak_approver;


--
-- Name: COLUMN alerts.resolved_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(resolved_at) ON TABLE public.alerts TO daybreak_planner;
GRANT UPDATE(resolved_at) ON TABLE public.alerts TO daybreak_operator;


--
-- Name: COLUMN alerts.resolved_reason; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(resolved_reason) ON TABLE public.alerts TO daybreak_planner;
GRANT UPDATE(resolved_reason) ON TABLE public.alerts TO daybreak_operator;


--
-- Name: SEQUENCE alerts_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.alerts_id_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.alerts_id_seq TO daybreak_operator;


--
-- Name: TABLE audit; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.audit TO daybreak_viewer;
GRANT SELECT ON TABLE public.audit TO daybreak_planner;
GRANT SELECT ON TABLE public.audit TO daybreak_operator;
GRANT SELECT ON TABLE public.audit TO daybreak_approver;


--
-- Name: SEQUENCE audit_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.audit_id_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.audit_id_seq TO daybreak_operator;


--
-- Name: TABLE change_feed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.change_feed TO daybreak_viewer;
GRANT SELECT ON TABLE public.change_feed TO daybreak_planner;
GRANT SELECT ON TABLE public.change_feed TO daybreak_operator;
GRANT SELECT ON TABLE public.change_feed TO daybreak_approver;


--
-- Name: SEQUENCE change_feed_seq_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.change_feed_seq_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.change_feed_seq_seq TO daybreak_operator;


--
-- Name: TABLE change_requests; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.change_requests TO daybreak_viewer;
GRANT SELECT ON TABLE public.change_requests TO daybreak_planner;
GRANT SELECT ON TABLE public.change_requests TO daybreak_operator;
GRANT SELECT ON TABLE public.change_requests TO daybreak_approver;


--
-- Name: COLUMN change_requests.notified_at; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(notified_at) ON TABLE public.change_requests TO daybreak_operator;


--
-- Name: SEQUENCE change_requests_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.change_requests_id_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.change_requests_id_seq TO daybreak_operator;


--
-- Name: TABLE channels; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.channels TO daybreak_viewer;
GRANT SELECT ON TABLE public.channels TO daybreak_planner;
GRANT SELECT ON TABLE public.channels TO daybreak_operator;
GRANT SELECT ON TABLE public.channels TO daybreak_approver;


--
-- Name: TABLE leases; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.leases TO daybreak_viewer;
GRANT SELECT ON TABLE public.leases TO daybreak_planner;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.leases TO daybreak_operator;
GRANT SELECT ON TABLE public.leases TO daybreak_approver;


--
-- Name: TABLE lineage_map; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.lineage_map TO daybreak_viewer;
GRANT SELECT ON TABLE public.lineage_map TO daybreak_planner;
GRANT SELECT ON TABLE public.lineage_map TO daybreak_operator;
GRANT SELECT ON TABLE public.lineage_map TO daybreak_approver;


--
-- Name: SEQUENCE lineage_map_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.lineage_map_id_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.lineage_map_id_seq TO daybreak_operator;


--
-- Name: TABLE lineage_unmapped; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.lineage_unmapped TO daybreak_viewer;
GRANT SELECT ON TABLE public.lineage_unmapped TO daybreak_planner;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.lineage_unmapped TO daybreak_operator;
GRANT SELECT ON TABLE public.lineage_unmapped TO daybreak_approver;


--
-- Name: TABLE outbox; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.outbox TO daybreak_viewer;
GRANT SELECT ON TABLE public.outbox TO daybreak_planner;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.outbox TO daybreak_operator;
GRANT SELECT ON TABLE public.outbox TO daybreak_approver;


--
-- Name: SEQUENCE outbox_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.outbox_id_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.outbox_id_seq TO daybreak_operator;


--
-- Name: TABLE parity_diffs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.parity_diffs TO daybreak_viewer;
GRANT SELECT ON TABLE public.parity_diffs TO daybreak_planner;
GRANT SELECT ON TABLE public.parity_diffs TO daybreak_operator;
GRANT SELECT ON TABLE public.parity_diffs TO daybreak_approver;


--
-- Name: TABLE parity_results; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.parity_results TO daybreak_viewer;
GRANT SELECT ON TABLE public.parity_results TO daybreak_planner;
GRANT SELECT ON TABLE public.parity_results TO daybreak_operator;
GRANT SELECT ON TABLE public.parity_results TO daybreak_approver;


--
-- Name: TABLE parity_settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.parity_settings TO daybreak_viewer;
GRANT SELECT ON TABLE public.parity_settings TO daybreak_planner;
GRANT SELECT ON TABLE public.parity_settings TO daybreak_operator;
GRANT SELECT ON TABLE public.parity_settings TO daybreak_approver;


--
-- Name: TABLE pipelines; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.pipelines TO daybreak_viewer;
GRANT SELECT ON TABLE public.pipelines TO daybreak_planner;
GRANT SELECT ON TABLE public.pipelines TO daybreak_operator;
GRANT SELECT ON TABLE public.pipelines TO daybreak_approver;


--
-- Name: TABLE route_readers; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.route_readers TO daybreak_viewer;
GRANT SELECT ON TABLE public.route_readers TO daybreak_planner;
GRANT SELECT ON TABLE public.route_readers TO daybreak_operator;
GRANT SELECT ON TABLE public.route_readers TO daybreak_approver;


--
-- Name: TABLE routing; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.routing TO daybreak_viewer;
GRANT SELECT ON TABLE public.routing TO daybreak_planner;
GRANT SELECT ON TABLE public.routing TO daybreak_operator;
GRANT SELECT ON TABLE public.routing TO daybreak_approver;


--
-- Name: TABLE run_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.run_events TO daybreak_viewer;
GRANT SELECT ON TABLE public.run_events TO daybreak_planner;
GRANT SELECT,INSERT ON TABLE public.run_events TO daybreak_operator;
GRANT SELECT ON TABLE public.run_events TO daybreak_approver;


--
-- Name: SEQUENCE run_events_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT USAGE ON SEQUENCE public.run_events_id_seq TO daybreak_planner;
GRANT USAGE ON SEQUENCE public.run_events_id_seq TO daybreak_operator;


--
-- Name: TABLE schema_version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.schema_version TO daybreak_viewer;
GRANT SELECT ON TABLE public.schema_version TO daybreak_planner;
GRANT SELECT ON TABLE public.schema_version TO daybreak_operator;
GRANT SELECT ON TABLE public.schema_version TO daybreak_approver;


--
-- Name: TABLE settings; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.settings TO daybreak_viewer;
GRANT SELECT ON TABLE public.settings TO daybreak_planner;
GRANT SELECT ON TABLE public.settings TO daybreak_operator;
GRANT SELECT ON TABLE public.settings TO daybreak_approver;


--
-- Name: TABLE upstreams; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.upstreams TO daybreak_viewer;
GRANT SELECT ON TABLE public.upstreams TO daybreak_planner;
GRANT SELECT ON TABLE public.upstreams TO daybreak_operator;
GRANT SELECT ON TABLE public.upstreams TO daybreak_approver;


--
-- Name: TABLE watches; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.watches TO daybreak_viewer;
GRANT SELECT ON TABLE public.watches TO daybreak_planner;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.watches TO daybreak_operator;
GRANT SELECT ON TABLE public.watches TO daybreak_approver;


--
-- Name: TABLE wave_members; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.wave_members TO daybreak_viewer;
GRANT SELECT ON TABLE public.wave_members TO daybreak_planner;
GRANT SELECT ON TABLE public.wave_members TO daybreak_operator;
GRANT SELECT ON TABLE public.wave_members TO daybreak_approver;


--
-- Name: TABLE waves; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.waves TO daybreak_viewer;
GRANT SELECT ON TABLE public.waves TO daybreak_planner;
GRANT SELECT ON TABLE public.waves TO daybreak_operator;
GRANT SELECT ON TABLE public.waves TO daybreak_approver;


--
-- PostgreSQL database dump complete
--

\unrestrict y5CNHeZQebnw7ieVO7jzjj3sG3mz6kulvvuifZfaovJukksrMfcFEqpbhqgNUva

