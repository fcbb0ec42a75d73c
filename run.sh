#!/usr/bin/env bash
# Runs the whole RigLedger suite on this machine: embedded PostgreSQL (55432), Keycloak with the
# rigledger realm (8180), the three services (8081-8083) and the web console (8084), and prints how to use them.
# Ctrl-C stops everything it started.
#
#   ./run.sh            build what is missing, then run
#   ./run.sh --build    rebuild everything first (after changing code)
#   ./run.sh --fresh    start from empty databases (drops the local data in .local/postgres)
#
# Needs only a JDK 17+ and access to Maven Central. Ports, folders and timeouts can be changed
# with RIGLEDGER_* variables (java -jar deploy/local/target/local-stack.jar --help lists them).
set -euo pipefail
cd "$(dirname "$0")"

build=false
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=true; shift ;;
    --fresh) export RIGLEDGER_POSTGRES_FRESH=true; shift ;;
    *) break ;;
  esac
done

keycloak_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
needed=(
  tariff-service/target/quarkus-app/quarkus-run.jar
  inventory-service/target/quarkus-app/quarkus-run.jar
  procurement-service/target/quarkus-app/quarkus-run.jar
  console/target/quarkus-app/quarkus-run.jar
  "deploy/local/target/keycloak-${keycloak_version}/bin/kc.sh"
  deploy/local/target/local-stack.jar
)
for f in "${needed[@]}"; do
  [ -f "$f" ] || { echo "run.sh: $f is missing; building"; build=true; break; }
done
if [ "$build" = true ]; then
  # only what the stack runs (and what those need): the three services, the console and the launcher
  modules=tariff-service,inventory-service,procurement-service,console,deploy/local
  echo "run.sh: ./mvnw -B -q install -DskipTests -Dservice-image.skip=true -pl $modules -am"
  echo "run.sh: (the first time this downloads the dependencies and Keycloak from Maven Central)"
  # the container images are for Kubernetes, not needed here (-Dservice-image.skip=true)
  ./mvnw -B -q install -DskipTests -Dservice-image.skip=true -pl "$modules" -am
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
else
  java_cmd=java
fi
exec "$java_cmd" -jar deploy/local/target/local-stack.jar "$@"
