#!/usr/bin/env bash
# Issue #15's read-path benchmark (not a test); see bench/README.md, "The read path (issue #15)".
# Starts a private CityFin with demo data and measures with wrk, side by side in one run, requests/s and p50 of:
#   trivial        credit's /openapi/ (a small JSON list built from memory: no token, no database) directly, and through
#                  the gateway (/api/v1/credit/openapi/: no key either, so the figure is the proxy's own cost)
#   auth-404       an unknown credit path with a token directly, and with an ANALYST key through the gateway (key
#                  look-up, rate limit, internal token, the service's token check, a 404 problem: the authenticated
#                  proxy path without a computation)
#   consolidated   GET /api/v1/indicators?period=$PERIOD with no If-None-Match, with If-None-Match of its ETag (n/a
#                  while it has none), and right after a write (bench/write-read.lua)
#   credit         credit's GET /indicators?period=$PERIOD directly and through the gateway, without and with If-None-Match
# and every figure's ratio to the direct trivial endpoint's requests/s (the median over ROUNDS rounds), and credit's
# process CPU seconds over CPU_CALLS indicator calls. Optionally, extra gateways and credit-services started from the
# same (or another) jar with other JVM flags, measured in the same rounds (EXTRA_GATEWAYS, EXTRA_CREDITS below).
# Everything stops again on exit.
#
#   bench/read.sh                                 # 1 round; 10 s per measurement after 5 s of warm-up; 8 connections
#   ROUNDS=3 DURATION=15 WARMUP=10 bench/read.sh
#   EXTRA_GATEWAYS='c2-serial||-XX:+UseSerialGC -Xmx512m -Xss512k' EXTRA_CREDITS='c2-serial||-XX:+UseSerialGC -Xmx512m' bench/read.sh
#   EXTRA_GATEWAYS='before|/tmp/gateway-old.jar|' bench/read.sh      # an older gateway jar beside the new one
set -euo pipefail

BENCH_NAME=read
BENCH_PORT_BASE="${BENCH_PORT_BASE:-18080}"
BENCH_DB_PORT="${BENCH_DB_PORT:-15532}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
ROUNDS="${ROUNDS:-1}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
WRITERS="${WRITERS:-2}"          # connections of the write-then-read measurement, one per wrk thread
PERIOD="${PERIOD:-2022-09}"
CPU_CALLS="${CPU_CALLS:-200}"
# Extra apps beside the platform's, each 'name|jar|JVM options' (jar empty: the platform's own), ';' between them.
# JVM options empty: the launcher's defaults. They get the platform's environment on ports PORT_BASE+10.. (gateways)
# and PORT_BASE+20.. (credit-services, on the platform's database, no demo data of their own).
EXTRA_GATEWAYS="${EXTRA_GATEWAYS:-}"
EXTRA_CREDITS="${EXTRA_CREDITS:-}"
LAUNCHER_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m -Xss512k -XX:+ExitOnOutOfMemoryError"
for tool in wrk jq; do
  command -v "$tool" >/dev/null || { echo "$tool is needed on the PATH (Debian: apt-get install -y wrk jq)" >&2; exit 2; }
done
# shellcheck source=platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/platform.sh"
if [[ -f "$REPO/bench/cpu.sh" ]]; then
  # shellcheck source=/dev/null
  source "$REPO/bench/cpu.sh"
fi
if ! declare -F cpu_seconds >/dev/null; then
  # A minimal stand-in until bench/cpu.sh (issue #15's CPU part) is on this branch: user + system CPU seconds of one
  # process, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). FOR THE LEAD: fold into bench/cpu.sh.
  cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / hz }' "/proc/$1/stat"
  }
fi

EXTRA_PIDS=()
read_cleanup() {
  local rc=$? pid
  for pid in "${EXTRA_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${EXTRA_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  set +e # errexit would end this handler at the next line when rc is not 0, before the platform is stopped
  (exit "$rc")
  bench_cleanup
}
trap read_cleanup EXIT

export CITYFIN_DEMO_DATA=true
# a loaded 2-core machine starts six apps slowly: demo data that cannot get a database connection within the default
# 4 s would keep an app from ever being ready
export CITYFIN_DB_ACQUIRE_TIMEOUT="${CITYFIN_DB_ACQUIRE_TIMEOUT:-60s}" CITYFIN_DB_CREATE_TIMEOUT="${CITYFIN_DB_CREATE_TIMEOUT:-30s}"
export CITYFIN_DB_CONNECT_TIMEOUT="${CITYFIN_DB_CONNECT_TIMEOUT:-30s}"
# the ANALYST key must never meet its rate limit here (the ADMIN key has none)
export CITYFIN_RATE_LIMIT_BURST=1000000000 CITYFIN_RATE_LIMIT_PER_SECOND=1000000000
bench_start

GATEWAY="http://127.0.0.1:$PORT_BASE"
CREDIT="http://127.0.0.1:$((PORT_BASE + 1))"
CREDIT_PID="$(listener $((PORT_BASE + 1)))"
ADMIN_KEY="$(cat "$DATA/admin-api-key")"
# what the platform's apps got (database login, keys, signing key), for the direct calls' tokens and the extra apps
app_env() { tr '\0' '\n' <"/proc/$1/environ" | grep -E '^(DB_|CITYFIN_|SPRING_PROFILES_ACTIVE=|[A-Z_]+_SERVICE_URL=)' \
  | grep -vE '^CITYFIN_(PORT_BASE|DATA_DIR|JAVA_OPTS)='; }
app_env "$GATEWAY_PID" >"$OUT_DIR/gateway.env"
app_env "$CREDIT_PID" | grep -v '^CITYFIN_DEMO_DATA=' >"$OUT_DIR/credit.env"
token() {
  ROLE=ANALYST SUBJECT=bench-read java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$REPO/bench/Mint.java" "$DATA/identity/signing-key.jwk"
}
ANALYST_KEY=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"label": "bench read", "roles": ["ANALYST"]}' "$GATEWAY/api/v1/admin/api-keys" | jq -r .key)

# start_extra <gateway|credit-service> <name> <port> <jar> <options>
start_extra() {
  local app=$1 name=$2 port=$3 jar=$4 opts=$5 envfile
  envfile="$OUT_DIR/$([[ $app == gateway ]] && echo gateway || echo credit).env"
  [[ -n "$jar" ]] || jar="$ROOT/$app/target/$app-$VERSION-exec.jar"
  [[ -n "$opts" ]] || opts="$LAUNCHER_JAVA_OPTS"
  echo "Extra $app '$name' on $port: $jar, $opts"
  (
    set -a
    # shellcheck disable=SC1090
    . "$envfile"
    set +a
    # shellcheck disable=SC2086
    PORT=$port MANAGEMENT_PORT=$((port + 1000)) CITYFIN_DEMO_DATA=false exec java $opts -jar "$jar"
  ) >"$OUT_DIR/$app-$name.log" 2>&1 &
  EXTRA_PIDS+=($!)
}
wait_ready() {
  local port started
  for port in "$@"; do
    started=$(date +%s)
    until curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$((port + 1000))/actuator/health/readiness"; do
      (($(date +%s) - started < START_TIMEOUT)) || { echo "the app on $port was not ready after $START_TIMEOUT s" >&2; exit 1; }
      sleep 1
    done
  done
}
declare -A GATEWAYS=([gateway]=$PORT_BASE) CREDITS=([credit]=$((PORT_BASE + 1)))
GATEWAY_ORDER=(gateway) CREDIT_ORDER=(credit)
i=0
IFS=';' read -ra entries <<<"$EXTRA_GATEWAYS"
for entry in "${entries[@]}"; do
  [[ -n "$entry" ]] || continue
  IFS='|' read -r name jar opts <<<"$entry"
  GATEWAYS["gateway-$name"]=$((PORT_BASE + 10 + i)); GATEWAY_ORDER+=("gateway-$name")
  start_extra gateway "$name" $((PORT_BASE + 10 + i)) "$jar" "$opts"; i=$((i + 1))
done
i=0
IFS=';' read -ra entries <<<"$EXTRA_CREDITS"
for entry in "${entries[@]}"; do
  [[ -n "$entry" ]] || continue
  IFS='|' read -r name jar opts <<<"$entry"
  CREDITS["credit-$name"]=$((PORT_BASE + 20 + i)); CREDIT_ORDER+=("credit-$name")
  start_extra credit-service "$name" $((PORT_BASE + 20 + i)) "$jar" "$opts"; i=$((i + 1))
done
for name in "${GATEWAY_ORDER[@]:1}"; do wait_ready "${GATEWAYS[$name]}"; done
for name in "${CREDIT_ORDER[@]:1}"; do wait_ready "${CREDITS[$name]}"; done
for name in "${GATEWAY_ORDER[@]:1}" "${CREDIT_ORDER[@]:1}"; do echo "$name: pid $(listener "${GATEWAYS[$name]:-${CREDITS[$name]:-0}}")"; done

CONSOLIDATED="/api/v1/indicators?period=$PERIOD"
CREDIT_INDICATORS="/indicators?period=$PERIOD"
YEAR="${PERIOD%%-*}"
# The write: the year's credit target set, one target whose value every PUT changes (write-read.lua)
echo '{"targets": [{"indicator": "LOAN_INCREASE_YTD", "kind": "FLOW", "value": __VALUE__}]}' >"$OUT_DIR/targets.json"

# etag <url> <authorization>: the answer's ETag, or nothing
etag() { curl -s -D - -o /dev/null -H "Authorization: Bearer $2" "$1" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}'; }
check() { # check <what> <url> <authorization> [If-None-Match]: one request's status before the measurement
  curl -s -o /dev/null -w "  check $1: %{http_code}\n" -H "Authorization: Bearer $3" ${4:+-H "If-None-Match: $4"} "$2"
}

SUMMARY="$OUT_DIR/summary.txt"   # what is printed
TABLE="$OUT_DIR/summary.tsv"      # the same, tab-separated, for the ratios
row() { printf '%-6s %-40s %10s %10s %11s  %s\n' "$@" | tee -a "$SUMMARY"; printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$TABLE"; }
row round measurement p50_ms p99_ms requests/s statuses
# measure <round> <name> <url> <authorization or -> [If-None-Match, '-' for none] [script args...]: warm-up, then one wrk run
measure() {
  local round=$1 name=$2 url=$3 auth=$4 inm=${5:--} out figures headers=()
  shift 5 || shift $#
  [[ "$auth" != - ]] && headers+=(-H "Authorization: Bearer $auth")
  [[ "$inm" != - ]] && headers+=(-H "If-None-Match: $inm")
  local script=(-s "$REPO/bench/ratelimit.lua") conn=(-t"$THREADS" -c"$CONNECTIONS")
  if (($#)); then script=(-s "$REPO/bench/write-read.lua"); conn=(-t"$WRITERS" -c"$WRITERS"); fi
  if [[ "$inm" == n/a ]]; then
    row "$round" "$name" n/a n/a n/a "no ETag"
    return
  fi
  wrk "${conn[@]}" -d"${WARMUP}s" "${script[@]}" "${headers[@]}" "$url" ${1:+--} "$@" >/dev/null 2>&1 || true
  out="$OUT_DIR/wrk-$round-${name//[^a-zA-Z0-9-]/_}.txt"
  wrk "${conn[@]}" -d"${DURATION}s" --latency "${script[@]}" "${headers[@]}" "$url" ${1:+--} "$@" >"$out" 2>&1 || true
  figures=$(grep '^figures:' "$out" || echo "figures: p50_ms=n/a p99_ms=n/a rps=n/a")
  row "$round" "$name" \
    "$(sed -E 's/.*p50_ms=([0-9.na/]+).*/\1/' <<<"$figures")" "$(sed -E 's/.*p99_ms=([0-9.na/]+).*/\1/' <<<"$figures")" \
    "$(sed -E 's/.*rps=([0-9.na/]+).*/\1/' <<<"$figures")" "$(grep '^statuses:' "$out" | cut -d' ' -f2- || echo "wrk failed: $out")"
}
# cpu_over_calls <credit port> <token> [If-None-Match]: the credit process's CPU seconds over CPU_CALLS indicator calls on
# one kept-alive connection (curl's own CPU is not counted)
cpu_over_calls() {
  local port=$1 token=$2 inm=${3:-} pid before after config="$OUT_DIR/cpu-calls.curl" n
  pid=$(listener "$port")
  : >"$config"
  for ((n = 0; n < CPU_CALLS; n++)); do printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' "$port" "$CREDIT_INDICATORS" >>"$config"; done
  before=$(cpu_seconds "$pid")
  curl -s -K "$config" -H "Authorization: Bearer $token" ${inm:+-H "If-None-Match: $inm"} -w '%{http_code}\n' | sort | uniq -c | tr '\n' ' ' >"$OUT_DIR/cpu-statuses.txt"
  after=$(cpu_seconds "$pid")
  awk -v a="$after" -v b="$before" 'BEGIN {printf "%.2f", a - b}'
}

for round in $(seq "$ROUNDS"); do
  echo "Round $round of $ROUNDS (load average $(cut -d" " -f1-3 /proc/loadavg))"
  # Tokens live 60 s: a new one before each direct measurement
  measure "$round" "trivial direct" "$CREDIT/openapi/" -
  for name in "${GATEWAY_ORDER[@]}"; do
    measure "$round" "trivial via $name" "http://127.0.0.1:${GATEWAYS[$name]}/api/v1/credit/openapi/" -
  done
  measure "$round" "auth-404 direct" "$CREDIT/bench-nothing" "$(token)"
  for name in "${GATEWAY_ORDER[@]}"; do
    measure "$round" "auth-404 via $name" "http://127.0.0.1:${GATEWAYS[$name]}/api/v1/credit/bench-nothing" "$ANALYST_KEY"
  done
  for name in "${GATEWAY_ORDER[@]}"; do
    url="http://127.0.0.1:${GATEWAYS[$name]}$CONSOLIDATED"
    check "consolidated via $name" "$url" "$ADMIN_KEY"
    measure "$round" "consolidated via $name" "$url" "$ADMIN_KEY"
    tag=$(etag "$url" "$ADMIN_KEY"); [[ -n "$tag" ]] && check "consolidated 304 via $name" "$url" "$ADMIN_KEY" "$tag"
    measure "$round" "consolidated INM via $name" "$url" "$ADMIN_KEY" "${tag:-n/a}"
  done
  for name in "${GATEWAY_ORDER[@]}"; do
    url="http://127.0.0.1:${GATEWAYS[$name]}$CONSOLIDATED"
    measure "$round" "consolidated after write via $name" "$url" "$ADMIN_KEY" - \
      "$CONSOLIDATED" "/api/v1/credit/targets/$YEAR" "$OUT_DIR/targets.json"
  done
  for name in "${CREDIT_ORDER[@]}"; do
    url="http://127.0.0.1:${CREDITS[$name]}$CREDIT_INDICATORS"
    t=$(token)
    check "$name indicators direct" "$url" "$t"
    measure "$round" "$name indicators direct" "$url" "$t"
    tag=$(etag "$url" "$t")
    measure "$round" "$name indicators INM direct" "$url" "$(token)" "${tag:-n/a}"
  done
  url="$GATEWAY/api/v1/credit$CREDIT_INDICATORS"
  measure "$round" "credit indicators via gateway" "$url" "$ANALYST_KEY"
  tag=$(etag "$url" "$ANALYST_KEY")
  measure "$round" "credit indicators INM via gateway" "$url" "$ANALYST_KEY" "${tag:-n/a}"
  for name in "${CREDIT_ORDER[@]}"; do
    t=$(token)
    cpu_over_calls "${CREDITS[$name]}" "$t" >/dev/null # warm
    t=$(token)
    seconds=$(cpu_over_calls "${CREDITS[$name]}" "$t")
    echo "$round $name cpu_seconds_per_${CPU_CALLS}_calls $seconds ($(cat "$OUT_DIR/cpu-statuses.txt"))" | tee -a "$OUT_DIR/cpu.txt"
    tag=$(etag "http://127.0.0.1:${CREDITS[$name]}$CREDIT_INDICATORS" "$t")
    if [[ -n "$tag" ]]; then
      seconds=$(cpu_over_calls "${CREDITS[$name]}" "$t" "$tag")
      echo "$round $name-INM cpu_seconds_per_${CPU_CALLS}_calls $seconds ($(cat "$OUT_DIR/cpu-statuses.txt"))" | tee -a "$OUT_DIR/cpu.txt"
    fi
  done
done

echo
echo "Ratios to 'trivial direct' requests/s (the median over $ROUNDS round(s) of each round's ratio), and the p50s' median:"
awk -F'\t' '
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  NR > 1 {
    round = $1; name = $2
    if (!(name in seen)) { seen[name] = 1; order[++count] = name }
    if ($5 != "n/a") { rps[round "|" name] = $5; p50s[name] = p50s[name] " " $3 }
    rounds[round] = 1
  }
  END {
    printf "  %-40s %11s %10s\n", "", "ratio", "p50_ms"
    for (k = 1; k <= count; k++) {
      name = order[k]; list = ""
      for (r in rounds) if (rps[r "|trivial direct"] > 0 && (r "|" name) in rps) list = list " " rps[r "|" name] / rps[r "|trivial direct"]
      if (list == "") printf "  %-40s %11s %10s\n", name, "n/a", "n/a"
      else printf "  %-40s %10.3fx %10.2f\n", name, median(list), median(p50s[name])
    }
  }' "$TABLE" | tee -a "$SUMMARY"
[[ -f "$OUT_DIR/cpu.txt" ]] && { echo "Credit CPU seconds per $CPU_CALLS indicator calls:"; cat "$OUT_DIR/cpu.txt"; } | tee -a "$SUMMARY"
if [[ "${PROFILE:-0}" == 1 ]]; then
  # Each gateway's profile under the proxied trivial path, and the platform's gateway's under the consolidated path
  # (JFR with the profile settings; DURATION s of wrk after WARMUP s)
  for name in "${GATEWAY_ORDER[@]}"; do
    port=${GATEWAYS[$name]}
    for what in trivial consolidated; do
      case $what in
        trivial) url="http://127.0.0.1:$port/api/v1/credit/openapi/"; auth=- ;;
        consolidated) [[ $name == gateway ]] || continue; url="http://127.0.0.1:$port$CONSOLIDATED"; auth=$ADMIN_KEY ;;
      esac
      jfr="$OUT_DIR/$name-$what.jfr"
      jcmd "$(listener "$port")" JFR.start name="$what" settings=profile filename="$jfr" >/dev/null
      measure profile "profiled $what via $name" "$url" "$auth"
      jcmd "$(listener "$port")" JFR.stop name="$what" >/dev/null
      jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" >"${jfr%.jfr}-samples.txt"
      echo "Profile of $name, $what ($jfr), top frames of $(grep -c 'jdk.ExecutionSample' "${jfr%.jfr}-samples.txt") samples:"
      awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "${jfr%.jfr}-samples.txt" | sort | uniq -c | sort -rn | awk 'NR <= 15' # not head: pipefail would end the script on its SIGPIPE
      echo "Samples whose stack passes through ...:"
      for frame in 'io\.cityfin' 'InternalTokenMinter' 'ECDSA|sun\.security\.ec' 'springframework\.security' 'observation|micrometer' \
        'resilience4j|CircuitBreaker' 'RetryGatewayFilter|reactor\.util\.retry|RepeatWhen|RetryWhen' 'RateLimit' 'reactor\.netty' \
        'jackson' 'logback|slf4j' 'ContextPropagation|ContextSnapshot|ThreadLocalAccessor'; do # awk EREs
        printf '  %-50s %s\n' "$frame" "$(awk -v RS='jdk.ExecutionSample' -v f="$frame" '$0 ~ f {n++} END {print n+0}' "${jfr%.jfr}-samples.txt")"
      done
    done
  done
fi
echo "Load average now: $(cut -d" " -f1-3 /proc/loadavg); uptime: $(uptime)"
