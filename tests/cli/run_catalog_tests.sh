#!/bin/bash
# «skranken catalog import» with the real binary (docs/curriculum.md): Udir's
# sample Grep files (tests/fixtures/grep), --out never overwriting, bad files,
# and a school's mapping applied end to end: import our catalog with a mapping
# onto the KMS9 sample's codes, play a shipped scenario with it, and check that
# the report's goals carry "official" and the debrief prints the code and title.
#   run_catalog_tests.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
skranken=$1 expect_tool=$2 src=$3
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
fx="$src/tests/fixtures/grep"
cat_json="$src/assets/catalog.json"
scen="$src/scenarios/telefon-datter-provesvar.lua"
good="$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs"
good_expect="$src/tests/playthroughs/telefon-datter-provesvar/riktig.expect.json"
passes=0 fails=0

ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1: $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | head -5 | sed 's/^/    /'; fails=$((fails + 1)); }

# check NAME WANT_EXIT TEXT -- ARGS...: exit code, TEXT somewhere in stdout+stderr,
# and a failure (exit 2) is at most three lines.
check() {
    local name=$1 want=$2 text=$3
    shift 4
    local out rc
    out=$(cd "$work" && timeout -s KILL 60 "$skranken" "$@" 2>&1)
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

# import_ok NAME FILE STDOUT_TEXT STDERR_TEXT: exit 0, the catalog on stdout, one
# summary line on stderr.
import_ok() {
    local name=$1 file=$2 out_text=$3 err_text=$4
    (cd "$work" && timeout -s KILL 60 "$skranken" catalog import "$file" > "$work/o.json" 2> "$work/o.err")
    local rc=$?
    if [ "$rc" -ne 0 ]; then
        bad "$name" "avslutningskode $rc" "$(cat "$work/o.err")"
    elif ! grep -qF -- "$out_text" "$work/o.json"; then
        bad "$name" "utdata mangler «$out_text»" "$(head -5 "$work/o.json")"
    elif ! grep -qF -- "$err_text" "$work/o.err"; then
        bad "$name" "sammendraget mangler «$err_text»" "$(cat "$work/o.err")"
    elif [ "$(grep -c . "$work/o.err")" -ne 1 ]; then
        bad "$name" "sammendraget er ikke én linje" "$(cat "$work/o.err")"
    elif ! grep -qF '"format":	"skranken-catalog"' "$work/o.json"; then
        bad "$name" "utdata er ikke en Skranken-katalog" "$(head -5 "$work/o.json")"
    else
        ok "$name"
    fi
}

# --- the four samples, exactly as Udir publishes them
import_ok import-goal-set "$fx/KMS9.json" '"uri":	"http://psi.udir.no/kl06/KM99"' \
    "kompetansemålsett KV9 «Kompetansemål og vurdering 10. trinn»: 2 mål (KM98, KM99); språk: default, nno"
import_ok import-goal-set-languages "$fx/KMS9.json" '"nno":	"Kompetansemål og vurdering 10. trinn"' "KMS9.json:"
import_ok import-curriculum "$fx/TMF03-02.json" '"code":	"KV60"' \
    "læreplan TMF03-02 «Læreplan i tømrarfaget Vg3 / opplæring i bedrift»: 1 kompetansemålsett (KV60), 0 mål i filen"
import_ok import-curriculum-note "$fx/TMF03-02.json" '"note":	"Læreplanen viser bare til kompetansemålsettet med URI' \
    "settene er bare nevnt med URI: last ned og importer hvert sett for seg"
import_ok import-one-goal "$fx/K1.json" '"nno":	"samanlikne ulike storleikar' "kompetansemål KM1"
check import-core-element 2 "KE1.json: KE1: Grep-objektet er et kjerneelement" -- catalog import "$fx/KE1.json"

# --- --out writes a new file and never overwrites
check out-new 0 "2 mål (KM98, KM99)" -- catalog import "$fx/KMS9.json" --out "$work/kv9.json"
if grep -qF '"code":	"KM98"' "$work/kv9.json" 2>/dev/null; then ok out-written; else bad out-written "kv9.json mangler KM98"; fi
echo "skolens egen fil" > "$work/existing.json"
check out-exists 2 "existing.json: finnes allerede (skrives aldri over)" -- catalog import "$fx/KMS9.json" --out "$work/existing.json"
check out-exists-again 2 "kv9.json: finnes allerede" -- catalog import "$fx/TMF03-02.json" --out "$work/kv9.json"
if [ "$(cat "$work/existing.json")" = "skolens egen fil" ] && grep -qF KM98 "$work/kv9.json"; then
    ok out-files-intact
else
    bad out-files-intact "en eksisterende fil ble endret"
fi
check out-missing-folder 2 "no/such/dir/k.json" -- catalog import "$fx/KMS9.json" --out "$work/no/such/dir/k.json"

# --- usage
check catalog-no-subcommand 2 "underkommando mangler («skranken catalog import FIL.json»)" -- catalog
check catalog-help 0 "--map MAPPING.json" -- catalog --help
check catalog-import-help 0 "official_catalog" -- catalog import --help
check catalog-unknown-subcommand 2 "ukjent underkommando «export»" -- catalog export
check import-no-file 2 "FIL.json mangler" -- catalog import
check import-two-files 2 "for mange argumenter" -- catalog import "$fx/KMS9.json" "$fx/K1.json"
check import-unknown-option 2 "ukjent valg «--force»" -- catalog import "$fx/KMS9.json" --force
check import-catalog-without-map 2 "--catalog brukes bare sammen med --map" -- catalog import "$fx/KMS9.json" --catalog "$cat_json"
check help-lists-catalog 0 "skranken catalog import" -- --help

# --- bad files
: > "$work/empty.json"
printf '\n  \n' > "$work/blank.json"
head -c 3000 "$fx/KMS9.json" > "$work/truncated.json"
head -c 3000 /dev/urandom > "$work/random.json"
printf '{"kode": "KM1",\n "tittel": "a\0b"}\n' > "$work/nul.json"
{ printf '['; head -c 17000000 /dev/zero | tr '\0' ' '; printf ']'; } > "$work/huge.json"
printf '{"navn": "ikke grep"}\n' > "$work/not-grep.json"
printf '[{"kode": "KV9"}]\n' > "$work/list.json"
printf '{"kode": "KV9", "uri": "u", "grep-type": "http://psi.udir.no/ontologi/kl06/kompetansemaalsett_lk20",\n "tittel": "Sett",\n "kompetansemaal": "KM98"}\n' > "$work/wrong-type.json"
printf '{"kode": "KV9", "uri": "u", "grep-type": "kompetansemaalsett_lk20", "tittel": "Sett",\n "kompetansemaal": [{"kode": "KM98", "uri": "u", "tittel": 5}]}\n' > "$work/wrong-title.json"
mkdir -p "$work/a-dir.json"
check file-missing 2 "nope.json: filen finnes ikke" -- catalog import "$work/nope.json"
check file-directory 2 "a-dir.json: er ikke en vanlig fil" -- catalog import "$work/a-dir.json"
check file-empty 2 "empty.json: filen er tom" -- catalog import "$work/empty.json"
check file-blank 2 "blank.json: filen er tom" -- catalog import "$work/blank.json"
check file-truncated 2 "truncated.json:" -- catalog import "$work/truncated.json"
check file-truncated-says 2 "ikke gyldig JSON (filen slutter midt i)" -- catalog import "$work/truncated.json"
check file-binary 2 "random.json:" -- catalog import "$work/random.json"
check file-nul 2 "nul.json:2: ikke en tekstfil (binært innhold)" -- catalog import "$work/nul.json"
check file-huge 2 "huge.json: filen er for stor" -- catalog import "$work/huge.json"
check file-not-grep 2 "not-grep.json: ikke Grep-JSON fra Udir" -- catalog import "$work/not-grep.json"
check file-list 2 "list.json: ikke Grep-JSON: ventet ett objekt" -- catalog import "$work/list.json"
check file-wrong-type 2 "wrong-type.json:1: kompetansemålsett KV9: \"kompetansemaal\" skulle vært en liste, er en tekst" -- catalog import "$work/wrong-type.json"
check file-wrong-title 2 "wrong-title.json:2: kompetansemål nr. 1 KM98: \"tittel\" mangler eller har feil type" -- catalog import "$work/wrong-title.json"
check file-working-catalog-no-map 2 "catalog.json: er en Skranken-katalog med arbeidsmål; gi --map" -- catalog import "$cat_json"

# --- a school's mapping, end to end
mkdir -p "$work/skole"
cp "$fx/KMS9.json" "$work/skole/KMS9.json"
cp "$fx/TMF03-02.json" "$work/skole/TMF03-02.json"
cat > "$work/skole/mapping.json" <<'EOF'
{
  "format": "skranken-mapping",
  "format_version": 1,
  "official_catalog": "KMS9.json",
  "map": {
    "hse3006.taushetsplikt": ["KM98"],
    "hse3006.identitet-telefon": ["KM99", "KM98"]
  }
}
EOF
check map-working-catalog 0 "catalog.json + mapping.json: 2 av" -- catalog import "$cat_json" --map "$work/skole/mapping.json" --out "$work/mapped.json"
check map-grep-file 0 "koblet til 2 offisielle mål (KM98, KM99) fra KMS9.json" -- catalog import "$work/skole/KMS9.json" --map "$work/skole/mapping.json" --out "$work/mapped-from-grep.json"
if cmp -s "$work/mapped.json" "$work/mapped-from-grep.json"; then ok map-both-ways-same; else bad map-both-ways-same "de to veiene ga ulike kataloger"; fi
check map-out-exists 2 "mapped.json: finnes allerede" -- catalog import "$cat_json" --map "$work/skole/mapping.json" --out "$work/mapped.json"
# the official catalog written by import may stand in for the Grep file
check map-official-import 0 "" -- catalog import "$work/skole/KMS9.json" --out "$work/skole/kv9-offisiell.json"
sed 's/"KMS9.json"/"kv9-offisiell.json"/' "$work/skole/mapping.json" > "$work/skole/mapping-offisiell.json"
check map-via-official-catalog 0 "fra kv9-offisiell.json" -- catalog import "$cat_json" --map "$work/skole/mapping-offisiell.json" --out "$work/mapped-via.json"

check run-mapped 0 "Taushetsplikt (KM98)" -- run "$scen" --inputs "$good" --catalog "$work/mapped.json" --report "$work/r.json"
out=$(cd "$work" && "$skranken" run "$scen" --inputs "$good" --catalog "$work/mapped.json" --report "$work/r2.json" 2>&1)
if printf '%s\n' "$out" | grep -qF "offisielt kompetansemål KM98: utforske og bruke kvadratsetningar" &&
   printf '%s\n' "$out" | grep -qF "Identitetskontroll på telefon (KM99)"; then
    ok debrief-official-code-and-title
else
    bad debrief-official-code-and-title "debriefen viser ikke kode og tittel" "$out"
fi
# The report's goal hse3006.taushetsplikt carries official KM98 with URI and title;
# a goal that is not mapped carries none.
goal_block() { # REPORT GOAL-ID: the lines of that goal's object in "goals"
    awk -v id="\"id\":	\"$2\"" 'index($0, id) { on = 1 } on { print } on && /"critical_errors"/ { exit }' "$1"
}
blk=$(goal_block "$work/r.json" hse3006.taushetsplikt)
if printf '%s\n' "$blk" | grep -qF '"official":	{' &&
   printf '%s\n' "$blk" | grep -qF '"code":	"KM98"' &&
   printf '%s\n' "$blk" | grep -qF '"uri":	"http://psi.udir.no/kl06/KM98"' &&
   printf '%s\n' "$blk" | grep -qF '"title":	"utforske og bruke kvadratsetningar'; then
    ok report-goal-official
else
    bad report-goal-official "målet i rapporten mangler official KM98" "$blk"
fi
blk=$(goal_block "$work/r.json" hse3007.telefon)
if [ -n "$blk" ] && ! printf '%s\n' "$blk" | grep -qF '"official"'; then
    ok report-unmapped-goal-plain
else
    bad report-unmapped-goal-plain "et mål uten mapping har official" "$blk"
fi
if "$expect_tool" check "$work/r.json" "$good_expect" > "$work/expect.out" 2>&1; then
    ok report-scores-unchanged
else
    bad report-scores-unchanged "poengene endret seg med mapping" "$(cat "$work/expect.out")"
fi

# --- bad mappings: exit 2 and one line naming the file (and line, and entry)
mk_map() { # FILE OFFICIAL MAP-BODY
    printf '{\n  "format": "skranken-mapping",\n  "format_version": 1,\n  "official_catalog": "%s",\n  "map": {\n%s\n  }\n}\n' "$2" "$3" > "$work/skole/$1"
}
mk_map unknown-id.json KMS9.json '    "hse3006.taushetsplikt": ["KM98"],
    "hse3006.taushet": ["KM99"]'
mk_map unknown-code.json KMS9.json '    "hse3006.taushetsplikt": ["KM98", "KM1234"]'
mk_map bad-json.json KMS9.json '    "hse3006.taushetsplikt": ["KM98"],'
mk_map missing-official.json nope.json '    "hse3006.taushetsplikt": ["KM98"]'
mk_map curriculum-official.json TMF03-02.json '    "hse3006.taushetsplikt": ["KM98"]'
mk_map core-element-official.json ../KE1.json '    "hse3006.taushetsplikt": ["KE1"]'
cp "$fx/KE1.json" "$work/KE1.json"
mk_map not-list.json KMS9.json '    "hse3006.taushetsplikt": "KM98"'
mk_map empty-map.json KMS9.json ''
printf '{"format": "skranken-mapping", "format_version": 1,\n "map": {"hse3006.taushetsplikt": ["KM98"]}}\n' > "$work/skole/no-official.json"
printf '{"format": "skranken-mapping", "format_version": 2, "map": {}}\n' > "$work/skole/version.json"
printf '{"map": {"hse3006.taushetsplikt": ["KM98"]}}\n' > "$work/skole/no-format.json"
head -c 2000 /dev/urandom > "$work/skole/random-map.json"
for via in catalog grep; do
    if [ "$via" = catalog ]; then file="$cat_json"; else file="$work/skole/KMS9.json"; fi
    check map-unknown-id-$via 2 "unknown-id.json:7: \"map\": ukjent arbeidsmål «hse3006.taushet»" -- catalog import "$file" --map "$work/skole/unknown-id.json"
    check map-unknown-code-$via 2 "unknown-code.json:6: \"map\": «hse3006.taushetsplikt»: koden «KM1234» finnes ikke i" -- catalog import "$file" --map "$work/skole/unknown-code.json"
    check map-bad-json-$via 2 "bad-json.json:7: ikke gyldig JSON" -- catalog import "$file" --map "$work/skole/bad-json.json"
    check map-not-list-$via 2 "not-list.json:6: \"map\": «hse3006.taushetsplikt» skal ha en liste" -- catalog import "$file" --map "$work/skole/not-list.json"
    check map-empty-$via 2 "empty-map.json:5: \"map\" er tom" -- catalog import "$file" --map "$work/skole/empty-map.json"
    check map-version-$via 2 "version.json: ukjent format_version" -- catalog import "$file" --map "$work/skole/version.json"
    check map-no-format-$via 2 "no-format.json: ikke en Skranken-mapping" -- catalog import "$file" --map "$work/skole/no-format.json"
    check map-binary-$via 2 "random-map.json:" -- catalog import "$file" --map "$work/skole/random-map.json"
    check map-missing-$via 2 "nope-map.json: filen finnes ikke" -- catalog import "$file" --map "$work/skole/nope-map.json"
done
check map-official-missing 2 "skole/nope.json: filen finnes ikke" -- catalog import "$cat_json" --map "$work/skole/missing-official.json"
check map-official-curriculum 2 "TMF03-02.json: har ingen kompetansemål å koble til" -- catalog import "$cat_json" --map "$work/skole/curriculum-official.json"
check map-official-core-element 2 "KE1.json: KE1: Grep-objektet er et kjerneelement" -- catalog import "$cat_json" --map "$work/skole/core-element-official.json"
check map-no-official 2 "no-official.json: \"official_catalog\" mangler" -- catalog import "$cat_json" --map "$work/skole/no-official.json"
check map-catalog-twice 2 "er selv arbeidskatalogen; --catalog kan ikke brukes" -- catalog import "$cat_json" --map "$work/skole/mapping.json" --catalog "$cat_json"
check map-bad-working-catalog 2 "not-grep.json: ikke en Skranken-katalog" -- catalog import "$work/skole/KMS9.json" --map "$work/skole/mapping.json" --catalog "$work/not-grep.json"
# a mapped catalog that names a goal the scenario does not know is still fine;
# a hand-broken mapped catalog is refused by run like any catalog
sed 's/"format":	"skranken-catalog"/"format":	"x"/' "$work/mapped.json" > "$work/broken-mapped.json"
check run-broken-mapped 2 "broken-mapped.json: ikke en Skranken-katalog" -- run "$scen" --inputs "$good" --catalog "$work/broken-mapped.json" --report "$work/r3.json"

echo "$passes ok, $fails feil"
[ "$fails" -eq 0 ]
