#!/usr/bin/env bash
# One command: install, build and open the console on the embedded demo store.
# With no store configured, daybreak creates the per-user store from the demo on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-gui: no display to open the console on (DISPLAY is unset); to run it in a virtual display: xvfb-run -a ./scripts/run-gui.sh" >&2
  exit 1
fi
exec ./build/app/daybreak/daybreak "$@"
