-- 2: weekend waves and their ordered membership; a pipeline sits in at most one wave

\ir ../common/02_waves.sql
