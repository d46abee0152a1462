#!/usr/bin/env bash
# Dunning engine benchmark: one daily run over N open cases (10 tenants, a realistic mix: most not due, some on
# hold) against the real PostgreSQL of the tests, printing cases decided per second and the ratio against two plain
# set-based UPDATEs in the same run: (a) of the same due rows, (b) of every open case's due row; also the claim
# query's plan and the load average before and after (io.agiledunning.cases.dunning.service.EngineBench).
# Results: docs/benchmarks.md, "Dunning engine".
#
# Usage: deploy/bench/engine.sh [cases] [due-permille]   (defaults: 1000000 cases, 10 ‰ due)
# Server ports are the test-support settings (AGILEDUNNING_PG_PORT, ...); running servers are reused.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases="${1:-1000000}"
due="${2:-10}"

# shellcheck source=../lib/java.sh
source "$root/deploy/lib/java.sh"

cd "$root"
./mvnw -q -pl services/cases -am verify -Dbench=true -Dbench.cases="$cases" -Dbench.due-permille="$due" \
  -Dit.test=EngineBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  | grep --line-buffered '^BENCH' || { echo "benchmark failed; see services/cases/target/failsafe-reports" >&2; exit 1; }
