-- 7: REPLACE deletes the row it replaces without firing the DELETE trigger, so an insert
-- onto an existing id is refused before it gets there

CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit WHEN EXISTS (SELECT 1 FROM audit WHERE id =
    NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only: REPLACE refused');
END;
