#!/usr/bin/env bash
# Compliance batch benchmark: SITES generated sites (polygons inside Changchun, each with a city and an
# industry; bench/compliance/sites.sql) are imported into the service as a layer, as GIS staff would,
# then reviewed
#   1. by the service: GET /api/compliance/projects?source=bench-sites&format=csv (every site, the
#      table a planner downloads), RUNS times after one warm-up,
#   2. by PostGIS alone: the same review in one SQL statement (bench/compliance/review.sql) over the
#      same sites (read back from the service's export, so both review identical geometry) and the
#      same plan and rules (loaded from gis-data/ by rules_sql.py), RUNS times after one warm-up,
# one after another on one throwaway cluster; prints the medians, their ratio, the CPU others used
# meanwhile, and whether both gave every site the same verdict.
#
# usage: bench/compliance/run.sh [SITES]     (default 10000; RUNS=5)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../lib/harness.sh
source bench/lib/harness.sh

SITES=${1:-10000}
RUNS=${RUNS:-5}
DB=plan
WORK=
trap 'stop_pid "${STARTED_PID:-}" "the service"; [ -z "$WORK" ] || { stop_postgres; rm -rf "$WORK"; }' EXIT

for tool in ogr2ogr zip curl python3; do
  command -v "$tool" >/dev/null || die "needs $tool (apt-get install gdal-bin zip curl python3)"
done
make_workdir compliance
build_jar
start_postgres
cp -r "$SRC/gis-data" "$WORK/gis-data"
# the benchmark's own tables live in schema bench (rules_sql.py), out of the service's way
export PGOPTIONS="-c search_path=bench,public"

log "loading the plan and the rules as plain tables, and generating $SITES sites"
python3 bench/compliance/rules_sql.py "$WORK/gis-data" >"$WORK/rules.sql"
psql_admin "$DB" -f "$WORK/rules.sql" >/dev/null
psql_admin "$DB" -v sites="$SITES" -f bench/compliance/sites.sql >/dev/null
PG="PG:host=127.0.0.1 port=$PG_PORT user=postgres dbname=$DB active_schema=bench"
# as an agency delivers a layer: GBK text, CGCS2000 3-degree Gauss-Kruger zone 42
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -t_srs EPSG:4530 "$WORK/sites.shp" "$PG" \
  -sql "SELECT site_id, city, industry, geom FROM bench_site_src ORDER BY site_id" -nln sites
(cd "$WORK" && zip -q sites.zip sites.shp sites.shx sites.dbf sites.prj sites.cpg)

port=$(free_port)
password="bench-$RANDOM$RANDOM$RANDOM$RANDOM"
PGOPTIONS= JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" start_service compliance "$port" \
  --plan.security.bootstrap-admin.name=bench --plan.security.bootstrap-admin.password="$password" \
  --plan.imports.work-dir="$WORK/imports"
base="http://127.0.0.1:$port"
log "importing the sites through the API"
seconds=$(python3 bench/imports/http_import.py "$base" bench "$password" "$WORK/sites.zip" bench-sites)
log "imported in $seconds s"
# the one-statement review reads the sites exactly as the service stored them
curl -sf -o "$WORK/stored.geojson" "$base/api/layers/bench-sites/export?format=geojson"
ogr2ogr -f PostgreSQL "$PG" "$WORK/stored.geojson" -nln bench_site -lco SCHEMA=bench -lco GEOMETRY_NAME=geom -lco FID=fid \
  -nlt PROMOTE_TO_MULTI -t_srs EPSG:4326
sql "CREATE INDEX ON bench_site USING gist (geom); ANALYZE bench_site" >/dev/null
[ "$(sql "SELECT count(*) FROM bench_site")" -eq "$SITES" ] || die "the stored layer does not hold $SITES sites"

review_url="$base/api/compliance/projects?source=bench-sites&format=csv"
service_run() { curl -sf -o "$1" "$review_url"; }
sql_run() { psql_admin "$DB" -c "COPY ($(cat bench/compliance/review.sql)) TO STDOUT WITH (FORMAT csv)" >"$1"; }

# measure NAME FUNCTION: one warm-up (kept for the comparison), then RUNS timed runs; sets median and others
measure() {
  local name=$1 run=$2 times=()
  "$run" "$WORK/$name.csv"
  wait_for_quiet
  interference_start
  for _ in $(seq "$RUNS"); do
    local started ended
    started=$(date +%s.%N)
    "$run" "$WORK/$name-run.csv"
    ended=$(date +%s.%N)
    times+=("$(python3 -c "print(f'{$ended - $started:.3f}')")")
  done
  interference_end
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  others=$OTHERS
  log "$name: runs ${times[*]} s, median $median s; other processes used $others % of the machine"
}

log "the service's batch review"
measure service service_run
service_median=$median service_others=$others
log "the one-statement review on PostGIS"
measure sql sql_run
sql_median=$median sql_others=$others

echo
python3 - "$WORK/service.csv" "$WORK/sql.csv" "$SITES" "$service_median" "$sql_median" "$service_others" "$sql_others" <<'PY'
import csv, sys
from collections import Counter
service_file, sql_file, sites, service, sql, service_others, sql_others = sys.argv[1:8]
with open(service_file, encoding="utf-8-sig") as f:
    # the service names an imported site by its first text field, site_id
    service_rows = {r["name_zh"]: r for r in csv.DictReader(f)}
with open(sql_file, encoding="utf-8") as f:
    sql_rows = {r[0]: r for r in csv.reader(f)}
same = sum(1 for i, r in service_rows.items() if i in sql_rows and sql_rows[i][1] == r["verdict"])
print(f"sites reviewed: service {len(service_rows)}, SQL {len(sql_rows)} (of {sites}); same verdict: {same}")
print(f"verdicts (service): {dict(Counter(r['verdict'] for r in service_rows.values()))}")
print(f"verdicts (SQL):     {dict(Counter(r[1] for r in sql_rows.values()))}")
different = [i for i, r in service_rows.items() if i in sql_rows and sql_rows[i][1] != r["verdict"]]
if different:
    print(f"different verdicts, first ten: {different[:10]}")
print()
print(f"{'review of ' + sites + ' sites':<52} {'median s':>9} {'sites/s':>9} {'others %':>9}")
print(f"{'service: GET /api/compliance/projects?format=csv':<52} {float(service):>9.2f} {int(sites) / float(service):>9,.0f} {service_others:>9}")
print(f"{'PostGIS: one SQL statement (COPY … TO STDOUT)':<52} {float(sql):>9.2f} {int(sites) / float(sql):>9,.0f} {sql_others:>9}")
print(f"ratio service / SQL: {float(service) / float(sql):.2f} (goal ≤ 1.5)")
PY
machine_line
echo "- service: $SOURCE_DESCRIPTION; JVM ${JAVA_OPTS:--Xmx1g}"
echo "- PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), PostGIS $(sql "SELECT postgis_lib_version()")"
