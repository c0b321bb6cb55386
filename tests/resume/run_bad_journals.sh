#!/bin/bash
# «skranken resume» with bad input (docs/journal.md): missing, empty, truncated,
# binary, huge and hostile journals, a journal whose scenario changed or is
# gone, damaged records, continuation files that do not fit, and wrong
# arguments. Each must end with one clear bokmål line naming the file (and
# line), the documented exit code, no crash, and the journal left exactly as it
# was (no lost work); nothing may be written outside the data folder. Also the
# list of unfinished attempts and --discard.
#   run_bad_journals.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
skranken=$1 tool=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/xdg
mkdir -p "$HOME"
unset SKRANKEN_TEST_HANG SKRANKEN_TEST_HANG_MARK DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER
. "$(dirname "$0")/lib.sh"
id=telefon-datter-provesvar
inputs="$src/tests/playthroughs/$id/riktig.inputs"
data=$work/data
mkdir -p "$data" "$work/scen"
# a copy of the scenario that can be changed and removed
cp "$src/scenarios/$id.lua" "$work/scen/$id.lua"
scen=$work/scen/$id.lua

# A real journal: killed after 5 actions.
kill_at act:5 "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
    --journal --data-dir "$data" || { fail "journalen ble ikke laget"; finish_tests; exit 1; }
good=$(journals "$data")
cp "$good" "$work/good.journal"
header_lines=$(grep -c '^# ' "$good")
acts "$inputs" | tail -n +6 > "$work/rest.inputs"

# expect NAME EXIT TEXT FILE_UNCHANGED -- ARGS...: the exit code, TEXT in the
# output, at most one line of error (plus a hint line from usage errors), no
# crash, and FILE (if given) byte for byte as before.
expect() {
    local name=$1 want=$2 text=$3 keep=$4
    shift 5
    local sum="" out rc
    [ -n "$keep" ] && [ -e "$keep" ] && sum=$(sha256sum < "$keep")
    out=$(timeout -s KILL 60 "$skranken" "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "$name: avslutningskode $rc, ventet $want"; echo "$out" | head -4 | sed 's/^/    /'
    elif [ -n "$text" ] && ! printf '%s' "$out" | grep -qF -- "$text"; then
        fail "$name: mangler «$text»"; echo "$out" | head -4 | sed 's/^/    /'
    elif [ "$want" -eq 2 ] && [ "$(printf '%s\n' "$out" | grep -c .)" -gt 2 ]; then
        fail "$name: mer enn én feillinje"; echo "$out" | head -4 | sed 's/^/    /'
    elif [ -n "$sum" ] && [ "$sum" != "$(sha256sum < "$keep")" ]; then
        fail "$name: fila ble endret"
    else
        ok "$name"
    fi
}

# --- files that are not journals
: > "$work/empty.journal"
head -c 3000 /dev/urandom > "$work/random.journal"
printf '# skranken-journal 1\n# engine 0.1.0\n\0\0\0binary\n' > "$work/nul.journal"
head -n 4 "$good" > "$work/truncated.journal"
head -c 200 "$good" > "$work/cut-header.journal"
{ cat "$good"; head -c 17000000 /dev/zero | tr '\0' '#'; } > "$work/huge.journal"
sed '1s/.*/# skranken-journal 7/' "$good" > "$work/version.journal"
sed 's/^# mode practice$/# mode exam\n# mode practice/' "$good" > "$work/twice.journal"
sed 's/^# seed 1$/# seed 1\n# secret yes/' "$good" > "$work/unknown-key.journal"
sed 's/^# seed 1$/# seed 99999999999999999/' "$good" > "$work/bad-seed.journal"
sed 's/^# sha256 .*/# sha256 xyz/' "$good" > "$work/bad-sha.journal"
sed 's|^# scenario .*|# scenario scenarios/relative.lua|' "$good" > "$work/relative.journal"
mkdir -p "$work/dir.journal"

expect "mangler" 2 "nope.journal: filen finnes ikke" "" -- resume "$work/nope.journal" --finish
expect "tom" 2 "empty.journal: filen er tom" "$work/empty.journal" -- resume "$work/empty.journal" --finish
expect "tilfeldige bytes" 2 "random.journal:1: ikke en journal fra Skranken" "$work/random.journal" -- \
    resume "$work/random.journal" --finish
expect "NUL-bytes" 2 "nul.journal:3:" "$work/nul.journal" -- resume "$work/nul.journal" --finish
expect "avkuttet hode" 2 "truncated.journal:5: hodet mangler «# sha256»" "$work/truncated.journal" -- \
    resume "$work/truncated.journal" --finish
expect "hodet kuttet midt i en linje" 2 "cut-header.journal:" "$work/cut-header.journal" -- \
    resume "$work/cut-header.journal" --finish
expect "enorm" 2 "huge.journal: filen er for stor" "$work/huge.journal" -- resume "$work/huge.journal" --finish
expect "en mappe" 2 "dir.journal: er ikke en vanlig fil" "" -- resume "$work/dir.journal" --finish
expect "ukjent formatversjon" 2 "version.journal:1: journalformat 7 kjennes ikke" "$work/version.journal" -- \
    resume "$work/version.journal" --finish
expect "nøkkel to ganger" 2 "twice.journal:10: «mode» står to ganger" "$work/twice.journal" -- \
    resume "$work/twice.journal" --finish
expect "ukjent nøkkel" 2 "unknown-key.journal:11: ukjent linje i hodet" "$work/unknown-key.journal" -- \
    resume "$work/unknown-key.journal" --finish
expect "ugyldig frø" 2 "bad-seed.journal:10: ugyldig verdi for «seed»" "$work/bad-seed.journal" -- \
    resume "$work/bad-seed.journal" --finish
expect "ugyldig sha256" 2 "bad-sha.journal:5: ugyldig verdi for «sha256»" "$work/bad-sha.journal" -- \
    resume "$work/bad-sha.journal" --finish
expect "relativ scenariosti" 2 "relative.journal:4: ugyldig verdi for «scenario»" "$work/relative.journal" -- \
    resume "$work/relative.journal" --finish

# --- hostile headers
printf -v esc '\033[31m'
sed "s/^# trainee .*/# trainee \"Test $esc rød\"/" "$good" > "$work/escape.journal"
long=$(printf 'x%.0s' $(seq 1 101))
sed "s/^# trainee .*/# trainee \"$long\"/" "$good" > "$work/long-name.journal"
sed 's/^# trainee .*/# trainee "uten slutt/' "$good" > "$work/open-quote.journal"
sed 's|^# scenario .*|# scenario /etc/hostname|' "$good" > "$work/other-file.journal"
expect "navn med escape-sekvens" 2 "escape.journal:8: «trainee» er ikke gyldig tekst" "$work/escape.journal" -- \
    resume "$work/escape.journal" --finish
expect "navn over 100 byte" 2 "long-name.journal:8: ugyldig verdi for «trainee»" "$work/long-name.journal" -- \
    resume "$work/long-name.journal" --finish
expect "navn uten slutt-anførselstegn" 2 "open-quote.journal:8:" "$work/open-quote.journal" -- \
    resume "$work/open-quote.journal" --finish
expect "scenario pekt på en annen fil" 2 "er endret siden forsøket begynte" "$work/other-file.journal" -- \
    resume "$work/other-file.journal" --finish
# A name made to escape the reports folder is only a name: the report lands in
# the data folder, under a safe file name, and carries the name as it was.
hostile='../../../tmp/ut \"her\" \\ $(rm -rf ~)'
{ head -n 1 "$good"; printf '# trainee "%s"\n' "$hostile"; tail -n +2 "$good" | grep -v '^# trainee '; } \
    > "$work/hostile.journal"
touch "$work/stamp"
before=$(find "$work" -newer "$work/stamp" -type f | grep -v "^$data/" | wc -l)
out=$("$skranken" resume "$work/hostile.journal" --inputs "$work/rest.inputs" --data-dir "$data" --quiet 2>&1)
rc=$?
report=$(printf '%s' "$out" | tail -n 1)
case $report in "$data"/reports/*) inside=1 ;; *) inside=0 ;; esac
if [ $rc -eq 0 ] && [ $inside = 1 ] && [ -f "$report" ] &&
   [ "$("$tool" field "$report" trainee)" = '../../../tmp/ut "her" \ $(rm -rf ~)' ] &&
   [ "$(find "$work" -newer "$work/stamp" -type f | grep -v "^$data/" | wc -l)" -eq "$before" ]; then
    ok "fiendtlig navn i hodet: bare et navn, rapporten i datamappa"
else
    fail "fiendtlig navn i hodet (kode $rc)"; echo "$out" | head -3 | sed 's/^/    /'
fi

# --- damaged records (with good checksums: written as the program writes them)
{ head -n $((header_lines + 1)) "$good"; record "08:01:15 fly away"; tail -n +$((header_lines + 2)) "$good"; } \
    > "$work/unknown-action.journal"
{ head -n $((header_lines + 2)) "$good"; record "08:00:00 wait"; tail -n +$((header_lines + 3)) "$good"; } \
    > "$work/backwards.journal"
{ head -n $((header_lines + 1)) "$good"; record "08:01:15 answer 3"; tail -n +$((header_lines + 2)) "$good"; } \
    > "$work/mismatch.journal"
sed "$((header_lines + 2))s/ [0-9a-f]\{8\}\$/ 00000000/" "$good" > "$work/bad-crc.journal"
{ head -n $((header_lines + 2)) "$good"; record "08:01:30 wait" | tr -d '\n'; printf '\n'; \
  tail -n +$((header_lines + 3)) "$good"; } > "$work/ok-record.journal"
{ cat "$good"; printf '#j finish 5 %s\n' "$(crc32 '#j finish 5')"; record "08:05:00 wait"; \
  record "08:06:00 wait"; } > "$work/after-finish.journal"
{ cat "$good"; printf '#j explode 5 %s\n' "$(crc32 '#j explode 5')"; record "08:05:00 wait"; } > "$work/marker.journal"
line=$((header_lines + 2))
expect "ukjent handling midt i" 2 "unknown-action.journal:$line: skadet linje i journalen" "$work/unknown-action.journal" -- \
    resume "$work/unknown-action.journal" --finish
expect "klokka går baklengs" 2 "backwards.journal:$((line + 1)): skadet linje i journalen: klokkeslettet 08:00:00" \
    "$work/backwards.journal" -- resume "$work/backwards.journal" --finish
expect "handling som ikke passer midt i" 2 "mismatch.journal:$line: journalen passer ikke scenarioet" \
    "$work/mismatch.journal" -- resume "$work/mismatch.journal" --finish
expect "feil kontrollsum midt i" 2 "bad-crc.journal:$line: skadet linje i journalen: kontrollsummen stemmer ikke" \
    "$work/bad-crc.journal" -- resume "$work/bad-crc.journal" --finish
expect "handling etter avslutning" 2 "after-finish.journal:$((header_lines + 7)): skadet linje i journalen: en handling etter" \
    "$work/after-finish.journal" -- resume "$work/after-finish.journal" --finish
expect "ukjent merke" 2 "marker.journal:$((header_lines + 6)): skadet linje i journalen: ukjent merke «explode»" \
    "$work/marker.journal" -- resume "$work/marker.journal" --finish
# sanity: a record made by this test's own checksum is accepted (so the cases
# above fail for their own reason, not for the checksum)
cp "$work/ok-record.journal" "$work/ok-copy.journal"
expect "egen kontrollsum godtas" 0 "" "" -- resume "$work/ok-copy.journal" --finish --data-dir "$data" \
    --report "$work/ok-record.json" --quiet

# --- the scenario changed or disappeared: the journal stays, untouched
cp "$good" "$work/changed.journal"
sed -i 's/Datteren som vil ha prøvesvar/Datteren som vil ha svar/' "$scen"
expect "scenariofila er endret" 2 "changed.journal: scenariofila $scen er endret siden forsøket begynte" \
    "$work/changed.journal" -- resume "$work/changed.journal" --finish
out=$("$skranken" resume --data-dir "$data" 2>&1)
check "lista sier at scenarioet er endret" grep -q "kan ikke fortsettes: scenariofila $scen er endret" <<< "$out"
rm "$scen"
expect "scenariofila finnes ikke lenger" 2 "changed.journal: scenariofila $scen finnes ikke lenger" \
    "$work/changed.journal" -- resume "$work/changed.journal" --finish
cp "$src/scenarios/$id.lua" "$scen"

# --- continuation files that are bad or do not fit
: > "$work/empty.inputs"
printf '08:03:10 choose datter refuse_kindly\n08:03:20 bogus\n' > "$work/bad.inputs"
printf '08:01:00 wait\n' > "$work/past.inputs"
printf '08:03:10 choose datter nonsense\n' > "$work/unfit.inputs"
expect "--inputs finnes ikke" 2 "none.inputs: filen finnes ikke" "$good" -- resume "$good" --inputs "$work/none.inputs"
expect "--inputs tom" 2 "empty.inputs: filen er tom" "$good" -- resume "$good" --inputs "$work/empty.inputs"
expect "--inputs uleselig linje" 2 "bad.inputs:2:" "$good" -- resume "$good" --inputs "$work/bad.inputs"
# these replay the journal and then stop: the journal keeps what it had (and a
# «resumed» mark), nothing of the refused action
cp "$good" "$work/past.journal"
expect "--inputs går bakover i tid" 1 "past.inputs:1: passer ikke scenarioet" "" -- \
    resume "$work/past.journal" --inputs "$work/past.inputs" --data-dir "$data"
check "... journalen har fortsatt 5 handlinger" [ "$(records "$work/past.journal")" -eq 5 ]
cp "$good" "$work/unfit.journal"
expect "--inputs passer ikke" 1 "unfit.inputs:1: passer ikke scenarioet" "" -- \
    resume "$work/unfit.journal" --inputs "$work/unfit.inputs" --data-dir "$data"
check "... den avviste handlingen er ikke i journalen" [ "$(grep -c nonsense "$work/unfit.journal")" -eq 0 ]
expect "... og forsøket kan fortsatt fullføres" 0 "" "" -- resume "$work/unfit.journal" \
    --inputs "$work/rest.inputs" --data-dir "$data" --report "$work/unfit.json" --quiet
"$skranken" run "$scen" --inputs "$inputs" --report "$work/other.json" --quiet > /dev/null
expect "rapporten finnes fra før og er en annen" 2 "other.json: finnes allerede" "$good" -- \
    resume "$good" --finish --data-dir "$data" --report "$work/other.json"
expect "... også når den er fra en kopi av journalen" 2 "unfit.json: finnes allerede" "" -- \
    resume "$good" --finish --data-dir "$data" --report "$work/unfit.json"
check "... journalen er der fortsatt" [ -f "$good" ]

# --- wrong arguments
expect "--finish uten JOURNAL" 2 "JOURNAL mangler" "" -- resume --finish
expect "to journaler" 2 "skranken resume:" "" -- resume "$good" "$good"
expect "ukjent valg" 2 "ukjent valg «--fast»" "" -- resume "$good" --fast
expect "--finish og --inputs" 2 "bare én av --finish, --inputs og --discard" "$good" -- \
    resume "$good" --finish --inputs "$work/rest.inputs"
expect "--report uten --finish" 2 "--report og --quiet hører til" "$good" -- resume "$good" --report "$work/x.json"
expect "--lang med --finish" 2 "--lang og --test-script hører til vinduet" "$good" -- resume "$good" --lang en --finish
expect "--inputs uten verdi" 2 "skranken resume:" "" -- resume "$good" --inputs
expect "vindu uten skjerm" 2 "ingen skjerm tilgjengelig" "$good" -- resume "$good"
expect "play --resume med scenario" 2 "--resume tar forsøkets scenario" "$good" -- \
    play "$id" --resume "$good"
expect "play --resume mangler" 2 "nope.journal: filen finnes ikke" "" -- play --resume "$work/nope.journal"
expect "--help" 0 "Bruk: skranken resume" "" -- resume --help

# --- a journal another Skranken is writing in right now
busy=$work/busy
mkdir -p "$busy"
rm -f "$work/mark"
SKRANKEN_TEST_HANG=act:3 SKRANKEN_TEST_HANG_MARK=$work/mark "$skranken" run "$scen" --inputs "$inputs" \
    --journal --data-dir "$busy" > /dev/null 2>&1 &
pid=$!
if wait_for "$work/mark" $pid; then
    bj=$(journals "$busy")
    expect "i bruk av en annen prosess: resume" 2 "forsøket er åpent i en annen Skranken akkurat nå" "$bj" -- \
        resume "$bj" --finish --data-dir "$busy"
    expect "i bruk av en annen prosess: --discard" 2 "er i bruk" "$bj" -- resume "$bj" --discard
    out=$("$skranken" resume --data-dir "$busy" 2>&1)
    check "i bruk av en annen prosess: lista sier det" grep -q "kan ikke fortsettes: forsøket er åpent i en annen Skranken" <<< "$out"
    kill -9 $pid
    wait $pid 2>/dev/null
    expect "... og når den er borte, kan forsøket fortsettes" 0 "" "" -- resume "$bj" --finish \
        --data-dir "$busy" --quiet
else
    kill -9 $pid 2>/dev/null
    fail "i bruk av en annen prosess: stoppet ikke"
fi

# --- the list, a journal named by its file name alone, and --discard
cp "$work/random.journal" "$data/journal/x-unreadable.journal"
out=$("$skranken" resume --data-dir "$data" 2>&1)
rc=$?
if [ $rc -eq 0 ] && grep -q "«Datteren som vil ha prøvesvar» · Test Elev · øving" <<< "$out" &&
   grep -q "5 handlinger, den siste kl. 08:02:35" <<< "$out" &&
   grep -q "x-unreadable.journal:1: ikke en journal fra Skranken" <<< "$out"; then
    ok "lista over uferdige forsøk (også en som ikke kan leses)"
else
    fail "lista over uferdige forsøk (kode $rc)"; echo "$out" | head -8 | sed 's/^/    /'
fi
sum=$(sha256sum < "$good")
expect "--discard med bare filnavnet" 0 "Forsøket er forkastet" "" -- \
    resume "$(basename "$good")" --discard --data-dir "$data"
moved=$data/journal/discarded/$(basename "$good")
moved_ok() { [ -f "$moved" ] && [ ! -e "$good" ] && [ "$(sha256sum < "$moved")" = "$sum" ]; }
check "... flyttet til discarded/, uendret" moved_ok
out=$("$skranken" resume --data-dir "$data" 2>&1)
not_listed() { ! grep -q "Test Elev" <<< "$out"; }
check "... og ikke lenger i lista" not_listed
rm "$data/journal/x-unreadable.journal"
out=$("$skranken" resume --data-dir "$data" 2>&1)
check "tom liste" grep -q "Ingen uferdige forsøk i $data/journal" <<< "$out"
out=$(env -u HOME -u XDG_DATA_HOME "$skranken" resume 2>&1)
rc=$?
if [ $rc -eq 2 ] && grep -q "finner ingen datamappe" <<< "$out"; then
    ok "resume uten datamappe"
else
    fail "resume uten datamappe (kode $rc)"; echo "$out" | head -3 | sed 's/^/    /'
fi
finish_tests
