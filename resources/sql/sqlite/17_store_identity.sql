-- 17: the store's identity, which every host's last-known routing names
-- (LastKnownRouting.h), and the read receipts: which reader last saw which version of a
-- pointer

INSERT INTO settings (key, value) VALUES ('store_id', lower(hex(randomblob(16)))) ON CONFLICT (key)
    DO NOTHING;

CREATE TABLE route_readers (
    pipeline TEXT NOT NULL,
    host TEXT NOT NULL,
    caller TEXT NOT NULL,
    version INTEGER NOT NULL,
    seen_at TEXT NOT NULL,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (pipeline, host, caller)
);
