#!/usr/bin/env bash
# Starts, reports and stops a real single-node KRaft Kafka broker, run from the Apache Kafka jars on Maven Central.
#   dev/kafka.sh start|stop|status
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1), KAFKA_PARTITIONS (3), REWIND_STATE_DIR.
# Starting a broker that is already listening is harmless: it is reported and left alone.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}
DIR=$REWIND_STATE_DIR/kafka-$PORT
CLASSPATH_FILE=$REWIND_STATE_DIR/kafka-classpath.txt

classpath() {
  if [[ ! -s $CLASSPATH_FILE || $REWIND_ROOT/dev/kafka/pom.xml -nt $CLASSPATH_FILE ]]; then
    log "resolving the Kafka broker's classpath from Maven Central (once)"
    mkdir -p "$REWIND_STATE_DIR"
    if ! mvn -B -ntp -Dstyle.color=never -f "$REWIND_ROOT/dev/kafka/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" > "$REWIND_STATE_DIR/kafka-classpath.log" 2>&1; then
      log "kafka: resolving the classpath failed; the end of Maven's log:"
      tail -30 "$REWIND_STATE_DIR/kafka-classpath.log" >&2
      return 1
    fi
  fi
  cat "$CLASSPATH_FILE"
}

write_config() {
  mkdir -p "$DIR/data"
  cat > "$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data
# Topics a client auto-creates; the services create theirs with rewind.kafka.topics.partitions (6) first.
num.partitions=${KAFKA_PARTITIONS:-3}
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
}

start() {
  if port_open "$PORT"; then
    log "kafka: something already listens on 127.0.0.1:$PORT, reusing it"
    return 0
  fi
  local cp started
  cp=$(classpath)
  write_config
  if [[ ! -f $DIR/data/meta.properties ]]; then
    java -cp "$cp" -Dlog4j2.configurationFile="$REWIND_ROOT/dev/kafka/log4j2.xml" kafka.tools.StorageTool \
      format --standalone -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" \
      -c "$DIR/server.properties" > "$DIR/format.log" 2>&1
  fi
  started=$(now_ms)
  nohup java -XX:+UseSerialGC -Xms128m -Xmx512m -cp "$cp" \
    -Dlog4j2.configurationFile="$REWIND_ROOT/dev/kafka/log4j2.xml" \
    kafka.Kafka "$DIR/server.properties" > "$DIR/kafka.log" 2>&1 < /dev/null &
  echo $! > "$DIR/pid"
  if ! wait_for_port "$PORT" 120; then
    log "kafka: did not start; last lines of $DIR/kafka.log:"
    tail -20 "$DIR/kafka.log" >&2
    return 1
  fi
  log "kafka: listening on 127.0.0.1:$PORT (pid $(cat "$DIR/pid"), started in $(( $(now_ms) - started )) ms, log $DIR/kafka.log)"
}

stop() {
  if [[ -f $DIR/pid ]] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
    local pid i
    pid=$(cat "$DIR/pid")
    kill "$pid"
    for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    log "kafka: stopped (pid $pid)"
  else
    log "kafka: not started by this script on port $PORT"
  fi
  rm -f "$DIR/pid"
}

status() {
  report_port kafka "$PORT"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
