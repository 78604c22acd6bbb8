#!/usr/bin/env bash
# A throwaway MariaDB server on loopback for the parity tests: Debian's mariadb-server, a data
# folder in a temporary directory, a free port, a test user with a password file that only its
# owner reads (as `parity source add --password-file` wants).
#   mariadb-throwaway.sh start STATE    create and start a server; writes STATE (dir, port, url,
#                                       password_file)
#   mariadb-throwaway.sh destroy STATE  stop the server and delete its folder
set -euo pipefail
command=${1:?start|destroy}
state=${2:?state file}
password=daybreak-test-mariadb

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u mysql -- "$@"; else "$@"; fi
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$command" in
start)
    command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] ||
        { echo "mariadb-throwaway: mariadbd not found (apt install mariadb-server)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/daybreak-mariadb.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown mysql: "$dir"
    as_owner mariadb-install-db --no-defaults --datadir="$dir/data" --auth-root-authentication-method=normal \
        --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
    for attempt in $(seq 1 20); do
        port=$((20000 + RANDOM % 20000))
        port_free "$port" || continue
        as_owner /usr/sbin/mariadbd --no-defaults --datadir="$dir/data" --port="$port" \
            --bind-address=127.0.0.1 --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" \
            --skip-log-bin --innodb-flush-log-at-trx-commit=0 --log-error="$dir/server.log" \
            </dev/null >/dev/null 2>&1 &
        for wait in $(seq 1 120); do
            if mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot ping >/dev/null 2>&1; then
                mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot <<SQL
CREATE DATABASE daybreak_test CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER 'daybreak'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL ON daybreak_test.* TO 'daybreak'@'127.0.0.1';
SQL
                umask 077
                printf '%s\n' "$password" >"$dir/password"
                printf 'dir=%s\nport=%s\npassword_file=%s\nurl=mysql://daybreak@127.0.0.1:%s/daybreak_test\n' \
                    "$dir" "$port" "$dir/password" "$port" >"$state"
                echo "MariaDB $(/usr/sbin/mariadbd --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
                exit 0
            fi
            sleep 0.5 # waiting for a server process to come up; not a test's synchronisation
        done
        kill "$(cat "$dir/mysqld.pid" 2>/dev/null)" 2>/dev/null || true
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
destroy)
    [ -f "$state" ] || { echo "mariadb-throwaway: no state file $state" >&2; exit 1; }
    dir=$(sed -n 's/^dir=//p' "$state")
    if [ -f "$dir/mysqld.pid" ]; then
        pid=$(cat "$dir/mysqld.pid")
        kill "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -rf "$dir" "$state"
    ;;
*)
    echo "mariadb-throwaway: unknown command $command" >&2
    exit 2
    ;;
esac
