#!/usr/bin/env bash
# Issue #14's rate-limit benchmark (not a test); see bench/README.md, "What a limited request costs".
# Starts a private CityFin (its PostgreSQL holds the API keys) and a private redis-server, then four extra gateways
# from the same jar on the platform's database: per store (CITYFIN_RATE_LIMIT_STORE=memory, =redis) an "open" one (a
# limit no request reaches) and a "tight" one (burst 1, 1 a second). wrk measures, through them, an ANALYST key's request
# that passes the limit, one the limit refuses (429), and the bootstrap admin key's (exempt: no limiter at all), on a
# route the gateway answers itself (the consolidated endpoint with a period before 1990: a 400 before any fan-out), so
# that the figures are the gateway's and the limiter's only; ROUNDS times, each redis figure right after its memory twin.
# Everything stops again on exit.
#
#   bench/ratelimit.sh                              # 3 rounds; 10 s per measurement after 5 s of warm-up; 8 connections
#   ROUNDS=5 DURATION=20 CONNECTIONS=16 bench/ratelimit.sh
set -euo pipefail

BENCH_NAME=ratelimit
# not flood.sh's or ingest.sh's 28080 (they may run meanwhile), and below Linux's ephemeral ports (32768 and up), which
# any outgoing connection may hold for a moment
BENCH_PORT_BASE="${BENCH_PORT_BASE:-24080}"
BENCH_DB_PORT="${BENCH_DB_PORT:-23432}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--XX:+UseSerialGC -Xmx512m -XX:+ExitOnOutOfMemoryError}"
for tool in wrk redis-server redis-cli; do
  command -v "$tool" >/dev/null || { echo "$tool is needed on the PATH (Debian: apt-get install -y wrk redis-server)" >&2; exit 2; }
done
# shellcheck source=platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/platform.sh"

REDIS_PORT=$((PORT_BASE + 30))
MEMORY_OPEN=$((PORT_BASE + 10))
MEMORY_TIGHT=$((PORT_BASE + 11))
REDIS_OPEN=$((PORT_BASE + 12))
REDIS_TIGHT=$((PORT_BASE + 13))
EXTRA_PIDS=()
REDIS_PID=""

ratelimit_cleanup() {
  local rc=$?
  local pid
  for pid in "${EXTRA_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${EXTRA_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$REDIS_PID" ]]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; fi
  set +e # errexit would end this handler at the next line when rc is not 0, before the platform is stopped
  (exit "$rc")
  bench_cleanup
}
trap ratelimit_cleanup EXIT

export CITYFIN_DEMO_DATA=false
bench_start

# The extra gateways get what the platform's gateway got (database login, keys, signing key), from its environment.
GATEWAY_ENV="$OUT_DIR/gateway.env"
tr '\0' '\n' <"/proc/$GATEWAY_PID/environ" | grep -E '^(DB_|CITYFIN_|SPRING_PROFILES_ACTIVE=)' \
  | grep -vE '^CITYFIN_(RATE_LIMIT|PORT_BASE|DATA_DIR)' >"$GATEWAY_ENV"
ADMIN_KEY="$(cat "$DATA/admin-api-key")"
JAR="$ROOT/gateway/target/gateway-$VERSION-exec.jar"

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$OUT_DIR/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
redis-cli -p "$REDIS_PORT" ping >/dev/null

# start_gateway <name> <port> <store> <burst> <per-second>
start_gateway() {
  local name=$1 port=$2 store=$3 burst=$4 per_second=$5
  (
    set -a
    # shellcheck disable=SC1090
    . "$GATEWAY_ENV"
    set +a
    PORT=$port MANAGEMENT_PORT=$((port + 1000)) CITYFIN_RATE_LIMIT_STORE=$store \
      CITYFIN_RATE_LIMIT_BURST=$burst CITYFIN_RATE_LIMIT_PER_SECOND=$per_second \
      SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
      exec java $GATEWAY_JAVA_OPTS -jar "$JAR"
  ) >"$OUT_DIR/gateway-$name.log" 2>&1 &
  EXTRA_PIDS+=($!)
}

wait_ready() {
  local port
  for port in "$@"; do
    local started; started=$(date +%s)
    until curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$((port + 1000))/actuator/health/readiness"; do
      (($(date +%s) - started < 180)) || { echo "gateway on $port not ready after 180 s" >&2; exit 1; }
      sleep 1
    done
  done
}

URL_PATH="/api/v1/indicators?period=1900-01"
SUMMARY="$OUT_DIR/summary.txt"
printf '%-6s %-8s %-8s %10s %10s %11s  %s\n' round store request p50_ms p99_ms requests/s statuses >"$SUMMARY"

# measure <round> <store> <what> <port> <key>: warm-up, then one wrk run; a line in summary.txt
measure() {
  local round=$1 store=$2 what=$3 port=$4 key=$5 out figures
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$REPO/bench/ratelimit.lua" -H "Authorization: Bearer $key" \
    "http://127.0.0.1:$port$URL_PATH" >/dev/null
  out="$OUT_DIR/wrk-$round-$store-$what.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$REPO/bench/ratelimit.lua" \
    -H "Authorization: Bearer $key" "http://127.0.0.1:$port$URL_PATH" >"$out"
  figures=$(grep '^figures:' "$out")
  printf '%-6s %-8s %-8s %10s %10s %11s  %s\n' "$round" "$store" "$what" \
    "$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$figures")" "$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$figures")" \
    "$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$figures")" "$(grep '^statuses:' "$out" | cut -d' ' -f2-)" | tee -a "$SUMMARY"
}

# Both stores at once, each with an open and a tight gateway, so that each redis figure is taken right after its memory
# twin: the machine's load drifts less between the two than between two halves of a run.
echo "Starting four gateways: memory open $MEMORY_OPEN, memory tight $MEMORY_TIGHT, redis open $REDIS_OPEN, redis tight $REDIS_TIGHT ..."
start_gateway memory-open "$MEMORY_OPEN" memory 1000000000 1000000000
start_gateway memory-tight "$MEMORY_TIGHT" memory 1 1
start_gateway redis-open "$REDIS_OPEN" redis 1000000000 1000000000
start_gateway redis-tight "$REDIS_TIGHT" redis 1 1
wait_ready "$MEMORY_OPEN" "$MEMORY_TIGHT" "$REDIS_OPEN" "$REDIS_TIGHT"
ANALYST_KEY=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"label": "bench ratelimit", "roles": ["ANALYST"]}' "http://127.0.0.1:$MEMORY_OPEN/api/v1/admin/api-keys" \
  | grep -o '"key" *: *"cfk_[^"]*"' | grep -o 'cfk_[^"]*')
code() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ANALYST_KEY" "http://127.0.0.1:$1$URL_PATH"; }
for port in "$MEMORY_TIGHT" "$REDIS_TIGHT"; do
  echo "Check, tight gateway $port, twice: $(code "$port") $(code "$port") (expected 400 429: the route answers 400 after the limit)"
done

for round in $(seq "$ROUNDS"); do
  for what in allowed refused exempt; do
    for store in memory redis; do
      case "$store-$what" in
        memory-refused) port=$MEMORY_TIGHT ;; redis-refused) port=$REDIS_TIGHT ;;
        memory-*) port=$MEMORY_OPEN ;; redis-*) port=$REDIS_OPEN ;;
      esac
      key=$ANALYST_KEY
      [[ "$what" == exempt ]] && key=$ADMIN_KEY
      measure "$round" "$store" "$what" "$port" "$key"
    done
  done
done
for port in "$REDIS_OPEN" "$REDIS_TIGHT"; do
  echo "Gateway $port: $(curl -s "http://127.0.0.1:$((port + 1000))/actuator/prometheus" | grep -E '^cityfin_gateway_rate_limit_store_errors_total' || true)"
done
echo "Redis after the runs: $(redis-cli -p "$REDIS_PORT" info stats | grep -E '^total_commands_processed' | tr -d '\r')"

echo
echo "Ratios: the median over $ROUNDS rounds of each round's ratio (p50, p99: higher is slower; requests/s: higher is more):"
awk '
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  function add(name, r, a, b) { if (b > 0) { ratios[name "|" r] = ratios[name "|" r] " " a / b } }
  NR > 1 { key = $1 "," $2 "," $3; p50[key] = $4; p99[key] = $5; rps[key] = $6; rounds[$1] = 1 }
  END {
    n = split("redis/memory,allowed redis/memory,refused redis/memory,exempt memory:refused/allowed redis:refused/allowed memory:allowed/exempt redis:allowed/exempt", names, " ")
    printf "  %-26s %8s %8s %11s\n", "", "p50", "p99", "requests/s"
    for (i = 1; i <= n; i++) {
      name = names[i]; l50 = ""; l99 = ""; lrps = ""
      for (r in rounds) {
        if (name ~ /^redis\/memory/) { split(name, parts, ","); a = r ",redis," parts[2]; b = r ",memory," parts[2] }
        else { split(name, parts, /[:\/]/); a = r "," parts[1] "," parts[2]; b = r "," parts[1] "," parts[3] }
        if (p50[b] > 0) { l50 = l50 " " p50[a] / p50[b]; l99 = l99 " " p99[a] / p99[b]; lrps = lrps " " rps[a] / rps[b] }
      }
      printf "  %-26s %8.2f %8.2f %11.2f\n", name, median(l50), median(l99), median(lrps)
    }
  }' "$SUMMARY" | tee -a "$SUMMARY"
echo "Load average now: $(cut -d" " -f1-3 /proc/loadavg)"
