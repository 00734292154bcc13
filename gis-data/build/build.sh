#!/usr/bin/env bash
# Rebuild the derived and schematic layers of gis-data/ and validate everything.
#
# Needs: PostgreSQL (initdb/pg_ctl) with PostGIS >= 3.1, GDAL (ogr2ogr), python3.
# Input: shared/data/changchun/ (override with CHANGCHUN_SRC=/path/to/dir).
#
# By default a throw-away cluster is created in a temp dir on port 55499 (socket in
# the same temp dir) and removed at the end. To use an existing server instead, set
# USE_EXISTING_PG=1 and the usual PGHOST/PGPORT/PGUSER/PGDATABASE (the database must
# allow CREATE EXTENSION postgis; tables src_*, mask, part, zgeom, bgeom, proj, place, chk
# are (re)created in it).
# As root, the temporary cluster runs as the `postgres` user.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export CHANGCHUN_SRC="${CHANGCHUN_SRC:-$(cd "$HERE/../../.." && pwd)/shared/data/changchun}"
[ -f "$CHANGCHUN_SRC/changchun-districts.geojson" ] || { echo "no districts in $CHANGCHUN_SRC" >&2; exit 1; }

if [ "${USE_EXISTING_PG:-0}" != 1 ]; then
  PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
  TMP="$(mktemp -d -t gisdata-build.XXXXXX)"
  RUNAS=(); if [ "$(id -u)" = 0 ]; then chown postgres "$TMP"; RUNAS=(runuser -u postgres --); fi
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$TMP/db" -A trust -U postgres >"$TMP/initdb.log"
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$TMP/db" -l "$TMP/pg.log" -w \
      -o "-p ${PGPORT_BUILD:-55499} -k $TMP -c listen_addresses=''" start >/dev/null
  stop() { "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$TMP/db" -m fast stop >/dev/null || true; rm -rf "$TMP"; }
  trap stop EXIT
  export PGHOST="$TMP" PGPORT="${PGPORT_BUILD:-55499}" PGUSER=postgres PGDATABASE=gisdata
  createdb gisdata
fi

psql -X -q -v ON_ERROR_STOP=1 -c "create extension if not exists postgis"
PG="PG:host=$PGHOST port=$PGPORT user=$PGUSER dbname=$PGDATABASE"
ogr2ogr -f PostgreSQL "$PG" "$CHANGCHUN_SRC/changchun-districts.geojson" -nln src_districts \
        -lco GEOMETRY_NAME=geom -lco FID=fid -nlt PROMOTE_TO_MULTI -overwrite
ogr2ogr -f PostgreSQL "$PG" "$CHANGCHUN_SRC/changchun-city.geojson" -nln src_city \
        -lco GEOMETRY_NAME=geom -lco FID=fid -nlt PROMOTE_TO_MULTI -overwrite
ogr2ogr -f PostgreSQL "$PG" "$CHANGCHUN_SRC/jilin-province.geojson" -nln src_province \
        -lco GEOMETRY_NAME=geom -lco FID=fid -nlt PROMOTE_TO_MULTI -overwrite

for f in 01_lib.sql 10_zones.sql 20_belts.sql 30_projects.sql 40_places.sql 40_constraints.sql; do
  echo "== $f"; psql -X -q -v ON_ERROR_STOP=1 -c "set client_min_messages = warning" -f "$HERE/$f"
done
python3 "$HERE/export.py"
python3 "$HERE/validate.py"
