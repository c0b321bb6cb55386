#!/bin/bash
# No lost work (docs/journal.md): a real «skranken run --journal» is killed with
# SIGKILL at many points, resumed with «skranken resume», finished, and its
# report must be the one the uninterrupted attempt gives (identical outside
# "wall", report_expect same). For three scenarios with recorded playthroughs,
# at: the journal just made, after the 1st, a middle and the last action was
# written but not yet applied ("append") and after it was applied ("act"), once
# the trainee asked to finish, with the report's temporary file written but not
# in place, and with the report in place but the journal not yet removed. Each
# time the journal must hold exactly the actions written before the kill.
# Then: an attempt killed again while it was being resumed (three sessions); a
# refused action killed before it was taken back out of the journal; a torn
# last line (half written) and a last line with a bad checksum are ignored; the
# report saved under its default name is found, not saved twice.
#   run_kill_tests.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
skranken=$1 tool=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/xdg
mkdir -p "$HOME"
unset SKRANKEN_TEST_HANG SKRANKEN_TEST_HANG_MARK
. "$(dirname "$0")/lib.sh"
kills=0

# resume_rest DATA JOURNAL INPUTS K REPORT: continues the journal with the
# actions after the first K of INPUTS (or just finishes), saving REPORT.
resume_rest() {
    local data=$1 journal=$2 inputs=$3 k=$4 report=$5 n
    n=$(acts "$inputs" | wc -l)
    if [ "$k" -lt "$n" ]; then
        acts "$inputs" | tail -n +$((k + 1)) > "$work/rest.inputs"
        "$skranken" resume "$journal" --inputs "$work/rest.inputs" --data-dir "$data" \
            ${report:+--report "$report"} --quiet > "$work/resume.out" 2> "$work/resume.err"
    else
        "$skranken" resume "$journal" --finish --data-dir "$data" \
            ${report:+--report "$report"} --quiet > "$work/resume.out" 2> "$work/resume.err"
    fi
}

# One scenario: the uninterrupted report, then a kill at each point.
scenario_kills() { # ID INPUTS SEED
    local id=$1 inputs=$2 seed=$3 n m
    local scen="$src/scenarios/$id.lua" ref="$work/$id-ref.json"
    n=$(acts "$inputs" | wc -l)
    m=$(( (n + 1) / 2 ))
    "$skranken" run "$scen" --inputs "$inputs" --seed "$seed" --trainee "Test Elev" \
        --report "$ref" --quiet > /dev/null || { fail "$id: uavbrutt kjøring"; return; }
    local point want
    for point in start append:1 act:1 append:$m act:$m append:$n act:$n finish report-temp \
                 report-linked; do
        case $point in
        start) want=0 ;;
        append:* | act:*) want=${point#*:} ;;
        *) want=$n ;;
        esac
        local data="$work/$id-${point/:/-}" report="$work/$id-${point/:/-}.json"
        mkdir -p "$data"
        if ! kill_at "$point" "$skranken" run "$scen" --inputs "$inputs" --seed "$seed" \
                --trainee "Test Elev" --journal --data-dir "$data" --report "$report" --quiet; then
            fail "$id $point: stoppet ikke der"
            continue
        fi
        kills=$((kills + 1))
        local journal
        journal=$(journals "$data")
        if [ "$(journal_count "$data")" -ne 1 ]; then
            fail "$id $point: $(journal_count "$data") journaler etter kill -9"
            continue
        fi
        local k
        k=$(records "$journal")
        if [ "$k" -ne "$want" ]; then
            fail "$id $point: journalen har $k handlinger, ventet $want"
            continue
        fi
        local before=""
        case $point in
        report-temp)
            [ ! -e "$report" ] || { fail "$id $point: rapporten finnes før den var lenket"; continue; }
            ;;
        report-linked)
            [ -s "$report" ] || { fail "$id $point: rapporten mangler"; continue; }
            before=$(sha256sum < "$report")
            ;;
        *)
            [ ! -e "$report" ] || { fail "$id $point: en rapport finnes allerede"; continue; }
            ;;
        esac
        if ! resume_rest "$data" "$journal" "$inputs" "$k" "$report"; then
            fail "$id $point: resume feilet"
            sed 's/^/    /' "$work/resume.err" | head -3
            continue
        fi
        if ! "$tool" same "$ref" "$report" > "$work/same.out" 2>&1; then
            fail "$id $point: rapporten er ikke lik den uavbrutte"
            sed 's/^/    /' "$work/same.out" | head -5
            continue
        fi
        if [ -n "$before" ] && [ "$before" != "$(sha256sum < "$report")" ]; then
            fail "$id $point: den lagrede rapporten ble skrevet om"
            continue
        fi
        if [ "$(journal_count "$data")" -ne 0 ]; then
            fail "$id $point: journalen ble ikke fjernet etter rapporten"
            continue
        fi
        ok "$id kill -9 ved $point ($k av $n handlinger i journalen): samme rapport"
    done
}

scenario_kills telefon-datter-provesvar "$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs" 1
scenario_kills blodprove-venos "$src/tests/playthroughs/blodprove-venos/riktig.inputs" 1
scenario_kills full-morgen-2 "$src/tests/playthroughs/full-morgen-2/riktig.inputs" 1

id=telefon-datter-provesvar
scen="$src/scenarios/$id.lua"
inputs="$src/tests/playthroughs/$id/riktig.inputs"
ref="$work/$id-ref.json"
n=$(acts "$inputs" | wc -l)

# --- killed again while resuming: three sessions, one report
data=$work/twice
mkdir -p "$data"
if kill_at act:3 "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
        --journal --data-dir "$data"; then
    kills=$((kills + 1))
    journal=$(journals "$data")
    started=$(sed -n 's/^# started //p' "$journal")
    acts "$inputs" | tail -n +4 > "$work/rest1.inputs"
    if kill_at act:6 "$skranken" resume "$journal" --inputs "$work/rest1.inputs" --data-dir "$data"; then
        kills=$((kills + 1))
        k=$(records "$journal")
        resumed=$(grep -c '^#j resumed ' "$journal")
        if [ "$k" -eq 6 ] && [ "$resumed" -eq 1 ] && resume_rest "$data" "$journal" "$inputs" 6 ""; then
            report=$(ls "$data"/reports/*.json 2>/dev/null)
            if [ "$(echo "$report" | grep -c .)" -eq 1 ] && "$tool" same "$ref" "$report" >/dev/null &&
               [ "$("$tool" field "$report" wall.started)" = "$started" ]; then
                ok "drept to ganger (tre økter): samme rapport, wall.started fra første økt"
            else
                fail "drept to ganger: rapporten"
            fi
        else
            fail "drept to ganger: journalen har $k handlinger og $resumed «resumed»"
            sed 's/^/    /' "$work/resume.err" | head -3
        fi
    else
        fail "drept to ganger: stoppet ikke under resume"
    fi
else
    fail "drept to ganger: stoppet ikke"
fi

# --- a refused action, killed after it was written and before it was taken back
data=$work/refused
mkdir -p "$data"
{ acts "$inputs" | head -n 3; echo "08:02:15 answer 2"; acts "$inputs" | tail -n +4; } > "$work/refused.inputs"
if kill_at append:4 "$skranken" run "$scen" --inputs "$work/refused.inputs" --seed 1 \
        --trainee "Test Elev" --journal --data-dir "$data" --report "$work/refused.json"; then
    kills=$((kills + 1))
    journal=$(journals "$data")
    if [ "$(records "$journal")" -eq 4 ] && tail -n 1 "$journal" | grep -q '^08:02:15 answer 2 ' &&
       resume_rest "$data" "$journal" "$inputs" 3 "$work/refused.json" &&
       "$tool" same "$ref" "$work/refused.json" >/dev/null; then
        ok "avvist handling i journalen da programmet ble drept: droppes, samme rapport"
    else
        fail "avvist handling drept før den ble tatt ut"
        sed 's/^/    /' "$work/resume.err" | head -3
    fi
else
    fail "avvist handling: stoppet ikke"
fi
# ... and without a kill: run stops (exit 1), the journal holds only what was applied
data=$work/refused2
mkdir -p "$data"
"$skranken" run "$scen" --inputs "$work/refused.inputs" --seed 1 --trainee "Test Elev" \
    --journal --data-dir "$data" > /dev/null 2> "$work/refused2.err"
rc=$?
journal=$(journals "$data")
if [ $rc -eq 1 ] && grep -q "refused.inputs:4: passer ikke" "$work/refused2.err" &&
   [ "$(records "$journal")" -eq 3 ] && ! grep -q 'answer 2' "$journal" &&
   resume_rest "$data" "$journal" "$inputs" 3 "$work/refused2.json" &&
   "$tool" same "$ref" "$work/refused2.json" >/dev/null; then
    ok "avvist handling: tas ut av journalen igjen, forsøket kan fortsettes"
else
    fail "avvist handling uten kill (kode $rc)"
    sed 's/^/    /' "$work/refused2.err" | head -3
fi

# --- torn and damaged last lines
data=$work/torn
mkdir -p "$data"
if kill_at act:5 "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
        --journal --data-dir "$data"; then
    kills=$((kills + 1))
    journal=$(journals "$data")
    cp "$journal" "$work/torn.base"
    # half a line: the program was killed in the middle of writing it
    printf '08:03:10 choose datter refu' >> "$journal"
    if resume_rest "$data" "$journal" "$inputs" 5 "$work/torn1.json" &&
       "$tool" same "$ref" "$work/torn1.json" >/dev/null; then
        ok "halvskrevet siste linje ignoreres: samme rapport"
    else
        fail "halvskrevet siste linje"; sed 's/^/    /' "$work/resume.err" | head -3
    fi
    # a whole last line whose checksum does not match (a crash left it damaged)
    cp "$work/torn.base" "$journal"
    printf '08:03:10 choose datter refuse_kindly #j 9 00000000\n' >> "$journal"
    "$skranken" resume "$journal" --inputs "$work/rest.inputs" --data-dir "$data" \
        --report "$work/torn2.json" > "$work/torn2.out" 2>&1
    if grep -q "linje 17 i journalen var halvskrevet" "$work/torn2.out" &&
       "$tool" same "$ref" "$work/torn2.json" >/dev/null; then
        ok "siste linje med feil kontrollsum ignoreres (og det sies fra)"
    else
        fail "siste linje med feil kontrollsum"; sed 's/^/    /' "$work/torn2.out" | head -3
    fi
else
    fail "halvskrevet linje: stoppet ikke"
fi

# --- the report saved under its default name before the kill is found again
data=$work/default
mkdir -p "$data"
if kill_at report-linked "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
        --journal --data-dir "$data"; then
    kills=$((kills + 1))
    journal=$(journals "$data")
    saved=$(ls "$data"/reports/*.json)
    sum=$(sha256sum < "$saved")
    out=$("$skranken" resume "$journal" --finish --data-dir "$data" 2>&1)
    if [ "$(ls "$data"/reports/ | wc -l)" -eq 1 ] && [ "$sum" = "$(sha256sum < "$saved")" ] &&
       printf '%s' "$out" | grep -q "allerede lagret i $saved" && [ "$(journal_count "$data")" -eq 0 ]; then
        ok "rapport lagret før kill (standardnavn): finnes igjen, ikke lagret to ganger"
    else
        fail "rapport lagret før kill (standardnavn)"; echo "$out" | head -3 | sed 's/^/    /'
    fi
else
    fail "rapport lagret før kill: stoppet ikke"
fi

echo "($kills prosesser drept med SIGKILL)"
finish_tests
