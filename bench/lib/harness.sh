# bench/lib/harness.sh: what the benchmarks share (building the service, a throwaway PostGIS
# cluster, starting services, measuring with wrk and pgbench on a machine shared with others).
# Sourced, not run. The sourcing script sets ROOT (the repository) and calls make_workdir first;
# the functions keep their state in these globals:
#   WORK                          the run's temporary folder (make_workdir)
#   JAR, SRC, SOURCE_DESCRIPTION  the service measured, its source tree (build_jar; reads JAR, REF,
#                                 BUILD_DIR)
#   PG_BIN, PG_DATA, PG_PORT, DB  the throwaway cluster (start_postgres)
#   SERVICE_PIDS                  the services started (start_service), for the CPU accounting
#   OTHERS, CPU_PARTS             where the CPU went during the last measurement (interference_end)
# and read these settings: DURATION (seconds per measurement), START_TIMEOUT, QUIET_LIMIT,
# QUIET_WAIT, QUIET_BUDGET.

# shellcheck source=../../scripts/lib/pg-cluster.sh
source "$ROOT/scripts/lib/pg-cluster.sh"

SERVICE_PIDS=""
OTHERS=0             # % of the machine's CPU other processes used during the last measurement
CPU_PARTS="0 0 0 0"  # CPU ticks of our parts (services, PostgreSQL, web servers, clients) during it
QUIET_SPENT=0        # seconds waited for quiet so far

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# apt_install PACKAGE...: installs them with apt-get, Debian's packages only (as root, or with sudo).
apt_install() {
  [ $# -gt 0 ] || return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing $*"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# What the throwaway cluster and the load generators need and this machine lacks, one per line.
missing_base_packages() {
  [ -x /usr/lib/postgresql/15/bin/initdb ] || echo postgresql-15
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || echo postgresql-15-postgis-3
  command -v wrk >/dev/null || echo wrk
  command -v curl >/dev/null || echo curl
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# make_workdir NAME: a fresh /tmp/bench-NAME.XXXXXX that the postgres user (the cluster) and
# nobody (nginx) can read.
make_workdir() {
  WORK="$(mktemp -d "/tmp/bench-$1.XXXXXX")"
  chmod 755 "$WORK"
  log "working in $WORK"
}

# stop_pid PID NAME [GRACE]: TERM, up to GRACE (30) seconds to finish, then KILL.
stop_pid() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"
  for _ in $(seq 1 "${3:-30}"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  log "$2 (pid $pid) did not stop; killing it"
  kill -9 "$pid" 2>/dev/null || true
}

# Builds the service in a copy of the sources (others build in the repository's own folder at
# the same time; its target/ is left alone): REF=worktree (the default) copies the working tree,
# uncommitted changes included, another REF is a commit taken with `git archive`. BUILD_DIR
# (default $WORK/src) may be kept between runs: its target/ survives, so Maven recompiles only
# what changed. JAR= an already built jar skips all that (gis-data/ is then the working tree's).
build_jar() {
  if [ -n "${JAR:-}" ]; then
    [ -f "$JAR" ] || die "no $JAR"
    SRC="$ROOT"
    # named without its folder: the report is read on other machines
    SOURCE_DESCRIPTION="prebuilt jar $(basename "$JAR"), gis-data/ of the working tree at $(git -C "$ROOT" rev-parse --short HEAD)"
    return
  fi
  local ref="${REF:-worktree}"
  SRC="${BUILD_DIR:-$WORK/src}"
  mkdir -p "$SRC"
  find "$SRC" -mindepth 1 -maxdepth 1 ! -name target -exec rm -rf {} +
  if [ "$ref" = worktree ]; then
    tar -C "$ROOT" --exclude=./.git --exclude=./target --exclude=./data --exclude=./bench -cf - . | tar -C "$SRC" -xf -
    SOURCE_DESCRIPTION="working tree at $(git -C "$ROOT" rev-parse --short HEAD) with \
$(git -C "$ROOT" --no-optional-locks status --porcelain -- src pom.xml gis-data | wc -l) changed/new files under src/, pom.xml, gis-data/"
  else
    git -C "$ROOT" archive --format=tar "$ref" | tar -C "$SRC" -xf -
    SOURCE_DESCRIPTION="commit $(git -C "$ROOT" rev-parse --short "$ref") ($(git -C "$ROOT" log -1 --format=%cs "$ref"))"
  fi
  log "building the service in $SRC ($SOURCE_DESCRIPTION)"
  (cd "$SRC" && ./mvnw -B -ntp -q package -DskipTests >"$WORK/build.log" 2>&1) \
    || { tail -30 "$WORK/build.log" >&2; die "build failed"; }
  JAR="$(ls "$SRC"/target/changchun-layout-*.jar | grep -v -- '-plain\.jar$' | head -1)"
}

# start_postgres [SERVER_OPTION...]: a cluster of our own on a free port under $WORK/pg, with
# database $DB, PostGIS and pg_stat_statements (which counts what each peer sends per request).
# fsync is off: nothing here must survive a crash.
start_postgres() {
  log "initdb + start PostgreSQL"
  pg_cluster_start "$WORK/pg" -c synchronous_commit=off -c shared_preload_libraries=pg_stat_statements "$@"
  PG_DATA="$WORK/pg/data"
  log "PostgreSQL listens on 127.0.0.1:$PG_PORT"
  psql_admin postgres -c "CREATE DATABASE $DB" >/dev/null
  psql_admin "$DB" -c "CREATE EXTENSION postgis; CREATE EXTENSION pg_stat_statements" >/dev/null
}

stop_postgres() {
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    pg_cluster_stop "$WORK/pg"
  fi
}

# Over TCP like the service's JDBC driver, pgbench and MapServer, so all pay the same path.
psql_admin() {
  local database="$1"; shift
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$database" "$@"
}
sql() { psql_admin "$DB" -At -c "$1"; }

# generate_projects POINTS POLYGONS SEED: the plan data of $SRC as shipped, in $WORK/gis-data,
# with the sample projects replaced by a generated library (the projects layer's own fields, so
# the service reads it like the real one).
generate_projects() {
  cp -r "$SRC/gis-data" "$WORK/gis-data"
  log "generating $1 points + $2 polygons as the projects layer"
  python3 "$ROOT/bench/lib/generate_projects.py" --layers "$SRC/gis-data/layers.json" \
    --sample "$SRC/gis-data/projects.geojson" --points "$1" --polygons "$2" --seed "$3" \
    --out "$WORK/gis-data/projects.geojson" >&2
}

# start_service NAME PORT [SETTING...]: the jar on $DB, with the plan data of $WORK/gis-data,
# run in $WORK/NAME (so it writes nothing into the repository); waits until it answers, at most
# START_TIMEOUT seconds. Sets STARTED_PID and adds it to SERVICE_PIDS; JAVA_OPTS are its JVM flags.
start_service() {
  local name="$1" port="$2" started=$SECONDS
  shift 2
  mkdir -p "$WORK/$name"
  log "starting the $name service on 127.0.0.1:$port${*:+ $*}"
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
  (cd "$WORK/$name" && exec java ${JAVA_OPTS:-} -jar "$JAR" \
      --server.address=127.0.0.1 --server.port="$port" \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
      --spring.datasource.username=postgres --spring.datasource.password=trust-auth \
      --plan.security.allow-insecure-defaults=true \
      --plan.data.location="file:$WORK/gis-data/" "$@" >"$WORK/$name/service.log" 2>&1) &
  STARTED_PID=$!
  SERVICE_PIDS="$SERVICE_PIDS $STARTED_PID"
  await_service "$name" "$port" "$STARTED_PID" "$started"
}

# await_service NAME PORT PID STARTED: waits until the service started at SECONDS=STARTED in
# $WORK/NAME answers on PORT, at most START_TIMEOUT seconds; dies with its log's tail if it stops.
await_service() {
  local name="$1" port="$2" pid="$3" started="$4"
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { tail -40 "$WORK/$name/service.log" >&2; die "the $name service stopped"; }
    [ $((SECONDS - started)) -lt "${START_TIMEOUT:-1200}" ] || die "the $name service did not start in ${START_TIMEOUT:-1200}s"
    sleep 2
  done
  log "$name service up after $((SECONDS - started))s"
}

# ------------------------------------------------------------------------------ measuring

# Someone else's work on the machine skews a measurement, so each one records how much CPU went
# to processes that are not ours: the machine's busy time (/proc/stat) minus what our processes
# used (/proc/PID/stat, by part: see our_ticks). The parts also tell where a request's CPU goes.
machine_ticks() {  # "busy total" over all CPUs
  awk 'NR == 1 { for (i = 2; i <= 9; i++) { t += $i; if (i != 5 && i != 6) b += $i }; print b, t }' /proc/stat
}
# ticks PID...: the CPU clock ticks these processes and their reaped children used so far.
ticks() {
  local pid
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done \
    | awk '{ sub(/^.*\) /, ""); s += $12 + $13 + $14 + $15 } END { print s + 0 }'
}
# "services postgres web clients": our CPU ticks by part: the services; PostgreSQL (postmaster,
# live backends, reaped ones through its cutime); the web servers the sourcing script names in
# a web_pids function, if it has one; this script with its reaped children (wrk, pgbench, psql,
# curl, python) and the live clients in CLIENT_PIDS.
our_ticks() {
  local postmaster="" web=""
  [ -f "${PG_DATA:-}/postmaster.pid" ] && postmaster="$(head -1 "$PG_DATA/postmaster.pid")"
  ! declare -F web_pids >/dev/null || web="$(web_pids)"
  # shellcheck disable=SC2046,SC2086  # one PID per word
  echo "$(ticks $SERVICE_PIDS)" \
       "$(ticks $postmaster $( [ -z "$postmaster" ] || pgrep -P "$postmaster" || true))" \
       "$(ticks $web)" "$(ticks $$ ${CLIENT_PIDS:-})"
}
interference_start() {
  read -r BUSY0 TOTAL0 <<<"$(machine_ticks)"
  read -r SERVICE0 PG0 WEB0 CLIENT0 <<<"$(our_ticks)"
}
# Sets OTHERS, and CPU_PARTS: each part's CPU ticks during the measurement.
interference_end() {
  local busy total service pg web client
  read -r busy total <<<"$(machine_ticks)"
  read -r service pg web client <<<"$(our_ticks)"
  CPU_PARTS="$((service - SERVICE0)) $((pg - PG0)) $((web - WEB0)) $((client - CLIENT0))"
  OTHERS="$(awk -v b=$((busy - BUSY0)) -v t=$((total - TOTAL0)) -v o=$((service - SERVICE0 + pg - PG0 + web - WEB0 + client - CLIENT0)) \
    'BEGIN { x = (b - o) / t * 100; printf "%.0f", x < 0 ? 0 : x }')"
}

# Waits until other processes have used under QUIET_LIMIT (10) % of the machine for 3 s (ours are
# idle between measurements), at most QUIET_WAIT (120) seconds and QUIET_BUDGET (unbounded) in
# the whole run; then measures anyway, and the result records how busy the machine was.
wait_for_quiet() {
  local waited=0
  while true; do
    interference_start; sleep 3; interference_end
    [ "$OTHERS" -ge "${QUIET_LIMIT:-10}" ] || return 0
    if [ "$waited" -ge "${QUIET_WAIT:-120}" ] || [ "$QUIET_SPENT" -ge "${QUIET_BUDGET:-999999}" ]; then
      log "other processes use $OTHERS % of the machine; measuring anyway (recorded)"
      return 0
    fi
    [ "$waited" -gt 0 ] || log "other processes use $OTHERS % of the machine; waiting for quiet"
    waited=$((waited + 3)); QUIET_SPENT=$((QUIET_SPENT + 3))
  done
}

db_stats_reset() { sql "SELECT pg_stat_statements_reset()" >/dev/null; }

# measure_wrk OUT THREADS CONNECTIONS URL PATHS [HEADER]: once the machine is quiet, DURATION
# seconds of wrk cycling through the paths (lib/cycle.lua), with the DB's statement counters
# reset and the CPU accounted. Sets requests, rps, mean_us, p50_us, p99_us and bytes from
# cycle.lua's RESULT line; a status >= 400 or a socket error stops the run.
measure_wrk() {
  local out="$1" threads="$2" connections="$3" url="$4" paths="$5"
  wait_for_quiet
  db_stats_reset
  interference_start
  wrk -t "$threads" -c "$connections" -d "${DURATION}s" --timeout 30s --latency -s "$ROOT/bench/lib/cycle.lua" \
    "$url" -- "$paths" ${6:+"$6"} >"$out"
  interference_end
  local line
  line="$(grep '^RESULT ' "$out")" || die "wrk printed no RESULT line (see $out)"
  # shellcheck disable=SC2034  # duration_us is part of the line
  local duration_us non2xx socket_errors
  eval "${line#RESULT }"
  { [ "$non2xx" -eq 0 ] && [ "$socket_errors" -eq 0 ]; } \
    || die "$non2xx answers >= 400, $socket_errors socket errors (see $out)"
}

# measure_pgbench OUT CLIENTS THREADS SCRIPT [PGBENCH_OPTION...]: the same for pgbench running
# SCRIPT with prepared statements (as pgjdbc uses them after a few runs) over TCP, with a
# per-transaction log for the percentiles, corrected for coordinated omission as wrk corrects its
# own (lib/pgbench_stats.py), so that they compare with wrk's. Sets tps, and count, mean, p50, p99 (µs).
measure_pgbench() {
  local out="$1" clients="$2" threads="$3" script="$4"
  shift 4
  wait_for_quiet
  db_stats_reset
  interference_start
  (cd "$WORK" && "$PG_BIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres \
      -c "$clients" -j "$threads" -T "$DURATION" "$@" -f "$script" -l --log-prefix="$out.log" "$DB" >"$out.txt" 2>&1) \
    || { cat "$out.txt" >&2; die "pgbench $script failed"; }
  interference_end
  tps="$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out.txt")"
  read -r count mean p50 p99 <<<"$(python3 "$ROOT/bench/lib/pgbench_stats.py" "$out.log" "$clients" "$DURATION")"
}

machine_line() {
  echo "- machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
}

# generated_shapefile_zip NAME: $WORK/NAME.csv, as bench/imports/generate.py writes it (WKT in
# WGS84), as an agency would deliver it: a GBK shapefile in CGCS2000 3-degree Gauss-Kruger zone
# 42 (EPSG:4530), zipped with its .cpg into $WORK/NAME.zip.
generated_shapefile_zip() {
  local name="$1"
  ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK -s_srs EPSG:4326 -t_srs EPSG:4530 -oo GEOM_POSSIBLE_NAMES=WKT \
    -oo KEEP_GEOM_COLUMNS=NO "$WORK/$name.shp" "$WORK/$name.csv"
  (cd "$WORK" && zip -q "$name.zip" "$name.shp" "$name.shx" "$name.dbf" "$name.prj" "$name.cpg")
}

# load_wrk SECONDS URL PATHS: unmeasured load (warm-up, profiling), two connections cycling through
# the paths.
load_wrk() {
  wrk -t 2 -c 2 -d "$1s" -s "$ROOT/bench/lib/cycle.lua" "$2" -- "$3" >/dev/null
}

# compiler_ticks PID: the CPU clock ticks the JVM's JIT compiler threads used so far.
compiler_ticks() {
  local task total=0
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) total=$((total + $(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$total"
}

# warm_until_compiled PID SECONDS URL PATHS: load_wrk for at least SECONDS, then in rounds of 5 s
# until the service's JIT compilers used under JIT_SETTLED_SHARE of a CPU in two rounds in a row,
# at most JIT_WARMUP_MAX seconds in all. On two cores the C2 compiler is still compiling the items
# path 40 s into a load, taking a fifth of a core and a third off the request rate: a measurement
# after a fixed 10 s caught the JIT, not the service (docs/benchmarks.md, "OGC API items").
# Sets WARMED_S and WARM_COMPILER_SHARE (of the last round) for the report.
warm_until_compiled() {
  local pid="$1" least="$2" url="$3" paths="$4" started=$SECONDS settled=0 before after
  load_wrk "$least" "$url" "$paths"
  WARM_COMPILER_SHARE=""
  while [ "$settled" -lt 2 ] && [ $((SECONDS - started)) -lt "${JIT_WARMUP_MAX:-120}" ]; do
    before="$(compiler_ticks "$pid")"
    load_wrk 5 "$url" "$paths"
    after="$(compiler_ticks "$pid")"
    WARM_COMPILER_SHARE="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz / 5 }')"
    if awk -v s="$WARM_COMPILER_SHARE" -v limit="${JIT_SETTLED_SHARE:-0.05}" 'BEGIN { exit !(s < limit) }'; then
      settled=$((settled + 1))
    else
      settled=0
    fi
  done
  WARMED_S=$((SECONDS - started))
  log "warmed up ${WARMED_S}s (JIT compilers in the last 5 s: ${WARM_COMPILER_SHARE:-?} of a CPU)"
}

# profile_jfr PID KIND URL PATHS OUT: DURATION seconds of load_wrk on a service under Java Flight
# Recorder (sampling, low overhead), apart from the measurements so it does not touch them;
# lib/jfr_profile.py sorts the request threads' samples into buckets of KIND (items, tiles) into OUT.
profile_jfr() {
  local pid="$1" kind="$2" url="$3" paths="$4" out="$5"
  jcmd "$pid" JFR.start name=bench settings=profile filename="$out.jfr" >/dev/null
  load_wrk "$DURATION" "$url" "$paths"
  jcmd "$pid" JFR.stop name=bench >/dev/null
  jfr print --events jdk.ExecutionSample,jdk.GarbageCollection --stack-depth 96 "$out.jfr" \
    | python3 "$ROOT/bench/lib/jfr_profile.py" "$kind" >"$out"
}
