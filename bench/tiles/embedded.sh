#!/usr/bin/env bash
# Low-zoom tiles of big imported layers on the embedded store (H2GIS, Java encoder), cache off.
# Points: merged per cell from the in-memory point index (the default) against the same tiles read
# from H2GIS for every request (plan.tiles.point-index-size=0), in one run on the same data.
# Polygons: a layer of POLYGONS small generated polygons, every one drawn with its attributes, timed
# on the default service. One tile per zoom, z6-z16, over the centre of Changchun; each requested
# once (the first request of the index run waits for the rest of the index's build, which the
# service starts in the background when it is up) and then REPEAT more times. From z13 on every
# point is drawn with its attributes, from H2GIS in both runs: those rows only show the two runs
# agree, after a warm-up of 20 requests of each of those tiles.
#
# usage: bench/tiles/embedded.sh [POINTS] [REPEAT] [POLYGONS]   (defaults 500000, 5 and 20000; about 15 minutes)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=../lib/harness.sh
source bench/lib/harness.sh

points=${1:-500000}
repeat=${2:-5}
polygons=${3:-20000}
service_pid=
WORK=
trap 'stop_pid "$service_pid" "the service"; [ -z "$WORK" ] || rm -rf "$WORK"' EXIT

for tool in ogr2ogr zip curl python3; do
  command -v "$tool" >/dev/null || die "needs $tool (apt-get install gdal-bin zip curl python3)"
done
make_workdir embedded-tiles
build_jar

log "generating $points points and $polygons polygons (GBK, CGCS2000 zone 42), importing them with the command line"
python3 bench/imports/generate.py "$points" "$polygons" "$WORK"
generated_shapefile_zip points
generated_shapefile_zip polygons
(cd "$WORK" && java -jar "$JAR" import points.zip --layer big-points | tail -1)
(cd "$WORK" && java -jar "$JAR" import polygons.zip --layer big-polygons | tail -1)

port=$(free_port)
results="$WORK/results.tsv"
for run in memory store; do
  index=()
  [ "$run" = store ] && index=(--plan.tiles.point-index-size=0)
  (cd "$WORK" && exec java -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
    --plan.tiles.cache-size=0 "${index[@]}" >"$WORK/service-$run.log" 2>&1) &
  service_pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    sleep 1
    kill -0 "$service_pid" 2>/dev/null || { cat "$WORK/service-$run.log"; exit 1; }
  done
  layers=(big-points)
  [ "$run" = store ] || layers+=(big-polygons)
  for layer in "${layers[@]}"; do
    echo "timing tiles: $layer, $run"
    python3 - "$port" "$repeat" "$run" "$layer" >>"$results" <<'PY'
import math, statistics, subprocess, sys
port, repeat, run, layer = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
lon, lat = 125.32, 43.88


def tile(z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return z, y, x


def fetch(z, y, x):
    url = f"http://127.0.0.1:{port}/ogc/collections/{layer}/tiles/WebMercatorQuad/{z}/{y}/{x}"
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-m", "120", "-w", "%{http_code} %{size_download} %{time_total}",
                          url], capture_output=True, text=True).stdout.split()
    return out[0], out[1], float(out[2]) * 1000


for z in range(13, 17):
    for i in range(20):
        fetch(*tile(z))
for z in range(6, 17):
    times, status, size = [], "", ""
    for i in range(repeat + 1):
        status, size, ms = fetch(*tile(z))
        times.append(ms)
    z, y, x = tile(z)
    print(f"{layer}\t{run}\t{z}/{y}/{x}\t{status}\t{size}\t{times[0]:.0f}\t{statistics.median(times[1:]):.0f}", flush=True)
PY
  done
  grep -h "Point index of layer" "$WORK/service-$run.log" | sed 's/.*: Point/  Point/' || true
  kill "$service_pid"
  wait "$service_pid" 2>/dev/null || true
  service_pid=
done

python3 - "$results" "$points" "$repeat" "$polygons" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
by = {(r[0], r[1], r[2]): r for r in rows}
print(f"\n{sys.argv[2]} points, cache off; ms: first request, then the median of {sys.argv[3]} more\n")
print("| tile | from memory: status, bytes | first ms | median ms | read from H2GIS: status, bytes | first ms | median ms | H2GIS / memory (median) |")
print("|---|---|---:|---:|---|---:|---:|---:|")
for tile in [r[2] for r in rows if r[:2] == ["big-points", "memory"]]:
    m, s = by[("big-points", "memory", tile)], by[("big-points", "store", tile)]
    ratio = float(s[6]) / max(1.0, float(m[6]))
    print(f"| {tile} | {m[3]}, {int(m[4]):,} | {m[5]} | {m[6]} | {s[3]}, {int(s[4]):,} | {s[5]} | {s[6]} | {ratio:.1f}x |")
print(f"\n{sys.argv[4]} polygons, cache off, the default service; ms: first request, then the median of {sys.argv[3]} more\n")
print("| tile | status, bytes | first ms | median ms |")
print("|---|---|---:|---:|")
for r in rows:
    if r[0] == "big-polygons":
        print(f"| {r[2]} | {r[3]}, {int(r[4]):,} | {r[5]} | {r[6]} |")
PY
