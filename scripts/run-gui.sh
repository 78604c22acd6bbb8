#!/usr/bin/env bash
# One command: install, build and open the console on the embedded demo store.
# With no store configured, daybreak creates the per-user store from the demo on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting Daybreak inside Xvfb (set DISPLAY to use your desktop)." >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" ./build/app/daybreak/daybreak "$@"
fi
exec ./build/app/daybreak/daybreak "$@"
