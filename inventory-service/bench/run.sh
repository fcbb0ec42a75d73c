#!/usr/bin/env bash
# The fleet benchmark: API load vs COPY, fleet summary vs raw GROUP BY at 10k/100k/1M rigs, first vs
# last page. Everything runs on this machine (embedded PostgreSQL, WireMock OIDC, the packaged service).
# Usage: inventory-service/bench/run.sh [rigs, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
# one reactor run: packages the service and writes each module's test classpath (with test-support's jar)
./mvnw -q -B -pl inventory-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd inventory-service
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.rigledger.inventory.bench.FleetBench "${1:-1000000}" target/quarkus-app/quarkus-run.jar
