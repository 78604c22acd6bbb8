#!/usr/bin/env bash
# Daybreak through Patroni failovers, on loopback: etcd and two Patroni-managed PostgreSQL nodes
# (Debian's patroni, etcd-server and postgresql packages, installed here if missing), a store on
# both through one host-list URL, flips running all the time, and ROUNDS failovers in which the
# leader's Patroni and PostgreSQL are killed with kill -9 and Patroni promotes the other node.
#
#   scripts/patroni-failover.sh [ROUNDS]     (default 5; uses ./build, or BUILD_DIR)
#
# It prints, for each failover, the time from the kill to Patroni's new primary and to the
# first flip that answered exit 0 again, then checks that every flip that answered exit 0 is in
# the store with one audit row, and that the pointer versions match the audit log. A development
# check, not part of the test command: each failover waits for Patroni's leader key to expire
# (ttl 10 s), so five rounds take about two minutes (docs/failover.md has a run's figures).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
build=${BUILD_DIR:-build}
ctl=$build/app/daybreakctl/daybreakctl
worker=$build/tests/tst_concurrency
[ -x "$ctl" ] && [ -x "$worker" ] || { echo "patroni-failover: build first (./scripts/build.sh)" >&2; exit 1; }
if ! command -v patroni >/dev/null || ! command -v etcd >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "patroni-failover: apt install patroni etcd-server (as root)" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q patroni etcd-server >/dev/null
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local p
    while :; do p=$((20000 + RANDOM % 20000)); port_free "$p" && { echo "$p"; return; }; done
}
now_ms() { date +%s%3N; }

dir=$(mktemp -d /tmp/daybreak-patroni.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    pkill -9 -f "$dir" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT

etcd_client=$(free_port)
etcd_peer=$(free_port)
as_owner etcd --name daybreak --data-dir "$dir/etcd" --enable-v2=true \
    --listen-client-urls "http://127.0.0.1:$etcd_client" --advertise-client-urls "http://127.0.0.1:$etcd_client" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer" \
    --initial-cluster "daybreak=http://127.0.0.1:$etcd_peer" >"$dir/etcd.log" 2>&1 &
pids+=($!)
disown

password=daybreak-patroni
declare -A pg_port rest_port
for node in node1 node2; do
    pg_port[$node]=$(free_port)
    rest_port[$node]=$(free_port)
    cat >"$dir/$node.yml" <<EOF
scope: daybreak
name: $node
restapi:
  listen: 127.0.0.1:${rest_port[$node]}
  connect_address: 127.0.0.1:${rest_port[$node]}
etcd:
  host: 127.0.0.1:$etcd_client
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 5
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        synchronous_commit: "on"
        wal_level: replica
        wal_log_hints: "on"
        max_wal_senders: 5
        max_replication_slots: 5
        max_connections: 200
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
  pg_hba:
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:${pg_port[$node]}
  connect_address: 127.0.0.1:${pg_port[$node]}
  data_dir: $dir/$node
  bin_dir: $bindir
  pgpass: $dir/$node.pgpass
  authentication:
    superuser: {username: postgres, password: $password}
    replication: {username: replicator, password: $password}
    rewind: {username: postgres, password: $password}
  parameters:
    unix_socket_directories: $dir
EOF
done
[ "$(id -u)" = 0 ] && chown postgres: "$dir"/*.yml

start_node() {
    as_owner patroni "$dir/$1.yml" >>"$dir/$1.log" 2>&1 &
    pids+=($!)
    disown
}
role_of() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${rest_port[$1]}/primary" || true; }
leader() {
    for node in node1 node2; do [ "$(role_of "$node")" = 200 ] && { echo "$node"; return; }; done
    echo none
}
wait_for() { # seconds, a command run again until it succeeds
    local limit=$1; shift
    local until=$(($(date +%s) + limit))
    until "$@"; do
        [ "$(date +%s)" -lt "$until" ] || return 1
        sleep 0.1
    done
}
is_primary() { [ "$(role_of "$1")" = 200 ]; }
sync_standby_ready() {
    curl -s "http://127.0.0.1:${rest_port[$(leader)]}/cluster" 2>/dev/null | grep -q '"sync_standby"'
}

start_node node1
wait_for 60 is_primary node1 || { cat "$dir/node1.log" >&2; exit 1; }
start_node node2
wait_for 120 sync_standby_ready || { cat "$dir/node2.log" >&2; exit 1; }
echo "patroni: node1 on ${pg_port[node1]} leads, node2 on ${pg_port[node2]} is its synchronous standby"

PGPASSWORD=$password psql -h 127.0.0.1 -p "${pg_port[node1]}" -U postgres -d postgres -qc "CREATE DATABASE daybreak"
url="postgresql://postgres:$password@127.0.0.1:${pg_port[node1]},127.0.0.1:${pg_port[node2]}/daybreak"
export XDG_CACHE_HOME=$dir/cache
"$ctl" init --inventory tests/data/inventories/flips.json --store "$url" >/dev/null
today=$(date -u +%F)
for id in flip_a flip_b; do
    "$ctl" parity record "$id" --date "$today" --onprem-rows 9 --cloud-rows 9 --store "$url" >/dev/null
done

# Flips all along, in the background: one line per attempt, "<pipeline> <action> <exit>".
"$worker" --worker "$ctl" "$url" 1000000 7 >"$dir/flips.log" 2>&1 &
flipper=$!
pids+=($flipper)
flips_ok() { grep -c ' 0$' "$dir/flips.log" || true; }
flips_over() { [ "$(flips_ok)" -gt "$1" ]; }
wait_for 60 flips_over 19

for round in $(seq 1 "$rounds"); do
    old=$(leader)
    before=$(flips_ok)
    killed=$(now_ms)
    # The leader's host is lost: its Patroni and its PostgreSQL, with kill -9.
    pkill -9 -f "patroni $dir/$old.yml" || true
    postmaster=$(head -n 1 "$dir/$old/postmaster.pid" 2>/dev/null || true)
    [ -n "$postmaster" ] && kill -9 "$postmaster" $(pgrep -P "$postmaster") 2>/dev/null || true
    new=$([ "$old" = node1 ] && echo node2 || echo node1)
    wait_for 60 is_primary "$new" || { echo "patroni: $new never became primary" >&2; exit 1; }
    promoted=$(now_ms)
    wait_for 60 flips_over "$before" || { echo "patroni: no flip after the failover" >&2; exit 1; }
    writing=$(now_ms)
    route=$("$ctl" route flip_a --store "$url" 2>/dev/null)
    echo "failover $round: $old -> $new; primary after $((promoted - killed)) ms, a flip answered exit 0 after $((writing - killed)) ms ($((writing - promoted)) ms after the promotion); route says $route"
    # The lost host comes back as the new primary's standby (pg_rewind), ready for the next round.
    start_node "$old"
    wait_for 120 sync_standby_ready || { echo "patroni: $old did not rejoin" >&2; tail -20 "$dir/$old.log" >&2; exit 1; }
done

kill "$flipper" 2>/dev/null || true
wait "$flipper" 2>/dev/null || true
# Every flip that answered exit 0 is there with one audit row each, and the versions agree.
written=$(grep -c ' 0$' "$dir/flips.log" || true)
unreachable=$(grep -c ' 6' "$dir/flips.log" || true)
audit=$(psql "$url?target_session_attrs=read-write" -Atc "SELECT COUNT(*) FROM audit WHERE action IN ('cutover', 'rollback')")
versions=$("$ctl" status --json --store "$url" | python3 -c 'import json,sys; print(sum(p["version"] - 1 for p in json.load(sys.stdin)))')
echo "flips answered exit 0: $written; attempts that found no primary: $unreachable; flip audit rows: $audit; pointer moves: $versions"
# The worker was stopped mid-call: at most its last flip is in the store without its line.
if [ "$audit" -lt "$written" ] || [ "$audit" -gt $((written + 1)) ] || [ "$audit" != "$versions" ]; then
    echo "patroni-failover: FAILED: the store and the answers disagree" >&2
    exit 1
fi
echo "patroni-failover: every flip that answered exit 0 is in the store, each with one audit row"
