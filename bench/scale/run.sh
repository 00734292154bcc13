#!/usr/bin/env bash
# bench/scale/run.sh: the service at ten million features (issue 26, part 2).
#
# One command, as root (it may apt-get install, and runs PostgreSQL as its own user):
#   bench/scale/run.sh
# It builds the service from HEAD (in a copy), provisions a throwaway PostgreSQL 15 + PostGIS
# cluster and, for each size of SIZES, on a fresh database and a fresh service (-Xmx512m, tile
# cache off as bench/tiles starts its cold service), measures:
#   1. import: a generated point layer of that size (GBK, EPSG:4530, like bench/imports; written
#      by generate.py, streamed) imported through the API: seconds, features/s, the JVM's peak
#      RSS and heap (GC log), no OutOfMemoryError; the peer `shp2pgsql -D | psql` + CREATE INDEX
#      USING gist on the same file; and, once, a PARCELS-polygon parcel layer the same way;
#   2. cold tiles z5-z14 over the layer's extent (bench/tiles' tile_list.py, every tile to z10,
#      then around the centre), wrk on the service's port at each of CONNECTIONS, per zoom band
#      (z5-z9, z10-z12, z13-z14) and overall, against the floor: the service's own ST_AsMVT
#      statement (bench/tiles' layer_select) by pgbench, checked against the service's tiles;
#   3. items by bbox (limit=1000, bboxes chosen as bench/items does) against the page + count SQL
#      by pgbench, at each of ITEM_CLIENTS;
#   4. identify (/api/identify?lon=&lat=), coverage (/api/coverage/projects?layer=districts&
#      feature=<district>&source=<layer>) and the whole layer's statistics (/api/statistics/projects?
#      source=<layer>&group=district|city|status|year): p50/p99 of REQUESTS requests each;
# then the embedded store (H2GIS, the default) at EMBEDDED_SIZES: the same import, tiles, items,
# identify, coverage and statistics (no SQL floor there). Prints a table per size and a cost curve, also
# written to RESULTS. Everything listens on 127.0.0.1 and is stopped on exit, by PID.
# The service gets room for big uploads: by default it refuses a layer of more than 20,000,000
# features (plan.imports.max-features) and an upload over 512 MB.
# Duration at the defaults, extrapolated from runs at 100,000 and 1,000,000 on a quiet machine:
# about two hours, most of it at 10M (the floor's merged-point statement scans the whole layer
# for a z5-z9 tile, and pgbench waits for the statements in flight) and in the embedded runs
# (coverage there runs into plan.store.statement-timeout); QUIET_BUDGET adds up to 30 minutes.
#
# Settings (environment variables):
#   SIZES="1000000 3000000 10000000"   point layers measured on PostGIS (SIZES= skips PostGIS)
#   EMBEDDED_SIZES="1000000 3000000"   point layers measured on H2GIS (EMBEDDED_SIZES= skips it)
#   PARCELS=1000000    parcels imported once on PostGIS (0 skips them)
#   CONNECTIONS="2 16" wrk connections = pgbench clients for the tiles
#   ITEM_CLIENTS="1 2" connections = clients for the items
#   DURATION=15        seconds per measurement      WARMUP=20   seconds of load before measuring
#                      (the items: at least half of it, then until the JIT settles: warm_until_compiled)
#   REQUESTS=20        identify, coverage and statistics requests timed
#   HEAP=512m          the service's -Xmx
#   MAX_POINTS_PER_TILE=4000    the service's plan.tiles.max-points-per-tile (the floor follows it)
#   NICE=-10           as root, the niceness of this script and all it starts (NICE= leaves it)
#   QUIET_LIMIT=10 QUIET_WAIT=120 QUIET_BUDGET=1800   wait for a quiet machine (bench/lib/harness.sh)
#   REF=HEAD           what to build (REF=worktree: the working tree); JAR= an already built jar
#   BUILD_DIR=/tmp/scale-src   where the sources are copied and built (kept: Maven's cache)
#   KEEP_WORK=0        1 keeps the temporary folder (data, logs, scripts)
#   RESULTS=bench/scale/last-run.md
set -euo pipefail

SCALE_DIR="$(cd "$(dirname "$0")" && pwd)"

SIZES="${SIZES-1000000 3000000 10000000}"
EMBEDDED_SIZES="${EMBEDDED_SIZES-1000000 3000000}"
PARCELS="${PARCELS:-1000000}"
CONNECTIONS="${CONNECTIONS:-2 16}"
ITEM_CLIENTS="${ITEM_CLIENTS:-1 2}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-20}"
REQUESTS="${REQUESTS:-20}"
HEAP="${HEAP:-512m}"
NICE="${NICE--10}"
QUIET_LIMIT="${QUIET_LIMIT:-10}"
QUIET_WAIT="${QUIET_WAIT:-120}"
QUIET_BUDGET="${QUIET_BUDGET:-1800}"
REF="${REF:-HEAD}"
JAR="${JAR:-}"
BUILD_DIR="${BUILD_DIR:-/tmp/scale-src}"
KEEP_WORK="${KEEP_WORK:-0}"
RESULTS="${RESULTS:-$SCALE_DIR/last-run.md}"
START_TIMEOUT="${START_TIMEOUT:-900}"
SEED="${SEED:-42}"
BBOXES="${BBOXES:-20}"
MIN_MATCHED="${MIN_MATCHED:-1000}"
PROFILE=0
LAYERS=""      # bench/tiles' measured layers: unused here (one imported layer per size, LAYER_ID)

# bench/tiles/run.sh gives the floor's statement (layer_select, tile_sql, tile_script_lines) and the
# floor-vs-service check (check_floor); bench/items/run.sh the bboxes and the page + count SQL
# (choose_bboxes, write_pgbench_scripts), raise_priority and cleanup; both bring bench/lib/harness.sh.
# Sourced, they only define (items' definitions win where both define one).
# shellcheck source=../tiles/run.sh
source "$SCALE_DIR/../tiles/run.sh"
# shellcheck source=../items/run.sh
source "$SCALE_DIR/../items/run.sh"
HERE="$ROOT/bench/tiles"   # where check_floor finds compare_tiles.py
BANDS="z5-z9 z10-z12 z13-z14"

SERVICE_PID=""
SERVICE_PORT=""
ADMIN_PASSWORD="bench-$RANDOM$RANDOM$RANDOM"
SCALE_TSV=""

# ---------------------------------------------------------------------------------- set-up

ensure_scale_tools() {
  local packages
  mapfile -t packages < <(missing_base_packages)
  command -v shp2pgsql >/dev/null || packages+=(postgis)
  command -v zip >/dev/null || packages+=(zip)
  /usr/bin/python3 -c 'from osgeo import osr; import numpy' 2>/dev/null || packages+=(python3-gdal python3-numpy)
  [ "$(id -u)" -eq 0 ] || die "run as root: PostgreSQL is started as its own user"
  apt_install "${packages[@]}"
  command -v java >/dev/null || die "java (17+) is needed"
}

# result STORE SIZE METRIC VALUE: one figure for the report.
result() {
  printf '%s\t%s\t%s\t%s\n' "$@" >>"$SCALE_TSV"
  log "$1 $2: $3 = $4"
}

# start_scale_service STORE NAME [SETTING...]: the jar at -Xmx$HEAP in $WORK/NAME, on PostGIS
# database $DB or on its own H2GIS file under $WORK/NAME/data, with its tile cache off and room for
# big uploads (the defaults refuse a layer over 5,000,000 features and an upload over 512 MB);
# the GC log tells its peak heap. Sets SERVICE_PID and SERVICE_PORT.
start_scale_service() {
  local store="$1" name="$2" started=$SECONDS
  shift 2
  local database=()
  [ "$store" = embedded ] || database=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
                                      --spring.datasource.username=postgres --spring.datasource.password=trust-auth)
  SERVICE_PORT="$(free_port)"
  mkdir -p "$WORK/$name"
  log "starting the $name service ($store) on 127.0.0.1:$SERVICE_PORT"
  (cd "$WORK/$name" && exec java -Xmx"$HEAP" -Xlog:gc:file="$WORK/$name/gc.log" -jar "$JAR" \
      --server.address=127.0.0.1 --server.port="$SERVICE_PORT" "${database[@]}" \
      --plan.security.bootstrap-admin.name=bench --plan.security.bootstrap-admin.password="$ADMIN_PASSWORD" \
      --plan.tiles.cache-size=0 --plan.tiles.max-points-per-tile="$MAX_POINTS_PER_TILE" \
      --plan.imports.work-dir="$WORK/$name/imports" \
      --plan.imports.max-features=100000000 --plan.imports.max-expanded-size=64GB \
      --spring.servlet.multipart.max-file-size=16GB --spring.servlet.multipart.max-request-size=16GB \
      "$@" >"$WORK/$name/service.log" 2>&1) &
  SERVICE_PID=$!
  SERVICE_PIDS="$SERVICE_PID"
  await_service "$name" "$SERVICE_PORT" "$SERVICE_PID" "$started"
}

stop_scale_service() {
  stop_pid "$SERVICE_PID" "the service"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

# generated KIND COUNT: $WORK/KIND-COUNT.{shp,shx,dbf,prj,cpg} and its zip, made once per run.
generated() {
  local kind="$1" count="$2" base="$WORK/$1-$2" started=$SECONDS
  [ ! -f "$base.zip" ] || return 0
  log "generating $count $kind (GBK, EPSG:4530)"
  /usr/bin/python3 "$SCALE_DIR/generate.py" "$kind" "$count" "$base" --seed "$SEED"
  (cd "$WORK" && zip -q -1 "$kind-$count.zip" "$kind-$count".{shp,shx,dbf,prj,cpg})
  log "$kind-$count: generated and zipped in $((SECONDS - started))s ($(du -m "$base.zip" | cut -f1) MB zipped)"
}

# ------------------------------------------------------------------------------ measuring

# gc_lines STORE SIZE: how many lines the service's GC log has so far (where a phase's part starts).
gc_lines() { wc -l <"$WORK/$1-$2/gc.log"; }

# record_heap STORE SIZE PHASE FROM_LINE: from the GC log since that line, the most heap in use
# before a collection, the most still in use after one (what the phase held at once, in flight
# included: near -Xmx means close to an OutOfMemoryError), and the full collections (G1 compacts
# when the heap ran out).
record_heap() {
  local log="$WORK/$1-$2/gc.log" figures
  figures="$(tail -n +"$(($4 + 1))" "$log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' \
    | awk -F'[M>(-]+' '{ if ($1 > b) b = $1; if ($2 > a) a = $2 } END { print b + 0, a + 0 }')"
  result "$1" "$2" "${3}_peak_heap_mb" "${figures% *}"
  result "$1" "$2" "${3}_heap_after_gc_mb" "${figures#* }"
  result "$1" "$2" "${3}_full_gcs" "$(tail -n +"$(($4 + 1))" "$log" | grep -c 'Pause Full' || true)"
}

# import_through_api STORE SIZE KIND COUNT LAYER: uploads the zip as GIS staff would (bench/imports'
# http_import.py: upload to the job's end), and records time, rate, peak RSS and heap.
import_through_api() {
  local store="$1" size="$2" kind="$3" count="$4" layer="$5" gc_from seconds
  gc_from="$(gc_lines "$store" "$size")"
  log "importing $kind-$count as $layer through the API"
  seconds="$(python3 "$ROOT/bench/imports/http_import.py" "http://127.0.0.1:$SERVICE_PORT" bench "$ADMIN_PASSWORD" \
    "$WORK/$kind-$count.zip" "$layer")" || {
    tail -40 "$WORK/$store-$size/service.log" >&2
    result "$store" "$size" "${kind}_import_failed" "yes"
    return 1
  }
  local oom=no
  grep -q OutOfMemoryError "$WORK/$store-$size/service.log" && oom=yes
  kill -0 "$SERVICE_PID" 2>/dev/null || oom="yes (the JVM died)"
  result "$store" "$size" "${kind}_count" "$count"
  result "$store" "$size" "${kind}_import_s" "$seconds"
  result "$store" "$size" "${kind}_features_per_s" "$(awk -v n="$count" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')"
  result "$store" "$size" "${kind}_peak_rss_mb" "$(( $(awk '/VmHWM/ { print $2 }' "/proc/$SERVICE_PID/status") / 1024 ))"
  record_heap "$store" "$size" "$kind" "$gc_from"
  result "$store" "$size" "${kind}_oom" "$oom"
}

# import_peer SIZE KIND COUNT: shp2pgsql -D | psql, then a GiST index: the same end state.
import_peer() {
  local size="$1" kind="$2" count="$3" table="peer_$2" started ended
  log "peer: shp2pgsql -D | psql + CREATE INDEX on $kind-$count"
  started=$(date +%s.%N)
  shp2pgsql -s 4530:4326 -W GBK -D "$WORK/$kind-$count.shp" "$table" 2>"$WORK/peer-$kind.err" \
    | "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" >/dev/null
  sql "CREATE INDEX ON $table USING gist (geom)" >/dev/null
  ended=$(date +%s.%N)
  [ "$(sql "SELECT count(*) FROM $table")" -eq "$count" ] || die "the peer did not load $count rows"
  result postgis "$size" "${kind}_peer_s" "$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')"
  sql "DROP TABLE $table" >/dev/null
}

# inspect_layer LAYER: its table and fields as the service resolves them, for the floor's statements
# (bench/tiles' layer-LAYER.{table,fields,count} files).
inspect_layer() {
  local layer="$1" version
  version="$(sql "SELECT current_version FROM layer WHERE id = '$layer'")"
  [ -n "$version" ] || die "no layer $layer in the database"
  TABLE="lv_$version"
  echo "$TABLE" >"$WORK/layer-$layer.table"
  sql "SELECT name FROM layer_field WHERE version_id = $version ORDER BY ordinal" >"$WORK/layer-$layer.fields"
  sql "SELECT feature_count FROM layer_version WHERE id = $version" >"$WORK/layer-$layer.count"
  psql_admin "$DB" -c "VACUUM ANALYZE $TABLE" >/dev/null
  FIELD_COUNT="$(wc -l <"$WORK/layer-$layer.fields")"
  COLUMNS="id$(for i in $(seq 1 "$FIELD_COUNT"); do printf ', c_%d' "$i"; done)"
  PROPERTIES="$(sql "SELECT string_agg(format('%L, c_%s', name, ordinal), ', ' ORDER BY ordinal)
                     FROM layer_field WHERE version_id = $version")"
  EXTENT_BOX="$(sql "SELECT concat_ws(' ', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)) FROM (SELECT ST_Extent(geom) e FROM $TABLE) x")"
  log "layer $layer: $TABLE, $(cat "$WORK/layer-$layer.count") features, extent $EXTENT_BOX"
}

band_of() { awk '{ print ($1 <= 9 ? "z5-z9" : ($1 <= 12 ? "z10-z12" : "z13-z14")) }'; }

# The tile list over the layer's extent (bench/tiles' tile_list.py: every tile z5-z10, its numbers
# of tiles around the centre z11-z14, zooms interleaved), one path file per band and for all.
write_tile_list() {
  local layer="$1"
  # shellcheck disable=SC2086  # four numbers
  TILE_SUMMARY="$(python3 - "$WORK/tiles.txt" "$SEED" $EXTENT_BOX <<PY
import random, sys
sys.path.insert(0, "$ROOT/bench/tiles")
import tile_list as t
out, seed = sys.argv[1], int(sys.argv[2])
t.LON_MIN, t.LAT_MIN, t.LON_MAX, t.LAT_MAX = map(float, sys.argv[3:7])
rng = random.Random(seed)
by_zoom = {z: t.cover(z) for z in range(5, 11)}
by_zoom.update({z: t.near_centre(z, t.PER_ZOOM[z], rng) for z in range(11, 15)})
tiles = t.interleave(by_zoom, rng)
with open(out, "w") as f:
    f.writelines(f"{z} {y} {x}\n" for z, y, x in tiles)
print(f"{len(tiles)} tiles: " + ", ".join(f"z{z} {len(v)}" for z, v in sorted(by_zoom.items())))
PY
)"
  log "tile list: $TILE_SUMMARY"
  TILE_COUNT="$(wc -l <"$WORK/tiles.txt")"
  awk -v l="$layer" '{ printf "/ogc/collections/%s/tiles/WebMercatorQuad/%d/%d/%d\n", l, $1, $2, $3 }' "$WORK/tiles.txt" \
    >"$WORK/paths-all.txt"
  paste -d' ' <(band_of <"$WORK/tiles.txt") "$WORK/paths-all.txt" >"$WORK/paths-banded.txt"
  local band
  for band in $BANDS; do
    awk -v b="$band" '$1 == b { print $2 }' "$WORK/paths-banded.txt" >"$WORK/paths-$band.txt"
  done
}

# bench_tiles (the list with each tile's band, its number within the band and its buffered lon/lat
# box), and a pgbench script per band and for all, each client walking its stretch of the list as
# a wrk connection does (as bench/tiles' write_floor_scripts, per band).
write_tile_floor() {
  sql "SET client_min_messages = warning; DROP TABLE IF EXISTS bench_tiles; CREATE TABLE bench_tiles (n int PRIMARY KEY, band text, nb int, z int, x int,
         y int, west float8, south float8, east float8, north float8)" >/dev/null
  paste -d' ' <(band_of <"$WORK/tiles.txt") "$WORK/tiles.txt" \
    | awk '{ nb[$1]++; print NR "," $1 "," nb[$1] "," $2 "," $4 "," $3 }' \
    | psql_admin "$DB" -c "\\copy bench_tiles (n, band, nb, z, x, y) FROM STDIN WITH (FORMAT csv)"
  local margin
  margin="$(awk -v b="$BUFFER" -v e="$EXTENT" 'BEGIN { print b / e }')"
  sql "UPDATE bench_tiles SET west = ST_XMin(box), south = ST_YMin(box), east = ST_XMax(box), north = ST_YMax(box)
       FROM (SELECT n AS tile, ST_Transform(ST_TileEnvelope(z, x, y, margin => $margin), 4326) AS box
             FROM bench_tiles) boxes WHERE n = tile" >/dev/null
  sql "CREATE INDEX ON bench_tiles (band, nb)" >/dev/null
  mark_thin_tiles "$LAYER_ID"
  sql "VACUUM ANALYZE bench_tiles" >/dev/null
  local band count where
  for band in $BANDS all; do
    count="$(wc -l <"$WORK/paths-$band.txt")"
    where="band = '$band' AND nb = :n"
    [ "$band" != all ] || where="n = :n"
    {
      echo "\\set n (:client_id * $count / :clients + :i) % $count + 1"
      echo "\\set i :i + 1"
      echo "SELECT z, x, y, west, south, east, north, $(thin_column "$LAYER_ID")::int AS thin FROM bench_tiles WHERE $where \\gset"
      tile_script_lines "$LAYER_ID"
    } >"$WORK/floor-$band.sql"
  done
}

# Every tile once from the service (all 200 or 204, bodies saved), then bench/tiles' check that the
# floor's statement gives the service's tiles (every 50th tile).
check_tiles() {
  local store="$1" size="$2" out
  rm -rf "$WORK/static"
  out="$(python3 "$HERE/fetch_tiles.py" --port "$SERVICE_PORT" --paths "$WORK/paths-all.txt" --save "$WORK/static")"
  log "every tile once, in order: $out (tiles, 200s, 204s, bytes, seconds)"
  result "$store" "$size" tiles_first_pass "$out"
  result "$store" "$size" tile_bytes "$(find "$WORK/static" -type f -size +0 -printf '%s\n' | sort -n \
    | awk '{ size[NR] = $1 } END { if (NR) printf "%d / %d", size[int((NR + 1) / 2)], size[NR] }')"
  [ "$store" = postgis ] || return 0
  : >"$WORK/floor-check.txt"
  check_floor "$LAYER_ID"
  result "$store" "$size" floor_check "$(cat "$WORK/floor-check.txt")"
}

measure_tiles() {
  local store="$1" size="$2" conns band threads gc_from
  gc_from="$(gc_lines "$store" "$size")"
  log "warming up: ${WARMUP}s of tiles"
  load_wrk "$WARMUP" "http://127.0.0.1:$SERVICE_PORT" "$WORK/paths-all.txt"
  [ "$store" != postgis ] || "$PG_BIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 2 -T 5 \
    -D i=0 -D clients=2 -f "$WORK/floor-all.sql" "$DB" >"$WORK/pgbench-warmup.txt" 2>&1 \
    || die "the floor's warm-up failed: $(tail -3 "$WORK/pgbench-warmup.txt")"
  for conns in $CONNECTIONS; do
    threads=2
    [ "$conns" -ge 2 ] || threads=1
    for band in $BANDS all; do
      if [ "$store" = postgis ]; then
        measure_pgbench "$WORK/pgbench-$size-$band-c$conns" "$conns" "$threads" "$WORK/floor-$band.sql" -D i=0 -D clients="$conns"
        result "$store" "$size" "floor_tiles_per_s_${band}_c$conns" "$tps"
        result "$store" "$size" "floor_p99_ms_${band}_c$conns" "$(awk -v u="$p99" 'BEGIN { printf "%.1f", u / 1000 }')"
      fi
      measure_wrk "$WORK/wrk-$store-$size-$band-c$conns.txt" "$threads" "$conns" "http://127.0.0.1:$SERVICE_PORT" \
        "$WORK/paths-$band.txt"
      result "$store" "$size" "tiles_per_s_${band}_c$conns" "$rps"
      result "$store" "$size" "tiles_p99_ms_${band}_c$conns" "$(awk -v u="$p99_us" 'BEGIN { printf "%.1f", u / 1000 }')"
      result "$store" "$size" "others_cpu_${band}_c$conns" "$OTHERS"
    done
  done
  record_heap "$store" "$size" tiles "$gc_from"
}

# Items by bbox: bench/items' bboxes (each matching >= MIN_MATCHED features) and page + count SQL.
prepare_items() {
  local size="$1"
  choose_bboxes
  sed "s|/collections/projects/|/collections/$LAYER_ID/|" "$WORK/items-paths.txt" >"$WORK/items-paths-$size.txt"
  local code
  code="$(curl -s -o "$WORK/items-check.json" -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT$(head -1 "$WORK/items-paths-$size.txt")")"
  [ "$code" = 200 ] || die "items answered HTTP $code: $(head -c 400 "$WORK/items-check.json")"
  write_pgbench_scripts
}

measure_items() {
  local store="$1" size="$2" clients
  [ -s "$WORK/items-paths-$size.txt" ] || { log "no bboxes for $size (measure it on PostGIS first): no items"; return 0; }
  warm_until_compiled "$SERVICE_PID" "$((WARMUP / 2 + 1))" "http://127.0.0.1:$SERVICE_PORT" "$WORK/items-paths-$size.txt"
  result "$store" "$size" items_warm_up_s "$WARMED_S"
  for clients in $ITEM_CLIENTS; do
    if [ "$store" = postgis ]; then
      measure_pgbench "$WORK/pgbench-$size-items-c$clients" "$clients" "$clients" "$WORK/floor-wkb.sql"
      result "$store" "$size" "items_floor_p50_ms_c$clients" "$(awk -v u="$p50" 'BEGIN { printf "%.1f", u / 1000 }')"
    fi
    measure_wrk "$WORK/wrk-$store-$size-items-c$clients.txt" "$clients" "$clients" "http://127.0.0.1:$SERVICE_PORT" \
      "$WORK/items-paths-$size.txt"
    result "$store" "$size" "items_p50_ms_c$clients" "$(awk -v u="$p50_us" 'BEGIN { printf "%.1f", u / 1000 }')"
    result "$store" "$size" "items_p99_ms_c$clients" "$(awk -v u="$p99_us" 'BEGIN { printf "%.1f", u / 1000 }')"
    result "$store" "$size" "items_per_s_c$clients" "$rps"
  done
}

# REQUESTS identify clicks near the centre (every layer, as the map page asks), coverage questions
# (the layer's features within each district in turn) and statistics of the whole layer (by each
# grouping in turn), one at a time.
measure_questions() {
  local store="$1" size="$2"
  python3 - "$REQUESTS" "$SEED" "$LAYER_ID" >"$WORK/identify-paths.txt" <<'PY'
import random, sys
count, rng, layer = int(sys.argv[1]), random.Random(int(sys.argv[2])), sys.argv[3]
for _ in range(count):
    print(f"/api/identify?lon={rng.gauss(125.32, 0.05):.5f}&lat={rng.gauss(43.88, 0.04):.5f}")
PY
  curl -fs "http://127.0.0.1:$SERVICE_PORT/ogc/collections/districts/items?limit=100" \
    | python3 -c 'import json, sys; [print(f["id"]) for f in json.load(sys.stdin)["features"]]' >"$WORK/districts.txt"
  [ -s "$WORK/districts.txt" ] || die "no districts"
  awk -v n="$REQUESTS" -v l="$LAYER_ID" '{ d[NR] = $1 } END { for (i = 0; i < n; i++)
      printf "/api/coverage/projects?layer=districts&feature=%s&source=%s\n", d[i % NR + 1], l }' \
    "$WORK/districts.txt" >"$WORK/coverage-paths.txt"
  # the whole layer's statistics, by each grouping its fields allow (the generated points have no industry)
  awk -v n="$REQUESTS" -v l="$LAYER_ID" 'BEGIN { split("district city status year", g, " "); for (i = 0; i < n; i++)
      printf "/api/statistics/projects?source=%s&group=%s\n", l, g[i % 4 + 1] }' >"$WORK/statistics-paths.txt"
  local kind line
  for kind in identify coverage statistics; do
    # a few untimed first (JIT, caches): the figures are a running service's, not its first click's
    line="$(python3 "$SCALE_DIR/timed_requests.py" --warm 3 "http://127.0.0.1:$SERVICE_PORT" "$WORK/$kind-paths.txt" \
      2>>"$WORK/$store-$size/questions.err")" || { log "$kind: no answer (see $WORK/$store-$size/questions.err)"; continue; }
    read -r p50 p99 statuses <<<"$line"
    result "$store" "$size" "${kind}_p50_ms" "$p50"
    result "$store" "$size" "${kind}_p99_ms" "$p99"
    result "$store" "$size" "${kind}_statuses" "$statuses"
  done
}

# ------------------------------------------------------------------------------- phases

postgis_size() {
  local size="$1"
  DB="scale_$size"
  LAYER_ID="points-$size"
  psql_admin postgres -c "CREATE DATABASE $DB" >/dev/null
  psql_admin "$DB" -c "CREATE EXTENSION postgis; CREATE EXTENSION pg_stat_statements" >/dev/null
  generated points "$size"
  start_scale_service postgis "postgis-$size"
  import_through_api postgis "$size" points "$size" "$LAYER_ID" || { stop_scale_service; return 0; }
  import_peer "$size" points "$size"
  inspect_layer "$LAYER_ID"
  write_tile_list "$LAYER_ID"
  write_tile_floor
  check_tiles postgis "$size"
  measure_tiles postgis "$size"
  prepare_items "$size"
  measure_items postgis "$size"
  measure_questions postgis "$size"
  stop_scale_service
  [ "$KEEP_WORK" = 1 ] || psql_admin postgres -c "DROP DATABASE $DB" >/dev/null
}

postgis_parcels() {
  [ "$PARCELS" -gt 0 ] || return 0
  DB="scale_parcels"
  psql_admin postgres -c "CREATE DATABASE $DB" >/dev/null
  psql_admin "$DB" -c "CREATE EXTENSION postgis; CREATE EXTENSION pg_stat_statements" >/dev/null
  generated parcels "$PARCELS"
  start_scale_service postgis "postgis-parcels"
  import_through_api postgis parcels parcels "$PARCELS" "parcels-$PARCELS" || { stop_scale_service; return 0; }
  import_peer parcels parcels "$PARCELS"
  stop_scale_service
  [ "$KEEP_WORK" = 1 ] || psql_admin postgres -c "DROP DATABASE $DB" >/dev/null
}

embedded_size() {
  local size="$1"
  LAYER_ID="points-$size"
  generated points "$size"
  start_scale_service embedded "embedded-$size"
  import_through_api embedded "$size" points "$size" "$LAYER_ID" || { stop_scale_service; return 0; }
  # the same tile list as on PostGIS (the same data: the generator is seeded)
  EXTENT_BOX="$(python3 "$SCALE_DIR/timed_requests.py" --extent "http://127.0.0.1:$SERVICE_PORT" "$LAYER_ID")"
  write_tile_list "$LAYER_ID"
  check_tiles embedded "$size"
  measure_tiles embedded "$size"
  measure_items embedded "$size"
  measure_questions embedded "$size"
  stop_scale_service
}

scale_report() {
  {
    echo "## bench/scale results, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`SIZES=\"$SIZES\" EMBEDDED_SIZES=\"$EMBEDDED_SIZES\" PARCELS=$PARCELS CONNECTIONS=\"$CONNECTIONS\" ITEM_CLIENTS=\"$ITEM_CLIENTS\" DURATION=$DURATION WARMUP=$WARMUP bench/scale/run.sh\`"
    echo
    machine_line
    echo "- load average at the start: $LOAD_AT_START; the run took $(( (SECONDS - RUN_STARTED) / 60 )) min"
    echo "- service: $SOURCE_DESCRIPTION; $(java -version 2>&1 | head -1), -Xmx$HEAP, plan.tiles.cache-size=0 (cold tiles), asked on its port (the front door)"
    echo "- PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), PostGIS $(psql_admin postgres -At -c "SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'" 2>/dev/null || echo '?'), shared_buffers 512MB, fsync off; $(wrk --version 2>&1 | head -1 | awk '{ print "wrk", $2 }'); pgbench -M prepared; shp2pgsql $(shp2pgsql 2>&1 | head -1 | awk '{ print $2 }')"
    echo "- tiles: $TILE_SUMMARY (the last size's list); ${DURATION}s per measurement after ${WARMUP}s of warm-up"
    echo
    python3 "$SCALE_DIR/report.py" "$SCALE_TSV"
  } | tee "$RESULTS"
  cp "$SCALE_TSV" "${RESULTS%.md}.tsv"
  log "written to ${RESULTS#"$ROOT"/} (raw figures: ${RESULTS#"$ROOT"/} with .tsv)"
}

scale_main() {
  RUN_STARTED=$SECONDS
  LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
  raise_priority
  ensure_scale_tools
  make_workdir scale
  trap cleanup EXIT   # bench/items' cleanup: stops SERVICE_PID and PostgreSQL, removes WORK
  trap 'exit 130' INT TERM
  SCALE_TSV="$WORK/results.tsv"
  : >"$SCALE_TSV"
  build_jar
  start_postgres -c shared_buffers=512MB -c pg_stat_statements.track_planning=on -c max_wal_size=4GB
  local size
  for size in $SIZES; do postgis_size "$size"; done
  postgis_parcels
  DB=bench   # the embedded runs reset this database's (idle) statement counters, as every measurement does
  for size in $EMBEDDED_SIZES; do embedded_size "$size"; done
  scale_report
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  scale_main "$@"
fi
