#!/usr/bin/env bash
# Run by the postgres image once, when the data directory is still empty (first start of postgres-0).
# One login role and one database per service, plus Keycloak's; each role owns only its own database.
# The passwords come from the services' Secrets (see statefulset.yaml). Changing a Secret later does
# not change a role's password: run ALTER ROLE ... PASSWORD as well (deploy/kubernetes/README.md).
set -euo pipefail

create_database() {
  local name="$1" password="$2"
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
       --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_database procurement "$PROCUREMENT_DB_PASSWORD"
create_database inventory "$INVENTORY_DB_PASSWORD"
create_database tariff "$TARIFF_DB_PASSWORD"
create_database keycloak "$KEYCLOAK_DB_PASSWORD"
