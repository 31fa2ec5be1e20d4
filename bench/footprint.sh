#!/usr/bin/env bash
# Measures each packaged service's footprint as dev/stack.sh and the container image run it (the same JVM options:
# dev/service-jvm.options, then <service>/jvm.options): the time from `java` to /q/health/ready answering UP, and the
# resident memory (RSS) when ready and after 10 s idle; each service alone, RUNS times (3) after a first start that
# migrates its schema, then the five at once. Starts its own broker, database and Kubernetes sandbox on other ports, in
# its own state directory, and removes them afterwards.
#   bench/footprint.sh            (build the services first: mvn package -DskipTests)
# Environment: RUNS (3), REWIND_JAVA_OPTS (to compare other common JVM options; <service>/jvm.options still apply).
# Output: target/bench/footprint.txt, the services' logs of the last runs in target/bench/footprint-logs
set -euo pipefail
export REWIND_STATE_DIR=${REWIND_STATE_DIR:-/tmp/rewind-footprint-$$}
export KAFKA_PORT=${FOOTPRINT_KAFKA_PORT:-29092} POSTGRES_PORT=${FOOTPRINT_POSTGRES_PORT:-55441}
export SANDBOX_PORT=${FOOTPRINT_SANDBOX_PORT:-28443}
source "$(dirname "$0")/../dev/lib.sh"
RUNS=${RUNS:-3}
SERVICES=(detector-service approval-service executor-service notifier-service postmortem-service)
OUT=$REWIND_ROOT/target/bench/footprint.txt
mkdir -p "$(dirname "$OUT")" "$REWIND_STATE_DIR/footprint"

cleanup() {
  pkill -f "rewind-footprint-service" 2>/dev/null || true
  rm -rf "$(dirname "$OUT")/footprint-logs" && cp -r "$REWIND_STATE_DIR/footprint" "$(dirname "$OUT")/footprint-logs" || true
  "$REWIND_ROOT/dev/sandbox.sh" stop > /dev/null 2>&1 || true
  "$REWIND_ROOT/dev/postgres.sh" stop > /dev/null 2>&1 || true
  "$REWIND_ROOT/dev/kafka.sh" stop > /dev/null 2>&1 || true
  rm -rf "$REWIND_STATE_DIR"
}
trap cleanup EXIT

for service in "${SERVICES[@]}"; do
  [[ -f $REWIND_ROOT/$service/target/quarkus-app/quarkus-run.jar ]] || { log "$service is not packaged"; exit 1; }
done
"$REWIND_ROOT/dev/kafka.sh" start
"$REWIND_ROOT/dev/postgres.sh" start
"$REWIND_ROOT/dev/sandbox.sh" start
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export POSTGRES_URL=jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/rewind
export QUARKUS_CONFIG_LOCATIONS=$REWIND_ROOT/dev/environments.properties
export KUBECONFIG=$REWIND_STATE_DIR/kubeconfig-sandbox.yaml ALERTMANAGER_TOKEN=footprint
# The identity settings dev/stack.sh gives the services (postmortem-service does not start without them).
dev_identity_env

# Starts $1 on port $2; prints its pid.
launch() {
  # shellcheck disable=SC2086 # the options are words
  (cd "$REWIND_ROOT/$1/target/quarkus-app" && HTTP_PORT=$2 REWIND_INSTANCE_ID=$1 exec nohup java \
    $(service_java_opts "$1") -Drewind-footprint-service=$1 -jar quarkus-run.jar \
    > "$REWIND_STATE_DIR/footprint/$1.log" 2>&1 < /dev/null) &
  echo $!
}

ready() {
  curl -fsS "http://127.0.0.1:$1/q/health/ready" > /dev/null 2>&1
}

rss_mb() {
  awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

stop() {
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

# Median of the numbers on stdin.
median() {
  sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# Once unmeasured, as after a deploy: the first start migrates the service's schema, later ones find it done.
for service in "${SERVICES[@]}"; do
  pid=$(launch "$service" 18190)
  until ready 18190; do
    kill -0 "$pid" 2>/dev/null || { log "$service died:"; tail -20 "$REWIND_STATE_DIR/footprint/$service.log"; exit 1; }
    sleep 0.1
  done
  stop "$pid"
done

{
  echo "footprint of each service started alone, $RUNS runs after one that migrated its schema (median, range)"
  echo "JVM options (REWIND_JAVA_OPTS): $REWIND_JAVA_OPTS, then each service's own:"
  for service in "${SERVICES[@]}"; do echo "  $service: $(service_java_opts "$service" | cut -c$((${#REWIND_JAVA_OPTS} + 2))-)"; done
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
  printf '%-20s %-22s %-22s %-22s\n' service "ready (ms)" "RSS at ready (MB)" "RSS 10 s later (MB)"
} | tee "$OUT"
for service in "${SERVICES[@]}"; do
  readies=() rss=() idle=()
  for ((run = 0; run < RUNS; run++)); do
    start=$(now_ms)
    pid=$(launch "$service" 18190)
    until ready 18190; do
      kill -0 "$pid" 2>/dev/null || { log "$service died:"; tail -20 "$REWIND_STATE_DIR/footprint/$service.log"; exit 1; }
      sleep 0.02
    done
    readies+=($(($(now_ms) - start)))
    rss+=("$(rss_mb "$pid")")
    sleep 10
    idle+=("$(rss_mb "$pid")")
    stop "$pid"
  done
  printf '%-20s %-22s %-22s %-22s\n' "$service" \
    "$(printf '%s\n' "${readies[@]}" | median) ($(printf '%s\n' "${readies[@]}" | sort -n | head -1)-$(printf '%s\n' "${readies[@]}" | sort -n | tail -1))" \
    "$(printf '%s\n' "${rss[@]}" | median) ($(printf '%s\n' "${rss[@]}" | sort -n | head -1)-$(printf '%s\n' "${rss[@]}" | sort -n | tail -1))" \
    "$(printf '%s\n' "${idle[@]}" | median) ($(printf '%s\n' "${idle[@]}" | sort -n | head -1)-$(printf '%s\n' "${idle[@]}" | sort -n | tail -1))" \
    | tee -a "$OUT"
done

start=$(now_ms)
pids=() port=18190
for service in "${SERVICES[@]}"; do
  pids+=("$(launch "$service" "$port")")
  port=$((port + 1))
done
for ((port = 18190; port < 18195; port++)); do
  until ready "$port"; do sleep 0.05; done
done
all=$(($(now_ms) - start))
total=0
for pid in "${pids[@]}"; do total=$((total + $(rss_mb "$pid"))); done
echo "the five at once: all ready after $all ms, $total MB resident together" | tee -a "$OUT"
for pid in "${pids[@]}"; do stop "$pid"; done
