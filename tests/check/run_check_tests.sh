#!/bin/bash
# Table-driven tests of `skranken check` and `skranken new`: every case gives its
# arguments, the exit code it must end with, and a text its output must contain
# (file names and line numbers included). Then: a failing path printed by check
# is replayed with `skranken run` and fails the same way; check gives the same
# output twice; `new` writes a template that passes check and whose best path
# reaches full points; `new` never overwrites.
#   run_check_tests.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
skranken=$1 expect_tool=$2 src=$3
case $skranken in /*) ;; *) skranken=$(pwd)/$skranken ;; esac
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
fx="$src/tests/check/fixtures"
good="$src/scenarios/telefon-datter-provesvar.lua"
passes=0 fails=0

# --- files that cannot be read at all
: > "$work/empty.lua"
mkdir -p "$work/a-dir.lua"
head -c 2000 /dev/urandom > "$work/random.lua"
printf '\033LuaT\0\031\223\r\n' > "$work/bytecode.lua"
{ cat "$good"; head -c 1100000 /dev/zero | tr '\0' '-'; } > "$work/huge.lua"
head -c 600 "$fx/fault-on-path.lua" > "$work/truncated.lua"
printf '{"format": "skranken-catalog",\n "format_version": 1,\n "goals": [ {"id": }\n]}\n' > "$work/bad-catalog.json"

check() { # name want_exit want_text -- args...
    local name=$1 want=$2 text=$3
    shift 4
    local out rc
    out=$(cd "$work" && timeout -s KILL 120 "$skranken" "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FEIL $name: avslutningskode $rc, ventet $want"; echo "$out" | head -8 | sed 's/^/    /'
        fails=$((fails + 1))
    elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
        echo "FEIL $name: mangler «$text»"; echo "$out" | head -8 | sed 's/^/    /'
        fails=$((fails + 1))
    elif [ "$want" -eq 2 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -gt 1 ]; then
        echo "FEIL $name: mer enn én linje for en fil som ikke kan leses eller feil bruk"
        echo "$out" | head -5 | sed 's/^/    /'
        fails=$((fails + 1))
    else
        echo "ok   $name"
        passes=$((passes + 1))
    fi
}

# --- wrong arguments
check help 0 "--paths N" -- check --help
check no-file 2 "skranken check: FIL mangler" -- check
check unknown-option 2 "ukjent valg «--fast»" -- check "$good" --fast
check paths-no-value 2 "--paths mangler en verdi" -- check "$good" --paths
check paths-zero 2 "--paths må være et heltall 1-100000" -- check "$good" --paths 0
check paths-word 2 "--paths må være et heltall" -- check "$good" --paths mange
check seeds-too-many 2 "--seeds må være et heltall 1-100" -- check "$good" --seeds 101
check strict-with-value 2 "--strict tar ingen verdi" -- check "$good" --strict=ja
check catalog-missing 2 "nope.json: filen finnes ikke" -- check "$good" --catalog "$work/nope.json"
check catalog-bad 2 "bad-catalog.json:3: ikke gyldig JSON" -- check "$good" --catalog "$work/bad-catalog.json"

# --- bad input files: one line naming the file, exit 2
check file-missing 2 "skranken check: $work/nope.lua: filen finnes ikke" -- check "$work/nope.lua"
check id-missing 2 "nope.lua: filen finnes ikke" -- check nope
check file-empty 2 "empty.lua: filen er tom" -- check "$work/empty.lua"
check file-directory 2 "a-dir.lua: er ikke en vanlig fil" -- check "$work/a-dir.lua"
check file-binary 2 "random.lua: ikke en tekstfil" -- check "$work/random.lua"
check file-bytecode 2 "bytecode.lua: ikke en tekstfil" -- check "$work/bytecode.lua"
check file-huge 2 "huge.lua: filen er for stor" -- check "$work/huge.lua"
# A truncated file is readable: its syntax error is a finding with a line.
check file-truncated 1 "truncated.lua:10: kan ikke lastes: <name> expected near <eof>" -- check "$work/truncated.lua"

# --- good files pass
check good-file 0 "telefon-datter-provesvar.lua: ingen funn" -- check "$good"
check good-by-id 0 "ingen funn" -- check telefon-datter-provesvar
check good-table 0 "hse3006.taushetsplikt" -- check "$good" --paths 50
check exam-only 0 "exam-only.lua: ingen funn" -- check "$fx/exam-only.lua"
check best-path 0 "choose datter verify" -- check "$good" --best

# --- each kind of finding, with its file and line
check syntax 1 "syntax-error.lua:7: kan ikke lastes: '}' expected" -- check "$fx/syntax-error.lua"
check api-misuse 1 "api-misuse.lua:6: kan ikke lastes: I innlasting: desk.arrive kan bare brukes inne i en hendelse" -- check "$fx/api-misuse.lua"
check unknown-goal 1 "unknown-goal.lua:2: kan ikke lastes: I innlasting: scenario: ukjent mål «hse3006.taushet»" -- check "$fx/unknown-goal.lua"
check real-fnr 1 "real-fnr.lua:5: kan ikke lastes: et gyldig fødselsnummer i det virkelige området" -- check "$fx/real-fnr.lua"
check synthetic-fnr-check-digit 1 "bad-fnr.lua:10: fødselsnummeret 15859012343 ser syntetisk ut (måned + 80), men er ugyldig: andre kontrollsiffer stemmer ikke" -- check "$fx/bad-fnr.lua"
check h-number 1 "bad-fnr.lua:11: fødselsnummeret 15459012017 er et H-nummer" -- check "$fx/bad-fnr.lua"
check missing-summary 1 "missing-meta.lua:3: scenario{} mangler feltet summary" -- check "$fx/missing-meta.lua"
check missing-modes 1 "missing-meta.lua:3: scenario{} mangler feltet modes" -- check "$fx/missing-meta.lua"
check wrong-id 1 "wrong-id.lua:2: id «et-annet-navn» er ikke lik filnavnet «wrong-id.lua»" -- check "$fx/wrong-id.lua"
check score-undeclared-goal 1 "score-goal.lua:11: score.award: målet «hse3007.timebok» står ikke i goals" -- check "$fx/score-goal.lua"
check latin1 1 "latin1.lua:1: linjen er ikke gyldig UTF-8-tekst" -- check "$fx/latin1.lua"
check fault-on-path 1 "fault-on-path.lua:12: feil i skriptet" -- check "$fx/fault-on-path.lua"
check fault-message 1 "attempt to call a nil value (global 'ukjent_funksjon')" -- check "$fx/fault-on-path.lua"
check budget-on-path 1 "budget-on-path.lua:8: for mye regnetid eller minne" -- check "$fx/budget-on-path.lua"
check endless-load 1 "endless-load.lua:5: kan ikke lastes: I innlasting: instruksjonsbudsjettet" -- check "$fx/endless-load.lua"
check never-ends 1 "never-ends.lua: blir aldri ferdig" -- check "$fx/never-ends.lua"
check zero-wait 1 "zero-wait.lua: for mye regnetid eller minne" -- check "$fx/zero-wait.lua"
check impossible-goal 1 "impossible-goal.lua:7: målet «hse3007.prioritering» er umulig å oppnå: ingen vei ga poeng for det" -- check "$fx/impossible-goal.lua"
check under-max-warns 0 "under-max.lua:6: advarsel: målet «hse3007.telefon» ga høyst 2 av 4 poeng" -- check "$fx/under-max.lua"
check under-max-strict 1 "under-max.lua:6: målet «hse3007.telefon» ga høyst 2 av 4 poeng" -- check "$fx/under-max.lua" --strict
# Several files: each is checked, and the worst exit code wins.
check several-files 1 "3 filer, 1 med funn, 0 kunne ikke leses" -- check "$good" "$fx/exam-only.lua" "$fx/wrong-id.lua"
out=$("$skranken" check "$fx/exam-only.lua" "$work/nope.lua" --quiet 2>"$work/several.err")
rc=$?
if [ $rc -eq 2 ] && printf '%s' "$out" | grep -qF "2 filer, 0 med funn, 1 kunne ikke leses" &&
   [ "$(cat "$work/several.err")" = "skranken check: $work/nope.lua: filen finnes ikke" ]; then
    echo "ok   several-one-unreadable"; passes=$((passes + 1))
else
    echo "FEIL several-one-unreadable: avslutningskode $rc"; cat "$work/several.err"; fails=$((fails + 1))
fi

# Wrong bytes in arguments: one line, exit 2.
check file-name-escape 2 "kontrolltegn" -- check "$work/$(printf 'a\033[31mb').lua"
check new-name-newline 2 "kontrolltegn" -- new "$(printf 'a\nb')"

# Lua shortens long file names in its messages; the finding still has the line.
deep="$work/en/mappe/med/et/ganske/langt/navn/slik/at/lua/maa/forkorte/det/i/meldingene"
mkdir -p "$deep" && cp "$fx/fault-on-path.lua" "$deep/"
check long-path 1 "$deep/fault-on-path.lua:12: feil i skriptet" -- check "$deep/fault-on-path.lua" --quiet

# Every hostile scenario of tests/hostile: a finding naming the file (exit 1), in
# bounded time (the timeout in check()), no crash.
for f in "$src"/tests/hostile/*.lua; do
    check "hostile-$(basename "$f" .lua)" 1 "$(basename "$f"):" -- check "$f" --quiet
done

# The path check prints for a fault reproduces it with skranken run.
out=$("$skranken" check "$fx/fault-on-path.lua" 2>&1)
seed=$(printf '%s\n' "$out" | sed -n 's/.*gjenta: skranken run .* --seed \([0-9]*\).*/\1/p' | head -n 1)
printf '%s\n' "$out" | sed -n '/gjenta: skranken run/,/^[^ ]/p' | grep '^      ' | sed 's/^      //' > "$work/vei.inputs"
run_out=$("$skranken" run "$fx/fault-on-path.lua" --seed "${seed:-1}" --inputs "$work/vei.inputs" --data-dir "$work/d" 2>&1)
run_rc=$?
if [ -s "$work/vei.inputs" ] && [ $run_rc -eq 2 ] && printf '%s' "$run_out" | grep -qF "fault-on-path.lua:12:"; then
    echo "ok   fault-path-reproduces"; passes=$((passes + 1))
else
    echo "FEIL fault-path-reproduces: skranken run ga $run_rc"; sed 's/^/    /' "$work/vei.inputs"
    printf '%s\n' "$run_out" | head -3 | sed 's/^/    /'
    fails=$((fails + 1))
fi

# Same file, same options: the same output, byte for byte.
a=$("$skranken" check "$good" --paths 80 2>&1)
b=$("$skranken" check "$good" --paths 80 2>&1)
if [ "$a" = "$b" ]; then
    echo "ok   deterministic"; passes=$((passes + 1))
else
    echo "FEIL deterministic: to kjøringer ga ulik utskrift"; fails=$((fails + 1))
fi

# --- skranken new
check new-help 0 "--dir MAPPE" -- new --help
check new-no-name 2 "skranken new: NAVN mangler" -- new
check new-bad-name 2 "«Min_Vakt» er ikke et gyldig navn" -- new Min_Vakt
check new-dash-first 2 "er ikke et gyldig navn" -- new -- -vakt
check new-with-lua 2 "skriv NAVN uten .lua" -- new min-vakt.lua
check new-two-names 2 "for mange argumenter" -- new a b
check new-unknown-option 2 "ukjent valg «--force»" -- new min-vakt --force
check new-missing-dir 2 "skranken new: $work/nope: mappen finnes ikke" -- new min-vakt --dir "$work/nope"
check new-writes 0 "Skrev min-vakt.lua" -- new min-vakt
check new-exists 2 "min-vakt.lua: finnes allerede (skrives aldri over)" -- new min-vakt
mkdir -p "$work/mal"
check new-dir 0 "skranken check $work/mal/annen-vakt.lua" -- new annen-vakt --dir "$work/mal"
if grep -q 'id = "min-vakt"' "$work/min-vakt.lua" && ! grep -q 'skranken-mal' "$work/min-vakt.lua"; then
    echo "ok   new-id-replaced"; passes=$((passes + 1))
else
    echo "FEIL new-id-replaced: id-en i malen ble ikke byttet ut"; fails=$((fails + 1))
fi
# Nothing overwritten: an existing file keeps its content.
echo "-- mitt eget" > "$work/mitt.lua"
check new-keeps-file 2 "finnes allerede" -- new mitt
if [ "$(cat "$work/mitt.lua")" = "-- mitt eget" ]; then
    echo "ok   new-nothing-overwritten"; passes=$((passes + 1))
else
    echo "FEIL new-nothing-overwritten: en fil som fantes, ble endret"; fails=$((fails + 1))
fi
# The template passes check as generated (no findings, every goal at its maximum).
check template-passes 0 "min-vakt.lua: ingen funn" -- check min-vakt.lua
check template-no-warning 0 "beste vei: 8 av 8 poeng" -- check min-vakt.lua --strict
# ... and the recorded best path through it reaches full points.
for seed in 1 2; do
    rm -f "$work/mal.json"
    if "$skranken" run "$work/min-vakt.lua" --inputs "$src/tests/check/template-best.inputs" \
           --seed $seed --report "$work/mal.json" --quiet >/dev/null 2>"$work/mal.err" &&
       "$expect_tool" check "$work/mal.json" "$src/tests/check/template-best.expect.json" >/dev/null; then
        echo "ok   template-best-path-seed-$seed"; passes=$((passes + 1))
    else
        echo "FEIL template-best-path-seed-$seed"; head -3 "$work/mal.err" | sed 's/^/    /'
        fails=$((fails + 1))
    fi
done

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
