#!/usr/bin/env bash
# Runs the whole platform on this machine without Docker: PostgreSQL, Keycloak, Kafka, GreenMail
# and every built service (see io.agiledunning.testsupport.LocalStack). Ctrl-C stops it.
# Usage: deploy/local-stack.sh [--no-build]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Prints the major version of the given java binary (17, 21, 25, ...), or 0.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1 || echo 0
}

# Keycloak 26 and the services need Java 21+; the machine's default java may be older.
find_java_home() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" && "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]]; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/java" && ! -L "$candidate" ]] || continue
    major="$(java_major "$candidate/bin/java")"
    if (( major >= 21 && major > best_major )); then best="$candidate"; best_major="$major"; fi
  done
  if [[ -n "$best" ]]; then echo "$best"; return; fi
  if command -v java >/dev/null && (( "$(java_major java)" >= 21 )); then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return
  fi
  echo "No JDK 21 or newer found (checked JAVA_HOME, /usr/lib/jvm/*, java on PATH); install one, e.g. Temurin 25." >&2
  exit 1
}

JAVA_HOME="$(find_java_home)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
echo "Using Java $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"

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
