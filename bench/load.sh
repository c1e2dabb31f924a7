#!/usr/bin/env bash
# Load test: requests/s and p99 latency of a record page and the list page with
# 50 concurrent clients, against the same HTML served as a static file by the
# same server. Loopback only; every run is bounded in time.
#
#   bench/load.sh                 (after `cargo leptos build --release`)
#   DURATION=30s bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${CARGO_TARGET_DIR:-target}/release/lantern"
port="${BENCH_PORT:-3900}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-50}"
base="http://127.0.0.1:$port"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

data=$(mktemp -d)
LANTERN_DATA_DIR="$data" DATABASE_URL= LANTERN_LOG=warn "$binary" serve --demo --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
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
run "/systems (page)" "$base/systems"
run "/systems (static)" "$base/bench/systems.html"

# What a citizen downloads for a record: the page and what it loads, gzipped
# as the server sends them (budget: 300 KB).
total=0
for path in "/systems/$id" $(grep -o '/pkg/[a-z_.]*\.\(css\|js\|wasm\)' target/site/bench/record.html | sort -u); do
  bytes=$(curl -sf -H 'Accept-Encoding: gzip' "$base$path" | wc -c)
  printf '  %-28s %8d bytes\n' "$path" "$bytes"
  total=$((total + bytes))
done
printf 'a record page with everything it loads, gzipped: %d KB (budget 300 KB)\n' "$((total / 1024))"
