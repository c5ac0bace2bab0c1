# Sourced by the benchmark scripts: starts a private CityFin (its own ports, data folder and embedded PostgreSQL) in the
# background and stops it again on exit, whatever happens. Everything talks to 127.0.0.1 only.
#
# Before sourcing, a script may set BENCH_NAME (names the results folder). Afterwards it calls
#   bench_start                 # with CITYFIN_* variables exported as the platform should get them
# and then has REPO, ROOT, DATA, OUT_DIR, PORT_BASE, DB_PORT, GATEWAY_PID, POSTMASTER_PID and listener <port>.
# Variables: BENCH_PORT_BASE, BENCH_DB_PORT, SNAPSHOT_JARS, KEEP_DATA, START_TIMEOUT, OUT_DIR (see bench/README.md).

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
OUT_DIR="${OUT_DIR:-${TMPDIR:-/tmp}/cityfin-${BENCH_NAME:-bench}-results-$(date -u +%Y%m%dT%H%M%SZ)}"
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
bench_cleanup() {
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
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true; }

# Starts the platform with the caller's exported CITYFIN_* settings on private ports and data, and waits until all six
# apps are ready. Sets GATEWAY_PID and POSTMASTER_PID.
bench_start() {
  unset CITYFIN_DB_URL CITYFIN_ADMIN_API_KEY CITYFIN_IDENTITY_SIGNING_KEY CITYFIN_IDENTITY_KEY_ID CITYFIN_IDENTITY_PUBLIC_KEYS
  export CITYFIN_PORT_BASE="$PORT_BASE" CITYFIN_DB_PORT="$DB_PORT" CITYFIN_DATA_DIR="$DATA"
  export CITYFIN_START_TIMEOUT_SECONDS="$START_TIMEOUT"
  echo "Load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1)"
  echo "Starting CityFin: gateway 127.0.0.1:$PORT_BASE, services $((PORT_BASE + 1))-$((PORT_BASE + 5)), management $((PORT_BASE + 1000))-$((PORT_BASE + 1005)), PostgreSQL $DB_PORT, data $DATA"
  BENCH_STARTED=$(date +%s)
  "$ROOT/cityfin" start >"$OUT_DIR/launcher.out" 2>&1 &
  LAUNCHER_PID=$!
  local ready=false all i
  while (($(date +%s) - BENCH_STARTED < START_TIMEOUT + 10)); do
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
  echo "Ready after $(($(date +%s) - BENCH_STARTED)) s."
  GATEWAY_PID="$(listener "$PORT_BASE")"
  POSTMASTER_PID="$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)"
  POSTMASTER_PID="${POSTMASTER_PID:-$(listener "$DB_PORT")}"
}
