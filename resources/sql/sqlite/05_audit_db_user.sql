-- 5: the database user behind every audit row (PostgreSQL sets it; a SQLite file has none)

\ir ../common/05_audit_db_user.sql
