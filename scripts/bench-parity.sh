#!/usr/bin/env bash
# The parity diff's benchmark (called by scripts/bench.sh, after the Release build): two
# throwaway PostgreSQL clusters on loopback with one table of ROWS rows (default 10,000,000) and
# 12 columns of mixed types; on the cloud side 10 rows changed, 5 missing and 5 extra, then
# 10,000 scattered changes; then PostgreSQL against a throwaway MariaDB at 1,000,000 rows.
# Each run prints the floor (one checksum scan of each table, both at once) and the diff.
#   scripts/bench-parity.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
bench=build-release/benches/bench_paritydiff
[ -x "$bench" ] || { echo "bench-parity: build $bench first (scripts/bench.sh)" >&2; exit 1; }
work=$(mktemp -d /tmp/daybreak-bench-parity.XXXXXX)
a="$work/a.state" b="$work/b.state" m="$work/m.state"
cleanup() {
  ./scripts/pg-throwaway.sh destroy "$a" 2>/dev/null || true
  ./scripts/pg-throwaway.sh destroy "$b" 2>/dev/null || true
  ./scripts/mariadb-throwaway.sh destroy "$m" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
./scripts/pg-throwaway.sh start "$a"
./scripts/pg-throwaway.sh start "$b"
port_a=$(sed -n 's/^port=//p' "$a")
port_b=$(sed -n 's/^port=//p' "$b")
password=$(sed -n 's/^password=//p' "$a")
# The diff reads passwords as Daybreak does: .pgpass for PostgreSQL.
printf '127.0.0.1:%s:*:postgres:%s\n127.0.0.1:%s:*:postgres:%s\n' "$port_a" "$password" "$port_b" "$password" >"$work/pgpass"
chmod 600 "$work/pgpass"
export PGPASSFILE="$work/pgpass"
psql_a() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port_a" -U postgres "$@"; }
psql_b() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port_b" -U postgres "$@"; }

table_sql() {
  cat <<SQL
CREATE TABLE bench_orders (id BIGINT PRIMARY KEY, customer_id INTEGER, qty INTEGER,
  amount NUMERIC(12,2), tax NUMERIC(12,2), ratio DOUBLE PRECISION, weight DOUBLE PRECISION,
  name TEXT, status TEXT, created TIMESTAMPTZ, shipped DATE, note TEXT);
INSERT INTO bench_orders SELECT g, g % 100000, g % 17, (g % 100000) * 0.37, (g % 1000) * 0.19,
  g / 7.0::float8, sqrt(g::float8), 'customer ' || (g % 100000),
  (ARRAY['open', 'shipped', 'returned'])[g % 3 + 1],
  TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 second',
  CASE WHEN g % 7 = 0 THEN NULL ELSE DATE '2026-01-01' + (g % 365)::int END, md5(g::text)
FROM generate_series(1, $1) g;
VACUUM ANALYZE bench_orders;
SQL
}
echo "== parity: loading $rows rows into each PostgreSQL cluster"
psql_a -c "CREATE DATABASE bench" postgres
psql_b -c "CREATE DATABASE bench" postgres
table_sql "$rows" | psql_a bench &
table_sql "$rows" | psql_b bench
wait
step=$((rows / 10))
psql_b bench <<SQL
UPDATE bench_orders SET amount = amount + 1 WHERE id IN (SELECT $step * k + 11 FROM generate_series(0, 9) k);
DELETE FROM bench_orders WHERE id IN (SELECT $step * k + 5003 FROM generate_series(0, 4) k);
INSERT INTO bench_orders SELECT $rows + k, 1, 1, 1, 1, 1, 1, 'extra', 'open', now(), NULL, 'x' FROM generate_series(1, 5) k;
VACUUM ANALYZE bench_orders;
SQL
bytes=$(psql_a -At -c "SELECT pg_relation_size('bench_orders')" bench)
url_a="postgresql://postgres@127.0.0.1:$port_a/bench"
url_b="postgresql://postgres@127.0.0.1:$port_b/bench"
/usr/bin/time -f "  peak memory %M kB, wall %e s" "$bench" --label "PostgreSQL x2, $rows rows, 20 differences" \
  --onprem "$url_a" --cloud "$url_b" --table public.bench_orders --key id --table-bytes "$bytes" \
  --expect-missing-cloud 5 --expect-missing-onprem 5 --expect-changed 10
psql_b bench -c "UPDATE bench_orders SET qty = qty + 1 WHERE id % ($rows / 10000) = 3 AND id <= $rows" \
  -c "VACUUM ANALYZE bench_orders"
scattered=$(psql_b -At -c "SELECT COUNT(*) FROM bench_orders WHERE id % ($rows / 10000) = 3 AND id <= $rows" bench)
changed=$((scattered + 10 - $(psql_b -At -c "SELECT COUNT(*) FROM generate_series(0, 9) k WHERE ($step * k + 11) % ($rows / 10000) = 3" bench)))
/usr/bin/time -f "  peak memory %M kB, wall %e s" "$bench" --label "PostgreSQL x2, $rows rows, $((changed + 10)) differences" \
  --onprem "$url_a" --cloud "$url_b" --table public.bench_orders --key id --table-bytes "$bytes" \
  --expect-missing-cloud 5 --expect-missing-onprem 5 --expect-changed "$changed"

small=1000000
echo "== parity: PostgreSQL against MariaDB at $small rows"
./scripts/mariadb-throwaway.sh start "$m"
mport=$(sed -n 's/^port=//p' "$m")
mpw=$(sed -n 's/^password_file=//p' "$m")
psql_a -c "CREATE DATABASE bench_small" postgres
table_sql "$small" | psql_a bench_small
mariadb --no-defaults -h127.0.0.1 -P"$mport" -udaybreak -p"$(cat "$mpw")" daybreak_test <<SQL
SET time_zone = '+00:00';
CREATE TABLE bench_orders (id BIGINT PRIMARY KEY, customer_id INT, qty INT, amount DECIMAL(12,2),
  tax DECIMAL(12,2), ratio DOUBLE, weight DOUBLE, name VARCHAR(40), status VARCHAR(10),
  created DATETIME(6), shipped DATE, note VARCHAR(32));
INSERT INTO bench_orders SELECT seq, seq % 100000, seq % 17, (seq % 100000) * 0.37, (seq % 1000) * 0.19,
  seq / 7e0, SQRT(seq), CONCAT('customer ', seq % 100000), ELT(seq % 3 + 1, 'open', 'shipped', 'returned'),
  TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND,
  IF(seq % 7 = 0, NULL, DATE '2026-01-01' + INTERVAL (seq % 365) DAY), MD5(seq)
FROM seq_1_to_$small;
UPDATE bench_orders SET amount = amount + 1 WHERE id IN (11, 100011, 200011, 300011, 400011, 500011, 600011, 700011, 800011, 900011);
DELETE FROM bench_orders WHERE id IN (5003, 105003, 205003, 305003, 405003);
INSERT INTO bench_orders SELECT $small + seq, 1, 1, 1, 1, 1, 1, 'extra', 'open', NOW(), NULL, 'x' FROM seq_1_to_5;
ANALYZE TABLE bench_orders;
SQL
small_bytes=$(psql_a -At -c "SELECT pg_relation_size('bench_orders')" bench_small)
/usr/bin/time -f "  peak memory %M kB, wall %e s" "$bench" --label "PostgreSQL against MariaDB, $small rows, 20 differences" \
  --onprem "postgresql://postgres@127.0.0.1:$port_a/bench_small" \
  --cloud "mysql://daybreak@127.0.0.1:$mport/daybreak_test" --cloud-password-file "$mpw" \
  --table public.bench_orders --cloud-table bench_orders --key id --table-bytes "$small_bytes" \
  --expect-missing-cloud 5 --expect-missing-onprem 5 --expect-changed 10
