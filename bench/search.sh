#!/usr/bin/env bash
# Search under load: p50/p99 of /systems?q=… (the page) and /api/v1/systems?q=…
# (JSON) with 50 concurrent clients, over 100,000 synthetic systems: popular
# searches (answered from the cache of recent results after the first round)
# and a long tail of searches nobody asked before (each runs in full).
#
# On the embedded index, and on Meilisearch too when one is found
# (MEILISEARCH_BIN, ../shared/bin/meilisearch or `meilisearch` on PATH):
# then the same long tail is also sent to Meilisearch's own /multi-search,
# as Lantern asks it (the page's query and one count per filtered facet), so
# Lantern's overhead over the engine shows in the same run.
#
#   bench/search.sh                 (after `cargo leptos build --release`)
#   DURATION=30s SYSTEMS=100000 ENGINES="embedded meilisearch" bench/search.sh
#
# The register is built once in target/bench-data/search-http-$SYSTEMS
# (delete it to start again) with `lantern seed --synthetic $SYSTEMS --seed 42`;
# Meilisearch's database is kept beside it, and indexed when it is not full.
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

meilisearch_bin="${MEILISEARCH_BIN:-}"
for candidate in ../shared/bin/meilisearch "$(command -v meilisearch || true)"; do
  if [ -z "$meilisearch_bin" ] && [ -n "$candidate" ] && [ -x "$candidate" ]; then meilisearch_bin=$candidate; fi
done
engines="${ENGINES:-embedded${meilisearch_bin:+ meilisearch}}"

export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= MEILISEARCH_API_KEY= LANTERN_LOG=warn
if [ ! -f "$data/lantern.db" ]; then
  mkdir -p "$data"
  /usr/bin/time -f "seeded in %e s, peak memory %M KB" "$binary" seed --synthetic "$systems" --seed 42
fi

server=""
meilisearch=""
stop() { for pid in $server $meilisearch; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; server=""; }

# Two kinds of traffic, each in a wrk Lua script.
# Popular: each client cycles through 20 searches, so after the first round
# every answer comes from the cache of recent results (as the browse page and
# popular words do in real traffic).
popular=$(mktemp --suffix=.lua)
# Long tail: every request is a search nobody asked before (words from the
# synthetic register's vocabulary, some with a typo, with or without a
# filter, page 1 to 3), so every one runs in full.
long_tail=$(mktemp --suffix=.lua)
engine_own=$(mktemp --suffix=.lua)
trap 'stop; rm -f "$popular" "$long_tail" "$engine_own"' EXIT
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
# The long tail's walk, shared by Lantern's page and API and Meilisearch's
# own search: each wrk thread walks its own half of the combinations.
walk_lua='
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
local filters = { {}, {"stage", "in_use"}, {"risk_level", "high"}, {"audit", "none"}, {"personal_data", "yes"} }
local threads = 0
setup = function(thread)
  thread:set("first", threads)
  threads = threads + 1
end
local n = 0
-- The next search: its two words, its filter ({} or {facet, value}) and page.
walk = function()
  local k = n * 2 + first
  n = n + 1
  local task = tasks[k % #tasks + 1]; k = math.floor(k / #tasks)
  local subject = subjects[k % #subjects + 1]; k = math.floor(k / #subjects)
  local filter = filters[k % #filters + 1]; k = math.floor(k / #filters)
  if k % 2 == 1 then task = task:sub(1, 2) .. task:sub(4) end -- a typo: one letter left out
  k = math.floor(k / 2)
  return subject, task, filter, k % 3 + 1
end
'
{
  echo "$walk_lua"
  cat <<'LUA'
request = function()
  local subject, task, filter, page = walk()
  local filtered = ""
  if filter[1] then filtered = "&" .. filter[1] .. "=" .. filter[2] end
  -- The page goes by page number; the API by a cursor, 20 results at a time.
  local where = "&page=" .. page
  if wrk.path:find("/api/") then where = "&limit=20&cursor=" .. (page - 1) * 20 end
  return wrk.format("GET", wrk.path .. "q=" .. subject .. "+" .. task .. filtered .. where)
end
LUA
} > "$long_tail"


# The same walk as Meilisearch's own search, in the body Lantern sends it
# (server/src/search/meilisearch/searching.rs).
{
  echo "$walk_lua"
  cat <<'LUA'
local facets = '["agency","stage","risk_level","topic","technique","audit","personal_data"]'
local crop = '["agency_ref:24","purpose:24","how_it_works:24","agency_name:24","unit:24","topic_label:24","tags:24","data:24","supplier:24"]'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MEILISEARCH_API_KEY")
request = function()
  local subject, task, filter, page = walk()
  local q = subject .. " " .. task
  local main = '{"indexUid":"lantern_systems_v4","q":"' .. q .. '","matchingStrategy":"all","facets":' .. facets
    .. ',"offset":' .. (page - 1) * 20 .. ',"limit":20,"attributesToHighlight":["*"],"attributesToCrop":' .. crop
    .. ',"cropMarker":"…","highlightPreTag":"\\ue000","highlightPostTag":"\\ue001"'
  local queries = main
  if filter[1] then
    queries = main .. ',"filter":"' .. filter[1] .. ' IN [\\"' .. filter[2] .. '\\"]"}'
      .. ',{"indexUid":"lantern_systems_v4","q":"' .. q .. '","matchingStrategy":"all","facets":["' .. filter[1] .. '"],"limit":0}'
  else
    queries = main .. "}"
  end
  return wrk.format(nil, nil, nil, '{"queries":[' .. queries .. ']}')
end
LUA
} > "$engine_own"

run() {
  local name=$1 script=$2 url=$3
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" "$url")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-44s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  if grep -q "Non-2xx" <<<"$out"; then grep "Non-2xx" <<<"$out"; fi
}

# `lantern serve` on the register (and the engine configured), once /healthz answers.
serve() {
  # No API rate limit: the load comes from one client on purpose.
  "$binary" serve --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
  server=$!
  for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
}

# Lantern's four rows: the page and the API, popular and long tail.
lantern_rows() {
  local engine=$1
  # Warm-up, not counted: the first requests fill the page cache with the
  # index, the allocator's pools and the cache of recent results.
  wrk -t2 -c"$connections" -d5s -s "$popular" "$base/systems?" >/dev/null
  wrk -t2 -c"$connections" -d5s -s "$popular" "$base/api/v1/systems?" >/dev/null
  run "$engine: /systems?… popular" "$popular" "$base/systems?"
  run "$engine: /api/v1/systems?… popular" "$popular" "$base/api/v1/systems?"
  run "$engine: /systems?… long tail" "$long_tail" "$base/systems?"
  run "$engine: /api/v1/systems?… long tail" "$long_tail" "$base/api/v1/systems?"
}

echo "$connections clients, $duration each, $(nproc) cores shared by server, engine and load, $systems systems"
for engine in $engines; do
  case $engine in
    embedded)
      /usr/bin/time -f "embedded: reindexed in %e s, peak memory %M KB" "$binary" reindex
      echo "embedded: index size $(du -sh "$data/search" | cut -f1)"
      serve
      lantern_rows embedded
      stop
      ;;
    meilisearch)
      [ -n "$meilisearch_bin" ] || { echo "no Meilisearch found (MEILISEARCH_BIN)" >&2; exit 1; }
      meili_port=$((port + 1))
      export MEILISEARCH_URL="http://127.0.0.1:$meili_port" MEILISEARCH_API_KEY=lantern-bench-master-key-0123456789
      "$meilisearch_bin" --no-analytics --env development --http-addr "127.0.0.1:$meili_port" \
        --master-key "$MEILISEARCH_API_KEY" --db-path "$data/meilisearch/data.ms" \
        --dump-dir "$data/meilisearch/dumps" --snapshot-dir "$data/meilisearch/snapshots" >/dev/null 2>&1 &
      meilisearch=$!
      for _ in $(seq 1 300); do curl -sf "$MEILISEARCH_URL/health" >/dev/null && break; sleep 0.2; done
      documents=$(curl -sf -H "Authorization: Bearer $MEILISEARCH_API_KEY" \
        "$MEILISEARCH_URL/indexes/lantern_systems_v4/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["numberOfDocuments"])' 2>/dev/null || echo 0)
      if [ "$documents" != "$systems" ]; then
        /usr/bin/time -f "meilisearch: indexed in %e s, peak memory of lantern %M KB" "$binary" reindex
      fi
      echo "meilisearch: index size $(du -sh "$data/meilisearch" | cut -f1)"
      serve
      lantern_rows meilisearch
      wrk -t2 -c"$connections" -d5s -s "$engine_own" "$MEILISEARCH_URL/multi-search" >/dev/null
      run "meilisearch: its own /multi-search long tail" "$engine_own" "$MEILISEARCH_URL/multi-search"
      stop
      kill "$meilisearch" 2>/dev/null || true
      wait "$meilisearch" 2>/dev/null || true
      meilisearch=""
      unset MEILISEARCH_URL MEILISEARCH_API_KEY
      ;;
    *) echo "unknown engine $engine (embedded, meilisearch)" >&2; exit 1 ;;
  esac
done
