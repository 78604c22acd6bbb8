#!/usr/bin/env bash
# One command: install, build and run the whole test suite, in Debug and in Release (no display,
# no input needed).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Debug}" -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
# Every CMake package the build found must come from install-deps.sh, or a machine that had nothing
# fails where this one passed. The checker ships with the team's workspace, next to the clone.
deps_check=../shared/tools/check-install-deps
if [ -x "$deps_check" ]; then
  "$deps_check" build
else
  echo "test: $deps_check not found next to this clone; the install-deps check is skipped" >&2
fi
./scripts/check-format.sh
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir build --output-on-failure --timeout 600 -j "$(nproc)"
# The same suite again in Release, with the benchmarks built (not run): what the optimiser does
# to the code must not change what the tests see, and the benchmarks must keep compiling.
BUILD_TYPE=Release BUILD_DIR=build-release CMAKE_ARGS="-DDAYBREAK_BENCHMARKS=ON -DBUILD_TESTING=ON" \
  ./scripts/build.sh
ctest --test-dir build-release --output-on-failure --timeout 600 -j "$(nproc)"
# The importers on the real dbt and OpenLineage files, where the team's workspace has them.
if [ -d ../shared/data/dbt ]; then
  ./scripts/check-real-intake.sh
else
  echo "test: ../shared/data not found next to this clone; the real-intake check is skipped" >&2
fi
