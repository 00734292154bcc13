#!/usr/bin/env bash
# bench/tiles/run.sh: how fast are the service's vector tiles, next to their floor and a peer?
#
# One command, nothing to set up:  bench/tiles/run.sh        (as root: it may apt-get install)
# It copies the source tree and builds the service there, provisions a throwaway PostgreSQL 15 +
# PostGIS cluster, generates a big project layer (POINTS points + POLYGONS polygons around
# Changchun) in a copy of gis-data/, writes one tile list (z8-z16, weighted to the centre) and
# then measures, in the same run, on the same data and the same tiles, for each layer of LAYERS:
#   * floor     the service's own ST_AsMVT statement straight in PostGIS (pgbench, no HTTP)
#   * jdbc      the same statement sent by pgjdbc from a plain Java client (JdbcTiles.java),
#               as the service sends it but with no HTTP: the driver's share of the cold cost
#   * cold      the service with its tile cache off (--plan.tiles.cache-size=0), asked on its
#               port, as the README runs it (its front door: a thread per connection)  (wrk)
#   * cold-api  the same service's Tomcat, behind the door, asked straight, for reference (wrk)
#   * mapserver MapServer 8 (mode=tile, MVT) on the same table, FastCGI behind nginx   (wrk)
#   * warm      the service with its cache on, after one pass over the list, its port    (wrk)
#   * nginx     the service's tiles, fetched once, served as static files by nginx     (wrk)
# at each number of connections of CONNECTIONS, ROUNDS times, and prints a table of tiles/s,
# p50/p99 and the ratios the issue sets targets for. Everything listens on 127.0.0.1 only, and
# everything it starts is stopped on exit (trap), by PID.
#
# Settings (environment variables):
#   POINTS=200000      generated project points      POLYGONS=20000  generated project polygons
#   DURATION=15        seconds per measurement       ROUNDS=3        rounds (medians reported)
#   CONNECTIONS="2 8"  wrk connections = pgbench clients
#   LAYERS="projects districts all"   collections measured; "all" is /ogc/tiles (every plan layer)
#   WARMUP=20          seconds of load per layer on each server before round 1 (JIT, caches); the
#                      services then until their JIT compilers settle (warm_until_compiled, bench/lib)
#   PEERS="floor jdbc cold cold-api mapserver warm nginx"   which of the seven to measure
#   WARM_CACHE=64MB    the warm service's plan.tiles.cache-size (the service's default); the
#                      result notes its hit ratio, since a list whose tiles outweigh the cache
#                      is never all in it
#   FCGI=4             MapServer FastCGI processes
#   MAX_POINTS_PER_TILE=4000    the services' plan.tiles.max-points-per-tile (the floor follows it)
#   PROFILE=0          1 adds, after the figures, a run of each layer on each service under
#                      Java Flight Recorder, and reports where its Java CPU time goes
#   QUIET_LIMIT=10     a machine is quiet when other processes use under this % of its CPU
#   QUIET_WAIT=120     seconds to wait for quiet before each measurement, at most
#   QUIET_BUDGET=900   seconds of such waiting in the whole run, at most (then it measures anyway;
#                      every result records the others' CPU share during it)
#   TILE_SCALE=1.0     scales the number of z11-z16 tiles in the list (1.0: ~2,000 tiles)
#   ZOOMS=             only the list's tiles of these zooms (e.g. "8 9 10 11 12", where points merge)
#   SEED=42            seed of the data         TILE_SEED=7   seed of the tile list
#   BUILD_DIR=/tmp/tiles-src   where the source tree is copied and built (kept: Maven's cache)
#   JAR=               an already built service jar (no copy, no build; gis-data/ of the tree)
#   KEEP_WORK=0        1 keeps the temporary folder (logs, tiles, scripts) for inspection
#   RESULTS=bench/tiles/last-run.md   where the final tables are also written
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

POINTS="${POINTS:-200000}"
POLYGONS="${POLYGONS:-20000}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-2 8}"
LAYERS="${LAYERS:-projects districts all}"
WARMUP="${WARMUP:-20}"
PEERS="${PEERS:-floor jdbc cold cold-api mapserver warm nginx}"
WARM_CACHE="${WARM_CACHE:-64MB}"
FCGI="${FCGI:-4}"
PROFILE="${PROFILE:-0}"
QUIET_LIMIT="${QUIET_LIMIT:-10}"
QUIET_WAIT="${QUIET_WAIT:-120}"
QUIET_BUDGET="${QUIET_BUDGET:-900}"
TILE_SCALE="${TILE_SCALE:-1.0}"
ZOOMS="${ZOOMS:-}"
SEED="${SEED:-42}"
TILE_SEED="${TILE_SEED:-7}"
BUILD_DIR="${BUILD_DIR:-/tmp/tiles-src}"
JAR="${JAR:-}"
KEEP_WORK="${KEEP_WORK:-0}"
RESULTS="${RESULTS:-$HERE/last-run.md}"
START_TIMEOUT="${START_TIMEOUT:-1200}"  # seconds a service may take to load its data

# The service's tile settings (application.yml, plan.tiles.*): the floor and the MapServer
# mapfile are written with the same numbers.
EXTENT=4096
BUFFER=64
FULL_DETAIL_ZOOM=13
THIN_ABOVE=10000
# the service's plan.tiles.max-points-per-tile, passed to it and followed by the floor (mark_thin_tiles)
MAX_POINTS_PER_TILE="${MAX_POINTS_PER_TILE:-4000}"
CELL=16

DB=bench
WORK=""
COLD_PORT=""; COLD_CONTAINER_PORT=""; COLD_PID=""
WARM_PORT=""; WARM_CONTAINER_PORT=""; WARM_PID=""
JDBC_CLIENT_PID=""
NGINX_PORT=""
ROUND=1
RESULTS_TSV=""

# log, die, build_jar, start_postgres, start_service, measure_wrk, measure_pgbench, ...
# shellcheck source=../lib/harness.sh
source "$ROOT/bench/lib/harness.sh"

# ---------------------------------------------------------------------------------- set-up

# Installs what is missing, and only that, with apt-get (Debian packages only).
ensure_tools() {
  local packages
  mapfile -t packages < <(missing_base_packages)
  command -v nginx >/dev/null || packages+=(nginx)
  command -v spawn-fcgi >/dev/null || packages+=(spawn-fcgi)
  [ -x /usr/lib/cgi-bin/mapserv ] || packages+=(cgi-mapserver)
  command -v mapserv >/dev/null || packages+=(mapserver-bin)
  # Debian's GDAL bindings, for Debian's python (a python3 earlier on PATH may be another one)
  /usr/bin/python3 -c 'from osgeo import ogr' 2>/dev/null || packages+=(python3-gdal)
  [ "$(id -u)" -eq 0 ] || die "run as root: PostgreSQL, nginx and MapServer are started as other users"
  apt_install "${packages[@]}"
  command -v java >/dev/null || die "java (17+) is needed"
}

# Runs on every exit (success, failure, Ctrl-C): stops what this script started, by PID or data
# folder, then removes the temporary folder.
cleanup() {
  local status=$?
  set +e
  stop_pid "$COLD_PID" "the cold service"
  stop_pid "$JDBC_CLIENT_PID" "the jdbc client"
  stop_pid "$WARM_PID" "the warm service"
  if [ -n "$WORK" ] && [ -f "$WORK/nginx/nginx.pid" ]; then
    log "stopping nginx"
    stop_pid "$(cat "$WORK/nginx/nginx.pid")" "nginx"
  fi
  if [ -n "$WORK" ] && [ -f "$WORK/mapserver/fcgi.pids" ]; then
    log "stopping the MapServer FastCGI processes"
    local pid
    # a FastCGI mapserv waiting for a request does not act on TERM; it holds no state
    for pid in $(cat "$WORK/mapserver/fcgi.pids"); do stop_pid "$pid" "mapserv" 2 2>/dev/null; done
  fi
  stop_postgres
  if [ -n "$WORK" ]; then
    if [ "$KEEP_WORK" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit $status
}

# The plan data with the generated projects layer, and the list of tiles.
generate_data() {
  generate_projects "$POINTS" "$POLYGONS" "$SEED"
  TILE_SUMMARY="$(python3 "$HERE/tile_list.py" --out "$WORK/tiles.txt" --seed "$TILE_SEED" --scale "$TILE_SCALE")"
  if [ -n "$ZOOMS" ]; then
    # only these zooms, e.g. the merged-point ones, so that their latencies are not averaged away
    awk -v zooms=" $ZOOMS " 'index(zooms, " " $1 " ")' "$WORK/tiles.txt" >"$WORK/tiles.zooms"
    mv "$WORK/tiles.zooms" "$WORK/tiles.txt"
    TILE_SUMMARY+="; kept the tiles of zooms $ZOOMS: $(wc -l <"$WORK/tiles.txt")"
  fi
  log "$TILE_SUMMARY"
  TILE_COUNT="$(wc -l <"$WORK/tiles.txt")"
}

# start_tile_service NAME CACHE_SIZE: sets NAME_PID, NAME_PORT (the service's port: its front door)
# and NAME_CONTAINER_PORT (Tomcat behind the door, on the loopback address, asked straight for reference).
start_tile_service() {
  local name="$1" port container_port
  port="$(free_port)"
  container_port="$(free_port)"
  start_service "$name" "$port" --plan.tiles.cache-size="$2" --plan.front-door.container-port="$container_port" \
    --plan.tiles.max-points-per-tile="$MAX_POINTS_PER_TILE"
  if [ "$name" = cold ]; then
    COLD_PID=$STARTED_PID; COLD_PORT=$port; COLD_CONTAINER_PORT=$container_port
  else
    WARM_PID=$STARTED_PID; WARM_PORT=$port; WARM_CONTAINER_PORT=$container_port
  fi
}

# The tables behind each plan layer as the service resolves them (layer.current_version ->
# lv_<n>, fields c_1..c_n in layer_field order), then fresh statistics, as autovacuum would
# give a production database.
inspect_layers() {
  PLAN_LAYERS="$(sql "SELECT string_agg(id, ' ' ORDER BY first_version) FROM layer WHERE kind NOT IN ('imported', 'derived')")"  # LayerCatalog.planLayers
  local layer version
  for layer in $PLAN_LAYERS; do
    version="$(sql "SELECT current_version FROM layer WHERE id = '$layer'")"
    echo "lv_$version" >"$WORK/layer-$layer.table"
    sql "SELECT name FROM layer_field WHERE version_id = $version ORDER BY ordinal" >"$WORK/layer-$layer.fields"
    sql "SELECT feature_count FROM layer_version WHERE id = $version" >"$WORK/layer-$layer.count"
    psql_admin "$DB" -c "VACUUM ANALYZE lv_$version" >/dev/null
  done
  local table
  table="$(cat "$WORK/layer-projects.table")"
  DATA_SUMMARY="$(sql "SELECT format('projects layer %s: %s points, %s polygons; %s MB with indexes',
      '$table', count(*) FILTER (WHERE GeometryType(geom) = 'POINT'),
      count(*) FILTER (WHERE GeometryType(geom) LIKE '%POLYGON'),
      pg_total_relation_size('$table') / 1048576) FROM $table")"
  log "$DATA_SUMMARY; plan layers: $PLAN_LAYERS"
  [ "$(sql "SELECT count(*) FROM $table WHERE GeometryType(geom) = 'POINT'")" -eq "$POINTS" ] \
    || die "the projects table does not hold the $POINTS generated points"
}

# ------------------------------------------------------------------------ the floor's SQL

# layer_select LAYER THIN: one layer's part of the statement PostgisMvtSql.tile builds, with the
# tile's z, x, y and its buffered lon/lat box as pgbench/psql variables (:z, :x, :y, :west,
# :south, :east, :north) where the service binds parameters.
# THIN=1 is the low-zoom form that merges the points of a big layer per CELL-unit grid cell.
layer_select() {
  local layer="$1" thin="$2" table attributes="" nulls="" field
  table="$(cat "$WORK/layer-$layer.table")"
  # JdbcNativeTiles: the row id is attribute "id" unless the layer has a field of that name
  if ! grep -qx id "$WORK/layer-$layer.fields"; then attributes=', f.id AS "id"'; nulls=', NULL AS "id"'; fi
  local i=0
  while read -r field; do
    i=$((i + 1))
    attributes+=", f.c_$i AS \"$field\""
    nulls+=", NULL AS \"$field\""
  done <"$WORK/layer-$layer.fields"
  local mvt_geom from features
  mvt_geom="ST_AsMVTGeom(ST_Transform(ST_ClipByBox2D(f.geom, bounds.query), 3857), bounds.tile, $EXTENT, $BUFFER, true)"
  from=" FROM $table f, bounds WHERE f.geom && bounds.query"
  if [ "$thin" = 1 ]; then
    features="SELECT $mvt_geom AS geom$attributes, NULL::bigint AS point_count$from AND GeometryType(f.geom) <> 'POINT'"
    # each point counts in the quadtree cell of CELL units that holds it, drawn at the cell's centre
    local cells=$((EXTENT / CELL)) edge=$((BUFFER / CELL))
    features+=" UNION ALL SELECT ST_MakePoint(c.col * $CELL + $((CELL / 2)), c.row_ * $CELL + $((CELL / 2))) AS geom$nulls, count(*) AS point_count"
    features+=" FROM (SELECT floor((ST_X(p.m) - ST_XMin(bounds.tile)) / (ST_XMax(bounds.tile) - ST_XMin(bounds.tile)) * $cells)::bigint AS col,"
    features+=" floor((ST_YMax(bounds.tile) - ST_Y(p.m)) / (ST_YMax(bounds.tile) - ST_YMin(bounds.tile)) * $cells)::bigint AS row_"
    features+=" FROM (SELECT ST_Transform(f.geom, 3857) AS m$from AND GeometryType(f.geom) = 'POINT') p, bounds) c"
    features+=" WHERE c.col BETWEEN $((-edge)) AND $((cells - 1 + edge)) AND c.row_ BETWEEN $((-edge)) AND $((cells - 1 + edge))"
    features+=" GROUP BY c.col, c.row_"
  else
    features="SELECT $mvt_geom AS geom$attributes$from"
  fi
  printf '%s' "COALESCE((SELECT ST_AsMVT(t.*, '$layer', $EXTENT, 'geom') FROM ($features) t), ''::bytea)"
}

# layer_members LAYER: the plan layers a measured layer draws ("all": every plan layer).
layer_members() { if [ "$1" = all ]; then echo "$PLAN_LAYERS"; else echo "$1"; fi; }

# Layers whose points TileService thins below FULL_DETAIL_ZOOM (more than THIN_ABOVE features).
is_thinned() { [ "$(cat "$WORK/layer-$1.count")" -gt "$THIN_ABOVE" ]; }

# thin_column LAYER: the column of bench_tiles that says whether the measured LAYER's tile takes the
# thinned form (mark_thin_tiles).
# (pgbench would read a colon in it as a variable)
thin_column() { local name="${1//[^a-zA-Z0-9]/_}"; echo "thin_${name,,}"; }

# mark_thin_tiles LAYER: fills LAYER's column of bench_tiles as TileService.pointCell decides: the
# thinned form below FULL_DETAIL_ZOOM, and from it on where a thinned member layer has more than
# MAX_POINTS_PER_TILE points in the tile (the tile proper, as the service counts its points in
# memory; here counted once, ahead of the runs, so that the floor does not pay for the count either).
# Every tile takes one form for all its members: of the measured layers one at most is thinned.
mark_thin_tiles() {
  local layer="$1" member dense="false" thinned=0
  sql "ALTER TABLE bench_tiles ADD COLUMN $(thin_column "$layer") boolean" >/dev/null
  for member in $(layer_members "$layer"); do
    is_thinned "$member" || continue
    thinned=$((thinned + 1))
    dense="(SELECT count(*) > $MAX_POINTS_PER_TILE FROM (SELECT 1 FROM $(cat "$WORK/layer-$member.table") f
             WHERE f.geom && ST_Transform(ST_TileEnvelope(t.z, t.x, t.y), 4326) AND GeometryType(f.geom) = 'POINT'
             LIMIT $((MAX_POINTS_PER_TILE + 1))) points)"
  done
  [ "$thinned" -le 1 ] || die "$layer: more than one thinned layer; mark_thin_tiles decides for one"
  [ "$thinned" = 1 ] || dense="false"
  sql "UPDATE bench_tiles t SET $(thin_column "$layer") = (t.z < $FULL_DETAIL_ZOOM AND $thinned = 1) OR $dense" >/dev/null
  log "$layer: $(sql "SELECT count(*) FROM bench_tiles WHERE z >= $FULL_DETAIL_ZOOM AND $(thin_column "$layer")") tiles from z$FULL_DETAIL_ZOOM on with more than $MAX_POINTS_PER_TILE points (merged)"
}

# tile_sql LOW LAYER...: the one statement the service sends for a tile of these layers, in order;
# LOW=1 for a tile whose thinned layers take their thinned form (mark_thin_tiles). (For the
# whole plan the service leaves out layers whose extent misses the tile; here their part runs and
# finds no rows, which only adds to the floor's work.)
tile_sql() {
  local low="$1" parts="" layer thin
  shift
  for layer in "$@"; do
    thin=0
    if [ "$low" = 1 ] && is_thinned "$layer"; then thin=1; fi
    parts+="${parts:+ || }$(layer_select "$layer" "$thin")"
  done
  echo "WITH bounds AS (SELECT ST_TileEnvelope(:z, :x, :y) AS tile, ST_MakeEnvelope(:west, :south, :east, :north, 4326) AS query) SELECT $parts;"
}

# any_thinned LAYER...: whether any of these layers has a thinned form.
any_thinned() {
  local layer
  for layer in "$@"; do ! is_thinned "$layer" || return 0; done
  return 1
}

# tile_script_lines LAYER...: pgbench lines running the statement for the tile in :z :x :y,
# choosing the thinned form by :thin as TileService.pointCell does (mark_thin_tiles).
tile_script_lines() {
  if any_thinned "$@"; then
    echo "\\if :thin"
    tile_sql 1 "$@"
    echo "\\else"
    tile_sql 0 "$@"
    echo "\\endif"
  else
    tile_sql 0 "$@"
  fi
}

# The tile list as a table, so that a pgbench script picks a tile by its row number; one pgbench
# script per measured layer ("all": the one statement of every plan layer that the service sends
# for /ogc/tiles). Like a wrk connection, each client walks the list in order from its own
# starting point (clients spread evenly; pgbench keeps :i per client from one transaction to the
# next), so the floor is asked for the same stretches of the list as the HTTP peers, not a random
# draw whose share of the costly low-zoom tiles varies from run to run.
write_floor_scripts() {
  sql "CREATE TABLE bench_tiles (n int PRIMARY KEY, z int, x int, y int,
         west float8, south float8, east float8, north float8)" >/dev/null
  awk '{ print NR "," $1 "," $3 "," $2 }' "$WORK/tiles.txt" \
    | psql_admin "$DB" -c "\\copy bench_tiles (n, z, x, y) FROM STDIN WITH (FORMAT csv)"
  # the buffered tile as a lon/lat box, which the service computes in Java and binds
  local margin
  margin="$(awk -v b=$BUFFER -v e=$EXTENT 'BEGIN { print b / e }')"
  sql "UPDATE bench_tiles SET west = ST_XMin(box), south = ST_YMin(box), east = ST_XMax(box), north = ST_YMax(box)
       FROM (SELECT n AS tile, ST_Transform(ST_TileEnvelope(z, x, y, margin => $margin), 4326) AS box
             FROM bench_tiles) boxes WHERE n = tile" >/dev/null
  local layer
  for layer in $LAYERS; do mark_thin_tiles "$layer"; done
  sql "VACUUM ANALYZE bench_tiles" >/dev/null
  for layer in $LAYERS; do
    {
      echo "\\set n (:client_id * $TILE_COUNT / :clients + :i) % $TILE_COUNT + 1"
      echo "\\set i :i + 1"
      echo "SELECT z, x, y, west, south, east, north, $(thin_column "$layer")::int AS thin FROM bench_tiles WHERE n = :n \\gset"
      # shellcheck disable=SC2086  # one layer per word
      tile_script_lines $(layer_members "$layer")
    } >"$WORK/floor-$layer.sql"
    # the same statements for the jdbc peer (JdbcTiles.java), one file per form
    # shellcheck disable=SC2086  # one layer per word
    tile_sql 0 $(layer_members "$layer") >"$WORK/floor-$layer-full.sql"
    # shellcheck disable=SC2086
    if any_thinned $(layer_members "$layer"); then tile_sql 1 $(layer_members "$layer") >"$WORK/floor-$layer-thinned.sql"; fi
  done
}

# Request paths, one file per layer and server, in the tile list's order.
write_paths() {
  local layer
  for layer in $LAYERS; do
    if [ "$layer" = all ]; then
      awk '{ printf "/ogc/tiles/WebMercatorQuad/%d/%d/%d\n", $1, $2, $3 }' "$WORK/tiles.txt" >"$WORK/paths-service-$layer.txt"
    else
      awk -v l="$layer" '{ printf "/ogc/collections/%s/tiles/WebMercatorQuad/%d/%d/%d\n", l, $1, $2, $3 }' \
        "$WORK/tiles.txt" >"$WORK/paths-service-$layer.txt"
    fi
    # MapServer's tile mode takes x y z (gmap: y counted from the top, as WebMercatorQuad)
    awk -v l="$layer" '{ printf "/mapserv?map=TILES&mode=tile&tilemode=gmap&tile=%d+%d+%d&layers=%s\n", $3, $2, $1, l }' \
      "$WORK/tiles.txt" >"$WORK/paths-mapserver-$layer.txt"
  done
}

# ------------------------------------------------------------------- MapServer and nginx

# MapServer draws one geometry kind per layer (mapmvt.c takes the kind from the layer TYPE), so
# a table holding points and polygons becomes two MapServer layers of one GROUP, each reading
# its kind. Attribute names are the service's (the same aliases over the same lv_ table), every
# attribute is written (gml_include_items all), and EDGE_BUFFER is in pixels of a 256-pixel
# tile: 4 px = 64 of 4,096 units, the service's buffer.
write_mapfile() {
  mkdir -p "$WORK/mapserver"
  local map="$WORK/mapserver/tiles.map" layer table kinds kind type columns field i
  {
    cat <<END_MAP
MAP
  NAME "tiles"
  EXTENT -20037508.342789 -20037508.342789 20037508.342789 20037508.342789
  SIZE 256 256
  UNITS METERS
  IMAGETYPE "mvt"
  PROJECTION "init=epsg:3857" END
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=$EXTENT"
    FORMATOPTION "EDGE_BUFFER=$((BUFFER * 256 / EXTENT))"
  END
END_MAP
    for layer in $PLAN_LAYERS; do
      table="$(cat "$WORK/layer-$layer.table")"
      columns="id"
      i=0
      while read -r field; do
        # plain identifiers need no quotes, which would clash with the mapfile's own
        [[ "$field" =~ ^[a-z_][a-z0-9_]*$ ]] || die "field '$field' of $layer needs quoting in the mapfile"
        i=$((i + 1)); columns+=", c_$i AS $field"
      done <"$WORK/layer-$layer.fields"
      kinds="$(sql "SELECT string_agg(DISTINCT CASE WHEN GeometryType(geom) LIKE '%POINT' THEN 'POINT'
                 WHEN GeometryType(geom) LIKE '%LINESTRING' THEN 'LINE' ELSE 'POLYGON' END, ' ') FROM $table")"
      for kind in $kinds; do
        case $kind in
          POINT) type=POINT; filter="GeometryType(geom) IN ('POINT', 'MULTIPOINT')" ;;
          LINE) type=LINE; filter="GeometryType(geom) IN ('LINESTRING', 'MULTILINESTRING')" ;;
          *) type=POLYGON; filter="GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')" ;;
        esac
        local name="$layer" where=""
        if [ "$(wc -w <<<"$kinds")" -gt 1 ]; then name="${layer}_$(tr 'A-Z' 'a-z' <<<"$kind")s"; where=" WHERE $filter"; fi
        cat <<END_LAYER
  LAYER
    NAME "$name"
    GROUP "$layer"
    TYPE $type
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=127.0.0.1 port=$PG_PORT dbname=$DB user=postgres"
    PROCESSING "CLOSE_CONNECTION=DEFER"
    DATA "geom FROM (SELECT $columns, geom FROM $table$where) AS t USING UNIQUE id USING SRID=4326"
    PROJECTION "init=epsg:4326" END
    METADATA
      "gml_include_items" "all"
      "gml_types" "auto"
    END
  END
END_LAYER
        echo "$layer $name" >>"$WORK/mapserver/layers.txt"
      done
    done
    echo "END"
  } >"$map"
  cat >"$WORK/mapserver/mapserver.conf" <<END_CONF
CONFIG
  ENV
    MS_MAP_NO_PATH "1"
  END
  MAPS
    TILES "$map"
  END
END
END_CONF
  chmod 644 "$map" "$WORK/mapserver/mapserver.conf"
}

# FCGI persistent mapserv processes (MapServer is built with FastCGI: each keeps its mapfile and
# its PostgreSQL connection between requests), run as nobody on a Unix socket.
start_mapserver() {
  log "starting $FCGI MapServer FastCGI processes"
  # MapServer 8.0 reads MAPSERVER_CONFIG_FILE (later versions: MS_CONFIG_FILE); give both
  MAPSERVER_CONFIG_FILE="$WORK/mapserver/mapserver.conf" MS_CONFIG_FILE="$WORK/mapserver/mapserver.conf" spawn-fcgi -s "$WORK/mapserver/fcgi.sock" -M 0666 \
    -F "$FCGI" -u nobody -g nogroup -P "$WORK/mapserver/fcgi.pids" -- /usr/lib/cgi-bin/mapserv >/dev/null
  [ "$(awk "END { print NR }" "$WORK/mapserver/fcgi.pids")" -eq "$FCGI" ] || die "spawn-fcgi did not start $FCGI processes"
}

# One nginx (2 workers, one per core) on 127.0.0.1: /ogc/ serves the service's saved tiles
# (a tile the service answered 204 has no file, and nginx answers 204 too; same Cache-Control
# as the service, nginx's own ETag), /mapserv passes to the FastCGI processes.
start_nginx() {
  NGINX_PORT="$(free_port)"
  mkdir -p "$WORK/nginx/tmp" "$WORK/static"
  cat >"$WORK/nginx/nginx.conf" <<END_NGINX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/vnd.mapbox-vector-tile;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    location /ogc/ {
      try_files \$uri =204;
      add_header Cache-Control "max-age=60, public";
    }
    location = /mapserv {
      fastcgi_pass unix:$WORK/mapserver/fcgi.sock;
      fastcgi_keep_conn on;
      fastcgi_buffers 64 16k;
      fastcgi_param QUERY_STRING \$query_string;
      fastcgi_param REQUEST_METHOD \$request_method;
      fastcgi_param CONTENT_TYPE \$content_type;
      fastcgi_param CONTENT_LENGTH \$content_length;
      fastcgi_param SCRIPT_NAME \$fastcgi_script_name;
      fastcgi_param REQUEST_URI \$request_uri;
      fastcgi_param SERVER_PROTOCOL \$server_protocol;
      fastcgi_param SERVER_NAME \$server_name;
      fastcgi_param SERVER_PORT \$server_port;
      fastcgi_param REMOTE_ADDR \$remote_addr;
    }
  }
}
END_NGINX
  log "starting nginx on 127.0.0.1:$NGINX_PORT"
  nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
  for _ in $(seq 1 20); do [ -s "$WORK/nginx/nginx.pid" ] && break; sleep 0.5; done
  [ -s "$WORK/nginx/nginx.pid" ] || die "nginx did not start (see $WORK/nginx/error.log)"
}

# ------------------------------------------------------------------------------- checks

# Every peer is asked for every tile once: all must answer 200/204. The warm service's pass
# fills its cache and saves the tiles for nginx; then, for a sample of tiles, the floor's
# statement must give exactly the service's bytes, and MapServer's tile the same features.
check_peers() {
  local layer out
  : >"$WORK/sizes.tsv"
  for layer in $LAYERS; do
    out="$(python3 "$HERE/fetch_tiles.py" --port "$WARM_PORT" --paths "$WORK/paths-service-$layer.txt" --save "$WORK/static")"
    log "service, $layer: $out  (tiles, 200s, 204s, bytes, seconds)"
    echo -e "$layer\tservice\t$out" >>"$WORK/sizes.tsv"
    if measured mapserver; then
      out="$(python3 "$HERE/fetch_tiles.py" --port "$NGINX_PORT" --paths "$WORK/paths-mapserver-$layer.txt")"
      log "MapServer, $layer: $out"
      echo -e "$layer\tmapserver\t$out" >>"$WORK/sizes.tsv"
    fi
    python3 "$HERE/fetch_tiles.py" --port "$NGINX_PORT" --paths "$WORK/paths-service-$layer.txt" >/dev/null
    check_floor "$layer"
    ! measured mapserver || check_mapserver_features "$layer"
  done
  touch "$WORK/mapserver-check.txt"
  chmod -R a+rX "$WORK/static"
}

# The floor's statements, run by psql for every 50th tile of the list, against what the service
# sent for it (saved under static/): the floor must measure the same work. Bytes are often
# identical; when the rows come in another order they are not, and the decoded tiles must then
# hold the same features.
check_floor() {
  local layer="$1" z y x path identical=0 equal=0 differ=0 low
  while read -r z y x; do
    if [ "$layer" = all ]; then path="ogc/tiles/WebMercatorQuad/$z/$y/$x"; else path="ogc/collections/$layer/tiles/WebMercatorQuad/$z/$y/$x"; fi
    if [ -f "$WORK/static/$path" ]; then cp "$WORK/static/$path" "$WORK/check-service.pbf"; else : >"$WORK/check-service.pbf"; fi
    low="$(sql "SELECT $(thin_column "$layer")::int FROM bench_tiles WHERE z = $z AND x = $x AND y = $y LIMIT 1")"
    # psql fills in :z :x :y from -v and the box from bench_tiles (read from standard input: -c would not interpolate)
    # shellcheck disable=SC2046  # one layer per word
    { echo "SELECT west, south, east, north FROM bench_tiles WHERE z = :z AND x = :x AND y = :y LIMIT 1 \\gset"
      tile_sql "$low" $(layer_members "$layer"); } \
      | psql_admin "$DB" -At -v z="$z" -v x="$x" -v y="$y" | sed 's/^\\x//' | tr -d '\n' | xxd -r -p >"$WORK/check-floor.pbf"
    if cmp -s "$WORK/check-service.pbf" "$WORK/check-floor.pbf"; then
      identical=$((identical + 1))
    elif /usr/bin/python3 "$HERE/compare_tiles.py" content "$WORK/check-service.pbf" "$WORK/check-floor.pbf" >/dev/null; then
      equal=$((equal + 1))
    else
      differ=$((differ + 1))
      log "WARNING: $layer $z/$y/$x: the floor statement's tile differs from the service's"
    fi
  done < <(awk 'NR % 50 == 1' "$WORK/tiles.txt")
  log "floor vs service, $layer: of $((identical + equal + differ)) sampled tiles $identical byte-identical, $equal the same features in another order, $differ different"
  echo "$layer: $identical identical + $equal same features in another order of $((identical + equal + differ)) sampled" >>"$WORK/floor-check.txt"
}

# One tile decoded from both the service and MapServer: the z14 tile of the list with the most
# project data (the centre, at full detail), or for the plan areas the biggest z10 tile.
check_mapserver_features() {
  local layer="$1" zoom=14 z y x members result
  [ "$layer" != all ] || return 0   # the per-layer checks cover the layers of /ogc/tiles
  [ "$layer" = projects ] || zoom=10
  read -r z y x < <(awk -v z=$zoom '$1 == z' "$WORK/tiles.txt" | while read -r z y x; do
      f="$WORK/static/ogc/collections/$layer/tiles/WebMercatorQuad/$z/$y/$x"
      [ -f "$f" ] && echo "$(stat -c %s "$f") $z $y $x"
    done | sort -rn | head -1 | cut -d' ' -f2-) || true   # none: a list of other zooms (ZOOMS=)
  [ -n "${z:-}" ] || { log "WARNING: no non-empty z$zoom tile of $layer to compare with MapServer"; return 0; }
  cp "$WORK/static/ogc/collections/$layer/tiles/WebMercatorQuad/$z/$y/$x" "$WORK/check-service-$layer.pbf"
  curl -fs -o "$WORK/check-mapserver-$layer.pbf" "http://127.0.0.1:$NGINX_PORT/mapserv?map=TILES&mode=tile&tilemode=gmap&tile=$x+$y+$z&layers=$layer"
  members="$(awk -v l="$layer" '$1 == l { printf "%s%s", sep, $2; sep = "," }' "$WORK/mapserver/layers.txt")"
  if result="$(/usr/bin/python3 "$HERE/compare_tiles.py" features "$WORK/check-service-$layer.pbf" "$layer" \
      "$WORK/check-mapserver-$layer.pbf" "$members" 2>&1)"; then
    log "MapServer vs service, $layer tile $z/$y/$x: the same: $result"
  else
    log "WARNING: MapServer vs service, $layer tile $z/$y/$x: $result"
  fi
  echo "$layer tile $z/$y/$x: $(echo "$result" | head -1)" >>"$WORK/mapserver-check.txt"
}

# ------------------------------------------------------------------------------ measuring

# nginx and the mapserv processes, for our_ticks' "web" part.
web_pids() {
  local master=""
  [ -f "$WORK/nginx/nginx.pid" ] && master="$(cat "$WORK/nginx/nginx.pid")"
  echo "$master $( [ -z "$master" ] || pgrep -P "$master" || true) $( [ ! -f "$WORK/mapserver/fcgi.pids" ] || cat "$WORK/mapserver/fcgi.pids")"
}

# cpu_note TILES: where the CPU went, in milliseconds per tile (what limits tiles/s on 2 cores).
cpu_note() {
  local hz
  hz="$(getconf CLK_TCK)"
  awk -v n="$1" -v hz="$hz" -v parts="$CPU_PARTS" 'BEGIN {
    split(parts, p, " "); f = 1000 / hz / n
    printf "CPU ms/tile: service %.2f, PostgreSQL %.2f, nginx+MapServer %.2f, clients %.2f", p[1] * f, p[2] * f, p[3] * f, p[4] * f }'
}

# DB-side totals since the last reset: statements and execution time (ms), per tile.
db_note() {
  local count="$1"
  sql "SELECT format('DB: %s statements, %s ms per tile (planned %s times, %s ms; JIT %s ms)',
                     round(coalesce(sum(calls), 0)::numeric / $count, 1),
                     round(coalesce(sum(total_exec_time), 0)::numeric / $count, 2),
                     round(coalesce(sum(plans), 0)::numeric / $count, 1),
                     round(coalesce(sum(total_plan_time), 0)::numeric / $count, 2),
                     round(coalesce(sum(jit_generation_time + jit_inlining_time + jit_optimization_time
                                        + jit_emission_time), 0)::numeric / $count, 2))
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'"
}

# The warm service's tile cache counters (Caffeine, through Micrometer): "hits misses".
cache_counts() {
  curl -fs "http://127.0.0.1:$WARM_PORT/actuator/prometheus" | awk '
    /^cache_gets_total\{/ && /cache="tiles"/ && /result="hit"/ { h = $NF }
    /^cache_gets_total\{/ && /cache="tiles"/ && /result="miss"/ { m = $NF }
    END { printf "%d %d\n", h, m }'
}

record() {  # record LAYER PEER CONNECTIONS RATE MEAN P50 P99 NOTE
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$ROUND" "$4" "$5" "$6" "$7" "$OTHERS" "$8" >>"$RESULTS_TSV"
  log "$(printf 'round %s %-9s %-9s c=%s %9.1f tiles/s  p50 %7.2f ms  p99 %8.2f ms  others %s %%  %s' "$ROUND" "$1" "$2" "$3" \
    "$4" "$(awk -v u="$6" 'BEGIN { print u / 1000 }')" "$(awk -v u="$7" 'BEGIN { print u / 1000 }')" "$OTHERS" "$8")"
}

# run_wrk LAYER PEER CONNECTIONS PORT PATHS: two wrk threads (one per core) share the connections.
run_wrk() {
  local layer="$1" peer="$2" conns="$3" port="$4" paths="$5" threads=2 note="" hits0 misses0 hits misses
  [ "$conns" -ge 2 ] || threads=1
  if [ "$peer" = warm ]; then  # the cache holds all layers' tiles only if they fit: refill this one
    python3 "$HERE/fetch_tiles.py" --port "$port" --paths "$paths" >/dev/null
    read -r hits0 misses0 <<<"$(cache_counts)"
  fi
  measure_wrk "$WORK/wrk-$layer-$peer-c$conns-r$ROUND.txt" "$threads" "$conns" "http://127.0.0.1:$port" "$paths"
  if [ "$peer" = warm ]; then
    read -r hits misses <<<"$(cache_counts)"
    note="cache hits $(awk -v h=$((hits - hits0)) -v m=$((misses - misses0)) 'BEGIN { printf "%.1f %%", h + m ? 100 * h / (h + m) : 0 }')"
  elif [ "$peer" != nginx ]; then
    note="$(db_note "$requests")"
  fi
  note="${note:+$note; }$(cpu_note "$requests")"
  record "$layer" "$peer" "$conns" "$rps" "$mean_us" "$p50_us" "$p99_us" "$note"
}

# run_pgbench LAYER CONNECTIONS: a transaction is one tile; each client walks the list from its
# own starting point (the script's :i and :clients).
run_pgbench() {
  local layer="$1" conns="$2"
  measure_pgbench "$WORK/pgbench-$layer-c$conns-r$ROUND" "$conns" "$(( conns < 2 ? 1 : 2 ))" "$WORK/floor-$layer.sql"     -D i=0 -D clients="$conns"
  record "$layer" floor "$conns" "$(printf '%.2f' "$tps")" "$mean" "$p50" "$p99" "$(db_note "$count"); $(cpu_note "$count")"
}

# The service's PostgreSQL driver, taken from its jar, for JdbcTiles.java.
extract_pgjdbc() {
  PGJDBC_JAR="$(python3 - "$JAR" "$WORK/jdbc" <<'END_PYTHON'
import os, sys, zipfile
jar, folder = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(jar) as archive:
    name = next(n for n in archive.namelist() if n.startswith("BOOT-INF/lib/postgresql-") and n.endswith(".jar"))
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, os.path.basename(name))
    with open(path, "wb") as out:
        out.write(archive.read(name))
print(path)
END_PYTHON
)" || die "no PostgreSQL driver in $JAR"
}

# run_jdbc LAYER CONNECTIONS: the floor's statements sent by pgjdbc from a plain Java client
# (JdbcTiles.java: one connection per client, as the service sends them, no HTTP). It warms up
# before the counters are reset and the accounting starts, and counts among the clients while
# measured (CLIENT_PIDS: it is not reaped, hence not in this script's own ticks, until it exits).
run_jdbc() {
  local layer="$1" conns="$2" out="$WORK/jdbc-$layer-c$conns-r$ROUND" ready tps
  local thinned=()
  [ ! -f "$WORK/floor-$layer-thinned.sql" ] || thinned=("$WORK/floor-$layer-thinned.sql")
  wait_for_quiet
  coproc JDBC { exec java -cp "$PGJDBC_JAR" "$HERE/JdbcTiles.java" "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB?user=postgres" \
      "$conns" 5 "$DURATION" "$(thin_column "$layer")" "$WORK/floor-$layer-full.sql" "${thinned[@]}" 2>"$out.err"; }
  JDBC_CLIENT_PID="$JDBC_PID"
  local from_client="${JDBC[0]}" to_client="${JDBC[1]}"
  read -r ready <&"$from_client" && [ "$ready" = ready ] || die "JdbcTiles did not start (see $out.err)"
  db_stats_reset
  CLIENT_PIDS="$JDBC_CLIENT_PID"
  interference_start
  echo go >&"$to_client"
  read -r count mean p50 p99 tps <&"$from_client" || die "JdbcTiles failed (see $out.err)"
  interference_end
  CLIENT_PIDS=""
  exec {to_client}>&-
  wait "$JDBC_CLIENT_PID" || die "JdbcTiles failed (see $out.err)"
  JDBC_CLIENT_PID=""
  record "$layer" jdbc "$conns" "$tps" "$mean" "$p50" "$p99" "$(db_note "$count"); $(cpu_note "$count")"
}

# JIT compilation in the services, PostgreSQL's caches and MapServer's connections should not
# be measured: some load on every server and layer first.
warm_up() {
  local layer
  log "warming up: ${WARMUP}s per layer on each service (then more until its JIT settles) and on MapServer, a short pgbench pass"
  for layer in $LAYERS; do
    warm_until_compiled "$COLD_PID" "$WARMUP" "http://127.0.0.1:$COLD_PORT" "$WORK/paths-service-$layer.txt"
    ! measured cold-api || load_wrk "$((WARMUP / 2 + 1))" "http://127.0.0.1:$COLD_CONTAINER_PORT" "$WORK/paths-service-$layer.txt"
    warm_until_compiled "$WARM_PID" "$((WARMUP / 2 + 1))" "http://127.0.0.1:$WARM_PORT" "$WORK/paths-service-$layer.txt"
    ! measured mapserver \
      || load_wrk "$((WARMUP / 2 + 1))" "http://127.0.0.1:$NGINX_PORT" "$WORK/paths-mapserver-$layer.txt"
    "$PG_BIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 2 -T 3 -D i=0 -D clients=2 \
      -f "$WORK/floor-$layer.sql" "$DB" >/dev/null 2>&1
  done
}

measured() { [[ " $PEERS " == *" $1 "* ]]; }

# Every peer of a layer runs next to the others at each concurrency, round after round, so
# drift (other people's work, the VM's scheduling) hits all alike; ratios compare neighbours.
measure() {
  RESULTS_TSV="$WORK/results.tsv"
  : >"$RESULTS_TSV"
  local layer conns
  for ROUND in $(seq 1 "$ROUNDS"); do
    for layer in $LAYERS; do
      for conns in $CONNECTIONS; do
        ! measured floor || run_pgbench "$layer" "$conns"
        ! measured jdbc || run_jdbc "$layer" "$conns"
        ! measured cold || run_wrk "$layer" cold "$conns" "$COLD_PORT" "$WORK/paths-service-$layer.txt"
        ! measured cold-api || run_wrk "$layer" cold-api "$conns" "$COLD_CONTAINER_PORT" "$WORK/paths-service-$layer.txt"
        ! measured mapserver || run_wrk "$layer" mapserver "$conns" "$NGINX_PORT" "$WORK/paths-mapserver-$layer.txt"
        ! measured warm || run_wrk "$layer" warm "$conns" "$WARM_PORT" "$WORK/paths-service-$layer.txt"
        ! measured nginx || run_wrk "$layer" nginx "$conns" "$NGINX_PORT" "$WORK/paths-service-$layer.txt"
      done
    done
  done
}

# A separate run per layer on each service (cache off, then warm) under JFR, after the figures.
profile_services() {
  [ "$PROFILE" = 1 ] || return 0
  command -v jcmd >/dev/null && command -v jfr >/dev/null || { log "no jcmd/jfr: no profile"; return 0; }
  local layer name pid port
  for layer in $LAYERS; do
    for name in cold warm; do
      if [ "$name" = cold ]; then pid=$COLD_PID; port=$COLD_PORT; else pid=$WARM_PID; port=$WARM_PORT; fi
      [ "$name" = cold ] || python3 "$HERE/fetch_tiles.py" --port "$port" --paths "$WORK/paths-service-$layer.txt" >/dev/null
      log "profiling the $name service: ${DURATION}s of $layer tiles, 2 connections, under JFR"
      profile_jfr "$pid" tiles "http://127.0.0.1:$port" "$WORK/paths-service-$layer.txt" "$WORK/profile-$name-$layer.md"
    done
  done
}

# ------------------------------------------------------------------------------- report

machine_summary() {
  echo "$(machine_line); load average at the start: $LOAD_AT_START"
  echo "- service: $SOURCE_DESCRIPTION; $(java -version 2>&1 | head -1), default JVM flags; Hikari pool default (10); the warm service's plan.tiles.cache-size=$WARM_CACHE; cold and warm are asked on the service's port (its front door), cold-api on Tomcat behind it"
  echo "- PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') ($(sql "SELECT postgis_full_version()" | grep -o 'POSTGIS="[^"]*"\|GEOS="[^"]*"\|PROJ="[^"]*"' | tr '\n' ' ')), shared_buffers 512MB, fsync off, JIT $(sql 'SHOW jit')"
  echo "- $(mapserv -v | head -1 | cut -d' ' -f1-3), $FCGI FastCGI processes (spawn-fcgi $(spawn-fcgi -v | head -1 | awk '{ print $2 }')); $(nginx -v 2>&1 | sed 's/.*: //'), 2 workers; $(wrk --version 2>&1 | head -1 | awk '{ print "wrk", $2 }') with 2 threads; pgbench -M prepared, 2 threads"
  echo "- data: the plan layers ($PLAN_LAYERS) with projects replaced by the generated layer: $DATA_SUMMARY"
  echo "- tiles: $TILE_SUMMARY (the same list, in the same order, for every peer)"
  echo "- ${DURATION}s per measurement, $ROUNDS rounds, connections: $CONNECTIONS; client, servers and database share the machine"
  echo "- latencies: wrk's and pgbench's (from its per-transaction log) alike are corrected for coordinated omission the way wrk does it (after the run, for every answer slower than twice the mean interval between a connection's requests, the samples a constant-rate client would have waited for are added), so their means and p99 weigh slow answers more than as measured"
  echo "- tile bodies fetched once per peer (layer, peer, tiles, 200s, 204s, bytes, seconds):"
  sed 's/^/  - /; s/\t/ /g' "$WORK/sizes.tsv"
  echo "- the floor's statement vs the service's tiles: $(paste -sd';' "$WORK/floor-check.txt")"
  echo "- MapServer vs the service, features of one tile: $(paste -sd';' "$WORK/mapserver-check.txt")"
}

report() {
  {
    echo "## bench/tiles results, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`POINTS=$POINTS POLYGONS=$POLYGONS DURATION=$DURATION ROUNDS=$ROUNDS CONNECTIONS=\"$CONNECTIONS\" LAYERS=\"$LAYERS\" PEERS=\"$PEERS\"${ZOOMS:+ ZOOMS=\"$ZOOMS\"} WARM_CACHE=$WARM_CACHE PROFILE=$PROFILE bench/tiles/run.sh\`"
    echo
    machine_summary
    echo
    python3 "$HERE/report.py" "$RESULTS_TSV"
    local layer name
    for layer in $LAYERS; do
      for name in cold warm; do
        [ -s "$WORK/profile-$name-$layer.md" ] || continue
        printf '\n### where the %s service spends its Java CPU on %s tiles (JFR, 2 connections)\n\n' "$name" "$layer"
        cat "$WORK/profile-$name-$layer.md"
      done
    done
  } | tee "$RESULTS"
  cp "$RESULTS_TSV" "${RESULTS%.md}.tsv"
  local shown="${RESULTS#"$ROOT"/}"
  log "written to $shown (raw rows: ${shown%.md}.tsv)"
}

main() {
  LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
  ensure_tools
  make_workdir tiles
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  build_jar
  ! measured jdbc || extract_pgjdbc
  start_postgres -c shared_buffers=512MB -c pg_stat_statements.track_planning=on
  generate_data
  start_tile_service cold 0
  start_tile_service warm "$WARM_CACHE"
  inspect_layers
  write_floor_scripts
  write_paths
  write_mapfile
  start_mapserver
  start_nginx
  check_peers
  warm_up
  measure
  profile_services
  report
}

# run when executed; sourcing the file only defines the functions (handy when debugging one step)
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
