#!/usr/bin/env bash
# Measures the incident list and each of its filters through postmortem-service's HTTP API over 100,000 incidents:
# p50, p99 and max per query, one client, 500 requests per query after 200 warm-up rounds (goal: p99 under 20 ms).
# The service runs in Quarkus test mode against the tests' PostgreSQL (127.0.0.1:55433, started by dev/postgres.sh if
# need be) but in a database of the benchmark's own, rewind_bench_incident_queries, emptied and seeded afresh on
# each run: never the dev stack's data, nor the tests'. Takes about 3 minutes.
# Options: -Drewind.bench.incidents=N, -Drewind.bench.runs=N, -Drewind.bench.warm-up=N.
# Output: postmortem-service/target/bench/incident-queries.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests -pl events,platform
mvn -B -ntp -q verify -pl postmortem-service -Dtest=IncidentQueriesBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat postmortem-service/target/bench/incident-queries.txt
