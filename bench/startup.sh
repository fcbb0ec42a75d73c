#!/usr/bin/env bash
# B5 of bench/run: each packaged service, alone, from launch to the first 200 from /q/health/ready (curl every 20 ms)
# and its VmRSS (/proc/<pid>/status) right then; four ways to launch it:
#   jdk17         java -jar (the JDK 17 the launcher and images use): the figure judged against the goal
#   jdk17-appcds  the same with a dynamic AppCDS archive (-XX:ArchiveClassesAtExit on a training start, then
#                 -XX:SharedArchiveFile)
#   jdk25         Temurin 25, java -jar
#   jdk25-aot     Temurin 25 with the AOT cache (JEP 483/514: -XX:AOTCacheOutput on a training start, then -XX:AOTCache)
# The training start launches the service, waits for ready, sends one authenticated request, stops it (SIGTERM:
# the archive is written at exit). One embedded PostgreSQL and the neighbours' stand-in (OrderBenchSetup) serve all.
# Appends TSV to BENCH_RESULTS when set. Settings: BENCH_B5_ROUNDS (3: launches per way, the median counts),
# BENCH_JDK25 (Temurin 25 home). Usage: bench/startup.sh (after bench/run's build)
# A start that does not get ready (a training start too) is a failure: the other ways and services are still
# measured, then the script names every failed start and exits 1 (bench/run's report names the step).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target/startup
ROUNDS=${BENCH_B5_ROUNDS:-3}
JDK17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
JDK25=${BENCH_JDK25:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
PORT=${BENCH_B5_PORT:-18190}
rm -rf "$OUT"; mkdir -p "$OUT"

CP="procurement-service/target/test-classes:procurement-service/target/classes:$(cat procurement-service/target/bench.classpath)"
java -cp "$CP" io.rigledger.procurement.bench.OrderBenchSetup "$OUT/env" > "$OUT/setup.log" 2>&1 &
SETUP_PID=$!
APP_PID=
cleanup() {
  for pid in $APP_PID $SETUP_PID; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
for _ in $(seq 180); do [ -f "$OUT/env" ] && break; sleep 1; done
[ -f "$OUT/env" ] || { echo "bench: PostgreSQL did not start; see $OUT/setup.log" >&2; exit 1; }
set -a; . "$OUT/env"; set +a
# the services sign their paging cursors with this key (rigledger.page.cursor-key; no default outside dev and test)
export RIGLEDGER_PAGE_CURSOR_KEY="${RIGLEDGER_PAGE_CURSOR_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"
PG_PORT=$(sed -E 's#.*@localhost:([0-9]+)/.*#\1#' <<< "$PGBENCH_URL")
psql -q "$PGBENCH_URL" -c 'create database inventory' > /dev/null

# service -> its environment (tokens verified with the signing key's public half, as in the module benches)
svc_env() {
  case "$1" in
    tariff-service) echo "DB_URL=$TARIFF_DB_URL" ;;
    inventory-service) echo "DB_URL=jdbc:postgresql://localhost:$PG_PORT/inventory PROCUREMENT_URL=http://localhost:1" ;;
    procurement-service) echo "DB_URL=$PROCUREMENT_DB_URL TARIFF_URL=http://localhost:1 INVENTORY_URL=$NEIGHBOURS_URL OIDC_AUTH_SERVER_URL=$NEIGHBOURS_URL" ;;
  esac
}
svc_opts() {
  [ "$1" = procurement-service ] && echo "-Dquarkus.oidc-client.auth-server-url=$NEIGHBOURS_URL -Dquarkus.oidc-client.token-path=/token"
  return 0
}
. bench/ports.sh
# launches $1 (service) with java home $2 and extra options $3; answers "seconds-to-ready rss-MiB"; stops it
launch() {
  local svc=$1 home=$2 extra=$3 t0 t1 rss
  port_free "$PORT" "B5, BENCH_B5_PORT"
  t0=$(date +%s%N)
  # shellcheck disable=SC2046
  env LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false OIDC_ISSUER="$OIDC_ISSUER" $(svc_env "$svc") \
    "$home/bin/java" -Xmx512m $extra -Dquarkus.oidc.public-key="$OIDC_PUBLIC_KEY" -Dquarkus.oidc.auth-server-url= \
    -Dquarkus.log.level=WARN -Dquarkus.http.port="$PORT" $(svc_opts "$svc") \
    -jar "$svc/target/quarkus-app/quarkus-run.jar" >> "$OUT/$svc.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 3000); do
    curl -sf -m 2 -o /dev/null "http://localhost:$PORT/q/health/ready" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.02
  done
  t1=$(date +%s%N)
  if ! kill -0 "$APP_PID" 2>/dev/null || ! curl -sf -m 2 -o /dev/null "http://localhost:$PORT/q/health/ready"; then
    echo "bench: $svc did not get ready; see $OUT/$svc.log" >&2
    kill -9 "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true
    exit 1
  fi
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$APP_PID/status")
  curl -s -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "http://localhost:$PORT/api/me" || true
  # SIGTERM (the archive of a training start is written at exit); a service that does not stop in 60 s is killed
  kill "$APP_PID"
  for _ in $(seq 600); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}') $rss"
}
# appends one TSV line (figure, ours, limit, unit, goal) when BENCH_RESULTS is set and ours is a number
put() {
  [ -n "${BENCH_RESULTS:-}" ] || return 0
  [[ "$2" =~ ^[0-9.]+$ ]] || { echo "bench: $1: nothing measured" >&2; return 0; }
  [[ "$3" =~ ^[0-9.]+$ ]] || set -- "$1" "$2" - "$4" "$5"
  printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$BENCH_RESULTS"
}
FAILS=()
failed() { FAILS+=("$1"); echo "bench: B5 $1 did not get ready; see $OUT/${1%% *}.log" >&2; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
measure() {   # service, way, home, options -> "median-seconds median-rss"
  local s r
  : > "$OUT/rounds"
  for _ in $(seq "$ROUNDS"); do launch "$1" "$3" "$4" >> "$OUT/rounds"; done
  s=$(cut -d' ' -f1 "$OUT/rounds" | median); r=$(cut -d' ' -f2 "$OUT/rounds" | median)
  echo "== B5 $1 $2: ready after ${s} s (median of $ROUNDS: $(cut -d' ' -f1 "$OUT/rounds" | xargs)), RSS ${r} MiB" >&2
  echo "$s $r"
}

# way SERVICE WAY HOME OPTIONS VAR-SECONDS VAR-RSS: measure, setting the two variables ("" when a start failed)
way() {
  local out
  printf -v "$5" '%s' ''; printf -v "$6" '%s' ''
  if out=$(measure "$1" "$2" "$3" "$4"); then
    read -r "$5" "$6" <<< "$out"
  else
    failed "$1 $2"
  fi
}
plain='' rss='' cds='' cds_rss='' j25='' j25_rss='' aot='' aot_rss=''
for svc in tariff-service inventory-service procurement-service; do
  # the training start comes first: it also runs the service's Flyway migrations on the empty database, which
  # no measured start should pay
  ( launch "$svc" "$JDK17" "-XX:ArchiveClassesAtExit=$OUT/$svc.jsa" > /dev/null ) || failed "$svc jdk17-appcds training start"
  way "$svc" jdk17 "$JDK17" "" plain rss
  way "$svc" jdk17-appcds "$JDK17" "-XX:SharedArchiveFile=$OUT/$svc.jsa" cds cds_rss
  put "B5 $svc ready after launch (JDK 17)" "$plain" - s "<= 1.5"
  put "B5 $svc RSS after start (JDK 17)" "$rss" - MiB "<= 256"
  put "B5 $svc ready with AppCDS (JDK 17) vs without" "$cds" "$plain" s "<= 1.5"
  put "B5 $svc RSS after start with AppCDS (JDK 17) vs without" "$cds_rss" "$rss" MiB "<= 256"
  if [ -n "$JDK25" ] && [ -x "$JDK25/bin/java" ]; then
    ( launch "$svc" "$JDK25" "-XX:AOTCacheOutput=$OUT/$svc.aot" > /dev/null ) || failed "$svc jdk25-aot training start"
    way "$svc" jdk25 "$JDK25" "" j25 j25_rss
    way "$svc" jdk25-aot "$JDK25" "-XX:AOTCache=$OUT/$svc.aot" aot aot_rss
    put "B5 $svc ready on JDK 25 vs JDK 17" "$j25" "$plain" s "<= 1.5"
    put "B5 $svc ready with the JDK 25 AOT cache vs JDK 25 without" "$aot" "$j25" s "<= 1.5"
    put "B5 $svc RSS after start with the JDK 25 AOT cache vs JDK 25 without" "$aot_rss" "$j25_rss" MiB "<= 256"
  else
    echo "== B5 $svc: no Temurin 25 (BENCH_JDK25, or /usr/lib/jvm/temurin-25*): the JDK 25 and AOT-cache rows are not measured"
  fi
done
if [ ${#FAILS[@]} -gt 0 ]; then
  echo "bench: B5 failed: $(printf '%s; ' "${FAILS[@]}")" >&2
  exit 1
fi
