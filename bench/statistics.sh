#!/usr/bin/env bash
# /statistics at national scale: requests/s, p50 and p99 of the statistics
# page, its JSON and CSV, beside /systems (the target: no slower than it),
# with 50 concurrent clients over 100,000 synthetic systems; and how long one
# count of the statistics takes (the first request after the server starts,
# and again after a change), which a request pays at most once a minute;
# and the largest agency's statistics page.
#
#   bench/statistics.sh             (after `cargo leptos build --release`)
#   DURATION=15s SYSTEMS=100000 bench/statistics.sh
#
# The register is the search benchmark's (target/bench-data/search-http-N),
# seeded once with `lantern seed --synthetic $SYSTEMS --seed 42`.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3905}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-50}"
systems="${SYSTEMS:-100000}"
base="http://127.0.0.1:$port"
data="${BENCH_DATA:-target/bench-data/search-http-$systems}"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= LANTERN_LOG=warn
if [ ! -f "$data/lantern.db" ]; then
  mkdir -p "$data"
  "$binary" seed --synthetic "$systems" --seed 42
  "$binary" reindex
fi

"$binary" serve --addr "127.0.0.1:$port" --api-requests-per-minute 0 2>target/bench-data/statistics-server.log &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
# Older registers are worked out in the background at start (completeness,
# review dates): wait until the search index has taken them in.
for _ in $(seq 1 600); do
  curl -sf "$base/healthz" | grep -q '"search_pending":0' && break
  sleep 1
done

once() { curl -s -o /dev/null -w '%{time_total}' "$base$1"; }
echo "one count of the statistics (first request): $(once /api/v1/statistics) s; kept: $(once /api/v1/statistics) s"

measure() {
  local name=$1 path=$2
  wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency "$base$path" \
    | awk -v n="$name" '/Requests\/sec/ {r=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2}
        /Non-2xx/ {bad+=$NF} /Socket errors/ {bad+=1}
        END {printf "%-24s %10s %9s %9s%s\n", n, r, p50, p99, bad ? "   (errors or timeouts)" : ""}'
}
echo "$systems systems, $connections clients, $duration each, $(nproc) cores shared by server and load"
printf "%-24s %10s %9s %9s\n" "page" "req/s" "p50" "p99"
measure "/systems" "/systems"
measure "/statistics" "/statistics"
measure "/nl/statistics" "/nl/statistics"
measure "/api/v1/statistics" "/api/v1/statistics"
measure "/api/v1/statistics.csv" "/api/v1/statistics.csv"
# One agency's statistics, kept per agency like the register's: the
# largest agency's page, which counts the most rows.
agency=$(curl -s "$base/api/v1/statistics" | python3 -c 'import json, sys; print(json.load(sys.stdin)["by_agency"][0]["agency"])')
echo "one count of the largest agency's statistics ($agency): $(once "/api/v1/statistics?agency=$agency") s; kept: $(once "/api/v1/statistics?agency=$agency") s"
measure "/agencies/…/statistics" "/agencies/$agency/statistics"
