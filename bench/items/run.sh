#!/usr/bin/env bash
# bench/items/run.sh: how far is the OGC API items endpoint from the SQL it runs?
#
# One command, nothing to set up:  bench/items/run.sh
# It provisions a throwaway PostgreSQL 15 + PostGIS cluster, generates a synthetic project
# library of N projects, starts the service jar on it (loading the library at start-up), picks
# bboxes that each match at least 1,000 projects, and measures at the same concurrency, in the
# same run:
#   * the service:   GET /ogc/collections/projects/items?bbox=...&limit=1000   (wrk)
#   * the floor:     the page query + COUNT(*) the service sends, straight in PostGIS (pgbench)
#   * a variant:     the same, but PostGIS renders the GeoJSON page itself (pgbench)
# plus a single-feature request and /api/identify for the record, then prints a table with the
# service/floor ratios. Everything runs on this machine: client, service and database share
# the CPUs, as they would on a one-box deployment.
#
# Settings (environment variables):
#   N=200000         projects to generate
#   DURATION=20      seconds per measurement
#   WARMUP=30        seconds of load on the service before measuring at least, then more until its JIT
#                    compilers settle (JIT_SETTLED_SHARE=0.05 of a CPU, JIT_WARMUP_MAX=120 s; bench/lib/harness.sh)
#   CLIENTS="1 2"    concurrency levels (wrk connections = pgbench clients)
#   ROUNDS=3         rounds of floor/service pairs; the report gives medians, because on a small
#                    VM two consecutive 20 s runs can differ by 20 % (single client especially)
#   BBOXES=20        bboxes to cycle through
#   MIN_MATCHED=1000 each bbox matches at least this many projects (the page size is 1000)
#   SEED=42          seed of the data and of the bbox choice
#   REF=HEAD         what to measure: a commit, built from `git archive` in the temporary folder
#                    (never in the repository's own target/, which someone may be using), or
#                    REF=worktree for the working tree as it is, uncommitted changes included
#   JAR=             an already built service jar to measure instead (no build; gis-data/ is
#                    then taken from the working tree)
#   JAVA_OPTS=       extra JVM flags for the service (default: none, JVM defaults)
#   NICE=-10         as root, the niceness this script and everything it starts (service,
#                    PostgreSQL, wrk, pgbench) run at, so that other work on a shared machine
#                    disturbs the measurements less; NICE= leaves it alone
#   QUIET_WAIT=600   before each measurement, wait up to this many seconds for other processes
#                    to use under 10 % of the machine (a shared box); each result records
#                    what others used during it, and noisy rounds are left out of the ratios
#   PROFILE=1        1 adds one more items run (2 connections) under Java Flight Recorder and
#                    reports where the service's Java CPU time goes; not used for the figures
#   KEEP_WORK=0      1 keeps the temporary folder (data, logs, scripts) for inspection
#   RESULTS=bench/items/last-run.md   where the final table is also written
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

N="${N:-200000}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-30}"
CLIENTS="${CLIENTS:-1 2}"
ROUNDS="${ROUNDS:-3}"
BBOXES="${BBOXES:-20}"
MIN_MATCHED="${MIN_MATCHED:-1000}"
SEED="${SEED:-42}"
REF="${REF:-HEAD}"
JAR="${JAR:-}"
JAVA_OPTS="${JAVA_OPTS:-}"
PROFILE="${PROFILE:-1}"
QUIET_WAIT="${QUIET_WAIT:-600}"
NICE="${NICE--10}"
KEEP_WORK="${KEEP_WORK:-0}"
RESULTS="${RESULTS:-$HERE/last-run.md}"
START_TIMEOUT="${START_TIMEOUT:-1200}"  # seconds the service may take to load and open its port

DB=bench
PAGE=1000

WORK=""
HTTP_PORT=""
SERVICE_PID=""
GZIP_BYTES=0
ROUND=1       # the measuring round the next result belongs to

# log, die, build_jar, start_postgres, start_service, measure_wrk, measure_pgbench, ...
# shellcheck source=../lib/harness.sh
source "$ROOT/bench/lib/harness.sh"

# ---------------------------------------------------------------------------------- set-up

ensure_tools() {
  # shellcheck disable=SC2046  # one package per word
  apt_install $(missing_base_packages)
  command -v java >/dev/null 2>&1 || die "java (17+) is needed"
  command -v python3 >/dev/null 2>&1 || die "python3 is needed (standard library only)"
  if [ "$PROFILE" = 1 ] && ! { command -v jcmd && command -v jfr; } >/dev/null 2>&1; then
    log "no jcmd/jfr (a full JDK has them): skipping the profile"
    PROFILE=0
  fi
}

# Runs on every exit (success, failure, Ctrl-C): stops what this script started, by PID or
# data folder, and removes the temporary folder.
cleanup() {
  local status=$?
  set +e
  stop_pid "$SERVICE_PID" "the service"
  stop_postgres
  if [ -n "$WORK" ]; then
    if [ "$KEEP_WORK" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  fi
  exit $status
}

# The service on the generated library, which it loads (all N projects) before its port opens.
start_items_service() {
  HTTP_PORT="$(free_port)"
  local started=$SECONDS
  start_service items "$HTTP_PORT"
  SERVICE_PID=$STARTED_PID
  STARTUP_S=$((SECONDS - started))
  LOAD_LINE="$(grep -o 'Loaded layer projects: .* ms' "$WORK/items/service.log" | tail -1)"
  [ -n "$LOAD_LINE" ] || die "no 'Loaded layer projects' line in the service log"
  log "$LOAD_LINE"
}

# The current projects table and its columns, as the service resolves them; then fresh
# statistics, which a production database would have too (autovacuum gets there eventually).
inspect_table() {
  local version
  version="$(sql "SELECT current_version FROM layer WHERE id = 'projects'")"
  TABLE="lv_$version"
  FIELD_COUNT="$(sql "SELECT count(*) FROM layer_field WHERE version_id = $version")"
  COLUMNS="id$(for i in $(seq 1 "$FIELD_COUNT"); do printf ', c_%d' "$i"; done)"
  # 'name', c_1, 'name_en', c_2, ... for the PostGIS-renders-GeoJSON variant
  PROPERTIES="$(sql "SELECT string_agg(format('%L, c_%s', name, ordinal), ', ' ORDER BY ordinal)
                     FROM layer_field WHERE version_id = $version")"
  psql_admin "$DB" -c "VACUUM ANALYZE $TABLE" >/dev/null
  ROWS="$(sql "SELECT count(*) FROM $TABLE")"
  [ "$ROWS" -eq "$N" ] || die "$TABLE has $ROWS rows, expected $N"
  log "projects are in $TABLE ($ROWS rows, $FIELD_COUNT fields)"
}

# BBOXES random centres near the city centre; for each, the smallest of a series of boxes
# (growing 1.25x in side, square on the ground) that matches at least MIN_MATCHED projects
# with exactly the service's condition. The recursion grows a box only while it matches too
# few, so only a handful of counts run per centre. Corners are rounded outwards to 4 decimals,
# so the numbers in the URL and in pgbench are the same and the box only grows.
choose_bboxes() {
  log "choosing $BBOXES bboxes matching >= $MIN_MATCHED projects"
  psql_admin "$DB" -At -F ' ' >"$WORK/bboxes.txt" <<SQL
CREATE FUNCTION pg_temp.box(cx float8, cy float8, k int, OUT x1 numeric, OUT y1 numeric,
                            OUT x2 numeric, OUT y2 numeric) LANGUAGE sql IMMUTABLE AS \$\$
  SELECT round(floor((cx - h) * 1e4)::numeric / 1e4, 4), round(floor((cy - h * 0.72) * 1e4)::numeric / 1e4, 4),
         round(ceil((cx + h) * 1e4)::numeric / 1e4, 4), round(ceil((cy + h * 0.72) * 1e4)::numeric / 1e4, 4)
  FROM (SELECT 0.002 * 1.25 ^ k AS h) half \$\$;
CREATE FUNCTION pg_temp.matched(x1 numeric, y1 numeric, x2 numeric, y2 numeric) RETURNS bigint
  LANGUAGE sql STABLE AS \$\$
  SELECT count(*) FROM $TABLE WHERE geom && ST_MakeEnvelope(x1, y1, x2, y2, 4326)
                                AND ST_Intersects(geom, ST_MakeEnvelope(x1, y1, x2, y2, 4326)) \$\$;
SELECT setseed(0.$SEED) \\g /dev/null
WITH RECURSIVE centres AS MATERIALIZED (
  SELECT n, 125.32 + (random() - 0.5) * 0.16 AS cx, 43.88 + (random() - 0.5) * 0.12 AS cy
  FROM generate_series(1, $BBOXES) n
), grown(n, cx, cy, k, x1, y1, x2, y2, matched) AS (
  SELECT n, cx, cy, 0, b.*, pg_temp.matched(b.x1, b.y1, b.x2, b.y2)
  FROM centres, pg_temp.box(cx, cy, 0) b
  UNION ALL
  SELECT n, cx, cy, k + 1, b.*, pg_temp.matched(b.x1, b.y1, b.x2, b.y2)
  FROM grown, pg_temp.box(cx, cy, k + 1) b
  WHERE matched < $MIN_MATCHED AND k < 30
)
SELECT x1, y1, x2, y2, matched FROM grown WHERE matched >= $MIN_MATCHED ORDER BY n;
SQL
  [ "$(wc -l <"$WORK/bboxes.txt")" -eq "$BBOXES" ] || die "could not find $BBOXES bboxes (is N too small?)"
  awk -v page="$PAGE" '{ printf "/ogc/collections/projects/items?bbox=%s,%s,%s,%s&limit=%d\n", $1, $2, $3, $4, page }' \
    "$WORK/bboxes.txt" >"$WORK/items-paths.txt"
  MATCHED_RANGE="$(awk 'NR == 1 { lo = hi = $5 } { if ($5 < lo) lo = $5; if ($5 > hi) hi = $5 } END { print lo "-" hi }' \
    "$WORK/bboxes.txt")"
  log "bboxes match $MATCHED_RANGE projects each"
}

# Once per URL, with curl: HTTP 200, a full page of 1,000 features, and numberMatched equal
# to PostGIS's own count, i.e. the service and the pgbench scripts answer the same question.
check_items() {
  local i=0 x1 y1 x2 y2 matched path code
  while read -r x1 y1 x2 y2 matched; do
    i=$((i + 1))
    path="$(sed -n "${i}p" "$WORK/items-paths.txt")"
    code="$(curl -s -o "$WORK/check.json" -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT$path")"
    [ "$code" = 200 ] || die "$path answered HTTP $code"
    python3 - "$WORK/check.json" "$PAGE" "$matched" "$path" <<'PY'
import json, sys
body = json.load(open(sys.argv[1], encoding="utf-8"))
page, matched, path = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
problems = []
if len(body["features"]) != page or body["numberReturned"] != page:
    problems.append(f"{len(body['features'])} features (numberReturned {body['numberReturned']}), expected {page}")
if body["numberMatched"] != matched:
    problems.append(f"numberMatched {body['numberMatched']}, PostGIS counts {matched}")
if problems:
    sys.exit(f"{path}: " + "; ".join(problems))
PY
  done <"$WORK/bboxes.txt"
  ITEMS_BYTES="$(curl -s "http://127.0.0.1:$HTTP_PORT$(head -1 "$WORK/items-paths.txt")" | wc -c)"
  log "all $BBOXES bbox URLs: HTTP 200, $PAGE features, numberMatched = PostGIS count (page ~$((ITEMS_BYTES / 1024)) KiB)"
  for path in "/ogc/collections/districts/items/220112" "/api/identify?lon=125.33&lat=43.88"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT$path")"
    [ "$code" = 200 ] || die "$path answered HTTP $code"
  done
}

# pgbench scripts: \set picks one of the bboxes (the same numbers as the URLs); LIMIT and OFFSET
# are parameters too, as in the service's prepared statement.
write_pgbench_scripts() {
  local condition="geom && ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326)
      AND ST_Intersects(geom, ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326))"
  local pick
  pick="$(pick_bbox_lines)"
  # What the service sends for a page: the rows with WKB, then the count (the page is full).
  cat >"$WORK/floor-wkb.sql" <<SQL
$pick
SELECT $COLUMNS, ST_AsBinary(geom) AS wkb FROM $TABLE
  WHERE $condition ORDER BY id LIMIT :lim OFFSET :off;
SELECT COUNT(*) FROM $TABLE WHERE $condition;
SQL
  # The same page, but PostGIS builds the GeoJSON FeatureCollection text (7 decimals, as the
  # service writes); the client receives one value instead of 1,000 rows.
  cat >"$WORK/floor-geojson.sql" <<SQL
$pick
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
         'type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(geom, 7)::json,
         'properties', json_build_object($PROPERTIES)) ORDER BY id), '[]'::json))
  FROM (SELECT * FROM $TABLE WHERE $condition ORDER BY id LIMIT :lim OFFSET :off) page;
SELECT COUNT(*) FROM $TABLE WHERE $condition;
SQL
}

# \set b random(1, BBOXES) and four CASE expressions mapping b to the box's corners.
pick_bbox_lines() {
  echo "\\set b random(1, $BBOXES)"
  echo "\\set lim $PAGE"
  echo "\\set off 0"
  local column name
  for column in 1 2 3 4; do
    name=$(echo "x1 y1 x2 y2" | cut -d' ' -f"$column")
    printf '\\set %s CASE' "$name"
    awk -v c="$column" '{ printf " WHEN :b = %d THEN %s", NR, $c }' "$WORK/bboxes.txt"
    echo " END"
  done
}

# ------------------------------------------------------------------------------ measuring

RESULTS_TSV=""

# DB-side totals since the last reset: statements executed and their execution time (ms).
db_stats() {
  sql "SELECT coalesce(sum(calls), 0), round(coalesce(sum(total_exec_time), 0)::numeric, 1)
       FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'"
}

# Each statement's share, as Markdown rows: executions per request, mean execution time.
db_statements() {
  local count="$1"
  sql "SELECT format('| %s | %s | \`%s\` |', round(calls::numeric / $count, 2), round(mean_exec_time::numeric, 2),
                     left(regexp_replace(query, '\s+', ' ', 'g'), 140))
       FROM pg_stat_statements
       WHERE query NOT ILIKE '%pg_stat_statements%' AND calls * 100 >= $count  -- not stragglers
       ORDER BY total_exec_time DESC LIMIT 6"
}

# record NAME CLIENTS RATE MEAN_US P50_US P99_US COUNT: appends a row with the DB's view
# (statements and execution ms per request/transaction) to the results, and keeps the
# per-statement breakdown.
record() {
  local name="$1" clients="$2" rate="$3" mean="$4" p50="$5" p99="$6" count="$7" calls exec_ms
  read -r calls exec_ms <<<"$(db_stats | tr '|' ' ')"
  db_statements "$count" >"$WORK/db-$name-c$clients.md"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$clients" "$ROUND" "$rate" "$mean" "$p50" "$p99" \
    "$(awk -v a="$calls" -v n="$count" 'BEGIN { printf "%.1f", a / n }')" \
    "$(awk -v a="$exec_ms" -v n="$count" 'BEGIN { printf "%.2f", a / n }')" "$OTHERS" >>"$RESULTS_TSV"
  log "$(printf 'round %s  %-14s c=%s  %8s/s  mean %6.1f ms  p50 %6.1f ms  p99 %6.1f ms  others %s %%' "$ROUND" "$name" "$clients" "$rate" \
    "$(awk -v u="$mean" 'BEGIN { print u / 1000 }')" "$(awk -v u="$p50" 'BEGIN { print u / 1000 }')" \
    "$(awk -v u="$p99" 'BEGIN { print u / 1000 }')" "$OTHERS")"
}

# run_wrk NAME CLIENTS PATHS_FILE [HEADER]: wrk with one thread per connection.
run_wrk() {
  local name="$1" clients="$2"
  measure_wrk "$WORK/wrk-$name-c$clients-r$ROUND.txt" "$clients" "$clients" "http://127.0.0.1:$HTTP_PORT" "$3" ${4:+"$4"}
  record "$name" "$clients" "$rps" "$mean_us" "$p50_us" "$p99_us" "$requests"
  if [ "$name" = items-gzip ]; then GZIP_BYTES=$((bytes / requests)); fi
}

# run_pgbench NAME CLIENTS SCRIPT: one pgbench thread per client.
run_pgbench() {
  local name="$1" clients="$2"
  measure_pgbench "$WORK/pgbench-$name-c$clients-r$ROUND" "$clients" "$clients" "$3"
  record "$name" "$clients" "$(printf '%.2f' "$tps")" "$mean" "$p50" "$p99" "$count"
}

# The JIT compiles the hot paths and PostgreSQL caches the table; neither should be measured.
warm_up() {
  log "warming up: at least ${WARMUP}s of bbox requests, 2 connections, until the JIT settles; then a short pgbench pass"
  warm_until_compiled "$SERVICE_PID" "$WARMUP" "http://127.0.0.1:$HTTP_PORT" "$WORK/items-paths.txt"
  "$PG_BIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 1 -T 5 \
    -f "$WORK/floor-wkb.sql" "$DB" >/dev/null 2>&1
}

measure() {
  # other work on the machine skews everything; the report shows how busy it was without us
  RESULTS_TSV="$WORK/results.tsv"
  : >"$RESULTS_TSV"
  echo "/ogc/collections/districts/items/220112" >"$WORK/feature-paths.txt"
  echo "/api/identify?lon=125.33&lat=43.88" >"$WORK/identify-paths.txt"
  local clients
  # Floor and service alternate at each concurrency, round after round, so drift (thermal,
  # noisy neighbours, the VM's scheduling) hits both alike; each ratio compares neighbours.
  for ROUND in $(seq 1 "$ROUNDS"); do
    for clients in $CLIENTS; do
      run_pgbench floor-wkb "$clients" "$WORK/floor-wkb.sql"
      run_wrk items "$clients" "$WORK/items-paths.txt"
      run_pgbench floor-geojson "$clients" "$WORK/floor-geojson.sql"
      run_wrk items-gzip "$clients" "$WORK/items-paths.txt" "Accept-Encoding: gzip"
    done
  done
  ROUND=1  # one round is enough for the record
  for clients in $CLIENTS; do
    run_wrk feature "$clients" "$WORK/feature-paths.txt"
    run_wrk identify "$clients" "$WORK/identify-paths.txt"
  done
}

# A separate run under JFR, after the figures.
profile_items() {
  [ "$PROFILE" = 1 ] || return 0
  log "profiling the service: ${DURATION}s of bbox requests, 2 connections, under JFR"
  profile_jfr "$SERVICE_PID" items "http://127.0.0.1:$HTTP_PORT" "$WORK/items-paths.txt" "$WORK/profile.md"
}

# ------------------------------------------------------------------------------- report

machine_summary() {
  local postgis
  postgis="$(sql "SELECT postgis_lib_version()")"
  machine_line
  echo "- service: $SOURCE_DESCRIPTION"
  echo "- Java: $(java -version 2>&1 | head -1); JVM flags: ${JAVA_OPTS:-none (defaults)}; benchmark processes at niceness $(ps -o ni= -p $$ | tr -d ' ')"
  echo "- PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'), PostGIS $postgis; $(wrk --version 2>&1 | head -1 | awk '{ print "wrk", $2 }'); pgbench -M prepared"
  echo "- data: N=$N synthetic projects ($(grep -c '"Polygon"' "$WORK/gis-data/projects.geojson") polygons), $LOAD_LINE; service up after ${STARTUP_S}s"
  echo "- $BBOXES bboxes near 125.32E 43.88N matching $MATCHED_RANGE projects each, limit=$PAGE; GeoJSON page ~$((ITEMS_BYTES / 1024)) KiB (gzip ~$((GZIP_BYTES / 1024)) KiB)"
  echo "- ${DURATION}s per measurement after ${WARMED_S:-$WARMUP}s warm-up (until the JIT settled: its compilers at ${WARM_COMPILER_SHARE:-?} of a CPU), $ROUNDS rounds of the bbox measurements (medians below); client, service and database on the same machine"
}

report() {
  {
    echo "## bench/items results, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    machine_summary
    echo
    python3 "$HERE/report.py" "$RESULTS_TSV"
    local first name
    first="$(echo "$CLIENTS" | awk '{ print $1 }')"
    for name in floor-wkb items; do
      printf '\n### what PostgreSQL executed per %s (%s, %s client(s); pg_stat_statements)\n\n' \
        "$([ $name = items ] && echo request || echo transaction)" "$name" "$first"
      echo "| per request | mean ms | statement |"
      echo "|---:|---:|---|"
      cat "$WORK/db-$name-c$first.md"
    done
    if [ -s "$WORK/profile.md" ]; then
      printf '\n### where the service spends its Java CPU on /items (JFR, 2 connections)\n\n'
      cat "$WORK/profile.md"
    fi
  } | tee "$RESULTS"
  log "written to ${RESULTS#"$ROOT"/}"
}

# Children inherit the niceness, so one renice covers every process the benchmark starts.
raise_priority() {
  if [ -n "$NICE" ] && [ "$(id -u)" -eq 0 ]; then
    renice -n "$NICE" -p $$ >/dev/null
    log "running at niceness $NICE (NICE= to leave it alone)"
  fi
}

main() {
  raise_priority
  ensure_tools
  make_workdir items
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  build_jar
  start_postgres
  generate_projects "$((N - N / 10))" "$((N / 10))" "$SEED"
  start_items_service
  inspect_table
  choose_bboxes
  check_items
  write_pgbench_scripts
  warm_up
  measure
  profile_items
  report
}

# run when executed; sourcing the file only defines the functions (bench/scale/run.sh reuses them)
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
