#!/bin/sh
# bench/map-canvas.sh: journey map canvas redraw with 500 cards and 600
# connectors (target: a drag frame ≤ 8 ms), medians of RUNS frames, under
# Xvfb with GSK's cairo renderer (what CI and the tests use).
#
#   bench/map-canvas.sh [BUILD_DIR]     (RUNS=N for the number of timed frames)
#
# Use an optimised build for the times: meson setup build-release --buildtype=release
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
runs=${RUNS:-30}

ninja -C "$build" bench/map-canvas-bench >/dev/null

GTK_A11Y=none GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
  xvfb-run -a -s "-screen 0 1920x1080x24" "$build/bench/map-canvas-bench" "$runs"
