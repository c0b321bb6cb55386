#!/bin/bash
# «skranken verify» with the real binary (docs/verify.md), table-driven: reports
# made by «skranken run» and «skranken exam» from the recorded playthroughs are
# verified untouched (OK), then copies with one edit each (grade, points, a
# goal, a timeline text, an input line, trainee, seed, engine version, scenario
# hash, a changed or missing scenario file) must be found with the field named;
# bad files and wrong arguments give a clear message and the documented exit code.
#   run_verify_tests.sh SKRANKEN SOURCE_DIR
set -u
skranken=$1 src=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
unset SKRANKEN_SCENARIOS SKRANKEN_ASSETS
mkdir -p "$HOME" "$work/class" "$work/edit" "$work/bad"
pt="$src/tests/playthroughs"
passes=0 fails=0

ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1: $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | head -12 | sed 's/^/    /'; fails=$((fails + 1)); }

# check NAME WANT_EXIT TEXT -- ARGS...: exit code and TEXT somewhere in the
# output; a usage error (exit 2) is at most three lines; never a crash.
check() {
    local name=$1 want=$2 text=$3
    shift 4
    local out rc
    out=$(cd "$work" && timeout -s KILL 120 "$skranken" "$@" 2>&1)
    rc=$?
    if printf '%s' "$out" | grep -qE 'Sanitizer|runtime error:'; then
        bad "$name" "sanitizer-feil" "$out"
    elif [ "$rc" -ne "$want" ]; then
        bad "$name" "avslutningskode $rc, ventet $want" "$out"
    elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
        bad "$name" "mangler «$text»" "$out"
    elif [ "$want" -eq 2 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -gt 3 ]; then
        bad "$name" "feilmeldingen er mer enn tre linjer" "$out"
    else
        ok "$name"
    fi
}
# check_all NAME WANT_EXIT -- ARGS... (of verify), with every line of stdin a
# text that must be in the output (several findings for one file).
check_all() {
    local name=$1 want=$2
    shift 3
    local out rc missing=""
    out=$(cd "$work" && timeout -s KILL 120 "$skranken" verify "$@" 2>&1)
    rc=$?
    while IFS= read -r t; do
        [ -n "$t" ] && ! printf '%s' "$out" | grep -qF -- "$t" && missing="$missing «$t»"
    done
    if printf '%s' "$out" | grep -qE 'Sanitizer|runtime error:'; then
        bad "$name" "sanitizer-feil" "$out"
    elif [ "$rc" -ne "$want" ]; then
        bad "$name" "avslutningskode $rc, ventet $want" "$out"
    elif [ -n "$missing" ]; then
        bad "$name" "mangler$missing" "$out"
    else
        ok "$name"
    fi
}

run() { # OUT SCENARIO INPUTS [run options...]
    local out=$1 scen=$2 inputs=$3
    shift 3
    "$skranken" run "$scen" --inputs "$inputs" --report "$out" --quiet "$@" >/dev/null ||
        { echo "FEIL oppsett: skranken run $scen ga feil"; exit 1; }
}

# --- reports: several scenarios, practice and exam mode, critical errors, time up
run "$work/class/kari.json" telefon-datter-provesvar "$pt/telefon-datter-provesvar/riktig.inputs" --trainee "Kari Elev"
run "$work/class/ola.json" blodprove-venos "$pt/blodprove-venos/feil-pasient.inputs" --trainee "Ola Nordmann" --mode exam --seed 1
run "$work/class/per.json" full-morgen-2 "$pt/full-morgen-2/inr-ikke-meldt.inputs" --trainee "Per Hansen"
run "$work/class/siri.json" full-morgen-1 "$pt/full-morgen-1/ingenting.inputs" --trainee "Siri Berg"
run "$work/class/aase.json" taushet-politiet "$pt/taushet-politiet/bekrefter.inputs" --trainee "Åse Ødegård" --mode exam --seed 2026
run "$work/class/lab.json" lab-crp-inr "$pt/lab-crp-inr/riktig-normal.inputs" --trainee "Lab Elev" --seed "$(cat "$pt/lab-crp-inr/riktig-normal.seed")"
# The window records actions to the millisecond, so its reports hold times like
# 08:02:10.250 in the timeline and in result.ended_at.
sed -E 's/^([0-9]{2}:[0-9]{2}:[0-9]{2}) /\1.250 /' "$pt/telefon-datter-provesvar/riktig.inputs" \
    > "$work/millis.inputs"
run "$work/class/millis.json" telefon-datter-provesvar "$work/millis.inputs" --trainee "Milli Sekund"
kari="$work/class/kari.json" ola="$work/class/ola.json"
for f in "$work"/class/*.json; do sha256sum "$f"; done > "$work/class.sums"

check verify-one-ok 0 "OK      class/kari.json" -- verify class/kari.json
check verify-critical-exam-ok 0 "OK      class/ola.json" -- verify class/ola.json
check verify-class-folder 0 "skranken verify: 7 rapporter: 7 OK, 0 ENDRET, 0 FEIL" -- verify class
check verify-files-and-folder 0 "8 rapporter: 8 OK" -- verify class/per.json class
check verify-millisecond-times-ok 0 "OK      class/millis.json" -- verify class/millis.json
# time_up and a report with several critical errors are in the folder
grep -q '"end_reason":	"time_up"' "$work/class/siri.json" && ok setup-time-up || bad setup-time-up "siri.json endte ikke med time_up"
grep -q '"critical_errors":	1,' "$ola" && ok setup-critical || bad setup-critical "ola.json har ingen kritisk feil"

# an exam set: five reports and the exam summary, which is skipped with a note
if "$skranken" exam hse3008-ovingseksamen --inputs-dir "$src/tests/exams/hse3008" --trainee "Kari Elev" \
    --report-dir "$work/exam" >/dev/null 2>&1; then
    check verify-exam-folder 0 "5 rapporter: 5 OK, 0 ENDRET, 0 FEIL; 1 eksamenssammendrag hoppet over" -- verify exam
    summary=$(ls "$work"/exam/*.json | while read -r f; do grep -l '"skranken-exam-result"' "$f"; done | head -1)
    check verify-exam-summary-given 1 "eksamenssammendrag (skranken-exam-result), ikke en rapport: hoppet over" -- verify "$summary"
else
    bad verify-exam-folder "skranken exam feilet i oppsettet"
fi
# saved under its own name in the data folder (<scenario>-<trainee>-<stamp>.json)
"$skranken" run telefon-datter-provesvar --inputs "$pt/telefon-datter-provesvar/riktig.inputs" \
    --trainee "Kari Elev" --data-dir "$work/dd" --quiet >/dev/null
saved=$(ls "$work"/dd/reports/*.json | head -1)
check verify-saved-name-ok 0 "OK      " -- verify "$saved"

# Formatting is not editing: other indentation, CRLF line ends and a byte-order
# mark still verify; wall-clock data is not compared.
{ printf '\357\273\277'; sed 's/\t/  /g; s/$/\r/' "$kari"; } > "$work/edit/reformatted.json"
check reformatted-ok 0 "OK      edit/reformatted.json" -- verify edit/reformatted.json
sed 's/"duration_ms":	[0-9]*/"duration_ms":	99999/' "$kari" > "$work/edit/wall.json"
check wall-not-compared 0 "OK      edit/wall.json" -- verify edit/wall.json
sed 's/"title":	"Taushetsplikt"/"title":	"Noe annet"/' "$kari" > "$work/edit/goal-title.json"
check goal-title-not-compared 0 "OK      edit/goal-title.json" -- verify edit/goal-title.json

# --- each kind of edit, found and named
edit() { # NAME SOURCE SED-SCRIPT: writes edit/NAME.json, fails the set-up if nothing changed
    sed "$3" "$2" > "$work/edit/$1.json"
    if cmp -s "$2" "$work/edit/$1.json"; then echo "FEIL oppsett: $1 endret ingenting"; fails=$((fails + 1)); fi
}
edit grade "$ola" '0,/"grade":	1,/s//"grade":	6,/'
check edit-grade 1 "edit/grade.json:20: result.grade er 6 i rapporten, men avspillingen gir 1" -- verify edit/grade.json
check edit-grade-status 1 "ENDRET  edit/grade.json" -- verify edit/grade.json
edit passed "$ola" 's/"passed":	false/"passed":	true/; 0,/"grade":	1,/s//"grade":	3,/'
check_all edit-grade-and-passed 1 -- edit/passed.json <<'EOF'
result.grade er 3 i rapporten, men avspillingen gir 1
result.passed er true i rapporten, men avspillingen gir false
EOF
points=$(sed -n 's/^		"points":	\([0-9]*\),$/\1/p' "$ola" | head -1)
edit points "$ola" "0,/\"points\":	$points,/s//\"points\":	$((points + 2)),/"
check edit-points 1 "result.points er $((points + 2)) i rapporten, men avspillingen gir $points" -- verify edit/points.json
earned=$(sed -n 's/^			"earned":	\([0-9]*\),$/\1/p' "$kari" | head -1)
edit goal-earned "$kari" "0,/\"earned\":	$earned,/s//\"earned\":	$((earned - 1)),/"
check edit-goal-earned 1 "goals[0].earned er $((earned - 1)) i rapporten, men avspillingen gir $earned" -- verify edit/goal-earned.json
edit timeline-text "$kari" 's/Takk, da setter jeg meg på venterommet./Takk skal du ha./'
check edit-timeline-text 1 ".text er «Takk skal du ha.» i rapporten, men avspillingen gir «Takk, da setter jeg meg på venterommet.»" -- verify edit/timeline-text.json
# a whole timeline entry removed (from its first field to the "}, {" after it)
n=$(grep -n '"text":	"Jonas Lie går fra skranken"' "$kari" | cut -d: -f1)
first=$(head -n "$n" "$kari" | grep -n '^		}, {$' | tail -1 | cut -d: -f1)
entries=$(grep -c '^			"type":' "$kari")
edit timeline-dropped "$kari" "$((first + 1)),$((n + 1))d"
check edit-timeline-entry-removed 1 "timeline har $((entries - 1)) elementer i rapporten, men avspillingen gir $entries" -- verify edit/timeline-dropped.json
edit critical-removed "$ola" 's/"critical_errors":	1,/"critical_errors":	0,/'
check edit-critical-count 1 "result.critical_errors er 0 i rapporten, men avspillingen gir 1" -- verify edit/critical-removed.json
edit extra-field "$kari" 's/"points_grade":	6,/"points_grade":	6, "bonus": 3,/'
check edit-extra-field 1 "result.bonus finnes i rapporten, men ikke i avspillingen" -- verify edit/extra-field.json
edit twice "$kari" 's/"points_grade":	6,/"points_grade":	6, "grade": 6,/'
check edit-key-twice 1 "result.grade står 2 ganger i rapporten, men 1 gang i avspillingen" -- verify edit/twice.json
# an input line that no longer fits the scenario: named by report line and input line
edit input-mismatch "$kari" 's/"08:02:10 answer 1"/"08:02:10 answer 2"/'
line=$(grep -n '"08:02:10 answer 2"' "$work/edit/input-mismatch.json" | cut -d: -f1)
check edit-input-mismatch 1 "edit/input-mismatch.json:$line: inndatalinje 3 («08:02:10 answer 2») passer ikke scenarioet: ingen samtale på linje 2" -- verify edit/input-mismatch.json
# an input line that still fits, but changes what happened
edit input-moved "$kari" 's/"08:01:10 serve jonas"/"08:01:15 serve jonas"/'
check edit-input-moved 1 ".t er «08:01:10» i rapporten, men avspillingen gir «08:01:15»" -- verify edit/input-moved.json
edit input-garbage "$kari" 's/"08:01:10 serve jonas"/"08:01:10 fly away"/'
check edit-input-unreadable 1 "inndatalinje 1 («08:01:10 fly away») kan ikke leses" -- verify edit/input-garbage.json
# seed: another seed draws another caller, so the timeline differs
edit seed "$kari" 's/"seed":	1,/"seed":	2,/'
check edit-seed 1 "i rapporten, men avspillingen gir" -- verify edit/seed.json
check edit-seed-status 1 "ENDRET  edit/seed.json" -- verify edit/seed.json
# engine version: another version's replay cannot confirm the report
edit engine "$kari" 's/"engine_version":	"[^"]*"/"engine_version":	"0.0.9"/'
check edit-engine-version 1 "edit/engine.json:4: rapporten er laget med Skranken 0.0.9, dette er Skranken" -- verify edit/engine.json
check edit-engine-version-status 1 "FEIL    edit/engine.json" -- verify edit/engine.json
# the scenario hash in the report
zeros=0000000000000000000000000000000000000000000000000000000000000000
edit sha "$kari" "s/\"sha256\":	\"[0-9a-f]*\"/\"sha256\":	\"$zeros\"/"
check edit-sha256 1 "scenarioet er endret siden forsøket: rapporten har sha256 000000000000…, men" -- verify edit/sha.json
# the trainee: with the saved file name the name shows; a copy of another
# student's report under a new name is found beside the original; alone under a
# neutral file name it cannot be seen (documented in docs/verify.md)
mkdir -p "$work/renamed"
sed 's/"trainee":	"Kari Elev"/"trainee":	"Ola Nordmann"/' "$saved" > "$work/renamed/$(basename "$saved")"
check edit-trainee-file-name 1 "filnavnet viser eleven «kari-elev», men \"trainee\" er «Ola Nordmann»" -- verify "renamed/$(basename "$saved")"
edit trainee "$kari" 's/"trainee":	"Kari Elev"/"trainee":	"Ola Nordmann"/'
check edit-trainee-copy 1 "edit/trainee.json: samme forsøk som class/kari.json (samme scenariofil, frø, modus, starttid og handlinger), men eleven er «Ola Nordmann» her og «Kari Elev» der" -- verify class/kari.json edit/trainee.json
check edit-trainee-alone-not-visible 0 "OK      edit/trainee.json" -- verify edit/trainee.json
check same-file-twice-note 0 "merk: samme forsøk som class/kari.json" -- verify class/kari.json class/kari.json
# many edits: a handful shown, then a count
edit many "$kari" 's/"text":	"\([^"]*\)"/"text":	"x\1"/g'
check edit-many-capped 1 "… og " -- verify edit/many.json
n=$(cd "$work" && "$skranken" verify edit/many.json 2>&1 | grep -c 'i rapporten, men avspillingen gir')
[ "$n" -eq 8 ] && ok edit-many-eight-shown || bad edit-many-eight-shown "$n linjer med forskjeller, ventet 8"
check mixed-exit-1 1 "3 rapporter: 2 OK, 1 ENDRET, 0 FEIL" -- verify class/kari.json edit/grade.json class/ola.json

# --- the scenario file: searched in --scenarios first, then the shipped folder
mkdir -p "$work/scen"
cp "$src/scenarios/telefon-datter-provesvar.lua" "$work/scen/"
printf '\n-- lokal endring\n' >> "$work/scen/telefon-datter-provesvar.lua"
run "$work/local.json" "$work/scen/telefon-datter-provesvar.lua" "$pt/telefon-datter-provesvar/riktig.inputs"
check scenarios-dir-found 0 "OK      local.json" -- verify local.json --scenarios scen
check scenarios-dir-not-given 1 "scenarioet er endret siden forsøket: rapporten har sha256" -- verify local.json
check shipped-after-other-hash 0 "OK      class/kari.json" -- verify class/kari.json --scenarios scen
printf -- '-- endret etter forsøket\n' >> "$work/scen/telefon-datter-provesvar.lua"
check_all scenario-changed 1 -- local.json --scenarios scen <<EOF
ENDRET  local.json
scenarioet er endret siden forsøket: rapporten har sha256
men scen/telefon-datter-provesvar.lua har sha256
EOF
edit missing-scenario "$kari" '0,/"id":	"telefon-datter-provesvar"/s//"id":	"finnes-ikke"/'
check scenario-missing 1 "edit/missing-scenario.json:6: finner ikke scenarioet «finnes-ikke» (lette etter finnes-ikke.lua i" -- verify edit/missing-scenario.json
check scenario-missing-status 1 "FEIL    edit/missing-scenario.json" -- verify edit/missing-scenario.json
edit hidden-id "$kari" '0,/"id":	"telefon-datter-provesvar"/s//"id":	".skjult"/'
check scenario-id-hidden 1 "kan ikke være et filnavn" -- verify edit/hidden-id.json
edit path-id "$kari" '0,/"id":	"telefon-datter-provesvar"/s//"id":	"..\/..\/etc\/passwd"/'
check scenario-id-path 1 "er ikke en gyldig scenario-id" -- verify edit/path-id.json
# the catalog: one without the scenario's goals cannot load it
printf '{"format": "skranken-catalog", "format_version": 1, "working_paraphrase": true, "notice": "x", "goals": [{"id": "x.y", "subject": "HSE3005", "title": "Y", "working_paraphrase": true}]}\n' > "$work/small-catalog.json"
check catalog-other 1 "kan ikke spilles av" -- verify class/kari.json --catalog small-catalog.json

# --- bad report files: one line naming the file (and line), exit 1, no crash
: > "$work/bad/empty.json"
head -c 700 "$kari" > "$work/bad/truncated.json"
head -c 3000 /dev/urandom > "$work/bad/random.json"
{ head -c 400 "$kari"; printf '\0\0\0'; tail -c +401 "$kari"; } > "$work/bad/nul.json"
{ head -c 17000000 /dev/zero | tr '\0' ' '; cat "$kari"; } > "$work/bad/huge.json"
printf '[%.0s' $(seq 1 5000) > "$work/bad/deep.json"
printf '{"format": "skranken-catalog", "format_version": 1}\n' > "$work/bad/catalog.json"
sed 's/"format_version":	2/"format_version":	7/' "$kari" > "$work/bad/future.json"
sed '/"result":/,/}/d' "$kari" > "$work/bad/no-result.json"
check bad-missing 1 "bad/nope.json: filen finnes ikke" -- verify bad/nope.json
check bad-empty 1 "bad/empty.json: filen er tom" -- verify bad/empty.json
check bad-truncated 1 "ikke gyldig JSON (filen slutter midt i)" -- verify bad/truncated.json
check bad-binary 1 "bad/random.json:" -- verify bad/random.json
check bad-nul 1 "ikke en tekstfil (binært innhold)" -- verify bad/nul.json
check bad-huge 1 "bad/huge.json: filen er for stor" -- verify bad/huge.json
check bad-deep 1 "bad/deep.json:1: ikke gyldig JSON" -- verify bad/deep.json
check bad-other-json 1 "bad/catalog.json: ikke en Skranken-rapport" -- verify bad/catalog.json
check bad-future-format 1 "rapportformat 7 er ukjent" -- verify bad/future.json
check bad-field-missing 1 "\"result\" mangler" -- verify bad/no-result.json
check bad-status 1 "FEIL    bad/empty.json" -- verify bad/empty.json
check bad-among-good 1 "2 rapporter: 1 OK, 0 ENDRET, 1 FEIL" -- verify class/kari.json bad/empty.json
mkdir -p "$work/emptydir" "$work/dironly/sub.json"
check bad-empty-folder 1 "emptydir: ingen rapporter (*.json) i mappen" -- verify emptydir
check bad-folder-of-folders 1 "dironly: ingen rapporter (*.json) i mappen" -- verify dironly
check bad-report-is-folder 1 "dironly/sub.json: ingen rapporter (*.json) i mappen" -- verify dironly/sub.json
# a hostile report: a huge input log and thousands of extra keys end in bounded
# time with a finding
{
    sed -n '/"inputs":/q; p' "$kari"
    printf '\t"inputs":\t['
    for i in $(seq 1 20000); do printf '"08:00:%02d wait", ' $((i / 400)); done
    printf '"08:01:00 wait"],\n\t"wall": {}\n}\n'
} > "$work/bad/many-inputs.json"
check hostile-many-inputs 1 "ENDRET  bad/many-inputs.json" -- verify bad/many-inputs.json
{
    sed -n '1,/"result":/p' "$kari"
    for i in $(seq 1 20000); do printf '\t\t"k%d": %d,\n' "$i" "$i"; done
    sed -n '/"result":/,$p' "$kari" | tail -n +2
} > "$work/bad/many-keys.json"
check hostile-many-keys 1 "result.k1 finnes i rapporten, men ikke i avspillingen" -- verify bad/many-keys.json
# a file name with a line break cannot add a line of its own to the result
mkdir -p "$work/weird"
cp "$work/edit/grade.json" "$work/weird/$(printf 'a\nOK      forged.json')"
out=$(cd "$work" && "$skranken" verify weird 2>&1)
if [ $? -eq 1 ] && ! printf '%s\n' "$out" | grep -q '^OK      forged' &&
   printf '%s\n' "$out" | grep -qF 'ENDRET  weird/a?OK      forged.json'; then
    ok hostile-file-name
else
    bad hostile-file-name "" "$out"
fi
sed 's/"trainee":	"Kari Elev"/"trainee":	"Kari\\u001b[2J"/' "$kari" > "$work/bad/escape.json"
check hostile-control-in-name 1 "\"trainee\" har et kontrolltegn" -- verify bad/escape.json

# --- wrong arguments: exit 2, one short message
check help 0 "--scenarios MAPPE" -- verify --help
check no-reports 2 "RAPPORT mangler" -- verify
check unknown-option 2 "ukjent valg «--fast»" -- verify class --fast
check option-twice 2 "--scenarios er gitt to ganger" -- verify class --scenarios scen --scenarios scen
check scenarios-no-value 2 "--scenarios mangler en verdi" -- verify class --scenarios
check scenarios-missing-dir 2 "--scenarios nope: mappen finnes ikke" -- verify class --scenarios nope
check scenarios-is-file 2 "er ikke en mappe" -- verify class --scenarios class/kari.json
check catalog-missing 2 "nope.json: filen finnes ikke" -- verify class --catalog nope.json
check catalog-broken 2 "bad/truncated.json" -- verify class --catalog bad/truncated.json

# --- nothing lost: verify never changes or adds a file
if (for f in "$work"/class/*.json; do sha256sum "$f"; done | cmp -s - "$work/class.sums") &&
   [ "$(ls "$work/class" | wc -l)" -eq 7 ]; then
    ok reports-untouched
else
    bad reports-untouched "verify endret eller la til filer i class/"
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
