#!/usr/bin/env bash
# tariff-service benchmarks, printed side by side with their floor (not part of ./mvnw verify):
#  1. JMH: duty-engine line quotes per second on one core (DutyEngineBenchmark), next to the bare
#     BigDecimal arithmetic of four layers (the floor of any engine).
#  2. HTTP, one run, same packaged service, same PostgreSQL, same token: wrk on POST /api/duty-quotes
#     (quote + store) and on GET /api/me (a trivial authenticated JSON endpoint); prints the ratio,
#     and POST /api/duty-quotes/what-if (the same quote computed twice, nothing stored) to show what storing costs,
#     and POST /api/duty-quotes with a service account's token and X-On-Behalf-Of-Org (procurement's path).
# Usage: tariff-service/bench/run.sh
# Settings: BENCH_SECONDS (20), BENCH_CONNECTIONS (32), BENCH_PORT (18083), BENCH_WARMUP (10: seconds per path,
# two rounds over all four paths), BENCH_SKIP_BUILD, BENCH_SKIP_JMH,
# BENCH_PROFILE (records JFR over each measured run: target/bench/{quote,me,whatif,quote-service}.jfr),
# BENCH_JMH_ARGS (extra JMH options, e.g. '-wi 1 -w 1 -i 2 -r 2' for a quick run),
# BENCH_RESULTS=<file> (appends bench/run's TSV: figure, ours, limit, unit, goal),
# BENCH_APP=<dir> (the quarkus-app directory to run, default tariff-service/target/quarkus-app: an A/B of two
# builds copies one build's quarkus-app aside and runs the script with each, alternately, BENCH_SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=tariff-service/target/bench
SECONDS_EACH=${BENCH_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-18083}
APP=${BENCH_APP:-tariff-service/target/quarkus-app}
WARMUP=${BENCH_WARMUP:-10}
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "bench: please install wrk" >&2; exit 1
  fi
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl tariff-service -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi
CP="tariff-service/target/test-classes:tariff-service/target/classes:$(cat tariff-service/target/test-classpath.txt)"

# the service's port is checked before anything runs (JMH included): a taken port stops the step at once
. bench/ports.sh
port_free "$PORT" "tariff-service, BENCH_PORT"
if [ -z "${BENCH_SKIP_JMH:-}" ]; then
  echo "== JMH (ops/s = line quotes per second on one thread; rawLayerArithmetic = the floor)"
  java -cp "$CP" org.openjdk.jmh.Main DutyEngineBenchmark ${BENCH_JMH_ARGS:-} -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt" \
    | grep -E '^(Benchmark|DutyEngineBenchmark)'
fi

echo "== HTTP: POST /api/duty-quotes vs GET /api/me, ${SECONDS_EACH}s each, ${CONNECTIONS} connections"
rm -f "$OUT/env"
java -cp "$CP" io.rigledger.tariff.bench.HttpBenchSetup "$OUT/env" > "$OUT/setup.log" 2>&1 &
SETUP_PID=$!
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  kill "$SETUP_PID" 2>/dev/null && wait "$SETUP_PID" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 120); do [ -f "$OUT/env" ] && break; sleep 1; done
[ -f "$OUT/env" ] || { echo "bench: PostgreSQL did not start; see $OUT/setup.log" >&2; exit 1; }
set -a; . "$OUT/env"; set +a
# the services sign their paging cursors with this key (rigledger.page.cursor-key; no default outside dev and test)
export RIGLEDGER_PAGE_CURSOR_KEY="${RIGLEDGER_PAGE_CURSOR_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"

# tokens verified with the signing key's public half: no Keycloak, no auth-server-url; one token
# sends every request, so the per-caller rate limit is off (it would measure the limiter, not the service);
# SerialGC: the collector the services' image names (deploy/images ServiceImage.JVM_OPTIONS), so both paths are
# measured with the JVM production runs
LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false java -Xmx512m -XX:+UseSerialGC -Dquarkus.http.port="$PORT" -Dquarkus.oidc.public-key="$OIDC_PUBLIC_KEY" \
  -Dquarkus.oidc.auth-server-url= -Dquarkus.log.level=WARN ${BENCH_APP_OPTS:-} \
  -jar "$APP/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
APP_PID=$!
await_ready "$PORT" "$APP_PID" "$OUT/app.log" 120

URL="http://localhost:$PORT"
QUOTE=tariff-service/bench/quote.lua
ME=tariff-service/bench/me.lua
curl -sf -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d @tariff-service/bench/quote.json "$URL/api/duty-quotes" > "$OUT/sample-quote.json"
# warm-up of every measured path (the JIT compiles under load too: a path measured cold came out at a
# third of its warm rate on this machine, which made the first path measured look slow)
if [ -n "${BENCH_PROFILE:-}" ]; then
  # JFR's first start in a JVM costs seconds of CPU (its classes, their compilation): paid during the
  # warm-up, not inside the first measured run
  jcmd "$APP_PID" JFR.start name=warmup settings=profile duration="$((WARMUP * 2))s" > /dev/null
fi
for round in 1 2; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$QUOTE" "$URL/api/duty-quotes" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$ME" "$URL/api/me" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s tariff-service/bench/whatif.lua "$URL/api/duty-quotes/what-if" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s tariff-service/bench/quote-service.lua "$URL/api/duty-quotes" > /dev/null
done
# measure NAME SCRIPT PATH: one measured wrk run into $OUT/wrk-NAME.txt; with BENCH_PROFILE, JFR
# (settings=profile: CPU samples every 10 ms, socket and lock waits) over that run only, into $OUT/NAME.jfr
# Beside the rate: CPU milliseconds per request of the service and of PostgreSQL (postmaster, its
# live children and the ones that ended), from /proc (bench/cpu.sh), so a path's own cost shows even on a busy machine.
. bench/cpu.sh
measure() {
  if [ -n "${BENCH_PROFILE:-}" ]; then
    jcmd "$APP_PID" JFR.start name="$1" settings=profile duration="${SECONDS_EACH}s" filename="$PWD/$OUT/$1.jfr" > /dev/null
  fi
  local app0 pg0 hz n
  app0=$(ticks "$APP_PID"); pg0=$(pg_ticks "$BENCH_PG_PID"); hz=$(getconf CLK_TCK)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$2" "$URL$3" | tee "$OUT/wrk-$1.txt"
  n=$(awk '/requests in/ {print $1}' "$OUT/wrk-$1.txt")
  awk -v a="$(( $(ticks "$APP_PID") - app0 ))" -v p="$(( $(pg_ticks "$BENCH_PG_PID") - pg0 ))" -v n="$n" -v hz="$hz" -v name="$1" \
    'BEGIN {printf "  CPU per request (%s): service %.3f ms, PostgreSQL %.3f ms\n", name, a * 1000 / hz / n, p * 1000 / hz / n}' \
    | tee -a "$OUT/wrk-$1.txt"
  if [ -n "${BENCH_PROFILE:-}" ]; then
    for _ in $(seq 30); do [ -s "$OUT/$1.jfr" ] && break; sleep 1; done
  fi
}
echo "== load before: $(uptime)"
measure quote "$QUOTE" /api/duty-quotes
measure me "$ME" /api/me
measure whatif tariff-service/bench/whatif.lua /api/duty-quotes/what-if
measure quote-service tariff-service/bench/quote-service.lua /api/duty-quotes
echo "== load after: $(uptime)"
if grep -q 'Non-2xx' "$OUT/wrk-quote.txt" "$OUT/wrk-me.txt" "$OUT/wrk-whatif.txt" "$OUT/wrk-quote-service.txt"; then
  echo "bench: some answers were not 2xx; the numbers do not count" >&2; exit 1
fi
Q=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-quote.txt")
M=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-me.txt")
W=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-whatif.txt")
S=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-quote-service.txt")
echo "== POST /api/duty-quotes ${Q} req/s vs GET /api/me ${M} req/s: ratio $(awk -v q="$Q" -v m="$M" 'BEGIN {printf "%.3f", q / m}') (goal >= 0.70: $(awk -v q="$Q" -v m="$M" 'BEGIN {print (q / m >= 0.70 ? "met" : "NOT met")}'); load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
echo "== the same quote without storing it (what-if, computed twice): ${W} req/s, ratio $(awk -v q="$W" -v m="$M" 'BEGIN {printf "%.2f", q / m}')"
echo "== POST /api/duty-quotes as a service account with X-On-Behalf-Of-Org (procurement's path): ${S} req/s, ratio $(awk -v q="$S" -v m="$M" 'BEGIN {printf "%.2f", q / m}')"
if [ -n "${BENCH_RESULTS:-}" ]; then
  {
    if [ -z "${BENCH_SKIP_JMH:-}" ]; then
      # JMH's "Benchmark Mode Cnt Score Error Units" lines: the score of one thread, i.e. per core
      jmh() { awk -v b="DutyEngineBenchmark.$1" '$1 == b {print $4; exit}' "$OUT/jmh.txt"; }
      printf 'B4 duty engine line quotes/s/core (JMH, 10-line quote) vs bare layer arithmetic\t%s\t%s\tper s\t>= 100000\n' \
        "$(jmh tenLineQuotePerLine)" "$(jmh rawLayerArithmetic)"
    fi
    printf 'B4 HTTP POST /api/duty-quotes vs trivial GET /api/me\t%s\t%s\tper s\t>= 0.70x\n' "$Q" "$M"
    printf 'B4 HTTP duty quote as a service account (procurement path) vs GET /api/me\t%s\t%s\tper s\t\n' "$S" "$M"
  } >> "$BENCH_RESULTS"
fi
