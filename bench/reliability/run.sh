#!/usr/bin/env bash
# Load and fault harness (see run.py): two replicas on a throwaway PostGIS cluster, wrk load,
# a database outage, kill -9 during a 1,000,000-point import, concurrent imports and edits.
# usage: bench/reliability/run.sh [--load-seconds 60] [--points 1000000]    (KEEP=1 keeps the work folder)
set -euo pipefail
cd "$(dirname "$0")/../.."
exec python3 bench/reliability/run.py "$@"
