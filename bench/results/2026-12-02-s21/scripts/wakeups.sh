#!/usr/bin/env bash
# wakeups.sh LOG OUT: beside procurement-service/bench/run.sh (whose console goes to LOG), per-thread schedstat
# (CPU ns, run-queue wait ns, switch-ins) of procurement, tariff, PostgreSQL (postmaster + children) and wrk,
# taken when the max-rate run and the half-rate run start and end (as the bench prints them), into OUT.*.s0/s1
set -u
LOG=$1; OUT=$2
snap() { local g p t k c a b s
  for g in app:$APP tariff:$TARIFF pg:$PG ${1:+wrk:$1}; do p=${g#*:}
    for t in /proc/$p/task/*; do { read -r c < $t/comm; read -r a b s < $t/schedstat; echo "${g%%:*} ${t##*/} ${c// /_} $a $b $s"; } 2>/dev/null || true; done
    if [ "${g%%:*}" = pg ]; then for k in $(pgrep -P $p); do { read -r c < /proc/$k/comm; read -r a b s < /proc/$k/schedstat; echo "pg $k ${c// /_} $a $b $s"; } 2>/dev/null || true; done; fi
  done; }
waitfor() { until grep -q -- "$1" "$LOG" 2>/dev/null; do sleep 0.05; done; }
waitfor '== sample order'
APP=$(pgrep -f 'procurement-service/target/quarkus-app/quarkus-run.jar' | head -1)
TARIFF=$(pgrep -f 'tariff-service/target/quarkus-app/quarkus-run.jar' | head -1)
PGBENCH_URL=$(sed -n 's/^PGBENCH_URL=//p' procurement-service/target/bench/env | tr -d "'\"")
PG=$(head -1 "$(psql "$PGBENCH_URL" -Atc "select current_setting('data_directory')")/postmaster.pid")
echo "app $APP tariff $TARIFF pg $PG" > "$OUT.pids"
for phase in "max|== wrk: POST|CPU per order" "half|== wrk at half|== orders:"; do
  IFS="|" read -r name start end <<< "$phase"
  waitfor "$start"; sleep 0.5; W=$(pgrep -n -x wrk); snap "$W" > "$OUT.$name.s0"
  waitfor "$end"; snap "$W" > "$OUT.$name.s1"
done
