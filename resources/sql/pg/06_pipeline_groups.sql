-- 6: the group a pipeline is drawn in (empty: derived from its id or owner)

\ir ../common/06_pipeline_groups.sql
