#!/usr/bin/env bash
# Every public page type at national scale: requests/s, p50 and p99 of each
# page with 50 concurrent clients over 100,000 synthetic systems, beside the
# same bytes served as a static file by the same server, in one run. Then the
# NDJSON export's MB/s beside the same file served statically.
#
#   bench/pages.sh                  (after `cargo leptos build --release`)
#   DURATION=15s SYSTEMS=100000 bench/pages.sh
#   BINARY=/path/to/an/older/lantern BENCH_DATA=copy/of/the/register bench/pages.sh
#                                   (to compare builds; an older build cannot
#                                   open a register a newer one migrated)
#
# The register is the search benchmark's (target/bench-data/search-http-N),
# seeded once with `lantern seed --synthetic $SYSTEMS --seed 42`.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3903}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-50}"
systems="${SYSTEMS:-100000}"
base="http://127.0.0.1:$port"
data="${BENCH_DATA:-target/bench-data/search-http-$systems}"
site_root="${LEPTOS_SITE_ROOT:-target/site}"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= LANTERN_LOG=warn
if [ ! -f "$data/lantern.db" ]; then
  mkdir -p "$data"
  "$binary" seed --synthetic "$systems" --seed 42
  "$binary" reindex
fi

# The server's own log (slow statements, pool timeouts) goes to a file, not
# between the table's lines.
log="target/bench-data/pages-server.log"
"$binary" serve --addr "127.0.0.1:$port" --api-requests-per-minute 0 2>"$log" &
server=$!
static="$site_root/bench-pages"
long_tail=$(mktemp --suffix=.lua)
many_records=$(mktemp --suffix=.lua)
record_ids=$(mktemp)
trap 'kill $server 2>/dev/null; rm -rf "$static" "$long_tail" "$many_records" "$record_ids"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/feedback.js" >/dev/null && break; sleep 0.2; done

id=$(curl -sf "$base/api/v1/systems?limit=1" | grep -o '"id":"[a-z0-9]*"' | head -n 1 | cut -d'"' -f4)
agency=$(curl -sf "$base/api/v1/systems/$id" | grep -o '"agency":"[a-z0-9-]*"' | head -n 1 | cut -d'"' -f4)

# Searches nobody asked before: every request runs in full (see search.sh).
cat > "$long_tail" <<'LUA'
local subjects = { "patient", "hospital", "customs", "payroll", "crime", "pension",
  "traffic", "tenancy", "school", "visa", "asylum", "flood", "waste", "water" }
local tasks = { "risk", "fraud", "triage", "eligibility", "forecasting", "chatbot",
  "translation", "recognition", "anomaly", "routing" }
local filters = { "", "&stage=in_use", "&risk_level=high", "&audit=none" }
local n = 0
request = function()
  n = n + 1
  local k = n
  local task = tasks[k % #tasks + 1]; k = math.floor(k / #tasks)
  local subject = subjects[k % #subjects + 1]; k = math.floor(k / #subjects)
  local filter = filters[k % #filters + 1]; k = math.floor(k / #filters)
  return wrk.format("GET", wrk.path .. "q=" .. subject .. "+" .. task .. filter .. "&page=" .. (k % 3 + 1))
end
LUA

# Record pages of 10,000 systems in turn: a page read again within two
# seconds is kept in memory (see server/src/storage/kept.rs), so one page
# asked for again and again measures that; these measure reading each.
curl -sf "$base/api/v1/export.ndjson" | grep -o '^{"id":"[a-z0-9]*"' | cut -d'"' -f4 \
  | shuf -n 10000 --random-source=<(yes) > "$record_ids"
cat > "$many_records" <<LUA
local ids = {}
for id in io.lines("$record_ids") do ids[#ids + 1] = id end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/systems/" .. ids[n % #ids + 1])
end
LUA

# One line: name, req/s, p50, p99 of a wrk run (with a Lua script if given).
measure() {
  local url=$1 script=${2:-}
  local out
  if [ -n "$script" ]; then
    out=$(wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency -s "$script" "$url")
  else
    out=$(wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency "$url")
  fi
  # Answers that were not 2xx or 3xx, or never came, are counted apart:
  # a fast error is not a fast page.
  awk '/Requests\/sec/ {r=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2}
       /Non-2xx/ {bad+=$NF} /Socket errors/ {bad+=1}
       END {printf "%10s %9s %9s %s", r, p50, p99, bad ? "!" : ""}' <<<"$out"
}

# A page beside the same bytes as a static file.
compare() {
  local name=$1 path=$2 file=$3 script=${4:-}
  curl -sf "$base$path" > "$static/$file"
  local page file_line
  page=$(measure "$base$path" "$script")
  file_line=$(measure "$base/bench-pages/$file")
  awk -v n="$name" -v p="$page" -v f="$file_line" -v logfile="$log" 'BEGIN {
    split(p, a, " "); split(f, b, " ");
    printf "%-30s %10s %9s %9s   %10s %9s   %5.2fx%s\n", n, a[1], a[2], a[3], b[1], b[3], a[1] / b[1],
      a[4] == "!" ? "   (errors or timeouts: see " logfile ")" : "" }'
}

mkdir -p "$static"
echo "$systems systems, $connections clients, $duration each, $(nproc) cores shared by server and load"
printf "%-30s %10s %9s %9s   %10s %9s   %6s\n" "page" "req/s" "p50" "p99" "static" "p99" "ratio"
compare "/ (home)" "/" home.html
compare "/agencies" "/agencies" agencies.html
compare "/agencies/{slug}" "/agencies/$agency" agency.html
compare "/systems/{id}" "/systems/$id" record.html
compare "/systems/{id}, 10,000 of them" "/systems/$id" record.html "$many_records"
compare "/systems/{id}/history" "/systems/$id/history" history.html
compare "/systems?q=… long tail" "/systems?q=patient+risk" search.html "$long_tail"
compare "/api/v1/agencies" "/api/v1/agencies" agencies.json
compare "/api/v1/systems/{id}" "/api/v1/systems/$id" system.json
compare "/healthz" "/healthz" healthz.json

# The export, once, beside the same bytes from the static file server.
curl -sf "$base/api/v1/export.ndjson" -o "$static/export.ndjson"
bytes=$(stat -c %s "$static/export.ndjson")
# RssAnon: what the server allocates (VmRSS also counts the mapped database).
rss() { awk '/RssAnon/ {print $2}' "/proc/$server/status"; }
before=$(rss)
export_s=$(curl -s -o /dev/null -w '%{time_total}' "$base/api/v1/export.ndjson")
after=$(rss)
static_s=$(curl -s -o /dev/null -w '%{time_total}' "$base/bench-pages/export.ndjson")
awk -v b="$bytes" -v e="$export_s" -v s="$static_s" -v m=$(( (after - before) / 1024 )) 'BEGIN {
  printf "export.ndjson (%.0f MB)          %6.0f MB/s   static %6.0f MB/s   %5.2fx   allocated memory %+d MB after\n",
    b / 1e6, b / 1e6 / e, b / 1e6 / s, s / e, m }'
