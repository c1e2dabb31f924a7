#!/usr/bin/env bash
# Two `lantern serve` instances on one PostgreSQL database and one
# Meilisearch, under load through both at once: record pages, the search
# API, and writes through both while they read. Prints req/s and p99 per
# instance and in total, next to one instance alone; then checks that the
# writes all reached the search index, applied by one instance at a time.
#
#   bench/scale-out.sh           (after `cargo leptos build --release`)
#   SYSTEMS=10000 DURATION=10s bench/scale-out.sh
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and Meilisearch
# (MEILISEARCH_BIN, ../shared/bin/meilisearch or `meilisearch` on PATH). The
# database lantern_bench_scale_out is made again on each run. On one machine
# every process shares the same cores, so two instances show correctness
# under load, not more throughput: that needs a machine per instance.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
systems="${SYSTEMS:-10000}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-50}"
database=lantern_bench_scale_out
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
meilisearch_bin="${MEILISEARCH_BIN:-}"
for candidate in ../shared/bin/meilisearch "$(command -v meilisearch || true)"; do
  if [ -z "$meilisearch_bin" ] && [ -n "$candidate" ] && [ -x "$candidate" ]; then meilisearch_bin=$candidate; fi
done
[ -n "$meilisearch_bin" ] || { echo "no Meilisearch found (MEILISEARCH_BIN)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "$1 does not answer" >&2; exit 1; }

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
LANTERN_DATA_DIR="$work/seed" LANTERN_LOG=warn "$binary" seed --synthetic "$systems" --seed 42

meili_port=$(free_port)
export MEILISEARCH_URL="http://127.0.0.1:$meili_port" MEILISEARCH_API_KEY=lantern-bench-master-key-0123456789
"$meilisearch_bin" --no-analytics --env development --http-addr "127.0.0.1:$meili_port" \
  --master-key "$MEILISEARCH_API_KEY" --db-path "$work/meili/data.ms" \
  --dump-dir "$work/meili/dumps" --snapshot-dir "$work/meili/snapshots" >/dev/null 2>&1 &
pids+=($!)
wait_for "$MEILISEARCH_URL/health"

instance() {
  local port=$1
  LANTERN_DATA_DIR="$work/$port" LANTERN_LOG=warn "$binary" serve --addr "127.0.0.1:$port" \
    --api-requests-per-minute 0 >"$work/$port.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/healthz"
}
a=$(free_port); instance "$a"
b=$(free_port); instance "$b"
echo "$systems systems; instances on :$a and :$b; $(nproc) cores shared by everything"
until curl -sf "http://127.0.0.1:$a/healthz" | grep -q '"search_pending":0'; do sleep 1; done
sleep 2

# Reads: each wrk client asks for record pages and searches in turn.
ids=$(psql "$DATABASE_URL" -tAc "SELECT id FROM systems ORDER BY id LIMIT 500" | paste -sd, -)
reads="$work/reads.lua"
cat >"$reads" <<LUA
local ids = {}
for id in string.gmatch("$ids", "[^,]+") do ids[#ids + 1] = id end
local words = { "benefits", "fraud", "triage", "school", "visa", "flood", "police", "tax" }
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/systems/" .. ids[n % #ids + 1]) end
  return wrk.format("GET", "/api/v1/systems?q=" .. words[n % #words + 1] .. "&limit=20&cursor=" .. (n % 3) * 20)
end
LUA
summary() { awk -v name="$1" '/Requests\/sec/ {r=$2} $1 == "99%" {p=$2} /Non-2xx/ {e=$0} END {printf "%-40s %9s req/s   p99 %8s   %s\n", name, r, p, e}'; }

wrk -t2 -c"$connections" -d5s -s "$reads" "http://127.0.0.1:$a" >/dev/null
wrk -t2 -c"$connections" -d"$duration" --latency -s "$reads" "http://127.0.0.1:$a" | summary "one instance alone (:$a)"

# Both at once, with writes through both meanwhile.
agency=$(psql "$DATABASE_URL" -tAc "SELECT slug FROM agencies ORDER BY slug LIMIT 1")
token=$(LANTERN_DATA_DIR="$work/seed" LANTERN_LOG=warn "$binary" token create --agency "$agency" --scope publish --label bench 2>/dev/null || true)
writes=0
if [ -n "$token" ]; then
  (
    for n in $(seq 1 100); do
      port=$([ $((n % 2)) -eq 0 ] && echo "$a" || echo "$b")
      curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/systems" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' \
        -d "{\"name\":\"Scale-out bench write $n\",\"summary\":\"Written during the load.\",\"stage\":\"pilot\",\"topic\":\"tax\"}"
    done
  ) &
  writer=$!
  writes=100
fi
wrk -t1 -c$((connections / 2)) -d"$duration" --latency -s "$reads" "http://127.0.0.1:$a" | summary "both at once: :$a" &
first=$!
wrk -t1 -c$((connections / 2)) -d"$duration" --latency -s "$reads" "http://127.0.0.1:$b" | summary "both at once: :$b"
wait "$first"
if [ "$writes" -gt 0 ]; then
  wait "$writer"
  for _ in $(seq 1 120); do
    found=$(curl -sf "http://127.0.0.1:$b/api/v1/systems?q=scale-out+bench+write&limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
    [ "$found" -ge "$writes" ] && break
    sleep 0.5
  done
  echo "writes through both: $writes; found by search through :$b: $found"
else
  echo "no API token could be made (lantern token create): writes skipped"
fi
