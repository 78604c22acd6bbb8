-- 3: what both engines run alike (pg/ and sqlite/ 03_parity_resolution.sql include it)

ALTER TABLE parity_results ADD COLUMN resolution TEXT CHECK (resolution IN ('accepted',
    'legacy_bug', 'new_bug'));

ALTER TABLE parity_results ADD COLUMN resolved_at TEXT;

ALTER TABLE parity_results ADD COLUMN checksum_match INTEGER;

ALTER TABLE parity_results ADD COLUMN note TEXT NOT NULL DEFAULT '';

UPDATE parity_results SET resolution = 'accepted' WHERE accepted_by IS NOT NULL;
