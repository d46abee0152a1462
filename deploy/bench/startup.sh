#!/usr/bin/env bash
# Start-up benchmark: start time (process start → /q/health/ready, and Quarkus' own "started in")
# and resident memory of each packaged service, with real PostgreSQL, Keycloak and Kafka running,
# against a minimal JVM measured in the same run (see io.agiledunning.e2e.bench.StartupBenchmark).
# Results: docs/benchmarks.md, "Service start time and memory".
#
# Usage: deploy/bench/startup.sh [--no-build] [rounds]   (rounds: starts per service, default 3)
# Server ports are the test-support settings (AGILEDUNNING_PG_PORT, ...); running servers are reused.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build=true
if [[ "${1:-}" == "--no-build" ]]; then build=false; shift; fi
rounds="${1:-3}"

# shellcheck source=../lib/java.sh
source "$root/deploy/lib/java.sh"

cd "$root"
if $build; then
  # The e2e module and everything it needs: the services' quarkus-run.jar (build order comes from its
  # pom-typed dependencies), test-support, and its own test classes and classpath file. No tests run.
  echo "Building the services and deploy/e2e (./mvnw -q -DskipTests install -pl deploy/e2e -am) ..."
  ./mvnw -q -DskipTests install -pl deploy/e2e -am
fi

e2e="$root/deploy/e2e"
[[ -f "$e2e/target/test-classpath.txt" ]] || { echo "Missing $e2e/target/test-classpath.txt: build without --no-build." >&2; exit 1; }

# Service and server logs go to deploy/e2e/target/servers/.
cd "$e2e"
exec java -Dagiledunning.root="$root" \
  -cp "$e2e/target/test-classes:$(cat "$e2e/target/test-classpath.txt")" \
  io.agiledunning.e2e.bench.StartupBenchmark "$rounds"
