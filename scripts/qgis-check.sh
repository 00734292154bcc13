#!/usr/bin/env bash
# Opens a running service in QGIS, headless, as a GIS user would: the districts through QGIS's own
# OGC API - Features provider, and the districts' vector tiles through a generic XYZ connection,
# drawn by QGIS's renderer. Not part of scripts/test.sh: QGIS is a large install (about 165
# packages), and the suite already reads features and tiles with GDAL.
#
#   scripts/qgis-check.sh [http://localhost:8080]
#
# Installs python3-qgis with apt-get when it is missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://localhost:8080}"

if ! /usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1; then
  echo "scripts/qgis-check.sh: installing python3-qgis"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends python3-qgis
fi

# A home of its own: QGIS keeps fetched tiles in a disk cache under ~/.cache, and a second run would
# draw them from there without asking the service.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
HOME="$home" XDG_CACHE_HOME="$home/.cache" QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/lib/qgis_check.py "$base"
