#!/usr/bin/env bash
# Our layered layout against Graphviz's dot on the same graphs: layout time and edge crossings
# (straight segments between node centres, counted the same way for both). Release build.
# Usage: scripts/compare-dot.sh [sizes or nodes/edges folders...]   (default: 60 1000 5000 and
# every folder under ../shared/data/real-graphs). dot is skipped above DOT_MAX_NODES (10000: it
# runs for more than ten minutes on spellbook) and stopped after DOT_TIMEOUT seconds (600).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DDAYBREAK_BENCHMARKS=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-release --target compare_dot --parallel "$(nproc)"
graphs=("$@")
if [ ${#graphs[@]} -eq 0 ]; then
  graphs=(60 1000 5000)
  for d in ../shared/data/real-graphs/*/; do [ -f "$d/nodes.csv" ] && graphs+=("${d%/}"); done
fi
echo "| graph | nodes | edges | our layout | our crossings | ours, counted by the layout | dot | dot crossings | ours / dot | dot time / ours |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for g in "${graphs[@]}"; do
  build-release/benches/compare_dot "$g" "${DOT_TIMEOUT:-600}" "${DOT_MAX_NODES:-10000}"
done
