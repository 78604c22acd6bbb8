-- 15: the change feed (ChangeFeed.h): every change of what a console shows, numbered, so
-- consoles read what changed instead of the whole store.

CREATE TABLE change_feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT ''
);

-- The feed keeps its newest 100,000 entries.
CREATE TRIGGER change_feed_trim AFTER INSERT ON change_feed
BEGIN
    DELETE FROM change_feed WHERE seq <= NEW.seq - 100000;
END;

-- Each table a console shows leaves one entry per row changed, naming the row.
CREATE TRIGGER settings_feed_insert AFTER INSERT ON settings
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('settings', COALESCE(CAST(NEW.key AS TEXT), ''));
END;

CREATE TRIGGER settings_feed_update AFTER UPDATE ON settings
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('settings', COALESCE(CAST(NEW.key AS TEXT), ''));
END;

CREATE TRIGGER settings_feed_delete AFTER DELETE ON settings
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('settings', COALESCE(CAST(OLD.key AS TEXT), ''));
END;

CREATE TRIGGER pipelines_feed_insert AFTER INSERT ON pipelines
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('pipelines', COALESCE(CAST(NEW.id AS TEXT), ''));
END;

CREATE TRIGGER pipelines_feed_update AFTER UPDATE ON pipelines
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('pipelines', COALESCE(CAST(NEW.id AS TEXT), ''));
END;

CREATE TRIGGER pipelines_feed_delete AFTER DELETE ON pipelines
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('pipelines', COALESCE(CAST(OLD.id AS TEXT), ''));
END;

CREATE TRIGGER upstreams_feed_insert AFTER INSERT ON upstreams
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('upstreams', COALESCE(CAST(NEW.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER upstreams_feed_update AFTER UPDATE ON upstreams
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('upstreams', COALESCE(CAST(NEW.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER upstreams_feed_delete AFTER DELETE ON upstreams
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('upstreams', COALESCE(CAST(OLD.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER routing_feed_insert AFTER INSERT ON routing
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('routing', COALESCE(CAST(NEW.pipeline AS TEXT), ''));
END;

CREATE TRIGGER routing_feed_update AFTER UPDATE ON routing
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('routing', COALESCE(CAST(NEW.pipeline AS TEXT), ''));
END;

CREATE TRIGGER routing_feed_delete AFTER DELETE ON routing
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('routing', COALESCE(CAST(OLD.pipeline AS TEXT), ''));
END;

CREATE TRIGGER parity_results_feed_insert AFTER INSERT ON parity_results
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('parity_results', COALESCE(CAST(NEW.pipeline AS
        TEXT), ''));
END;

CREATE TRIGGER parity_results_feed_update AFTER UPDATE ON parity_results
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('parity_results', COALESCE(CAST(NEW.pipeline AS
        TEXT), ''));
END;

CREATE TRIGGER parity_results_feed_delete AFTER DELETE ON parity_results
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('parity_results', COALESCE(CAST(OLD.pipeline AS
        TEXT), ''));
END;

CREATE TRIGGER waves_feed_insert AFTER INSERT ON waves
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('waves', COALESCE(CAST(NEW.name AS TEXT), ''));
END;

CREATE TRIGGER waves_feed_update AFTER UPDATE ON waves
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('waves', COALESCE(CAST(NEW.name AS TEXT), ''));
END;

CREATE TRIGGER waves_feed_delete AFTER DELETE ON waves
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('waves', COALESCE(CAST(OLD.name AS TEXT), ''));
END;

CREATE TRIGGER wave_members_feed_insert AFTER INSERT ON wave_members
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('wave_members', COALESCE(CAST(NEW.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER wave_members_feed_update AFTER UPDATE ON wave_members
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('wave_members', COALESCE(CAST(NEW.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER wave_members_feed_delete AFTER DELETE ON wave_members
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('wave_members', COALESCE(CAST(OLD.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER run_events_feed_insert AFTER INSERT ON run_events
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('run_events', COALESCE(CAST(NEW.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER run_events_feed_update AFTER UPDATE ON run_events
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('run_events', COALESCE(CAST(NEW.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER run_events_feed_delete AFTER DELETE ON run_events
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('run_events', COALESCE(CAST(OLD.pipeline AS TEXT),
        ''));
END;

CREATE TRIGGER alerts_feed_insert AFTER INSERT ON alerts
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('alerts', COALESCE(CAST(NEW.business_date AS TEXT),
        ''));
END;

CREATE TRIGGER alerts_feed_update AFTER UPDATE ON alerts
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('alerts', COALESCE(CAST(NEW.business_date AS TEXT),
        ''));
END;

CREATE TRIGGER alerts_feed_delete AFTER DELETE ON alerts
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('alerts', COALESCE(CAST(OLD.business_date AS TEXT),
        ''));
END;

CREATE TRIGGER change_requests_feed_insert AFTER INSERT ON change_requests
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('change_requests', COALESCE(CAST(NEW.id AS TEXT),
        ''));
END;

CREATE TRIGGER change_requests_feed_update AFTER UPDATE ON change_requests
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('change_requests', COALESCE(CAST(NEW.id AS TEXT),
        ''));
END;

CREATE TRIGGER change_requests_feed_delete AFTER DELETE ON change_requests
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('change_requests', COALESCE(CAST(OLD.id AS TEXT),
        ''));
END;

CREATE TRIGGER audit_feed_insert AFTER INSERT ON audit
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('audit', COALESCE(CAST(NEW.pipeline AS TEXT), ''));
END;

CREATE TRIGGER audit_feed_update AFTER UPDATE ON audit
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('audit', COALESCE(CAST(NEW.pipeline AS TEXT), ''));
END;

CREATE TRIGGER audit_feed_delete AFTER DELETE ON audit
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('audit', COALESCE(CAST(OLD.pipeline AS TEXT), ''));
END;

CREATE TRIGGER watches_feed_insert AFTER INSERT ON watches
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('watches', COALESCE(CAST(NEW.id AS TEXT), ''));
END;

CREATE TRIGGER watches_feed_update AFTER UPDATE ON watches
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('watches', COALESCE(CAST(NEW.id AS TEXT), ''));
END;

CREATE TRIGGER watches_feed_delete AFTER DELETE ON watches
BEGIN
    INSERT INTO change_feed (tbl, key) VALUES ('watches', COALESCE(CAST(OLD.id AS TEXT), ''));
END;
