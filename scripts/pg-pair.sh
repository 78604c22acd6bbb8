#!/usr/bin/env bash
# A throwaway PostgreSQL primary with a synchronous streaming standby on loopback, for the
# failover tests: Debian's postgresql package, both clusters in one temporary folder.
#   pg-pair.sh start STATE         create the primary, clone the standby with pg_basebackup -R,
#                                  start both; writes STATE (dir, ports, password)
#   pg-pair.sh kill-primary STATE  kill -9 the primary's postmaster and its children (a host lost)
#   pg-pair.sh promote STATE       promote the standby to primary (what Patroni does)
#   pg-pair.sh destroy STATE       stop both and delete them
# The primary commits only once the standby has the WAL on disk (synchronous_standby_names,
# synchronous_commit = on): a change that answered is on the standby too (docs/failover.md).
set -euo pipefail
command=${1:?start|kill-primary|promote|destroy}
state=${2:?state file}
password=daybreak-test-superuser

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "pg-pair: PostgreSQL server binaries not found (apt install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        port_free "$port" && { echo "$port"; return; }
    done
    echo "pg-pair: no free port" >&2
    exit 1
}
start_cluster() {
    local data=$1 port=$2 log=$3
    as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
        -o "-p $port -k $(dirname "$data") -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}
field() { sed -n "s/^$1=//p" "$state"; }

case "$command" in
start)
    dir=$(mktemp -d /tmp/daybreak-pgpair.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    printf '%s\n' "$password" >"$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
    as_owner "$bindir/initdb" -D "$dir/primary" -U postgres --pwfile="$dir/pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/primary/postgresql.conf" <<'EOF'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
synchronous_standby_names = 'standby1'
synchronous_commit = on
EOF
    echo "host replication postgres 127.0.0.1/32 scram-sha-256" >>"$dir/primary/pg_hba.conf"
    primary_port=$(free_port)
    start_cluster "$dir/primary" "$primary_port" "$dir/primary.log" || { cat "$dir/primary.log" >&2; exit 1; }
    # The standby names itself standby1, which the primary waits for before it answers a COMMIT.
    printf '127.0.0.1:%s:*:postgres:%s\n' "$primary_port" "$password" >"$dir/pgpass"
    chmod 600 "$dir/pgpass"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pgpass"
    as_owner env PGPASSFILE="$dir/pgpass" "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" \
        -U postgres -D "$dir/standby" -R -X stream -d "application_name=standby1 passfile=$dir/pgpass" \
        >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
    # Promoted, it stands alone: it must not wait for a standby of its own (Patroni's
    # synchronous_mode makes the same choice when no standby is left).
    echo "synchronous_standby_names = ''" >>"$dir/standby/postgresql.conf"
    standby_port=$(free_port)
    while [ "$standby_port" = "$primary_port" ]; do standby_port=$(free_port); done
    start_cluster "$dir/standby" "$standby_port" "$dir/standby.log" || { cat "$dir/standby.log" >&2; exit 1; }
    # Ready when the primary streams to the standby synchronously.
    for _ in $(seq 1 100); do
        sync=$(PGPASSWORD=$password psql -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -Atc \
            "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'" 2>/dev/null || true)
        [ "$sync" = sync ] && break
        sleep 0.1
    done
    [ "$sync" = sync ] || { echo "pg-pair: the standby never became synchronous" >&2; cat "$dir/standby.log" >&2; exit 1; }
    printf 'dir=%s\nprimary_port=%s\nstandby_port=%s\nbindir=%s\npassword=%s\n' \
        "$dir" "$primary_port" "$standby_port" "$bindir" "$password" >"$state"
    echo "PostgreSQL primary on 127.0.0.1:$primary_port, synchronous standby on 127.0.0.1:$standby_port ($dir)"
    ;;
kill-primary)
    dir=$(field dir)
    postmaster=$(head -n 1 "$dir/primary/postmaster.pid")
    kill -9 "$postmaster" $(pgrep -P "$postmaster") 2>/dev/null || true
    ;;
promote)
    dir=$(field dir)
    as_owner "$bindir/pg_ctl" -D "$dir/standby" -w -t 60 promote >/dev/null
    ;;
destroy)
    [ -f "$state" ] || exit 0
    dir=$(field dir)
    for cluster in primary standby; do
        as_owner "$bindir/pg_ctl" -D "$dir/$cluster" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir" "$state"
    ;;
*) echo "pg-pair: unknown command $command" >&2; exit 2 ;;
esac
