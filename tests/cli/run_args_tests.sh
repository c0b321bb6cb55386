#!/bin/bash
# Every subcommand with missing, extra, wrong-type and hostile arguments: each
# case must give exactly one line on stderr that starts with "skranken" and
# names the problem, nothing on stdout, exit code 2, no crash, and no file
# written anywhere. Table-driven: one line per case.
#   run_args_tests.sh SKRANKEN SOURCE_DIR
set -u
skranken=$1 src=$2
case $skranken in /*) ;; *) skranken=$(pwd)/$skranken ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER
mkdir -p "$HOME" "$work/cwd"
cd "$work/cwd" || exit 2
scen="$src/scenarios/telefon-datter-provesvar.lua"
inputs="$src/tests/playthroughs/telefon-datter-provesvar/riktig.inputs"
long=$(head -c 100000 /dev/zero | tr '\0' 'x')
esc=$'\e[31mrød\e[0m'
nl=$'to\nlinjer'
passes=0 fails=0

case_() { # name text -- args...
    local name=$1 text=$2
    shift 3
    local rc
    timeout -s KILL 30 "$skranken" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    local lines
    lines=$(grep -c '' "$work/err")
    local problem=""
    if [ $rc -ne 2 ]; then problem="avslutningskode $rc, ventet 2"
    elif [ "$lines" -ne 1 ]; then problem="$lines linjer på stderr, ventet én"
    elif ! head -n 1 "$work/err" | grep -q '^skranken'; then problem="linjen begynner ikke med «skranken»"
    elif [ -n "$text" ] && ! grep -qF -- "$text" "$work/err"; then problem="mangler «$text»"
    elif [ -s "$work/out" ]; then problem="skrev til stdout"
    elif LC_ALL=C grep -q $'\e' "$work/err"; then problem="et escape-tegn nådde terminalen"
    elif [ "$(wc -c < "$work/err")" -gt 600 ]; then problem="linjen er over 600 byte"
    elif [ -n "$(find "$work/cwd" "$HOME" -mindepth 1)" ] || [ -d "$XDG_DATA_HOME" ]; then problem="skrev filer"
    fi
    if [ -n "$problem" ]; then
        echo "FEIL $name: $problem"; head -c 300 "$work/err" | sed 's/^/    /'; echo
        fails=$((fails + 1))
        rm -rf "$work/cwd"/* "$HOME"/* "$XDG_DATA_HOME"
    else
        passes=$((passes + 1))
    fi
}

# --- the program itself
case_ unknown-command "ukjent kommando" -- frobnicate
case_ unknown-command-escape "ukjent kommando" -- "$esc"
case_ unknown-command-long "ukjent kommando" -- "$long"
case_ help-extra "tar ingen argumenter" -- --help extra
case_ version-extra "tar ingen argumenter" -- --version extra

# Each subcommand: an unknown option, a long and an escape-laden one.
for cmd in run play "catalog import" exam verify summary export-xapi new check resume; do
    # shellcheck disable=SC2086 # "catalog import" is two words
    case_ "$cmd-unknown-option" "ukjent valg" -- $cmd --frobnicate
    case_ "$cmd-unknown-option-escape" "kontrolltegn" -- $cmd "--$esc"
    case_ "$cmd-unknown-option-long" "for langt" -- $cmd "--$long"
    case_ "$cmd-help-with-value" "tar ingen verdi" -- $cmd --help=ja
done

# --- run
case_ run-no-scenario "SCENARIO mangler" -- run
case_ run-no-inputs "--inputs" -- run "$scen"
case_ run-inputs-no-value "mangler en verdi" -- run "$scen" --inputs
case_ run-inputs-empty-value "tom verdi" -- run "$scen" --inputs=
case_ run-inputs-twice "to ganger" -- run "$scen" --inputs "$inputs" --inputs "$inputs"
case_ run-extra-positional "for mange argumenter" -- run "$scen" extra --inputs "$inputs"
case_ run-seed-word "--seed" -- run "$scen" --inputs "$inputs" --seed tolv
case_ run-seed-negative "--seed" -- run "$scen" --inputs "$inputs" --seed -1
case_ run-seed-huge "--seed" -- run "$scen" --inputs "$inputs" --seed 9007199254740992
case_ run-seed-float "--seed" -- run "$scen" --inputs "$inputs" --seed 1.5
case_ run-mode-wrong "--mode" -- run "$scen" --inputs "$inputs" --mode turbo
case_ run-quiet-value "tar ingen verdi" -- run "$scen" --inputs "$inputs" --quiet=1
case_ run-missing-scenario "finnes" -- run "$work/nope.lua" --inputs "$inputs"
case_ run-scenario-escape "kontrolltegn" -- run "$work/$esc.lua" --inputs "$inputs"
case_ run-scenario-newline "kontrolltegn" -- run "$work/$nl.lua" --inputs "$inputs"
case_ run-scenario-long "for langt" -- run "$work/$long.lua" --inputs "$inputs"
case_ run-inputs-newline "kontrolltegn" -- run "$scen" --inputs "$work/$nl.inputs"
case_ run-trainee-tab "kontrolltegn" -- run "$scen" --inputs "$inputs" --trainee $'Kari\tElev'
case_ run-trainee-long "for langt" -- run "$scen" --inputs "$inputs" --trainee "$long"
case_ run-inputs-dir "" -- run "$scen" --inputs "$work"
case_ run-trainee-control "kontrolltegn" -- run "$scen" --inputs "$inputs" --trainee "$esc"

# --- play (no display here: options are checked before the window opens)
case_ play-extra-positional "for mange argumenter" -- play "$scen" extra
case_ play-seed-word "--seed" -- play --seed tolv
case_ play-speed-word "--speed" -- play --speed fort
case_ play-speed-range "--speed" -- play --speed 1000
case_ play-size-wrong "--size" -- play --size stor
case_ play-size-tiny "--size" -- play --size 10x10
case_ play-lang-wrong "--lang" -- play --lang de
case_ play-mode-wrong "--mode" -- play --mode turbo
case_ play-frame-log-and-first-frame "hver sin måling" -- play --frame-log "$work/f.txt" --exit-after-first-frame
case_ play-frame-log-no-value "--frame-log" -- play --frame-log
case_ play-first-frame-value "tar ingen verdi" -- play --exit-after-first-frame=ja

# --- catalog
case_ catalog-no-action "" -- catalog
case_ catalog-unknown-action-option "ukjent underkommando" -- catalog --frobnicate
case_ catalog-wrong-action "" -- catalog export x.json
case_ catalog-import-no-file "" -- catalog import
case_ catalog-import-extra "for mange argumenter" -- catalog import a.json b.json
case_ catalog-import-missing "finnes" -- catalog import "$work/nope.json"
case_ catalog-import-escape "kontrolltegn" -- catalog import "$work/$esc.json"

# --- exam
case_ exam-no-manifest "" -- exam
case_ exam-no-inputs-dir "--inputs-dir" -- exam hse3008-ovingseksamen
case_ exam-extra "for mange argumenter" -- exam hse3008-ovingseksamen extra --inputs-dir "$work"
case_ exam-unknown-set "finnes ikke" -- exam ukjent-sett --inputs-dir "$work"
case_ exam-set-escape "kontrolltegn" -- exam "$esc" --inputs-dir "$work"
case_ exam-list-value "tar ingen verdi" -- exam hse3008-ovingseksamen --list=ja

# --- verify, summary, export-xapi
case_ verify-nothing "" -- verify
case_ verify-scenarios-no-value "mangler en verdi" -- verify x.json --scenarios
case_ summary-nothing "" -- summary
case_ summary-csv-no-value "mangler en verdi" -- summary "$work" --csv
case_ summary-html-empty "tom verdi" -- summary "$work" --html=
case_ export-xapi-nothing "" -- export-xapi
case_ export-xapi-out-no-value "mangler en verdi" -- export-xapi x.json --out
case_ export-xapi-base-iri-bad "--base-iri" -- export-xapi x.json --base-iri "ikke en adresse"
case_ export-xapi-homepage-bad "--homepage" -- export-xapi x.json --homepage "ftp://skole"
case_ export-xapi-homepage-escape "kontrolltegn" -- export-xapi x.json --homepage "$esc"

# --- new, check, resume
case_ new-no-name "" -- new
case_ new-bad-name "" -- new "Min Vakt"
case_ new-path-name "" -- new ../ut
case_ new-extra "for mange argumenter" -- new a b
case_ new-escape "kontrolltegn" -- new "$esc"
case_ new-dir-missing "" -- new min-vakt --dir "$work/finnes-ikke"
case_ check-nothing "" -- check
case_ check-paths-word "--paths" -- check "$scen" --paths mange
case_ check-seeds-zero "--seeds" -- check "$scen" --seeds 0
case_ check-missing-file "finnes ikke" -- check "$work/nope.lua"
case_ check-escape "kontrolltegn" -- check "$work/$esc.lua"
case_ resume-extra "for mange argumenter" -- resume a.journal b.journal
case_ resume-missing "" -- resume "$work/nope.journal" --finish
case_ resume-finish-and-inputs "" -- resume "$work/nope.journal" --finish --inputs "$inputs"
case_ resume-escape "kontrolltegn" -- resume "$work/$esc.journal"
case_ play-resume-missing "" -- play --resume "$work/nope.journal"
case_ run-journal-value "tar ingen verdi" -- run "$scen" --inputs "$inputs" --journal=ja

echo "$passes ok, $fails feil"
[ $fails -eq 0 ]
