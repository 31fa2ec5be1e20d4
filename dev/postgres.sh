#!/usr/bin/env bash
# Starts, reports and stops a throwaway PostgreSQL cluster from the distribution's binaries, with database and
# user "rewind" (password from POSTGRES_PASSWORD, default "rewind").
#   dev/postgres.sh start|stop|status
# Environment: POSTGRES_PORT (55432), POSTGRES_PASSWORD, REWIND_STATE_DIR.
# Starting a database that is already listening is harmless: it is reported and left alone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${POSTGRES_PORT:-55432}
PASSWORD=${POSTGRES_PASSWORD:-rewind}
DIR=$REWIND_STATE_DIR/postgres-$PORT

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [[ -z $dir ]]; then
    log "postgres: server binaries missing, installing the distribution's package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || {
      apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_owner() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if port_open "$PORT"; then
    log "postgres: something already listens on 127.0.0.1:$PORT, reusing it"
    return 0
  fi
  local bin started
  bin=$(bindir)
  mkdir -p "$DIR"
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$DIR" && chmod 700 "$DIR" && chmod o+x "$REWIND_STATE_DIR"
  if [[ ! -f $DIR/PG_VERSION ]]; then
    as_owner "$bin/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$REWIND_STATE_DIR/initdb-$PORT.log"
  fi
  started=$(now_ms)
  # A throwaway cluster: durability settings off for speed. Never use these in production.
  as_owner "$bin/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start > /dev/null
  log "postgres: listening on 127.0.0.1:$PORT (started in $(( $(now_ms) - started )) ms, log $DIR/server.log)"
  as_owner "$bin/psql" -q -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 > /dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rewind') THEN
    CREATE ROLE rewind LOGIN PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE rewind OWNER rewind' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'rewind')\gexec
SQL
}

stop() {
  if [[ -f $DIR/postmaster.pid ]]; then
    as_owner "$(bindir)/pg_ctl" -D "$DIR" -m fast -w stop > /dev/null
    log "postgres: stopped (port $PORT)"
  else
    log "postgres: not started by this script on port $PORT"
  fi
}

status() {
  report_port postgres "$PORT"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
