#!/usr/bin/env bash
# Measures, in one run on one machine: the broker's floor (HopFloorBench: a 1 KiB keyed record through 4
# produce-to-consume hops, acks=all, 500 sequential messages) and Rewind's time from the Alertmanager webhook's 202 to
# the rollback patch reaching the Kubernetes API (RollbackLatencyBench: the five packaged services as processes against
# the same broker and a real database, 200 sequential alerts on distinct targets after 100 warm-up), with p50/p99 of
# each, the ratio, and where Rewind's time goes. Takes about 3 minutes after the build.
# Options: -Drewind.bench.runs=N, -Drewind.bench.warm-up=N, -Drewind.bench.floor-runs=N, -Drewind.bench.hops=N,
# -Drewind.bench.service-env=NAME=value,... (settings every service starts with, to compare).
# Output: system-tests/target/bench/hop-floor.txt and rollback-latency.txt
set -euo pipefail
cd "$(dirname "$0")/.."
# Alphabetical: HopFloorBench first, so that RollbackLatencyBench reports the ratio to this run's floor.
mvn -B -ntp -q verify -pl system-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=HopFloorBench,RollbackLatencyBench -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfailsafe.runOrder=alphabetical "$@"
cat system-tests/target/bench/hop-floor.txt system-tests/target/bench/rollback-latency.txt
