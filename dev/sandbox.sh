#!/usr/bin/env bash
# Starts, reports and stops the Kubernetes sandbox: a Kubernetes API without a cluster (fabric8 mock server in CRUD
# mode plus a simulated Deployment controller), seeded with demo Deployment checkout at revision 2 (v1.3.0, after
# v1.2.5) in shop, shop-staging and shop-production. Writes a kubeconfig for it to
# $REWIND_STATE_DIR/kubeconfig-sandbox.yaml. Beside the API, on SANDBOX_APPS_PORT: a demo application per Deployment
# (Prometheus metrics at /metrics; faults injected per version), a monitor that posts Alertmanager webhooks to
# SANDBOX_ALERT_WEBHOOK for the namespaces of SANDBOX_ENVIRONMENTS (namespace=environment,...), and a Slack stand-in
# (/slack/webhook, /slack/messages); SANDBOX_MONITOR=off turns the monitor off. docs/drill.md describes them.
# Its controllers behave as a cluster's over time: rollouts move a step at a time (RollingUpdate 25%/25%), pods are
# kept for each ReplicaSet, a version annotated sandbox.rewind.dev/simulate (progress-deadline-exceeded, crash-loop,
# image-pull-backoff) never gets ready pods and times out after its progressDeadlineSeconds, scaled, and Jobs complete
# (or fail: job-fails). SANDBOX_REALISM=off makes everything instant, as in the tests.
#   dev/sandbox.sh start|stop|status
# Environment: SANDBOX_PORT (18443), SANDBOX_APPS_PORT (SANDBOX_PORT + 37), REWIND_STATE_DIR, the monitor's, and the
# controllers' (KubernetesSandbox's Javadoc): SANDBOX_REALISM (on), SANDBOX_ROLLOUT_STEP_MS (250),
# SANDBOX_PROGRESS_DEADLINE_SCALE (0.02: 600 s become 12 s), SANDBOX_PODS (on), SANDBOX_JOBS (on), SANDBOX_JOB_MS (1000).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${SANDBOX_PORT:-18443}
APPS_PORT=${SANDBOX_APPS_PORT:-$((PORT + 37))}
DIR=$REWIND_STATE_DIR/sandbox-$PORT
KUBECONFIG_FILE=$REWIND_STATE_DIR/kubeconfig-sandbox.yaml

start() {
  if port_open "$PORT"; then
    log "sandbox: something already listens on 127.0.0.1:$PORT, reusing it"
    return 0
  fi
  local cp
  cp=$(module_classpath kubernetes-sandbox)
  mkdir -p "$DIR"
  nohup java -XX:+UseSerialGC -Xmx256m -cp "$cp" dev.rewind.sandbox.KubernetesSandbox "$PORT" "$KUBECONFIG_FILE" \
    "$APPS_PORT" > "$DIR/sandbox.log" 2>&1 < /dev/null &
  echo $! > "$DIR/pid"
  local i
  for ((i = 0; i < 900; i++)); do
    port_open "$PORT" && port_open "$APPS_PORT" && break
    if ! kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  if ! port_open "$PORT" || ! port_open "$APPS_PORT"; then
    log "sandbox: did not start; the end of $DIR/sandbox.log:"
    tail -20 "$DIR/sandbox.log" >&2
    return 1
  fi
  log "sandbox: Kubernetes API on http://127.0.0.1:$PORT, kubeconfig $KUBECONFIG_FILE; demo applications, monitor"
  log "and Slack stand-in on http://127.0.0.1:$APPS_PORT (alerts to ${SANDBOX_ALERT_WEBHOOK:-nowhere})"
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
  report_port "sandbox demo applications" "$APPS_PORT"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
