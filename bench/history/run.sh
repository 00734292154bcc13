#!/usr/bin/env bash
# Version comparison benchmark: two versions of a layer of generated parcels (FEATURES polygons, by
# default 1,000,000; v2 changes 1.3 % of them: status, position, both, 0.2 % removed, 0.2 % added),
# imported into PostGIS through the service's API, then compared by
#   1. the service: GET /api/layers/{id}/changes, matched by the key field (key=code) in JSON, CSV
#      and GeoJSON, and by id in JSON: the whole answer, from request to last byte,
#   2. the same statements the service sends (taken from its log), run straight in PostgreSQL by psql
#      (the floor: the database's one pass, without measuring or writing the answer), by key and by id,
#   3. a feature-at-a-time comparison, as code that looks each later feature up in the earlier version
#      would do it: pgbench sends that lookup (by the key, with an index on it) for 20 s; the time for
#      every feature is extrapolated from its rate,
# ROUNDS times each (median), recording how much of the machine other processes used meanwhile.
#
# usage: bench/history/run.sh [FEATURES]      (about 15 minutes for 1,000,000 on two busy vCPUs, ROUNDS=3)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../lib/harness.sh
source bench/lib/harness.sh

features=${1:-1000000}
ROUNDS=${ROUNDS:-3}
DB=plan
LAYER=parcels
trap 'stop_pid "${STARTED_PID:-}" "the service"; stop_postgres; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

for tool in ogr2ogr zip curl; do
  command -v "$tool" >/dev/null || die "needs $tool (apt-get install gdal-bin zip curl)"
done
make_workdir history
build_jar

log "generating two versions of $features parcels"
expected=$(python3 bench/history/generate.py "$features" "$WORK")
log "expected: $expected"
generated_shapefile_zip v1
generated_shapefile_zip v2

start_postgres
cp -r "$SRC/gis-data" "$WORK/gis-data"
port=$(free_port)
admin_password="bench-$RANDOM$RANDOM$RANDOM"
JAVA_OPTS="-Xmx512m" start_service service "$port" \
  --plan.security.bootstrap-admin.name=bench --plan.security.bootstrap-admin.password="$admin_password" \
  --plan.imports.work-dir="$WORK/service-imports" \
  --logging.level.org.changchun.layout.store.jdbc.JdbcLayerHistory=DEBUG
base="http://127.0.0.1:$port"

for version in v1 v2; do
  seconds=$(python3 bench/imports/http_import.py "$base" bench "$admin_password" "$WORK/$version.zip" "$LAYER")
  log "imported $version in $seconds s"
done
from=$(sql "SELECT min(id) FROM layer_version WHERE layer_id = '$LAYER'")
to=$(sql "SELECT max(id) FROM layer_version WHERE layer_id = '$LAYER'")
sql "ANALYZE lv_$from" >/dev/null
sql "ANALYZE lv_$to" >/dev/null

results="$WORK/results.tsv"
: >"$results"
# measure NAME COMMAND...: ROUNDS runs; records each one's seconds and the others' share of the CPU
measure() {
  local name=$1
  shift
  for round in $(seq "$ROUNDS"); do
    interference_start
    local start end
    start=$(date +%s.%N)
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || { cat "$WORK/$name.err" >&2; die "$name failed"; }
    end=$(date +%s.%N)
    interference_end
    printf "%s\t%s\t%s\t%s\n" "$name" "$round" "$(python3 -c "print(round($end - $start, 3))")" "$OTHERS" >>"$results"
    log "  $name round $round: $(tail -1 "$results" | cut -f3) s (others used $OTHERS % of the machine)"
  done
}
changes() {  # QUERY: the answer's bytes to stdout
  curl -sf -o /dev/null -w '%{size_download}\n' "$base/api/layers/$LAYER/changes?from=$from&to=$to&$1"
}

log "comparing versions $from and $to"
measure service-key-json changes "key=code"
cp "$WORK/service-key-json.out" "$WORK/key-json.bytes"
curl -sf "$base/api/layers/$LAYER/changes?from=$from&to=$to&key=code" >"$WORK/key.json"
measure service-key-csv changes "key=code&format=csv"
measure service-key-geojson changes "key=code&format=geojson"
measure service-id-json changes ""
# the statement of the first comparison by key, in JSON (without geometries), as the service logged it
sql_key=$(grep "Comparing versions $from and $to" "$WORK/service/service.log" | sed -n 1p | sed 's/^.*layer [a-z-]*: //')
[ -n "$sql_key" ] || die "the service did not log its statement"
measure psql-key-json psql_admin "$DB" -o /dev/null -c "$sql_key"
sql_id=$(grep "Comparing versions $from and $to" "$WORK/service/service.log" | sed -n '$p' | sed 's/^.*layer [a-z-]*: //')
measure psql-id-json psql_admin "$DB" -o /dev/null -c "$sql_id"

# a feature at a time: look each later parcel up by its key in the earlier version, with an index
psql_admin "$DB" -c "CREATE INDEX bench_key ON lv_$from (c_1)" >/dev/null
cat >"$WORK/lookup.sql" <<SQL
\set n random(0, $((features - 1)))
SELECT id, c_1, c_2, c_3, ST_AsBinary(geom) FROM lv_$from WHERE c_1 = 'P' || lpad(:n::text, 7, '0');
SQL
interference_start
pgbench_out=$(pg_run pgbench -n -c 1 -T 20 -M prepared -f "$WORK/lookup.sql" "$DB" 2>&1)
interference_end
tps=$(grep -oP 'tps = \K[0-9.]+' <<<"$pgbench_out" | head -1)
log "  feature-at-a-time lookups: $tps/s (others used $OTHERS % of the machine)"
psql_admin "$DB" -c "DROP INDEX bench_key" >/dev/null

echo
echo "Version comparison, $features parcels, versions $from → $to; expected $expected"
echo "answer by key: $(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['totals']; print(t)" "$WORK/key.json"), \
$(cat "$WORK/key-json.bytes") bytes of JSON"
python3 - "$results" "$tps" "$features" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
tps, features = float(sys.argv[2]), int(sys.argv[3])
runs = {}
for name, _, seconds, others in rows:
    runs.setdefault(name, []).append((float(seconds), int(others)))
names = {"service-key-json": "service, key=code, JSON", "service-key-csv": "service, key=code, CSV",
         "service-key-geojson": "service, key=code, GeoJSON", "service-id-json": "service, by id, JSON",
         "psql-key-json": "its statement in psql (key=code)", "psql-id-json": "its statement in psql (by id)"}
print(f"{'comparison':<40} {'median s':>9} {'runs s':>22} {'others % of CPU':>16}")
for name, values in runs.items():
    seconds = [s for s, _ in values]
    print(f"{names[name]:<40} {statistics.median(seconds):>9.2f} {' '.join(f'{s:.2f}' for s in seconds):>22} "
          f"{' '.join(str(o) for _, o in values):>16}")
naive = features / tps
print(f"{'feature at a time (pgbench, extrapolated)':<40} {naive:>9.1f}   ({tps:,.0f} lookups/s)")
median = {name: statistics.median(s for s, _ in values) for name, values in runs.items()}
service = median["service-key-json"]
print(f"\nservice / its statement in psql: key {service / median['psql-key-json']:.2f}, id "
      f"{median['service-id-json'] / median['psql-id-json']:.2f}; feature at a time / service (key) = {naive / service:.1f}")
PY
