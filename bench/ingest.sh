#!/usr/bin/env bash
# Issue #4's ingestion benchmark (not a test); see bench/README.md.
# Starts a private CityFin (its own ports, data folder and embedded PostgreSQL, no demo data), runs bench/Ingest.java
# against it and stops it again, whatever happens. Everything talks to 127.0.0.1 only.
#
#   bench/ingest.sh                               # 1000 banks x 17 items x 3 regions, 16 requests in flight
#   BANKS=100 CONCURRENCY=8 bench/ingest.sh       # a quick run
#   MONTHS=36 bench/ingest.sh                     # plus 35 earlier months by direct SQL, to time the indicator query at full size
set -euo pipefail

BENCH_NAME=ingest
# shellcheck source=platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/platform.sh"

# The platform's settings: private ports and data, no demo data, the embedded PostgreSQL, keys made in the data folder.
# The rate limit reaches the gateway because every app inherits the launcher's environment (AppProcesses). It does not
# bind here anyway: each bank key sends one report, and the bootstrap ADMIN key (setup, KEYS=admin) is exempt.
export CITYFIN_DEMO_DATA=false
export CITYFIN_RATE_LIMIT_BURST="${CITYFIN_RATE_LIMIT_BURST:-100000}"
export CITYFIN_RATE_LIMIT_PER_SECOND="${CITYFIN_RATE_LIMIT_PER_SECOND:-100000}"
bench_start

export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGDATABASE=cityfin_credit
echo "PostgreSQL: $(psql -X -A -t -c 'SHOW server_version')"

# Did the raised rate limit reach the gateway? Read its environment (Linux /proc; needs the same user or root).
gateway_pid="$GATEWAY_PID"
if [[ -n "$gateway_pid" && -r "/proc/$gateway_pid/environ" ]]; then
  echo "Gateway (pid $gateway_pid) environment: $(tr '\0' '\n' <"/proc/$gateway_pid/environ" | grep '^CITYFIN_RATE_LIMIT_' | tr '\n' ' ')"
else
  echo "Gateway environment: not readable here (rate-limit variables not checked)"
fi

# The processes whose CPU time Ingest.java reports for the measured phase (the postmaster: its backends are its children).
CPU_PIDS="gateway=$gateway_pid,credit-service=$(listener $((PORT_BASE + 1))),postgres=$POSTMASTER_PID"
echo "CPU accounting for: $CPU_PIDS"

CPU_PIDS="$CPU_PIDS" GATEWAY_URL="http://127.0.0.1:$PORT_BASE" ADMIN_KEY_FILE="$DATA/admin-api-key" OUT_DIR="$OUT_DIR" \
  java -XX:+UseSerialGC -Xmx1g "$REPO/bench/Ingest.java"
if [[ "${HOLD:-0}" == 1 ]]; then
  touch "$WORK/hold"
  echo "HOLD=1: the platform keeps running (gateway http://127.0.0.1:$PORT_BASE, psql -h 127.0.0.1 -p $DB_PORT -U postgres cityfin_credit,"
  echo "admin key in $DATA/admin-api-key); rm $WORK/hold to stop it."
  while [[ -f "$WORK/hold" ]]; do sleep 2; done
fi
echo "Total $(($(date +%s) - BENCH_STARTED)) s including the start; load average now: $(cut -d" " -f1-3 /proc/loadavg)"
