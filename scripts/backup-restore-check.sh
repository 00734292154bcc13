#!/usr/bin/env bash
# Checks the backup and restore procedure of docs/operations.md end to end: the service loads the
# plan into a PostGIS database, the database is dumped with pg_dump, restored with pg_restore
# into a new one, and the service started on the restored database must serve exactly the same
# layers, versions and features, without reloading anything.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/pg-cluster.sh

work=$(mktemp -d /tmp/plan-backup-check.XXXXXX)
chmod 755 "$work"  # the cluster runs as the postgres user, who must reach its folder
service_pid=""
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  pg_cluster_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

jar=$(ls target/changchun-layout-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -ntp package -DskipTests
  jar=$(ls target/changchun-layout-*.jar | head -1)
fi

pg_cluster_start "$work/pg"
pg_run createdb plan
pg_run psql -q -d plan -c "CREATE EXTENSION postgis"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_service() {
  local database=$1
  java -jar "$jar" --server.port="$port" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$database" \
    --spring.datasource.username=postgres --plan.security.allow-insecure-defaults=true \
    --plan.imports.work-dir="$work/imports" >"$work/service-$database.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; then return 0; fi
    if ! kill -0 "$service_pid" 2>/dev/null; then break; fi
    sleep 1
  done
  # the work folder goes with the cleanup: show why here
  echo "the service did not start on $database; the end of its log:" >&2
  tail -40 "$work/service-$database.log" >&2
  exit 1
}
stop_service() {
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
}
snapshot() {
  local out=$1
  curl -sf "http://127.0.0.1:$port/api/layers" | python3 -c '
import json, sys
for layer in json.load(sys.stdin):
    print(layer["id"], layer["version"], layer["data_version"], layer["feature_count"])' >"$out"
  local id
  for id in $(cut -d" " -f1 "$out"); do
    curl -sf "http://127.0.0.1:$port/api/layers/$id/export?format=geojson" | sha256sum | sed "s/-/$id/" >>"$out"
  done
  curl -sf "http://127.0.0.1:$port/api/cities/automobile" | python3 -c '
import json, sys; print("automobile", sorted(d["adcode"] for d in json.load(sys.stdin)["districts"]))' >>"$out"
}

echo "1/4 loading the plan into PostGIS"
start_service plan
snapshot "$work/before.txt"
stop_service

echo "2/4 pg_dump"
pg_run pg_dump -Fc -d plan -f "$work/plan.dump"
echo "    $(du -h "$work/plan.dump" | cut -f1) backup"

echo "3/4 pg_restore into a new database"
pg_run createdb plan_restored
pg_run pg_restore -d plan_restored "$work/plan.dump"

echo "4/4 the service on the restored database"
start_service plan_restored
snapshot "$work/after.txt"
stop_service
if grep -q "Loaded layer" "$work/service-plan_restored.log"; then
  echo "FAIL: the service reloaded layers after the restore" >&2
  exit 1
fi
if diff -u "$work/before.txt" "$work/after.txt"; then
  echo "PASS: the restored database serves the same $(grep -c -v -e "^automobile" -e "  " "$work/before.txt") layers, with the same versions, features (GeoJSON checksums) and cities"
else
  echo "FAIL: the restored database differs" >&2
  exit 1
fi
