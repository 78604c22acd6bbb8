-- 4: what both engines run alike (pg/ and sqlite/ 04_run_events_alerts.sql include it)

CREATE INDEX run_events_by_night ON run_events (business_date, pipeline, id);
