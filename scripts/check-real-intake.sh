#!/usr/bin/env bash
# The importers and the OpenLineage reader on the real files in ../shared/data (public dbt
# projects' manifest.json and run_results.json, OpenLineage's own example events), as they are.
# Run by test.sh where that folder exists; fails on the first file read differently than expected.
# Usage: scripts/check-real-intake.sh [DAYBREAKCTL]   (default build/app/daybreakctl/daybreakctl)
set -euo pipefail
cd "$(dirname "$0")/.."
ctl=${1:-build/app/daybreakctl/daybreakctl}
data=../shared/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-real-intake: $*" >&2; exit 1; }
manifests=0 runs=0 refused=0 events=0
for project in "$data"/dbt/*/; do
  [ -f "$project/manifest.json" ] || continue
  store="$work/$(basename "$project").sqlite"
  "$ctl" init --store "$store" >/dev/null
  "$ctl" import "$project/manifest.json" --store "$store" >"$work/out" 2>&1 ||
    fail "$project/manifest.json: $(cat "$work/out")"
  manifests=$((manifests + 1))
  # The same manifest again changes nothing.
  "$ctl" import "$project/manifest.json" --store "$store" | grep -q "matches the store" ||
    fail "$project/manifest.json: a second import is not a no-op"
  for rr in "$project"/run_results/*.json; do
    [ -f "$rr" ] || continue
    if "$ctl" import "$rr" --store "$store" >"$work/out" 2>&1; then
      runs=$((runs + 1))
    elif grep -q "which runs nothing" "$work/out"; then
      refused=$((refused + 1)) # dbt docs generate / compile: no runs, refused by name
    else
      fail "$rr: $(cat "$work/out")"
    fi
  done
done
[ "$manifests" -gt 0 ] || fail "no manifest under $data/dbt"
store="$work/lineage.sqlite"
"$ctl" init --demo --store "$store" >/dev/null
for ev in "$data"/openlineage/*.json; do
  if "$ctl" run-event --openlineage "$ev" --store "$store" >"$work/out" 2>&1; then
    events=$((events + 1))
  else
    # Only the deliberately broken events and the partial test templates (no eventTime, no
    # runId) may be refused, and with the field named.
    case "$(basename "$ev")" in
      *invalid*|*partial*) grep -q "field '\[0\]" "$work/out" || fail "$ev: $(cat "$work/out")" ;;
      *) fail "$ev: $(cat "$work/out")" ;;
    esac
  fi
done
echo "check-real-intake: $manifests manifests, $runs run_results imported, $refused refused as runs of nothing, $events OpenLineage files read"
