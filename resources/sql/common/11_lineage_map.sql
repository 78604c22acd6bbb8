-- 11: what both engines run alike (pg/ and sqlite/ 11_lineage_map.sql include it)

CREATE TABLE lineage_unmapped (namespace TEXT NOT NULL,
    job TEXT NOT NULL, events BIGINT NOT NULL, first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL, PRIMARY KEY (namespace, job));
