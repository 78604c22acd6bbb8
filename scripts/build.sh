#!/usr/bin/env bash
# Configures and builds Daybreak into build/ (BUILD_TYPE=Debug by default; BUILD_DIR another
# folder; CMAKE_ARGS more options, e.g. -DDAYBREAK_BENCHMARKS=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
build_type="${BUILD_TYPE:-Debug}"
build_dir="${BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DCMAKE_INSTALL_PREFIX=/usr ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)"
