#!/usr/bin/env bash
# Shapefile import benchmark: the same generated shapefiles (GBK text, CGCS2000 3-degree
# Gauss-Kruger zone 42 = EPSG:4530) imported into PostGIS as WGS84 by
#   1. the running service through its API (POST /api/imports, -Xmx512m; it also validates,
#      repairs and links every feature to the plan's polygons): the first import after start-up
#      (Java still compiling the import's code), and the third import of the same file, as a
#      service that has been running a while does it,
#   2. the service's command line (a fresh JVM per file, start-up included),
#   3. ogr2ogr -f PostgreSQL with PG_USE_COPY=YES, reprojecting,
#   4. shp2pgsql -s 4530:4326 -W GBK -D | psql,
# one after another on the same throwaway cluster; prints features/s, peak memory and ratios.
#
# usage: bench/imports/run.sh [POINTS] [POLYGONS]      (defaults 1000000 and 100000)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../lib/harness.sh
source bench/lib/harness.sh

points=${1:-1000000}
polygons=${2:-100000}
service_pid=
WORK=
trap 'stop_pid "$service_pid" "the service"; [ -z "$WORK" ] || { pg_cluster_stop "$WORK/pg"; rm -rf "$WORK"; }' EXIT

for tool in ogr2ogr shp2pgsql zip curl; do
  command -v "$tool" >/dev/null || die "needs $tool (apt-get install gdal-bin postgis zip curl)"
done
make_workdir imports
build_jar

log "generating $points points and $polygons polygons"
python3 bench/imports/generate.py "$points" "$polygons" "$WORK"
generated_shapefile_zip points
generated_shapefile_zip polygons
ls -la "$WORK"/*.zip

pg_cluster_start "$WORK/pg"
pg_run createdb plan
pg_run psql -q -d plan -c "CREATE EXTENSION postgis"
url="jdbc:postgresql://127.0.0.1:$PG_PORT/plan"
conn="host=127.0.0.1 port=$PG_PORT dbname=plan user=postgres"

results="$WORK/results.tsv"
record() {  # name kind features seconds peak-MB
  printf "%s\t%s\t%s\t%s\t%s\n" "$@" >>"$results"
  echo "  $1 $2: $4 s, peak $5 MB"
}
measure() {  # name kind features command...
  local name=$1 kind=$2 count=$3
  shift 3
  local start end
  start=$(date +%s.%N)
  if ! /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >"$WORK/$name-$kind.log" 2>&1; then
    echo "$name failed on $kind:" >&2
    tail -30 "$WORK/$name-$kind.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  record "$name" "$kind" "$count" "$(python3 -c "print(round($end - $start, 2))")" $(( $(tail -1 "$WORK/rss") / 1024 ))
}

log "starting the service"
port=$(free_port)
admin_password="bench-$RANDOM$RANDOM$RANDOM"
java -Xmx512m -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 --spring.datasource.url="$url" \
  --spring.datasource.username=postgres --spring.datasource.password="unused-$RANDOM$RANDOM$RANDOM" \
  --plan.security.bootstrap-admin.name=bench --plan.security.bootstrap-admin.password="$admin_password" \
  --plan.imports.work-dir="$WORK/service-imports" \
  --logging.level.org.changchun.layout.store.jdbc.JdbcFeatureStore=DEBUG >"$WORK/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health" || { echo "the service did not start:"; tail -30 "$WORK/service.log"; exit 1; }

for kind in points polygons; do
  count=$([ "$kind" = points ] && echo "$points" || echo "$polygons")
  echo "importing $kind"
  for round in first second third; do
    seconds=$(python3 bench/imports/http_import.py "http://127.0.0.1:$port" bench "$admin_password" \
      "$WORK/$kind.zip" "api-$kind")
    [ "$round" = second ] && continue
    record "api-$round" "$kind" "$count" "$seconds" $(( $(awk '/VmHWM/ {print $2}' "/proc/$service_pid/status") / 1024 ))
  done
  measure cli "$kind" "$count" java -Xmx512m -jar "$JAR" import "$WORK/$kind.zip" --layer "cli-$kind" \
    --spring.datasource.url="$url" --spring.datasource.username=postgres --plan.security.allow-insecure-defaults=true \
    --plan.imports.work-dir="$WORK/imports"
  grep -q "^SUCCEEDED" "$WORK/cli-$kind.log" || { echo "the command-line import failed:"; tail -20 "$WORK/cli-$kind.log"; exit 1; }
  measure ogr2ogr "$kind" "$count" env PG_USE_COPY=YES ogr2ogr -f PostgreSQL PG:"$conn" "$WORK/$kind.shp" \
    -nln "ogr_$kind" -t_srs EPSG:4326 -lco SPATIAL_INDEX=GIST
  measure shp2pgsql "$kind" "$count" bash -c "shp2pgsql -s 4530:4326 -W GBK -D -I '$WORK/$kind.shp' shp_$kind \
    | '$PG_BIN/psql' -q -h 127.0.0.1 -p $PG_PORT -U postgres -d plan"
done
kill "$service_pid"
wait "$service_pid" 2>/dev/null || true
service_pid=
grep -o "Wrote layer api-.*" "$WORK/service.log" | sed "s/^/  /" || true

echo
python3 - "$results" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
table = {(name, kind): (int(count), float(seconds), int(rss)) for name, kind, count, seconds, rss in rows}
names = {"api-first": "service API, first import after start-up", "api-third": "service API, third import of the file",
         "cli": "service command line (JVM start-up included)", "ogr2ogr": "ogr2ogr PG_USE_COPY=YES",
         "shp2pgsql": "shp2pgsql -D | psql"}
print(f"{'tool':<46} {'layer':<9} {'features':>9} {'seconds':>8} {'features/s':>11} {'peak MB':>8}")
for (name, kind), (count, seconds, rss) in table.items():
    print(f"{names[name]:<46} {kind:<9} {count:>9} {seconds:>8.1f} {count / seconds:>11,.0f} {rss:>8}")
print()
for kind in ("points", "polygons"):
    for service in ("api-third", "api-first", "cli"):
        rate = table[(service, kind)][0] / table[(service, kind)][1]
        ratios = ", ".join(f"/ {peer} = {rate / (table[(peer, kind)][0] / table[(peer, kind)][1]):.2f}"
                           for peer in ("ogr2ogr", "shp2pgsql"))
        print(f"{kind}: {service} {ratios}")
PY
