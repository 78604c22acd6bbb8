-- The group roles every PostgreSQL store's users are granted (daybreakctl init sets them up;
-- creating them needs CREATEROLE). Roles are cluster-wide: another store on the same server may
-- have created them already, even at the same moment.

DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_viewer') THEN
            CREATE ROLE daybreak_viewer NOLOGIN;
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END
$$;

DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_planner') THEN
            CREATE ROLE daybreak_planner NOLOGIN;
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END
$$;

DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_operator') THEN
            CREATE ROLE daybreak_operator NOLOGIN;
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END
$$;

DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'daybreak_approver') THEN
            CREATE ROLE daybreak_approver NOLOGIN;
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END
$$;

\ir grants.sql
