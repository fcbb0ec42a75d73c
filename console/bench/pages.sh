#!/usr/bin/env bash
# The console's server time per page at the benchmark's data sizes (a benchmark, not part of ./mvnw verify).
# Starts its own local stack (deploy/local's launcher, fresh databases in target/console-bench, so ./run.sh's
# data is never touched), seeds northwind with BENCH_RIGS rigs (inventory's batch API, 10,000 a request; then
# placed by SQL as inventory's FleetBench places its rigs: 10 sites of 120 racks x 50 slots, 60 % of the rigs
# racked, 6,000 a site) and BENCH_ENTRIES customs entries x 5 entry lines (20 filed through tariff-service's API,
# copied by SQL row for row: 20,000 entries = 100,000 entry lines), signs fiona and oscar in through Keycloak's login form (curl, the form as a browser posts it), then asks
# for each page BENCH_TIMES times and prints the console's Server-Timing (app;dur, ms: first byte read to
# headers written) as min / median / max, the page's size, and the load average beside them.
# Usage: flock /tmp/rigledger-stack.lock console/bench/pages.sh   (the jars packaged first, see README.md)
# Settings: BENCH_RIGS (100000), BENCH_ENTRIES (20000), BENCH_TIMES (5)
set -euo pipefail
cd "$(dirname "$0")/../.."
RIGS=${BENCH_RIGS:-100000}
ENTRIES=${BENCH_ENTRIES:-20000}
TIMES=${BENCH_TIMES:-5}
OUT=console/target/console-bench
CONSOLE=http://localhost:8084
KEYCLOAK=http://localhost:8180
export PGPASSWORD=postgres
# psql_db DB [psql options...]: runs psql on DB of the stack, with the options given (-c, -At) or the SQL on stdin
psql_db() { local db=$1; shift; psql -q -v ON_ERROR_STOP=1 -h localhost -p 55432 -U postgres -d "$db" "$@"; }

rm -rf "$OUT"
mkdir -p "$OUT"
echo "== machine: $(nproc) cores; $(uptime)"
RIGLEDGER_LOCAL_DIR="$PWD/$OUT/stack" RIGLEDGER_POSTGRES_FRESH=true RIGLEDGER_KEYCLOAK_TIMEOUT=300 RIGLEDGER_SERVICE_TIMEOUT=180 java -jar deploy/local/target/local-stack.jar \
  > "$OUT/stack.log" 2>&1 &
STACK_PID=$!
trap 'kill "$STACK_PID" 2>/dev/null && wait "$STACK_PID" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  curl -sf "$CONSOLE/q/health/ready" >/dev/null 2>&1 && curl -sf http://localhost:8082/q/health/ready >/dev/null 2>&1 \
    && curl -sf http://localhost:8083/q/health/ready >/dev/null 2>&1 && break
  kill -0 "$STACK_PID" 2>/dev/null || { echo "bench: the stack stopped; see $OUT/stack.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$CONSOLE/q/health/ready" >/dev/null || { echo "bench: the stack is not ready; see $OUT/stack.log" >&2; exit 1; }

token() {
  curl -sf -d grant_type=password -d client_id=rigledger-cli -d "username=$1" -d "password=$1" \
    "$KEYCLOAK/realms/rigledger/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

echo "== seeding $RIGS rigs over POST /api/rigs/batch (oscar, 10,000 a request)"
start=$(date +%s.%N)
for ((from = 0; from < RIGS; from += 10000)); do
  python3 - "$from" "$((from + 10000 < RIGS ? from + 10000 : RIGS))" > "$OUT/batch.json" <<'EOF'
import json, sys
a, b = int(sys.argv[1]), int(sys.argv[2])
models = ["antminer-s21-xp", "antminer-s21-pro", "antminer-s21"]
origins = ["MY", "CN", "US", "TH"]
print(json.dumps({"rigs": [{"serialNumber": "CB%08d" % i, "model": models[i % 3], "originCountry": origins[i % 4]}
                           for i in range(a, b)]}))
EOF
  code=$(curl -s -o "$OUT/batch-answer.json" -w '%{http_code}' -H "Authorization: Bearer $(token oscar)" \
    -H 'Content-Type: application/json' --data-binary "@$OUT/batch.json" http://localhost:8082/api/rigs/batch)
  [[ "$code" == 20* ]] || { echo "bench: batch from $from answered $code: $(head -c 500 "$OUT/batch-answer.json")" >&2; exit 1; }
done
echo "   $(awk -v s="$start" -v e="$(date +%s.%N)" -v n="$RIGS" 'BEGIN {printf "%.1f s, %.0f rigs/s", e - s, n / (e - s)}')"
echo "== racking 60 % of them by SQL: 10 sites x 120 racks x 50 slots"
psql_db inventory <<'EOF'
insert into site (org, code, name, us_state, capacity_kw)
  select 'northwind', 'CB' || g, 'Bench site ' || g, 'TX', 200000 from generate_series(0, 9) g;
insert into rack (site_id, row_code, code, slots)
  select s.id, 'A', 'R' || g, 50 from site s, generate_series(0, 119) g where s.org = 'northwind' and s.code like 'CB%';
with fresh as (
    select id, row_number() over (order by id) - 1 as n from rig
    where org = 'northwind' and serial_number like 'CB%' and id % 10 < 6),
placed as (
    select id, n, n % 10 as site_no, (n / 10) % 120 as rack_no, n / 1200 + 1 as slot from fresh where n < 60000)
update rig r set status = case when p.n % 13 = 12 then 'MAINTENANCE' else 'DEPLOYED' end,
       site_id = s.id, rack_id = k.id, slot = p.slot
from placed p join site s on s.org = 'northwind' and s.code = 'CB' || p.site_no
join rack k on k.site_id = s.id and k.code = 'R' || p.rack_no
where r.id = p.id;
analyze rig;
EOF
# Customs entries: TEMPLATES entries (5 entry lines each, MFN and IEEPA reciprocal layers, MPF and HMF) filed by fiona through
# tariff-service's API (its own code writes the entry, its summary, history and ledger; a duty quote each as the estimate),
# then each copied by SQL to ENTRIES / TEMPLATES entries (new ids, entry numbers, entry dates over 300 days of 2025, order
# and shipment ids): every row is one tariff-service wrote, so every page can read every entry.
TEMPLATES=20
echo "== filing $TEMPLATES entries x 5 entry lines through tariff-service (fiona), copying them to $ENTRIES entries by SQL"
FIONA=$(token fiona)
ALICE=$(token alice)
for ((t = 0; t < TEMPLATES; t++)); do
  # the purchase order the entry's lines name: tariff-service checks each named order, line and quote with
  # procurement-service (422 otherwise), so alice places a real five-line order first and the entry names its id, its
  # lines 1-5 and the stored duty quote that estimated it (or fiona's quote below when the estimate is still PENDING)
  python3 - "$t" > "$OUT/order.json" <<'EOF'
import json, sys
t = int(sys.argv[1])
models = ["antminer-s21-xp", "antminer-s21-pro", "antminer-s21", "antminer-s21-xp", "antminer-s21-pro"]
print(json.dumps({"supplier": "Bitmain", "incoterm": "FOB", "expectedExportDate": "2026-12-20",
                  "expectedEntryDate": "2027-01-05", "transportMode": "OCEAN", "destinationSite": "DAL1",
                  "lines": [{"sku": models[n], "plant": "BITMAIN-MY", "quantity": 20, "unitPrice": 5000 + 50 * t + 5 * n}
                            for n in range(5)]}))
EOF
  code=$(curl -s -o "$OUT/order-answer.json" -w '%{http_code}' -H "Authorization: Bearer $ALICE" \
    -H "Idempotency-Key: pages-bench-order-$t-$(date +%s%N)" -H 'Content-Type: application/json' \
    --data-binary "@$OUT/order.json" http://localhost:8081/api/purchase-orders)
  [[ "$code" == 201 ]] || { echo "bench: order $t answered $code: $(head -c 800 "$OUT/order-answer.json")" >&2; exit 1; }
  read -r order order_quote < <(python3 -c 'import json,sys; o = json.load(open(sys.argv[1]))
print(o["id"], (o.get("dutyEstimate") or {}).get("quoteId") or "-")' "$OUT/order-answer.json")
  quote=$(python3 - "$t" <<'EOF'
import json, sys
t = int(sys.argv[1])
print(json.dumps({"entryDate": "2025-09-15", "transportMode": "OCEAN", "lines": [
    {"htsCode": "8543.70.9860", "originCountry": "MY", "customsValue": 100000 + 1000 * t + 100 * n, "quantity": 20} for n in range(5)]}))
EOF
)
  quote_id=$(curl -sf -H "Authorization: Bearer $FIONA" -H 'Content-Type: application/json' -d "$quote" \
    http://localhost:8083/api/duty-quotes | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') \
    || { echo "bench: duty quote $t refused" >&2; exit 1; }
  [ "$order_quote" = "-" ] || quote_id=$order_quote
  python3 - "$t" "$quote_id" "$order" > "$OUT/entry.json" <<'EOF'
import json, sys
from decimal import Decimal, ROUND_HALF_UP
t, quote, order = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cents = lambda v: float(Decimal(v).quantize(Decimal("0.01"), ROUND_HALF_UP))
values = [Decimal(100000 + 1000 * t + 100 * n) for n in range(5)]
lines, order_lines = [], []
for n, value in enumerate(values):
    # every third template declared the reciprocal layer a little off the estimate: rows with a variance
    reciprocal = value * Decimal("0.19") + (Decimal("-12.50") if t % 3 == 0 and n == 0 else 0)
    lines.append({"htsCode": "8543.70.9860", "originCountry": "MY", "customsValue": float(value), "quantity": 20,
                  "manufacturer": "Bitmain", "layers": [
                      {"program": "MFN", "heading": "8543.70.98", "ratePercent": 2.6, "amount": cents(value * Decimal("0.026"))},
                      {"program": "IEEPA_RECIPROCAL", "heading": "9903.02.39", "ratePercent": 19, "amount": cents(reciprocal)}]})
    order_lines.append({"purchaseOrderId": order, "lineNumber": n + 1, "entryLine": n + 1, "value": float(value), "quantity": 20,
                        "quoteId": quote, "quoteLineNumber": n + 1})
print(json.dumps({"entryNumber": "T%02d-%07d-%d" % (t, t, t % 10), "entryType": "01", "entryDate": "2025-09-15",
                  "portCode": "2704", "transportMode": "OCEAN", "importer": "Northwind Mining LLC", "lines": lines,
                  "fees": [{"type": "MPF", "amount": 651.50}, {"type": "HMF", "amount": cents(Decimal("0.00125") * sum(values))}],
                  "orderLines": order_lines}))
EOF
  code=$(curl -s -o "$OUT/entry-answer.json" -w '%{http_code}' -H "Authorization: Bearer $FIONA" \
    -H 'Content-Type: application/json' --data-binary "@$OUT/entry.json" http://localhost:8083/api/entries)
  [[ "$code" == 201 ]] || { echo "bench: entry $t answered $code: $(head -c 800 "$OUT/entry-answer.json")" >&2; exit 1; }
done
# each copy: the template's row as JSON with its id, number, date (and order and shipment ids) replaced, so every column
# tariff-service writes is copied, also those a later migration adds
psql_db tariff <<EOF
create temp table copy_of as
select e.id as template, md5('e' || e.id || k)::uuid as id, k,
       'B' || lpad((row_number() over (order by e.entry_number, k))::text, 10, '0') as entry_number,
       date '2025-01-01' + ((row_number() over (order by e.entry_number, k)) % 300)::int as entry_date
from customs_entry e, generate_series(1, $ENTRIES / $TEMPLATES) k where e.org = 'northwind';
insert into customs_entry
select (jsonb_populate_record(null::customs_entry, to_jsonb(e) || jsonb_build_object('id', c.id, 'entry_number', c.entry_number,
        'entry_date', c.entry_date))).*
from customs_entry e join copy_of c on c.template = e.id;
insert into entry_summary
select (jsonb_populate_record(null::entry_summary, to_jsonb(s) || jsonb_build_object('entry_id', c.id))).*
from entry_summary s join copy_of c on c.template = s.entry_id;
insert into entry_event
select (jsonb_populate_record(null::entry_event, to_jsonb(v) || jsonb_build_object('id', nextval('entry_event_id_seq'),
        'entry_id', c.id))).*
from entry_event v join copy_of c on c.template = v.entry_id;
insert into entry_amount
select (jsonb_populate_record(null::entry_amount, to_jsonb(a) || jsonb_build_object('id', nextval('entry_amount_id_seq'),
        'entry_id', c.id, 'entry_date', c.entry_date, 'order_id', md5(a.order_id::text || c.k)::uuid,
        'shipment_id', case when a.shipment_id is null then null else md5(a.shipment_id::text || c.k)::uuid end))).*
from entry_amount a join copy_of c on c.template = a.entry_id;
analyze customs_entry;
analyze entry_summary;
analyze entry_amount;
EOF
echo "   $(psql_db tariff -At -c "select count(*) || ' entries, ' || (select count(*) from entry_amount) || ' ledger rows' from customs_entry")"

# Signs $1 in through the console: the console sends curl to Keycloak's login form, whose form is posted as a browser
# posts it; curl follows the redirects back (code, token exchange, the page asked for).
sign_in() {
  local jar="$OUT/$1.cookies" page action
  page=$(curl -sfL -c "$jar" -b "$jar" "$CONSOLE/")
  action=$(python3 -c 'import html, re, sys; print(html.unescape(re.search(r"<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", sys.stdin.read(), re.S).group(1)))' <<< "$page")
  curl -sfL -c "$jar" -b "$jar" -o "$OUT/$1-home.html" --data-urlencode "username=$1" --data-urlencode "password=$1" \
    --data-urlencode credentialId= "$action"
  grep -q 'id="signed-in-as"' "$OUT/$1-home.html" || { echo "bench: $1 did not get the console's home page" >&2; exit 1; }
}

# Asks for page $3 as $1 $4 times (default $TIMES); prints the Server-Timing app durations (min, median, max), status and size.
measure() {
  local who=$1 name=$2 path=$3 n=${4:-$TIMES} i durs=() status size
  for ((i = 0; i < n; i++)); do
    read -r status size dur < <(curl -s --max-time 120 -b "$OUT/$who.cookies" -o "$OUT/$name.html" -D "$OUT/$name.headers" \
      -w '%{http_code} %{size_download} ' "$CONSOLE$path"; \
      tr -d '\r' < "$OUT/$name.headers" | sed -n 's/^[Ss]erver-[Tt]iming: app;dur=\([0-9.]*\).*/\1/p')
    durs+=("$dur")
  done
  printf '%s\n' "${durs[@]}" | sort -n | awk -v name="$name" -v path="$path" -v status="$status" -v size="$size" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
    { d[NR] = $1 } END { printf "page %-22s %6.1f %6.1f %6.1f ms (min median max of %d)  %s %7.0f KiB  load %s  %s\n",
      name, d[1], d[int((NR + 1) / 2)], d[NR], NR, status, size / 1024, load, path }'
}

# One order of alice's (northwind) for site CB0, submitted, confirmed and shipped in two shipments (Journey's steps), the
# first received, so the order page reads an order with its landed cost, two shipments, their rigs and a receipt
echo "== alice orders 5 rigs for CB0, ships them in two shipments, receives the first"
ALICE=$(token alice)
order_call() { # method path body-or-empty etag-or-empty -> writes $OUT/order-answer.json and $OUT/order.headers, prints status
  local args=(-s -o "$OUT/order-answer.json" -D "$OUT/order.headers" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $ALICE")
  [[ -n "$3" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  [[ -n "$4" ]] && args+=(-H "If-Match: $4")
  curl "${args[@]}" "http://localhost:8081$2"
}
etag_of() { tr -d '\r' < "$OUT/order.headers" | sed -n 's/^[Ee][Tt]ag: //p'; }
[[ $(order_call POST /api/purchase-orders '{"supplier":"Bitmain","incoterm":"FOB","expectedExportDate":"2025-08-01",
  "expectedEntryDate":"2025-09-15","transportMode":"OCEAN","destinationSite":"CB0","lines":[
  {"sku":"antminer-s21-xp","plant":"BITMAIN-MY","quantity":3,"unitPrice":5400.00},
  {"sku":"antminer-s21-pro","plant":"BITMAIN-CN","quantity":2,"unitPrice":3650.50}]}' '') == 201 ]] \
  || { echo "bench: the order was refused: $(head -c 800 "$OUT/order-answer.json")" >&2; exit 1; }
ORDER=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/order-answer.json")
for move in submit confirm; do
  [[ $(order_call POST "/api/purchase-orders/$ORDER/$move" '' "$(etag_of)") == 200 ]] \
    || { echo "bench: $move answered $(head -c 800 "$OUT/order-answer.json")" >&2; exit 1; }
done
for part in 1 2; do
  [[ $(order_call POST "/api/purchase-orders/$ORDER/shipments" "{\"carrier\":\"Maersk\",\"trackingNumber\":\"MAEUBENCH$part\",
    \"transportMode\":\"OCEAN\",\"exportDate\":\"2025-08-01\",\"lines\":[{\"lineNumber\":$part,\"quantity\":$((4 - part)),\"rigs\":[
    $(seq -s, 1 $((4 - part)) | sed "s/\([0-9]\)/{\"serialNumber\":\"OB$part-\1\"}/g")]}]}" "$(etag_of)") == 201 ]] \
    || { echo "bench: shipment $part answered $(head -c 800 "$OUT/order-answer.json")" >&2; exit 1; }
  if [[ $part == 1 ]]; then
    SHIPMENT1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/order-answer.json")
  fi
done
# the first shipment (3 rigs) received at CB0: the order page then reads its receipt too (order, landed cost and list; the
# shipments; the receipt), as an order in the middle of its deliveries
[[ $(order_call POST "/api/shipments/$SHIPMENT1/receipts" '{"site":"CB0"}' '') == 201 ]] \
  || { echo "bench: the receipt answered $(head -c 800 "$OUT/order-answer.json")" >&2; exit 1; }

sign_in fiona
sign_in oscar
sign_in alice
asset=$(curl -sf -H "Authorization: Bearer $(token oscar)" 'http://localhost:8082/api/rigs?limit=1' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "== server time per page (Server-Timing app; goal < 300 ms), $TIMES requests each; $(uptime)"
measure fiona reconciliation-program "/finance/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=program"
measure fiona reconciliation-origin "/finance/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=origin"
measure fiona reconciliation-default "/finance/reconciliation"
measure fiona reconciliation-entry-week "/finance/reconciliation?from=2025-03-01&to=2025-03-07&groupBy=entry"
measure fiona reconciliation-entry-month "/finance/reconciliation?from=2025-03-01&to=2025-03-31&groupBy=entry"
measure fiona reconciliation-entry-all "/finance/reconciliation?from=&to=&groupBy=entry"
# the next page of all rows, from the page's own Next link (tariff-service's cursor)
next=$(python3 -c 'import html, re, sys; print(html.unescape(re.search(r"id=\"next\" rel=\"next\" href=\"([^\"]+)\"", open(sys.argv[1]).read()).group(1)))' \
  "$OUT/reconciliation-entry-all.html")
measure fiona reconciliation-entry-all-p2 "$next"
measure fiona reconciliation-entry-all-var "/finance/reconciliation?from=&to=&groupBy=entry&sort=-variance"
measure fiona reconciliation-entry-all-500 "/finance/reconciliation?from=&to=&groupBy=entry&size=500"
measure fiona deadlines-30 "/finance/deadlines?within=30"
measure fiona deadlines-90 "/finance/deadlines?within=90"
# the next page of the 90 days' deadlines, from the page's own Next link (tariff-service's keyset cursor)
next=$(python3 -c 'import html, re, sys; m = re.search(r"id=\"next\" href=\"([^\"]+)\"", open(sys.argv[1]).read()); print(html.unescape(m.group(1)) if m else "")' \
  "$OUT/deadlines-90.html")
[[ -n "$next" ]] && measure fiona deadlines-90-p2 "$next"
measure fiona ieepa-refunds "/finance/ieepa-refunds"
measure oscar fleet "/fleet"
measure oscar rig-lookup "/fleet/rigs?q=$asset"
measure oscar sites "/fleet/sites"
measure oscar racks-of-site "/fleet/sites/CB0/racks"
measure oscar rack-grid "/fleet/sites/CB0/racks/R0"
measure alice orders "/orders"
measure alice order "/orders/$ORDER"
echo "   the order page's last Server-Timing (app, then each procurement-service call): $(tr -d '\r' < "$OUT/order.headers" | sed -n 's/^[Ss]erver-[Tt]iming: //p')"
measure oscar home "/"
echo "== $(uptime)"
