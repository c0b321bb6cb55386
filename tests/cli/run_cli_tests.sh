#!/bin/bash
# Table-driven tests of the command line: every case gives its arguments, the
# exit code it must end with, and a text its output must contain (file names
# and line numbers included).
#   run_cli_tests.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
skranken=$1 expect_tool=$2 src=$3
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
scen="$src/scenarios/telefon-datter-provesvar.lua"
good="$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs"
passes=0 fails=0

# --- files with bad content
: > "$work/empty.inputs"
: > "$work/empty.lua"
printf '08:01:00 wait\n08:02:00 answ\0er 1\n' > "$work/binary.inputs"
printf '08:01:10 serve jonas\n08:02:10 answer 1\n08:02:20 choose datter verify\n08:02:35 type datter "109176' > "$work/truncated.inputs"
printf '08:01:10 serve jonas\n08:01:20 check_in j\xc3\x28nas\n' > "$work/badutf8.inputs"
printf '08:02:00 wait\n08:01:00 wait\n' > "$work/backwards.inputs"
printf '08:01:10 serve jonas\n08:01:20 choose jonas ja\n' > "$work/mismatch.inputs"
printf '08:01:10 serve jonas\n08:01:20 answer 3\n' > "$work/noline.inputs"
printf '# ingenting\n08:20:00 wait\n' > "$work/afterend.inputs"
printf '# bare en kommentar\n' > "$work/comment.inputs"
head -c 9000000 /dev/zero | tr '\0' '#' > "$work/huge.inputs"
head -c 2000 /dev/urandom > "$work/random.lua"
printf '\033LuaT\0\031\223\r\n' > "$work/bytecode.lua"
head -c 1200 "$scen" > "$work/truncated.lua"
{ cat "$scen"; head -c 1100000 /dev/zero | tr '\0' '-'; } > "$work/huge.lua"
sed 's/modes = { "practice", "exam" }/modes = { "practice" }/' "$scen" > "$work/practice-only.lua"
printf '{"format": "skranken-catalog",\n "format_version": 1,\n "goals": [ {"id": }\n]}\n' > "$work/bad-catalog.json"
printf '{}' > "$work/wrong-catalog.json"
echo "tidligere rapport" > "$work/existing.json"
echo "ikke en mappe" > "$work/a-file"
mkdir -p "$work/a-dir.lua"

check() { # name want_exit want_text -- args...
    local name=$1 want=$2 text=$3
    shift 4
    local out rc
    out=$(timeout -s KILL 60 "$skranken" "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FEIL $name: avslutningskode $rc, ventet $want"; echo "$out" | head -5 | sed 's/^/    /'
        fails=$((fails + 1))
    elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
        echo "FEIL $name: mangler «$text»"; echo "$out" | head -5 | sed 's/^/    /'
        fails=$((fails + 1))
    elif [ "$want" -eq 2 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -gt 3 ]; then
        echo "FEIL $name: feilmeldingen er mer enn tre linjer"; echo "$out" | head -5 | sed 's/^/    /'
        fails=$((fails + 1))
    else
        echo "ok   $name"
        passes=$((passes + 1))
    fi
}

# Without a display the GUI says so in one line and points to the headless runner.
nodisplay() { env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$skranken" "$@"; }
check_nodisplay() { # name args...
    local name=$1 out rc
    shift
    out=$(nodisplay "$@" 2>&1)
    rc=$?
    if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -eq 1 ] &&
       printf '%s' "$out" | grep -q "ingen skjerm tilgjengelig.*skranken run"; then
        echo "ok   $name"; passes=$((passes + 1))
    else
        echo "FEIL $name: avslutningskode $rc"; echo "$out" | head -3 | sed 's/^/    /'
        fails=$((fails + 1))
    fi
}
check_nodisplay no-arguments-no-display
check_nodisplay play-no-display play telefon-datter-provesvar
check play-help 0 "--speed X" -- play --help
check play-bad-mode 2 "--mode må være practice eller exam" -- play --mode fun
check play-bad-speed 2 "--speed må være et tall" -- play --speed 1000
check play-exam-speed 2 "--speed kan ikke brukes i eksamensmodus" -- play --mode exam --speed 4
check play-bad-lang 2 "--lang må være nb eller en" -- play --lang de
check play-bad-size 2 "--size må være BxH" -- play --size 10x10
check play-missing-scenario 2 "nope.lua: filen finnes ikke" -- play nope
check play-two-scenarios 2 "for mange argumenter" -- play a b
check play-missing-script 2 "nope.txt: filen finnes ikke" -- play --test-script "$work/nope.txt"
check version 0 "skranken 0." -- --version
check version-extra 2 "tar ingen argumenter" -- --version now
check help 0 "skranken run SCENARIO" -- --help
check run-help 0 "--inputs FIL" -- run --help
check unknown-command 2 "ukjent kommando «fly»" -- fly
check run-no-scenario 2 "SCENARIO mangler" -- run --inputs "$good"
check run-no-inputs 2 "--inputs FIL mangler" -- run "$scen"
check run-inputs-no-value 2 "--inputs mangler en verdi" -- run "$scen" --inputs
check run-unknown-option 2 "ukjent valg «--fast»" -- run "$scen" --inputs "$good" --fast
check run-two-scenarios 2 "for mange argumenter" -- run "$scen" "$scen" --inputs "$good"
check run-option-twice 2 "--seed er gitt to ganger" -- run "$scen" --inputs "$good" --seed 1 --seed 2
check run-seed-letters 2 "--seed må være et heltall" -- run "$scen" --inputs "$good" --seed abc
check run-seed-negative 2 "--seed må være et heltall" -- run "$scen" --inputs "$good" --seed -5
check run-seed-huge 2 "--seed må være et heltall" -- run "$scen" --inputs "$good" --seed 99999999999999999999
check run-mode-bad 2 "--mode må være practice eller exam" -- run "$scen" --inputs "$good" --mode fun
check run-trainee-empty 2 "--trainee har en tom verdi" -- run "$scen" --inputs "$good" --trainee=
check run-trainee-bad-utf8 2 "--trainee må være gyldig UTF-8" -- run "$scen" --inputs "$good" --trainee "$(printf 'a\xff')"
check run-quiet-with-value 2 "--quiet tar ingen verdi" -- run "$scen" --inputs "$good" --quiet=yes
check scenario-missing 2 "$work/nope.lua: filen finnes ikke" -- run "$work/nope.lua" --inputs "$good" --data-dir "$work/d"
check scenario-id-missing 2 "nope.lua: filen finnes ikke" -- run nope --inputs "$good" --data-dir "$work/d"
check scenario-directory 2 "a-dir.lua: er ikke en vanlig fil" -- run "$work/a-dir.lua" --inputs "$good" --data-dir "$work/d"
check scenario-empty 2 "empty.lua: filen er tom" -- run "$work/empty.lua" --inputs "$good" --data-dir "$work/d"
check scenario-binary 2 "random.lua: ikke en tekstfil" -- run "$work/random.lua" --inputs "$good" --data-dir "$work/d"
check scenario-bytecode 2 "bytecode.lua: ikke en tekstfil" -- run "$work/bytecode.lua" --inputs "$good" --data-dir "$work/d"
check scenario-truncated 2 "truncated.lua:" -- run "$work/truncated.lua" --inputs "$good" --data-dir "$work/d"
check scenario-huge 2 "huge.lua: filen er for stor" -- run "$work/huge.lua" --inputs "$good" --data-dir "$work/d"
check scenario-exam-not-allowed 2 "kan ikke spilles i eksamensmodus" -- run "$work/practice-only.lua" --inputs "$good" --mode exam --data-dir "$work/d"
check inputs-missing 2 "$work/nope.inputs: filen finnes ikke" -- run "$scen" --inputs "$work/nope.inputs" --data-dir "$work/d"
check inputs-empty 2 "empty.inputs: filen er tom" -- run "$scen" --inputs "$work/empty.inputs" --data-dir "$work/d"
check inputs-binary 2 "binary.inputs:2: binært innhold" -- run "$scen" --inputs "$work/binary.inputs" --data-dir "$work/d"
check inputs-truncated 2 "truncated.inputs:4: tekst i anførselstegn mangler slutt" -- run "$scen" --inputs "$work/truncated.inputs" --data-dir "$work/d"
check inputs-bad-utf8 2 "badutf8.inputs:2: ikke gyldig UTF-8" -- run "$scen" --inputs "$work/badutf8.inputs" --data-dir "$work/d"
check inputs-huge 2 "huge.inputs: filen er for stor" -- run "$scen" --inputs "$work/huge.inputs" --data-dir "$work/d"
check inputs-backwards 2 "backwards.inputs:2: klokkeslettet 08:01:00 er før linjen over" -- run "$scen" --inputs "$work/backwards.inputs" --data-dir "$work/d"
check inputs-directory 2 "er ikke en vanlig fil" -- run "$scen" --inputs "$work" --data-dir "$work/d"
check inputs-mismatch 1 "mismatch.inputs:2: passer ikke scenarioet: «jonas» venter ikke på noe svar nå" -- run "$scen" --inputs "$work/mismatch.inputs" --data-dir "$work/d"
check inputs-no-such-line 1 "noline.inputs:2: passer ikke scenarioet: ingen samtale på linje 3" -- run "$scen" --inputs "$work/noline.inputs" --data-dir "$work/d"
check inputs-after-end 1 "afterend.inputs:2: passer ikke scenarioet: scenarioet var allerede slutt" -- run "$scen" --inputs "$work/afterend.inputs" --data-dir "$work/d"
check inputs-only-comment 0 "Rapporten er lagret" -- run "$scen" --inputs "$work/comment.inputs" --data-dir "$work/d"
check catalog-missing 2 "nope.json: filen finnes ikke" -- run "$scen" --inputs "$good" --catalog "$work/nope.json" --data-dir "$work/d"
check catalog-bad-json 2 "bad-catalog.json:3: ikke gyldig JSON" -- run "$scen" --inputs "$good" --catalog "$work/bad-catalog.json" --data-dir "$work/d"
check catalog-wrong 2 "wrong-catalog.json: ikke en Skranken-katalog" -- run "$scen" --inputs "$good" --catalog "$work/wrong-catalog.json" --data-dir "$work/d"
check report-exists 2 "existing.json: finnes allerede" -- run "$scen" --inputs "$good" --report "$work/existing.json"
check data-dir-is-file 2 "a-file" -- run "$scen" --inputs "$good" --data-dir "$work/a-file"
check report-in-missing-folder 2 "rapporten ble ikke lagret" -- run "$scen" --inputs "$good" --report "$work/no/such/dir/r.json"

# The existing file was not touched.
if [ "$(cat "$work/existing.json")" = "tidligere rapport" ]; then
    echo "ok   report-exists-intact"; passes=$((passes + 1))
else
    echo "FEIL report-exists-intact: en eksisterende fil ble endret"; fails=$((fails + 1))
fi

# Reports land in XDG_DATA_HOME/skranken/reports by default, and never overwrite:
# two runs in the same second give two files.
"$skranken" run "$scen" --inputs "$good" --quiet > "$work/p1"
"$skranken" run "$scen" --inputs "$good" --quiet > "$work/p2"
n=$(ls "$XDG_DATA_HOME/skranken/reports" | wc -l)
if [ "$n" -eq 2 ] && [ "$(cat "$work/p1")" != "$(cat "$work/p2")" ]; then
    echo "ok   reports-default-dir-no-overwrite"; passes=$((passes + 1))
else
    echo "FEIL reports-default-dir-no-overwrite: $n filer i $XDG_DATA_HOME/skranken/reports"; fails=$((fails + 1))
fi

# Same scenario + seed + inputs => byte-identical report outside "wall".
"$skranken" run "$scen" --inputs "$good" --seed 7 --report "$work/a.json" --quiet >/dev/null
"$skranken" run "$scen" --inputs "$good" --seed 7 --report "$work/b.json" --quiet >/dev/null
if "$expect_tool" same "$work/a.json" "$work/b.json" >/dev/null; then
    echo "ok   deterministic-report"; passes=$((passes + 1))
else
    echo "FEIL deterministic-report"; fails=$((fails + 1))
fi
# ... and the seed matters: another seed draws another fødselsnummer for the caller.
"$skranken" run "$scen" --inputs "$good" --seed 1 --report "$work/s1.json" --quiet >/dev/null
"$skranken" run "$scen" --inputs "$good" --seed 2 --report "$work/s2.json" --quiet >/dev/null
if grep -q "det er 10917647602" "$work/s1.json" && ! grep -q "det er 10917647602" "$work/s2.json"; then
    echo "ok   seed-changes-run"; passes=$((passes + 1))
else
    echo "FEIL seed-changes-run: frø 2 trakk ikke et annet fødselsnummer enn frø 1"; fails=$((fails + 1))
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
