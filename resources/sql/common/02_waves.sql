-- 2: what both engines run alike (pg/ and sqlite/ 02_waves.sql include it)

CREATE TABLE waves (
    name TEXT PRIMARY KEY, wave_date TEXT NOT NULL, window_start TEXT NOT NULL,
    window_end TEXT NOT NULL, capacity INTEGER NOT NULL CHECK (capacity > 0),
    max_high_risk INTEGER NOT NULL CHECK (max_high_risk >= 0));

CREATE TABLE wave_members (
    pipeline TEXT PRIMARY KEY REFERENCES pipelines (id) ON DELETE CASCADE,
    wave TEXT NOT NULL REFERENCES waves (name) ON DELETE CASCADE ON UPDATE CASCADE, position
        INTEGER NOT NULL);

INSERT INTO settings (key, value) VALUES ('plan_version', '0') ON CONFLICT (key) DO NOTHING;
