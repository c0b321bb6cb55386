#!/bin/bash
# Resuming in the window (docs/gui.md, "Unfinished attempts"), with SDL's
# offscreen driver and a test script per start; the clock is frozen, so every
# action has a fixed time:
#  1. a student plays «Datteren som vil ha prøvesvar» and the window is killed
#     (SIGKILL) after the 5th action; started again, the library offers the
#     attempt (title, name with æøå, how far), «Fortsett» opens the desk at
#     08:02:10, paused; the rest is played; the report must be identical
#     (outside "wall") to the one of the same clicks without the kill;
#  2. exam mode, resumed with «skranken resume JOURNAL» (the window, as «skranken
#     play --resume JOURNAL»; 1 uses the library's offer): the recorded pauses
#     stay as they were (the resume adds none), the report replays headlessly;
#     a task of an exam set, killed: the dialog names the set and the task,
#     only that task goes on (exam mode, the set's seed), no set summary;
#  3. «Senere» keeps the journal and shows the next unfinished attempt (none after the
#     last), «Forkast» asks first and moves it to
#     journal/discarded/; with two, the dialog says «1 av 2»;
#  4. a journal whose scenario file changed cannot be resumed (the dialog says
#     why, «Fortsett» does nothing);
#  5. closing the window mid-attempt keeps it resumable; «Avbryt forsøket» does
#     not;
#  6. a file size limit (2 KiB): the debrief says the report was not saved, and where
#     the attempt is kept; once the limit is lifted (prlimit on the running
#     window), «Lagre på nytt» saves it;
#  7. with no room at all (ulimit -f 0) an attempt is not begun: the error
#     screen says why.
# Screenshots are kept in OUT_DIR to look at.
#   run_gui_resume.sh SKRANKEN REPORT_EXPECT SOURCE_DIR [OUT_DIR]
set -u
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
skranken=$1 tool=$2 src=$3
work=$(mktemp -d)
out=${4:-$work/out}
mkdir -p "$out"
rm -f "$out"/*.bmp
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software XDG_RUNTIME_DIR=$work
unset SKRANKEN_TEST_HANG SKRANKEN_TEST_HANG_MARK
. "$(dirname "$0")/lib.sh"
id=telefon-datter-provesvar
name="Åse Ødegård"

# use DIR: the window's data folder for the next runs
use() { export HOME=$work/$1/home XDG_DATA_HOME=$work/$1/xdg; mkdir -p "$HOME"; data=$XDG_DATA_HOME/skranken; }
play() { # SCRIPT ARGS...: the window with a test script (stderr in $work/err)
    local script=$1
    shift
    timeout 120 "$skranken" play "$@" --test-script "$script" 2> "$work/err"
}

# The clicks of tests/gui/scripts/golden-desk.txt, split after the 5th action.
cat > "$work/first.txt" <<EOF
wait_until screen desk
freeze 08:01:30
click Ta imot jonas
click Registrer oppmøte
freeze 08:02:10
click answer 1
click choose verify
text 10917647602
key Return
wait_until file $work/never
EOF
rest_clicks() {
    cat <<EOF
click Journal F6
click search
text Randi
key Return
click open randi
key 2
click Lukk journalen
click choose hold
wait_until screen debrief
EOF
}
{ grep -v '^wait_until file' "$work/first.txt"; rest_clicks; echo quit; } > "$work/whole.txt"

# ------------------------------------------------------ 1. killed, resumed
use ref
if play "$work/whole.txt" "$id" --seed 1 --trainee "$name"; then
    ref=$(ls "$data"/reports/*.json)
    ok "uten avbrudd: rapport"
else
    fail "uten avbrudd"; sed 's/^/    /' "$work/err" | head -3
    ref=/nonexistent
fi
use kill
if kill_at act:5 "$skranken" play "$id" --seed 1 --trainee "$name" --test-script "$work/first.txt"; then
    journal=$(journals "$data")
    check "vinduet drept etter 5 handlinger: journalen har 5" [ "$(records "$journal")" -eq 5 ]
    cat > "$work/resume.txt" <<EOF
wait_until screen library
expect_text Uferdig forsøk
expect_text Scenario: Datteren som vil ha prøvesvar
expect_text Elev: Åse Ødegård · Øving
expect_text Kommet til kl. 08:02:10 i scenarioet (5 handlinger)
screenshot $out/dialog.bmp
click Fortsett
wait_until screen desk
freeze 08:02:10
expect_text Forsøket er hentet fram igjen. Klokka står på 08:02:10
expect_text Datteren som vil ha prøvesvar · Åse Ødegård · Øving
screenshot $out/resumed.bmp
click Fortsett (Esc)
$(rest_clicks)
screenshot $out/debrief.bmp
quit
EOF
    if play "$work/resume.txt"; then
        report=$(ls "$data"/reports/*.json 2>/dev/null)
        if [ "$(echo "$report" | grep -c .)" -eq 1 ] && "$tool" same "$ref" "$report" > "$work/same" 2>&1; then
            ok "gjenopptatt i vinduet: samme rapport som uten avbrudd"
        else
            fail "gjenopptatt i vinduet: rapporten"; sed 's/^/    /' "$work/same" | head -5
        fi
        check "... journalen er borte" [ "$(journal_count "$data")" -eq 0 ]
    else
        fail "gjenopptatt i vinduet"; sed 's/^/    /' "$work/err" | head -3
    fi
else
    fail "vinduet stoppet ikke etter 5 handlinger"
fi

# -------------------------------------- 2. exam mode, skranken resume JOURNAL
use exam
cat > "$work/exam1.txt" <<EOF
wait_until screen desk
freeze 08:01:30
key Escape
click Fortsett (Esc)
click Ta imot jonas
click Registrer oppmøte
freeze 08:02:10
click answer 1
wait_until file $work/never
EOF
# actions: pause, serve, check_in, answer
if kill_at act:4 "$skranken" play "$id" --mode exam --trainee "$name" --test-script "$work/exam1.txt"; then
    journal=$(journals "$data")
    cat > "$work/exam2.txt" <<EOF
wait_until screen desk
freeze 08:02:10
expect_text Forsøket er hentet fram igjen
click Fortsett (Esc)
click choose verify
key Escape
click Avslutt og få debrief
wait_until screen debrief
quit
EOF
    # «skranken resume JOURNAL» opens the window as «skranken play --resume JOURNAL» does
    if timeout 120 "$skranken" resume "$journal" --test-script "$work/exam2.txt" 2> "$work/err"; then
        report=$(ls "$data"/reports/*.json 2>/dev/null)
        "$tool" inputs "$report" > "$work/exam.inputs"
        pauses=$(grep -c ' pause$' "$work/exam.inputs")
        "$skranken" run "$id" --mode exam --seed 1 --trainee "$name" --inputs "$work/exam.inputs" \
            --report "$work/exam-replay.json" --quiet > /dev/null
        if [ "$pauses" -eq 2 ] && grep -q '^08:01:30 pause$' "$work/exam.inputs" &&
           "$tool" same "$report" "$work/exam-replay.json" > /dev/null &&
           [ "$("$tool" field "$report" mode)" = exam ]; then
            ok "eksamen, skranken resume JOURNAL i vinduet: to pauser (ingen ekstra), rapporten spilles likt av"
        else
            fail "eksamen, resume i vinduet ($pauses pauser)"; sed 's/^/    /' "$work/exam.inputs" | head -8
        fi
    else
        fail "eksamen, resume i vinduet"; sed 's/^/    /' "$work/err" | head -3
    fi
else
    fail "eksamen: vinduet stoppet ikke"
fi

# ------------------------------ 2b. a task of an exam set: only it goes on
use set
cat > "$work/set1.txt" <<EOF
wait_until screen library
click Ditt navn
text $name
key Return
wait_until screen exam_next
key Return
wait_until screen desk
key Escape
click Avslutt og få debrief
wait_until screen exam_next
key Return
wait_until screen desk
key Escape
click Fortsett (Esc)
key Escape
wait_until file $work/never
EOF
# task 1: a pause, finished; task 2: a pause, continue, a pause: killed there
# (the K of act:K counts the actions of one attempt: task 1 has only one)
kill_at act:2 "$skranken" play --test-script "$work/set1.txt" || fail "eksamenssett: stoppet ikke"
journal=$(journals "$data")
cat > "$work/set2.txt" <<EOF
wait_until screen library
expect_text Eksamenssett «Øvingseksamen HSE3008
dump_text $work/set-dialog.txt
screenshot $out/exam-set.bmp
click Fortsett
wait_until screen desk
click Avslutt og få debrief
wait_until screen debrief
quit
EOF
if [ -n "$journal" ] && grep -q '^# exam-set hse3008-ovingseksamen 2 5 ' "$journal" &&
   play "$work/set2.txt"; then
    said=$(tr '\n' ' ' < "$work/set-dialog.txt")
    task2=$(ls "$data"/reports/telefon-datter-provesvar-*.json 2>/dev/null)
    if grep -q "oppgave 2 av 5: bare denne oppgaven fortsetter" <<< "$said" && [ -n "$task2" ] &&
       [ "$("$tool" field "$task2" mode)" = exam ] && [ "$("$tool" field "$task2" seed)" = 4711 ] &&
       [ "$("$tool" inputs "$task2" | grep -c ' pause$')" -eq 2 ] &&
       [ "$(ls "$data"/reports/skranke-egenandel-*.json | wc -l)" -eq 1 ] &&
       [ -z "$(ls "$data"/reports/exam-* 2>/dev/null)" ] && [ "$(journal_count "$data")" -eq 0 ]; then
        ok "eksamenssett drept i oppgave 2: oppgaven fortsetter (eksamen, frø 4711), settet slutter"
    else
        fail "eksamenssett: rapportene"; ls "$data"/reports | sed 's/^/    /'
    fi
else
    fail "eksamenssett drept i oppgave 2"; sed 's/^/    /' "$work/err" | head -3
fi

# ----------------------------------------------- 3. «Senere» and «Forkast»
use later
printf 'wait_until screen desk\nfreeze 08:01:30\nclick Ta imot jonas\nquit\n' > "$work/leave.txt"
# two unfinished attempts: each window closed mid-attempt
play "$work/leave.txt" "$id" --seed 1 --trainee "Kari Elev" && play "$work/leave.txt" "$id" --seed 2 --trainee "Per Elev"
check "vindu lukket midt i forsøket: journalen blir liggende" [ "$(journal_count "$data")" -eq 2 ]
cat > "$work/later.txt" <<EOF
wait_until screen library
expect_text Forsøk 1 av 2 som ikke er ferdige
expect_text Elev: Kari Elev
click Senere
expect_text Forsøk 2 av 2 som ikke er ferdige
expect_text Elev: Per Elev
click Senere
expect_text Velg scenario
dump_text $work/after-later.txt
quit
EOF
if play "$work/later.txt"; then
    check "«Senere»: begge journalene er der" [ "$(journal_count "$data")" -eq 2 ]
    check "«Senere» to ganger: den neste vises, så ingen" \
        sh -c "! grep -q 'Uferdig forsøk' '$work/after-later.txt'"
else
    fail "«Senere»"; sed 's/^/    /' "$work/err" | head -3
fi
cat > "$work/discard.txt" <<EOF
wait_until screen library
expect_text Elev: Kari Elev
click Forkast
expect_text Vil du forkaste forsøket?
screenshot $out/confirm.bmp
click Nei
expect_text Elev: Kari Elev
click Forkast
click Ja, forkast
expect_text Elev: Per Elev
expect_text Uferdig forsøk
quit
EOF
if play "$work/discard.txt"; then
    if [ "$(journal_count "$data")" -eq 1 ] && [ "$(ls "$data"/journal/discarded/ | wc -l)" -eq 1 ] &&
       grep -q '^# trainee "Kari Elev"$' "$data"/journal/discarded/*; then
        ok "«Forkast» (etter «Nei» og så «Ja, forkast»): flyttet til discarded/, den neste vises"
    else
        fail "«Forkast»: journalene"
    fi
else
    fail "«Forkast»"; sed 's/^/    /' "$work/err" | head -3
fi

# ------------------------------------------------ 4. the scenario changed
use changed
mkdir -p "$work/scen"
cp "$src/scenarios/$id.lua" "$work/scen/x.lua"
play "$work/leave.txt" "$work/scen/x.lua" --seed 1 --trainee "Kari Elev"
sed -i 's/Datteren som vil ha prøvesvar/Datteren som vil ha svar/' "$work/scen/x.lua"
cat > "$work/changed.txt" <<EOF
wait_until screen library
expect_text Kan ikke fortsettes: scenariofila $work/scen/x.lua er endret
screenshot $out/changed.bmp
click Fortsett
expect_text Uferdig forsøk
quit
EOF
if play "$work/changed.txt" && [ "$(journal_count "$data")" -eq 1 ]; then
    ok "endret scenario: dialogen sier hvorfor, «Fortsett» gjør ingenting, journalen blir"
else
    fail "endret scenario"; sed 's/^/    /' "$work/err" | head -3
fi

# ------------------------------------------- 5. abandoning is not suspending
use abandon
printf 'wait_until screen desk\nfreeze 08:01:30\nclick Ta imot jonas\nkey Escape\nclick Avbryt forsøket\nwait_until screen library\nquit\n' \
    > "$work/abandon.txt"
if play "$work/abandon.txt" "$id" --seed 1 --trainee "Kari Elev" && [ "$(journal_count "$data")" -eq 0 ] &&
   [ "$(ls "$data"/journal/discarded/ | wc -l)" -eq 1 ]; then
    ok "«Avbryt forsøket»: journalen flyttes til discarded/, tilbys ikke"
else
    fail "«Avbryt forsøket»"; sed 's/^/    /' "$work/err" | head -3
fi

# -------------------------------------- 6. the report does not fit: save again
use full
if command -v prlimit > /dev/null; then
    cat > "$work/full.txt" <<EOF
wait_until screen desk
key Escape
click Avslutt og få debrief
wait_until screen debrief
expect_text Rapporten ble ikke lagret
dump_text $work/not-saved.txt
wait_until file $work/lifted
hide_paths
screenshot $out/not-saved.bmp
click Lagre på nytt
expect_text Rapporten er lagret i
quit
EOF
    ( ulimit -S -f 2; exec "$skranken" play "$id" --seed 1 --trainee "$name" --test-script "$work/full.txt" ) \
        2> "$work/err" &
    pid=$!
    if wait_for "$work/not-saved.txt" $pid; then
        said=$(tr '\n' ' ' < "$work/not-saved.txt")
        if [ "$(journal_count "$data")" -eq 1 ] && grep -q "File too large" <<< "$said" &&
           grep -qF "Forsøket er tatt vare på i $(journals "$data")" <<< "$said"; then
            ok "filgrense: debriefen sier at rapporten ikke ble lagret, hvorfor, og hvor forsøket er"
        else
            fail "filgrense: debriefen"; head -c 600 "$work/not-saved.txt" | sed 's/^/    /'
        fi
        prlimit --pid $pid --fsize=unlimited:unlimited || fail "prlimit"
        touch "$work/lifted"
    fi
    wait $pid
    rc=$?
    if [ $rc -eq 0 ] && [ "$(ls "$data"/reports/*.json 2>/dev/null | wc -l)" -eq 1 ] &&
       [ "$(journal_count "$data")" -eq 0 ]; then
        ok "filgrense opphevet: «Lagre på nytt» lagrer rapporten, journalen fjernes"
    else
        fail "«Lagre på nytt» (kode $rc)"; sed 's/^/    /' "$work/err" | head -3
    fi
else
    echo "merk: prlimit mangler; «Lagre på nytt» er ikke prøvd"
fi

# ------------------------- 7. an attempt that cannot be kept is not begun
use nostart
cat > "$work/nostart.txt" <<EOF
wait_until screen error
expect_text Forsøket kan ikke begynne
expect_text Journalen over forsøket kan ikke lagres:
quit
EOF
( ulimit -S -f 0; exec timeout 120 "$skranken" play "$id" --seed 1 --trainee "$name" \
      --test-script "$work/nostart.txt" ) 2> "$work/err"
if [ $? -eq 0 ] && [ "$(journal_count "$data")" -eq 0 ]; then
    ok "journalen kan ikke lages: forsøket begynner ikke, feilskjermen sier hvorfor"
else
    fail "journalen kan ikke lages"; sed 's/^/    /' "$work/err" | head -3
fi

finish_tests
