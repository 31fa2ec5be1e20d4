# Shared shell functions of the dev/ scripts. Sourced, not run.

REWIND_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Throwaway state (broker logs, database cluster, pids) lives outside the checkout: PostgreSQL runs as the
# postgres user, which must be able to reach its data directory.
REWIND_STATE_DIR=${REWIND_STATE_DIR:-/tmp/rewind}
# The JVM options each service runs with here (bench/footprint.sh measures them; the container image sets the same
# in its JAVA_OPTS): a serial collector and a heap that starts small and gives memory back (a service needs a few tens
# of MB; -Xmx bounds a burst), a smaller code cache and metaspace bound, half-size thread stacks. MALLOC_ARENA_MAX
# keeps glibc from reserving an arena per thread. Together about 60 MB less resident per service (bench/footprint.sh).
REWIND_JAVA_OPTS=${REWIND_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# The JVM options of service $1: REWIND_JAVA_OPTS, and its class-data sharing archive when the build made one
# (quarkus.package.jar.appcds.enabled): the classes it loads at start, read from a memory-mapped file. The archive
# names the jar by its relative path: run `java ... -jar quarkus-run.jar` from target/quarkus-app.
service_java_opts() {
  local archive=$REWIND_ROOT/$1/target/quarkus-app/app-cds.jsa
  if [[ -f $archive ]]; then
    printf '%s -XX:SharedArchiveFile=app-cds.jsa -Xshare:auto' "$REWIND_JAVA_OPTS"
  else
    printf '%s' "$REWIND_JAVA_OPTS"
  fi
}

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
