#!/bin/sh
# Shared set-up for run.sh and test.sh: installs missing Debian packages (as root,
# with apt-get) and configures + builds into build/ (or $SKRANKEN_BUILD_DIR).
# Extra CMake arguments can be given in $SKRANKEN_CMAKE_ARGS; tools/bench.sh also
# sets SKRANKEN_BUILD_TYPE (default RelWithDebInfo), SKRANKEN_BUILD_TARGET (default:
# everything, tests included) and SKRANKEN_EXTRA_PACKAGES (more Debian packages).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${SKRANKEN_BUILD_DIR:-$here/build}

packages="cmake make gcc pkg-config libsdl2-dev libsdl2-ttf-dev libcjson-dev liblua5.4-dev fonts-dejavu-core xvfb xauth xdotool ${SKRANKEN_EXTRA_PACKAGES:-}"
target=${SKRANKEN_BUILD_TARGET:-}
missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
# node and npm only for the test set-up's dev-only validators (tests/js/); any
# node that is already there will do.
if [ -z "$target" ] && { ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; }; then
    missing="$missing nodejs npm"
fi
if [ -n "$missing" ]; then
    echo "Installerer Debian-pakker:$missing"
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo=sudo; else
            echo "Mangler pakker:$missing – kjør som root eller installer dem med apt-get." >&2
            exit 2
        fi
    else
        sudo=""
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

mkdir -p "$build"
log="$build/build.log"
echo "Bygger i $build (logg: $log)"
# shellcheck disable=SC2086
if ! { cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE="${SKRANKEN_BUILD_TYPE:-RelWithDebInfo}" \
             ${SKRANKEN_CMAKE_ARGS:-} &&
       cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" ${target:+--target "$target"}; } \
     >"$log" 2>&1; then
    cat "$log" >&2
    echo "Byggingen feilet (se over)." >&2
    exit 1
fi
