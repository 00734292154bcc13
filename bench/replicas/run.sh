#!/usr/bin/env bash
# bench/replicas/run.sh: what does a read standby take off the primary, with two service replicas?
#
# One command, nothing to set up:  bench/replicas/run.sh        (as root: it may apt-get install)
# It builds the service, starts a throwaway PostgreSQL 15 + PostGIS primary with a generated
# project layer (POINTS points + POLYGONS polygons, loaded by the first service at start-up),
# clones it with `pg_basebackup -R` into a streaming hot standby, and measures cold vector tiles
# (tile caches off, so every tile is an ST_AsMVT in a database) from TWO service replicas at once,
# each asked by its own wrk over the same tile list (bench/tiles/tile_list.py), in two set-ups:
#   * primary   both replicas on the primary alone (no plan.store.read-url)
#   * standby   both replicas with plan.store.read-url on the standby
# For each it prints the tiles/s of the two replicas together, the worse p50/p99 of the two, the
# CPU each database used, and (standby set-up) the share of reads the standby answered
# (plan_store_reads_total). Everything listens on 127.0.0.1 and is stopped on exit, by PID.
#
# All four processes (two services, two databases) share this machine's CPUs: the figures show
# where the work goes (primary vs standby CPU), not what separate machines would give. On a
# machine shared with others they are noisy: each result records the others' CPU share.
#
# Settings (environment variables):
#   POINTS=200000   POLYGONS=20000   generated project points and polygons
#   DURATION=20     seconds per measurement      CONNECTIONS=4   wrk connections per replica
#   WARMUP=10       seconds of load per replica before measuring (JIT)
#   LAYER=projects  the collection whose tiles are asked ("all": /ogc/tiles, every plan layer)
#   REF=HEAD        what to measure (a commit, or worktree); JAR= an already built jar
#   BUILD_DIR=/tmp/replicas-src   where the source tree is copied and built (kept: Maven's cache)
#   KEEP_WORK=0     1 keeps the temporary folder      QUIET_WAIT=60   seconds to wait for quiet
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

POINTS="${POINTS:-200000}"
POLYGONS="${POLYGONS:-20000}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-4}"
WARMUP="${WARMUP:-10}"
LAYER="${LAYER:-projects}"
REF="${REF:-HEAD}"
JAR="${JAR:-}"
BUILD_DIR="${BUILD_DIR:-/tmp/replicas-src}"
KEEP_WORK="${KEEP_WORK:-0}"
QUIET_WAIT="${QUIET_WAIT:-60}"
START_TIMEOUT="${START_TIMEOUT:-1200}"

DB=bench
WORK=""
STANDBY_DATA=""
STANDBY_PORT=""

# shellcheck source=../lib/harness.sh
source "$ROOT/bench/lib/harness.sh"

cleanup() {
  local status=$?
  set +e
  for pid in $SERVICE_PIDS; do stop_pid "$pid" "a service"; done
  [ -z "$STANDBY_DATA" ] || pg_as_owner "$PG_BIN/pg_ctl" -D "$STANDBY_DATA" -m fast -w stop >/dev/null 2>&1
  stop_postgres
  if [ -n "$WORK" ]; then
    if [ "$KEEP_WORK" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit $status
}
trap cleanup EXIT

# The primary's clone, streaming from it: what an operator does (docs/scaling.md).
start_standby() {
  STANDBY_DATA="$WORK/standby/data"
  STANDBY_PORT="$(free_port)"
  mkdir -p "$WORK/standby"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$WORK/standby"
  log "pg_basebackup -R into $STANDBY_DATA"
  pg_as_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$STANDBY_DATA" -R -X stream -c fast
  pg_as_owner "$PG_BIN/pg_ctl" -D "$STANDBY_DATA" -l "$WORK/standby/log" -w -o \
    "-p $STANDBY_PORT -k $WORK/standby -c listen_addresses=127.0.0.1 -c hot_standby=on" start >/dev/null
  log "standby listens on 127.0.0.1:$STANDBY_PORT"
}

# The harness counts the primary's CPU as ours and asks this hook for other processes of ours: the
# standby's, so that "others' CPU" is only what other people's work used.
web_pids() {
  [ -z "$STANDBY_DATA" ] || [ ! -f "$STANDBY_DATA/postmaster.pid" ] && return 0
  local postmaster
  postmaster="$(head -1 "$STANDBY_DATA/postmaster.pid")"
  echo "$postmaster" $(pgrep -P "$postmaster" || true)
}

# CPU ticks of a cluster's postmaster and its live backends (reaped ones through cutime).
cluster_ticks() {
  local postmaster
  postmaster="$(head -1 "$1/postmaster.pid")"
  # shellcheck disable=SC2046
  ticks "$postmaster" $(pgrep -P "$postmaster" || true)
}

reads_on() {  # PORT DATABASE: plan_store_reads_total{database=...} of one replica
  curl -fs "http://127.0.0.1:$1/actuator/prometheus" \
    | awk -v db="$2" '$1 ~ "^plan_store_reads_total" && $1 ~ "database=\"" db "\"" { s += $2 } END { print s + 0 }'
}

# measure SETUP PORT_A PORT_B: both replicas under load at once; prints one table row.
measure() {
  local setup="$1" a="$2" b="$3"
  for port in "$a" "$b"; do load_wrk "$WARMUP" "http://127.0.0.1:$port" "$WORK/paths.txt"; done
  wait_for_quiet
  local primary0 standby0=0 primary1 standby1=0 on_standby0=0 on_primary0=0
  primary0="$(cluster_ticks "$PG_DATA")"
  [ "$setup" = primary ] || standby0="$(cluster_ticks "$STANDBY_DATA")"
  if [ "$setup" = standby ]; then
    on_standby0=$(( $(reads_on "$a" standby) + $(reads_on "$b" standby) ))
    on_primary0=$(( $(reads_on "$a" primary) + $(reads_on "$b" primary) ))
  fi
  interference_start
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 30s -s "$ROOT/bench/lib/cycle.lua" \
    "http://127.0.0.1:$a" -- "$WORK/paths.txt" >"$WORK/$setup-a.txt" &
  local wrk_a=$!
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 30s -s "$ROOT/bench/lib/cycle.lua" \
    "http://127.0.0.1:$b" -- "$WORK/paths.txt" >"$WORK/$setup-b.txt"
  wait "$wrk_a"
  interference_end
  primary1="$(cluster_ticks "$PG_DATA")"
  [ "$setup" = primary ] || standby1="$(cluster_ticks "$STANDBY_DATA")"
  local share="-"
  if [ "$setup" = standby ]; then
    local on_standby on_primary
    on_standby=$(( $(reads_on "$a" standby) + $(reads_on "$b" standby) - on_standby0 ))
    on_primary=$(( $(reads_on "$a" primary) + $(reads_on "$b" primary) - on_primary0 ))
    share="$(awk -v s="$on_standby" -v p="$on_primary" 'BEGIN { printf "%.0f %%", (s + p > 0) ? 100 * s / (s + p) : 0 }')"
  fi
  python3 - "$WORK/$setup-a.txt" "$WORK/$setup-b.txt" "$setup" "$((primary1 - primary0))" \
      "$((standby1 - standby0))" "$share" "$OTHERS" "$DURATION" <<'EOF'
import re, sys, os
a, b, setup, primary, standby, share, others, duration = sys.argv[1:]
def result(path):
    line = next(l for l in open(path) if l.startswith("RESULT "))
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
ra, rb = result(a), result(b)
if ra["non2xx"] or rb["non2xx"] or ra["socket_errors"] or rb["socket_errors"]:
    sys.exit(f"{setup}: errors in the answers (see {a}, {b})")
hz = os.sysconf("SC_CLK_TCK") * float(duration)
print(f"| {setup} | {ra['rps'] + rb['rps']:.0f} | {max(ra['p50_us'], rb['p50_us']) / 1000:.1f} | "
      f"{max(ra['p99_us'], rb['p99_us']) / 1000:.1f} | {100 * int(primary) / hz:.0f} % | "
      f"{100 * int(standby) / hz:.0f} % | {share} | {others} % |")
EOF
}

apt_install $(missing_base_packages)
make_workdir replicas
build_jar
start_postgres -c wal_level=replica -c max_wal_senders=4
generate_projects "$POINTS" "$POLYGONS" 42
python3 "$ROOT/bench/tiles/tile_list.py" --out "$WORK/tiles.txt" --seed 7 >/dev/null
if [ "$LAYER" = all ]; then prefix=/ogc/tiles/WebMercatorQuad; else prefix="/ogc/collections/$LAYER/tiles/WebMercatorQuad"; fi
awk -v p="$prefix" '{ print p "/" $1 "/" $2 "/" $3 }' "$WORK/tiles.txt" >"$WORK/paths.txt"

# the first replica loads the data into the primary; then the standby is cloned from it
port_a="$(free_port)"; port_b="$(free_port)"
start_service a "$port_a" --plan.tiles.cache-size=0
start_service b "$port_b" --plan.tiles.cache-size=0 --plan.data.load=false
start_standby

rows=("| set-up | tiles/s (2 replicas) | p50 ms | p99 ms | primary CPU | standby CPU | reads on standby | others' CPU |" \
      "|---|---|---|---|---|---|---|---|")
rows+=("$(measure primary "$port_a" "$port_b")")
for pid in $SERVICE_PIDS; do stop_pid "$pid" "a service"; done
SERVICE_PIDS=""
read_url="jdbc:postgresql://127.0.0.1:$STANDBY_PORT/$DB"
start_service a2 "$port_a" --plan.tiles.cache-size=0 --plan.data.load=false --plan.store.read-url="$read_url"
start_service b2 "$port_b" --plan.tiles.cache-size=0 --plan.data.load=false --plan.store.read-url="$read_url"
rows+=("$(measure standby "$port_a" "$port_b")")

echo
echo "## Two service replicas, cold $LAYER tiles ($(wc -l <"$WORK/paths.txt") tiles, z8-z16), $CONNECTIONS connections each, ${DURATION} s"
echo
echo "- $(date -u +%Y-%m-%d), $SOURCE_DESCRIPTION; $POINTS points + $POLYGONS polygons"
machine_line
echo "- CPU is % of one core over the measurement; all four processes share the machine"
echo
printf '%s\n' "${rows[@]}"
