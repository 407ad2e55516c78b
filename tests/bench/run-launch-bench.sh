#!/bin/bash
# run-launch-bench.sh: Inflow's launch, keystrokes and memory beside an empty window
#
#   ninja -C build                              # this script builds nothing
#   tests/bench/run-launch-bench.sh [BUILD_DIR] # default BUILD_DIR: build
#
# In a private Xvfb, D-Bus session and unlocked gnome-keyring (it starts
# them itself), against one external `inflow-sim --integrations 10000
# --accounts 5000`, it alternates RUNS rounds of:
#   empty    build/tests/bench/bench-empty-window: an empty
#            AdwApplicationWindow to its first painted frame
#   inflow   the real build/app/inflow in a throwaway HOME with a profile
#            signed in by `inflow --sign-in` (token on standard input):
#            launch 1 (nothing cached): first frame, rows after the refresh;
#            launch 2 (the cache of launch 1): first frame, first frame with
#            the cached rows, fresh rows after the refresh, then a keystroke
#            script on the Integrations search (xdotool: "p", "pr", "pro",
#            "prod", cleared, "a", "aw", "aws", "awsz" (no result), cleared)
# Every program prints its timings with INFLOW_BENCH_TIMINGS=1 (see
# app/inflow-bench-timings.c): wall time since the launch and the process's
# CPU time, and per keystroke the main thread's CPU time until the result is
# shown (total, and the longest main-loop iteration). Peak RSS comes from
# /usr/bin/time. It prints medians and the ratios against the goals of issue
# #17. Environment: RUNS (default 5), INTEGRATIONS (10000), ACCOUNTS (5000).
# Exits non-zero when a contender fails, not when a goal is missed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)

if [ -z "${INFLOW_LAUNCH_BENCH_INNER:-}" ]; then
  for tool in xvfb-run dbus-run-session gnome-keyring-daemon xdotool /usr/bin/time; do
    if ! command -v "$tool" > /dev/null; then
      echo "run-launch-bench: $tool is missing (build-aux/install-deps installs it)" >&2
      exit 1
    fi
  done
  export INFLOW_LAUNCH_BENCH_INNER=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$root/build-aux/test-session" "$0" "$build" 2> >(grep -v '^dbus-daemon' >&2)
fi

runs=${RUNS:-5}
integrations=${INTEGRATIONS:-10000}
accounts=${ACCOUNTS:-5000}
token="bench-token-for-the-launch-benchmark-0123456789abcdef"
sim=$build/app/demo/inflow-sim
inflow=$build/app/inflow
empty=$build/tests/bench/bench-empty-window
keys=(p r o d CLEAR a w s z CLEAR)

for program in "$sim" "$inflow" "$empty"; do
  if [ ! -x "$program" ]; then
    echo "run-launch-bench: $program is missing; build first: ninja -C $build" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
sim_pid=
app_pid=
cleanup() {
  for pid in $app_pid $sim_pid; do
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "run-launch-bench: $*" >&2
  for log in "$tmp"/*.err; do
    [ -s "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

"$sim" --integrations "$integrations" --accounts "$accounts" --rate-limit 0/1 \
  --token "$token" --quiet > "$tmp/sim.out" 2> "$tmp/sim.err" &
sim_pid=$!
for _ in $(seq 300); do
  [ -s "$tmp/sim.out" ] && break
  sleep 0.1
done
base=$(head -n 1 "$tmp/sim.out")
case "$base" in
  http://127.0.0.1:*) ;;
  *) fail "inflow-sim did not start" ;;
esac

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" INFLOW_BENCH_TIMINGS=1
export GDK_BACKEND=x11 NO_AT_BRIDGE=1

# use_home DIR: a throwaway HOME
use_home() {
  export HOME=$1 XDG_DATA_HOME=$1/data XDG_CONFIG_HOME=$1/config XDG_CACHE_HOME=$1/cache \
    XDG_STATE_HOME=$1/state
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
}

# wait_for PATTERN LOG SECONDS: until LOG has a line matching PATTERN
wait_for() {
  for _ in $(seq $(( $3 * 20 ))); do
    grep -q -- "$1" "$2" 2> /dev/null && return 0
    if [ -n "$app_pid" ] && ! kill -0 "$app_pid" 2> /dev/null; then
      fail "inflow ended before printing \"$1\""
    fi
    sleep 0.05
  done
  fail "no \"$1\" within $3 s"
}

# field NAME LINE: the value of NAME=VALUE in LINE
field() {
  tr ' ' '\n' <<< "$2" | sed -n "s/^$1=//p" | head -n 1
}

# record FILE VALUE...: a row of figures
record() {
  local file=$1
  shift
  echo "$*" >> "$tmp/$file"
}

run_empty() {
  INFLOW_BENCH_LAUNCH=$(date +%s%6N) /usr/bin/time -f '%M' -o "$tmp/empty.rss" \
    "$empty" > /dev/null 2> "$tmp/empty.err" || fail "bench-empty-window failed"
  line=$(grep 'inflow-bench: first-frame' "$tmp/empty.err") || fail "bench-empty-window printed no frame"
  record empty "$(field wall "$line") $(field cpu "$line") $(tail -n 1 "$tmp/empty.rss")"
}

# start_inflow NAME: launches inflow, its timings in $tmp/NAME.err
start_inflow() {
  INFLOW_BENCH_LAUNCH=$(date +%s%6N) /usr/bin/time -f '%M' -o "$tmp/$1.rss" \
    "$inflow" > /dev/null 2> "$tmp/$1.err" &
  app_pid=$!
}

# inflow_window: the window of the running inflow
inflow_window() {
  local pid window
  pid=$(pgrep -P "$app_pid" -x inflow) || fail "inflow is not running"
  window=$(xdotool search --onlyvisible --pid "$pid" | head -n 1)
  [ -n "$window" ] || fail "inflow has no window"
  echo "$window"
}

quit_inflow() {
  local window
  window=$(inflow_window)
  xdotool windowfocus --sync "$window" key ctrl+q || fail "cannot quit inflow"
  for _ in $(seq 200); do
    kill -0 "$app_pid" 2> /dev/null || break
    sleep 0.05
  done
  wait "$app_pid" || fail "inflow failed"
  app_pid=
}

# keystrokes: the key script on the Integrations search of the running inflow
keystrokes() {
  local window index key seen line
  window=$(inflow_window)
  xdotool windowfocus --sync "$window" key alt+2 || fail "cannot type in inflow"
  sleep 1
  xdotool key ctrl+f
  sleep 1
  for index in "${!keys[@]}"; do
    key=${keys[$index]}
    seen=$(grep -c 'inflow-bench: keystroke' "$tmp/second.err" || true)
    if [ "$key" = CLEAR ]; then
      xdotool key ctrl+a BackSpace
    else
      xdotool type "$key"
    fi
    for _ in $(seq 400); do
      [ "$(grep -c 'inflow-bench: keystroke' "$tmp/second.err" || true)" -gt "$seen" ] && break
      sleep 0.05
    done
    line=$(grep 'inflow-bench: keystroke' "$tmp/second.err" | tail -n 1)
    [ "$(grep -c 'inflow-bench: keystroke' "$tmp/second.err" || true)" -gt "$seen" ] ||
      fail "no result for the key \"$key\" within 20 s"
    echo "  $line" | sed 's/inflow-bench: //'
    record "key-$index" "$(field total "$line") $(field longest "$line")"
    sleep 0.3
  done
}

echo "inflow-sim at $base with $integrations integrations and $accounts accounts; $runs rounds"
echo "load before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
for round in $(seq "$runs"); do
  echo "round $round"
  use_home "$tmp/home-$round"
  printf '%s' "$token" | "$inflow" --sign-in --name Bench --api "$base" > /dev/null 2> "$tmp/sign-in.err" ||
    fail "inflow --sign-in failed"

  run_empty

  start_inflow first
  wait_for 'inflow-bench: fresh-rows' "$tmp/first.err" 120
  sleep 1   # the cache written
  quit_inflow
  first=$(grep 'inflow-bench: first-frame' "$tmp/first.err")
  fresh=$(grep 'inflow-bench: fresh-rows' "$tmp/first.err")
  record first "$(field wall "$first") $(field cpu "$first") $(field wall "$fresh") $(field cpu "$fresh")"

  run_empty

  start_inflow second
  wait_for 'inflow-bench: fresh-rows' "$tmp/second.err" 120
  sleep 1
  keystrokes
  quit_inflow
  first=$(grep 'inflow-bench: first-frame' "$tmp/second.err")
  rows=$(grep 'inflow-bench: rows' "$tmp/second.err")
  fresh=$(grep 'inflow-bench: fresh-rows' "$tmp/second.err")
  [ "$(field fetched "$rows")" = 0 ] || echo "  (launch 2 showed no cached rows before the refresh)"
  record second "$(field wall "$first") $(field cpu "$first") $(field wall "$rows") $(field cpu "$rows") $(field wall "$fresh") $(field cpu "$fresh") $(tail -n 1 "$tmp/second.rss")"
  echo "  $(tail -n 1 "$tmp/empty") | $(tail -n 1 "$tmp/first") | $(tail -n 1 "$tmp/second")"
done
echo "load after: $(cut -d ' ' -f 1-3 /proc/loadavg)"

# median COLUMN FILE
median() {
  cut -d ' ' -f "$1" "$tmp/$2" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
# max COLUMN FILE
max() {
  cut -d ' ' -f "$1" "$tmp/$2" | sort -g | tail -n 1
}

echo
printf '%-52s %12s %12s\n' "median of $runs (ms)" wall cpu
printf '%-52s %12s %12s\n' "empty window: first frame" "$(median 1 empty)" "$(median 2 empty)"
printf '%-52s %12s %12s\n' "inflow launch 1 (no cache): first frame" "$(median 1 first)" "$(median 2 first)"
printf '%-52s %12s %12s\n' "inflow launch 1: rows after the refresh" "$(median 3 first)" "$(median 4 first)"
printf '%-52s %12s %12s\n' "inflow launch 2 (cache): first frame" "$(median 1 second)" "$(median 2 second)"
printf '%-52s %12s %12s\n' "inflow launch 2: first frame with cached rows" "$(median 3 second)" "$(median 4 second)"
printf '%-52s %12s %12s\n' "inflow launch 2: fresh rows after the refresh" "$(median 5 second)" "$(median 6 second)"
echo
printf '%-20s %26s %30s\n' "keystroke" "main-thread cpu, median" "longest iteration, median (max)"
worst_total=0
worst_longest=0
text=
for index in "${!keys[@]}"; do
  key=${keys[$index]}
  if [ "$key" = CLEAR ]; then label="(cleared)"; text=; else text=$text$key; label="\"$text\""; fi
  total=$(median 1 "key-$index")
  longest=$(median 2 "key-$index")
  printf '%-20s %23s ms %20s ms (%s)\n' "$label" "$total" "$longest" "$(max 2 "key-$index")"
  worst_total=$(awk -v a="$worst_total" -v b="$total" 'BEGIN { print (b > a) ? b : a }')
  worst_longest=$(awk -v a="$worst_longest" -v b="$longest" 'BEGIN { print (b > a) ? b : a }')
done

empty_rss=$(median 3 empty)
inflow_rss=$(median 7 second)
echo
printf 'peak RSS, median: empty window %.1f MiB, inflow launch 2 (after the keystrokes) %.1f MiB\n' \
  "$(awk -v k="$empty_rss" 'BEGIN { print k / 1024 }')" "$(awk -v k="$inflow_rss" 'BEGIN { print k / 1024 }')"

# verdict VALUE TARGET: "met" or "MISSED" (VALUE ≤ TARGET)
verdict() {
  awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : "MISSED" }'
}
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
first_ratio=$(ratio "$(median 1 second)" "$(median 1 empty)")
rows_ratio=$(ratio "$(median 3 second)" "$(median 1 empty)")
rows_cpu_ratio=$(ratio "$(median 4 second)" "$(median 2 empty)")
extra_mib=$(awk -v a="$inflow_rss" -v b="$empty_rss" 'BEGIN { printf "%.1f", (a - b) / 1024 }')

echo
printf '%-58s %9s   %-10s %s\n' goal value target verdict
printf '%-58s %8s×   %-10s %s\n' "launch 2 first frame / empty window's (wall)" "$first_ratio" "≤ 1.5×" "$(verdict "$first_ratio" 1.5)"
printf '%-58s %8s×   %-10s %s\n' "launch 2 first frame with cached rows / empty's (wall)" "$rows_ratio" "≤ 1.5×" "$(verdict "$rows_ratio" 1.5)"
printf '%-58s %8s×   %-10s %s\n' "the same in CPU time" "$rows_cpu_ratio" "≤ 1.5×" "$(verdict "$rows_cpu_ratio" 1.5)"
printf '%-58s %6s ms   %-10s %s\n' "worst keystroke, main-thread cpu (median per key)" "$worst_total" "≤ 8 ms" "$(verdict "$worst_total" 8)"
printf '%-58s %6s ms   %-10s %s\n' "worst keystroke, longest iteration (median per key)" "$worst_longest" "≤ 8 ms" "$(verdict "$worst_longest" 8)"
printf '%-58s %5s MiB   %-10s %s\n' "peak RSS above the empty window's" "$extra_mib" "≤ 40 MiB" "$(verdict "$extra_mib" 40)"
