#!/usr/bin/env bash
# Builds the benchmarks in Release (build-release/) and runs them. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DDAYBREAK_BENCHMARKS=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-release --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
for bench in build-release/benches/bench_*; do
  [ -d "$bench" ] && continue
  [ -x "$bench" ] || continue
  echo "== $(basename "$bench")"
  "$bench" "$@"
done
