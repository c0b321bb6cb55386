#!/bin/bash
# Hot reload in the window (F5, docs/gui.md), with SDL's offscreen driver:
#  1. practice, no --seed (so a new attempt would draw a new seed): the desk of a
#     scenario in a temporary folder; the file is edited, F5 shows the new title
#     and the notice; the file is broken, F5 (while paused) shows the error screen
#     with file:line and the program lives on; the file is fixed, F5 reaches the
#     desk. The finished attempt's report has the same trainee, mode and seed
#     (the patients' names are drawn from the seed and must be the ones the first
#     desk showed) and the last file's hash; F5 on the debrief starts again. Only
#     the finished attempt wrote a report;
#  2. exam mode: F5 does nothing (the file is edited, the old title stays);
#  3. a file that fails to load at start: error screen, fix, F5, the desk;
#  4. a copy of a shipped scenario: edit the title, F5, the new title.
# The script in the window and this shell take turns through files: the window
# writes what it shows (dump_text), the shell edits the scenario and then creates
# a «done» file the window waits for (wait_until file). No step depends on timing.
#   run_hot_reload.sh SKRANKEN REPORT_EXPECT SOURCE_DIR [OUT_DIR]
set -u
# Leak checking is off for the windowed program only, as in run_golden.sh.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
skranken=$1 tool=$2 src=$3
work=$(mktemp -d)
out=${4:-$work/out}
mkdir -p "$out"
rm -f "$out"/*.bmp "$out"/*.png "$out"/*.txt
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software
export XDG_RUNTIME_DIR=$work
passes=0 fails=0
ok() { echo "ok   $1"; passes=$((passes + 1)); }
fail() { echo "FEIL $1"; fails=$((fails + 1)); }

# Waits until FILE exists while process PID lives (at most 60 s). 1 if not.
wait_for() {
    for _ in $(seq 1 600); do
        [ -e "$1" ] && return 0
        kill -0 "$2" 2>/dev/null || { [ -e "$1" ]; return; }
        sleep 0.1
    done
    return 1
}

# The patients' names (drawn from the seed) in a text dump or a report.
names() { grep -oE '[^ "]+ [A-Z]\. (Frøysa|Ødegården)' "$1" | sort -u | tr '\n' ' '; }

# A scenario whose two patients get their names from the seed: another seed
# gives other names with a chance of 1 - 1/173056.
title_of() { echo "Varm omstart $1"; }
write_scenario() { # FILE VERSION
    cat > "$1" <<EOF
-- Hot reload test: two patients whose names are drawn from the seed.
scenario {
  id = "varm-omstart",
  title = "$(title_of "$2")",
  version = "1.0",
  duration = 10,
  goals = { ["hse3005.pasientidentifikasjon"] = 2 },
}

local fornavn = { "Hilde", "Marte", "Ingrid", "Silje", "Åse", "Øystein", "Bjørn", "Kåre",
                  "Turid", "Liv", "Jon", "Erik", "Hans", "Ida", "Maria", "Synnøve" }
local function navn(etternavn)
  return string.format("%s %s. %s", random.pick(fornavn), string.char(64 + random.int(1, 26)),
                       etternavn)
end
local a = cast.patient { id = "a", name = navn("Frøysa"), fnr = fnr.synthetic { year = { 1950, 1990 } } }
local b = cast.patient { id = "b", name = navn("Ødegården"), fnr = fnr.synthetic { year = { 1950, 1990 } } }

clock.at("08:00", function()
  desk.arrive(a)
  desk.arrive(b)
end)
clock.at("08:09", function() finish() end)
EOF
}

# ---------------------------------------------------------------- 1. practice
export HOME=$work/home1 XDG_DATA_HOME=$work/data1
mkdir -p "$HOME"
scen=$work/scen/x.lua
mkdir -p "$work/scen"
write_scenario "$scen" v1
cat > "$work/script1.txt" <<EOF
wait_until screen desk
wait_until waiting b
expect_text $(title_of v1) · Åse Ødegård · Øving
dump_text $work/desk1.txt
wait_until file $work/edit1.done
key F5
wait_until screen desk
wait_until waiting b
expect_text $(title_of v2) · Åse Ødegård · Øving
expect_text Lastet inn på nytt: x.lua
freeze 08:00:20
screenshot $out/reloaded.bmp
dump_text $work/desk2.txt
key Escape
expect_text F5: les scenariofila inn på nytt
screenshot $out/pause.bmp
wait_until file $work/edit2.done
key F5
wait_until screen error
expect_text x.lua:12:
expect_text trykk F5
screenshot $out/error.bmp
dump_text $work/error.txt
wait_until file $work/edit3.done
key F5
wait_until screen desk
wait_until waiting b
expect_text $(title_of v3) · Åse Ødegård · Øving
dump_text $work/desk3.txt
key Escape
click Avslutt og få debrief
wait_until screen debrief
key F5
wait_until screen desk
expect_text Lastet inn på nytt: x.lua
dump_text $work/desk4.txt
quit
EOF
timeout 120 "$skranken" play "$scen" --trainee "Åse Ødegård" \
    --test-script "$work/script1.txt" 2>"$work/err1" &
pid=$!
step_ok=1
if wait_for "$work/desk1.txt" $pid; then
    sed -i "s/$(title_of v1)/$(title_of v2)/" "$scen" # as editors save: a new file renamed
    touch "$work/edit1.done"
else
    step_ok=0
fi
if [ $step_ok = 1 ] && wait_for "$work/desk2.txt" $pid; then
    # a syntax error on line 12 (the file is overwritten in place this time)
    write_scenario "$work/broken.lua" v2
    sed '12s/.*/local fornavn = = {/' "$work/broken.lua" > "$scen"
    touch "$work/edit2.done"
else
    step_ok=0
fi
if [ $step_ok = 1 ] && wait_for "$work/error.txt" $pid; then
    if kill -0 $pid 2>/dev/null; then ok "error-screen-program-alive"; else fail "error-screen-program-alive"; fi
    write_scenario "$scen" v3
    touch "$work/edit3.done"
else
    step_ok=0
fi
wait $pid
rc=$?
if [ $rc = 0 ] && [ $step_ok = 1 ]; then
    ok "practice-reload-edit-break-fix (skjermbilder i $out)"
else
    fail "practice-reload-edit-break-fix: kode $rc"; sed 's/^/    /' "$work/err1" | head -5
fi
# the error screen named the file and line, and said how to reload
if grep -q "^$scen:12: " "$work/error.txt" 2>/dev/null; then
    ok "error-screen-file-line"
else
    fail "error-screen-file-line: $(head -c 300 "$work/error.txt" 2>/dev/null | tr '\n' '|')"
fi
# the same seed: the names drawn at the first start, after each reload
first=$(names "$work/desk1.txt" 2>/dev/null)
if [ -n "$first" ] && [ "$first" = "$(names "$work/desk2.txt")" ] &&
   [ "$first" = "$(names "$work/desk3.txt")" ] && [ "$first" = "$(names "$work/desk4.txt")" ]; then
    ok "same-names-after-reload ($first)"
else
    fail "same-names-after-reload: «$first» «$(names "$work/desk2.txt" 2>/dev/null)» «$(names "$work/desk3.txt" 2>/dev/null)»"
fi
reports=$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null)
count=$(echo "$reports" | grep -c .)
report=$(echo "$reports" | head -n 1)
if [ "$count" = 1 ]; then
    ok "only-the-finished-attempt-saved"
else
    fail "only-the-finished-attempt-saved: $count rapporter"
fi
if [ -n "$report" ] && [ "$("$tool" field "$report" trainee)" = "Åse Ødegård" ] &&
   [ "$("$tool" field "$report" mode)" = "practice" ] &&
   [ "$("$tool" field "$report" scenario.title)" = "$(title_of v3)" ] &&
   [ "$("$tool" field "$report" scenario.sha256)" = "$(sha256sum "$scen" | cut -d' ' -f1)" ] &&
   [ "$(names "$report")" = "$first" ]; then
    ok "report-same-trainee-seed-mode (frø $("$tool" field "$report" seed))"
else
    fail "report-same-trainee-seed-mode: ${report:-ingen rapport}"
fi

# ------------------------------------------------------ 2. exam: F5 does nothing
export HOME=$work/home2 XDG_DATA_HOME=$work/data2
mkdir -p "$HOME"
cat > "$work/script2.txt" <<EOF
wait_until screen desk
wait_until waiting b
expect_text $(title_of v3) · Åse Ødegård · Eksamen
dump_text $work/exam1.txt
wait_until file $work/edit4.done
key F5
key F5
wait_until screen desk
dump_text $work/exam2.txt
quit
EOF
timeout 120 "$skranken" play "$scen" --mode exam --trainee "Åse Ødegård" \
    --test-script "$work/script2.txt" 2>"$work/err2" &
pid=$!
if wait_for "$work/exam1.txt" $pid; then
    write_scenario "$scen" v4
    touch "$work/edit4.done"
fi
wait $pid
rc=$?
if [ $rc = 0 ] && grep -q "$(title_of v3)" "$work/exam2.txt" &&
   ! grep -q "$(title_of v4)\|Lastet inn på nytt" "$work/exam2.txt"; then
    ok "exam-f5-does-nothing"
else
    fail "exam-f5-does-nothing: kode $rc"; sed 's/^/    /' "$work/err2" | head -5
fi

# -------------------------------------------- 3. broken from the start, fixed, F5
export HOME=$work/home3 XDG_DATA_HOME=$work/data3
mkdir -p "$HOME"
bad=$work/scen/ny.lua
write_scenario "$work/v5.lua" v5
sed '3s/.*/  id = "varm-omstart" "x",/' "$work/v5.lua" > "$bad"
cat > "$work/script3.txt" <<EOF
wait_until screen error
expect_text ny.lua:3:
expect_text Last inn på nytt (F5)
dump_text $work/start-error.txt
wait_until file $work/edit5.done
click Last inn på nytt (F5)
wait_until screen desk
expect_text $(title_of v5)
expect_text Lastet inn på nytt: ny.lua
quit
EOF
timeout 120 "$skranken" play "$bad" --trainee "Kari Elev" --seed 7 \
    --test-script "$work/script3.txt" 2>"$work/err3" &
pid=$!
if wait_for "$work/start-error.txt" $pid; then
    cp "$work/v5.lua" "$bad"
    touch "$work/edit5.done"
fi
wait $pid
rc=$?
if [ $rc = 0 ]; then
    ok "broken-at-start-fixed-reloaded"
else
    fail "broken-at-start-fixed-reloaded: kode $rc"; sed 's/^/    /' "$work/err3" | head -5
fi

# ------------------------------------------------ 4. a copy of a shipped scenario
export HOME=$work/home4 XDG_DATA_HOME=$work/data4
mkdir -p "$HOME"
shipped=$work/scen/telefon.lua
cp "$src/scenarios/telefon-datter-provesvar.lua" "$shipped"
cat > "$work/script4.txt" <<EOF
wait_until screen desk
expect_text Datteren som vil ha prøvesvar · Kari Elev
dump_text $work/shipped1.txt
wait_until file $work/edit6.done
key F5
wait_until screen desk
expect_text Datteren som vil ha prøvesvar (redigert) · Kari Elev
expect_text Lastet inn på nytt: telefon.lua
quit
EOF
timeout 120 "$skranken" play "$shipped" --trainee "Kari Elev" \
    --test-script "$work/script4.txt" 2>"$work/err4" &
pid=$!
if wait_for "$work/shipped1.txt" $pid; then
    sed -i 's/title = "Datteren som vil ha prøvesvar"/title = "Datteren som vil ha prøvesvar (redigert)"/' "$shipped"
    touch "$work/edit6.done"
fi
wait $pid
rc=$?
if [ $rc = 0 ] && [ -z "$(ls "$XDG_DATA_HOME"/skranken/reports/*.json 2>/dev/null)" ]; then
    ok "shipped-scenario-copy-reloaded"
else
    fail "shipped-scenario-copy-reloaded: kode $rc"; sed 's/^/    /' "$work/err4" | head -5
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
