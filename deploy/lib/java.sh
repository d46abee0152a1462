# Sourced by .ci/run and deploy/local-stack.sh: selects a JDK >= 21 (Keycloak 26 and the services need it;
# a machine's default java may be older) and exports JAVA_HOME and PATH for it.

# Prints the major version of the given java binary (17, 21, 25, ...), or 0.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1 || echo 0
}

# JAVA_HOME if it is new enough, else the newest JDK >= 21 under /usr/lib/jvm, else java on PATH.
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
  return 1
}

JAVA_HOME="$(find_java_home)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
echo "Using Java $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
