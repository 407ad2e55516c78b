#!/bin/bash
# run-bench.sh: list 10,000 integrations from inflow-sim three ways and compare
#
#   ninja -C build                      # this script builds nothing
#   tests/bench/run-bench.sh [BUILD_DIR] # default BUILD_DIR: build
#
# Contenders, each a fresh process per run:
#   inflow   build/tests/bench/bench-list: InflowClient, every page, the models
#   sdk      node tests/bench/list-sdk.mjs: the official @vantage-sh/vantage-client
#            (tests/bench/package-lock.json; `npm ci --prefix tests/bench` when missing)
#   curl+jq  tests/bench/list-curl.sh: curl per page following links.next, jq counts
#
# It starts `inflow-sim --integrations N` on a free port, runs one warm-up of
# each contender, then RUNS rounds (the contenders in turn), and measures each
# run's wall time (date +%s%N around it), peak memory (max RSS of the process
# tree's largest process, /usr/bin/time -f %M) and CPU time (user + system of
# the contender's processes, not the simulator's; steadier than wall time on a
# busy machine). It prints a table of medians and the ratios with targets. Environment: RUNS (default 5),
# INTEGRATIONS (default 10000). Exits non-zero when a contender fails or
# lists the wrong number of items, not when a target is missed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
runs=${RUNS:-5}
integrations=${INTEGRATIONS:-10000}
token="bench-token"

sim=$build/app/demo/inflow-sim
bench=$build/tests/bench/bench-list

for program in "$sim" "$bench"; do
  if [ ! -x "$program" ]; then
    echo "run-bench: $program is missing; build first: ninja -C $build" >&2
    exit 1
  fi
done
for tool in node curl jq /usr/bin/time; do
  if ! command -v "$tool" > /dev/null; then
    echo "run-bench: $tool is missing (build-aux/install-deps installs it)" >&2
    exit 1
  fi
done
if [ ! -d "$here/node_modules/@vantage-sh/vantage-client" ]; then
  echo "run-bench: installing the TypeScript SDK: npm ci --prefix $here" >&2
  npm ci --prefix "$here" --no-audit --no-fund >&2
fi

tmp=$(mktemp -d)
sim_pid=
cleanup() {
  if [ -n "$sim_pid" ]; then
    kill "$sim_pid" 2> /dev/null || true
    wait "$sim_pid" 2> /dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# No rate limit: the rounds make a few hundred requests
"$sim" --integrations "$integrations" --rate-limit 0/1 --token "$token" --quiet \
  > "$tmp/sim.out" 2> "$tmp/sim.err" &
sim_pid=$!
for _ in $(seq 100); do
  [ -s "$tmp/sim.out" ] && break
  sleep 0.1
done
base=$(head -n 1 "$tmp/sim.out")
case "$base" in
  http://127.0.0.1:*) ;;
  *) echo "run-bench: inflow-sim did not start:" >&2; cat "$tmp/sim.err" >&2; exit 1 ;;
esac

names=(inflow sdk curl+jq)
commands=(
  "$bench --token $token $base"
  "node $here/list-sdk.mjs $base $token"
  "$here/list-curl.sh $base $token"
)

# run INDEX: one run of contender INDEX; appends "WALL_US RSS_KIB CPU_S" to $tmp/INDEX
run() {
  local index=$1 start end items
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the command is split on purpose
  if ! /usr/bin/time -f '%M %U %S' -o "$tmp/rss" ${commands[$index]} > "$tmp/out" 2> "$tmp/err"; then
    echo "run-bench: ${names[$index]} failed:" >&2
    cat "$tmp/err" "$tmp/out" >&2
    exit 1
  fi
  end=$(date +%s%N)
  items=$(grep -o '[0-9]* items' "$tmp/out" | head -n 1 | cut -d ' ' -f 1)
  if [ "$items" != "$integrations" ]; then
    echo "run-bench: ${names[$index]} listed ${items:-no} items, not $integrations" >&2
    exit 1
  fi
  tail -n 1 "$tmp/rss" | awk -v us=$(( (end - start) / 1000 )) '{ print us, $1, $2 + $3 }' >> "$tmp/$index"
}

# median COLUMN FILE
median() {
  cut -d ' ' -f "$1" "$2" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "inflow-sim at $base with $integrations integrations; 1 warm-up + $runs runs each"
for index in "${!names[@]}"; do
  run "$index"
  rm -f "$tmp/$index"
done
for _ in $(seq "$runs"); do
  for index in "${!names[@]}"; do
    run "$index"
  done
done

declare -a time_us rss_kib
echo
printf '%-9s %14s %14s %16s %14s\n' contender "median wall" "fastest wall" "median peak RSS" "median CPU"
for index in "${!names[@]}"; do
  time_us[index]=$(median 1 "$tmp/$index")
  rss_kib[index]=$(median 2 "$tmp/$index")
  fastest=$(cut -d ' ' -f 1 "$tmp/$index" | sort -n | head -n 1)
  printf '%-9s %11.1f ms %11.1f ms %12.1f MiB %11.0f ms\n' "${names[$index]}" \
    "$(awk -v t="${time_us[$index]}" 'BEGIN { print t / 1000 }')" \
    "$(awk -v t="$fastest" 'BEGIN { print t / 1000 }')" \
    "$(awk -v m="${rss_kib[$index]}" 'BEGIN { print m / 1024 }')" \
    "$(awk -v c="$(median 3 "$tmp/$index")" 'BEGIN { print c * 1000 }')"
done

# verdict VALUE OP TARGET: "met" or "MISSED"
verdict() {
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    ok = (op == ">=") ? (v >= t) : (v <= t)
    print ok ? "met" : "MISSED" }'
}
speed_sdk=$(awk -v a="${time_us[1]}" -v b="${time_us[0]}" 'BEGIN { printf "%.2f", a / b }')
memory_sdk=$(awk -v a="${rss_kib[0]}" -v b="${rss_kib[1]}" 'BEGIN { printf "%.2f", a / b }')
vs_curl=$(awk -v a="${time_us[0]}" -v b="${time_us[2]}" 'BEGIN { printf "%.2f", a / b }')

echo
printf '%-44s %6s   %-12s %s\n' ratio value target verdict
printf '%-44s %5s×   %-12s %s\n' "SDK time / Inflow time (Inflow's speed-up)" "$speed_sdk" "≥ 2×" \
  "$(verdict "$speed_sdk" ">=" 2)"
printf '%-44s %5s×   %-12s %s\n' "Inflow peak RSS / SDK peak RSS" "$memory_sdk" "≤ 0.5×" \
  "$(verdict "$memory_sdk" "<=" 0.5)"
printf '%-44s %5s×   %-12s %s\n' "Inflow time / curl+jq time" "$vs_curl" "≤ 1.5×" \
  "$(verdict "$vs_curl" "<=" 1.5)"
