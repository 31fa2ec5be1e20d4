#!/usr/bin/env bash
# The runbook's quarterly rollback drill in one command: builds what is missing, starts Kafka, PostgreSQL, the
# Kubernetes sandbox and the five services (dev/stack.sh up), then deploys a test version to staging, injects a
# failure (12% 5xx), and watches Rewind detect it, roll back, verify and document it; then the same failure as a
# production P1, approved through the API as an on-call engineer; a release with an irreversible migration, which
# Rewind must decline; a rollback pipeline that succeeds but deploys nothing, so that its check fails and the next
# method rolls back; and a target Argo CD deploys from Git, where a plain undo is set back and Rewind rolls back in Git
# (a pull request pinning the last good image). Prints a line per phase and a report per scenario (timeline, success criteria, where to look
# next). Exits non-zero when a scenario fails; --scenario staging runs the runbook's drill alone.
#   dev/drill.sh [--keep] [drill options]      --keep leaves the stack running to explore; dev/stack.sh down stops it
#   dev/drill.sh --help                         the drill's options (scenarios, timeouts, fault, namespaces)
# A stack that was already up is reused and left running, unless REWIND_DRILL_FRESH=1 (CI), which refuses one.
# The drill runs against the sandbox: unset KUBECONFIG.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

keep=0
args=()
for arg in "$@"; do
  case $arg in
    --keep) keep=1 ;;
    *) args+=("$arg") ;;
  esac
done

run_drill() {
  local cp token approver sandbox=()
  cp=$(module_classpath drill) || return 1
  token=$("$REWIND_ROOT/dev/identity.sh" token rewind-drill viewer) || return 1
  # The production scenario's approver: REWIND_DRILL_APPROVER_TOKEN, or an on-call engineer of the dev identity
  # provider (never the release's deployer).
  approver=${REWIND_DRILL_APPROVER_TOKEN:-$("$REWIND_ROOT/dev/identity.sh" token drill-oncall oncall)} || return 1
  if [[ " ${args[*]-} " != *" --sandbox"* ]]; then
    sandbox=(--sandbox "http://127.0.0.1:${SANDBOX_APPS_PORT:-$((${SANDBOX_PORT:-18443} + 37))}")
  fi
  REWIND_DRILL_TOKEN=$token REWIND_DRILL_APPROVER_TOKEN=$approver KUBECONFIG=$REWIND_STATE_DIR/kubeconfig-sandbox.yaml \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.rewind.drill.RollbackDrill \
    ${sandbox[@]+"${sandbox[@]}"} ${args[@]+"${args[@]}"}
}

if [[ " ${args[*]-} " == *" --help "* || " ${args[*]-} " == *" -h "* ]]; then
  run_drill
  exit 0
fi
if [[ -n ${KUBECONFIG:-} ]]; then
  log "the drill deploys and breaks a demo application in the sandbox, not in a cluster: unset KUBECONFIG"
  exit 2
fi

already_up=0
if port_open 8081; then
  if [[ ${REWIND_DRILL_FRESH:-} == 1 ]]; then
    log "something already listens on 8081 and REWIND_DRILL_FRESH=1 asks for a stack of the drill's own: stop it first"
    exit 2
  fi
  already_up=1
fi
if [[ $keep == 0 && $already_up == 0 ]]; then
  # Set before the start: a start that fails half-way is stopped too.
  trap '"$REWIND_ROOT/dev/stack.sh" down > /dev/null 2>&1 || true' EXIT
fi
"$REWIND_ROOT/dev/stack.sh" up
status=0
run_drill || status=$?
if [[ $keep == 1 || $already_up == 1 ]]; then
  log "the stack keeps running: dev/stack.sh status, dev/stack.sh down"
fi
exit $status
