#!/usr/bin/env bash
# Rewind's fault suite: the five packaged services as processes against a Kafka broker and a PostgreSQL of the suite's
# own (started by dev/kafka.sh and dev/postgres.sh on free ports, in a fresh /tmp directory: never the tests' or the
# dev stack's), the Kubernetes sandbox and a Slack stand-in; SIGKILLs, graceful stops, broker and database restarts,
# two instances of everything, duplicate deliveries and hostile input. Builds what it needs, prints a summary table
# (also in system-tests/target/fault-suite/summary.md); exits non-zero when a guarantee does not hold.
#   dev/fault-suite.sh [--ci] [--seed N] [--anonymous] [-- extra Maven arguments]
#     --ci         the CI-sized run .ci/run makes (20 chaos incidents instead of 100, ...): about 6 minutes
#     --seed N     replay the chaos loop's choices of a run (each run prints its seed)
#     --anonymous  run the instances without REWIND_INSTANCE_ID, to compare recovery times with dynamic members
# Details: docs/fault-suite.md.
set -euo pipefail
cd "$(dirname "$0")/.."

size=full seed= anonymous=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --ci) size=ci ;;
    --seed) seed=$2; shift ;;
    --anonymous) anonymous=true ;;
    --) shift; break ;;
    *) echo "usage: $0 [--ci] [--seed N] [--anonymous] [-- maven args]" >&2; exit 2 ;;
  esac
  shift
done

status=0
mvn -B -ntp verify -pl system-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='dev.rewind.system.faults.*IT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Drewind.faults="$size" -Drewind.faults.seed="$seed" -Drewind.faults.anonymous="$anonymous" "$@" || status=$?
if [[ -f system-tests/target/fault-suite/summary.md ]]; then
  echo
  cat system-tests/target/fault-suite/summary.md
fi
exit $status
