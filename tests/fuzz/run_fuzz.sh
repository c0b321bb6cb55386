#!/bin/sh
# Runs every fuzz harness with libFuzzer for a bounded time (docs/security.md).
#   tests/fuzz/run_fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]
# Builds with clang into build-fuzz/ (or $SKRANKEN_FUZZ_BUILD_DIR), fuzzes each
# harness from a copy of its seed corpus plus its regressions (the committed
# corpus is never changed), and prints one line per harness:
#   fuzz_inputs: 123456 runs in 60 s, coverage 812, corpus 95, crashes 0
# A crash leaves its input in <build>/crashes/<harness>/ and makes the exit code 1;
# copy it to tests/fuzz/regressions/<harness>/ once fixed.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-inputs catalog grep scenario report library}
build=${SKRANKEN_FUZZ_BUILD_DIR:-$here/build-fuzz}

# clang and its fuzzer runtime, from Debian, when missing (as root).
if ! command -v clang >/dev/null 2>&1 ||
   ! dpkg-query -W -f='${Status}' libclang-rt-dev 2>/dev/null | grep -q "install ok installed"; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "run_fuzz.sh: trenger clang og libclang-rt-dev (apt-get install clang libclang-rt-dev)" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-dev
fi
mkdir -p "$build"
if ! { CC=clang cmake -S "$here" -B "$build" -DSKRANKEN_FUZZ=ON -DSKRANKEN_WERROR=ON \
         -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
       for h in $harnesses; do cmake --build "$build" -j "$(nproc)" --target "fuzz_$h" || exit 1; done
     } >"$build/fuzz-build.log" 2>&1; then
    cat "$build/fuzz-build.log" >&2
    echo "run_fuzz.sh: byggingen feilet" >&2
    exit 2
fi

status=0
for h in $harnesses; do
    work="$build/work/$h"
    crashes="$build/crashes/$h"
    rm -rf "$work"
    mkdir -p "$work" "$crashes"
    cp "$here/tests/fuzz/corpus/$h/"* "$work/"
    if [ "$h" = scenario ]; then
        cp "$here"/scenarios/*.lua "$work/" # the shipped scenarios are seeds too
    fi
    if [ -d "$here/tests/fuzz/regressions/$h" ]; then
        find "$here/tests/fuzz/regressions/$h" -type f -exec cp {} "$work/" \;
    fi
    log="$build/fuzz-$h.log"
    set +e
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -rss_limit_mb=1024 \
        -timeout=10 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$work" >"$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
    found=$(find "$crashes" -type f | wc -l)
    echo "fuzz_$h: ${runs:-0} runs in $seconds s, coverage ${cov:-?}, corpus $(ls "$work" | wc -l), crashes $found"
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        grep -E 'ERROR|SUMMARY|==[0-9]+==|#0|#1|#2|#3' "$log" | head -n 20 >&2
    fi
done
exit $status
