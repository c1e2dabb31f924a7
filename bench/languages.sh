#!/usr/bin/env bash
# English against Dutch, alternated: the machine's noise between two runs of
# bench/load.sh is as large as the 5% the catalogue may cost, so this runs
# the same page in each language in turn, ROUNDS times, and sums them.
# Pages: a record written in English (read in Dutch it carries a note and
# `lang` attributes) and the list of systems. 50 clients, loopback only.
#
# Then, where valgrind is installed, the same pages under callgrind: the
# instructions the server runs per request in each language. Instructions
# are counted, not timed, so they repeat to within a fraction of a percent
# whatever else the machine is doing: the cost of the catalogue without the
# noise of a shared machine.
#
#   bench/languages.sh            (after `cargo leptos build --release`)
#   ROUNDS=5 DURATION=10s bench/languages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3901}"
duration="${DURATION:-8s}"
rounds="${ROUNDS:-3}"
base="http://127.0.0.1:$port"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

data=$(mktemp -d)
LANTERN_DATA_DIR="$data" DATABASE_URL= LANTERN_LOG=warn LANTERN_LANGUAGES=en,nl "$binary" serve --demo --addr "127.0.0.1:$port" --api-requests-per-minute 0 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
id=$(curl -sf "$base/systems" | grep -o 'href="/systems/[a-z0-9]*"' | head -n 1 | cut -d/ -f3 | tr -d '"')

rps() { wrk -t2 -c50 -d"$duration" "$1" | awk '/Requests\/sec/ {print $2}'; }

echo "$rounds rounds of $duration a page and language, $(nproc) cores shared by server and load"
for page in "/systems/$id" /systems; do
  english=0 dutch=0
  for round in $(seq 1 "$rounds"); do
    en=$(rps "$base$page")
    nl=$(rps "$base/nl$page")
    printf '  %-24s round %d: English %9s  Dutch %9s req/s\n' "$page" "$round" "$en" "$nl"
    english=$(awk -v a="$english" -v b="$en" 'BEGIN { print a + b }')
    dutch=$(awk -v a="$dutch" -v b="$nl" 'BEGIN { print a + b }')
  done
  awk -v p="$page" -v e="$english" -v d="$dutch" \
    'BEGIN { printf "%-26s Dutch %+.1f%% against English, all rounds together\n", p, (d / e - 1) * 100 }'
done

command -v valgrind >/dev/null || { echo "valgrind is not installed: instructions per request not counted"; exit 0; }
kill $server
wait $server 2>/dev/null || true
counted="${COUNTED:-$data/callgrind}"
mkdir -p "$counted"
LANTERN_DATA_DIR="$data" DATABASE_URL= LANTERN_LOG=warn LANTERN_LANGUAGES=en,nl \
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$counted/out.%p" \
  "$binary" serve --demo --addr "127.0.0.1:$port" --api-requests-per-minute 0 2>"$counted/valgrind.log" &
server=$!
for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
requests=100
dumps=0
count() { # sets $per_request: the instructions of a request to $1
  curl -sf -o /dev/null "$base$1" # warm: the first request fills caches
  callgrind_control -z "$server" >/dev/null 2>&1
  callgrind_control -i on "$server" >/dev/null 2>&1
  for _ in $(seq 1 "$requests"); do curl -sf -o /dev/null "$base$1"; done
  callgrind_control --dump "$server" >/dev/null 2>&1
  callgrind_control -i off "$server" >/dev/null 2>&1
  dumps=$((dumps + 1))
  dump="$counted/out.$server.$dumps"
  for _ in $(seq 1 50); do grep -q '^summary:' "$dump" 2>/dev/null && break; sleep 0.2; done
  per_request=$(awk -v n="$requests" '/^summary:/ { print $2 / n }' "$dump")
}
echo "Instructions per request under callgrind ($requests requests each, one at a time):"
for page in "/systems/$id" /systems; do
  count "$page"
  en=$per_request
  count "/nl$page"
  nl=$per_request
  awk -v p="$page" -v e="$en" -v d="$nl" \
    'BEGIN { printf "  %-24s English %10.0f  Dutch %10.0f  Dutch %+.1f%%\n", p, e, d, (d / e - 1) * 100 }'
done
