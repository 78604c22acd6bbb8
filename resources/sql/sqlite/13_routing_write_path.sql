-- 13: PostgreSQL moved the routing pointer's write path into the server; a SQLite file
-- has no roles and trusts whoever can write it. What it gains is the index `verify` reads
-- the routing changes by.

CREATE INDEX audit_by_action ON audit (action, id);
