#!/bin/bash
# The report's JSON Schema (docs/report-schema-vN.json, N = REPORT_FORMAT_VERSION)
# against every kind of report the test suite produces. Self-contained and
# independent of the order tests run in: it plays the reports itself -
#   - every recorded playthrough (tests/playthroughs/<id>/<name>.inputs, seed from
#     <name>.seed, default 1) in practice mode and, where the scenario allows it,
#     in exam mode;
#   - every scenario with nothing done (the attempt runs out of time);
#   - every folder of recorded exam inputs (tests/exams/*) with the shipped exam
#     set it fits (skranken exam; the summary files are another format and are
#     not validated here);
#   - a playthrough with a catalog mapped to official Grep goals (goals[].official),
#     as the catalog tests make it, and with the largest seeds;
#   - the complete examples of docs/scenario-api.md, through the docs test's own
#     runner;
# - and validates them all, plus any reports other tests left in the build tree
# (<build>/tests/playthroughs). Then checks that the schema, report.h and
# docs/report-format.md name the same format version, that the schema matches
# the engine's action table, event types and happening codes (check_sync.js), and
# that broken copies of a valid report are each rejected (mutate.js).
#   run_schema_tests.sh SKRANKEN REPORT_EXPECT SOURCE_DIR BUILD_TESTS_DIR JS_DIR
set -u
skranken=$1 expect_tool=$2 src=$3 build=$4 js=$5
here="$src/tests/schema"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
unset SKRANKEN_SCENARIOS SKRANKEN_ASSETS
export NODE_PATH="$js/node_modules"
mkdir -p "$HOME"
reports="$work/reports"
mkdir -p "$reports"
passes=0 fails=0

ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1: $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | head -8 | sed 's/^/    /'; fails=$((fails + 1)); }
finish() { echo "$passes passed, $fails failed"; [ "$fails" -eq 0 ]; exit; }

if ! node -e 'require("ajv/dist/2020"); require("ajv-formats")' 2>/dev/null; then
    bad js-modules "ajv mangler i $js/node_modules (testen js.setup installerer den)"
    finish
fi

# --- one format version everywhere
v_h=$(sed -n 's/^#define REPORT_FORMAT_VERSION \([0-9][0-9]*\)$/\1/p' "$src/engine/report/report.h")
v_doc=$(sed -n '1s/^# Report format (version \([0-9][0-9]*\))$/\1/p' "$src/docs/report-format.md")
schema="$src/docs/report-schema-v$v_h.json"
if [ -z "$v_h" ]; then
    bad version-report-h "fant ikke #define REPORT_FORMAT_VERSION i engine/report/report.h"
    finish
fi
if [ "$v_doc" = "$v_h" ]; then ok "version-doc-heading ($v_h)"
else bad version-doc-heading "docs/report-format.md sier versjon «$v_doc», report.h $v_h"; fi
if [ ! -r "$schema" ]; then
    bad version-schema-file "$schema mangler (ny format_version: ny skjemafil)"
    finish
fi
# shellcheck disable=SC2016 # JavaScript, not shell
v_schema=$(node -e 'const s = require(process.argv[1]);
    console.log(s.properties.format_version.const + " " + s.$id)' "$schema" 2>&1)
if [ "$v_schema" = "$v_h urn:skranken:report:v$v_h" ]; then ok version-schema
else bad version-schema "skjemaet har format_version og \$id «$v_schema», report.h $v_h"; fi
if grep -qF "docs/report-schema-v$v_h.json" "$src/docs/report-format.md"; then ok version-doc-names-schema
else bad version-doc-names-schema "docs/report-format.md nevner ikke docs/report-schema-v$v_h.json"; fi

# --- the schema says what the engine writes
if out=$(node "$here/check_sync.js" "$schema" "$src" 2>&1); then ok "schema-matches-engine ($(printf '%s\n' "$out" | grep -c '^ok') checks)"
else bad schema-matches-engine "check_sync.js" "$(printf '%s\n' "$out" | grep -v '^ok')"; fi

# run NAME ARGS...: skranken run ... --report $reports/NAME.json --quiet; exit code in $rc
run() {
    local name=$1
    shift
    out=$("$skranken" run "$@" --report "$reports/$name.json" --quiet 2>&1)
    rc=$?
}

# --- every recorded playthrough, practice and exam
played=0 exam_refused=0
for input in "$src"/tests/playthroughs/*/*.inputs; do
    dir=$(dirname "$input")
    id=$(basename "$dir")
    name=$(basename "$input" .inputs)
    seed=1
    [ -f "$dir/$name.seed" ] && seed=$(head -n 1 "$dir/$name.seed")
    for mode in practice exam; do
        run "playthrough.$id.$name.$mode" "$src/scenarios/$id.lua" --inputs "$input" --seed "$seed" \
            --mode "$mode" --trainee "Test Elev"
        if [ $rc -eq 0 ]; then
            played=$((played + 1))
        elif [ $mode = exam ] && [ $rc -eq 2 ] && printf '%s' "$out" | grep -q "kan ikke spilles i eksamensmodus"; then
            exam_refused=$((exam_refused + 1))
        else
            bad "play $id/$name ($mode)" "avslutningskode $rc" "$out"
        fi
    done
done
if [ $played -gt 0 ]; then ok "played-playthroughs ($played reports, $exam_refused not allowed in exam mode)"
else bad played-playthroughs "ingen playthroughs"; fi

# --- every scenario with nothing done (time runs out)
printf '# ingenting\n' > "$work/nothing.inputs"
played=0
for scen in "$src"/scenarios/*.lua; do
    id=$(basename "$scen" .lua)
    for mode in practice exam; do
        run "nothing.$id.$mode" "$scen" --inputs "$work/nothing.inputs" --mode "$mode"
        if [ $rc -eq 0 ]; then
            played=$((played + 1))
        elif ! { [ $mode = exam ] && [ $rc -eq 2 ] &&
                 printf '%s' "$out" | grep -q "kan ikke spilles i eksamensmodus"; }; then
            bad "play $id with nothing done ($mode)" "avslutningskode $rc" "$out"
        fi
    done
done
ok "played-nothing-done ($played reports)"

# --- the shipped exam sets, from every folder of recorded exam inputs
summaries=0
for inputs_dir in "$src"/tests/exams/*/; do
    inputs_dir=${inputs_dir%/}
    set_id=""
    for manifest in "$src"/assets/exams/*.json; do
        ids=$(node -e 'for (const s of require(process.argv[1]).scenarios) console.log(s.id)' "$manifest")
        fits=1
        for sid in $ids; do [ -f "$inputs_dir/$sid.inputs" ] || fits=0; done
        if [ -n "$ids" ] && [ $fits -eq 1 ]; then set_id=$(basename "$manifest" .json); break; fi
    done
    if [ -z "$set_id" ]; then
        bad "exam $(basename "$inputs_dir")" "ingen eksamenssett i assets/exams passer inputs-filene"
        continue
    fi
    dest="$work/exam/$(basename "$inputs_dir")"
    out=$("$skranken" exam "$set_id" --inputs-dir "$inputs_dir" --trainee "Kari Elev" --report-dir "$dest" 2>&1)
    rc=$?
    if [ $rc -ne 0 ]; then
        bad "exam $set_id $(basename "$inputs_dir")" "avslutningskode $rc" "$out"
        continue
    fi
    n=0
    for f in "$dest"/*.json; do
        if grep -qF '"format":	"skranken-exam-result"' "$f"; then
            summaries=$((summaries + 1))
        else
            cp "$f" "$reports/exam.$(basename "$inputs_dir").$(basename "$f")"
            n=$((n + 1))
        fi
    done
    ok "played-exam $set_id with $(basename "$inputs_dir") ($n reports)"
done

# --- goals[].official: our catalog mapped onto the Grep sample's codes
mkdir -p "$work/skole"
cp "$src/tests/fixtures/grep/KMS9.json" "$work/skole/KMS9.json"
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
if out=$("$skranken" catalog import "$src/assets/catalog.json" --map "$work/skole/mapping.json" \
          --out "$work/mapped.json" 2>&1); then
    good="$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs"
    for mode in practice exam; do
        run "official.$mode" telefon-datter-provesvar --inputs "$good" --catalog "$work/mapped.json" --mode "$mode"
        [ $rc -eq 0 ] || bad "official ($mode)" "avslutningskode $rc" "$out"
    done
    if grep -qF '"official":' "$reports/official.practice.json" 2>/dev/null; then ok played-official
    else bad played-official "rapporten har ingen goals[].official"; fi
else
    bad mapped-catalog "skranken catalog import --map feilet" "$out"
fi

# --- the seed's whole range
for seed in 0 999999999999999 9007199254740991; do
    run "seed.$seed" telefon-datter-provesvar \
        --inputs "$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs" --seed "$seed"
    if [ $rc -eq 0 ]; then ok "played-seed $seed"; else bad "played-seed $seed" "avslutningskode $rc" "$out"; fi
done

# --- the examples of docs/scenario-api.md, through the docs test's runner: a
# wrapper hands it skranken and keeps a copy of every report it saves
mkdir -p "$reports/docs"
cat > "$work/skranken-keep" <<EOF
#!/bin/sh
"$skranken" "\$@"
rc=\$?
prev=
for a in "\$@"; do
    if [ "\$prev" = --report ] && [ -f "\$a" ]; then cp "\$a" "$reports/docs/doc.\$(basename "\$a")"; fi
    prev=\$a
done
exit \$rc
EOF
chmod +x "$work/skranken-keep"
sh "$src/tests/docs/run_doc_examples.sh" "$work/skranken-keep" "$expect_tool" "$src/docs/scenario-api.md" \
    > "$work/docs.out" 2>&1 # its own test judges the examples; here only their reports count
n=$(find "$reports/docs" -name '*.json' -type f | wc -l)
if [ "$n" -gt 0 ]; then ok "played-doc-examples ($n reports)"
else bad played-doc-examples "ingen rapporter fra eksemplene" "$(cat "$work/docs.out")"; fi

# --- reports other tests left in the build tree (copied: a test running now may
# be replacing one; reports are linked into place whole, so a copy is complete).
# Only those written since the program was last built: older ones may come from
# an earlier format and are rewritten when their own tests run again.
mkdir -p "$reports/build-tree"
n=0
if [ -d "$build/playthroughs" ]; then
    while IFS= read -r f; do
        rel=${f#"$build/playthroughs/"}
        if cp "$f" "$reports/build-tree/${rel//\//.}" 2>/dev/null; then n=$((n + 1)); fi
    done < <(find "$build/playthroughs" -name '*.json' -type f -newer "$skranken" | sort)
fi
ok "build-tree-reports ($n found)"

# --- validate them all
total=$(find "$reports" -name '*.json' -type f | wc -l)
# --strict-names: a name given twice in one object (which a schema cannot see)
# is an error too; format 1 had one in every typed answer.
out=$(node "$here/validate.js" --strict-names "$schema" "$reports" 2>&1)
rc=$?
if [ $rc -eq 0 ]; then
    ok "all-reports-valid ($total reports)"
else
    bad all-reports-valid "$(printf '%s\n' "$out" | grep -c ': /') feil" \
        "$(printf '%s\n' "$out" | sed "s|$reports/||")"
fi
echo "validated $total reports"

# --- negative controls: each broken copy of a valid report is rejected, at the
# right place
base="$reports/playthrough.telefon-datter-provesvar.riktig.practice.json"
neg="$work/negative"
if ! node "$here/mutate.js" "$base" "$neg" > "$work/cases" 2> "$work/mutate.err"; then
    bad negative-controls "mutate.js feilet" "$(cat "$work/mutate.err")"
    finish
fi
# one run over all the copies (and the unbroken original, which must pass)
out=$(node "$here/validate.js" "$schema" "$neg" 2>&1)
rc=$?
out=$(printf '%s\n' "$out" | grep -v '^warning: ')
if [ $rc -ne 1 ]; then bad negative-exit "avslutningskode $rc, ventet 1" "$out"; fi
if printf '%s\n' "$out" | grep -qF -- "$neg/original.json: "; then
    bad negative-original-valid "" "$(printf '%s\n' "$out" | grep -F -- "$neg/original.json: ")"
else
    ok negative-original-valid
fi
rejected=0
while IFS="$(printf '\t')" read -r name where; do
    if printf '%s\n' "$out" | grep -qF -- "$neg/$name.json: $where: "; then
        rejected=$((rejected + 1))
    else
        bad "negative $name" "ikke avvist ved $where" "$(printf '%s\n' "$out" | grep -F -- "$neg/$name.json: ")"
    fi
done < "$work/cases"
cases=$(grep -c . "$work/cases")
if [ "$rejected" -eq "$cases" ] && [ "$cases" -gt 0 ]; then ok "negative-controls ($rejected of $cases rejected)"
else bad negative-controls "$rejected av $cases ble avvist"; fi

# The validator itself: a name given twice is an error with --strict-names, and
# a folder with no reports is not a pass.
sed '2s/^/\t"format":\t"skranken-report",\n/' "$neg/original.json" > "$work/twice.json"
if out=$(node "$here/validate.js" "$schema" "$work/twice.json" 2>&1) && printf '%s\n' "$out" | grep -qF "warning: $work/twice.json: /format: the name \"format\" is given twice"; then
    ok validator-names-twice-warned
else
    bad validator-names-twice-warned "" "$out"
fi
out=$(node "$here/validate.js" --strict-names "$schema" "$work/twice.json" 2>&1)
if [ $? -eq 1 ] && printf '%s\n' "$out" | grep -qF "$work/twice.json: /format: the name"; then ok validator-strict-names
else bad validator-strict-names "" "$out"; fi
mkdir -p "$work/empty"
out=$(node "$here/validate.js" "$schema" "$work/empty" 2>&1)
if [ $? -eq 1 ]; then ok validator-no-files-fails; else bad validator-no-files-fails "" "$out"; fi

finish
