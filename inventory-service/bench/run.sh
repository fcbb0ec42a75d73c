#!/usr/bin/env bash
# The fleet benchmark: API load vs COPY, fleet summary vs raw GROUP BY at 10k/100k/1M rigs, first vs
# last page (p50 and p99 of each). Everything runs on this machine (embedded PostgreSQL, WireMock OIDC, the packaged service).
# Usage: inventory-service/bench/run.sh [rigs, default 1000000]
# Settings: BENCH_SKIP_BUILD; BENCH_WARM_CALLS (rounds of the unmeasured warm-up, 5000: about a minute); BENCH_RESULTS=<file> appends bench/run's TSV (figure, ours, limit, unit, goal; B2 points)
set -euo pipefail
cd "$(dirname "$0")/../.."
# one reactor run: packages the service and writes each module's test classpath (with test-support's jar)
[ -n "${BENCH_SKIP_BUILD:-}" ] || ./mvnw -q -B -pl inventory-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd inventory-service
if [ -z "${BENCH_RESULTS:-}" ]; then
  exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.rigledger.inventory.bench.FleetBench "${1:-1000000}" target/quarkus-app/quarkus-run.jar
fi
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.rigledger.inventory.bench.FleetBench "${1:-1000000}" target/quarkus-app/quarkus-run.jar | tee target/bench/fleet.txt
# FleetBench's lines: "fleet benchmark: <rigs> rigs, ...", "load API <n> rigs/s COPY <n> rigs/s ...",
# "summary <rigs> rigs <groupBy> <n> groups", "API p50 <ms> p99 <ms> ms ...", "raw GROUP BY p50 <ms> p99 <ms> ms ...",
# "paging <list> first page p50 <ms> ms p99 <ms> ms last page p50 <ms> ms p99 <ms> ms" (at the full fleet).
# The summary p99s and the paging times are only reported: the issue sets them no goal ("-"); a paging line puts the
# first page where the limit goes, so the report's ratio column is last page / first page.
awk -F'[ \t]+' '
  function n(v) { gsub(/,/, "", v); return v }
  /^fleet benchmark:/ { fleet = n($3) }
  /^load +API/ { for (i = 1; i <= NF; i++) { if ($i == "API") api = n($(i + 1)); if ($i == "COPY") copy = n($(i + 1)) }
                 printf "B3 batch registration rigs/s vs COPY\t%s\t%s\tper s\t>= 0.30x\n", api, copy }
  /^summary/ { rigs = n($2); by = $4 }
  /^ +API p50/ { apip50 = n($4); apip99 = n($6) }
  /^ +raw GROUP BY p50/ { raw = n($6); rawp99 = n($8)
                 printf "B2 fleet summary p50 at %s rigs by %s vs raw GROUP BY\t%s\t%s\tms\t<= 0.1x\n", rigs, by, apip50, raw
                 printf "B2 fleet summary p99 at %s rigs by %s vs raw GROUP BY p99\t%s\t%s\tms\t-\n", rigs, by, apip99, rawp99
                 printf "point\tB2\tAPI by %s\t%s\t%s\n", by, rigs, apip50
                 printf "point\tB2\traw GROUP BY by %s\t%s\t%s\n", by, rigs, raw
                 if (!(by in small) || rigs + 0 < small[by]) { small[by] = rigs + 0; smallp50[by] = apip50 }
                 if (!(by in large) || rigs + 0 > large[by]) { large[by] = rigs + 0; largep50[by] = apip50 } }
  /^paging/ { list = $0; sub(/^paging +/, "", list); sub(/ +first page .*/, "", list)
              for (i = 1; i <= NF; i++) { if ($i == "first") { f50 = $(i + 3); f99 = $(i + 6) }
                                          if ($i == "last") { l50 = $(i + 3); l99 = $(i + 6) } }
              printf "B2 rig list (limit 100) %s at %s rigs: last page vs first page p50\t%s\t%s\tms\t-\n", list, fleet, l50, f50
              printf "B2 rig list (limit 100) %s at %s rigs: last page vs first page p99\t%s\t%s\tms\t-\n", list, fleet, l99, f99 }
  # "flat in fleet size": the summary at the largest fleet vs at the smallest (the raw GROUP BY grows with the rows)
  END { for (b in large) if (large[b] > small[b])
          printf "B2 fleet summary flat in fleet size: p50 at %s rigs vs at %s rigs by %s\t%s\t%s\tms\t<= 1.5x\n", large[b], small[b], b, largep50[b], smallp50[b] }' target/bench/fleet.txt >> "$BENCH_RESULTS"
