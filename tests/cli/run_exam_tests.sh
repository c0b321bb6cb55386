#!/bin/bash
# «skranken exam» with the real binary (docs/exams.md): the shipped set
# assets/exams/hse3008-ovingseksamen.json played from the recorded inputs in
# tests/exams/hse3008 (passes) and tests/exams/hse3008-kritisk (a critical error
# fails the exam); the summary file and its report hashes; --list; bad manifests,
# missing and unfitting inputs, and usage, each with its exit code and message.
#   run_exam_tests.sh SKRANKEN SOURCE_DIR
set -u
skranken=$1 src=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
unset SKRANKEN_SCENARIOS SKRANKEN_ASSETS
mkdir -p "$HOME"
manifest="$src/assets/exams/hse3008-ovingseksamen.json"
pass_dir="$src/tests/exams/hse3008"
crit_dir="$src/tests/exams/hse3008-kritisk"
ids="skranke-egenandel telefon-datter-provesvar taushet-politiet blodprove-venos lab-ekg"
passes=0 fails=0

ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1: $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | head -8 | sed 's/^/    /'; fails=$((fails + 1)); }

# check NAME WANT_EXIT TEXT -- ARGS...: exit code, TEXT somewhere in stdout+stderr,
# and a usage or file error (exit 2) is at most three lines.
check() {
    local name=$1 want=$2 text=$3
    shift 4
    local out rc
    out=$(cd "$work" && timeout -s KILL 120 "$skranken" "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "$name" "avslutningskode $rc, ventet $want" "$out"
    elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
        bad "$name" "mangler «$text»" "$out"
    elif [ "$want" -eq 2 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -gt 3 ]; then
        bad "$name" "feilmeldingen er mer enn tre linjer" "$out"
    else
        ok "$name"
    fi
}

# nothing_in NAME DIR: the folder is absent or empty (nothing was saved).
nothing_in() {
    if [ -z "$(ls -A "$2" 2>/dev/null)" ]; then ok "$1"; else bad "$1" "det ble lagret filer" "$(ls "$2")"; fi
}

# json_field FILE KEY: the first value of "KEY": in a cJSON-printed file.
json_field() { grep -m1 -F "\"$2\":" "$1" | sed 's/^[^:]*:[[:space:]]*//; s/,$//; s/^"//; s/"$//'; }

# --- the passing set
out=$(cd "$work" && "$skranken" exam "$manifest" --inputs-dir "$pass_dir" --trainee "Kari Elev" \
      --report-dir "$work/pass" 2>&1)
rc=$?
if [ $rc -eq 0 ]; then ok pass-exit-0; else bad pass-exit-0 "avslutningskode $rc" "$out"; fi
for text in "Eksamen: Øvingseksamen HSE3008" "Elev: Kari Elev · modus: eksamen · 5 oppgaver" \
            "Hvem skal betale egenandel? (skranke-egenandel, frø 3008)" \
            "Datteren som vil ha prøvesvar (telefon-datter-provesvar, frø 4711)" \
            "12 av 15 poeng · karakter 5 · bestått" \
            "Eksamensresultat: BESTÅTT · karakter 6" \
            "Hver oppgave minst karakter 2: oppfylt" "Gjennomsnitt 5,80 (minst 2,00): oppfylt" \
            "Ingen kritiske feil: oppfylt" "Sammendraget er lagret i $work/pass/exam-hse3008-ovingseksamen-kari-elev-"; do
    if printf '%s\n' "$out" | grep -qF -- "$text"; then ok "pass-says: $text"; else bad "pass-says" "mangler «$text»" "$out"; fi
done
n=$(ls "$work/pass" | wc -l)
if [ "$n" -eq 6 ]; then ok pass-six-files; else bad pass-six-files "$n filer" "$(ls "$work/pass")"; fi
summary=$(ls "$work"/pass/exam-hse3008-ovingseksamen-kari-elev-*.json 2>/dev/null | head -1)
if [ -n "$summary" ] && grep -qF '"format":	"skranken-exam-result"' "$summary"; then
    ok pass-summary-format
else
    bad pass-summary-format "sammendraget mangler" "$(ls "$work/pass")"
fi
# every report the summary names exists beside it, hashes to report_sha256, and
# was played in exam mode with the manifest's seed
i=0
grep -F '"report":' "$summary" | sed 's/.*:[[:space:]]*"//; s/",*$//' > "$work/names"
grep -F '"report_sha256":' "$summary" | sed 's/.*:[[:space:]]*"//; s/",*$//' > "$work/hashes"
seeds=(3008 4711 2026 1812 4120)
for id in $ids; do
    name=$(sed -n "$((i + 1))p" "$work/names")
    want=$(sed -n "$((i + 1))p" "$work/hashes")
    file="$work/pass/$name"
    case "$name" in "$id"-kari-elev-*.json) ;; *) bad "summary-report-name-$id" "navnet er «$name»" ;; esac
    if [ ! -f "$file" ]; then
        bad "summary-report-$id" "$name finnes ikke"
    elif [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$want" ]; then
        bad "summary-report-$id" "sha256 stemmer ikke for $name"
    elif ! grep -qF '"mode":	"exam"' "$file" || ! grep -qF "\"seed\":	${seeds[$i]}," "$file"; then
        bad "summary-report-$id" "rapporten er ikke eksamensmodus med frø ${seeds[$i]}"
    else
        ok "summary-report-$id"
    fi
    i=$((i + 1))
done
if [ "$(json_field "$summary" passed)" = "true" ] && grep -qF '"grade":	6,' "$summary" &&
   grep -qF '"average":	5.8' "$summary" && grep -qF '"manifest":	"hse3008-ovingseksamen.json"' "$summary" &&
   grep -qF "\"manifest_sha256\":	\"$(sha256sum "$manifest" | cut -d' ' -f1)\"" "$summary"; then
    ok pass-summary-result
else
    bad pass-summary-result "resultatet i sammendraget" "$(grep -A8 '"result"' "$summary")"
fi

# --- a critical error fails the exam (still exit 0: the exam ran)
out=$(cd "$work" && "$skranken" exam hse3008-ovingseksamen --inputs-dir "$crit_dir" \
      --trainee "Kari Elev" --report-dir "$work/crit" 2>&1)
rc=$?
if [ $rc -eq 0 ]; then ok critical-exit-0; else bad critical-exit-0 "avslutningskode $rc" "$out"; fi
for text in "4 av 13 poeng · karakter 1 · ikke bestått · 1 kritisk feil" \
            "(Poengene alene gir karakter 2.)" "Kritisk feil kl. 08:03:30: Du bekreftet" \
            "Regel: hpl § 21 taushetsplikt" \
            "Eksamensresultat: IKKE BESTÅTT · karakter 1" \
            "Hver oppgave minst karakter 2: ikke oppfylt (taushet-politiet)" \
            "Gjennomsnitt 4,80 (minst 2,00): oppfylt" \
            "Ingen kritiske feil: ikke oppfylt (taushet-politiet: 1)"; do
    if printf '%s\n' "$out" | grep -qF -- "$text"; then ok "critical-says: $text"; else bad "critical-says" "mangler «$text»" "$out"; fi
done
summary=$(ls "$work"/crit/exam-*.json 2>/dev/null | head -1)
if [ -n "$summary" ] && grep -qF '"passed":	false' "$summary" &&
   tr -d '\n\t ' < "$summary" | grep -qF '"result":{"passed":false,"grade":1,"average":4.8,"grade_sum":24,"critical_errors":1,"broke":["no_critical","min_grade_each"]}'; then
    ok critical-summary
else
    bad critical-summary "sammendraget viser ikke ikke bestått" "$(grep -A10 '"result"' "$summary" 2>/dev/null)"
fi

# --- never overwrite: the same set again into the same folder adds six files
check pass-again 0 "Eksamensresultat: BESTÅTT" -- exam "$manifest" --inputs-dir "$pass_dir" --trainee "Kari Elev" --report-dir "$work/pass"
n=$(ls "$work/pass" | wc -l)
if [ "$n" -eq 12 ]; then ok pass-again-no-overwrite; else bad pass-again-no-overwrite "$n filer, ventet 12" "$(ls "$work/pass")"; fi
# same inputs, same results: the two summaries differ only in file names, hashes and wall
s1=$(ls "$work"/pass/exam-*.json | sed -n 1p) s2=$(ls "$work"/pass/exam-*.json | sed -n 2p)
strip() { grep -vE '"(report|report_sha256|started|finished|duration_ms)":' "$1"; }
if [ -n "$s2" ] && [ "$(strip "$s1")" = "$(strip "$s2")" ]; then ok deterministic-summary; else bad deterministic-summary "sammendragene er ulike"; fi

# --- where reports go: --data-dir DIR/reports, else XDG_DATA_HOME/skranken/reports
check data-dir 0 "Rapport: $work/dd/reports/lab-ekg-elev-" -- exam "$manifest" --inputs-dir "$pass_dir" --data-dir "$work/dd"
n=$(ls "$work/dd/reports" | wc -l)
if [ "$n" -eq 6 ]; then ok data-dir-six-files; else bad data-dir-six-files "$n filer"; fi
check default-dir 0 "Sammendraget er lagret i $XDG_DATA_HOME/skranken/reports/exam-hse3008-ovingseksamen-elev-" -- exam "$manifest" --inputs-dir "$pass_dir"

# --- --list
check list 0 "Tidsgrense: 90 minutter (oppgavene varer til sammen 77 minutter)" -- exam "$manifest" --list
check list-rule 0 "Bestått: hver oppgave minst karakter 2, gjennomsnitt minst 2,00, ingen kritiske feil" -- exam hse3008-ovingseksamen --list
out=$("$skranken" exam hse3008-ovingseksamen --list 2>&1)
i=0
for id in $ids; do
    if printf '%s\n' "$out" | grep -qE "^ +$((i + 1))\. $id +frø ${seeds[$i]} "; then ok "list-$id"; else bad "list-$id" "mangler linjen" "$out"; fi
    i=$((i + 1))
done
check list-with-inputs 2 "--list brukes alene" -- exam "$manifest" --list --inputs-dir "$pass_dir"

# --- usage
check help 0 "--inputs-dir MAPPE" -- exam --help
check help-lists-exam 0 "skranken exam MANIFEST --inputs-dir MAPPE" -- --help
check no-manifest 2 "skranken exam: MANIFEST mangler" -- exam --inputs-dir "$pass_dir"
check no-inputs-dir 2 "--inputs-dir MAPPE mangler" -- exam "$manifest"
check two-manifests 2 "for mange argumenter" -- exam "$manifest" "$manifest" --inputs-dir "$pass_dir"
check unknown-option 2 "ukjent valg «--seed»" -- exam "$manifest" --inputs-dir "$pass_dir" --seed 4
check report-and-data-dir 2 "--report-dir og --data-dir kan ikke brukes sammen" -- exam "$manifest" --inputs-dir "$pass_dir" --report-dir "$work/r" --data-dir "$work/d"
check trainee-bad-utf8 2 "--trainee må være gyldig UTF-8" -- exam "$manifest" --inputs-dir "$pass_dir" --trainee "$(printf 'a\xff')"
echo "en fil" > "$work/a-file"
check report-dir-is-file 2 "rapportene ble ikke lagret" -- exam "$manifest" --inputs-dir "$pass_dir" --report-dir "$work/a-file"

# --- inputs that are missing or do not fit: nothing is saved
check inputs-dir-missing 2 "$work/nope/skranke-egenandel.inputs: filen finnes ikke" -- exam "$manifest" --inputs-dir "$work/nope" --report-dir "$work/out-missing"
nothing_in inputs-dir-missing-saves-nothing "$work/out-missing"
mkdir -p "$work/partial"
cp "$pass_dir"/*.inputs "$work/partial/"
rm "$work/partial/lab-ekg.inputs"
check inputs-one-missing 2 "partial/lab-ekg.inputs: filen finnes ikke" -- exam "$manifest" --inputs-dir "$work/partial" --report-dir "$work/out-partial"
nothing_in inputs-one-missing-saves-nothing "$work/out-partial"
mkdir -p "$work/mismatch"
cp "$pass_dir"/*.inputs "$work/mismatch/"
printf '08:02:40 answer 1\n08:02:50 choose politi ikke_bekrefte\n08:03:00 choose lege beskjed\n' > "$work/mismatch/taushet-politiet.inputs"
check inputs-mismatch 1 "mismatch/taushet-politiet.inputs:3: passer ikke scenarioet «taushet-politiet»" -- exam "$manifest" --inputs-dir "$work/mismatch" --report-dir "$work/out-mismatch"
nothing_in inputs-mismatch-saves-nothing "$work/out-mismatch"
printf '08:10:00 wait\n08:09:00 wait\n' > "$work/mismatch/taushet-politiet.inputs"
check inputs-backwards 2 "mismatch/taushet-politiet.inputs:2: klokkeslettet 08:09:00 er før linjen over" -- exam "$manifest" --inputs-dir "$work/mismatch" --report-dir "$work/out-mismatch"
printf '08:01:00 wait\n08:02:00 answ\0er 1\n' > "$work/mismatch/taushet-politiet.inputs"
check inputs-binary 2 "mismatch/taushet-politiet.inputs:2: binært innhold" -- exam "$manifest" --inputs-dir "$work/mismatch" --report-dir "$work/out-mismatch"
: > "$work/mismatch/taushet-politiet.inputs"
check inputs-empty 2 "mismatch/taushet-politiet.inputs: filen er tom" -- exam "$manifest" --inputs-dir "$work/mismatch" --report-dir "$work/out-mismatch"
nothing_in inputs-bad-saves-nothing "$work/out-mismatch"

# --- bad manifests: exit 2, one line naming the file (and line)
m="$work/m"
mkdir -p "$m" "$m/a-dir.json"
good_json=$(cat "$manifest")
: > "$m/empty.json"
head -c 3000 /dev/urandom > "$m/random.json"
printf '{\n  "format": "skranken-exam",\n  "title": "a\0b"\n}\n' > "$m/nul.json"
head -c 400 "$manifest" > "$m/truncated.json"
{ printf '{"format": "skranken-exam", "description": "'; head -c 1100000 /dev/zero | tr '\0' 'x'; printf '"}'; } > "$m/huge.json"
printf '{"format": "skranken-report", "format_version": 1}\n' > "$m/report.json"
printf '%s\n' "$good_json" | sed 's/"format_version": 1/"format_version": 2/' > "$m/version.json"
printf '%s\n' "$good_json" | sed 's/"time_limit_minutes": 90/"time_limit_minutes": "90"/' > "$m/minutes-string.json"
printf '%s\n' "$good_json" | sed 's/"time_limit_minutes": 90/"time_limit_minutes": 30/' > "$m/too-short.json"
printf '%s\n' "$good_json" | sed 's/"min_grade_each": 2/"min_grade_each": 0/' > "$m/grade.json"
printf '%s\n' "$good_json" | sed 's/"no_critical": true/"no_critical": "ja"/' > "$m/no-critical.json"
printf '%s\n' "$good_json" | sed 's/"id": "lab-ekg"/"id": "lab-ekg-finnes-ikke"/' > "$m/unknown.json"
printf '%s\n' "$good_json" | sed 's/"id": "lab-ekg"/"id": "taushet-politiet"/' > "$m/duplicate.json"
printf '%s\n' "$good_json" | sed 's/"seed": 1812/"seed": -1812/' > "$m/seed-negative.json"
printf '%s\n' "$good_json" | sed 's/"seed": 1812/"seed": 18.12/' > "$m/seed-fraction.json"
printf '%s\n' "$good_json" | sed 's/"seed": 1812/"seed": "1812"/' > "$m/seed-string.json"
printf '%s\n' "$good_json" | sed 's/"scenarios": \[/"oppgaver": [/' > "$m/unknown-field.json"
check manifest-missing 2 "$m/nope.json: filen finnes ikke" -- exam "$m/nope.json" --inputs-dir "$pass_dir"
check manifest-id-missing 2 "exams/nope.json: filen finnes ikke" -- exam nope --list
check manifest-directory 2 "a-dir.json: er ikke en vanlig fil" -- exam "$m/a-dir.json" --list
check manifest-empty 2 "empty.json: filen er tom" -- exam "$m/empty.json" --inputs-dir "$pass_dir"
check manifest-binary 2 "random.json:" -- exam "$m/random.json" --inputs-dir "$pass_dir"
check manifest-nul 2 "nul.json:3: ikke en tekstfil (binært innhold)" -- exam "$m/nul.json" --list
check manifest-truncated 2 "truncated.json:" -- exam "$m/truncated.json" --inputs-dir "$pass_dir"
check manifest-truncated-says 2 "ikke gyldig JSON (filen slutter midt i)" -- exam "$m/truncated.json" --list
check manifest-huge 2 "huge.json: filen er for stor" -- exam "$m/huge.json" --list
check manifest-not-exam 2 "report.json: ikke en Skranken-eksamen" -- exam "$m/report.json" --list
check manifest-version 2 "version.json:3: \"format_version\": ukjent versjon" -- exam "$m/version.json" --list
check manifest-minutes-type 2 "minutes-string.json:7: \"time_limit_minutes\" skal være et heltall, er en tekst" -- exam "$m/minutes-string.json" --list
check manifest-too-short 2 "too-short.json:7: \"time_limit_minutes\" er 30, men scenarioene varer til sammen 77 minutter" -- exam "$m/too-short.json" --inputs-dir "$pass_dir"
check manifest-grade 2 "grade.json:9: \"pass_rule\": \"min_grade_each\" må være et heltall 1-6, ikke 0" -- exam "$m/grade.json" --list
check manifest-no-critical 2 "no-critical.json:11: \"pass_rule\": \"no_critical\" skal være true eller false, er en tekst" -- exam "$m/no-critical.json" --list
check manifest-unknown-scenario 2 "unknown.json:18: \"scenarios\" nr. 5 («lab-ekg-finnes-ikke»): ukjent scenario" -- exam "$m/unknown.json" --inputs-dir "$pass_dir"
check manifest-duplicate 2 "duplicate.json:18: \"scenarios\" nr. 5 («taushet-politiet»): står to ganger (også nr. 3)" -- exam "$m/duplicate.json" --list
check manifest-seed-negative 2 "seed-negative.json:17: \"scenarios\" nr. 4 («blodprove-venos»): \"seed\" må være et heltall 0-9007199254740991, ikke -1812" -- exam "$m/seed-negative.json" --list
check manifest-seed-fraction 2 "seed-fraction.json:17: \"scenarios\" nr. 4 («blodprove-venos»): \"seed\" må være et heltall" -- exam "$m/seed-fraction.json" --list
check manifest-seed-string 2 "seed-string.json:17: \"scenarios\" nr. 4 («blodprove-venos»): \"seed\" skal være et heltall, er en tekst" -- exam "$m/seed-string.json" --list
check manifest-unknown-field 2 "unknown-field.json:13: ukjent felt «oppgaver»" -- exam "$m/unknown-field.json" --list

# --- scenarios that load but do not fit the set (SKRANKEN_SCENARIOS points elsewhere)
sc="$work/scenarios"
mkdir -p "$sc"
for id in $ids; do cp "$src/scenarios/$id.lua" "$sc/"; done
sed 's/modes = { "practice", "exam" }/modes = { "practice" }/' "$src/scenarios/lab-ekg.lua" > "$sc/lab-ekg.lua"
export SKRANKEN_SCENARIOS="$sc"
check scenario-practice-only 2 "lab-ekg.lua: scenarioet kan ikke spilles i eksamensmodus" -- exam "$manifest" --inputs-dir "$pass_dir" --report-dir "$work/out-sc"
cp "$src/scenarios/lab-ekg.lua" "$sc/lab-ekg.lua"
cp "$src/scenarios/telefon-datter-provesvar.lua" "$sc/annen-id.lua"
printf '%s\n' "$good_json" | sed 's/"id": "lab-ekg"/"id": "annen-id"/' > "$m/other-id.json"
check scenario-other-id 2 "other-id.json:18: scenarioet «annen-id» oppgir id «telefon-datter-provesvar» i filen" -- exam "$m/other-id.json" --list
printf 'dette er ikke lua (\n' > "$sc/lab-ekg.lua"
check scenario-broken 2 "lab-ekg.lua:1:" -- exam "$manifest" --inputs-dir "$pass_dir" --report-dir "$work/out-sc"
unset SKRANKEN_SCENARIOS
nothing_in scenarios-bad-save-nothing "$work/out-sc"

echo "$passes ok, $fails feil"
[ "$fails" -eq 0 ]
