#!/usr/bin/env bash
# Bulk import benchmark: N claims (default 1,000,000) imported from one CSV file end to end below HTTP
# (io.agiledunning.cases.imports.ImportBenchmark), and a raw COPY of the same file into the same database in
# the same run; prints both and the ratio. Results: docs/benchmarks.md, "Bulk import".
#
# Usage: deploy/bench/import.sh [--no-build] [rows] [chunk-rows]
# PostgreSQL: the test-support server (AGILEDUNNING_PG_PORT, default 55432), reused if running, else started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build=true
if [[ "${1:-}" == "--no-build" ]]; then build=false; shift; fi

# shellcheck source=../lib/java.sh
source "$root/deploy/lib/java.sh"

cases="$root/services/cases"
cd "$root"
if $build; then
  echo "Building services/cases with its test classes and classpath (no tests run) ..."
  ./mvnw -q -DskipTests package dependency:build-classpath -pl services/cases -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cases/target/bench-classpath.txt"
fi
[[ -f "$cases/target/bench-classpath.txt" ]] || { echo "Missing $cases/target/bench-classpath.txt: build without --no-build." >&2; exit 1; }

cd "$cases"
exec java -Xmx512m -Dagiledunning.root="$root" \
  -cp "$cases/target/test-classes:$cases/target/classes:$(cat "$cases/target/bench-classpath.txt")" \
  io.agiledunning.cases.imports.ImportBenchmark "$@"
