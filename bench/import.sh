#!/usr/bin/env bash
# Times `lantern import` of the real US 2025 inventory into a fresh database
# and the re-import, on SQLite and on PostgreSQL (127.0.0.1:5432, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
# BINARY=/path/to/an/older/lantern runs another build, to compare.
binary="${BINARY:-${CARGO_TARGET_DIR:-target}/release/lantern}"
file=../shared/data/us-omb-2025/2025_individually_reported_AI_use_cases.csv
runs="${RUNS:-3}"
[ -x "$binary" ] || { echo "no release build at $binary: run cargo leptos build --release" >&2; exit 1; }

# Wall time of a command, in seconds; the first import includes creating the schema.
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk "BEGIN {print $end - $start}"; }

for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  first=$(seconds env LANTERN_DATA_DIR="$data" DATABASE_URL= "$binary" import --format us-omb-2025 "$file")
  again=$(seconds env LANTERN_DATA_DIR="$data" DATABASE_URL= "$binary" import --format us-omb-2025 "$file")
  printf 'sqlite     run %d: import %6.2f s   re-import %6.2f s\n' "$run" "$first" "$again"
  rm -rf "$data"

  db="lantern_bench_$$_$run"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" postgres
  url="postgres://postgres@127.0.0.1:5432/$db"
  first=$(seconds env DATABASE_URL="$url" "$binary" import --format us-omb-2025 "$file")
  again=$(seconds env DATABASE_URL="$url" "$binary" import --format us-omb-2025 "$file")
  printf 'postgres   run %d: import %6.2f s   re-import %6.2f s\n' "$run" "$first" "$again"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db WITH (FORCE)" postgres
done
