#!/usr/bin/env bash
# Measures, for each rollback method (kubectl, redeploy, helm, pipeline), the time from the rollback command's
# publication on Kafka to the method's one change reaching its system: the patch at the (sandbox) Kubernetes API, or
# the trigger at the (stand-in) CI. The executor runs in Quarkus test mode against a real broker and database
# (20 runs per method after 3 warm-up). Output: executor-service/target/bench/strategy-latency.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests -pl events,platform,kubernetes-revisions,kubernetes-sandbox
mvn -B -ntp -q verify -pl executor-service -Dtest=StrategyLatencyBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat executor-service/target/bench/strategy-latency.txt
