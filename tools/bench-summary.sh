#!/bin/sh
# How fast is `skranken summary` over a class's worth of reports? Run by hand,
# not by CTest (no timing assertions in the tests).
#
#   tools/bench-summary.sh [COUNT]        (default 10000 reports)
#
# 1. builds a release binary in build-bench/ (or uses $SKRANKEN if set);
# 2. plays every recorded playthrough (tests/playthroughs/<id>/<name>.inputs)
#    with `skranken run --report` and copies the reports COUNT times with a
#    made-up class (tools/bench/gen_reports.c: trainee names, seeds, wall
#    times), once: the set is kept in build-bench/bench-summary-COUNT/;
# 3. times `skranken summary DIR --csv ... --html ...` several runs (hyperfine
#    when installed; as root it is installed with apt-get unless
#    BENCH_NO_INSTALL=1; otherwise a loop timed with date +%s%N);
# 4. ends with `name: value` lines, e.g. summary_10000_reports_s: 0.31
#
# Environment: RUNS (default 10), BENCH_DIR (default build-bench), SKRANKEN,
# BENCH_LOOP=1 (time with the loop even when hyperfine is there).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-10000}
runs=${RUNS:-10}
build=${BENCH_DIR:-$src/build-bench}
case $count in ''|*[!0-9]*) echo "bench-summary: COUNT må være et tall" >&2; exit 2 ;; esac

# 1. the binary
if [ -n "${SKRANKEN:-}" ]; then
    skranken=$SKRANKEN
else
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 2
    fi
    cmake --build "$build" -j2 --target skranken >"$build/bench-build.log" 2>&1 ||
        { tail -20 "$build/bench-build.log" >&2; exit 2; }
    skranken=$build/skranken
fi
[ -x "$skranken" ] || { echo "bench-summary: fant ikke $skranken" >&2; exit 2; }

# 2. the reports, made once
data=$build/bench-summary-$count
# made again when this binary no longer reads them (a new report format)
if [ -f "$data/.complete" ] &&
   ! "$skranken" summary "$data/reports/r000000.json" >/dev/null 2>&1; then
    rm -f "$data/.complete"
fi
if [ ! -f "$data/.complete" ]; then
    rm -rf "$data"
    mkdir -p "$data/base" "$data/reports"
    "$src/tools/bench/playthrough-reports.sh" "$skranken" "$data/base"
    ${CC:-cc} -O2 -std=c11 -Wall -Wextra -o "$data/gen_reports" "$src/tools/bench/gen_reports.c"
    "$data/gen_reports" "$data/base" "$data/reports" "$count"
    touch "$data/.complete"
fi
reports=$data/reports
n=$(find "$reports" -name '*.json' | wc -l)
mb=$(du -sk "$reports" | awk '{printf "%.1f", $1 / 1024}')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run_summary() {
    "$skranken" summary "$reports" --csv "$out/klasse.csv" --html "$out/klasse.html" >/dev/null
}

# one run first: it must succeed, and it warms the page cache like a second look would
run_summary || { echo "bench-summary: skranken summary feilet" >&2; exit 2; }

# 3. timing
if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ] &&
   [ -z "${BENCH_NO_INSTALL:-}" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench-summary: installerer hyperfine (apt-get)" >&2
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi
if [ -z "${BENCH_LOOP:-}" ] && command -v hyperfine >/dev/null 2>&1; then
    tool=hyperfine
    hyperfine --warmup 1 --runs "$runs" --export-csv "$out/times.csv" \
        "'$skranken' summary '$reports' --csv '$out/klasse.csv' --html '$out/klasse.html'" >&2
    # command,mean,stddev,median,user,system,min,max (seconds)
    stats=$(awk -F, 'NR == 2 { printf "%.3f %.3f %.3f %.3f", $2, $4, $7, $8 }' "$out/times.csv")
else
    tool=loop
    : > "$out/times"
    i=0
    while [ "$i" -lt "$runs" ]; do
        t0=$(date +%s%N)
        run_summary
        t1=$(date +%s%N)
        echo "$(( t1 - t0 ))" >> "$out/times"
        i=$((i + 1))
    done
    stats=$(sort -n "$out/times" | awk '{ v[NR] = $1 / 1e9; s += v[NR] }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
              printf "%.3f %.3f %.3f %.3f", s / NR, m, v[1], v[NR] }')
fi
set -- $stats

# 4. the figures
echo "reports: $n"
echo "reports_total_mb: $mb"
echo "runs: $runs"
echo "timing_tool: $tool"
echo "summary_${count}_reports_s: $1"
echo "summary_${count}_reports_median_s: $2"
echo "summary_${count}_reports_min_s: $3"
echo "summary_${count}_reports_max_s: $4"
echo "html_kb: $(du -k "$out/klasse.html" | awk '{print $1}')"
echo "csv_kb: $(du -k "$out/klasse.csv" | awk '{print $1}')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) cores)"
