#!/bin/sh
# Builds Skranken and runs the whole test suite through ctest.
# Extra arguments go to ctest (e.g. -R playthrough, -L unit).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh"
build=${SKRANKEN_BUILD_DIR:-$here/build}
cd "$build"
exec ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
