# Sourced helpers: the CPU time a process uses, and over a fixed number of HTTP calls (issue #15; see bench/README.md,
# "Credit's indicator CPU"). Other scripts source this file (bench/indicator-cpu.sh, bench/read.sh): keep the names.
#
#   cpu_seconds <pid>
#       utime + stime of the process (all its threads, as /proc/<pid>/stat counts them) in seconds, 3 decimals,
#       with the clock tick of `getconf CLK_TCK`. Fails when the process is gone.
#   cpu_of_calls <pid> <calls> <url> [curl option ...]
#       sends <calls> GET requests to <url> with one curl process (CPU_CALLS_IN_FLIGHT at once, default 4, connections
#       kept alive; the options, such as -H "Authorization: Bearer ...", go to every request) and prints the CPU
#       seconds <pid> used meanwhile. Fails, printing the statuses to stderr, unless every answer has status
#       CPU_CALLS_STATUS (default 200).
#   cpu_ms_per_call <cpu seconds> <calls>
#       prints the CPU milliseconds per call, 3 decimals.
#
# Only bash, awk, getconf and curl. The caller's own CPU (curl) is not counted: only <pid>'s.

cpu_seconds() {
  local pid="$1" stat
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || { echo "cpu_seconds: no process $pid" >&2; return 1; }
  # the command name (field 2) may hold spaces: fields 14 and 15 counted after its closing parenthesis
  awk -v tick="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.3f\n", ($12 + $13) / tick }' <<<"$stat"
}

cpu_of_calls() {
  local pid="$1" calls="$2" url="$3"
  shift 3
  local config statuses before after bad
  config="$(mktemp)"
  statuses="$(mktemp)"
  for ((i = 0; i < calls; i++)); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$url"
  done >"$config"
  before="$(cpu_seconds "$pid")" || { rm -f "$config" "$statuses"; return 1; }
  curl -s --no-progress-meter --parallel --parallel-max "${CPU_CALLS_IN_FLIGHT:-4}" -w '%{http_code}\n' "$@" -K "$config" >"$statuses"
  after="$(cpu_seconds "$pid")" || { rm -f "$config" "$statuses"; return 1; }
  bad="$(grep -vcx "${CPU_CALLS_STATUS:-200}" "$statuses" || true)"
  if [[ "$bad" != 0 || "$(wc -l <"$statuses")" != "$calls" ]]; then
    echo "cpu_of_calls: $bad of $calls answers to $url were not ${CPU_CALLS_STATUS:-200}:" \
      "$(sort "$statuses" | uniq -c | tr '\n' ' ')" >&2
    rm -f "$config" "$statuses"
    return 1
  fi
  rm -f "$config" "$statuses"
  awk -v a="$before" -v b="$after" 'BEGIN { printf "%.3f\n", b - a }'
}

cpu_ms_per_call() {
  awk -v s="$1" -v n="$2" 'BEGIN { printf "%.3f\n", (n > 0 ? s * 1000 / n : 0) }'
}
