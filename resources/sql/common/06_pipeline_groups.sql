-- 6: what both engines run alike (pg/ and sqlite/ 06_pipeline_groups.sql include it)

ALTER TABLE pipelines ADD COLUMN group_name TEXT NOT NULL DEFAULT '';
