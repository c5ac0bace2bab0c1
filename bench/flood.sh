#!/usr/bin/env bash
# Issue #14's flood benchmark (not a test); see bench/README.md, "A flood of made-up keys".
# Starts a private CityFin with demo data, then runs bench/Flood.java: a real caller's p50 through the gateway alone,
# under a flood of made-up API keys at FLOOD_RATE requests/s, and alone again, in one run; and what the flood cost
# the gateway's database. Stops the platform again, whatever happens.
#
#   bench/flood.sh                                 # 930 made-up keys/s (the rate issue #14 measured), 20 s per phase
#   FLOOD_RATE=2000 PHASE_SECONDS=30 bench/flood.sh
set -euo pipefail

BENCH_NAME=flood
# shellcheck source=platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/platform.sh"

export CITYFIN_DEMO_DATA="${CITYFIN_DEMO_DATA:-true}"
bench_start

export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres
CPU_PIDS="gateway=$GATEWAY_PID,credit-service=$(listener $((PORT_BASE + 1))),postgres=$POSTMASTER_PID"
echo "CPU accounting for: $CPU_PIDS"
CPU_PIDS="$CPU_PIDS" GATEWAY_URL="http://127.0.0.1:$PORT_BASE" MANAGEMENT_URL="http://127.0.0.1:$((PORT_BASE + 1000))" \
  ADMIN_KEY_FILE="$DATA/admin-api-key" java -XX:+UseSerialGC -Xmx512m "$REPO/bench/Flood.java"
echo "Load average now: $(cut -d" " -f1-3 /proc/loadavg)"
