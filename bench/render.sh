#!/bin/sh
# bench/render.sh: Sankey layout + render time at 1920×1080 (target ≤ 16 ms)
# and weighted crossings, ours beside d3-sankey's on the same graphs.
#
#   bench/render.sh [BUILD_DIR]     (RUNS=N for the number of timed runs)
#
# Use an optimised build for the times: meson setup build-release --buildtype=release
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
runs=${RUNS:-60}

ninja -C "$build" bench/render-bench >/dev/null

if [ ! -d "$here/node_modules/d3-sankey" ]; then
  echo "Installing d3-sankey into bench/node_modules…" >&2
  npm install --prefix "$here" --no-audit --no-fund --no-package-lock >/dev/null
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$build/bench/render-bench" --out "$out" --runs "$runs"
RUNS=$runs node "$here/d3-sankey.mjs" "$out"
