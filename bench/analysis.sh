#!/bin/sh
# bench/analysis.sh: the same 3-step funnel (Payment notice → App login,
# Web login or IVR menu → Payment completed; ordered, 7 days) by
#   (a) Waymark warm: the engine in a process that loaded the journeys once,
#   (b) Waymark cold: a new `waymark-cli funnel` process (open + query),
#   (c) SQL in the sqlite3 shell over the CSV imported with .import,
#   (d) pandas over the CSV read into a DataFrame,
# in one run; all four must print the same counts.  Also the flow (depth 5,
# top 8) and leakage times.  Prints medians and ratios.  Targets (DESIGN.md):
# funnel ≤ 50 ms warm and ≥ 100× the SQL; ≤ 300 ms cold and ≥ 20× the SQL;
# flow ≤ 150 ms warm.
#
#   bench/analysis.sh [BUILD_DIR]   CUSTOMERS=1000000 RUNS=11 SQL_RUNS=3 PANDAS_RUNS=3
#
# Use an optimised build: meson setup _build-release --buildtype=release
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../_build-release}
customers=${CUSTOMERS:-1000000}
runs=${RUNS:-11}
sql_runs=${SQL_RUNS:-3}
pandas_runs=${PANDAS_RUNS:-3}
cli="$build/src/cli/waymark-cli"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here/.." --buildtype=release -Dapp=false >/dev/null
fi
ninja -C "$build" src/cli/waymark-cli bench/analysis-bench >/dev/null

if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  echo "Installing python3-pandas…" >&2
  apt-get install -y python3-pandas >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/events.csv"

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Wall-clock seconds of one command, its output kept in $work/out.
seconds() {
  /usr/bin/time -f "%e" -o "$work/time" "$@" >"$work/out" 2>"$work/stderr" || {
    cat "$work/stderr" >&2
    exit 1
  }
  cat "$work/time"
}

"$cli" demo --output "$csv" --customers "$customers"
rows=$(($(wc -l < "$csv") - 1))
echo "data: $customers customers, $rows events"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

import_s=$(seconds "$cli" import --db "$work/p.waymark" "$csv")
echo "waymark-cli import: $import_s s (journey cache included)"

# (a) warm, and the flow and leakage.
"$build/bench/analysis-bench" --db "$work/p.waymark" --runs "$runs" > "$work/warm"
warm_ms=$(awk '$1 == "funnel" { print $2 }' "$work/warm")
warm_cpu=$(awk '$1 == "funnel" { print $4 }' "$work/warm")
flow_ms=$(awk '$1 == "flow" { print $2 }' "$work/warm")
flow_cpu=$(awk '$1 == "flow" { print $4 }' "$work/warm")
leak_ms=$(awk '$1 == "leakage" { print $2 }' "$work/warm")
load_ms=$(awk '$1 == "load" { print $2 }' "$work/warm")
warm_counts=$(sed -n 's/^counts: //p' "$work/warm")

# (b) cold: a new process each time (the file in the OS cache).
: > "$work/cold"
i=0
while [ $i -lt "$runs" ]; do
  seconds "$cli" funnel --db "$work/p.waymark" --step "Payment notice" \
    --step "App login,Web login,IVR menu" --step "Payment completed" --window 7d --json >> "$work/cold"
  i=$((i + 1))
done
cold_ms=$(median < "$work/cold" | awk '{ print $1 * 1000 }')
cold_counts=$(/usr/bin/python3 -c 'import json, sys
steps = json.load(open(sys.argv[1]))["steps"]
print(" ".join(str(s["customers"]) for s in steps))' "$work/out")

# (c) SQL: .import into a table indexed by customer and time (not timed).
sqlite3 "$work/s.db" "CREATE TABLE events (customer_id TEXT, timestamp TEXT, touchpoint TEXT, channel TEXT, segment TEXT, region TEXT);" \
  ".mode csv" ".import --skip 1 $csv events" \
  "CREATE INDEX events_by_customer ON events (customer_id, timestamp);"
: > "$work/sql"
i=0
while [ $i -lt "$sql_runs" ]; do
  seconds sqlite3 "$work/s.db" ".read $here/analysis.sql" >> "$work/sql"
  i=$((i + 1))
done
sql_ms=$(median < "$work/sql" | awk '{ print $1 * 1000 }')
sql_counts=$(tr '|' ' ' < "$work/out")

# (d) pandas: the query on a loaded DataFrame.
/usr/bin/python3 "$here/analysis-pandas.py" "$csv" "$pandas_runs" > "$work/pandas"
pandas_ms=$(awk '$1 == "funnel" { print $2 }' "$work/pandas")
pandas_load=$(awk '$1 == "load" { print $2 }' "$work/pandas")
pandas_counts=$(sed -n 's/^counts: //p' "$work/pandas")

echo "funnel counts: waymark warm [$warm_counts], cold [$cold_counts], sqlite3 [$sql_counts], pandas [$pandas_counts]"
if [ "$warm_counts" != "$cold_counts" ] || [ "$warm_counts" != "$sql_counts" ] || [ "$warm_counts" != "$pandas_counts" ]; then
  echo "the four funnels disagree" >&2
  exit 1
fi

printf '\n%-40s %12s %14s %14s\n' "3-step funnel, medians" "ms" "× warm" "× cold"
printf '%-40s %12.1f %14s %14.2f\n' "(a) waymark warm (CPU: $warm_cpu ms)" "$warm_ms" "1" "$(echo "$warm_ms / $cold_ms" | bc -l)"
printf '%-40s %12.1f %14.1f %14s\n' "(b) waymark-cli funnel, cold process" "$cold_ms" "$(echo "$cold_ms / $warm_ms" | bc -l)" "1"
printf '%-40s %12.1f %14.1f %14.1f\n' "(c) sqlite3 shell, SQL ($sql_runs runs)" "$sql_ms" "$(echo "$sql_ms / $warm_ms" | bc -l)" "$(echo "$sql_ms / $cold_ms" | bc -l)"
printf '%-40s %12.1f %14.1f %14.1f\n' "(d) pandas, query only ($pandas_runs runs)" "$pandas_ms" "$(echo "$pandas_ms / $warm_ms" | bc -l)" "$(echo "$pandas_ms / $cold_ms" | bc -l)"
printf '\n%-40s %12.1f\n' "waymark journeys load (in process)" "$load_ms"
printf '%-40s %12.1f\n' "pandas read_csv + to_datetime" "$(echo "$pandas_load * 1000" | bc -l)"
printf '%-40s %12.1f   (CPU: %s ms)\n' "flow, depth 5, top 8, warm" "$flow_ms" "$flow_cpu"
printf '%-40s %12.1f\n' "leakage, warm" "$leak_ms"
printf '\ntargets: funnel ≤ 50 ms warm, ≥ 100× SQL (is %.0f×); ≤ 300 ms cold, ≥ 20× SQL (is %.0f×); flow ≤ 150 ms\n' \
  "$(echo "$sql_ms / $warm_ms" | bc -l)" "$(echo "$sql_ms / $cold_ms" | bc -l)"
