#!/usr/bin/env bash
# Shapefile import benchmark: the same generated shapefiles (GBK text, CGCS2000 3-degree
# Gauss-Kruger zone 42 = EPSG:4530) imported into PostGIS as WGS84 by
#   1. the service's command-line import (-Xmx512m; it also validates, repairs and links every
#      feature to the plan's polygons),
#   2. ogr2ogr -f PostgreSQL with PG_USE_COPY=YES, reprojecting,
#   3. shp2pgsql -s 4530:4326 -W GBK -D | psql,
# one after another on the same throwaway cluster; prints features/s, peak memory and ratios.
#
# usage: bench/imports/run.sh [POINTS] [POLYGONS]      (defaults 1000000 and 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/pg-cluster.sh

points=${1:-1000000}
polygons=${2:-100000}
work=$(mktemp -d /tmp/bench-imports.XXXXXX)
chmod 755 "$work"  # the cluster runs as the postgres user
trap 'pg_cluster_stop "$work/pg"; rm -rf "$work"' EXIT

for tool in ogr2ogr shp2pgsql zip; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install gdal-bin postgis zip)" >&2; exit 1; }
done

echo "building the service"
src="$work/src"
mkdir -p "$src"
tar --exclude=./target --exclude=./data --exclude=./.git --exclude=./bench -cf - . | tar -xf - -C "$src"
(cd "$src" && ./mvnw -q -B -ntp package -DskipTests)
jar=$(ls "$src"/target/changchun-layout-*.jar)

echo "generating $points points and $polygons polygons"
python3 bench/imports/generate.py "$points" "$polygons" "$work"
for kind in points polygons; do
  ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -s_srs EPSG:4326 -t_srs EPSG:4530 -oo GEOM_POSSIBLE_NAMES=WKT \
    -oo KEEP_GEOM_COLUMNS=NO "$work/$kind.shp" "$work/$kind.csv"
  (cd "$work" && zip -q "$kind.zip" "$kind".shp "$kind".shx "$kind".dbf "$kind".prj "$kind".cpg)
done
ls -la "$work"/*.zip

pg_cluster_start "$work/pg"
pg_run createdb plan
pg_run psql -q -d plan -c "CREATE EXTENSION postgis"
url="jdbc:postgresql://127.0.0.1:$PG_PORT/plan"
conn="host=127.0.0.1 port=$PG_PORT dbname=plan user=postgres"

# the service loads the plan once, so the timed imports only import
java -jar "$jar" import "$work/points.zip" --layer warm-up --dry-run --spring.datasource.url="$url" \
  --spring.datasource.username=postgres --plan.security.allow-insecure-defaults=true >/dev/null 2>&1 || true

results="$work/results.tsv"
measure() {  # name kind features command...
  local name=$1 kind=$2 count=$3
  shift 3
  local start end seconds rss
  start=$(date +%s.%N)
  if ! /usr/bin/time -f "%M" -o "$work/rss" "$@" >"$work/$name-$kind.log" 2>&1; then
    echo "$name failed on $kind:" >&2
    tail -30 "$work/$name-$kind.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  seconds=$(python3 -c "print(round($end - $start, 2))")
  rss=$(( $(tail -1 "$work/rss") / 1024 ))
  printf "%s\t%s\t%s\t%s\t%s\n" "$name" "$kind" "$count" "$seconds" "$rss" >>"$results"
  echo "  $name $kind: ${seconds} s, peak ${rss} MB"
}

for kind in points polygons; do
  count=$([ "$kind" = points ] && echo "$points" || echo "$polygons")
  echo "importing $kind"
  measure service "$kind" "$count" java -Xmx512m -jar "$jar" import "$work/$kind.zip" --layer "bench-$kind" \
    --spring.datasource.url="$url" --spring.datasource.username=postgres --plan.security.allow-insecure-defaults=true \
    --plan.imports.work-dir="$work/imports"
  grep -q "^SUCCEEDED" "$work/service-$kind.log" || { echo "the service import failed:"; tail -20 "$work/service-$kind.log"; exit 1; }
  measure ogr2ogr "$kind" "$count" env PG_USE_COPY=YES ogr2ogr -f PostgreSQL PG:"$conn" "$work/$kind.shp" \
    -nln "ogr_$kind" -t_srs EPSG:4326 -lco SPATIAL_INDEX=GIST
  measure shp2pgsql "$kind" "$count" bash -c "shp2pgsql -s 4530:4326 -W GBK -D -I '$work/$kind.shp' shp_$kind \
    | '$PG_BIN/psql' -q -h 127.0.0.1 -p $PG_PORT -U postgres -d plan"
done

# the service's own figure excludes its start-up (JVM, migrations, catalog), which a long import amortises
for kind in points polygons; do
  grep -o "finished: [0-9]* features in [0-9.]* s" "$work/service-$kind.log" | head -1 | sed "s/^/  service $kind, import alone: /" || true
done

echo
python3 - "$results" "$work" <<'PY'
import re, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
table = {}
for name, kind, count, seconds, rss in rows:
    table[(name, kind)] = (int(count), float(seconds), int(rss))
print(f"{'tool':<10} {'layer':<9} {'features':>9} {'seconds':>8} {'features/s':>11} {'peak MB':>8}")
for (name, kind), (count, seconds, rss) in table.items():
    print(f"{name:<10} {kind:<9} {count:>9} {seconds:>8.1f} {count / seconds:>11,.0f} {rss:>8}")
print()
for kind in ("points", "polygons"):
    service = table[("service", kind)][0] / table[("service", kind)][1]
    for peer in ("ogr2ogr", "shp2pgsql"):
        rate = table[(peer, kind)][0] / table[(peer, kind)][1]
        print(f"{kind}: service / {peer} = {service / rate:.2f}")
    alone = re.search(r"finished: (\d+) features in ([0-9.]+) s", open(f"{sys.argv[2]}/service-{kind}.log").read())
    if alone:
        print(f"{kind}: service import alone (no JVM start-up) = {int(alone.group(1)) / float(alone.group(2)):,.0f} features/s")
PY
