-- 16: parity measured by Daybreak (SqliteSchema.cpp says what); operators change the
-- sources and mappings only through their functions, each with its audit row, and a
-- measured night's detail only beside the parity row daybreak_record_parity() wrote.

\ir ../common/16_measured_parity.sql

-- a measured breach pages as an alert
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;

ALTER TABLE alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('at_risk', 'breached',
    'late_start', 'overrun', 'silent', 'parity_breach'));

CREATE FUNCTION daybreak_put_parity_setting(p_kind TEXT, p_name TEXT, p_spec TEXT, p_must_be_new
    BOOLEAN, p_by TEXT, p_at TEXT, p_audit JSONB) RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE
        trusted BOOLEAN := daybreak_require('daybreak_operator', 'changing what parity compares');
    BEGIN
        IF p_must_be_new THEN
            INSERT INTO parity_settings (kind, name, spec, updated_by, updated_at) VALUES (p_kind,
                p_name, p_spec, CASE WHEN trusted THEN p_by ELSE session_user END, p_at) ON
                CONFLICT (kind, name) DO NOTHING;
        ELSE
            INSERT INTO parity_settings (kind, name, spec, updated_by, updated_at) VALUES (p_kind,
                p_name, p_spec, CASE WHEN trusted THEN p_by ELSE session_user END, p_at) ON
                CONFLICT (kind, name) DO UPDATE SET spec = excluded.spec, updated_by =
                excluded.updated_by, updated_at = excluded.updated_at;
        END IF;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, CASE p_kind WHEN 'source' THEN 'parity_source_add' ELSE
            'parity_map' END);
        RETURN true;
    END
$$;

CREATE FUNCTION daybreak_remove_parity_setting(p_kind TEXT, p_name TEXT, p_audit JSONB) RETURNS
    BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM daybreak_require('daybreak_operator', 'changing what parity compares');
        DELETE FROM parity_settings WHERE kind = p_kind AND name = p_name;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        PERFORM daybreak_audit_row(p_audit, CASE p_kind WHEN 'source' THEN 'parity_source_remove'
            ELSE 'parity_map_remove' END);
        RETURN true;
    END
$$;

CREATE FUNCTION daybreak_record_parity_diff(p_pipeline TEXT, p_date TEXT, p_at TEXT, p_detail TEXT)
    RETURNS BOOLEAN LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
        PERFORM daybreak_require('daybreak_operator', 'recording parity');
        IF NOT EXISTS (SELECT 1 FROM parity_results WHERE pipeline = p_pipeline AND business_date =
            p_date AND recorded_at = p_at) THEN
            RAISE EXCEPTION
                'a measured comparison of % on % is kept only beside the parity row daybreak_record_parity() wrote', p_pipeline, p_date USING ERRCODE = 'check_violation';
        END IF;
        INSERT INTO parity_diffs (pipeline, business_date, measured_at, detail) VALUES (p_pipeline,
            p_date, p_at, p_detail) ON CONFLICT (pipeline, business_date) DO UPDATE SET measured_at
            = excluded.measured_at, detail = excluded.detail;
        RETURN true;
    END
$$;

REVOKE ALL ON FUNCTION daybreak_put_parity_setting(TEXT, TEXT, TEXT, BOOLEAN, TEXT, TEXT, JSONB),
    daybreak_remove_parity_setting(TEXT, TEXT, JSONB), daybreak_record_parity_diff(TEXT, TEXT,
    TEXT, TEXT) FROM PUBLIC;

DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_operator') THEN
            GRANT SELECT ON parity_settings, parity_diffs TO daybreak_viewer, daybreak_planner,
                daybreak_operator;
            GRANT EXECUTE ON FUNCTION daybreak_put_parity_setting(TEXT, TEXT, TEXT, BOOLEAN, TEXT,
                TEXT, JSONB), daybreak_remove_parity_setting(TEXT, TEXT, JSONB),
                daybreak_record_parity_diff(TEXT, TEXT, TEXT, TEXT) TO daybreak_operator;
        END IF;
    END
$$;
