#!/usr/bin/env bash
# Publishing under load, on the demo register (SQLite, embedded search):
#  1. the write API: POST /api/v1/systems with a publish token, every request
#     a new system (checked, drafted, published, queued for search, logged);
#  2. the same PUT again and again (the idempotent path: nothing written);
#  3. the browser import of the real US 2025 inventory as a DHS editor:
#     upload and preview, then confirm (every DHS row published at once).
#
#   bench/publish.sh                (after `cargo leptos build --release`)
#   DURATION=30s CONNECTIONS=10 bench/publish.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# BINARY=/path/to/an/older/lantern runs another build, to compare.
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3902}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-10}"
base="http://127.0.0.1:$port"
shared="${LANTERN_SHARED_DATA:-../shared/data}"
inventory="$shared/us-omb-2025/2025_individually_reported_AI_use_cases.csv"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

data=$(mktemp -d)
work=$(mktemp -d)
export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= LANTERN_LOG=warn
"$binary" serve --demo --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data" "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

token=$("$binary" token create --agency tax-office --scope publish --label bench 2>/dev/null)

echo "== 1. POST /api/v1/systems: a new published system per request ($connections clients, $duration)"
cat > "$work/create.lua" <<LUA
local n = 0
local thread_id = 0
setup = function(thread) thread:set("id", thread_id); thread_id = thread_id + 1 end
request = function()
  n = n + 1
  local body = '{"agency_ref":"BENCH-' .. id .. '-' .. n .. '","name":"Benchmark system ' .. n ..
    '","summary":"Made by bench/publish.sh.","stage":"pilot","topic":"tax","technique":["rules"]}'
  return wrk.format("POST", "/api/v1/systems", {
    ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" }, body)
end
LUA
wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/create.lua" "$base" | grep -E "Requests/sec|50%|99%|Non-2xx"

echo "== 2. PUT of an unchanged record (nothing written)"
id=$(curl -sf -X POST "$base/api/v1/systems" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Unchanged","summary":"Sent again and again.","stage":"pilot","topic":"tax"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
cat > "$work/same.lua" <<LUA
request = function()
  return wrk.format("PUT", "/api/v1/systems/$id", {
    ["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json" },
    '{"name":"Unchanged","summary":"Sent again and again.","stage":"pilot","topic":"tax"}')
end
LUA
wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/same.lua" "$base" | grep -E "Requests/sec|50%|99%|Non-2xx"
echo "versions of the unchanged system: $(curl -sf "$base/api/v1/systems/$id/versions" | grep -o '"version":' | wc -l)"

echo "== 3. Browser import of the US 2025 inventory as a DHS editor"
# Sign in (cookie jar $1), and print the CSRF token of /manage.
sign_in() {
  curl -sf -c "$1" -o /dev/null -H 'Sec-Fetch-Site: same-origin' \
    --data-urlencode "email=$2" --data-urlencode "password=a long enough password" "$base/login"
  curl -sf -b "$1" "$base/manage" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | head -1 | sed 's/.*value="\([0-9a-f]*\)"/\1/'
}
printf 'a long enough password\n' | "$binary" user add --email admin@bench.example --role admin >/dev/null
csrf=$(sign_in "$work/admin" admin@bench.example)
curl -sf -b "$work/admin" -o /dev/null -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "csrf_token=$csrf" --data-urlencode slug=dhs \
  --data-urlencode "name=Department of Homeland Security" "$base/manage/agencies"
printf 'a long enough password\n' | "$binary" user add --email editor@dhs.example --role editor --agency dhs >/dev/null
csrf=$(sign_in "$work/editor" editor@dhs.example)
start=$(date +%s.%N)
curl -sf -b "$work/editor" -o "$work/preview.html" -H 'Sec-Fetch-Site: same-origin' \
  -F "csrf_token=$csrf" -F format=us-omb-2025 -F "file=@$inventory" "$base/manage/import"
middle=$(date +%s.%N)
confirm=$(grep -o 'action="/manage/import/[0-9a-f]*/confirm"' "$work/preview.html" | sed 's/action="\(.*\)"/\1/')
curl -sf -b "$work/editor" -o "$work/done.html" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "csrf_token=$csrf" "$base$confirm"
end=$(date +%s.%N)
echo "preview (upload $(du -h "$inventory" | cut -f1), check $(grep -c '' "$inventory") lines): $(echo "$middle - $start" | bc) s"
echo "confirm: $(echo "$end - $middle" | bc) s; $(grep -o '[0-9]* systems published' "$work/done.html")"
