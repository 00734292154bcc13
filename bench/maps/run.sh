#!/usr/bin/env bash
# bench/maps/run.sh: how fast does the service draw WMS maps, next to MapServer 8 on the same data?
#
# One command, nothing to set up:  bench/maps/run.sh        (as root: it may apt-get install)
# It copies the source tree and builds the service there, provisions a throwaway PostgreSQL 15 +
# PostGIS cluster, starts the service on it twice (its map cache off: cold; on: cached), loads the same
# gis-data/ files into tables of the same cluster for MapServer 8 (FastCGI behind nginx), whose mapfile
# draws them as gis-data/style.json does (bench/maps/mapfile.py), writes one list of WMS 1.3.0 GetMap
# requests per size (random boxes over the city, EPSG:3857, every plan layer, PNG; bench/maps/boxes.py)
# and measures maps/s and latency with wrk, in the same run, for each size:
#   * cold       the service with plan.maps.cache-size=0: every map drawn
#   * mapserver  MapServer 8's WMS (no cache of its own)
#   * cached     the service with its cache on, after one pass over the list
# Everything listens on 127.0.0.1 only, and everything it starts is stopped on exit (trap), by PID.
#
# Settings (environment variables):
#   SIZES="256x256:9-13:400 1024x768:9-12:120"   WIDTHxHEIGHT:ZOOMS:COUNT of each request list
#   DURATION=15   seconds per measurement        CONNECTIONS=2   wrk connections (2 threads)
#   WARMUP=10     seconds of load per server and size before measuring (JIT)
#   FCGI=2        MapServer FastCGI processes (one per core)
#   BUILD_DIR=/tmp/maps-src   where the sources are copied and built     JAR=   an already built jar
#   KEEP_WORK=0   1 keeps the temporary folder       RESULTS=bench/maps/last-run.md
#   QUIET_LIMIT=10, QUIET_WAIT=60, QUIET_BUDGET=300   waiting for a quiet machine (bench/lib/harness.sh)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

SIZES="${SIZES:-256x256:9-13:400 1024x768:9-12:120}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-2}"
WARMUP="${WARMUP:-10}"
FCGI="${FCGI:-2}"
BUILD_DIR="${BUILD_DIR:-/tmp/maps-src}"
JAR="${JAR:-}"
KEEP_WORK="${KEEP_WORK:-0}"
RESULTS="${RESULTS:-$HERE/last-run.md}"
QUIET_LIMIT="${QUIET_LIMIT:-10}"
QUIET_WAIT="${QUIET_WAIT:-60}"
QUIET_BUDGET="${QUIET_BUDGET:-300}"
START_TIMEOUT="${START_TIMEOUT:-600}"
DB=maps
# MapServer's copy of the data, in a database of its own (the service's Flyway wants its schema to itself)
MS_DB=maps_mapserver
PLAN_LAYERS="districts agri-belts major-zones corridors dev-zones projects"

WORK=""
COLD_PID=""
CACHED_PID=""
NGINX_PORT=""

# shellcheck source=../lib/harness.sh
source "$ROOT/bench/lib/harness.sh"

ensure_tools() {
  local packages
  mapfile -t packages < <(missing_base_packages)
  command -v nginx >/dev/null || packages+=(nginx)
  command -v spawn-fcgi >/dev/null || packages+=(spawn-fcgi)
  [ -x /usr/lib/cgi-bin/mapserv ] || packages+=(cgi-mapserver)
  command -v mapserv >/dev/null || packages+=(mapserver-bin)
  command -v ogr2ogr >/dev/null || packages+=(gdal-bin)
  [ "$(id -u)" -eq 0 ] || die "run as root: PostgreSQL, nginx and MapServer are started as other users"
  apt_install "${packages[@]}"
  command -v java >/dev/null || die "java (17+) is needed"
}

cleanup() {
  local status=$?
  set +e
  stop_pid "$COLD_PID" "the cold service"
  stop_pid "$CACHED_PID" "the cached service"
  if [ -n "$WORK" ] && [ -f "$WORK/nginx/nginx.pid" ]; then stop_pid "$(cat "$WORK/nginx/nginx.pid")" "nginx"; fi
  if [ -n "$WORK" ] && [ -f "$WORK/mapserver/fcgi.pids" ]; then
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

# nginx and the mapserv processes, for the harness's CPU accounting ("web" part).
web_pids() {
  local master=""
  [ -f "$WORK/nginx/nginx.pid" ] && master="$(cat "$WORK/nginx/nginx.pid")"
  echo "$master $( [ -z "$master" ] || pgrep -P "$master" || true) $( [ ! -f "$WORK/mapserver/fcgi.pids" ] || cat "$WORK/mapserver/fcgi.pids")"
}

# The same gis-data/ files the service loads, as plain tables for MapServer (the projects' points and
# polygons apart: a MapServer layer draws one geometry type).
load_mapserver_tables() {
  psql_admin postgres -c "CREATE DATABASE $MS_DB" >/dev/null
  psql_admin "$MS_DB" -c "CREATE EXTENSION postgis" >/dev/null
  local pg="PG:host=127.0.0.1 port=$PG_PORT dbname=$MS_DB user=postgres" layer table
  for layer in $PLAN_LAYERS; do
    table="ms_${layer//-/_}"
    if [ "$layer" = projects ]; then
      ogr2ogr -f PostgreSQL "$pg" "$WORK/gis-data/projects.geojson" -nln "${table}_points" -lco GEOMETRY_NAME=geom \
        -where "OGR_GEOMETRY='Point'" -nlt POINT
      ogr2ogr -f PostgreSQL "$pg" "$WORK/gis-data/projects.geojson" -nln "${table}_polygons" -lco GEOMETRY_NAME=geom \
        -where "OGR_GEOMETRY='Polygon' OR OGR_GEOMETRY='MultiPolygon'" -nlt PROMOTE_TO_MULTI
    else
      ogr2ogr -f PostgreSQL "$pg" "$WORK/gis-data/$layer.geojson" -nln "$table" -lco GEOMETRY_NAME=geom -nlt PROMOTE_TO_MULTI
    fi
  done
}

start_mapserver() {
  mkdir -p "$WORK/mapserver"
  python3 "$HERE/mapfile.py" --gis-data "$WORK/gis-data" --font "$SRC/src/main/resources/fonts/WenQuanYiMicroHei-GBK.ttf" \
    --port "$PG_PORT" --db "$MS_DB" --out "$WORK/mapserver/plan.map"
  cat >"$WORK/mapserver/mapserver.conf" <<END_CONF
CONFIG
  ENV
    MS_MAP_NO_PATH "1"
  END
  MAPS
    PLAN "$WORK/mapserver/plan.map"
  END
END
END_CONF
  chmod 644 "$WORK/mapserver/"*
  chmod 755 "$WORK/mapserver"
  log "starting $FCGI MapServer FastCGI processes"
  MAPSERVER_CONFIG_FILE="$WORK/mapserver/mapserver.conf" MS_CONFIG_FILE="$WORK/mapserver/mapserver.conf" \
    spawn-fcgi -s "$WORK/mapserver/fcgi.sock" -M 0666 -F "$FCGI" -u nobody -g nogroup -P "$WORK/mapserver/fcgi.pids" \
    -- /usr/lib/cgi-bin/mapserv >/dev/null
  NGINX_PORT="$(free_port)"
  mkdir -p "$WORK/nginx/tmp"
  cat >"$WORK/nginx/nginx.conf" <<END_NGINX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
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
  nginx -c "$WORK/nginx/nginx.conf"
}

# check URL NAME: the first map of a list is a PNG (not an exception report) of the asked size.
check_png() {
  curl -fs -o "$WORK/check-$2.png" "$1"
  file "$WORK/check-$2.png" | grep -q "PNG image data" || die "$2 answered no PNG: $(head -c 300 "$WORK/check-$2.png")"
}

main() {
  make_workdir maps
  trap cleanup EXIT INT TERM
  ensure_tools
  build_jar
  cp -r "$SRC/gis-data" "$WORK/gis-data"
  start_postgres
  load_mapserver_tables
  start_mapserver
  local cold_port cached_port
  cold_port="$(free_port)"; cached_port="$(free_port)"
  start_service cold "$cold_port" --plan.maps.cache-size=0; COLD_PID=$STARTED_PID
  start_service cached "$cached_port"; CACHED_PID=$STARTED_PID

  local rows="$WORK/rows.tsv" spec size zooms count list ms_layers
  ms_layers="$(echo "$PLAN_LAYERS" | tr ' ' ',')"
  : >"$rows"
  for spec in $SIZES; do
    IFS=: read -r size zooms count <<<"$spec"
    list="$WORK/queries-$size.txt"
    python3 "$HERE/boxes.py" --size "$size" --zooms "$zooms" --count "$count" >"$list"
    sed 's|^|/wms?LAYERS=plan\&|' "$list" >"$WORK/paths-service-$size.txt"
    sed "s|^|/mapserv?map=PLAN\&LAYERS=$ms_layers\&|" "$list" >"$WORK/paths-mapserver-$size.txt"
    check_png "http://127.0.0.1:$cold_port$(head -1 "$WORK/paths-service-$size.txt")" "service-$size"
    check_png "http://127.0.0.1:$NGINX_PORT$(head -1 "$WORK/paths-mapserver-$size.txt")" "mapserver-$size"
    log "$size: filling the cached service's map cache ($count maps)"
    while read -r path; do curl -fs -o /dev/null "http://127.0.0.1:$cached_port$path"; done <"$WORK/paths-service-$size.txt"
    local peer url paths
    for peer in cold mapserver cached; do
      case $peer in
        cold) url="http://127.0.0.1:$cold_port"; paths="$WORK/paths-service-$size.txt" ;;
        cached) url="http://127.0.0.1:$cached_port"; paths="$WORK/paths-service-$size.txt" ;;
        mapserver) url="http://127.0.0.1:$NGINX_PORT"; paths="$WORK/paths-mapserver-$size.txt" ;;
      esac
      log "$size $peer: warming up ${WARMUP}s"
      wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" -s "$ROOT/bench/lib/cycle.lua" "$url" -- "$paths" >/dev/null
      log "$size $peer: measuring ${DURATION}s"
      measure_wrk "$WORK/wrk-$peer-$size.txt" 2 "$CONNECTIONS" "$url" "$paths"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$peer" "$rps" "$p50_us" "$p99_us" "$OTHERS" >>"$rows"
    done
  done
  report "$rows" | tee "$RESULTS"
}

report() {
  echo "### WMS GetMap, every plan layer, PNG, EPSG:3857 — $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$ROOT" rev-parse --short HEAD)"
  echo
  echo "$SOURCE_DESCRIPTION; $(nproc) CPUs; $CONNECTIONS connections; ${DURATION}s per measurement; $(mapserv -v | head -1 | cut -d' ' -f1-3), $FCGI FastCGI processes behind nginx"
  echo
  echo "| size | server | maps/s | p50 ms | p99 ms | others' CPU |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s | %s | %.1f | %.1f | %.1f | %s %% |\n", $1, $2, $3, $4 / 1000, $5 / 1000, $6 }' "$1"
  echo
  echo "| size | cold ÷ MapServer | cached ÷ MapServer | cached ÷ cold |"
  echo "|---|---|---|---|"
  awk -F'\t' '{ r[$1 "," $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
    END { for (i = 1; i <= n; i++) { s = order[i]; printf "| %s | %.2f× | %.1f× | %.1f× |\n", s,
      r[s ",cold"] / r[s ",mapserver"], r[s ",cached"] / r[s ",mapserver"], r[s ",cached"] / r[s ",cold"] } }' "$1"
}

main "$@"
