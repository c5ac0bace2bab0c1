#!/usr/bin/env bash
# Issue #4's ingestion benchmark (not a test); see bench/README.md.
# Starts a private CityFin (its own ports, data folder and embedded PostgreSQL, no demo data), runs bench/Ingest.java
# against it and stops it again, whatever happens. Everything talks to 127.0.0.1 only.
#
#   bench/ingest.sh                               # 1000 banks x 17 items x 3 regions, 16 requests in flight
#   BANKS=100 CONCURRENCY=8 bench/ingest.sh       # a quick run
#   MONTHS=36 bench/ingest.sh                     # plus 35 earlier months by direct SQL, to time the indicator query at full size
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=0.0.1-SNAPSHOT
MODULES=(gateway credit-service insurance-service capital-market-service platform-service risk-service launcher)

PORT_BASE="${BENCH_PORT_BASE:-28080}"
DB_PORT="${BENCH_DB_PORT:-25432}"
SNAPSHOT_JARS="${SNAPSHOT_JARS:-1}"
KEEP_DATA="${KEEP_DATA:-0}"
START_TIMEOUT="${START_TIMEOUT:-300}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cityfin-bench.XXXXXX")"
DATA="$WORK/data"
OUT_DIR="${OUT_DIR:-${TMPDIR:-/tmp}/cityfin-bench-results-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT_DIR"
exec > >(tee -a "$OUT_DIR/output.txt") 2>&1

missing=()
for module in "${MODULES[@]}"; do
  [[ -f "$REPO/$module/target/$module-$VERSION-exec.jar" ]] || missing+=("$module/target/$module-$VERSION-exec.jar")
done
if ((${#missing[@]})); then
  echo "Missing jar(s): ${missing[*]}" >&2
  echo "Build them first: ./cityfin build (or mvn -B -q -DskipTests package)" >&2
  exit 2
fi
for tool in java psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed on the PATH" >&2; exit 2; }
done

# A copy of the launcher script and the seven jars, so that a build running meanwhile (mvn package rewrites
# target/*.jar in place) cannot pull the classes from under the running apps. SNAPSHOT_JARS=0 runs from the repo.
if [[ "$SNAPSHOT_JARS" == 1 ]]; then
  ROOT="$WORK/root"
  for module in "${MODULES[@]}"; do
    mkdir -p "$ROOT/$module/target"
    cp "$REPO/$module/target/$module-$VERSION-exec.jar" "$ROOT/$module/target/"
  done
  cp "$REPO/cityfin" "$ROOT/cityfin"
else
  ROOT="$REPO"
fi

LAUNCHER_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$LAUNCHER_PID" ]] && kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    echo "Stopping the benchmark platform ..."
    CITYFIN_DATA_DIR="$DATA" "$ROOT/cityfin" stop || true
    if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
      echo "The launcher (pid $LAUNCHER_PID) is still running; killing it." >&2
      kill -9 "$LAUNCHER_PID" 2>/dev/null || true
    fi
  fi
  if [[ "$KEEP_DATA" == 1 ]]; then
    echo "Kept the data folder (logs, database): $DATA"
  else
    [[ -d "$DATA/logs" ]] && cp -r "$DATA/logs" "$OUT_DIR/logs" 2>/dev/null || true
    rm -rf "$WORK"
  fi
  echo "Results: $OUT_DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The platform's settings: private ports and data, no demo data, the embedded PostgreSQL, keys made in the data folder.
# The rate limit reaches the gateway because every app inherits the launcher's environment (AppProcesses). It does not
# bind here anyway: each bank key sends one report, and the bootstrap ADMIN key (setup, KEYS=admin) is exempt.
unset CITYFIN_DB_URL CITYFIN_ADMIN_API_KEY CITYFIN_IDENTITY_SIGNING_KEY CITYFIN_IDENTITY_KEY_ID CITYFIN_IDENTITY_PUBLIC_KEYS
export CITYFIN_PORT_BASE="$PORT_BASE"
export CITYFIN_DB_PORT="$DB_PORT"
export CITYFIN_DATA_DIR="$DATA"
export CITYFIN_DEMO_DATA=false
export CITYFIN_START_TIMEOUT_SECONDS="$START_TIMEOUT"
export CITYFIN_RATE_LIMIT_BURST="${CITYFIN_RATE_LIMIT_BURST:-100000}"
export CITYFIN_RATE_LIMIT_PER_SECOND="${CITYFIN_RATE_LIMIT_PER_SECOND:-100000}"

echo "Load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1)"
echo "Starting CityFin: gateway 127.0.0.1:$PORT_BASE, services $((PORT_BASE + 1))-$((PORT_BASE + 5)), management $((PORT_BASE + 1000))-$((PORT_BASE + 1005)), PostgreSQL $DB_PORT, data $DATA"
started=$(date +%s)
"$ROOT/cityfin" start >"$OUT_DIR/launcher.out" 2>&1 &
LAUNCHER_PID=$!

ready=false
while (($(date +%s) - started < START_TIMEOUT + 10)); do
  if ! kill -0 "$LAUNCHER_PID" 2>/dev/null; then
    echo "The launcher exited before the platform was ready:" >&2
    tail -40 "$OUT_DIR/launcher.out" >&2
    exit 1
  fi
  all=true
  for i in 0 1 2 3 4 5; do
    curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$((PORT_BASE + 1000 + i))/actuator/health/readiness" || { all=false; break; }
  done
  if [[ "$all" == true ]]; then ready=true; break; fi
  sleep 1
done
if [[ "$ready" != true ]]; then
  echo "The platform was not ready after $START_TIMEOUT s:" >&2
  tail -40 "$OUT_DIR/launcher.out" >&2
  exit 1
fi
echo "Ready after $(($(date +%s) - started)) s."

export PGHOST=127.0.0.1 PGPORT="$DB_PORT" PGUSER=postgres PGDATABASE=cityfin_credit
echo "PostgreSQL: $(psql -X -A -t -c 'SHOW server_version')"

# Did the raised rate limit reach the gateway? Read its environment (Linux /proc; needs the same user or root).
gateway_pid="$(ss -ltnpH "sport = :$PORT_BASE" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
if [[ -n "$gateway_pid" && -r "/proc/$gateway_pid/environ" ]]; then
  echo "Gateway (pid $gateway_pid) environment: $(tr '\0' '\n' <"/proc/$gateway_pid/environ" | grep '^CITYFIN_RATE_LIMIT_' | tr '\n' ' ')"
else
  echo "Gateway environment: not readable here (rate-limit variables not checked)"
fi

# The processes whose CPU time Ingest.java reports for the measured phase (the postmaster: its backends are its children).
listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true; }
postmaster="$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)"
CPU_PIDS="gateway=$gateway_pid,credit-service=$(listener $((PORT_BASE + 1))),postgres=${postmaster:-$(listener "$DB_PORT")}"
echo "CPU accounting for: $CPU_PIDS"

CPU_PIDS="$CPU_PIDS" GATEWAY_URL="http://127.0.0.1:$PORT_BASE" ADMIN_KEY_FILE="$DATA/admin-api-key" OUT_DIR="$OUT_DIR" \
  java -XX:+UseSerialGC -Xmx1g "$REPO/bench/Ingest.java"
if [[ "${HOLD:-0}" == 1 ]]; then
  touch "$WORK/hold"
  echo "HOLD=1: the platform keeps running (gateway http://127.0.0.1:$PORT_BASE, psql -h 127.0.0.1 -p $DB_PORT -U postgres cityfin_credit,"
  echo "admin key in $DATA/admin-api-key); rm $WORK/hold to stop it."
  while [[ -f "$WORK/hold" ]]; do sleep 2; done
fi
echo "Total $(($(date +%s) - started)) s including the start; load average now: $(cut -d" " -f1-3 /proc/loadavg)"
