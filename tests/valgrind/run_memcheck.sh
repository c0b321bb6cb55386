#!/bin/bash
# valgrind memcheck over the headless test suite (docs/security.md): every unit
# test, every recorded playthrough through `skranken run`, and each instructor
# command and error path once. Any memcheck error or leak (definite, indirect or
# possible) fails it.
#   tests/valgrind/run_memcheck.sh BUILD_DIR [SOURCE_DIR]
# BUILD_DIR must hold an ordinary build (not the sanitizer one). Also registered
# as the CTest test valgrind.memcheck (label valgrind) when the build is
# configured with -DSKRANKEN_VALGRIND=ON; CI runs it.
set -u
build=$(cd "$1" && pwd)
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
skranken=$build/skranken
if ! command -v valgrind >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind
    fi
    command -v valgrind >/dev/null 2>&1 || { echo "run_memcheck.sh: valgrind mangler" >&2; exit 2; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER
mkdir -p "$HOME"
runs=0 bad=0
vg() { # name want_exit -- command...
    local name=$1 want=$2
    shift 3
    runs=$((runs + 1))
    local log="$work/vg-$runs.log"
    valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \
        --track-origins=yes --quiet --log-file="$log" "$@" >"$work/out" 2>&1
    local rc=$?
    if [ $rc -eq 99 ] || [ -s "$log" ]; then
        echo "FEIL $name: memcheck fant feil eller lekkasjer"; head -n 40 "$log" | sed 's/^/    /'
        bad=$((bad + 1))
    elif [ "$want" != any ] && [ $rc -ne "$want" ]; then
        echo "FEIL $name: avslutningskode $rc, ventet $want"; head -n 5 "$work/out" | sed 's/^/    /'
        bad=$((bad + 1))
    fi
}

# Unit tests (their own data paths are compiled in).
for t in "$build"/tests/unit/test_*; do
    [ -x "$t" ] && [ -f "$t" ] || continue
    case $t in *test_ui_*) continue ;; esac # SDL_ttf/fontconfig keep their caches
    vg "unit $(basename "$t")" 0 -- "$t"
done

# Every recorded playthrough.
for dir in "$src"/tests/playthroughs/*/; do
    id=$(basename "$dir")
    for inputs in "$dir"*.inputs; do
        name=$(basename "$inputs" .inputs)
        seed=1
        [ -f "$dir$name.seed" ] && seed=$(head -n 1 "$dir$name.seed")
        vg "playthrough $id/$name" any -- "$skranken" run "$src/scenarios/$id.lua" \
            --inputs "$inputs" --seed "$seed" --report "$work/r-$id-$name.json" --quiet
    done
done

# The other commands, good and bad input.
reports=$work/reports
mkdir -p "$reports"
cp "$work"/r-telefon-datter-provesvar-*.json "$work"/r-lab-ekg-*.json "$reports/"
printf '\0\1binær' > "$work/binary.json"
vg "verify" 0 -- "$skranken" verify "$reports"
vg "verify bad" 1 -- "$skranken" verify "$work/binary.json"
vg "summary" 0 -- "$skranken" summary "$reports" --csv "$work/s.csv" --html "$work/s.html"
vg "summary bad" 1 -- "$skranken" summary "$reports" "$work/binary.json"
vg "export-xapi" 0 -- "$skranken" export-xapi "$reports"/r-lab-ekg-*.json --out "$work/x.json"
vg "export-xapi bad" 2 -- "$skranken" export-xapi "$work/binary.json"
vg "check" any -- "$skranken" check "$src/scenarios/telefon-datter-provesvar.lua" "$src/scenarios/lab-ekg.lua"
vg "new" 0 -- "$skranken" new memcheck-mal --dir "$work"
vg "check template" any -- "$skranken" check "$work/memcheck-mal.lua"
vg "catalog import" 0 -- "$skranken" catalog import "$src/tests/fixtures/grep/KMS9.json" --out "$work/k.json"
vg "exam" any -- "$skranken" exam hse3008-ovingseksamen --inputs-dir "$src/tests/exams/hse3008" \
    --report-dir "$work/exam"
vg "run missing file" 2 -- "$skranken" run "$work/nope.lua" --inputs "$work/nope.inputs"
vg "run binary scenario" 2 -- "$skranken" run "$work/binary.json" --inputs "$src/tests/exams/hse3008/lab-ekg.inputs"
for h in "$src"/tests/hostile/*.lua; do
    case $(basename "$h") in *loop* | *budget* | *bomb* | *storm* | *recurs*) continue ;; esac # slow under valgrind; the sanitizer build covers them
    vg "hostile $(basename "$h")" any -- "$skranken" run "$h" --inputs "$src/tests/exams/hse3008/lab-ekg.inputs" \
        --report "$work/h.json"
    rm -f "$work/h.json"
done
vg "usage error" 2 -- "$skranken" run --seed

# The journal: a journaled run, and an attempt killed after 3 actions (outside
# valgrind) then resumed and finished under it.
vg "run --journal" 0 -- "$skranken" run "$src/scenarios/telefon-datter-provesvar.lua" \
    --inputs "$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs" --journal \
    --report "$work/journaled.json" --quiet
SKRANKEN_TEST_HANG=append:3 SKRANKEN_TEST_HANG_MARK="$work/mark" "$skranken" run \
    "$src/scenarios/telefon-datter-provesvar.lua" --journal --report "$work/resumed.json" \
    --inputs "$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs" --quiet \
    >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do [ -e "$work/mark" ] && break; sleep 0.05; done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
journal=$(ls "$XDG_DATA_HOME"/skranken/journal/*.journal 2>/dev/null | head -n 1)
if [ -n "$journal" ]; then
    vg "resume list" 0 -- "$skranken" resume
    vg "resume --finish" 0 -- "$skranken" resume "$journal" --finish --quiet \
        --report "$work/resumed-2.json"
else
    echo "FEIL resume: ingen journal etter kill"; bad=$((bad + 1))
fi
vg "resume bad journal" 2 -- "$skranken" resume "$work/binary.json" --finish

echo "valgrind memcheck: $runs kjøringer, $bad med feil"
[ $bad -eq 0 ]
