#!/usr/bin/env bash
# Load test: requests/s and p99 latency of a record page and the list page with
# 50 concurrent clients, in English and in Dutch (the catalogue must not slow
# pages down: Dutch within 5% of English), against the same HTML served as a
# static file by the same server. Loopback only; every run is bounded in time.
#
#   bench/load.sh                 (after `cargo leptos build --release`)
#   DURATION=30s bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# BINARY=/path/to/an/older/lantern runs another build, to compare.
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3900}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-50}"
base="http://127.0.0.1:$port"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

data=$(mktemp -d)
LANTERN_DATA_DIR="$data" DATABASE_URL= LANTERN_LOG=warn LANTERN_LANGUAGES=en,nl "$binary" serve --demo --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data" target/site/bench' EXIT
for _ in $(seq 1 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

id=$(curl -sf "$base/systems" | grep -o 'href="/systems/[a-z0-9]*"' | head -n 1 | cut -d/ -f3 | tr -d '"')
mkdir -p target/site/bench
curl -sf "$base/systems/$id" > target/site/bench/record.html
curl -sf "$base/systems" > target/site/bench/systems.html

run() {
  local name=$1 url=$2
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$url")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-28s %10s req/s   p99 %8s\n' "$name" "$rps" "$p99"
}

echo "$connections clients, $duration each, $(nproc) cores shared by server and load"
run "/systems/{id} (page)" "$base/systems/$id"
run "/systems/{id} (static)" "$base/bench/record.html"
run "/nl/systems/{id} (Dutch)" "$base/nl/systems/$id"
run "/systems (page)" "$base/systems"
run "/nl/systems (Dutch)" "$base/nl/systems"
run "/systems (static)" "$base/bench/systems.html"

# Page weight: what a reader downloads for each page with JavaScript on, the
# page and everything it loads, gzipped as the server sends them. Budget:
# 30 KB a page, except /systems, whose live search is a wasm island.
echo "page weight with JavaScript on (gzipped, page and everything it loads):"
weigh() {
  local path=$1 total=0 bytes item
  for item in "$path" $(curl -sf "$base$path" | grep -oE '/(pkg/[a-z_.]+|feedback)\.(css|js|wasm)' | sort -u); do
    bytes=$(curl -sf -H 'Accept-Encoding: gzip' "$base$item" | wc -c)
    total=$((total + bytes))
  done
  awk -v p="$path" -v t="$total" 'BEGIN { printf "  %-36s %7.1f KB%s\n", p, t / 1024, (t > 30 * 1024 && p != "/systems") ? "  over the 30 KB budget" : "" }'
}
for path in / /systems "/systems/$id" "/systems/$id/history" /agencies /agencies/tax-office /open-data /login; do
  weigh "$path"
done
