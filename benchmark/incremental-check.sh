#!/usr/bin/env bash
# Checks incremental analysis against whole analyses on a real, compiled Maven module: removes Java
# files one at a time (source and class files), runs `check` with the cache (incremental) and
# without it (whole), compares the JSON reports, puts the file back and compares again.
#
#   benchmark/incremental-check.sh <module-dir> [files=10] [seed=1]
#
# The module must be built (`mvn compile`) and resolvable offline; Archlint must be installed in
# the local repository (`./mvnw install -DskipTests`). Extra Maven arguments: MAVEN_ARGS="...".
# Prints one line per step (incremental or whole, files re-analysed, same or DIFFERENT) and exits
# 1 when any step differs; the module's files are restored even when interrupted.
set -euo pipefail

MODULE="$(cd "${1:?usage: $0 <module-dir> [files] [seed]}" && pwd)"
COUNT="${2:-10}"
SEED="${3:-1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MVN="$ROOT/mvnw"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
GOAL="io.archlint:archlint-maven-plugin:$VERSION:check"
WORK="$(mktemp -d)"
# shellcheck disable=SC2206
EXTRA=(${MAVEN_ARGS:-})

restore() {
  if [ -d "$WORK/removed" ]; then
    (cd "$WORK/removed" && find . -type f -print0 | while IFS= read -r -d '' f; do
      mkdir -p "$MODULE/$(dirname "$f")"; mv "$f" "$MODULE/$f"; done)
    rm -rf "$WORK/removed"
  fi
}
trap 'restore; rm -rf "$WORK"' EXIT

run_check() { # $1: report copy, rest: extra properties
  local copy="$1"; shift
  "$MVN" -B -q -o -f "$MODULE/pom.xml" "${EXTRA[@]}" "$GOAL" -Darchlint.failOnSeverity=NONE \
    -Darchlint.timings=true "$@" >"$WORK/log" 2>&1 || { cat "$WORK/log" >&2; exit 2; }
  cp "$MODULE/target/archlint/archlint.json" "$copy"
}

compare() { # $1: step name
  python3 - "$WORK/incremental.json" "$WORK/whole.json" "$MODULE/target/archlint/timings.json" "$1" <<'PY'
import json, sys
inc, whole, timings, step = sys.argv[1:]
def content(path):
    report = json.load(open(path))
    return report["findings"], report["skipped"], report["summary"]
same = content(inc) == content(whole)
print(("same     " if same else "DIFFERENT") + " " + step)
sys.exit(0 if same else 1)
PY
}

describe() { # the incremental run's timings, read before the whole run overwrites them
  python3 - "$MODULE/target/archlint/timings.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
i = t.get("incremental")
print("cached" if t.get("cached") else ("whole module" if i is None else
      "incremental: %d changed, %d of %d files analysed" % (i["changed"], i["analysed"], i["files"])), end="")
PY
}

mapfile -t FILES < <(find "$MODULE/src/main/java" -name '*.java' | sort | python3 -c "
import random, sys
files = [l.strip() for l in sys.stdin]
random.Random($SEED).shuffle(files)
print('\n'.join(files[:$COUNT]))")

rm -rf "$MODULE/target/archlint/cache"
run_check "$WORK/first.json"
failures=0
for file in "${FILES[@]}"; do
  relative="${file#"$MODULE"/}"
  inroot="${relative#src/main/java/}"
  stem="${inroot%.java}"
  mkdir -p "$WORK/removed/$(dirname "$relative")"
  mv "$file" "$WORK/removed/$relative"
  for class in "$MODULE/target/classes/$stem.class" "$MODULE/target/classes/$stem"\$*.class; do
    [ -f "$class" ] || continue
    target="$WORK/removed/${class#"$MODULE"/}"
    mkdir -p "$(dirname "$target")"
    mv "$class" "$target"
  done
  for step in "removed" "restored"; do
    [ "$step" = restored ] && restore
    run_check "$WORK/incremental.json"
    how="$(describe)"
    run_check "$WORK/whole.json" -Darchlint.cache=false
    compare "$step $relative ($how)" || failures=$((failures + 1))
  done
done
echo "$failures step(s) differed"
[ "$failures" = 0 ]
