#!/bin/sh
# Plays every hostile scenario in this folder and checks that each ends with a
# clear error naming the file (exit 2, the "-- expect:" text on stderr) within
# the time limit, without a crash and without writing anything outside the data
# folder. A file whose first line is "-- expect-exit: 0" must instead play
# through normally (and still finish in time).
# With PEAK_RSS (tests/tools/peak_rss) and MAX_KIB > 0, each run's peak resident
# memory must also stay under MAX_KIB: the Lua heap is capped at 64 MiB, and the
# whole program with it must stay near that (docs/security.md).
#   run_hostile.sh SKRANKEN HOSTILE_DIR [PEAK_RSS MAX_KIB]
set -u
skranken=$1 dir=$2 peak_rss=${3:-} max_kib=${4:-0}
limit=30
fails=0 passes=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '# ingen handlinger\n' > "$work/empty.inputs"

for f in "$dir"/*.lua; do
    name=$(basename "$f" .lua)
    run="$work/$name"
    mkdir -p "$run/cwd" "$run/home" "$run/data"
    first=$(head -n 1 "$f")
    want_exit=2
    expect=""
    case "$first" in
        "-- expect-exit: "*) want_exit=${first#-- expect-exit: } ;;
        "-- expect: "*) expect=${first#-- expect: } ;;
    esac
    measure=""
    [ -n "$peak_rss" ] && [ "$max_kib" -gt 0 ] && measure="$peak_rss $run/rss"
    # shellcheck disable=SC2086 # measure is a command prefix or nothing
    (cd "$run/cwd" && HOME="$run/home" XDG_DATA_HOME="$run/data" \
        timeout -s KILL $limit $measure "$skranken" run "$f" --inputs "$work/empty.inputs" \
        >"$run/out" 2>"$run/err")
    rc=$?
    rss=$(cat "$run/rss" 2>/dev/null || echo 0)
    problem=""
    if [ $rc -eq 137 ]; then
        problem="ble drept etter ${limit}s (henger)"
    elif [ $rc -ne "$want_exit" ]; then
        problem="avslutningskode $rc, ventet $want_exit"
    elif [ "$want_exit" -eq 2 ] && ! grep -qF "$name.lua" "$run/err"; then
        problem="feilmeldingen nevner ikke filen"
    elif [ -n "$expect" ] && ! grep -qF -- "$expect" "$run/err"; then
        problem="feilmeldingen mangler «$expect»"
    elif [ "$(wc -l < "$run/err")" -gt 40 ]; then
        problem="feilmeldingen er over 40 linjer"
    elif [ -n "$(ls -A "$run/cwd")" ] || [ -n "$(ls -A "$run/home")" ]; then
        problem="skrev filer utenfor datamappen"
    elif [ "$want_exit" -eq 2 ] && [ -n "$(find "$run/data" -type f)" ]; then
        problem="lagret en rapport for et scenario med feil"
    elif [ "$max_kib" -gt 0 ] && [ "$rss" -gt "$max_kib" ]; then
        problem="brukte $rss KiB minne, grensen er $max_kib KiB"
    fi
    if [ -n "$problem" ]; then
        echo "FEIL $name: $problem"
        sed 's/^/    /' "$run/err" | head -n 10
        fails=$((fails + 1))
    else
        echo "ok   $name ($rss KiB): $(head -n 1 "$run/err")"
        passes=$((passes + 1))
    fi
done
echo "$passes passed, $fails failed"
[ $passes -gt 0 ] && [ $fails -eq 0 ]
