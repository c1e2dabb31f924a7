#!/usr/bin/env bash
# Mail to 10,000 followers, on the demo register (SQLite, embedded search),
# with the real SMTP sink of the tests (scripts/smtp-sink.py):
#  1. /systems at rest: the p99 to compare with;
#  2. one new version of a system of an agency 10,000 confirmed addresses
#     follow at once: the PUT's time, whose transaction queues all 10,000;
#  3. their delivery to the sink: messages a second, while /systems is
#     loaded as in 1 (its p99 should stay within 20% of the one at rest).
#
#   bench/mail.sh                (after `cargo leptos build --release`)
#   FOLLOWERS=20000 DURATION=20s bench/mail.sh
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
port="${BENCH_PORT:-3903}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-20}"
followers="${FOLLOWERS:-10000}"
python="${LANTERN_TEST_SMTP_PYTHON:-/usr/bin/python3}"
base="http://127.0.0.1:$port"

[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

data=$(mktemp -d)
work=$(mktemp -d)
smtp_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$python" scripts/smtp-sink.py --port "$smtp_port" --folder "$work/mail" >"$work/sink.log" 2>&1 &
sink=$!
export LANTERN_DATA_DIR="$data" DATABASE_URL= MEILISEARCH_URL= LANTERN_LOG=warn
"$binary" serve --demo --addr "127.0.0.1:$port" --api-requests-per-minute 0 \
  --smtp-url "smtp://127.0.0.1:$smtp_port" --mail-from "Bench <bench@example.gov>" &
server=$!
trap 'kill $server $sink 2>/dev/null; rm -rf "$data" "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
for _ in $(seq 1 100); do grep -q ready "$work/sink.log" && break; sleep 0.1; done

# The followers, confirmed, written straight into the register's database.
"$python" - "$data/lantern.db" "$followers" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
rows = [(f"follower{n}@bench.example", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z") for n in range(int(sys.argv[2]))]
db.executemany(
    "INSERT INTO subscriptions (email, follows, target, frequency, language, created_at, confirmed_at) "
    "VALUES (?, 'agency', 'tax-office', 'immediate', 'en', ?, ?)", rows)
db.commit()
PY
echo "followers of tax-office: $followers"

p99() { grep -E "^ +99%" | awk '{print $2}'; }
echo "== 1. /systems at rest ($connections clients, $duration)"
wrk -t2 -c"$connections" -d"$duration" --latency "$base/systems" > "$work/idle.txt"
grep -E "Requests/sec|50%|99%" "$work/idle.txt"

echo "== 2. One new version that $followers addresses follow"
token=$("$binary" token create --agency tax-office --scope publish --label bench 2>/dev/null)
id=$(curl -sf "$base/api/v1/systems?agency=tax-office" | grep -o '"id":"[a-z0-9]*"' | head -1 | cut -d'"' -f4)
record=$(curl -sf "$base/api/v1/systems/$id" | python3 -c '
import json, sys
record = json.load(sys.stdin)
# What the register works out itself is not sent back.
for member in ["id", "url", "agency_name", "agency_contact", "version", "published_at", "reviewed_at",
               "completeness", "audit", "audit_overdue", "review_by", "review_overdue"]:
    record.pop(member, None)
record["summary"] = record["summary"] + " Changed by bench/mail.sh."
record["change_summary"] = "Benchmark change."
print(json.dumps(record))')
start=$(date +%s.%N)
status=$(curl -s -o "$work/put.json" -w '%{http_code}' -X PUT "$base/api/v1/systems/$id" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$record")
queued=$(date +%s.%N)
echo "PUT /api/v1/systems/$id: HTTP $status in $(echo "($queued - $start) * 1000" | bc | cut -d. -f1) ms (queues every message in its transaction)"
case "$status" in 2*) ;; *) cat "$work/put.json" >&2; exit 1 ;; esac
curl -sf "$base/healthz" | python3 -c 'import json, sys; print("queued:", json.load(sys.stdin)["mail"]["waiting"])'

echo "== 3. Delivery to the sink, with /systems loaded as in 1"
count() { find "$work/mail" -name '*.json' | wc -l; }
wrk -t2 -c"$connections" -d"$duration" --latency "$base/systems" > "$work/busy.txt"
loaded=$(date +%s.%N)
under_load=$(count)
echo "during the load: $under_load messages in $(echo "$loaded - $queued" | bc) s"
while [ "$(count)" -lt "$followers" ]; do
  sleep 0.2
  if [ "$(echo "$(date +%s.%N) - $queued > 300" | bc)" = 1 ]; then echo "not delivered within 5 minutes" >&2; break; fi
done
delivered=$(date +%s.%N)
seconds=$(echo "$delivered - $queued" | bc)
echo "delivered $(count) messages in $seconds s: $(echo "$(count) / $seconds" | bc) messages/s overall"
rest=$(echo "$delivered - $loaded" | bc)
echo "after the load: $(( $(count) - under_load )) messages in $rest s: $(echo "($(count) - $under_load) / $rest" | bc) messages/s"
grep -E "Requests/sec|50%|99%" "$work/busy.txt"
idle=$(p99 < "$work/idle.txt"); busy=$(p99 < "$work/busy.txt")
echo "/systems p99: $idle at rest, $busy during delivery"
curl -sf "$base/healthz" | python3 -c 'import json, sys; print("queue after:", json.load(sys.stdin)["mail"])'
