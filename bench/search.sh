#!/usr/bin/env bash
# Search under load: p50/p99 of /systems?q=… (the page) and /api/v1/systems?q=…
# (JSON) with 50 concurrent clients, over 100,000 synthetic systems: popular
# searches (answered from the cache of recent results after the first round)
# and a long tail of searches nobody asked before (each runs in full).
#
#   bench/search.sh                 (after `cargo leptos build --release`)
#   DURATION=30s SYSTEMS=100000 bench/search.sh
#
# The register is built once in target/bench-data/search-http (delete it to
# start again) with `lantern seed --synthetic $SYSTEMS --seed 42`.
set -euo pipefail
cd "$(dirname "$0")/.."
# BINARY=/path/to/an/older/lantern runs another build, to compare.
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3901}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-50}"
systems="${SYSTEMS:-100000}"
base="http://127.0.0.1:$port"
data="target/bench-data/search-http-$systems"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= LANTERN_LOG=warn
if [ ! -f "$data/lantern.db" ]; then
  mkdir -p "$data"
  /usr/bin/time -f "seeded in %e s, peak memory %M KB" "$binary" seed --synthetic "$systems" --seed 42
fi
/usr/bin/time -f "reindexed in %e s, peak memory %M KB" "$binary" reindex
echo "index size: $(du -sh "$data/search" | cut -f1)"

# No API rate limit: the load comes from one client on purpose.
"$binary" serve --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

# Two kinds of traffic, each in a wrk Lua script.
# Popular: each client cycles through 20 searches, so after the first round
# every answer comes from the cache of recent results (as the browse page and
# popular words do in real traffic).
popular=$(mktemp --suffix=.lua)
# Long tail: every request is a search nobody asked before (words from the
# synthetic register's vocabulary, some with a typo, with or without a
# filter, page 1 to 3), so every one runs in full.
long_tail=$(mktemp --suffix=.lua)
trap 'kill $server 2>/dev/null; rm -f "$popular" "$long_tail"' EXIT
cat > "$popular" <<'LUA'
local searches = {
  "q=benefits", "q=facial+recogntion", "q=chatbott", "q=benef", "q=fraud+detection",
  "q=tax+return&stage=in_use", "q=police&risk_level=high", "q=visa+application",
  "q=housing&topic=housing&personal_data=yes", "q=emergency+call", "stage=in_use&audit=none",
  "q=flood+warning", "q=court+hearing&agency=nv-courts", "q=translation", "",
  "q=school+admission&stage=in_use&stage=pilot", "q=prescription", "q=job+seeker",
  "q=anomaly+detection&technique=classical_ml", "q=air+quality",
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. searches[(n % #searches) + 1])
end
LUA
cat > "$long_tail" <<'LUA'
local subjects = {
  "patient", "hospital", "vaccination", "screening", "emergency", "prescription",
  "customs", "property", "payroll", "crime", "licence", "firearms", "missing",
  "allowance", "child", "disability", "unemployment", "pension", "traffic", "road",
  "parking", "driving", "rail", "tenancy", "homelessness", "building", "rent",
  "school", "student", "exam", "inspection", "visa", "asylum", "passport",
  "residence", "border", "citizenship", "flood", "waste", "water",
}
local tasks = {
  "risk", "fraud", "triage", "eligibility", "prioritisation", "forecasting",
  "classification", "chatbot", "summarisation", "translation", "recognition",
  "image", "anomaly", "routing",
}
local filters = { "", "&stage=in_use", "&risk_level=high", "&audit=none", "&personal_data=yes" }
-- Each wrk thread walks its own half of the combinations.
local threads = 0
setup = function(thread)
  thread:set("first", threads)
  threads = threads + 1
end
local n = 0
request = function()
  local k = n * 2 + first
  n = n + 1
  local task = tasks[k % #tasks + 1]; k = math.floor(k / #tasks)
  local subject = subjects[k % #subjects + 1]; k = math.floor(k / #subjects)
  local filter = filters[k % #filters + 1]; k = math.floor(k / #filters)
  if k % 2 == 1 then task = task:sub(1, 2) .. task:sub(4) end -- a typo: one letter left out
  k = math.floor(k / 2)
  local page = k % 3 + 1
  -- The page goes by page number; the API by a cursor, 20 results at a time.
  local where = "&page=" .. page
  if wrk.path:find("/api/") then where = "&limit=20&cursor=" .. (page - 1) * 20 end
  return wrk.format("GET", wrk.path .. "q=" .. subject .. "+" .. task .. filter .. where)
end
LUA

run() {
  local name=$1 script=$2 url=$3
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" "$url")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-32s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  if grep -q "Non-2xx" <<<"$out"; then grep "Non-2xx" <<<"$out"; fi
}

# Warm-up, not counted: the first requests fill the page cache with the
# index, the allocator's pools and the cache of recent results.
wrk -t2 -c"$connections" -d5s -s "$popular" "$base/systems?" >/dev/null
wrk -t2 -c"$connections" -d5s -s "$popular" "$base/api/v1/systems?" >/dev/null

echo "$connections clients, $duration each, $(nproc) cores shared by server and load, $systems systems"
run "/systems?… popular" "$popular" "$base/systems?"
run "/api/v1/systems?… popular" "$popular" "$base/api/v1/systems?"
run "/systems?… long tail" "$long_tail" "$base/systems?"
run "/api/v1/systems?… long tail" "$long_tail" "$base/api/v1/systems?"
