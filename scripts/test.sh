#!/usr/bin/env bash
# Runs the whole test suite, PostGIS included.
#
# The tests need, on the machine:
#  - PostgreSQL 15 with PostGIS 3 (they start their own throwaway cluster from those binaries,
#    on a free port, and remove it afterwards) unless PLAN_TEST_POSTGIS_URL names a PostGIS
#    database to use instead;
#  - GDAL's command-line tools (gdal-bin), which read the service as a standard client would;
#  - poppler-utils (pdftotext, pdftoppm, pdfimages), which read the printed maps;
#  - Chromium and ChromeDriver, for the browser tests of the map page;
#  - curl, for scripts/backup-restore-check.sh, which runs after the suite.
# When packages are missing this script installs them with apt-get (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
if [ -z "${PLAN_TEST_POSTGIS_URL:-}" ] && ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  packages+=(postgresql-15 postgresql-15-postgis-3)
fi
if ! command -v curl >/dev/null 2>&1; then
  packages+=(curl)
fi
if ! command -v ogr2ogr >/dev/null 2>&1; then
  packages+=(gdal-bin)
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  packages+=(poppler-utils)
fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  packages+=(chromium chromium-driver)
fi

if [ ${#packages[@]} -gt 0 ]; then
  echo "scripts/test.sh: installing ${packages[*]} (needed by the tests)"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

./mvnw -B -ntp verify "$@"

# The backup and restore procedure of docs/operations.md, end to end; it needs a local cluster.
if [ -z "${PLAN_TEST_POSTGIS_URL:-}" ]; then
  scripts/backup-restore-check.sh
else
  echo "scripts/test.sh: backup-restore check not run: it needs local PostgreSQL binaries, not PLAN_TEST_POSTGIS_URL"
fi
