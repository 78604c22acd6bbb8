#!/usr/bin/env bash
# Builds the benchmarks in Release (build-release/, shared with the Release test run) and runs
# them. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
command -v /usr/bin/time >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq time; }
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DDAYBREAK_BENCHMARKS=ON -DBUILD_TESTING=ON >/dev/null
cmake --build build-release --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
# A throwaway PostgreSQL on loopback for the routing-latency benchmark, removed on exit.
pg_state=$(mktemp -u /tmp/daybreak-bench-pg.XXXXXX)
./scripts/pg-throwaway.sh start "$pg_state"
trap './scripts/pg-throwaway.sh destroy "$pg_state"' EXIT
pg_port=$(sed -n 's/^port=//p' "$pg_state")
pg_password=$(sed -n 's/^password=//p' "$pg_state")
for db in bench_60 bench_1000 bench_events bench_lineage bench_follow bench_outage; do
  PGPASSWORD=$pg_password psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -c "CREATE DATABASE $db" postgres
done
export DAYBREAK_BENCH_PG_URL="postgresql://postgres:${pg_password}@127.0.0.1:${pg_port}/"
# bench_route_outage stops, freezes and resumes it.
export DAYBREAK_BENCH_PG_STATE=$pg_state
for bench in build-release/benches/bench_*; do
  [ -d "$bench" ] && continue
  if [ "$(basename "$bench")" = bench_follow ]; then
    echo "== bench_follow"
    "$bench" --seconds 30
    "$bench" --seconds 30 --postgresql --consoles 20
    continue
  fi
  [ "$(basename "$bench")" = bench_paritydiff ] && continue # its own servers: bench-parity.sh
  if [ "$(basename "$bench")" = bench_labels ]; then
    echo "== bench_labels"
    graphs=../shared/data/real-graphs
    if [ -d "$graphs" ]; then
      QT_QPA_PLATFORM=offscreen "$bench" $(ls -d "$graphs"/*/ | grep -v extract | sed 's|/$||')
    else
      echo "  (no $graphs here: nothing to measure)"
    fi
    continue
  fi
  if [ "$(basename "$bench")" = bench_gui ]; then
    for n in 1000 5000 10000; do
      /usr/bin/time -f "  peak memory %M kB, wall %e s" "$bench" "$n"
    done
    continue
  fi
  [ -x "$bench" ] || continue
  echo "== $(basename "$bench")"
  "$bench" "$@"
done
# The parity diff against its floor, on two PostgreSQL clusters and on MariaDB (its own servers).
./scripts/bench-parity.sh
