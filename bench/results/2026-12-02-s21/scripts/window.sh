#!/usr/bin/env bash
# window.sh TREE TAG: in TREE (a clean clone, built), one procurement-service/bench/run.sh with schedstat beside it
set -u
cd "$1"; TAG=$2; R=/tmp/h10u/runs; mkdir -p $R
echo "window $TAG start $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) commit $(git log --oneline -1)" | tee $R/$TAG.log
/tmp/h10u/scripts/wakeups.sh $R/$TAG.log $R/$TAG & W=$!
BENCH_SKIP_BUILD=1 procurement-service/bench/run.sh >> $R/$TAG.log 2>&1; echo "run.sh rc $?" >> $R/$TAG.log
kill $W 2>/dev/null; wait $W 2>/dev/null
cp procurement-service/target/bench/wrk-max.txt $R/$TAG.wrk-max.txt; cp procurement-service/target/bench/wrk-half.txt $R/$TAG.wrk-half.txt; cp procurement-service/target/bench/pgbench.txt $R/$TAG.pgbench.txt
echo "window $TAG end $(date +%T)" | tee -a $R/$TAG.log
