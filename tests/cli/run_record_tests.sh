#!/bin/bash
# tools/record-playthrough.sh, as docs/authoring.md tells an instructor to use it:
# a report becomes NAME.inputs + NAME.expect.json (+ NAME.seed) that replay to
# the same result; bad reports, names and existing files are refused without
# writing anything.
#   run_record_tests.sh SKRANKEN REPORT_EXPECT SOURCE_DIR BUILD_DIR
set -u
skranken=$1 expect_tool=$2 src=$3 build=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" SKRANKEN_BUILD_DIR="$build"
export SKRANKEN_PLAYTHROUGHS="$work/playthroughs"
mkdir -p "$HOME"
record="$src/tools/record-playthrough.sh"
id=telefon-datter-provesvar
scen="$src/scenarios/$id.lua"
passes=0 fails=0
ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1"; fails=$((fails + 1)); }

# A report of the best path (seed 1) and one of another seed doing nothing.
"$skranken" run "$scen" --inputs "$src/tests/playthroughs/$id/riktig.inputs" \
    --trainee "Instruktør" --report "$work/riktig.json" --quiet >/dev/null || bad "run riktig"
printf '# ingenting\n' > "$work/ingenting.inputs"
"$skranken" run "$scen" --inputs "$work/ingenting.inputs" --seed 42 \
    --report "$work/ingenting.json" --quiet >/dev/null || bad "run ingenting"

out=$("$record" "$work/riktig.json" beste-vei "Beste vei" 2>&1); rc=$?
dir="$work/playthroughs/$id"
if [ $rc -eq 0 ] && [ -f "$dir/beste-vei.inputs" ] && [ -f "$dir/beste-vei.expect.json" ] &&
   [ ! -e "$dir/beste-vei.seed" ]; then ok "records inputs and expectation"; else bad "record: $rc $out"; fi
# The recorded actions are exactly the original file's actions.
if diff <(grep -v '^#' "$src/tests/playthroughs/$id/riktig.inputs") \
        <(grep -v '^#' "$dir/beste-vei.inputs") >/dev/null &&
   head -n 1 "$dir/beste-vei.inputs" | grep -qx '# Beste vei'; then
    ok "inputs are the report's input log, with the comment"
else bad "inputs differ"; fi
# The expectation holds the grade and every goal, and the recorded files replay to it.
if grep -q '"grade":[[:space:]]*6' "$dir/beste-vei.expect.json" &&
   grep -q '"hse3006.taushetsplikt":[[:space:]]*6' "$dir/beste-vei.expect.json"; then
    ok "expectation has grade and goal points"
else bad "expectation content"; fi
if "$src/tests/playthroughs/run_playthrough.sh" "$skranken" "$expect_tool" "$scen" \
     "$dir/beste-vei.inputs" "$dir/beste-vei.expect.json" 1 "$work/replay" >/dev/null 2>&1; then
    ok "recorded playthrough passes as a test"
else bad "recorded playthrough does not replay"; fi
# The expectation can fail: the critical-error path does not meet it.
if "$src/tests/playthroughs/run_playthrough.sh" "$skranken" "$expect_tool" "$scen" \
     "$src/tests/playthroughs/$id/gir-svar.inputs" "$dir/beste-vei.expect.json" 1 \
     "$work/replay2" >/dev/null 2>&1; then
    bad "another path also met the expectation"
else ok "another path fails the recorded expectation"; fi

# Another seed is kept in NAME.seed and replays with it.
"$record" "$work/ingenting.json" ingenting >/dev/null 2>&1
if [ "$(cat "$dir/ingenting.seed" 2>/dev/null)" = 42 ] &&
   "$src/tests/playthroughs/run_playthrough.sh" "$skranken" "$expect_tool" "$scen" \
     "$dir/ingenting.inputs" "$dir/ingenting.expect.json" 42 "$work/replay3" >/dev/null 2>&1; then
    ok "seed kept and replayed"
else bad "seed file"; fi

# Refusals: one line, exit 2, nothing written or replaced.
before=$(cat "$dir/beste-vei.inputs" "$dir/beste-vei.expect.json" | sha256sum)
refuse() { # name text -- args
    local name=$1 text=$2; shift 3
    local out rc
    out=$("$record" "$@" 2>&1); rc=$?
    if [ $rc -ne 2 ]; then bad "$name: exit $rc"; echo "$out" | head -3
    elif ! printf '%s' "$out" | grep -qF -- "$text"; then bad "$name: missing «$text»: $out"
    else ok "$name"; fi
}
printf '{"format": "noe annet"}' > "$work/other.json"
head -c 3000 "$work/riktig.json" > "$work/truncated.json"
head -c 2000 /dev/urandom > "$work/binary.json"
: > "$work/empty.json"
sed 's/"telefon-datter-provesvar"/"finnes-ikke"/' "$work/riktig.json" > "$work/unknown.json"
refuse "existing name is not overwritten" "finnes fra før" -- "$work/riktig.json" beste-vei
refuse "missing report" "finnes ikke" -- "$work/nope.json" x
refuse "empty report" "ikke en Skranken-rapport" -- "$work/empty.json" x
refuse "binary report" "ikke en Skranken-rapport" -- "$work/binary.json" x
refuse "truncated report" "ikke en Skranken-rapport" -- "$work/truncated.json" x
refuse "not a report" "ikke en Skranken-rapport" -- "$work/other.json" x
refuse "scenario not in scenarios/" "finnes-ikke" -- "$work/unknown.json" x
refuse "bad name" "bruk a-z" -- "$work/riktig.json" "../ut"
refuse "name with capitals" "bruk a-z" -- "$work/riktig.json" "Beste"
refuse "no arguments" "bruk:" --
refuse "too many arguments" "bruk:" -- a b c d
after=$(cat "$dir/beste-vei.inputs" "$dir/beste-vei.expect.json" | sha256sum)
if [ "$before" = "$after" ] && [ -z "$(ls "$dir" | grep -v -e '^beste-vei\.' -e '^ingenting\.')" ]; then
    ok "nothing replaced, no stray files"
else bad "files changed by a refused call"; ls -la "$dir"; fi

echo "$passes ok, $fails feil"
[ "$fails" -eq 0 ]
