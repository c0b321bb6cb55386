#!/bin/bash
# End-to-end tests of the real window under Xvfb:
#  1. a scripted student (SDL-injected keys and clicks on the drawn buttons) plays
#     «Datteren som vil ha prøvesvar» to its debrief; the saved report must have
#     grade 6, and replaying its input log headlessly must give the identical
#     report (outside "wall");
#  2. real X input with xdotool: type a name with æøå into the library, start a
#     scenario with Enter, pause with Esc, finish from the pause menu; the saved
#     report must carry the typed name.
#   run_gui_e2e.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
# Under the sanitizer build, leak checking is off for the windowed program only:
# the graphics libraries SDL loads and unloads at run time (X11, GL, EGL) leave
# allocations LeakSanitizer cannot attribute once they are unloaded. Address and
# undefined-behaviour errors still stop the program; the engine's own leak
# checking is done by every headless test.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
skranken=$1 tool=$2 src=$3
work=$(mktemp -d)
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT
passes=0 fails=0
ok() { echo "ok   $1"; passes=$((passes + 1)); }
fail() { echo "FEIL $1"; fails=$((fails + 1)); }

# A display of our own.
for n in $(seq 91 99); do
    [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
export DISPLAY=$disp XDG_RUNTIME_DIR=$work
unset SDL_VIDEODRIVER WAYLAND_DISPLAY

# 1. scripted student
export HOME=$work/home1 XDG_DATA_HOME=$work/data1
mkdir -p "$HOME"
if timeout 180 "$skranken" play telefon-datter-provesvar --trainee "Åse Ødegård" --seed 1 \
        --speed 20 --test-script "$src/tests/gui/scripts/e2e-telefon-datter.txt" 2>"$work/err1"; then
    report=$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null | head -n 1)
    if [ -n "$report" ]; then
        ok "gui-scenario-to-debrief"
        printf '{"grade": 6, "passed": true, "points": 17, "critical_errors_goals": []}\n' > "$work/expect.json"
        if "$tool" check "$report" "$work/expect.json" >/dev/null; then ok "gui-report-grade"; else fail "gui-report-grade"; fi
        "$tool" inputs "$report" > "$work/gui.inputs"
        "$skranken" run telefon-datter-provesvar --inputs "$work/gui.inputs" --seed 1 \
            --trainee "Åse Ødegård" --report "$work/replay.json" --quiet >/dev/null
        if "$tool" same "$report" "$work/replay.json" >/dev/null; then
            ok "gui-report-replays-identically"
        else
            fail "gui-report-replays-identically"
        fi
    else
        fail "gui-scenario-to-debrief: ingen rapport lagret"
    fi
else
    fail "gui-scenario-to-debrief"; sed 's/^/    /' "$work/err1" | head -5
fi

# 1a. every scenario in the repository opens in the window and reaches its debrief
export HOME=$work/home5 XDG_DATA_HOME=$work/data5
mkdir -p "$HOME"
bad=""
count=0
for scen in "$src"/scenarios/*.lua; do
    count=$((count + 1))
    if ! timeout 60 "$skranken" play "$scen" --trainee "Test" --seed 1 \
            --test-script "$src/tests/gui/scripts/finish-now.txt" 2>>"$work/err5"; then
        bad="$bad $(basename "$scen")"
    fi
done
saved=$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null | wc -l)
if [ -z "$bad" ] && [ "$saved" -eq "$count" ]; then
    ok "gui-every-scenario-to-debrief ($count)"
else
    fail "gui-every-scenario-to-debrief:$bad ($saved av $count rapporter)"
    sed 's/^/    /' "$work/err5" | head -5
fi

# 1d. the shipped practice exam from the library: all tasks in exam mode, then the result
export HOME=$work/home6 XDG_DATA_HOME=$work/data6
mkdir -p "$HOME"
sed "s|OUT/|$work/|" "$src/tests/gui/scripts/exam-set.txt" > "$work/exam-script.txt"
if timeout 180 "$skranken" play --test-script "$work/exam-script.txt" 2>"$work/err6"; then
    reports=$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null | grep -v '/exam-' | wc -l)
    summary=$(ls "$XDG_DATA_HOME"/skranken/reports/exam-*.json 2>/dev/null | head -n 1)
    modes=$(for r in $(ls "$XDG_DATA_HOME"/skranken/reports/*.json | grep -v '/exam-'); do
                "$tool" field "$r" mode; done | sort -u)
    if [ "$reports" -eq 5 ] && [ -n "$summary" ] && [ "$modes" = "exam" ]; then
        ok "gui-exam-set"
    else
        fail "gui-exam-set: $reports rapporter, sammendrag «$summary», modus «$modes»"
    fi
else
    fail "gui-exam-set"; sed 's/^/    /' "$work/err6" | head -5
fi

# 1e. an exam set abandoned from the pause dialog is over: the next start from the
# library is practice, reaches its own debrief, and no exam result is written
export HOME=$work/home7 XDG_DATA_HOME=$work/data7
mkdir -p "$HOME"
if timeout 120 "$skranken" play --test-script "$src/tests/gui/scripts/exam-quit-then-practice.txt" \
        2>"$work/err7"; then
    reports=$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null | grep -v '/exam-')
    summaries=$(ls "$XDG_DATA_HOME"/skranken/reports/exam-*.json 2>/dev/null | wc -l)
    mode=$([ "$(printf '%s\n' "$reports" | grep -c .)" -eq 1 ] && "$tool" field "$reports" mode)
    if [ "$mode" = "practice" ] && [ "$summaries" -eq 0 ]; then
        ok "gui-exam-abandoned-then-practice"
    else
        fail "gui-exam-abandoned-then-practice: rapporter «$reports», modus «$mode», $summaries eksamensresultat"
    fi
else
    fail "gui-exam-abandoned-then-practice"; sed 's/^/    /' "$work/err7" | head -5
fi

# 1f. the library's best result for a scenario updates after an attempt in the same window
export HOME=$work/home8 XDG_DATA_HOME=$work/data8
mkdir -p "$HOME"
if timeout 120 "$skranken" play --test-script "$src/tests/gui/scripts/best-after-attempt.txt" \
        2>"$work/err8"; then
    ok "gui-best-result-updates"
else
    fail "gui-best-result-updates"; sed 's/^/    /' "$work/err8" | head -5
fi

# 1b. a scenario that fails at 08:01 shows the error screen and goes back to the library
export HOME=$work/home3 XDG_DATA_HOME=$work/data3
mkdir -p "$HOME"
sed "s|OUT/|$work/|" "$src/tests/gui/scripts/error-screen.txt" > "$work/error-script.txt"
if timeout 60 "$skranken" play "$src/tests/hostile/runtime-error.lua" --speed 60 \
        --test-script "$work/error-script.txt" 2>"$work/err3" && [ -s "$work/error.bmp" ]; then
    ok "gui-error-screen-back-to-library"
else
    fail "gui-error-screen-back-to-library"; sed 's/^/    /' "$work/err3" | head -5
fi

# 1c. text size and high contrast are kept between runs
export HOME=$work/home4 XDG_DATA_HOME=$work/data4
mkdir -p "$HOME"
sed "s|OUT/|$work/|" "$src/tests/gui/scripts/settings.txt" > "$work/settings-script.txt"
timeout 60 "$skranken" play --test-script "$work/settings-script.txt" 2>"$work/err4"
settings=$XDG_DATA_HOME/skranken/settings.ini
if grep -q "text_percent=120" "$settings" 2>/dev/null && grep -q "contrast=1" "$settings"; then
    ok "gui-settings-kept"
else
    fail "gui-settings-kept: $(cat "$settings" 2>/dev/null | tr '\n' ' ')"
fi

# 2. real X events with xdotool
export HOME=$work/home2 XDG_DATA_HOME=$work/data2
mkdir -p "$HOME"
if command -v xdotool >/dev/null 2>&1; then
    timeout 120 "$skranken" play --size 1280x720 >/dev/null 2>"$work/err2" &
    pid=$!
    win=""
    for _ in $(seq 1 300); do # up to 30 s on a loaded machine
        win=$(xdotool search --name '^Skranken$' 2>/dev/null | head -n 1)
        [ -n "$win" ] && break
        kill -0 "$pid" 2>/dev/null || break # it ended: the reason is in err2
        sleep 0.1
    done
    if [ -n "$win" ]; then
        sleep 0.5
        # No window manager: keys go to the window under the pointer.
        xdotool mousemove 640 400
        sleep 0.2
        # Tab to the name field (the first in Tab order), type, start with Enter.
        xdotool key Tab
        sleep 0.3
        xdotool type --delay 60 "øyvind ås"
        sleep 0.3
        # The exam sets come first in the library: Down to the first scenario.
        xdotool key Down
        sleep 0.3
        xdotool key Return
        sleep 1.5
        xdotool key Escape
        sleep 0.5
        # The pause menu: Tab to «Avslutt og få debrief» (second button) and press it.
        xdotool key Tab
        sleep 0.2
        xdotool key Tab
        sleep 0.2
        xdotool key Return
        sleep 1.5
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        report=$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null | head -n 1)
        if [ -n "$report" ] && [ "$("$tool" field "$report" trainee)" = "øyvind ås" ]; then
            ok "xdotool-name-start-pause-finish"
        else
            fail "xdotool-name-start-pause-finish: ${report:-ingen rapport}"
            sed 's/^/    /' "$work/err2" | head -5
        fi
    else
        kill "$pid" 2>/dev/null
        fail "xdotool: fant ikke vinduet"
        sed 's/^/    /' "$work/err2" | head -5
        xwininfo -root -tree 2>/dev/null | grep -i skranken | sed 's/^/    vindu: /' | head -3
    fi
else
    fail "xdotool mangler (installeres av tools/setup.sh)"
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
