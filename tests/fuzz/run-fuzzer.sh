#!/bin/sh
# run-fuzzer.sh HARNESS SEED_DIR WORK_DIR SECONDS
#
# Fuzzes a fresh copy of SEED_DIR (new inputs land in the copy, never in the
# source tree) for SECONDS, or $WAYMARK_FUZZ_SECONDS when set.  A crash is saved as WORK_DIR/crash-* and fails
# the run; turn it into a file in tests/data/bad/ replayed by
# test-bad-input.  (libFuzzer exits 77 on a finding by default, which meson
# counts as a skipped test: -error_exitcode=1 makes it a failure.)
set -eu

harness="$1" seeds="$2" work="$3" seconds="${WAYMARK_FUZZ_SECONDS:-$4}"

rm -rf "$work"
mkdir -p "$work/corpus"
cp "$seeds"/* "$work/corpus/"

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export G_SLICE=always-malloc
exec "$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -error_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus"
