#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests: Debian's postgresql package, a cluster
# in a temporary folder, a free port. The state file records where it lives so tests can reach,
# stop and restart it.
#   pg-throwaway.sh start STATE   create and start a cluster; writes STATE (dir, port, url)
#   pg-throwaway.sh stop STATE    stop the server, keep the cluster (for fault tests)
#   pg-throwaway.sh resume STATE  start the stopped server again on the same port
#   pg-throwaway.sh freeze STATE  stop every server process with SIGSTOP: a server that is there
#                                 but never answers (a hung host, a partition)
#   pg-throwaway.sh thaw STATE    SIGCONT them again
#   pg-throwaway.sh destroy STATE stop the server and delete the cluster
set -euo pipefail
command=${1:?start|stop|resume|freeze|thaw|destroy}
state=${2:?state file}
password=daybreak-test-superuser

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "pg-throwaway: PostgreSQL server binaries not found (apt install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_ctl_start() {
    local dir=$1 port=$2
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
}

case "$command" in
start)
    dir=$(mktemp -d /tmp/daybreak-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    printf '%s\n' "$password" >"$dir/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    for attempt in $(seq 1 20); do
        port=$((20000 + RANDOM % 20000))
        port_free "$port" || continue
        if pg_ctl_start "$dir" "$port"; then
            printf 'dir=%s\nport=%s\nbindir=%s\npassword=%s\nurl=postgresql://postgres@127.0.0.1:%s/postgres\n' \
                "$dir" "$port" "$bindir" "$password" "$port" >"$state"
            echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
            exit 0
        fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
stop | resume | destroy | freeze | thaw)
    [ -f "$state" ] || { echo "pg-throwaway: no state file $state" >&2; exit 1; }
    dir=$(sed -n 's/^dir=//p' "$state")
    port=$(sed -n 's/^port=//p' "$state")
    case "$command" in
    stop) as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null ;;
    resume) pg_ctl_start "$dir" "$port" ;;
    freeze | thaw)
        signal=STOP
        [ "$command" = thaw ] && signal=CONT
        postmaster=$(head -n 1 "$dir/data/postmaster.pid")
        kill -s "$signal" "$postmaster" $(pgrep -P "$postmaster") ;;
    destroy)
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$dir" "$state"
        ;;
    esac
    ;;
*) echo "pg-throwaway: unknown command $command" >&2; exit 2 ;;
esac
