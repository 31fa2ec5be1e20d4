#!/usr/bin/env bash
# Starts, reports and stops the Kubernetes sandbox: a Kubernetes API without a cluster (fabric8 mock server in CRUD
# mode plus a simulated Deployment controller), seeded with demo Deployment shop/checkout at revision 2
# (v1.3.0, after v1.2.5). Writes a kubeconfig for it to $REWIND_STATE_DIR/kubeconfig-sandbox.yaml.
#   dev/sandbox.sh start|stop|status
# Environment: SANDBOX_PORT (18443), REWIND_STATE_DIR.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${SANDBOX_PORT:-18443}
DIR=$REWIND_STATE_DIR/sandbox-$PORT
KUBECONFIG_FILE=$REWIND_STATE_DIR/kubeconfig-sandbox.yaml

classpath() {
  local file=$REWIND_STATE_DIR/sandbox-classpath.txt
  if [[ ! -s $file || ! -f $REWIND_ROOT/kubernetes-sandbox/target/kubernetes-sandbox-0.1.0-SNAPSHOT.jar ]]; then
    log "sandbox: building it and resolving its classpath (once)"
    mkdir -p "$REWIND_STATE_DIR"
    mvn -B -q -ntp -f "$REWIND_ROOT/pom.xml" package dependency:build-classpath -pl kubernetes-sandbox -am \
      -DskipTests -Dmdep.outputFile="$file" >&2
  fi
  echo "$REWIND_ROOT/kubernetes-sandbox/target/kubernetes-sandbox-0.1.0-SNAPSHOT.jar:$(cat "$file")"
}

start() {
  if port_open "$PORT"; then
    log "sandbox: something already listens on 127.0.0.1:$PORT, reusing it"
    return 0
  fi
  local cp
  cp=$(classpath)
  mkdir -p "$DIR"
  nohup java -XX:+UseSerialGC -Xmx256m -cp "$cp" dev.rewind.sandbox.KubernetesSandbox "$PORT" "$KUBECONFIG_FILE" \
    > "$DIR/sandbox.log" 2>&1 < /dev/null &
  echo $! > "$DIR/pid"
  if ! wait_for_port "$PORT" 60; then
    log "sandbox: did not start; see $DIR/sandbox.log"
    return 1
  fi
  log "sandbox: Kubernetes API on http://127.0.0.1:$PORT, kubeconfig $KUBECONFIG_FILE"
}

stop() {
  if [[ -f $DIR/pid ]] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
    kill "$(cat "$DIR/pid")"
    log "sandbox: stopped"
  fi
  rm -f "$DIR/pid"
}

status() {
  report_port sandbox "$PORT"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
