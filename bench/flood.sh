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
JFR_PID=""
[[ "${PROFILE:-0}" == 1 ]] && JFR_PID="$GATEWAY_PID"
CPU_PIDS="$CPU_PIDS" GATEWAY_URL="http://127.0.0.1:$PORT_BASE" MANAGEMENT_URL="http://127.0.0.1:$((PORT_BASE + 1000))" \
  ADMIN_KEY_FILE="$DATA/admin-api-key" JFR_PID="$JFR_PID" OUT_DIR="$OUT_DIR" java -XX:+UseSerialGC -Xmx512m "$REPO/bench/Flood.java"
if [[ -n "$JFR_PID" ]]; then
  sleep 2
  # The gateway's hottest frames during the flood: the top frame of each CPU sample, and the cityfin frames on the stacks
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT_DIR/gateway-flood.jfr" >"$OUT_DIR/gateway-flood-samples.txt" 2>/dev/null || true
  echo "Gateway profile of the flood phase ($OUT_DIR/gateway-flood.jfr), top frames of $(grep -c 'jdk.ExecutionSample' "$OUT_DIR/gateway-flood-samples.txt") samples:"
  awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$OUT_DIR/gateway-flood-samples.txt" | sort | uniq -c | sort -rn | head -15
  echo "Samples whose stack passes through ...:"
  for frame in 'io.cityfin' 'springframework.security' 'ProblemResponses' 'observation' 'MessageDigest' 'reactor.netty' 'JsonMapper|jackson'; do
    printf '  %-28s %s\n' "$frame" "$(awk -v RS='jdk.ExecutionSample' -v f="$frame" '$0 ~ f {n++} END {print n+0}' "$OUT_DIR/gateway-flood-samples.txt")"
  done
fi
echo "Load average now: $(cut -d" " -f1-3 /proc/loadavg)"
