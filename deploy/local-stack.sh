#!/usr/bin/env bash
# Runs the whole platform on this machine without Docker: PostgreSQL, Keycloak, Kafka, GreenMail
# and every built service (see io.agiledunning.testsupport.LocalStack). Ctrl-C stops it.
# Usage: deploy/local-stack.sh [--no-build]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# shellcheck source=lib/java.sh
source "$root/deploy/lib/java.sh"

cd "$root"
if [[ "${1:-}" != "--no-build" ]]; then
  echo "Building (./mvnw -q -DskipTests install) ..."
  ./mvnw -q -DskipTests install
fi

classpath_file="$root/services/test-support/target/classpath.txt"
[[ -f "$classpath_file" ]] || { echo "Missing $classpath_file: build test-support first." >&2; exit 1; }

# Logs go to target/servers/ of the working directory: the repository root.
exec java -Dagiledunning.root="$root" \
  -cp "$root/services/test-support/target/test-support-0.1.0-SNAPSHOT.jar:$(cat "$classpath_file")" \
  io.agiledunning.testsupport.LocalStack
