#!/bin/bash
# Golden screenshots of the library, desk, patient record, lab bench and debrief,
# drawn by SDL's software renderer on the offscreen video driver at 1280x720 (and
# the desk at 1920x1080), compared exactly: each picture's SHA-256 must equal the
# one in tests/gui/golden/. The pictures of this run are kept in the build folder
# (OUT below) to look at.
#   run_golden.sh SKRANKEN OUT_DIR [--update]
# After a deliberate change to the look, regenerate with --update and look at the
# new pictures before committing the new .sha256 files.
set -u
# Under the sanitizer build, leak checking is off for the windowed program only:
# the graphics libraries SDL loads and unloads at run time (X11, GL, EGL) leave
# allocations LeakSanitizer cannot attribute once they are unloaded. Address and
# undefined-behaviour errors still stop the program; the engine's own leak
# checking is done by every headless test.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
skranken=$1 out=$2 update=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
golden=$here/golden
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work
mkdir -p "$HOME"
passes=0 fails=0

play() { # script size [scenario seed]
    local script=$1 size=$2
    shift 2
    sed "s|OUT/|$out/${size}-|" "$here/scripts/$script" > "$work/script.txt"
    timeout 120 "$skranken" play "$@" --trainee "Kari Elev" --size "$size" \
        --test-script "$work/script.txt" 2>"$work/err" ||
        { echo "FEIL $script $size: $(head -n 3 "$work/err")"; fails=$((fails + 1)); }
}

play golden-library.txt 1280x720
play golden-desk.txt 1280x720 telefon-datter-provesvar --seed 1 --speed 10
play golden-lab.txt 1280x720 blodprove-venos --seed 1 --speed 10
play golden-desk.txt 1920x1080 telefon-datter-provesvar --seed 1 --speed 10
play golden-pause.txt 1280x720 telefon-datter-provesvar --seed 1 --lang en

for pic in 1280x720-library 1280x720-desk 1280x720-record 1280x720-lab 1280x720-debrief \
           1280x720-pause-en 1920x1080-desk 1920x1080-record 1920x1080-debrief; do
    file=$out/$pic.bmp
    if [ ! -s "$file" ]; then
        echo "FEIL $pic: skjermbildet ble ikke laget"; fails=$((fails + 1)); continue
    fi
    sum=$(sha256sum "$file" | cut -d' ' -f1)
    if [ "$update" = "--update" ]; then
        echo "$sum" > "$golden/$pic.sha256"
        echo "oppdatert $pic"
        passes=$((passes + 1))
    elif [ -f "$golden/$pic.sha256" ] && [ "$sum" = "$(cat "$golden/$pic.sha256")" ]; then
        echo "ok   $pic"
        passes=$((passes + 1))
    else
        echo "FEIL $pic: bildet er ikke likt fasiten (se $file)."
        echo "     Er endringen tilsiktet: kjør «$0 $skranken $out --update», se på bildene og"
        echo "     legg de nye tests/gui/golden/*.sha256 inn sammen med endringen."
        fails=$((fails + 1))
    fi
done
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
