# Shared shell functions of the dev/ scripts. Sourced, not run.

REWIND_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Throwaway state (broker logs, database cluster, pids) lives outside the checkout: PostgreSQL runs as the
# postgres user, which must be able to reach its data directory.
REWIND_STATE_DIR=${REWIND_STATE_DIR:-/tmp/rewind}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits up to $2 seconds for port $1 to accept connections.
wait_for_port() {
  local port=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    port_open "$port" && return 0
    sleep 0.1
  done
  return 1
}

# Milliseconds since the epoch, for start-time reports.
now_ms() {
  date +%s%3N
}

log() {
  printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

# Prints whether $1 (a name) listens on 127.0.0.1:$2; exit status 3 when it does not.
report_port() {
  if port_open "$2"; then
    echo "$1: listening on 127.0.0.1:$2"
  else
    echo "$1: not running on 127.0.0.1:$2"
    return 3
  fi
}
