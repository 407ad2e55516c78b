#!/bin/sh
# Takes data/screenshots/ingestion.png and diagnostics.png with the
# ingestion viewer on the in-process simulator, under Xvfb (not a test).
#
#   ninja -C build tests/ui/ingestion-viewer
#   dbus-run-session -- tests/ui/ingestion-screenshots.sh build
#
# Needs Xvfb and ImageMagick's import; xdotool, if there, moves the pointer
# out of the way of tooltips. DARK=1 for the dark style.
set -eu

build=${1:-build}
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$src/data/screenshots}

shot () {
  file=$1; width=$2; height=$3; seconds=$4; shift 4
  display=:$((90 + $$ % 50))
  Xvfb $display -screen 0 "${width}x${height}x24" >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory \
    GSETTINGS_SCHEMA_DIR="$build/data" ${DARK:+ADW_DEBUG_COLOR_SCHEME=prefer-dark} \
    "$build/tests/ui/ingestion-viewer" --width "$width" --height "$height" "$@" >/dev/null 2>&1 &
  viewer=$!
  sleep "$seconds"
  if command -v xdotool >/dev/null; then
    DISPLAY=$display xdotool mousemove $((width - 2)) $((height - 2)) || true
    sleep 0.5
  fi
  DISPLAY=$display import -window root "$file"
  kill $viewer; wait $viewer 2>/dev/null || true
  kill $xvfb; wait $xvfb 2>/dev/null || true
}

shot "$out/ingestion.png" 1100 720 10 --select awaiting --awaiting-hours 9
shot "$out/diagnostics.png" 1100 720 10 --page diagnostics
