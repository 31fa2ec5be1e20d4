#!/usr/bin/env bash
# Measures an alert storm through the packaged detector (a process, as in production) against a real broker and
# database: 10,000 alerts over 100 targets as 100 Alertmanager webhook batches of 100 (50 groups, each re-sent by an
# HA pair), 4 concurrent HTTP/1.1 clients. Reports accepted alerts/s (to the last 202) and decided alerts/s (to the
# last alert applied), each storm's and the median of 5 after 10 warm-up storms, and asserts exactly 100 incidents
# and 100 rollback requests per storm; once with one detector instance, then with two sharing the work (one consumer
# group, the webhook batches spread over both). Takes 10-20 minutes. Options: see AlertStormBench's Javadoc
# (-Drewind.bench.detectors=1 for one round).
# Output: system-tests/target/bench/alert-storm.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests -pl events,platform,kubernetes-revisions,kubernetes-sandbox
mvn -B -ntp -q package -DskipTests -pl detector-service
# A broker of its own (started and stopped by the run, on another port than the tests' 19092): the storms' 3,000
# rollback requests go to rewind.rollback-requests, where the approval services of later system tests would take them.
REWIND_TEST_KAFKA_PORT=${ALERT_STORM_KAFKA_PORT:-19192} \
  mvn -B -ntp -q verify -pl system-tests -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=AlertStormBench -Dfailsafe.failIfNoSpecifiedTests=false "$@"
cat system-tests/target/bench/alert-storm.txt
