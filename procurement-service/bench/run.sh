#!/usr/bin/env bash
# procurement-service's order benchmark, printed next to the machine's own limit (not part of ./mvnw verify).
# In one run, on one embedded PostgreSQL:
#  1. wrk posts three-line orders (bench/order.json, a fresh Idempotency-Key each) with a signed operator
#     token to the packaged procurement-service, which asks the real, packaged tariff-service for each
#     order's stored quote (procurement-service's client-credentials token, role service); the catalogue
#     comes from a stand-in of inventory-service, read once and cached.
#  2. pgbench runs bench/order-insert.sql: the same rows in one transaction (order + 3 lines +
#     Idempotency-Key record) straight into procurement's database: PostgreSQL's own rate for the writes.
#  3. wrk again at half of the maximum order rate (each connection paced) for BENCH_HALF_SECONDS (120), for p99 at
#     50 % load over tens of thousands of orders (a 20 s run's p99 moved 27-37 ms between runs in one quiet window).
# PostgreSQL is measured as a server that has run for a while: its WAL segments recycled, not created. A fresh cluster
# zero-fills a new 16 MB segment every 10-16 s at half rate and every commit waits 20-30 ms for it (docs/orders.md
# "Speed"); so min_wal_size is raised and a CHECKPOINT after the warm-up and another before the half-rate run turn the
# segments written so far into the next ones, and each measured run prints how many segments were still created in it.
# Prints orders/s vs pgbench TPS (goal >= 0.30) and p99 at half the maximum rate (goal <= 30 ms), with the load average,
# and for the maximum-rate run the CPU milliseconds per order of procurement-service, tariff-service and PostgreSQL
# (also by thread kind: request threads, event loops, JIT compilers, GC) and PostgreSQL commits per order: the
# figures to compare on a busy machine (docs/orders.md). PostgreSQL commits durably (fsync, synchronous_commit on).
# Usage: procurement-service/bench/run.sh
# Settings: BENCH_SECONDS (20), BENCH_HALF_SECONDS (120), BENCH_CONNECTIONS (16), BENCH_WARMUP (seconds of each warm-up round, 20; rounds go on
# until the JIT is done: BENCH_WARMUP_JIT_MS, 0.05 ms of compile time per order, at most BENCH_WARMUP_MAX seconds, 300),
# BENCH_SKIP_BUILD, BENCH_APP_OPTS and BENCH_TARIFF_OPTS (more JVM options of procurement-service, tariff-service:
# -Xlog:gc:file=..., -XX:StartFlightRecording=...), BENCH_PROFILE (JFR of both services over the measured maximum-rate run:
# target/bench/procurement.jfr and tariff.jfr; settings=profile: CPU samples, socket and lock waits)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=procurement-service/target/bench
SECONDS_EACH=${BENCH_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
P_PORT=${BENCH_PORT:-18081}
T_PORT=${BENCH_TARIFF_PORT:-18083}
mkdir -p "$OUT"
for tool in wrk pgbench psql; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: please install $tool (apt-get install wrk postgresql-client)" >&2; exit 1; }
done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl tariff-service,procurement-service -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
CP="procurement-service/target/test-classes:procurement-service/target/classes:$(cat procurement-service/target/bench.classpath)"

rm -f "$OUT/env"
java -cp "$CP" io.rigledger.procurement.bench.OrderBenchSetup "$OUT/env" > "$OUT/setup.log" 2>&1 &
SETUP_PID=$!
TARIFF_PID=
APP_PID=
cleanup() {
  # SIGTERM, then SIGKILL after 30 s: a service whose event loop is blocked never finishes its shutdown
  for pid in $APP_PID $TARIFF_PID $SETUP_PID; do
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    # still running: its threads go to $OUT/stuck-<pid>.txt first, the evidence of what held it
    if kill -0 "$pid" 2>/dev/null; then
      jcmd "$pid" Thread.print > "$OUT/stuck-$pid.txt" 2>&1 || true
      echo "bench: process $pid ignored SIGTERM for 30 s; its thread dump is $OUT/stuck-$pid.txt" >&2
    fi
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
for _ in $(seq 180); do [ -f "$OUT/env" ] && break; sleep 1; done
[ -f "$OUT/env" ] || { echo "bench: PostgreSQL did not start; see $OUT/setup.log" >&2; exit 1; }
set -a; . "$OUT/env"; set +a
# the services sign their paging cursors with this key (rigledger.page.cursor-key; no default outside dev and test)
export RIGLEDGER_PAGE_CURSOR_KEY="${RIGLEDGER_PAGE_CURSOR_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"

# tokens verified with the signing key's public half (no Keycloak); one token sends every request,
# so the per-caller rate limit is off in both services (it would measure the limiter)
. bench/ports.sh
port_free "$T_PORT" "tariff-service, BENCH_TARIFF_PORT"; port_free "$P_PORT" "procurement-service, BENCH_PORT"
# SerialGC: the collector the services' image names and the pods' limits would pick anyway (docs/orders.md "Speed");
# the JVM's own choice on this 2-core, many-GB machine is G1, whose pauses made the p99 band at half rate
COMMON="-Xmx512m -XX:+UseSerialGC -Dquarkus.oidc.public-key=$OIDC_PUBLIC_KEY -Dquarkus.oidc.auth-server-url= -Dquarkus.log.level=WARN"
LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false DB_URL="$TARIFF_DB_URL" OIDC_ISSUER="$OIDC_ISSUER" \
  java $COMMON -Dquarkus.http.port="$T_PORT" ${BENCH_TARIFF_OPTS:-} -jar tariff-service/target/quarkus-app/quarkus-run.jar > "$OUT/tariff.log" 2>&1 &
TARIFF_PID=$!
LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false DB_URL="$PROCUREMENT_DB_URL" OIDC_ISSUER="$OIDC_ISSUER" \
  TARIFF_URL="http://localhost:$T_PORT" INVENTORY_URL="$NEIGHBOURS_URL" OIDC_AUTH_SERVER_URL="$NEIGHBOURS_URL" \
  java $COMMON -Dquarkus.oidc-client.auth-server-url="$NEIGHBOURS_URL" -Dquarkus.oidc-client.token-path=/token \
  -Dquarkus.http.port="$P_PORT" ${BENCH_APP_OPTS:-} -jar procurement-service/target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
await_ready "$T_PORT" "$TARIFF_PID" "$OUT/tariff.log" 180
await_ready "$P_PORT" "$APP_PID" "$OUT/app.log" 180

URL="http://localhost:$P_PORT/api/purchase-orders"
curl -sf -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: sample-$$" \
  -d @procurement-service/bench/order.json "$URL" > "$OUT/sample-order.json"
grep -q '"status":"QUOTED"' "$OUT/sample-order.json" || { echo "bench: the sample order was not quoted: $(cat "$OUT/sample-order.json")" >&2; exit 1; }
echo "== sample order: $(wc -c < "$OUT/sample-order.json") bytes, estimate $(grep -o '"dutyEstimate":{[^}]*}' "$OUT/sample-order.json")"

# WAL segments kept for reuse at a checkpoint, up to min_wal_size (PostgreSQL's default, 80 MB, keeps five): all of the
# warm-up's (about 450 MB) are kept, enough for the measured runs after it
PGDATA_DIR=$(psql "$PGBENCH_URL" -Atc "select current_setting('data_directory')")
psql "$PGBENCH_URL" -qAt -c "alter system set min_wal_size = '2GB'" -c "alter system set max_wal_size = '8GB'" \
  -c "select pg_reload_conf()" > /dev/null
# RUN_START SECONDS: the WAL segments created (not recycled: a recycled one keeps its birth time) since RUN_START
wal_created() { stat --printf='%W\n' "$PGDATA_DIR"/pg_wal/0* | awk -v s="$1" '$1 >= s' | wc -l; }
recycle_wal() {
  psql "$PGBENCH_URL" -qAtc checkpoint
  echo "== checkpoint: $(ls "$PGDATA_DIR/pg_wal" | grep -c '^0') WAL segments ready for reuse"
}

LUA=procurement-service/bench/order.lua
# warm-up until the JIT is done, not for a fixed time: rounds of BENCH_WARMUP seconds, at least two, until a round in
# which neither service's JIT spent more than BENCH_WARMUP_JIT_MS (0.05) ms of compile time per order (jstat -compiler:
# the JVM's own total, which a retired compiler thread does not take with it), or BENCH_WARMUP_MAX seconds (300) in all.
# C2 compiles a method after thousands of calls, so at 100-200 orders/s two 20 s rounds left it compiling through the
# measured run: 2026-12-01, 2 x 20 s: 1.6 + 1.3 ms of compiler-thread CPU per order, 8.6 ms per order in the two
# services; 2 x 90 s: 0.01 ms of compiler threads, 2.6 ms in the two services (docs/orders.md "Speed")
jit_seconds() { jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $4; found = 1} END {if (!found) print 0}'; }
WARMUP_ROUND=${BENCH_WARMUP:-20}
[ "$WARMUP_ROUND" -ge 1 ] || WARMUP_ROUND=1
round=0; warmed=0
while :; do
  round=$((round + 1))
  JA0=$(jit_seconds "$APP_PID"); JT0=$(jit_seconds "$TARIFF_PID")
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_ROUND}s" -s "$LUA" "$URL" > "$OUT/wrk-warmup.txt"
  n=$(awk '/requests in/ {print $1}' "$OUT/wrk-warmup.txt"); n=${n:-0}
  read -r ja jt <<< "$(awk -v a0="$JA0" -v a1="$(jit_seconds "$APP_PID")" -v t0="$JT0" -v t1="$(jit_seconds "$TARIFF_PID")" -v n="$n" \
    'BEGIN {if (n < 1) n = 1; printf "%.3f %.3f", (a1 - a0) * 1000 / n, (t1 - t0) * 1000 / n}')"
  warmed=$((warmed + WARMUP_ROUND))
  echo "== warm-up round $round: $n orders in ${WARMUP_ROUND}s; JIT compile ms per order: procurement-service $ja, tariff-service $jt (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "$round" -ge 2 ] && awk -v a="$ja" -v t="$jt" -v m="${BENCH_WARMUP_JIT_MS:-0.05}" 'BEGIN {exit !(a <= m && t <= m)}'; then
    break
  fi
  if [ "$warmed" -ge "${BENCH_WARMUP_MAX:-300}" ]; then
    echo "== warm-up: the JIT was still compiling after ${warmed}s (BENCH_WARMUP_MAX); the CPU per order below includes it"
    break
  fi
done
recycle_wal
if [ -n "${BENCH_PROFILE:-}" ]; then
  jcmd "$APP_PID" JFR.start name=orders settings=profile duration="${SECONDS_EACH}s" filename="$PWD/$OUT/procurement.jfr" > /dev/null
  jcmd "$TARIFF_PID" JFR.start name=quotes settings=profile duration="${SECONDS_EACH}s" filename="$PWD/$OUT/tariff.jfr" > /dev/null
fi
# CPU milliseconds per order of procurement-service, tariff-service and PostgreSQL (postmaster, its live
# children and the ones that ended), from /proc (bench/cpu.sh), and PostgreSQL commits per order in each database:
# a path's own cost, which shows even on a busy machine where orders/s does not
PG_PID=$(head -1 "$PGDATA_DIR/postmaster.pid")
. bench/cpu.sh
# per thread kind (request threads, event loops, JIT compilers, GC, ...): a JVM's ticks by thread name, digits dropped
by_thread() {
  local t c
  # a thread may end between the listing and the read: it is skipped
  for t in /proc/"$1"/task/*; do { read -r c < "$t/comm" && echo "${c//[0-9# ]/} $(awk '{print $14 + $15}' "$t/stat")"; } 2>/dev/null || true; done \
    | awk 'NF == 2 {t[$1] += $2} END {for (k in t) print k, t[k]}' | LC_ALL=C sort
}
# NAME BEFORE AFTER N: milliseconds per order of the busiest thread kinds; a thread that ended during the run
# (an idle worker retired) takes its ticks with it, so the kinds may add up to less than the process's total above
thread_split() {
  LC_ALL=C join -a2 -e0 -o 0,1.2,2.2 "$2" "$3" | awk -v n="$4" -v hz="$(getconf CLK_TCK)" \
    '{d = $3 - $2; if (d > 0) printf "%s %.2f\n", $1, d * 1000 / hz / n}' | sort -k2 -nr | awk 'NR <= 6' | tr '\n' ',' \
    | sed "s/,\$//; s/^/    $1 by thread kind (ms per order): /"; echo; }
commits() { psql "$PGBENCH_URL" -Atc "select string_agg(xact_commit::text, ' ' order by datname) from pg_stat_database where datname in ('procurement', 'tariff')"; }
echo "== wrk: POST /api/purchase-orders, ${CONNECTIONS} connections, ${SECONDS_EACH}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
APP0=$(ticks "$APP_PID"); TARIFF0=$(ticks "$TARIFF_PID"); PG0=$(pg_ticks "$PG_PID"); SETUP0=$(ticks "$SETUP_PID"); read -r PC0 TC0 <<< "$(commits)"
by_thread "$APP_PID" > "$OUT/threads-app.0"; by_thread "$TARIFF_PID" > "$OUT/threads-tariff.0"
RUN_START=$(date +%s)
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$LUA" "$URL" | tee "$OUT/wrk-max.txt"
# pg_stat_database is updated when a backend reports (at most every second or so): a short wait first
by_thread "$APP_PID" > "$OUT/threads-app.1"; by_thread "$TARIFF_PID" > "$OUT/threads-tariff.1"; SETUP1=$(ticks "$SETUP_PID")
sleep 2
read -r PC1 TC1 <<< "$(commits)"
awk -v a="$(( $(ticks "$APP_PID") - APP0 ))" -v t="$(( $(ticks "$TARIFF_PID") - TARIFF0 ))" -v p="$(( $(pg_ticks "$PG_PID") - PG0 ))" \
  -v pc="$((PC1 - PC0))" -v tc="$((TC1 - TC0))" -v n="$(awk '/requests in/ {print $1}' "$OUT/wrk-max.txt")" -v hz="$(getconf CLK_TCK)" \
  'BEGIN {printf "  CPU per order: procurement-service %.2f ms, tariff-service %.2f ms, PostgreSQL %.2f ms; commits per order: procurement %.2f, tariff %.2f\n", a * 1000 / hz / n, t * 1000 / hz / n, p * 1000 / hz / n, pc / n, tc / n}' \
  | tee -a "$OUT/wrk-max.txt"
ORDERS=$(awk '/requests in/ {print $1}' "$OUT/wrk-max.txt")
{ thread_split procurement-service "$OUT/threads-app.0" "$OUT/threads-app.1" "$ORDERS"
  thread_split tariff-service "$OUT/threads-tariff.0" "$OUT/threads-tariff.1" "$ORDERS"
  awk -v s="$((SETUP1 - SETUP0))" -v n="$ORDERS" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "    stand-ins (token endpoint, catalogue, PostgreSQL launcher): %.2f ms per order\n", s * 1000 / hz / n}'
} | tee -a "$OUT/wrk-max.txt"

echo "== pgbench: bench/order-insert.sql, ${CONNECTIONS} clients, ${SECONDS_EACH}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_EACH" -f procurement-service/bench/order-insert.sql "$PGBENCH_URL" \
  | tee "$OUT/pgbench.txt"
echo "== WAL segments created (not reused) during the maximum-rate run and pgbench: $(wal_created "$RUN_START")"

MAX=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-max.txt")
TPS=$(awk '/^tps/ {print $3}' "$OUT/pgbench.txt")
# half the maximum rate: each connection sends one request every CONNECTIONS / (MAX / 2) seconds, less the time one takes
AVG_MS=$(awk '/^ +Latency/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v; exit}' "$OUT/wrk-max.txt")
PACE=$(awk -v c="$CONNECTIONS" -v m="$MAX" -v a="$AVG_MS" 'BEGIN {p = c * 1000 / (m / 2) - a / 2; if (p < 1) p = 1; printf "%d", p}')
recycle_wal
HALF_SECONDS=${BENCH_HALF_SECONDS:-120}
echo "== wrk at half the maximum rate for ${HALF_SECONDS}s (each connection waits ${PACE} ms between requests) (load average $(cut -d' ' -f1-3 /proc/loadavg))"
RUN_START=$(date +%s)
PACE_MS=$PACE wrk -t2 -c"$CONNECTIONS" -d"${HALF_SECONDS}s" --latency -s "$LUA" "$URL" | tee "$OUT/wrk-half.txt"
echo "== WAL segments created (not reused) during the half-rate run: $(wal_created "$RUN_START")"
if grep -q 'Non-2xx' "$OUT/wrk-max.txt" "$OUT/wrk-half.txt"; then
  echo "bench: some answers were not 2xx; the numbers do not count" >&2; exit 1
fi
HALF=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-half.txt")
P99=$(awk '/^ +99%/ {print $2}' "$OUT/wrk-half.txt")
echo "== orders: ${MAX}/s vs pgbench ${TPS} TPS: ratio $(awk -v q="$MAX" -v t="$TPS" 'BEGIN {printf "%.2f", q / t}') (goal >= 0.30)"
echo "== at ${HALF} orders/s (half of ${MAX}): p99 ${P99} (goal <= 30 ms); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# bench/run's machine-readable results (issue 12): when BENCH_RESULTS names a file, a run at a quarter of the
# maximum rate too, then TSV lines appended: figure, ours, limit, unit, goal; and the B1 plot's points
if [ -n "${BENCH_RESULTS:-}" ]; then
  PACE=$(awk -v c="$CONNECTIONS" -v m="$MAX" -v a="$AVG_MS" 'BEGIN {p = c * 1000 / (m / 4) - a / 2; if (p < 1) p = 1; printf "%d", p}')
  echo "== wrk at a quarter of the maximum rate (each connection waits ${PACE} ms between requests)"
  PACE_MS=$PACE wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$LUA" "$URL" > "$OUT/wrk-quarter.txt"
  grep -q 'Non-2xx' "$OUT/wrk-quarter.txt" && { echo "bench: some answers were not 2xx at a quarter load" >&2; exit 1; }
  # wrk's latencies (850.00us, 12.34ms, 1.02s) in ms
  wrk_ms() { awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v; exit}' "$2"; }
  rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
  {
    printf 'B1 orders/s vs pgbench TPS (same inserts)\t%s\t%s\tper s\t>= 0.30x\n' "$MAX" "$TPS"
    # the rate the p99 was measured at, next to the one aimed at (a loaded machine may fall short of it)
    p99=$(wrk_ms 99% "$OUT/wrk-half.txt")
    [ -z "$p99" ] || printf 'B1 p99 at 50%% load (measured at %s orders/s, aimed at %s, half of %s)\t%s\t-\tms\t<= 30\n' \
      "$(rate "$OUT/wrk-half.txt")" "$(awk -v m="$MAX" 'BEGIN {printf "%.1f", m / 2}')" "$MAX" "$p99"
    for f in quarter half max; do
      # a paced run too short for one request per connection has no latency to plot: named in the report
      if grep -q '^ *0 requests in' "$OUT/wrk-$f.txt"; then
        printf 'B1 requests finished in the %s-load run (none: no latency point)\t0\t-\trequests\t>= 1\n' "$f"
        continue
      fi
      printf 'point\tB1\tp50\t%s\t%s\n' "$(rate "$OUT/wrk-$f.txt")" "$(wrk_ms 50% "$OUT/wrk-$f.txt")"
      printf 'point\tB1\tp99\t%s\t%s\n' "$(rate "$OUT/wrk-$f.txt")" "$(wrk_ms 99% "$OUT/wrk-$f.txt")"
    done
  } >> "$BENCH_RESULTS"
fi
