#!/usr/bin/env bash
# Builds the benchmarks in Release (build-release/) and runs them. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
command -v /usr/bin/time >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq time; }
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DDAYBREAK_BENCHMARKS=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-release --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
for bench in build-release/benches/bench_*; do
  [ -d "$bench" ] && continue
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
