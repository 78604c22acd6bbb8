#!/usr/bin/env bash
# Runs the built test suite as if today were each given date, with libfaketime from outside the
# product (Daybreak itself has no switch that fakes the time). Build first (scripts/test.sh).
# Usage: scripts/test-dates.sh ["YYYY-MM-DD HH:MM:SS" ...]   times are UTC
# Default: the dates that once broke the suite: blackout Saturdays in December, Christmas Eve late
# in the evening (already the 25th in Berlin), and the Europe/Berlin spring-forward and fall-back
# nights.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq --no-install-recommends faketime >/dev/null; }
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=("2026-12-12 09:00:00" "2026-12-24 23:30:00" "2027-03-28 01:30:00" "2027-10-31 00:30:00")
export QT_QPA_PLATFORM=offscreen TZ=UTC
status=0
for d in "${dates[@]}"; do
  echo "== the suite at $d UTC"
  faketime -f "@$d" ctest --test-dir build --output-on-failure --timeout 600 -j "$(nproc)" || status=1
done
exit $status
