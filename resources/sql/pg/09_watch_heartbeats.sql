-- 9: each watch's heartbeat, so every console can tell a dead watch from a quiet night

CREATE TABLE watches (id TEXT PRIMARY KEY, host TEXT NOT NULL,
    pid BIGINT NOT NULL, started_at TEXT NOT NULL, last_ran TEXT NOT NULL,
    interval_seconds INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');
