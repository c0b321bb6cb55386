#!/bin/sh
# Builds Skranken and opens it on the scenario library. Extra arguments go to
# `skranken play` (e.g. a scenario id, --lang en, --mode exam).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh"
build=${SKRANKEN_BUILD_DIR:-$here/build}
if [ $# -eq 0 ]; then
    exec "$build/skranken"
fi
exec "$build/skranken" play "$@"
