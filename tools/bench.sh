#!/bin/sh
# Skranken's speed and memory, measured side by side with LÖVE 11 and Ren'Py in
# one run (docs/performance.md). Run by hand on a quiet machine, not by CTest:
# the tests make no timing assertions.
#
#   tools/bench.sh
#
# 1. installs what it needs from Debian (love, renpy, hyperfine, xvfb; as root
#    with apt-get) and builds a release binary in build-bench/;
# 2. starts its own Xvfb (1920x1080x24) with software rendering for everyone;
# 3. time from exec to the first presented frame of the library screen
#    (`skranken play --exit-after-first-frame`; LÖVE and Ren'Py print the same
#    CLOCK_MONOTONIC line from tools/bench/love and tools/bench/renpy), median of
#    RUNS runs each, the programs taking turns; Skranken also as at its very
#    first start (a new data folder: no library cache yet);
# 4. CPU while idle over IDLE_SECONDS with the desk shown (Skranken: the first
#    minute of full-morgen-1, where nothing happens until 08:01) or the peers'
#    screen, after SETTLE seconds; peak resident memory of those runs;
# 5. frame times at 1920x1080 while tools/bench/travel-morgen.lua keeps the desk
#    busy (`--frame-log`), p50 and p99 over FRAME_RUNS runs;
# 6. headless: recorded playthroughs replayed per second by `skranken verify`,
#    `skranken check` over the whole library, `skranken summary` over 10,000
#    reports (tools/bench-summary.sh);
# 7. prints a Markdown table (also saved in build-bench/bench-results.md) and
#    then one `name: value` line per figure, ratios as `first_frame_vs_love: 0.42`.
#
# Environment: RUNS (10), IDLE_RUNS (3), IDLE_SECONDS (10), SETTLE (3),
# FRAME_RUNS (3), BENCH_DIR (build-bench). A program that cannot be started here
# is reported as not measured, with the reason, and the rest goes on.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-10}
idle_runs=${IDLE_RUNS:-3}
idle_s=${IDLE_SECONDS:-10}
settle=${SETTLE:-3}
frame_runs=${FRAME_RUNS:-3}
build=${BENCH_DIR:-$src/build-bench}
for v in "$runs" "$idle_runs" "$idle_s" "$settle" "$frame_runs"; do
    case $v in ''|*[!0-9]*|0) echo "bench: RUNS, IDLE_RUNS, IDLE_SECONDS, SETTLE og FRAME_RUNS må være positive heltall" >&2; exit 2 ;; esac
done

say() { echo "bench: $*" >&2; }

# 1. packages and the release binary
say "pakker og bygg (Release i $build)"
SKRANKEN_BUILD_DIR=$build SKRANKEN_BUILD_TYPE=Release SKRANKEN_BUILD_TARGET=skranken \
    SKRANKEN_EXTRA_PACKAGES="love renpy hyperfine" "$src/tools/setup.sh" >&2
skranken=$build/skranken
work=$(mktemp -d)
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
launch=$build/bench-launch
${CC:-cc} -O2 -std=c11 -Wall -Wextra -o "$launch" "$src/tools/bench/launch.c"
log=$build/bench.log
: > "$log"

# 2. a display of our own, software rendering for every program
for n in $(seq 80 89); do
    [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
fig=$work/figures
mkdir -p "$work/home" "$work/run" "$work/nobin" "$fig"
chmod 700 "$work/run"
# Ren'Py opens its traceback with xdg-open (an editor in a terminal) when it fails
printf '#!/bin/sh\nexit 0\n' > "$work/nobin/xdg-open"
chmod +x "$work/nobin/xdg-open"
export DISPLAY="$disp" HOME="$work/home" XDG_RUNTIME_DIR="$work/run" \
    XDG_DATA_HOME="$work/home/.local/share" LIBGL_ALWAYS_SOFTWARE=1 \
    PATH="$work/nobin:$PATH"

# The peers get the font file Skranken draws with.
font=$(strings "$skranken" | grep -m1 '/DejaVuSans\.ttf$' || true)
[ -f "$font" ] || font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
cp -r "$src/tools/bench/love" "$work/love"
cp "$font" "$work/love/DejaVuSans.ttf"
cp -r "$src/tools/bench/renpy" "$work/renpy"
cp "$font" "$work/renpy/game/DejaVuSans.ttf"
renpy=/usr/games/renpy
love_version=$(love --version 2>/dev/null | head -n 1 | sed 's/^LOVE //')
renpy_version=$(dpkg-query -W -f='${Version}' renpy 2>/dev/null || echo "?")

field() { sed -n "s/^$1: //p" | head -n 1; }
median() {
    sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "-"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'
}

# Each program as the benchmark starts it. $1: first|idle, $2: run number.
cmd_skranken() {
    if [ "$1" = first ]; then
        echo "$skranken play --exit-after-first-frame --data-dir $work/sk-first"
    else
        echo "$skranken play full-morgen-1 --seed 1 --trainee Elev --data-dir $work/sk-idle-$2"
    fi
}
# The first start on a machine: a new data folder each time, so no library cache.
cmd_cold() { echo "$skranken play --exit-after-first-frame --data-dir $work/sk-cold-$2"; }
cmd_love() { echo "love $work/love"; }
cmd_renpy() { echo "$renpy $work/renpy"; }

# One launch; appends the figure to $fig/<program>-<what>. Returns 1 on failure.
measure() { # program first|idle run
    prog=$1 what=$2 run=$3
    # shellcheck disable=SC2046
    if [ "$what" = first ]; then
        out=$("$launch" first-frame 60 -- $(cmd_"$prog" first "$run") 2>>"$log") || return 1
        echo "$out" | field first_frame_ms >> "$fig/$prog-first"
    else
        out=$("$launch" idle "$settle" "$idle_s" "$xvfb_pid" -- $(cmd_"$prog" idle "$run") \
              2>>"$log") || return 1
        echo "$out" | field cpu_percent >> "$fig/$prog-cpu"
        echo "$out" | field xserver_cpu_percent >> "$fig/$prog-xcpu"
        echo "$out" | field peak_rss_kb >> "$fig/$prog-rss"
    fi
}

# Warm-up (page cache, Ren'Py's compiled scripts); a peer that cannot start is
# left out with its reason.
progs="skranken"
renpy_status=measured
love_status=measured
say "oppvarming"
measure skranken first 0 || { tail -5 "$log" >&2; say "skranken viste ikke noe bilde"; exit 1; }
if measure love first 0; then progs="$progs love"; else
    love_status="starter ikke her: $(tail -n 1 "$log")"
fi
if measure renpy first 0; then progs="$progs renpy"; else
    why=$(grep -h -m1 -E '^[A-Za-z]+(Error|Exception):' "$work/home/.renpy/traceback.txt" \
          "$work/renpy/traceback.txt" 2>/dev/null | head -n 1)
    renpy_status="starter ikke her: ${why:-$(tail -n 1 "$log")}"
    say "Ren'Py $renpy_version: $renpy_status"
fi
rm -f "$fig"/*

# 3. first frame, taking turns
say "første bilde: $runs runder ($progs, og Skranken uten bibliotekbuffer)"
r=1
while [ "$r" -le "$runs" ]; do
    for p in $progs cold; do measure "$p" first "$r" || say "$p: runde $r feilet (se $log)"; done
    r=$((r + 1))
done

# 4. idle CPU and peak memory, taking turns
say "tomgang: $idle_runs runder à ${settle}+${idle_s} s ($progs)"
r=1
while [ "$r" -le "$idle_runs" ]; do
    for p in $progs; do measure "$p" idle "$r" || say "$p: tomgang $r feilet (se $log)"; done
    r=$((r + 1))
done

# 5. frame times on the busy desk at 1920x1080
say "bildetid: $frame_runs kjøringer av travel-morgen i 1920x1080"
: > "$work/frames"
r=1
while [ "$r" -le "$frame_runs" ]; do
    "$skranken" play "$src/tools/bench/travel-morgen.lua" --size 1920x1080 --speed 60 \
        --seed 1 --trainee Elev --data-dir "$work/sk-busy-$r" \
        --test-script "$src/tools/bench/travel-morgen.script" \
        --frame-log "$work/frames-$r" >>"$log" 2>&1 ||
        { tail -5 "$log" >&2; say "travel-morgen feilet"; exit 1; }
    awk '$1 == "desk" { print $2 / 1000 }' "$work/frames-$r" >> "$work/frames"
    r=$((r + 1))
done
sort -n "$work/frames" > "$work/frames.sorted"
frames=$(wc -l < "$work/frames.sorted")
pct() { awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p + 0.999999); if (i < 1) i = 1; printf "%.2f", v[i] }' "$work/frames.sorted"; }
frame_p50=$(pct 0.50)
frame_p99=$(pct 0.99)
frame_max=$(tail -n 1 "$work/frames.sorted" | awk '{ printf "%.2f", $1 }')

# 6. headless work
say "verify: avspilte gjennomspillinger per sekund"
vdata=$build/bench-verify
if [ -f "$vdata/.complete" ] && ! "$skranken" verify "$vdata/reports" >/dev/null 2>&1; then
    rm -f "$vdata/.complete" # made by an engine that no longer replays them the same
fi
if [ ! -f "$vdata/.complete" ]; then
    rm -rf "$vdata"
    "$src/tools/bench/playthrough-reports.sh" "$skranken" "$vdata/base"
    mkdir -p "$vdata/reports"
    for k in 1 2 3 4 5 6 7 8 9 10; do
        for f in "$vdata/base"/*.json; do cp "$f" "$vdata/reports/$k-$(basename "$f")"; done
    done
    "$skranken" verify "$vdata/reports" >/dev/null 2>&1 ||
        { say "verify godtar ikke sine egne rapporter"; exit 1; }
    touch "$vdata/.complete"
fi
replays=$(find "$vdata/reports" -name '*.json' | wc -l)
hyperfine --warmup 1 --runs "$runs" --export-csv "$work/verify.csv" \
    "'$skranken' verify '$vdata/reports'" >>"$log" 2>&1
verify_s=$(awk -F, 'NR == 2 { printf "%.3f", $2 }' "$work/verify.csv")
replays_per_s=$(awk -v n="$replays" -v t="$verify_s" 'BEGIN { printf "%.0f", n / t }')

say "check over hele biblioteket"
nscen=$(ls "$src"/scenarios/*.lua | wc -l)
hyperfine --runs 3 --export-csv "$work/check.csv" \
    "'$skranken' check '$src'/scenarios/*.lua" >>"$log" 2>&1
check_s=$(awk -F, 'NR == 2 { printf "%.2f", $2 }' "$work/check.csv")

say "summary over 10 000 rapporter"
SKRANKEN=$skranken RUNS=$runs BENCH_DIR=$build "$src/tools/bench-summary.sh" 10000 \
    > "$work/summary.out" 2>>"$log"
summary_s=$(field summary_10000_reports_s < "$work/summary.out")

# 7. the figures
stat_of() { # program what -> median, or "-"
    if [ -s "$fig/$1-$2" ]; then median < "$fig/$1-$2"; else echo "-"; fi
}
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { if (v == "-") print "–"; else printf "%." d "f", v }'; }
ratio() { # a b [decimals, default 2]
    awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "n/a"; else printf "%." d "f", a / b }'
}
mb() { awk -v v="$1" 'BEGIN { if (v == "-") print "-"; else printf "%.1f", v / 1024 }'; }
yes_no() { awk -v c="$1" 'BEGIN { print (c ? "ja" : "NEI") }'; }

for p in skranken love renpy; do
    eval "${p}_first=\$(stat_of $p first)"
    eval "${p}_cpu=\$(stat_of $p cpu)"
    eval "${p}_xcpu=\$(stat_of $p xcpu)"
    eval "${p}_rss=\$(mb \$(stat_of $p rss))"
done
cold_first=$(stat_of cold first)
# shellcheck disable=SC2154
{
cold_vs_love=$(ratio "$cold_first" "$love_first")
first_vs_love=$(ratio "$skranken_first" "$love_first")
first_vs_renpy=$(ratio "$skranken_first" "$renpy_first")
rss_vs_love=$(ratio "$skranken_rss" "$love_rss")
rss_vs_renpy=$(ratio "$skranken_rss" "$renpy_rss")
cpu_vs_love=$(ratio "$skranken_cpu" "$love_cpu" 4)
met_first=$(yes_no "$(awk -v r="$first_vs_love" 'BEGIN { print (r != "n/a" && r <= 0.5) }')")
met_cpu=$(yes_no "$(awk -v c="$skranken_cpu" 'BEGIN { print (c != "-" && c <= 1) }')")
met_rss=$(yes_no "$(awk -v r="$rss_vs_love" 'BEGIN { print (r != "n/a" && r <= 0.3) }')")
met_p99=$(yes_no "$(awk -v p="$frame_p99" 'BEGIN { print (p < 8) }')")
met_replay=$(yes_no "$(awk -v n="$replays_per_s" 'BEGIN { print (n >= 500) }')")
met_summary=$(yes_no "$(awk -v s="$summary_s" 'BEGIN { print (s != "" && s < 1) }')")
cpu_model=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
version=$("$skranken" --version 2>/dev/null | head -n 1)
renpy_col() { if [ "$renpy_status" = measured ]; then echo "$1"; else echo "ikke målt¹"; fi; }

{
echo "Målt $(date -u '+%Y-%m-%d %H:%M UTC') med \`tools/bench.sh\` (RUNS=$runs, IDLE_RUNS=$idle_runs, IDLE_SECONDS=$idle_s, FRAME_RUNS=$frame_runs)"
echo "på $cpu_model ($(nproc) kjerner), $(uname -sr), Xvfb 1920x1080x24, programvaretegning for alle."
echo "$version; LÖVE $love_version; Ren'Py $renpy_version (Debian)."
echo
echo "| Mål | Skranken | LÖVE | Ren'Py | Krav | Oppfylt |"
echo "|---|---:|---:|---:|---|---|"
echo "| Første bilde, median av $runs (ms) | $(fmt "$skranken_first" 1) | $(fmt "$love_first" 1) | $(renpy_col "$(fmt "$renpy_first" 1)") | ≤ 0,5 × LÖVE (nå $first_vs_love) | $met_first |"
echo "| … første start (ny datamappe, uten bibliotekbuffer) (ms) | $(fmt "$cold_first" 1) | | | (nå $cold_vs_love × LÖVE) | |"
echo "| CPU i tomgang over $idle_s s, median av $idle_runs (% av én kjerne) | $(fmt "$skranken_cpu" 2) | $(fmt "$love_cpu" 2) | $(renpy_col "$(fmt "$renpy_cpu" 2)") | ≤ 1 % | $met_cpu |"
echo "| … X-serverens CPU i samme tidsrom (%) | $(fmt "$skranken_xcpu" 2) | $(fmt "$love_xcpu" 2) | $(renpy_col "$(fmt "$renpy_xcpu" 2)") | – | |"
echo "| Høyeste residente minne, median (MB) | $(fmt "$skranken_rss" 1) | $(fmt "$love_rss" 1) | $(renpy_col "$(fmt "$renpy_rss" 1)") | ≤ 0,3 × LÖVE (nå $rss_vs_love) | $met_rss |"
echo "| Bildetid p50 / p99 / maks, travel skranke 1920×1080 ($frames bilder) (ms) | $frame_p50 / $frame_p99 / $frame_max | | | p99 < 8 ms | $met_p99 |"
echo "| Avspilte gjennomspillinger per sekund (\`verify\`, $replays rapporter) | $replays_per_s | | | ≥ 500 | $met_replay |"
echo "| \`check\` over hele biblioteket ($nscen scenarioer) (s) | $check_s | | | – | |"
echo "| \`summary\` over 10 000 rapporter (s) | $summary_s | | | < 1 s | $met_summary |"
if [ "$renpy_status" != measured ]; then
    echo
    echo "¹ Ren'Py $renpy_version $renpy_status"
fi
if [ "$love_status" != measured ]; then
    echo
    echo "LÖVE $love_version $love_status"
fi
} > "$build/bench-results.md"
cat "$build/bench-results.md"
echo
echo "first_frame_skranken_ms: $skranken_first"
echo "first_frame_love_ms: $love_first"
echo "first_frame_renpy_ms: $renpy_first"
echo "first_frame_vs_love: $first_vs_love"
echo "first_frame_cold_skranken_ms: $cold_first"
echo "first_frame_cold_vs_love: $cold_vs_love"
echo "first_frame_vs_renpy: $first_vs_renpy"
echo "idle_cpu_skranken_percent: $skranken_cpu"
echo "idle_cpu_love_percent: $love_cpu"
echo "idle_cpu_renpy_percent: $renpy_cpu"
echo "idle_cpu_vs_love: $cpu_vs_love"
echo "idle_xserver_cpu_skranken_percent: $skranken_xcpu"
echo "idle_xserver_cpu_love_percent: $love_xcpu"
echo "peak_rss_skranken_mb: $skranken_rss"
echo "peak_rss_love_mb: $love_rss"
echo "peak_rss_renpy_mb: $renpy_rss"
echo "peak_rss_vs_love: $rss_vs_love"
echo "peak_rss_vs_renpy: $rss_vs_renpy"
echo "frame_p50_ms: $frame_p50"
echo "frame_p99_ms: $frame_p99"
echo "frame_max_ms: $frame_max"
echo "frames: $frames"
echo "replays_per_s: $replays_per_s"
echo "check_library_s: $check_s"
echo "summary_10000_reports_s: $summary_s"
echo "renpy: $renpy_status"
echo "targets_met: $(echo "$met_first $met_cpu $met_rss $met_p99 $met_replay $met_summary" | tr ' ' '\n' | grep -c '^ja$')/6"
}
