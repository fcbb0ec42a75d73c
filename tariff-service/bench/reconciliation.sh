#!/usr/bin/env bash
# Reconciliation CSV benchmark (not part of ./mvnw verify): the packaged service streams
# GET /api/reconciliation?groupBy=order as text/csv over 100,000 entry lines (20,000 entries x 5
# order lines, 4 layers, 3 kinds: 1.2 M ledger rows). Prints the time to the first and to the last
# byte (curl), the CSV's rows and size, the service's RSS before and at its peak while streaming
# (VmRSS sampled every 50 ms), and next to them, measured in the same run on the same
# database, through the same cursor without HTTP (ReconciliationBenchSeed): the raw GROUP BY of the
# ledger (its limit when aggregated on demand) and the service's own query over the rollup (V7).
# Usage: tariff-service/bench/reconciliation.sh
# Settings: BENCH_ENTRIES (20000), BENCH_PORT (18083), BENCH_SKIP_BUILD, BENCH_XMX (512m),
# BENCH_RESULTS=<file> (appends bench/run's TSV: figure, ours, limit, unit, goal)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=tariff-service/target/bench
ENTRIES=${BENCH_ENTRIES:-20000}
PORT=${BENCH_PORT:-18083}
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl tariff-service -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
fi
CP="tariff-service/target/test-classes:tariff-service/target/classes:$(cat tariff-service/target/test-classpath.txt)"

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

. bench/ports.sh
port_free "$PORT" "tariff-service, BENCH_PORT"
LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false java -Xmx"${BENCH_XMX:-512m}" -Dquarkus.http.port="$PORT" \
  -Dquarkus.oidc.public-key="$OIDC_PUBLIC_KEY" -Dquarkus.oidc.auth-server-url= -Dquarkus.log.level=WARN \
  -jar tariff-service/target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
await_ready "$PORT" "$APP_PID" "$OUT/app.log" 120

echo "== seeding $ENTRIES entries (triggers fill the rollup), timing the raw GROUP BY and the rollup query"
FLOOR=$(java -cp "$CP" io.rigledger.tariff.reconciliation.ReconciliationBenchSeed "$DB_URL" "$ENTRIES")
echo "$FLOOR"

URL="http://localhost:$PORT/api/reconciliation?from=2019-01-01&to=2199-12-31&groupBy=order"
# warm-up: one JSON and one CSV pass
curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$URL" -o /dev/null
curl -sf -H "Authorization: Bearer $BENCH_TOKEN" -H 'Accept: text/csv' "$URL" -o /dev/null
rss() { awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status"; }
RSS_BEFORE=$(rss)
: > "$OUT/rss.txt"
( while kill -0 "$APP_PID" 2>/dev/null; do rss >> "$OUT/rss.txt"; sleep 0.05; done ) &
SAMPLER=$!
TIMES=$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" -H 'Accept: text/csv' "$URL" -o "$OUT/reconciliation.csv" \
  -w '%{time_starttransfer} %{time_total} %{size_download}')
kill "$SAMPLER" 2>/dev/null || true
RSS_PEAK=$(sort -n "$OUT/rss.txt" | tail -1)
read -r TTFB TOTAL SIZE <<< "$TIMES"
ROWS=$(($(wc -l < "$OUT/reconciliation.csv") - 1))
echo "== CSV over HTTP: first byte $(awk -v t="$TTFB" 'BEGIN {printf "%.0f", t * 1000}') ms, last byte $(awk -v t="$TOTAL" 'BEGIN {printf "%.0f", t * 1000}') ms, $ROWS rows, $SIZE bytes"
echo "== service RSS: $((RSS_BEFORE / 1024)) MiB before, $((RSS_PEAK / 1024)) MiB peak while streaming (heap cap ${BENCH_XMX:-512m}; CSV size $((SIZE / 1048576)) MiB)"
echo "== same run, no HTTP, same cursor: $FLOOR"
if [ -n "${BENCH_RESULTS:-}" ]; then
  kv() { grep -o "$1=[0-9.]*" <<< "$FLOOR" | cut -d= -f2; }
  ms() { awk -v t="$1" 'BEGIN {printf "%.0f", t * 1000}'; }
  {
    printf 'B6 reconciliation CSV (%s rows) first byte vs raw GROUP BY first row\t%s\t%s\tms\t<= 1000\n' \
      "$ROWS" "$(ms "$TTFB")" "$(kv raw_group_by_first_row_ms)"
    printf 'B6 reconciliation CSV (%s rows) last byte vs raw GROUP BY last row\t%s\t%s\tms\t<= 2000\n' \
      "$ROWS" "$(ms "$TOTAL")" "$(kv raw_group_by_last_row_ms)"
    printf 'B6 service RSS peak while streaming vs before\t%s\t%s\tMiB\t<= 1.25x\n' "$((RSS_PEAK / 1024))" "$((RSS_BEFORE / 1024))"
  } >> "$BENCH_RESULTS"
fi
