#!/usr/bin/env bash
# H-10t: where a slow order's time goes at half rate. Run from the worktree root after the bench build.
# Starts both packaged services as procurement-service/bench/run.sh does (+ access logs with microsecond response
# times), warms up until the JIT is done, one max-rate run (MAX, CPU/order), then half-rate runs, each with
# per-thread /proc schedstat (CPU and run-queue wait) of procurement, tariff, PostgreSQL and wrk, and vmstat 1.
# Env: TAG; RUNS (3 plain half-rate runs); PACE (fixed ms, else from MAX as run.sh); APP_X / TARIFF_X (extra -D/-XX,
# space separated, no spaces inside); JFR=1 (one more half run under tail.jfc); PROBE=1 (one more half run with a
# 1-connection GET probe beside it, and a GET-only run at the same pace)
set -euo pipefail
OUT=/tmp/h10t/${TAG:?}; mkdir -p "$OUT"
P_PORT=18081; T_PORT=18083; CONNECTIONS=16
CP="procurement-service/target/test-classes:procurement-service/target/classes:$(cat procurement-service/target/bench.classpath)"
rm -f "$OUT/env"
java -cp "$CP" io.rigledger.procurement.bench.OrderBenchSetup "$OUT/env" > "$OUT/setup.log" 2>&1 &
SETUP_PID=$!; TARIFF_PID=; APP_PID=
cleanup() { for pid in $APP_PID $TARIFF_PID $SETUP_PID; do kill "$pid" 2>/dev/null || continue
  for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for _ in $(seq 180); do [ -f "$OUT/env" ] && break; sleep 1; done
set -a; . "$OUT/env"; set +a
export RIGLEDGER_PAGE_CURSOR_KEY="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
. bench/ports.sh
port_free "$T_PORT" tariff; port_free "$P_PORT" procurement
COMMON="-Xmx512m -XX:+UseSerialGC -Dquarkus.oidc.public-key=$OIDC_PUBLIC_KEY -Dquarkus.oidc.auth-server-url= -Dquarkus.log.level=WARN"
alog() { [ "${ALOG:-1}" = 0 ] && return; echo "-Dquarkus.http.access-log.enabled=true -Dquarkus.http.access-log.log-to-file=true -Dquarkus.http.access-log.log-directory=$OUT -Dquarkus.http.access-log.base-file-name=$1 -Dquarkus.http.access-log.rotate=false -Dquarkus.http.record-request-start-time=true"; }
PAT="-Dquarkus.http.access-log.pattern=%{time,HH:mm:ss.SSS} %{RESPONSE_TIME_MICROS} %s %m %U %I"
LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false DB_URL="$TARIFF_DB_URL" OIDC_ISSUER="$OIDC_ISSUER" \
  java $COMMON $(alog tariff-access) "$PAT" -Xlog:gc:file=$OUT/gc-tariff.log:time,uptimemillis ${JFR_START:+-XX:StartFlightRecording=settings=/tmp/h10t/stall.jfc,filename=$OUT/tariff-stall.jfr,dumponexit=true} -Dquarkus.http.port="$T_PORT" ${TARIFF_X:-} -jar tariff-service/target/quarkus-app/quarkus-run.jar > "$OUT/tariff.log" 2>&1 &
TARIFF_PID=$!
LOG_JSON=false RIGLEDGER_RATE_LIMIT_ENABLED=false DB_URL="$PROCUREMENT_DB_URL" OIDC_ISSUER="$OIDC_ISSUER" \
  TARIFF_URL="http://localhost:$T_PORT" INVENTORY_URL="$NEIGHBOURS_URL" OIDC_AUTH_SERVER_URL="$NEIGHBOURS_URL" \
  java $COMMON $(alog proc-access) "$PAT" -Xlog:gc:file=$OUT/gc-app.log:time,uptimemillis ${JFR_START:+-XX:StartFlightRecording=settings=/tmp/h10t/stall.jfc,filename=$OUT/app-stall.jfr,dumponexit=true} -Dquarkus.oidc-client.auth-server-url="$NEIGHBOURS_URL" -Dquarkus.oidc-client.token-path=/token \
  -Dquarkus.http.port="$P_PORT" ${APP_X:-} -jar procurement-service/target/quarkus-app/quarkus-run.jar > "$OUT/app.log" 2>&1 &
APP_PID=$!
await_ready "$T_PORT" "$TARIFF_PID" "$OUT/tariff.log" 180
await_ready "$P_PORT" "$APP_PID" "$OUT/app.log" 180
URL="http://localhost:$P_PORT/api/purchase-orders"; LUA=procurement-service/bench/order.lua
curl -sf -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: sample-$$" \
  -d @procurement-service/bench/order.json "$URL" > "$OUT/sample-order.json"
grep -q '"status":"QUOTED"' "$OUT/sample-order.json" || { echo "not quoted"; exit 1; }
ORDER_ID=$(grep -o '"id":"[^"]*"' "$OUT/sample-order.json" | head -1 | cut -d'"' -f4)
PG_PID=$(head -1 "$(psql "$PGBENCH_URL" -Atc "select current_setting('data_directory')")/postmaster.pid")
echo "pids app $APP_PID tariff $TARIFF_PID pg $PG_PID setup $SETUP_PID; order $ORDER_ID" | tee "$OUT/pids"
jit() { jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $4; f = 1} END {if (!f) print 0}'; }
round=0; warmed=0
while :; do round=$((round + 1)); a0=$(jit $APP_PID); t0=$(jit $TARIFF_PID)
  wrk -t2 -c$CONNECTIONS -d20s -s "$LUA" "$URL" > "$OUT/wrk-warmup.txt"; n=$(awk '/requests in/ {print $1}' "$OUT/wrk-warmup.txt")
  read -r ja jt <<< "$(awk -v a0=$a0 -v a1=$(jit $APP_PID) -v t0=$t0 -v t1=$(jit $TARIFF_PID) -v n=$n 'BEGIN {printf "%.3f %.3f", (a1-a0)*1000/n, (t1-t0)*1000/n}')"
  warmed=$((warmed + 20)); echo "warm-up $round: $n orders; JIT ms/order $ja $jt; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/runs"
  { [ $round -ge 2 ] && awk -v a=$ja -v t=$jt 'BEGIN {exit !(a <= 0.05 && t <= 0.05)}'; } && break
  [ $warmed -ge ${WARM_MAX:-240} ] && { echo "warm-up capped" | tee -a "$OUT/runs"; break; }
done
# snapshot: group tid comm cpu_ns wait_ns slices, for every thread of the services, PostgreSQL and (if given) wrk
snap() { local g p t
  for g in app:$APP_PID tariff:$TARIFF_PID pg:$PG_PID ${1:+wrk:$1}; do p=${g#*:}
    for t in /proc/$p/task/*; do { read -r c < $t/comm; read -r a b s < $t/schedstat; echo "${g%%:*} ${t##*/} ${c// /_} $a $b $s"; } 2>/dev/null || true; done
    if [ "${g%%:*}" = pg ]; then for k in $(pgrep -P $p); do { read -r c < /proc/$k/comm; read -r a b s < /proc/$k/schedstat; echo "pg $k ${c// /_} $a $b $s"; } 2>/dev/null || true; done; fi
  done; }
run() { local name=$1 pace=$2 lua=$3 url=$4 extra=${5:-}
  snap > "$OUT/$name.s0"; vmstat 1 23 > "$OUT/$name.vmstat" & local vm=$!
  echo "$name start $(date +%T.%3N) pace $pace load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/runs"
  PACE_MS=$pace wrk -t2 -c$CONNECTIONS -d20s --latency -s "$lua" "$url" > "$OUT/$name.wrk" & local w=$!
  if [[ " ${PERF_RUNS:-} " == *" $name "* ]]; then (sleep 3; perf sched record -o "$OUT/$name.perf.data" -- sleep 12 > "$OUT/$name.perf-record.log" 2>&1) & fi
  sleep 19.7; snap $w > "$OUT/$name.s1"; wait $w
  echo "$name end $(date +%T.%3N) $(grep -E 'Requests/sec' "$OUT/$name.wrk") p50 $(awk '$1=="50%" {print $2}' "$OUT/$name.wrk") p90 $(awk '$1=="90%" {print $2}' "$OUT/$name.wrk") p99 $(awk '$1=="99%" {print $2}' "$OUT/$name.wrk") $(grep -o 'Non-2xx.*' "$OUT/$name.wrk" || true)" | tee -a "$OUT/runs"
  kill $vm 2>/dev/null || true; wait $vm 2>/dev/null || true; }
run max 0 "$LUA" "$URL"
MAX=$(awk '/Requests\/sec/ {print $2}' "$OUT/max.wrk")
AVG_MS=$(awk '/^ +Latency/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v; exit}' "$OUT/max.wrk")
PACE=${PACE:-$(awk -v c=$CONNECTIONS -v m=$MAX -v a=$AVG_MS 'BEGIN {p = c * 1000 / (m / 2) - a / 2; if (p < 1) p = 1; printf "%d", p}')}
echo "MAX $MAX PACE $PACE" | tee -a "$OUT/runs"
if [ -n "${CKPT:-}" ]; then PGD=$(psql "$PGBENCH_URL" -Atc "select current_setting('data_directory')"); ls "$PGD/pg_wal" | grep -c '^0' > "$OUT/wal-before-ckpt"
  psql "$PGBENCH_URL" -Atc "checkpoint" > /dev/null; ls "$PGD/pg_wal" | grep -c '^0' > "$OUT/wal-after-ckpt"; echo "checkpoint done $(date +%T.%3N); segments $(cat $OUT/wal-before-ckpt) -> $(cat $OUT/wal-after-ckpt)" | tee -a "$OUT/runs"; fi
for i in $(seq ${RUNS:-3}); do sleep 2; run half$i $PACE "$LUA" "$URL"; done
if [ -n "${SWEEP:-}" ]; then for p in $SWEEP; do for i in 1 2; do sleep 2; run pace$p-$i $p "$LUA" "$URL"; done; done; fi
if [ -n "${ALT:-}" ]; then for i in $(seq $ALT); do sleep 2; run half$((i + 10)) $PACE "$LUA" "$URL"; sleep 2; run exp$((i + 10)) $PACE /tmp/h10t/order-exp.lua "$URL"; done; fi
if [ -n "${EXP:-}" ]; then for i in $(seq $EXP); do sleep 2; run exp$i $PACE /tmp/h10t/order-exp.lua "$URL"; done; fi
if [ -n "${JFR:-}" ]; then sleep 2
  jcmd $APP_PID JFR.start name=t settings=/tmp/h10t/tail.jfc filename=$OUT/app.jfr > /dev/null
  jcmd $TARIFF_PID JFR.start name=t settings=/tmp/h10t/tail.jfc filename=$OUT/tariff.jfr > /dev/null
  run halfjfr $PACE "$LUA" "$URL"
  jcmd $APP_PID JFR.stop name=t > /dev/null; jcmd $TARIFF_PID JFR.stop name=t > /dev/null
fi
if [ -n "${PROBE:-}" ]; then sleep 2
  export WRK_PATH=/api/purchase-orders/$ORDER_ID
  PACE_MS=20 wrk -t1 -c1 -d20s --latency -s /tmp/h10t/get.lua "http://localhost:$P_PORT" > "$OUT/probe.wrk" & PROBE_PID=$!
  run halfprobe $PACE "$LUA" "$URL"; wait $PROBE_PID
  echo "probe (GET beside orders): $(grep Requests/sec $OUT/probe.wrk) p50 $(awk '$1=="50%" {print $2}' $OUT/probe.wrk) p99 $(awk '$1=="99%" {print $2}' $OUT/probe.wrk)" | tee -a "$OUT/runs"
  sleep 2; run getonly $PACE /tmp/h10t/get.lua "http://localhost:$P_PORT"
fi
if [ -n "${TRIVIAL:-}" ]; then
  export WRK_PATH=/api/purchase-orders/$ORDER_ID
  PACE_MS=5 wrk -t2 -c16 -d5s -s /tmp/h10t/get.lua "http://localhost:$P_PORT" > "$OUT/getwarm.wrk"
  sleep 2; run getonly $PACE /tmp/h10t/get.lua "http://localhost:$P_PORT"
  export WRK_PATH=/q/health/live
  PACE_MS=5 wrk -t2 -c16 -d5s -s /tmp/h10t/get.lua "http://localhost:$P_PORT" > "$OUT/livewarm.wrk"
  sleep 2; run liveonly $PACE /tmp/h10t/get.lua "http://localhost:$P_PORT"
fi
PGDATA_DIR=$(psql "$PGBENCH_URL" -Atc "select current_setting('data_directory')")
stat --printf='%.3W %.3Y %s %n\n' "$PGDATA_DIR"/pg_wal/0* > "$OUT/pg_wal.txt" 2>&1 || true
psql "$PGBENCH_URL" -xc "select * from pg_stat_wal" -c "select * from pg_stat_checkpointer" -c "select name, setting from pg_settings where name in ('max_wal_size','min_wal_size','checkpoint_timeout','wal_init_zero','wal_recycle','wal_segment_size','shared_buffers','wal_buffers','commit_delay','full_page_writes','wal_level')" > "$OUT/pg_stats.txt" 2>&1 || true
if [ -n "${JFR_START:-}" ]; then jcmd $APP_PID JFR.dump filename=$OUT/app-stall.jfr > /dev/null; jcmd $TARIFF_PID JFR.dump filename=$OUT/tariff-stall.jfr > /dev/null; fi
echo done | tee -a "$OUT/runs"
