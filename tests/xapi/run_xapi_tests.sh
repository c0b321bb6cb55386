#!/bin/bash
# «skranken export-xapi» with the real binary (docs/xapi.md): statements from
# reports made by «skranken run» and «skranken exam» (practice and exam mode, no,
# one and two critical errors, time up, goals mapped to official Grep goals) are
# each validated with Learning Locker's xapi-validation (zero warnings), broken
# statements must give warnings (so this test can fail), and the structure is
# checked per attempt; then determinism, --out never overwriting, bad files and
# wrong arguments.
#   run_xapi_tests.sh SKRANKEN SOURCE_DIR JS_DIR
# JS_DIR holds node_modules with xapi-validation (the CTest fixture js.setup).
set -u
skranken=$1 src=$2 js=$3
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
export NODE_PATH="$js/node_modules"
unset SKRANKEN_SCENARIOS SKRANKEN_ASSETS
mkdir -p "$HOME" "$work/class" "$work/out" "$work/bad"
pt="$src/tests/playthroughs"
checker="$src/tests/xapi/check_statements.js"
passes=0 fails=0

ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1: $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | head -12 | sed 's/^/    /'; fails=$((fails + 1)); }

if [ ! -d "$js/node_modules/xapi-validation" ]; then
    echo "FEIL $js/node_modules/xapi-validation mangler (kjør testen js.setup først)"
    exit 1
fi

# check NAME WANT_EXIT TEXT -- ARGS...: exit code and TEXT in stdout+stderr; an
# error (exit 2) is at most three lines.
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
node_check() { # NAME node-arguments...
    local name=$1 out
    shift
    if out=$(cd "$work" && node "$checker" "$@" 2>&1); then ok "$name"; else bad "$name" "" "$out"; fi
}
export_to() { # OUT ARGS...: statements on stdout into OUT
    local out=$1
    shift
    (cd "$work" && "$skranken" export-xapi "$@" > "$out" 2> "$out.err") ||
        { bad "eksport $*" "avslutningskode $?" "$(cat "$out.err")"; return 1; }
    if grep -qE 'Sanitizer|runtime error:' "$out.err"; then
        bad "eksport $*" "sanitizer-feil" "$(cat "$out.err")"
        return 1
    fi
}
run() { # OUT SCENARIO INPUTS [run options...]
    local out=$1 scen=$2 inputs=$3
    shift 3
    "$skranken" run "$scen" --inputs "$inputs" --report "$out" --quiet "$@" >/dev/null ||
        { echo "FEIL oppsett: skranken run $scen ga feil"; exit 1; }
}

# --- reports
run "$work/class/kari.json" telefon-datter-provesvar "$pt/telefon-datter-provesvar/riktig.inputs" --trainee "Kari Elev"
run "$work/class/ola.json" blodprove-venos "$pt/blodprove-venos/feil-pasient.inputs" --trainee "Ola Nordmann" --mode exam --seed 1
run "$work/class/siri.json" full-morgen-1 "$pt/full-morgen-1/ingenting.inputs" --trainee "Siri Berg"
run "$work/class/aase.json" taushet-politiet "$pt/taushet-politiet/bekrefter.inputs" --trainee "Åse Ødegård" --mode exam --seed 2026
# two critical errors: the tubes labelled with the wrong patient and INR not reported
sed 's/^08:22:30 label blodprove venos$/08:22:30 label blodprove navnesoster/' \
    "$pt/full-morgen-2/inr-ikke-meldt.inputs" > "$work/two.inputs"
run "$work/class/per.json" full-morgen-2 "$work/two.inputs" --trainee "Per Hansen"
grep -q '"critical_errors":	2,' "$work/class/per.json" && ok setup-two-criticals ||
    bad setup-two-criticals "per.json har ikke to kritiske feil"
# goals mapped to official goals (Udir's sample set KV9) by a school's mapping
cat > "$work/mapping.json" <<'EOF'
{
  "format": "skranken-mapping",
  "format_version": 1,
  "official_catalog": "KMS9.json",
  "map": { "hse3006.taushetsplikt": ["KM98"], "hse3006.identitet-telefon": ["KM99"] }
}
EOF
cp "$src/tests/fixtures/grep/KMS9.json" "$work/KMS9.json"
"$skranken" catalog import "$src/assets/catalog.json" --map "$work/mapping.json" --out "$work/mapped.json" 2>/dev/null ||
    { echo "FEIL oppsett: catalog import"; exit 1; }
mkdir -p "$work/mapped"
run "$work/mapped/mari.json" telefon-datter-provesvar "$pt/telefon-datter-provesvar/riktig.inputs" --trainee "Mari Elev" --catalog "$work/mapped.json"
grep -q '"uri":	"http://psi.udir.no/kl06/KM98"' "$work/mapped/mari.json" && ok setup-mapped ||
    bad setup-mapped "mari.json har ikke KM98"
"$skranken" exam hse3008-ovingseksamen --inputs-dir "$src/tests/exams/hse3008" --trainee "Kari Elev" \
    --report-dir "$work/exam" >/dev/null 2>&1 || bad setup-exam "skranken exam feilet"
summary=$(grep -l '"skranken-exam-result"' "$work"/exam/*.json | head -1)

# --- every report alone: valid statements with the right structure
for r in "$work"/class/*.json "$work"/mapped/mari.json "$work"/exam/*.json; do
    [ "$r" = "$summary" ] && continue
    name=$(basename "$r" .json)
    export_to "$work/out/$name.xapi.json" "$r" || continue
    node_check "valid-$name" validate "$work/out/$name.xapi.json"
    node_check "structure-$name" attempt "$work/out/$name.xapi.json" "$r"
done
# --- all together: one list, every statement valid, ids unique
if export_to "$work/out/all.json" class mapped exam; then
    node_check valid-all validate "$work/out/all.json"
    n=$(grep -c '"registration":' "$work/out/all.json")
    want=0
    for r in "$work"/class/*.json "$work"/mapped/mari.json "$work"/exam/*.json; do
        [ "$r" = "$summary" ] && continue
        c=$(sed -n 's/^		"critical_errors":	\([0-9]*\),$/\1/p' "$r" | head -1)
        want=$((want + 3 + c))
    done
    [ "$n" -eq "$want" ] && ok all-statement-count || bad all-statement-count "$n utsagn, ventet $want"
    grep -qF "eksamenssammendrag (skranken-exam-result), ikke en rapport: hoppet over" "$work/out/all.json.err" &&
        ok exam-summary-skipped || bad exam-summary-skipped "ingen merknad om sammendraget" "$(cat "$work/out/all.json.err")"
    grep -qF "utsagn fra 11 rapporter" "$work/out/all.json.err" && ok all-summary-line ||
        bad all-summary-line "" "$(cat "$work/out/all.json.err")"
fi
# odd text from a report (a goal id with a space, a slash and æøå; a trainee name
# with quotes) still gives valid IRIs and statements
sed 's/"hse3005.provemerking"/"hse3005 prøve\/merking"/g; s/"trainee":	"Ola Nordmann"/"trainee":	"Ola \\"Olsen\\" <ola>"/' \
    "$work/class/ola.json" > "$work/odd.json"
if export_to "$work/out/odd.json" odd.json; then
    node_check odd-text-valid validate "$work/out/odd.json"
    grep -qF '/goal/hse3005%20pr%C3%B8ve%2Fmerking"' "$work/out/odd.json" && ok odd-goal-id-encoded ||
        bad odd-goal-id-encoded "målets IRI er ikke prosentkodet"
fi
# --- the validator can fail: broken statements give warnings
node_check negative-control negative "$work/out/kari.xapi.json"
printf '[{"actor": {"name": "x"}, "verb": {"id": "startet"}, "object": {"id": "scenario"}}]\n' > "$work/broken.json"
if (cd "$work" && node "$checker" validate broken.json >/dev/null 2>&1); then
    bad negative-validate-fails "en ugyldig fil ble godtatt"
else
    ok negative-validate-fails
fi

# --- deterministic: the same report gives the same statements, ids included
export_to "$work/out/again.json" class/per.json && cmp -s "$work/out/again.json" "$work/out/per.xapi.json" &&
    ok deterministic || bad deterministic "to eksporter av per.json er ulike"
cp "$work/class/per.json" "$work/per-copy.json"
export_to "$work/out/copy.json" per-copy.json && cmp -s "$work/out/copy.json" "$work/out/per.xapi.json" &&
    ok same-report-other-file-same-statements || bad same-report-other-file-same-statements "en kopi ga andre utsagn"
# another base IRI: every IRI under it, other statement ids, the same registration
if export_to "$work/out/base.json" class/ola.json --base-iri https://lrs.skole.example/skranken/ --homepage https://skole.example; then
    node_check base-iri-valid validate "$work/out/base.json"
    node_check base-iri-structure attempt "$work/out/base.json" "$work/class/ola.json" https://lrs.skole.example/skranken
    grep -q '"homePage":	"https://skole.example"' "$work/out/base.json" && ok homepage-used || bad homepage-used ""
    id1=$(grep -m1 '^		"id":' "$work/out/base.json") id2=$(grep -m1 '^		"id":' "$work/out/ola.xapi.json")
    reg1=$(grep -m1 '"registration":' "$work/out/base.json") reg2=$(grep -m1 '"registration":' "$work/out/ola.xapi.json")
    [ "$id1" != "$id2" ] && [ "$reg1" = "$reg2" ] && ok base-iri-other-ids-same-registration ||
        bad base-iri-other-ids-same-registration "$id1 / $id2, $reg1 / $reg2"
fi
# a report given twice is exported once; the same attempt with other results is refused
check twice-once 0 "class/kari.json: samme forsøk som class/kari.json, tatt med én gang" -- export-xapi class/kari.json class/kari.json
sed '0,/"grade":	1,/s//"grade":	6,/' "$work/class/ola.json" > "$work/ola-edited.json"
check same-attempt-other-results 2 "ola-edited.json: samme forsøk som class/ola.json, men med andre resultater" -- export-xapi class/ola.json ola-edited.json --out out/conflict.json
[ ! -e "$work/out/conflict.json" ] && ok conflict-nothing-written || bad conflict-nothing-written "out/conflict.json ble skrevet"

# --- --out: a new file, never over an existing one
check out-new 0 "utsagn fra 1 rapport skrevet til out/new.json" -- export-xapi class/kari.json --out out/new.json
cmp -s "$work/out/new.json" "$work/out/kari.xapi.json" && ok out-same-as-stdout || bad out-same-as-stdout "--out ga annet enn standard ut"
sum=$(sha256sum < "$work/out/new.json")
check out-exists 2 "out/new.json: finnes allerede (skrives aldri over)" -- export-xapi class/ola.json --out out/new.json
[ "$(sha256sum < "$work/out/new.json")" = "$sum" ] && ok out-exists-untouched || bad out-exists-untouched "filen ble endret"
check out-missing-folder 2 "finnes/ikke/x.json" -- export-xapi class/kari.json --out finnes/ikke/x.json
check out-no-value 2 "--out mangler en verdi" -- export-xapi class/kari.json --out
[ -z "$(ls "$work/out" | grep tmp)" ] && ok out-no-temp-files || bad out-no-temp-files "$(ls "$work/out")"
if [ -w /dev/full ]; then
    out=$(cd "$work" && "$skranken" export-xapi class/kari.json 2>&1 >/dev/full)
    rc=$?
    [ $rc -eq 2 ] && printf '%s' "$out" | grep -qF "kan ikke skrive utsagnene til standard ut" && ok stdout-full ||
        bad stdout-full "avslutningskode $rc" "$out"
fi

# --- bad reports: the file named (and line), exit 2, nothing written
: > "$work/bad/empty.json"
head -c 700 "$work/class/kari.json" > "$work/bad/truncated.json"
head -c 3000 /dev/urandom > "$work/bad/random.json"
{ head -c 17000000 /dev/zero | tr '\0' ' '; cat "$work/class/kari.json"; } > "$work/bad/huge.json"
printf '{"format": "skranken-catalog", "format_version": 1}\n' > "$work/bad/catalog.json"
sed 's/"seed":	1,/"seed":	-4,/' "$work/class/kari.json" > "$work/bad/seed.json"
mkdir -p "$work/emptydir"
check bad-missing 2 "bad/nope.json: filen finnes ikke" -- export-xapi bad/nope.json
check bad-empty 2 "bad/empty.json: filen er tom" -- export-xapi bad/empty.json
check bad-truncated 2 "ikke gyldig JSON (filen slutter midt i)" -- export-xapi bad/truncated.json
check bad-binary 2 "bad/random.json:" -- export-xapi bad/random.json
check bad-huge 2 "bad/huge.json: filen er for stor" -- export-xapi bad/huge.json
check bad-other-json 2 "bad/catalog.json: ikke en Skranken-rapport" -- export-xapi bad/catalog.json
check bad-field 2 "\"seed\" skal være et heltall fra 0" -- export-xapi bad/seed.json
check bad-empty-folder 2 "emptydir: ingen rapporter (*.json) i mappen" -- export-xapi emptydir
check bad-only-summary 2 "ingen rapporter å eksportere" -- export-xapi "$summary"
out=$(cd "$work" && "$skranken" export-xapi class/kari.json bad/truncated.json 2>/dev/null)
rc=$?
[ $rc -eq 2 ] && [ -z "$out" ] && ok bad-among-good-nothing-on-stdout || bad bad-among-good-nothing-on-stdout "avslutningskode $rc, ${#out} tegn ut"
check bad-among-good-out 2 "ingenting skrevet: 1 fil kunne ikke brukes" -- export-xapi class/kari.json bad/empty.json --out out/partial.json
[ ! -e "$work/out/partial.json" ] && ok bad-among-good-no-file || bad bad-among-good-no-file "out/partial.json ble skrevet"

# --- wrong arguments
check help 0 "--base-iri IRI" -- export-xapi --help
check no-reports 2 "RAPPORT mangler" -- export-xapi
check unknown-option 2 "ukjent valg «--lrs»" -- export-xapi class --lrs x
check base-iri-ftp 2 "--base-iri må være en http- eller https-adresse" -- export-xapi class --base-iri ftp://skole.example
check base-iri-space 2 "--base-iri må være en http- eller https-adresse" -- export-xapi class --base-iri "https://skole.example/x y"
check base-iri-query 2 "--base-iri må være en http- eller https-adresse" -- export-xapi class --base-iri "https://skole.example/?a=1"
check homepage-bad 2 "--homepage må være en http- eller https-adresse" -- export-xapi class --homepage skole.example
check option-twice 2 "--out er gitt to ganger" -- export-xapi class --out a.json --out b.json

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
