#!/usr/bin/env bash
# Measures the time from the Alertmanager webhook's 202 to the rollback patch reaching the Kubernetes API, with the
# five packaged services running as processes against a real broker and database (20 runs after 3 warm-up).
# Output: system-tests/target/bench/rollback-latency.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q verify -pl system-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=RollbackLatencyBench -Dfailsafe.failIfNoSpecifiedTests=false "$@"
cat system-tests/target/bench/rollback-latency.txt
