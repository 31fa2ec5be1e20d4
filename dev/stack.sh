#!/usr/bin/env bash
# Runs the whole of Rewind locally without Docker: a Kafka broker, PostgreSQL, the five services and, unless
# KUBECONFIG points at a real cluster, the Kubernetes sandbox with a demo Deployment for the executor to roll back.
#   dev/stack.sh up|down|status
# Builds the services first when their packaged jars are missing (or REWIND_BUILD=always). Logs and pids go to
# $REWIND_STATE_DIR (default /tmp/rewind). Service ports: detector 8081, approval 8082, executor 8083,
# notifier 8084, postmortem 8085; sandbox API 18443, its demo applications, monitor and Slack stand-in 18480
# (dev/sandbox.sh: the monitor alerts the detector). The notifier's channels take their settings from the environment
# (SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL, PAGERDUTY_ROUTING_KEY...: docs/notifications.md); with the sandbox and no
# Slack settings, Slack messages go to the sandbox's stand-in (and, without REWIND_BITBUCKET_TOKEN, the pipeline
# method's runs to its CI stand-in); PagerDuty and the others: none set, none used. The
# detector's webhook token is ALERTMANAGER_TOKEN, or one generated once for this machine; `up` prints it. Approvers'
# tokens are verified with MP_JWT_VERIFY_PUBLICKEY_LOCATION and REWIND_JWT_ISSUER, or dev/identity.sh's key.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SERVICES=(detector-service:8081 approval-service:8082 executor-service:8083 notifier-service:8084 postmortem-service:8085)
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:${KAFKA_PORT:-9092}}
export POSTGRES_URL=${POSTGRES_URL:-jdbc:postgresql://127.0.0.1:${POSTGRES_PORT:-55432}/rewind}
# The environments Rewind may act in, and the namespaces each owns (see the file): configuration, never alert labels.
export QUARKUS_CONFIG_LOCATIONS=${QUARKUS_CONFIG_LOCATIONS:-$REWIND_ROOT/dev/environments.properties}

# The detector's webhooks require credentials: ALERTMANAGER_TOKEN when set, else a local token generated once and kept
# (readable by you only) in $REWIND_STATE_DIR/alertmanager-token, so that it survives re-runs.
webhook_token() {
  local file=$REWIND_STATE_DIR/alertmanager-token
  if [[ -n ${ALERTMANAGER_TOKEN:-} ]]; then
    printf '%s' "$ALERTMANAGER_TOKEN"
    return 0
  fi
  if [[ ! -s $file ]]; then
    mkdir -p "$REWIND_STATE_DIR"
    (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' > "$file")
  fi
  cat "$file"
}

build_if_needed() {
  local missing=0 entry log=$REWIND_STATE_DIR/build.log
  for entry in "${SERVICES[@]}"; do
    [[ -f $REWIND_ROOT/${entry%%:*}/target/quarkus-app/quarkus-run.jar ]] || missing=1
  done
  if [[ $missing == 1 || ${REWIND_BUILD:-} == always ]]; then
    log "building Rewind (mvn package, tests skipped; a few minutes the first time; Maven's log in $log)"
    mkdir -p "$REWIND_STATE_DIR"
    # A line per module as Maven reaches it, so that the build shows where it is.
    if ! mvn -B -ntp -Dstyle.color=never -f "$REWIND_ROOT/pom.xml" package -DskipTests 2>&1 | tee "$log" \
      | sed -un 's/^\[INFO\] Building \(Rewind :: .*\) [0-9.]*-SNAPSHOT.*$/  building \1/p' >&2; then
      log "the build failed; the end of its log:"
      tail -30 "$log" >&2
      return 1
    fi
  fi
}

start_service() {
  local name=$1 port=$2 dir=$REWIND_STATE_DIR/services
  mkdir -p "$dir"
  if port_open "$port"; then
    log "$name: something already listens on 127.0.0.1:$port, leaving it"
    return 0
  fi
  # One instance per service here, named after it: restarted, it rejoins its Kafka groups as the same static member.
  # From its directory: the class-data sharing archive names the jar by its relative path. shellcheck disable=SC2046
  (cd "$REWIND_ROOT/$name/target/quarkus-app" && HTTP_PORT=$port REWIND_INSTANCE_ID=$name exec nohup java \
    $(service_java_opts "$name") -jar quarkus-run.jar > "$dir/$name.log" 2>&1 < /dev/null) &
  echo $! > "$dir/$name.pid"
}

await_ready() {
  local name=$1 port=$2 i
  for ((i = 0; i < 1200; i++)); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; then
      log "$name: ready on http://127.0.0.1:$port"
      return 0
    fi
    if [[ -f $REWIND_STATE_DIR/services/$name.pid ]] && ! kill -0 "$(cat "$REWIND_STATE_DIR/services/$name.pid")" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  log "$name: not ready; last lines of $REWIND_STATE_DIR/services/$name.log:"
  tail -20 "$REWIND_STATE_DIR/services/$name.log" >&2
  return 1
}

up() {
  local entry token
  "$REWIND_ROOT/dev/kafka.sh" start
  "$REWIND_ROOT/dev/postgres.sh" start
  build_if_needed
  token=$(webhook_token)
  export ALERTMANAGER_TOKEN=$token
  if [[ -z ${KUBECONFIG:-} ]]; then
    # The sandbox's monitor alerts the detector about its demo applications, labelled with the environments of
    # Rewind's own configuration; the notifier's Slack messages go to the sandbox's stand-in unless Slack is set up.
    export SANDBOX_ALERT_WEBHOOK=${SANDBOX_ALERT_WEBHOOK:-http://127.0.0.1:8081/api/v1/alerts/alertmanager}
    if [[ -z ${SANDBOX_ENVIRONMENTS:-} ]]; then
      SANDBOX_ENVIRONMENTS=$(sandbox_environments "$QUARKUS_CONFIG_LOCATIONS")
    fi
    export SANDBOX_ENVIRONMENTS
    "$REWIND_ROOT/dev/sandbox.sh" start
    export KUBECONFIG=$REWIND_STATE_DIR/kubeconfig-sandbox.yaml
    local stand_ins=http://127.0.0.1:${SANDBOX_APPS_PORT:-$((${SANDBOX_PORT:-18443} + 37))}
    if [[ -z ${SLACK_BOT_TOKEN:-}${SLACK_WEBHOOK_URL:-} ]]; then
      export SLACK_WEBHOOK_URL=$stand_ins/slack/webhook
    fi
    # The pipeline method's CI: the sandbox's stand-in for Bitbucket's pipelines API unless Bitbucket is set up (its
    # runs take about a second and deploy within the run, so the executor looks at them every 500 ms rather than every
    # 10 s, and waits 2 s rather than 30 s for a late deploy before the next method takes over).
    if [[ -z ${REWIND_BITBUCKET_TOKEN:-}${REWIND_BITBUCKET_USERNAME:-} ]]; then
      export REWIND_EXECUTOR_PIPELINE_BITBUCKET_URL=$stand_ins/bitbucket \
        REWIND_EXECUTOR_PIPELINE_BITBUCKET_WEB_URL=$stand_ins/ci REWIND_BITBUCKET_TOKEN=sandbox \
        REWIND_EXECUTOR_PIPELINE_POLL_INTERVAL=${REWIND_EXECUTOR_PIPELINE_POLL_INTERVAL:-500ms} \
        REWIND_EXECUTOR_PIPELINE_SETTLE=${REWIND_EXECUTOR_PIPELINE_SETTLE:-2s}
    fi
    # The gitops method's Git host: the sandbox's stand-in (GitHub's API) for the repository its Argo CD and Flux
    # stand-ins deploy from. A properties file, since the host is a named map entry of the executor's configuration.
    cat > "$REWIND_STATE_DIR/sandbox-git-host.properties" <<EOF_GIT
rewind.executor.gitops.git-hosts.sandbox.type=GITHUB
rewind.executor.gitops.git-hosts.sandbox.api-url=$stand_ins/github
rewind.executor.gitops.git-hosts.sandbox.repository-urls=https://git.example/
rewind.executor.gitops.git-hosts.sandbox.token=sandbox-git-token
rewind.executor.gitops.sync-poll-interval=500ms
EOF_GIT
    export QUARKUS_CONFIG_LOCATIONS=$QUARKUS_CONFIG_LOCATIONS,$REWIND_STATE_DIR/sandbox-git-host.properties
  fi
  dev_identity_env
  log "starting the five services (each ready in seconds; logs in $REWIND_STATE_DIR/services)"
  for entry in "${SERVICES[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
  for entry in "${SERVICES[@]}"; do await_ready "${entry%%:*}" "${entry##*:}"; done
  log "Rewind is up. Post Alertmanager webhooks to http://127.0.0.1:8081/api/v1/alerts/alertmanager,"
  log "read incidents at http://127.0.0.1:8085/api/v1/incidents with a token (executor uses KUBECONFIG=$KUBECONFIG)"
  log "The console: http://127.0.0.1:8085/console (development sign-in: any name, any roles)"
  log "The webhook requires ALERTMANAGER_TOKEN=$token (kept in $REWIND_STATE_DIR/alertmanager-token unless you set"
  log "ALERTMANAGER_TOKEN); post the README's demo alert with:"
  # Without the log prefix, so that it can be pasted as it is.
  printf '%s\n' "curl -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' \\" \
    "  -d @/tmp/alert.json http://127.0.0.1:8081/api/v1/alerts/alertmanager" >&2
  log "Approve production rollbacks at http://127.0.0.1:8082/api/v1/approvals with a token from"
  log "dev/identity.sh token NAME ROLE (roles: oncall, team-lead, reviewer, developer; viewer reads incidents only);"
  log "see the README's demo."
}

down() {
  local entry name pidfile
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    pidfile=$REWIND_STATE_DIR/services/$name.pid
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      kill "$(cat "$pidfile")"
      log "$name: stopped"
    fi
    rm -f "$pidfile"
  done
  "$REWIND_ROOT/dev/sandbox.sh" stop
  "$REWIND_ROOT/dev/postgres.sh" stop
  "$REWIND_ROOT/dev/kafka.sh" stop
}

status() {
  "$REWIND_ROOT/dev/kafka.sh" status || true
  "$REWIND_ROOT/dev/postgres.sh" status || true
  "$REWIND_ROOT/dev/sandbox.sh" status || true
  local entry
  for entry in "${SERVICES[@]}"; do
    if curl -fsS "http://127.0.0.1:${entry##*:}/q/health/ready" > /dev/null 2>&1; then
      echo "${entry%%:*}: ready on 127.0.0.1:${entry##*:}"
    else
      echo "${entry%%:*}: not ready on 127.0.0.1:${entry##*:}"
    fi
  done
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
