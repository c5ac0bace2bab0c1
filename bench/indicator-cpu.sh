#!/usr/bin/env bash
# Issue #15's measure of credit's indicator computation (not a test); see bench/README.md, "Credit's indicator CPU".
# Starts a private CityFin with demo data, warms credit-service up, then counts the process CPU seconds of
# credit-service's JVM over a fixed number of calls of credit's indicators for 2022-09, the city and a county, and
# prints CPU ms per call. Two paths (VIA): "gateway", GET /api/v1/credit/indicators with the bootstrap ADMIN key, where
# the gateway mints a new internal token for every call; "direct", GET /indicators on credit's port with an ADMIN token
# minted by bench/Mint.java with the platform's signing key and reused for CHUNK calls, as a gateway that keeps one
# token per caller for a while sends them. Only credit's CPU is counted. With BEFORE_REPO (a worktree whose jars are built, e.g. one of issue-15 as it was), a second
# platform from those jars runs beside it on its own ports, and the rounds alternate between the two in one run, so the
# ratio after / before is measured under the same load. Stops what it started, whatever happens.
#
#   bench/indicator-cpu.sh                                     # this worktree's jars: 3 rounds x 2,000 city + 2,000 county
#   BEFORE_REPO=/work/wt/cpu-old bench/indicator-cpu.sh        # the same, side by side with the jars of another worktree
#   CALLS=500 ROUNDS=1 PROFILE=1 bench/indicator-cpu.sh        # a quick run, plus a JFR profile of credit per platform
#
# Variables: CALLS (2000 per region, path and round), ROUNDS (3), WARMUP (500 per region), PERIOD (2022-09), COUNTY
# (361002), VIA ("gateway direct"), CHUNK (500 calls per minted token), CPU_CALLS_IN_FLIGHT (4), PROFILE (0: else a JFR
# profile of each credit-service over one more round of the first path, after the measured rounds), BEFORE_REPO,
# BEFORE_PORT_BASE / BEFORE_DB_PORT (30080 / 30432), and platform.sh's BENCH_PORT_BASE / BENCH_DB_PORT (this platform's
# ports, default 26080 / 26432 here). Keep every port below the ephemeral range (32768 on Linux): there, another
# process's outgoing connection, or a readiness poll that connects to itself, can hold a port before the app binds it.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cpu.sh
source "$HERE/cpu.sh"

export CITYFIN_DEMO_DATA=true
export START_TIMEOUT="${START_TIMEOUT:-600}"

# Like platform.sh's bench_start, but ready once the gateway and credit-service are: the other services' readiness
# (their demo data) does not matter here, and on a loaded machine one of them may stay unready (a demo load that timed
# out acquiring a connection is not retried).
start_platform() {
  unset CITYFIN_DB_URL CITYFIN_ADMIN_API_KEY CITYFIN_IDENTITY_SIGNING_KEY CITYFIN_IDENTITY_KEY_ID CITYFIN_IDENTITY_PUBLIC_KEYS
  export CITYFIN_PORT_BASE="$PORT_BASE" CITYFIN_DB_PORT="$DB_PORT" CITYFIN_DATA_DIR="$DATA"
  export CITYFIN_START_TIMEOUT_SECONDS="$START_TIMEOUT"
  echo "Load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
  echo "Starting CityFin: gateway 127.0.0.1:$PORT_BASE, credit-service $((PORT_BASE + 1)), PostgreSQL $DB_PORT, data $DATA"
  local started i all
  started=$(date +%s)
  "$ROOT/cityfin" start >"$OUT_DIR/launcher.out" 2>&1 &
  LAUNCHER_PID=$!
  while true; do
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { echo "The launcher exited before the platform was ready:" >&2; tail -40 "$OUT_DIR/launcher.out" >&2; exit 1; }
    (($(date +%s) - started < START_TIMEOUT)) || { echo "Not ready after $START_TIMEOUT s" >&2; tail -40 "$OUT_DIR/launcher.out" >&2; exit 1; }
    all=true
    for i in 0 1; do
      # only a port something listens on: these ports lie in the ephemeral range, and a connect to a free one can
      # connect to itself (source port = destination port) and then hold the port the app is about to bind
      [[ -n "$(ss -ltnH "sport = :$((PORT_BASE + 1000 + i))" 2>/dev/null)" ]] || { all=false; break; }
      curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$((PORT_BASE + 1000 + i))/actuator/health/readiness" || { all=false; break; }
    done
    [[ "$all" == true ]] && break
    sleep 1
  done
  echo "Gateway and credit-service ready after $(($(date +%s) - started)) s."
}
# Serve mode (used for BEFORE_REPO): start the platform of another worktree and hold it until STOP_FILE exists.
if [[ "${1:-}" == --serve ]]; then
  BENCH_NAME=indicator-cpu-before
  # shellcheck disable=SC1091
  source "$2/bench/platform.sh"
  start_platform
  echo "$PORT_BASE $(listener $((PORT_BASE + 1))) $DATA" >"$READY_FILE.tmp"
  mv "$READY_FILE.tmp" "$READY_FILE"
  while [[ ! -e "$STOP_FILE" ]] && kill -0 "$PARENT_PID" 2>/dev/null; do sleep 1; done
  exit 0
fi

export BENCH_PORT_BASE="${BENCH_PORT_BASE:-26080}" BENCH_DB_PORT="${BENCH_DB_PORT:-26432}"
CALLS="${CALLS:-2000}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-500}"
PERIOD="${PERIOD:-2022-09}"
COUNTY="${COUNTY:-361002}"
PROFILE="${PROFILE:-0}"
read -r -a VIAS <<<"${VIA:-gateway direct}"
CHUNK="${CHUNK:-500}"
BENCH_NAME=indicator-cpu
# shellcheck source=platform.sh
source "$HERE/platform.sh"

BEFORE_PID=""
SIGNALS="$(mktemp -d)"
stop_before() {
  if [[ -n "$BEFORE_PID" ]]; then
    touch "$SIGNALS/stop"
    wait "$BEFORE_PID" 2>/dev/null || true
    BEFORE_PID=""
  fi
}
if [[ -n "${BEFORE_REPO:-}" ]]; then
  echo "Starting the 'before' platform from $BEFORE_REPO ..."
  PARENT_PID=$$ READY_FILE="$SIGNALS/ready" STOP_FILE="$SIGNALS/stop" BENCH_PORT_BASE="${BEFORE_PORT_BASE:-30080}" \
    BENCH_DB_PORT="${BEFORE_DB_PORT:-30432}" OUT_DIR="$OUT_DIR/before" bash "$HERE/indicator-cpu.sh" --serve "$BEFORE_REPO" \
    >"$SIGNALS/before.out" 2>&1 &
  BEFORE_PID=$!
  # stop it before platform.sh's own cleanup stops this one
  trap 'rc=$?; set +e; stop_before; (exit "$rc"); bench_cleanup' EXIT
fi

wait_before() {
  while [[ ! -e "$SIGNALS/ready" ]]; do
    kill -0 "$BEFORE_PID" 2>/dev/null || { echo "The 'before' platform did not start:" >&2; tail -30 "$SIGNALS/before.out" >&2; exit 1; }
    sleep 1
  done
}
# one platform after the other: twelve JVMs starting at once on 2 cores may miss the start timeout
[[ -n "$BEFORE_PID" ]] && wait_before
start_platform
names=(after)
declare -A BASE PID KEY JWK
BASE[after]="$PORT_BASE"
PID[after]="$(listener $((PORT_BASE + 1)))"
KEY[after]="$(cat "$DATA/admin-api-key")"
JWK[after]="$DATA/identity/signing-key.jwk"
if [[ -n "$BEFORE_PID" ]]; then
  read -r base pid data <"$SIGNALS/ready"
  names=(before after)
  BASE[before]="$base"
  PID[before]="$pid"
  KEY[before]="$(cat "$data/admin-api-key")"
  JWK[before]="$data/identity/signing-key.jwk"
fi
for name in "${names[@]}"; do
  echo "$name: gateway 127.0.0.1:${BASE[$name]}, credit-service pid ${PID[$name]}"
done

# calls <platform> <gateway|direct> <calls> <region>: prints credit's CPU seconds over the calls
calls() {
  local name="$1" via="$2" n="$3" region="$4"
  if [[ "$via" == gateway ]]; then
    cpu_of_calls "${PID[$name]}" "$n" "http://127.0.0.1:${BASE[$name]}/api/v1/credit/indicators?period=$PERIOD&region=$region" \
      -H "Authorization: Bearer ${KEY[$name]}"
    return
  fi
  local total=0 done=0 chunk token used
  while ((done < n)); do
    chunk=$((n - done < CHUNK ? n - done : CHUNK))
    token="$(java "$HERE/Mint.java" "${JWK[$name]}")"
    used="$(cpu_of_calls "${PID[$name]}" "$chunk" "http://127.0.0.1:$((BASE[$name] + 1))/indicators?period=$PERIOD&region=$region" \
      -H "Authorization: Bearer $token")"
    total="$(awk -v t="$total" -v u="$used" 'BEGIN { printf "%.3f", t + u }')"
    done=$((done + chunk))
  done
  echo "$total"
}

echo "Warming up: $WARMUP calls per region, path and platform ..."
for name in "${names[@]}"; do
  for via in "${VIAS[@]}"; do
    calls "$name" "$via" "$WARMUP" 361000 >/dev/null
    calls "$name" "$via" "$WARMUP" "$COUNTY" >/dev/null
  done
done

echo "Load average before the rounds: $(cut -d" " -f1-3 /proc/loadavg)" | tee "$OUT_DIR/summary.txt"
declare -A TOTAL
printf '%-6s %-8s %-7s %14s %14s %14s\n' round path jars "city ms/call" "county ms/call" "both ms/call" | tee -a "$OUT_DIR/summary.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  order=("${names[@]}")
  if ((round % 2 == 0)) && ((${#names[@]} == 2)); then order=(after before); fi
  for via in "${VIAS[@]}"; do
    for name in "${order[@]}"; do
      city="$(calls "$name" "$via" "$CALLS" 361000)"
      county="$(calls "$name" "$via" "$CALLS" "$COUNTY")"
      TOTAL[$via.$name]="$(awk -v t="${TOTAL[$via.$name]:-0}" -v a="$city" -v b="$county" 'BEGIN { printf "%.3f", t + a + b }')"
      printf '%-6s %-8s %-7s %14s %14s %14s\n' "$round" "$via" "$name" "$(cpu_ms_per_call "$city" "$CALLS")" \
        "$(cpu_ms_per_call "$county" "$CALLS")" "$(cpu_ms_per_call "$(awk -v a="$city" -v b="$county" 'BEGIN { print a + b }')" $((2 * CALLS)))" \
        | tee -a "$OUT_DIR/summary.txt"
    done
  done
done
for via in "${VIAS[@]}"; do
  for name in "${names[@]}"; do
    printf 'all    %-8s %-7s %44s  (%s CPU-s over %d calls)\n' "$via" "$name" \
      "$(cpu_ms_per_call "${TOTAL[$via.$name]}" $((2 * CALLS * ROUNDS)))" "${TOTAL[$via.$name]}" $((2 * CALLS * ROUNDS)) \
      | tee -a "$OUT_DIR/summary.txt"
  done
  if [[ -n "$BEFORE_PID" ]]; then
    echo "credit's CPU per call via $via, after / before: $(awk -v a="${TOTAL[$via.after]}" -v b="${TOTAL[$via.before]}" 'BEGIN { printf "%.3f", a / b }')" \
      | tee -a "$OUT_DIR/summary.txt"
  fi
done
echo "Load average after the rounds: $(cut -d" " -f1-3 /proc/loadavg)" | tee -a "$OUT_DIR/summary.txt"

if [[ "$PROFILE" == 1 ]]; then
  # Not during the measured rounds: JFR's sampling costs CPU of its own
  for name in "${names[@]}"; do
    jfr_file="$OUT_DIR/credit-$name.jfr"
    jcmd "${PID[$name]}" JFR.start name=indicator-cpu settings=profile filename="$jfr_file" >/dev/null
    calls "$name" "${VIAS[0]}" "$CALLS" 361000 >/dev/null
    calls "$name" "${VIAS[0]}" "$CALLS" "$COUNTY" >/dev/null
    jcmd "${PID[$name]}" JFR.stop name=indicator-cpu >/dev/null
    jfr print --stack-depth 96 --events jdk.ExecutionSample "$jfr_file" >"$OUT_DIR/credit-$name-samples.txt"
    samples="$(grep -c 'jdk.ExecutionSample' "$OUT_DIR/credit-$name-samples.txt" || true)"
    echo "credit-service ($name), $((2 * CALLS)) calls via ${VIAS[0]}: top frames of $samples samples:"
    awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$OUT_DIR/credit-$name-samples.txt" \
      | sort | uniq -c | sort -rn | head -25
    echo "credit-service ($name): samples by the topmost frame that falls in a category:"
    awk -v RS='jdk.ExecutionSample' '
      BEGIN {
        n = split("ES256 verify|ECDSA|ECOperations|intpoly|sun[.]security[.]ec;JWT, other|nimbusds|oauth2;" \
          "r2dbc-postgresql|io[.]r2dbc[.]postgresql;r2dbc-pool|io[.]r2dbc[.]pool|reactor[.]pool;spring-r2dbc|springframework[.]r2dbc;" \
          "jackson|jackson;observation, tracing, metrics|micrometer|opentelemetry;cityfin|io[.]cityfin;" \
          "spring-security|springframework[.]security;netty|io[.]netty|reactor[.]netty;" \
          "spring-web|springframework[.]web|springframework[.]http|springframework[.]validation;reactor|reactor[.]core", c, ";")
        for (i = 1; i <= n; i++) { name[i] = substr(c[i], 1, index(c[i], "|") - 1); pattern[i] = substr(c[i], index(c[i], "|") + 1) }
      }
      /stackTrace/ {
        total++; found = "other"; lines = split($0, line, "\n")
        for (l = 1; l <= lines && found == "other"; l++) {
          if (line[l] !~ /line:/) continue
          for (i = 1; i <= n; i++) if (line[l] ~ pattern[i]) { found = name[i]; break }
        }
        count[found]++
      }
      END { for (k in count) printf "%7d %5.1f %%  %s\n", count[k], 100 * count[k] / total, k }' \
      "$OUT_DIR/credit-$name-samples.txt" | sort -rn
  done
fi
stop_before
