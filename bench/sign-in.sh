#!/usr/bin/env bash
# Sign-in under a burst: ROUNDS rounds of PARALLEL sign-ins at once, each for
# a different unknown email (the worst case: every attempt checks a password
# against a hash, none is refused by an email's lock). Reports the answers'
# times and the server's peak memory (VmHWM), and what it holds afterwards.
#
#   bench/sign-in.sh                 (after `cargo leptos build --release`)
#   PARALLEL=50 ROUNDS=4 bench/sign-in.sh
#   BINARY=/path/to/an/older/lantern bench/sign-in.sh     (to compare builds)
#
# The per-client sign-in limit is turned off here (all requests come from one
# address); with it on, a burst from one client past 30 gets 429 at once.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3903}"
parallel="${PARALLEL:-50}"
rounds="${ROUNDS:-4}"
base="http://127.0.0.1:$port"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }

data=$(mktemp -d)
work=$(mktemp -d)
export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= LANTERN_LOG=warn
limits=()
if "$binary" serve --help | grep -q -- --sign-ins-per-client; then
  limits=(--sign-ins-per-client 0)
fi
"$binary" serve --addr "127.0.0.1:$port" "${limits[@]}" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data" "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
memory() { awk -v key="$1:" '$1 == key {print $2}' "/proc/$server/status"; }

echo "== $rounds rounds of $parallel sign-ins at once ($(nproc) cores)"
echo "memory at start: $(memory VmRSS) KiB"
for round in $(seq 1 "$rounds"); do
  seq 1 "$parallel" | xargs -P "$parallel" -I{} curl -s -o /dev/null \
    -w '%{http_code} %{time_total}\n' -H 'Sec-Fetch-Site: same-origin' \
    --data-urlencode "email=nobody-$round-{}@example.org" --data-urlencode "password=wrong password {}" \
    "$base/login" >> "$work/answers"
done
sort -k2 -n "$work/answers" | awk '
  { status[$1]++; t[NR] = $2 }
  END {
    printf "answers:"; for (s in status) printf " %s x%d", s, status[s]; printf "\n"
    printf "time: p50 %.0f ms, p90 %.0f ms, max %.0f ms\n", t[int(NR*0.5)]*1000, t[int(NR*0.9)]*1000, t[NR]*1000
  }'
echo "peak memory (VmHWM): $(memory VmHWM) KiB"
sleep 2
echo "memory after: $(memory VmRSS) KiB"
