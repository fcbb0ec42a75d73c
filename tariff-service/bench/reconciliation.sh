#!/usr/bin/env bash
# Reconciliation CSV benchmark (not part of ./mvnw verify): the packaged service streams
# GET /api/reconciliation?groupBy=order as text/csv over 100,000 entry lines (20,000 entries x 5
# order lines, 4 layers, 3 kinds: 1.2 M ledger rows). Prints the time to the first and to the last
# byte (curl), the CSV's rows and size, the service's RSS before and at its peak while streaming
# (VmRSS sampled every 50 ms), and next to them, measured in the same run on the same
# database, through the same cursor without HTTP (ReconciliationBenchSeed): the raw GROUP BY of the
# ledger (its limit when aggregated on demand) and the service's own query over the rollup (V7).
# Usage: tariff-service/bench/reconciliation.sh
# Then the console's JSON pages by entry over all dates (default, page 2, sort=-variance, limit=500) and
# GET /api/deadlines within 30d and 90d over HTTP (min / median / max), and EXPLAIN (ANALYZE, BUFFERS)
# summaries of the page's SQL before and now beside the range's bare GROUP BY (psql), with uptime.
# Settings: BENCH_ENTRIES (20000), BENCH_PORT (18083), BENCH_SKIP_BUILD, BENCH_XMX (512m), BENCH_TIMES (7),
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
# the services sign their paging cursors with this key (rigledger.page.cursor-key; no default outside dev and test)
export RIGLEDGER_PAGE_CURSOR_KEY="${RIGLEDGER_PAGE_CURSOR_KEY:-$(head -c 32 /dev/urandom | base64 | tr -d '\n')}"

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

# The console's pages (issue 13: each under 300 ms server time): the JSON page by entry over all dates and
# the deadlines, BENCH_TIMES requests each after one warm-up, min / median / max of curl's total time.
TIMES_N=${BENCH_TIMES:-7}
API="http://localhost:$PORT/api"
timed() { # label url
  curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$2" -o /dev/null
  for _ in $(seq "$TIMES_N"); do
    curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$2" -o /dev/null -w '%{time_total}\n'
  done | sort -n | awk -v label="$1" '{t[NR] = $1 * 1000} END {printf "   %-44s %6.1f / %6.1f / %6.1f ms\n", label, t[1], t[int((NR + 1) / 2)], t[NR]}'
}
BY_ENTRY="$API/reconciliation?groupBy=entry"
NEXT=$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$BY_ENTRY" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
echo "== JSON pages and deadlines over HTTP, min / median / max of $TIMES_N (load: $(cut -d' ' -f1-3 /proc/loadavg))"
timed "reconciliation by entry, all dates, 100 rows" "$BY_ENTRY"
timed "same, page 2 (cursor)" "$BY_ENTRY&cursor=$NEXT"
timed "same, sort=-variance" "$BY_ENTRY&sort=-variance"
timed "same, limit=500" "$BY_ENTRY&limit=500"
timed "deadlines within=30d" "$API/deadlines?within=30d"
timed "deadlines within=90d" "$API/deadlines?within=90d"

# The SQL behind them, EXPLAIN (ANALYZE, BUFFERS) summaries: the page as it was before (window sums over every
# grouped row, then offset/limit), the page and totals as ReconciliationQuery reads them now, and the machine's
# limit on the same rows (the rollup's range grouped, nothing else).
PSQL_URL="postgresql://postgres:postgres@${DB_URL#jdbc:postgresql://}"
explain() { # label sql
  psql -X -q "$PSQL_URL" -c "set plan_cache_mode = force_custom_plan" -c "explain (analyze, buffers, timing off) $2" \
    | awk -v label="$1" 'NR == 3 {top = $0} /Buffers:/ && !buf {buf = $0} /Execution Time/ {et = $0}
        END {gsub(/^ +/, "", top); gsub(/^ +/, "", buf); printf "   %-44s %s\n      %s | %s\n", label, et, substr(top, 1, 90), buf}'
}
RANGE="k.org = 'bench' and k.group_by = 'entry' and k.entry_date >= date '2019-01-01' and k.entry_date <= date '2199-12-31' and k.ledger_rows <> 0"
GROUPED="from (select k.group_key, k.program, k.heading, min(k.entry_date) as first_date, max(k.entry_date) as last_date,
  sum(k.estimated) as estimated, sum(k.declared) as declared, sum(k.paid) as paid, sum(k.billed) as billed, sum(k.refunded) as refunded
  from reconciliation_rollup k where $RANGE group by k.group_key, k.program, k.heading) g
  left join reconciliation_reason r on r.org = 'bench' and r.group_by = 'entry' and r.group_key = g.group_key and r.program = g.program and r.heading = g.heading"
ROW="select g.*, r.reason"
WINDOW=", count(*) over (), sum(g.estimated) over (), sum(g.declared) over (), sum(g.paid) over (), sum(g.billed) over (), sum(g.refunded) over ()"
ORDER="order by g.group_key, g.program, g.heading"
echo "== EXPLAIN (ANALYZE, BUFFERS), groupBy=entry, all dates (load: $(cut -d' ' -f1-3 /proc/loadavg))"
explain "limit: the range grouped, no order" "select count(*) from (select 1 from reconciliation_rollup k where $RANGE group by k.group_key, k.program, k.heading) x"
explain "before: page 1 with window sums" "$ROW $WINDOW $GROUPED $ORDER offset 0 limit 101"
explain "before: sort=-variance, window sums" "$ROW $WINDOW $GROUPED order by (g.declared + g.billed - g.refunded - g.estimated) desc, g.group_key, g.program, g.heading offset 0 limit 101"
explain "now: page 1 rows" "$ROW $GROUPED $ORDER offset 0 limit 101"
explain "now: page 2 rows" "$ROW $GROUPED $ORDER offset 100 limit 101"
explain "now: limit=500 rows" "$ROW $GROUPED $ORDER offset 0 limit 501"
explain "until 2026-12-01: sort=-variance rows" "$ROW $GROUPED order by (g.declared + g.billed - g.refunded - g.estimated) desc, g.group_key, g.program, g.heading offset 0 limit 101"
# ReconciliationQuery.SORTED (V14): the groups wholly in the range from reconciliation_group, the ones straddling its ends grouped
SORTED="from (select t.group_key, t.program, t.heading, t.first_date, t.last_date, t.estimated, t.declared, t.paid, t.billed, t.refunded, t.variance
    from reconciliation_group t where t.org = 'bench' and t.group_by = 'entry' and t.first_date >= date '2019-01-01' and t.last_date <= date '2199-12-31'
  union all
  select k.group_key, k.program, k.heading, min(k.entry_date), max(k.entry_date), sum(k.estimated), sum(k.declared), sum(k.paid), sum(k.billed),
         sum(k.refunded), sum(k.declared) + sum(k.billed) - sum(k.refunded) - sum(k.estimated)
    from reconciliation_group t join reconciliation_rollup k on k.org = t.org and k.group_by = t.group_by and k.group_key = t.group_key
         and k.program = t.program and k.heading = t.heading and k.entry_date >= date '2019-01-01' and k.entry_date <= date '2199-12-31' and k.ledger_rows <> 0
    where t.org = 'bench' and t.group_by = 'entry' and t.first_date <= date '2199-12-31' and t.last_date >= date '2019-01-01'
      and (t.first_date < date '2019-01-01' or t.last_date > date '2199-12-31')
    group by k.group_key, k.program, k.heading) g
  left join reconciliation_reason r on r.org = 'bench' and r.group_by = 'entry' and r.group_key = g.group_key and r.program = g.program and r.heading = g.heading"
explain "now: sort=-variance rows (V14 groups)" "$ROW $SORTED order by g.variance desc, g.group_key, g.program, g.heading offset 0 limit 101"
explain "until 2026-12-01: the range's count and sums" "select count(*), sum(g.estimated), sum(g.declared), sum(g.paid), sum(g.billed), sum(g.refunded)
  from (select sum(k.estimated) as estimated, sum(k.declared) as declared, sum(k.paid) as paid, sum(k.billed) as billed, sum(k.refunded) as refunded
  from reconciliation_rollup k where $RANGE group by k.group_key, k.program, k.heading) g"
explain "now: the range's count and sums (TOTALS)" "select (select count(*) from (select k.group_key from reconciliation_rollup k where $RANGE
    group by k.group_key, k.program, k.heading order by k.group_key, k.program, k.heading) g),
  coalesce(sum(p.estimated), 0), coalesce(sum(p.declared), 0), coalesce(sum(p.paid), 0), coalesce(sum(p.billed), 0), coalesce(sum(p.refunded), 0)
  from reconciliation_rollup p where p.org = 'bench' and p.group_by = 'program' and p.entry_date >= date '2019-01-01' and p.entry_date <= date '2199-12-31'"
deadlines_sql() { # days [all]: DueDates' SQL for the first page (all: without the date ranges, every entry read as until 2026-12-01), its parameters written out (correction 299 days, expected
  # liquidation 314, CAPE 80, protest 180 days, deemed liquidation 1 year, drawback 5 years: Deadlines), today as current_date
  echo "select e.id, e.entry_number, d.kind, d.due, e.entry_date, e.status, e.liquidation_date, e.protest is not null,
    case when jsonb_typeof(e.origin_audits::jsonb) = 'array' then jsonb_array_length(e.origin_audits::jsonb) > 0 else false end
  from customs_entry e
  cross join lateral (select cast(e.entry_date + make_interval(years => 1) as date) as deemed) y
  cross join lateral (values ('POST_SUMMARY_CORRECTION', e.entry_date + 299), ('EXPECTED_LIQUIDATION', e.entry_date + 314),
    ('DEEMED_LIQUIDATION', y.deemed),
    ('CAPE', case when e.liquidation_date is not null then e.liquidation_date + 80 when y.deemed <= current_date then y.deemed + 80
                  else e.entry_date + 314 + 80 end),
    ('PROTEST', coalesce(e.liquidation_date, y.deemed) + 180), ('DRAWBACK', cast(e.entry_date + make_interval(years => 5) as date))) as d(kind, due)
  where e.org = 'bench' and d.due between current_date and current_date + $1
    and (${2:+true or} e.entry_date between current_date - 299 and current_date + $1 - 299
         or e.entry_date between current_date - 314 and current_date + $1 - 314
         or e.entry_date between current_date - 394 and current_date + $1 - 394
         or e.entry_date between current_date - 366 and current_date + $1 - 365
         or e.entry_date between current_date - 446 and current_date + $1 - 445
         or e.entry_date between current_date - 546 and current_date + $1 - 545
         or e.entry_date between current_date - 1830 and current_date + $1 - 1825
         or e.liquidation_date between current_date - 80 and current_date + $1 - 80
         or e.liquidation_date between current_date - 180 and current_date + $1 - 180)
    and (e.liquidation_date is null or d.kind in ('CAPE', 'PROTEST', 'DRAWBACK'))
    and (d.kind <> 'POST_SUMMARY_CORRECTION' or y.deemed > current_date) and (d.kind <> 'CAPE' or e.has_ieepa)
    and (d.kind <> 'PROTEST' or (e.protest is null and e.status in ('PAID', 'CORRECTED', 'LIQUIDATED', 'REFUND_REQUESTED', 'REFUNDED')
                                 and (e.liquidation_date is not null or y.deemed <= current_date)))
    and d.due > current_date - 1
  order by d.due, e.entry_number collate \"C\", d.kind collate \"C\" limit 101"
}
explain "until 2026-12-01: deadlines 30d, every entry" "$(deadlines_sql 30 all)"
explain "deadlines within=30d, first page's SQL" "$(deadlines_sql 30)"
explain "deadlines within=90d, first page's SQL" "$(deadlines_sql 90)"
echo "== uptime: $(uptime)"

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
