-- 12: four eyes: routing changes one operator asks for and another approves or rejects

-- A request is decided once, and never by its requester.
CREATE TABLE change_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    requester TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('cutover', 'rollback', 'decommission')),
    pipeline TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by TEXT,
    decided_at TEXT,
    decision_reason TEXT,
    notified_at TEXT,
    CHECK (decided_by IS NULL OR decided_by <> requester),
    CHECK ((status = 'pending') = (decided_by IS NULL))
);
