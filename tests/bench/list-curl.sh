#!/bin/sh
# list-curl.sh: the raw floor of run-bench.sh. Lists every integration of a
# running inflow-sim with curl, following links.next, and counts them with
# jq: one curl and one jq per page.
#
#   tests/bench/list-curl.sh BASE_URL [TOKEN]
#
# Prints "curl+jq: ITEMS items".
set -eu

if [ $# -lt 1 ]; then
  echo "usage: $0 BASE_URL [TOKEN]" >&2
  exit 1
fi

url="$1/v2/integrations?limit=1000"
token=${2:-demo-token}
count=0

while [ -n "$url" ]; do
  # "COUNT NEXT", NEXT empty on the last page
  line=$(curl -sS --fail -H "Authorization: Bearer $token" "$url" |
         jq -r '"\(.integrations | length) \(.links.next // "")"')
  count=$((count + ${line%% *}))
  url=${line#* }
done

echo "curl+jq: $count items"
