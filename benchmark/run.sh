#!/usr/bin/env bash
# Archlint benchmark: generates Spring-style services of the given sizes, compiles each once, then
# measures archlint:check in real Maven runs (cold and unchanged re-run), Archlint in-process (warm),
# maven-pmd-plugin's pmd:check with its default ruleset and a plain ArchUnit import of the same
# classes, and writes docs/benchmarks.md.
#
#   benchmark/run.sh [sizes...]          sizes like 10k 100k 1m (default: 10k 100k 1m)
#
# Environment: RUNS (Maven runs per measurement, default 3), WARM_RUNS (in-process runs, default 10,
# 3 above 500k LOC), ARCHUNIT_RUNS (default 5), BENCH_NOTE (a line printed above the results, e.g.
# about machine load), SKIP_BUILD=1 (use the Archlint the last run installed in benchmark/target/m2),
# XMX_TIMEOUT (seconds, 300), XMX_ALL=1 (the -Xmx512m run also above 500k LOC, where it is skipped),
# MAVEN_OPTS (kept in every run, e.g. -Xmx8g for 1m on a machine with less than 24 GB of RAM).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
MVN="$ROOT/mvnw"
WORK="$HERE/target"
RUNS="${RUNS:-3}"
WARM_RUNS_SET="${WARM_RUNS:-}"
WARM_RUNS="${WARM_RUNS:-10}"   # 3 for sizes above 500k LOC unless set
ARCHUNIT_RUNS="${ARCHUNIT_RUNS:-5}"
XMX_TIMEOUT="${XMX_TIMEOUT:-300}"
USER_MAVEN_OPTS="${MAVEN_OPTS:-}"   # kept in every Maven run (the -Xmx512m run's own -Xmx comes last and wins)
PMD_VERSION="3.28.0"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(10k 100k 1m); fi

VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
ARCHLINT="io.archlint:archlint-maven-plugin:$VERSION:check"
PMD="org.apache.maven.plugins:maven-pmd-plugin:$PMD_VERSION:check"
# Archlint is installed into a repository of the benchmark's own, chained in front of the user's
# (Maven 3.9 reads what it lacks from the tail), so the runs measure this checkout and not whatever
# snapshot was installed last.
TAIL_REPO="${M2_REPO:-$HOME/.m2/repository}"
M=("$MVN" -B -Dmaven.repo.local="$WORK/m2" -Dmaven.repo.local.tail="$TAIL_REPO")
COMMAND="benchmark/run.sh $*"
COMMAND="${COMMAND% }"

log() { printf '[bench] %s\n' "$*" >&2; }

# Runs a command, discarding its output, and appends "<key>.wall=s <key>.cpu=s <key>.rss=KB" to $RESULTS.
# Returns the command's exit status (so callers can record failures).
measure() {
  local key="$1"; shift
  local status=0 tfile="$WORK/time.txt"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S %M' -o "$tfile" "$@" >"$WORK/last-run.log" 2>&1 || status=$?
    read -r wall user sys rss < <(tail -1 "$tfile")
    echo "$key.wall=$wall" >>"$RESULTS"
    echo "$key.cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >>"$RESULTS"
    echo "$key.rss=$rss" >>"$RESULTS"
  else
    local start end
    start=$(date +%s%N)
    "$@" >"$WORK/last-run.log" 2>&1 || status=$?
    end=$(date +%s%N)
    echo "$key.wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')" >>"$RESULTS"
  fi
  echo "$key.status=$status" >>"$RESULTS"
  return 0
}

# The largest heap occupancy a unified GC log saw before a collection, in MB (0 when there was no GC).
peak_heap() {
  { grep -oE '[0-9]+M->[0-9]+M' "$1" || true; } | sed 's/M->.*//' | sort -n | tail -1 | sed 's/^$/0/'
}

# The "totalMillis" and "cached" of a timings.json.
json_number() { sed -n "s/.*\"$2\" *: *\([0-9.]*\).*/\1/p" "$1" | head -1; }
json_bool() { sed -n "s/.*\"$2\" *: *\(true\|false\).*/\1/p" "$1" | head -1; }

mkdir -p "$WORK/projects" "$WORK/results"
GENERATOR_HASH="$(cat "$HERE/generator/Generator.java" | cksum | cut -d' ' -f1)"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building and installing Archlint $VERSION"
  "${M[@]}" -q -f "$ROOT/pom.xml" install -DskipTests
fi
RULES_JAR="$WORK/m2/io/archlint/archlint-rules/$VERSION/archlint-rules-$VERSION.jar"
if [ ! -f "$RULES_JAR" ]; then
  log "Archlint is not installed in ${WORK#"$ROOT"/}/m2; run without SKIP_BUILD=1"; exit 1
fi
"${M[@]}" -q -o -f "$ROOT/pom.xml" "$DEPENDENCY_PLUGIN:build-classpath" -pl rules \
  -Dmdep.outputFile="$WORK/rules-classpath.txt" -Dmdep.includeScope=runtime
WARM_CP="$RULES_JAR:$(cat "$WORK/rules-classpath.txt")"
ARCHUNIT_CP="$(tr ':' '\n' <"$WORK/rules-classpath.txt" | grep -E '/(archunit|slf4j-api)-[^/]*\.jar$' | paste -sd: -)"

machine() {
  local out="$WORK/results/machine.properties"
  {
    echo "cores=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
    echo "ramGiB=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
    echo "os=$(uname -sr)"
    echo "jdk=$(java -version 2>&1 | head -2 | tail -1)"
    echo "maven=$("$MVN" -v 2>/dev/null | head -1 | sed 's/ (.*//')"
  } >"$out"
}
machine

for SIZE in "${SIZES[@]}"; do
  PROJECT="$WORK/projects/$SIZE"
  RESULTS_DIR="$WORK/results/$SIZE"
  RESULTS="$RESULTS_DIR/results.properties"
  rm -rf "$RESULTS_DIR"; mkdir -p "$RESULTS_DIR"
  {
    echo "size=$SIZE"
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
    echo "command=$COMMAND"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD -- rules plugin 2>/dev/null || echo ' (with local changes)')"
    echo "runs=$RUNS"
    echo "note=${BENCH_NOTE:-}"
    echo "mavenOpts=$USER_MAVEN_OPTS"
    echo "load.before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  } >"$RESULTS"

  if [ "$(cat "$PROJECT/.generator" 2>/dev/null)" != "$GENERATOR_HASH" ]; then
    log "$SIZE: generating"
    rm -rf "$PROJECT"
    java "$HERE/generator/Generator.java" "$SIZE" "$PROJECT" >&2
    log "$SIZE: compiling once"
    measure compile "${M[@]}" -q -o -f "$PROJECT/pom.xml" compile
    if ! grep -q '^compile.status=0' "$RESULTS"; then cat "$WORK/last-run.log" >&2; exit 1; fi
    grep '^compile\.' "$RESULTS" >"$PROJECT/.compile"
    echo "$GENERATOR_HASH" >"$PROJECT/.generator"
  else
    log "$SIZE: generated and compiled before, reused"
    cat "$PROJECT/.compile" >>"$RESULTS" 2>/dev/null || true
  fi
  sed -n 's/^ *"\(javaLines\|classes\|contexts\)": \([0-9]*\),*/\1=\2/p' "$PROJECT/benchmark-manifest.json" >>"$RESULTS"
  cp "$PROJECT/benchmark-manifest.json" "$RESULTS_DIR/"
  echo "classFiles=$(find "$PROJECT/target/classes" -name '*.class' | wc -l)" >>"$RESULTS"
  POM="$PROJECT/pom.xml"
  "${M[@]}" -q -o -f "$POM" "$DEPENDENCY_PLUGIN:list" -DoutputFile="$RESULTS_DIR/dependencies.txt" -DincludeScope=test

  log "$SIZE: warming up (one unmeasured run of each goal; PMD may download its artifacts here)"
  "${M[@]}" -q -o -f "$POM" "$ARCHLINT" -Darchlint.cache=false >/dev/null
  "${M[@]}" -q -f "$POM" "$PMD" -Dpmd.failOnViolation=false -Dpmd.analysisCache=false >/dev/null

  log "$SIZE: Maven without work (validate), $RUNS runs"
  for i in $(seq "$RUNS"); do
    measure "noop.$i" "${M[@]}" -q -o -f "$POM" validate
  done

  log "$SIZE: archlint:check cold (cache off), $RUNS runs"
  for i in $(seq "$RUNS"); do
    rm -f "$PROJECT/target/archlint/timings.json"
    MAVEN_OPTS="$USER_MAVEN_OPTS -Xlog:gc:file=$RESULTS_DIR/gc-archlint-$i.log" \
      measure "archlint.$i" "${M[@]}" -o -f "$POM" "$ARCHLINT" -Darchlint.cache=false -Darchlint.timings=true
    cp "$WORK/last-run.log" "$RESULTS_DIR/archlint-$i.log"
    if [ -f "$PROJECT/target/archlint/timings.json" ]; then
      cp "$PROJECT/target/archlint/timings.json" "$RESULTS_DIR/timings-cold-$i.json"
      echo "archlint.$i.analysis=$(json_number "$RESULTS_DIR/timings-cold-$i.json" totalMillis)" >>"$RESULTS"
    fi
    echo "archlint.$i.heap=$(peak_heap "$RESULTS_DIR/gc-archlint-$i.log")" >>"$RESULTS"
  done
  if [ -f "$PROJECT/target/archlint/archlint.json" ]; then
    sed -n 's/.*"total" : \([0-9]*\).*/findings=\1/p' "$PROJECT/target/archlint/archlint.json" | head -1 >>"$RESULTS"
    sed -n '/"byRule"/,/}/s/^ *"\([a-z-]*\)" : \([0-9]*\).*/finding.\1=\2/p' "$PROJECT/target/archlint/archlint.json" >>"$RESULTS"
  fi

  if [ "${XMX_ALL:-0}" = 1 ] || [ "$(sed -n 's/^javaLines=//p' "$RESULTS")" -le 500000 ]; then
    log "$SIZE: archlint:check with -Xmx512m (given up after ${XMX_TIMEOUT}s: a heap too small can thrash for long)"
    MAVEN_OPTS="$USER_MAVEN_OPTS -Xmx512m -Xlog:gc:file=$RESULTS_DIR/gc-xmx512m.log" \
      measure xmx512 timeout "$XMX_TIMEOUT" "${M[@]}" -o -f "$POM" "$ARCHLINT" -Darchlint.cache=false -Darchlint.timings=true
    cp "$WORK/last-run.log" "$RESULTS_DIR/xmx512m.log"
    if grep -q '^xmx512.status=0' "$RESULTS"; then
      echo "xmx512.analysis=$(json_number "$PROJECT/target/archlint/timings.json" totalMillis)" >>"$RESULTS"
    fi
    echo "xmx512.heap=$(peak_heap "$RESULTS_DIR/gc-xmx512m.log")" >>"$RESULTS"
  fi

  log "$SIZE: archlint:check unchanged re-run (cache on)"
  rm -rf "$PROJECT/target/archlint/cache"
  measure cachefill "${M[@]}" -o -f "$POM" "$ARCHLINT" -Darchlint.timings=true
  for i in $(seq "$RUNS"); do
    rm -f "$PROJECT/target/archlint/timings.json"
    measure "rerun.$i" "${M[@]}" -o -f "$POM" "$ARCHLINT" -Darchlint.timings=true
    if [ -f "$PROJECT/target/archlint/timings.json" ]; then
      cp "$PROJECT/target/archlint/timings.json" "$RESULTS_DIR/timings-rerun-$i.json"
      echo "rerun.$i.analysis=$(json_number "$RESULTS_DIR/timings-rerun-$i.json" totalMillis)" >>"$RESULTS"
      echo "rerun.$i.cached=$(json_bool "$RESULTS_DIR/timings-rerun-$i.json" cached)" >>"$RESULTS"
    fi
  done

  log "$SIZE: one-file change (a method added to one service, module recompiled), $RUNS runs (cache on)"
  EDITED="$(find "$PROJECT/src/main/java" -name '*Service.java' | sort | sed -n 1p)"
  cp "$EDITED" "$WORK/edited.orig"
  for i in $(seq "$RUNS"); do
    # Each run edits the file differently, so the cache the previous run wrote does not match.
    cp "$WORK/edited.orig" "$EDITED"
    sed -i '$ d' "$EDITED"
    printf '    int benchmarkEdit%s() {\n        return %s;\n    }\n}\n' "$i" "$i" >>"$EDITED"
    "${M[@]}" -q -o -f "$POM" compile >"$WORK/last-run.log" 2>&1 \
      || { cat "$WORK/last-run.log" >&2; log "$SIZE: the edited $EDITED does not compile"; exit 1; }
    rm -f "$PROJECT/target/archlint/timings.json"
    measure "onefile.$i" "${M[@]}" -o -f "$POM" "$ARCHLINT" -Darchlint.timings=true
    if [ -f "$PROJECT/target/archlint/timings.json" ]; then
      cp "$PROJECT/target/archlint/timings.json" "$RESULTS_DIR/timings-onefile-$i.json"
      echo "onefile.$i.analysis=$(json_number "$RESULTS_DIR/timings-onefile-$i.json" totalMillis)" >>"$RESULTS"
      echo "onefile.$i.cached=$(json_bool "$RESULTS_DIR/timings-onefile-$i.json" cached)" >>"$RESULTS"
      for key in files changed analysed; do
        echo "onefile.$i.$key=$(json_number "$RESULTS_DIR/timings-onefile-$i.json" "$key")" >>"$RESULTS"
      done
      echo "onefile.$i.wholeModuleRules=$(sed -n '/"wholeModuleRules"/,/]/p' "$RESULTS_DIR/timings-onefile-$i.json" \
        | grep -o '"[a-z-]*"' | grep -vc wholeModuleRules || true)" >>"$RESULTS"
    fi
  done
  echo "onefile.file=${EDITED#"$PROJECT"/}" >>"$RESULTS"
  cp "$WORK/edited.orig" "$EDITED"
  "${M[@]}" -q -o -f "$POM" compile >/dev/null

  log "$SIZE: archlint:check and pmd:check with the JIT limited to C1 (MAVEN_OPTS=-XX:TieredStopAtLevel=1), $RUNS runs each"
  for i in $(seq "$RUNS"); do
    rm -f "$PROJECT/target/archlint/timings.json"
    MAVEN_OPTS="$USER_MAVEN_OPTS -XX:TieredStopAtLevel=1" \
      measure "c1.$i" "${M[@]}" -o -f "$POM" "$ARCHLINT" -Darchlint.cache=false -Darchlint.timings=true
    if [ -f "$PROJECT/target/archlint/timings.json" ]; then
      echo "c1.$i.analysis=$(json_number "$PROJECT/target/archlint/timings.json" totalMillis)" >>"$RESULTS"
    fi
    MAVEN_OPTS="$USER_MAVEN_OPTS -XX:TieredStopAtLevel=1" \
      measure "pmdc1.$i" "${M[@]}" -o -f "$POM" "$PMD" -Dpmd.failOnViolation=false -Dpmd.analysisCache=false
  done

  log "$SIZE: pmd:check default ruleset (analysis cache off), $RUNS runs + 1 with PMD's own benchmark"
  for i in $(seq "$RUNS"); do
    MAVEN_OPTS="$USER_MAVEN_OPTS -Xlog:gc:file=$RESULTS_DIR/gc-pmd-$i.log" \
      measure "pmd.$i" "${M[@]}" -o -f "$POM" "$PMD" -Dpmd.failOnViolation=false -Dpmd.analysisCache=false
    echo "pmd.$i.heap=$(peak_heap "$RESULTS_DIR/gc-pmd-$i.log")" >>"$RESULTS"
  done
  sed -n 's/.*PMD \([0-9.]*\) has found \([0-9]*\) violations.*/pmd.version=\1\npmd.violations=\2/p' "$WORK/last-run.log" >>"$RESULTS"
  measure pmdbench "${M[@]}" -o -f "$POM" "$PMD" -Dpmd.failOnViolation=false -Dpmd.analysisCache=false -Dpmd.benchmark=true
  cp "$PROJECT/target/pmd-benchmark.txt" "$RESULTS_DIR/" 2>/dev/null || true
  echo "pmdbench.analysis=$(awk '/^Wall Clock Time/ { printf "%.1f", $4 * 1000 }' "$RESULTS_DIR/pmd-benchmark.txt" 2>/dev/null)" >>"$RESULTS"

  log "$SIZE: ArchUnit import of target/classes, $ARCHUNIT_RUNS times in one JVM"
  java -cp "$ARCHUNIT_CP" "$HERE/harness/ArchUnitImport.java" "$PROJECT/target/classes" "$ARCHUNIT_RUNS" \
    2>/dev/null >>"$RESULTS"

  warm_runs="$WARM_RUNS"
  if [ -z "${WARM_RUNS_SET:-}" ] && [ "$(sed -n 's/^javaLines=//p' "$RESULTS")" -gt 500000 ]; then warm_runs=3; fi
  log "$SIZE: Archlint in-process (warm), $warm_runs runs in one JVM"
  java -Xlog:gc:file="$RESULTS_DIR/gc-warm.log" -cp "$WARM_CP" "$HERE/harness/WarmArchlint.java" "$PROJECT" \
    "$warm_runs" "$(nproc)" "$RESULTS_DIR/dependencies.txt" 2>"$RESULTS_DIR/warm.log" >>"$RESULTS"

  echo "load.after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$RESULTS"
  log "$SIZE: done; raw results in ${RESULTS#"$ROOT"/}"
done

java "$HERE/harness/Report.java" "$WORK/results" "$ROOT/docs/benchmarks.md" "$HERE/analysis.md"
log "wrote docs/benchmarks.md"
