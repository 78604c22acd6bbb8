-- 3: how a breach was closed, checksum matches and notes on comparisons

\ir ../common/03_parity_resolution.sql
