-- 8: the watch's alerts (late start, overrun, a silent orchestrator) and alerts that
-- resolve themselves when their cause clears

ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;

ALTER TABLE alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('at_risk', 'breached',
    'late_start', 'overrun', 'silent'));

ALTER TABLE alerts ADD COLUMN resolved_at TEXT;

ALTER TABLE alerts ADD COLUMN resolved_reason TEXT;
