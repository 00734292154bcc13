# Throwaway PostgreSQL + PostGIS clusters for scripts: sourced, not run.
#   pg_cluster_start DIR [SERVER_OPTION...]   → exports PG_PORT, PG_HOST (socket dir) and PG_BIN;
#                                              options as for postgres, e.g. -c shared_buffers=512MB
#   pg_cluster_stop DIR
# Runs the server as the postgres user when started by root (initdb refuses root).

pg_cluster_bin() {
  local version
  for version in $(ls /usr/lib/postgresql 2>/dev/null | sort -rn); do
    if [ -x "/usr/lib/postgresql/$version/bin/initdb" ] \
       && [ -f "/usr/share/postgresql/$version/extension/postgis.control" ]; then
      echo "/usr/lib/postgresql/$version/bin"
      return 0
    fi
  done
  echo "no PostgreSQL with PostGIS found: run scripts/test.sh once (it installs postgresql-15-postgis-3)" >&2
  return 1
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  local dir=$1
  shift
  PG_BIN=$(pg_cluster_bin)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  PG_HOST=$dir
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
  fi
  pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
    "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off $*" start >/dev/null
  export PG_BIN PG_PORT PG_HOST
}

pg_cluster_stop() {
  local dir=$1
  if [ -n "${PG_BIN:-}" ] && [ -d "$dir/data" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# psql and friends against the throwaway cluster
pg_run() {
  local tool=$1
  shift
  "$PG_BIN/$tool" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}
