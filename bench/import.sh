#!/bin/sh
# bench/import.sh: waymark-cli import against the sqlite3 shell's .import of
# the same CSV into an indexed table, in one run.  Prints medians, events/s,
# peak RSS and the ratio.  Targets (DESIGN.md): ≥ 2× faster, ≤ 256 MB RSS.
#
#   bench/import.sh [BUILD_DIR]    CUSTOMERS=1000000 RUNS=5 by default
#
# Use an optimised build: meson setup _build-release --buildtype=release
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../_build-release}
customers=${CUSTOMERS:-1000000}
runs=${RUNS:-5}
cli="$build/src/cli/waymark-cli"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here/.." --buildtype=release -Dapp=false >/dev/null
fi
ninja -C "$build" src/cli/waymark-cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/events.csv"

"$cli" demo --output "$csv" --customers "$customers"
rows=$(($(wc -l < "$csv") - 1))
echo "data: $customers customers, $rows events, $(du -m "$csv" | cut -f1) MB of CSV"

# Seconds and peak RSS (KB) of one command, as "SECONDS KB".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
    cat "$work/stderr" >&2
    exit 1
  }
  cat "$work/time"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

: > "$work/sqlite"
: > "$work/waymark"
i=0
while [ $i -lt "$runs" ]; do
  rm -f "$work/s.db" "$work/p.waymark" "$work/p.waymark-wal" "$work/p.waymark-shm"
  cat > "$work/import.sql" <<SQL
CREATE TABLE events (customer_id TEXT, timestamp TEXT, touchpoint TEXT, channel TEXT, segment TEXT, region TEXT);
CREATE INDEX events_by_customer ON events (customer_id, timestamp);
.mode csv
.import --skip 1 $csv events
SQL
  measure sqlite3 "$work/s.db" ".read $work/import.sql" >> "$work/sqlite"
  measure "$cli" import --db "$work/p.waymark" "$csv" >> "$work/waymark"
  i=$((i + 1))
done

count=$(sqlite3 "$work/p.waymark" "SELECT count(*) FROM events")
[ "$count" -eq "$rows" ] || { echo "waymark imported $count of $rows events" >&2; exit 1; }
count=$(sqlite3 "$work/s.db" "SELECT count(*) FROM events")
[ "$count" -eq "$rows" ] || { echo "sqlite3 imported $count of $rows events" >&2; exit 1; }

s_time=$(cut -d' ' -f1 "$work/sqlite" | median)
s_rss=$(cut -d' ' -f2 "$work/sqlite" | median)
w_time=$(cut -d' ' -f1 "$work/waymark" | median)
w_rss=$(cut -d' ' -f2 "$work/waymark" | median)

printf '%-28s %10s %14s %12s\n' "medians of $runs runs" "seconds" "events/s" "peak RSS"
printf '%-28s %10.2f %14.0f %9.0f MB\n' "sqlite3 .import (indexed)" "$s_time" "$(echo "$rows / $s_time" | bc -l)" "$(echo "$s_rss / 1024" | bc -l)"
printf '%-28s %10.2f %14.0f %9.0f MB\n' "waymark-cli import" "$w_time" "$(echo "$rows / $w_time" | bc -l)" "$(echo "$w_rss / 1024" | bc -l)"
printf 'waymark is %.2f× faster than sqlite3 .import (target ≥ 2×), RSS target ≤ 256 MB\n' "$(echo "$s_time / $w_time" | bc -l)"
