#!/usr/bin/env bash
# Export under measurement: /api/v1/export.ndjson, .csv and .json of 100,000
# synthetic systems, each downloaded once with curl. For each: bytes, time,
# throughput, and the server's peak memory growth while it streams (RssAnon,
# the memory the server allocates, sampled every 10 ms, minus its size
# before; VmRSS would also count the database file SQLite maps, once per
# connection). Then the same bytes
# read from a file, for comparison: from the page cache with dd, and served
# as a static file by the same server.
#
#   bench/export.sh                 (after `cargo leptos build --release`)
#   SYSTEMS=100000 bench/export.sh
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench bench/export.sh
#
# Targets (DESIGN.md): at least 100 MB/s, peak RSS growth under 50 MB.
# The register is the search benchmark's (target/bench-data/search-http-N),
# seeded once with `lantern seed --synthetic $SYSTEMS --seed 42`.
set -euo pipefail
cd "$(dirname "$0")/.."
# BINARY=/path/to/an/older/lantern runs another build, to compare.
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3902}"
systems="${SYSTEMS:-100000}"
base="http://127.0.0.1:$port"
data="target/bench-data/search-http-$systems"
site_root="${LEPTOS_SITE_ROOT:-target/site}"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }

# BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench measures
# PostgreSQL instead (the database must exist; it is seeded once).
[ -n "${BENCH_DATABASE_URL:-}" ] && data="target/bench-data/export-postgres-$systems"
export LANTERN_DATA_DIR="$data" DATABASE_URL="${BENCH_DATABASE_URL:-}" MEILISEARCH_URL= LANTERN_LOG=warn
if [ -n "$DATABASE_URL" ]; then
  seeded=$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM systems" 2>/dev/null || echo 0)
else
  seeded=$([ -f "$data/lantern.db" ] && echo "$systems" || echo 0)
fi
if [ "$seeded" -lt "$systems" ]; then
  mkdir -p "$data"
  # (On PostgreSQL, `lantern seed` ends with VACUUM (ANALYZE).)
  /usr/bin/time -f "seeded in %e s, peak memory %M KB" "$binary" seed --synthetic "$systems" --seed 42
fi

"$binary" serve --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
server=$!
out=$(mktemp -d)
static="$site_root/bench-export"
trap 'kill $server 2>/dev/null; rm -rf "$out" "$static"' EXIT
for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
echo "register: $(curl -sf "$base/healthz")"

rss_kb() { awk '/^RssAnon/ {print $2}' "/proc/$server/status"; }

# Downloads $1 to $2 while sampling the server's memory; prints one line.
measure() {
  local url=$1 file=$2 label=$3; shift 3
  local before peak samples
  before=$(rss_kb)
  samples="$out/samples"
  : > "$samples"
  ( while kill -0 "$server" 2>/dev/null; do rss_kb >> "$samples"; sleep 0.01; done ) &
  local sampler=$!
  local result
  result=$(curl -sf "$@" -o "$file" -w '%{size_download} %{time_total}' "$url")
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak=$(sort -n "$samples" | tail -1)
  read -r bytes seconds <<<"$result"
  awk -v label="$label" -v b="$bytes" -v s="$seconds" -v before="$before" -v peak="$peak" 'BEGIN {
    printf "%-34s %8.1f MB in %6.2f s = %7.1f MB/s   allocated %5.1f MB before, peak growth %5.1f MB\n",
      label, b / 1e6, s, b / 1e6 / s, before / 1024, (peak - before) / 1024 }'
}

# A first pass warms the database's pages into the cache, as a second
# download by a real client would find them.
curl -sf -o /dev/null "$base/api/v1/export.ndjson"

for format in ndjson csv json; do
  measure "$base/api/v1/export.$format" "$out/export.$format" "export.$format"
done
measure "$base/api/v1/export.ndjson" "$out/export.ndjson.gz" "export.ndjson, gzip" -H 'Accept-Encoding: gzip'
echo "  (gzip: $(awk -v z="$(stat -c %s "$out/export.ndjson.gz")" -v p="$(stat -c %s "$out/export.ndjson")" 'BEGIN { printf "%.1f MB compressed from %.1f MB", z / 1e6, p / 1e6 }'))"
echo "lines in export.ndjson: $(wc -l < "$out/export.ndjson")"

echo
echo "The same bytes from a file:"
dd if="$out/export.ndjson" of=/dev/null bs=1M 2>&1 | awk '/copied/ { printf "%-34s %s %s\n", "dd from the page cache", $(NF-1), $NF }'
mkdir -p "$static"
cp "$out/export.ndjson" "$static/export.ndjson"
measure "$base/bench-export/export.ndjson" "$out/static.ndjson" "the same file served statically"
