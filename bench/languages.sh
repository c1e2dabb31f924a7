#!/usr/bin/env bash
# English against Dutch, alternated: the machine's noise between two runs of
# bench/load.sh is as large as the 5% the catalogue may cost, so this runs
# the same page in each language in turn, ROUNDS times, and sums them.
# Pages: a record written in English (read in Dutch it carries a note and
# `lang` attributes) and the list of systems. 50 clients, loopback only.
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
