#!/bin/bash
# «skranken summary» with the real binary (docs/summary.md). A small class is
# played with `skranken run` from recorded playthroughs (wall times then set by
# hand, so the order of attempts is known), and the text, CSV and HTML are
# checked for known numbers: best and latest differ where a later attempt was
# worse, a trainee spelled two ways is one trainee, official codes are shown,
# hostile names come out as text. Then every kind of bad input: missing, empty,
# cut-off, binary, huge, hostile and foreign files, and wrong arguments, each
# naming the file (and line), with the documented exit code and the rest of
# the class still summarised.
#   run_summary_tests.sh SKRANKEN SOURCE_DIR
set -u
skranken=$1 src=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data"
export SOURCE_DATE_EPOCH=1795341600 # 2026-11-22 10:00 UTC in the HTML
mkdir -p "$HOME"
pt="$src/tests/playthroughs"
passes=0 fails=0

ok() { echo "ok   $1"; passes=$((passes + 1)); }
bad() { echo "FEIL $1: $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | head -8 | sed 's/^/    /'; fails=$((fails + 1)); }

# check NAME WANT_EXIT TEXT -- ARGS...: exit code, TEXT somewhere in stdout+stderr,
# and a usage error (exit 2) is at most three lines.
check() {
    local name=$1 want=$2 text=$3
    shift 4
    local out rc
    out=$(cd "$work" && timeout -s KILL 60 "$skranken" summary "$@" 2>&1)
    rc=$?
    last_out=$out
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

# has_line NAME FILE LINE: FILE has LINE, runs of spaces counted as one.
has_line() {
    local squeezed want
    want=$(printf '%s' "$3" | tr -s ' ')
    if tr -s ' ' < "$2" | grep -qxF -- "$want"; then
        ok "$1"
    else
        bad "$1" "mangler linjen «$3»" "$(grep -F -- "$(printf '%s' "$3" | cut -c1-12)" "$2")"
    fi
}
# contains NAME FILE TEXT / lacks NAME FILE TEXT (grep -F; -i with lacks_i)
contains() { if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1" "mangler «$3» i $(basename "$2")"; fi; }
lacks() { if grep -qF -- "$3" "$2"; then bad "$1" "har «$3» i $(basename "$2")" "$(grep -F -- "$3" "$2" | head -3)"; else ok "$1"; fi; }
matches() { if grep -qE -- "$3" "$2"; then ok "$1"; else bad "$1" "ingen linje passer «$3»"; fi; }
lacks_i() { if grep -qiF -- "$3" "$2"; then bad "$1" "har «$3» i $(basename "$2")" "$(grep -iF -- "$3" "$2" | head -3)"; else ok "$1"; fi; }

# play FILE SCENARIO PLAYTHROUGH TRAINEE STARTED [CATALOG]: a report made by
# skranken run, its wall times set to STARTED (finished five minutes later).
play() {
    local dest=$1 id=$2 name=$3 trainee=$4 started=$5 catalog=${6:-}
    local tmp="$work/tmp-report.json" finished
    rm -f "$tmp"
    if ! "$skranken" run "$src/scenarios/$id.lua" --inputs "$pt/$id/$name.inputs" \
            --trainee "$trainee" --report "$tmp" --quiet ${catalog:+--catalog "$catalog"} \
            >/dev/null 2>"$work/run.err"; then
        echo "FEIL oppsett: skranken run $id $name: $(cat "$work/run.err")"
        exit 1
    fi
    finished=$(printf '%s' "$started" | sed 's/:00:00Z$/:05:00Z/')
    mkdir -p "$(dirname "$dest")"
    sed -e "s/\"started\":[[:space:]]*\"[^\"]*\"/\"started\":	\"$started\"/" \
        -e "s/\"finished\":[[:space:]]*\"[^\"]*\"/\"finished\":	\"$finished\"/" "$tmp" > "$dest"
}

# --- a catalog mapped onto official codes (as in tests/cli/run_catalog_tests.sh):
# hse3006.taushetsplikt → KM98, hse3006.identitet-telefon → KM99
mkdir -p "$work/skole"
cp "$src/tests/fixtures/grep/KMS9.json" "$work/skole/KMS9.json"
cat > "$work/skole/mapping.json" <<'EOF'
{ "format": "skranken-mapping", "format_version": 1, "official_catalog": "KMS9.json",
  "map": { "hse3006.taushetsplikt": ["KM98"], "hse3006.identitet-telefon": ["KM99"] } }
EOF
"$skranken" catalog import "$src/assets/catalog.json" --map "$work/skole/mapping.json" \
    --out "$work/skole/mapped.json" >/dev/null 2>&1 || { echo "FEIL oppsett: catalog import"; exit 1; }

# --- the class. Kari: all right, then a critical mistake (so her latest is
# worse than her best), then another scenario typed as "  kari   ELEV ". File
# names sort the other way round from time, so order by name would be wrong.
# The name shown is the spelling used most often.
hostile='<script>alert(1)</script>'
class="$work/klasse"
play "$class/z-kari-1.json" telefon-datter-provesvar riktig "Kari Elev" 2026-09-01T08:00:00Z
play "$class/a-kari-2.json" telefon-datter-provesvar gir-svar "Kari Elev" 2026-09-02T08:00:00Z
play "$class/m-kari-3.json" taushet-politiet riktig "  kari   ELEV " 2026-09-03T08:00:00Z
play "$class/ola/1.json" telefon-datter-provesvar gir-svar "Ola Nordmann" 2026-09-01T09:00:00Z "$work/skole/mapped.json"
play "$class/ola/2.json" telefon-datter-provesvar riktig "Ola Nordmann" 2026-09-02T09:00:00Z "$work/skole/mapped.json"
play "$class/x.json" taushet-politiet bekrefter "$hostile" 2026-09-01T10:00:00Z
# an exam result beside the reports (as skranken exam leaves it): skipped with a note
cat > "$class/exam-hse3008-kari-elev-20260901-100000.json" <<'EOF'
{ "format": "skranken-exam-result", "format_version": 1, "exam": { "id": "hse3008" } }
EOF
echo "ikke en rapport" > "$class/notater.txt"   # not *.json: not read
mkdir -p "$class/.skjult" && echo '{' > "$class/.skjult/x.json" # hidden: not read
before=$(cd "$class" && find . -type f -exec md5sum {} + | sort)

# --- the class summary
check class 0 "Klasseoversikt: 6 rapporter, 3 elever, 2 scenarioer" -- "$class" \
    --csv "$work/klasse.csv" --html "$work/klasse.html"
printf '%s\n' "$last_out" > "$work/klasse.txt"
contains exam-result-noted "$work/klasse.txt" \
    "skranken summary: merk: $class/exam-hse3008-kari-elev-20260901-100000.json: et eksamensresultat («skranken-exam-result»), ikke en rapport; hoppet over"
lacks hidden-and-other-files-not-read "$work/klasse.txt" "skjult"
# Matrix rows (first block: M1 identitet-telefon, M2 pasientmote, M3 samhandling-lege,
# M4 taushetsplikt, M5 tredjepart, M6 journaltilgang; second: M7 prioritering, M8 telefon)
has_line goal-columns "$work/klasse.txt" "  M1   hse3006.identitet-telefon (KM99)           Identitetskontroll på telefon"
has_line goal-column-code "$work/klasse.txt" "  M4   hse3006.taushetsplikt (KM98)               Taushetsplikt"
has_line matrix-kari-best-and-latest "$work/klasse.txt" "Kari Elev 0(100) 0(100) 100 100 100 100"
has_line matrix-ola "$work/klasse.txt" "Ola Nordmann 100 100 - 100 - 100"
cut_name='<script>alert(1)</scrip…' # 24 characters: the name column's width
has_line matrix-hostile-critical "$work/klasse.txt" "$cut_name - - 100 0! 0 0"
has_line matrix-kari-block-2 "$work/klasse.txt" "Kari Elev 0(100) 100"
has_line matrix-hostile-block-2 "$work/klasse.txt" "$cut_name - 100"
has_line trainee-kari "$work/klasse.txt" "Kari Elev 3 2 63 % 100 % 1"
has_line trainee-ola "$work/klasse.txt" "Ola Nordmann 2 1 100 % 100 % 1"
has_line trainee-hostile "$work/klasse.txt" "$cut_name 1 1 40 % 40 % 1"
has_line scenario-datter "$work/klasse.txt" "telefon-datter-provesvar 4 2 53 % 50 % 2/0/0/0/0/2 2 (i 2 forsøk)"
has_line scenario-politiet "$work/klasse.txt" "taushet-politiet 2 2 65 % 50 % 1/0/0/0/0/1 1 (i 1 forsøk)"
has_line missed-1 "$work/klasse.txt" "   1. hse3006.identitet-telefon (KM99) 1 av 2 elever (50 %), snitt siste 50 %"
has_line missed-3 "$work/klasse.txt" "   3. hse3006.tredjepart 1 av 2 elever (50 %), snitt siste 50 %"
has_line missed-5 "$work/klasse.txt" "   5. hse3006.taushetsplikt (KM98) 1 av 3 elever (33 %), snitt siste 67 %"
has_line missed-6 "$work/klasse.txt" "   6. hse3007.journaltilgang 1 av 3 elever (33 %), snitt siste 67 %"
lacks missed-not-telefon "$work/klasse.txt" ". hse3007.telefon"
has_line criticals-per-goal "$work/klasse.txt" "  hse3006.taushetsplikt (KM98) 3 (3 elever)"
has_line criticals-per-rule "$work/klasse.txt" "  2 (2 elever), mål hse3006.taushetsplikt:"
has_line criticals-rule-in-full "$work/klasse.txt" "      hpl § 21 taushetsplikt; pbrl § 3-3 (pasient over 16 år: pårørende får opplysninger bare med samtykke)"

# CSV: BOM, semicolons, CRLF, one row per trainee, latest and best per goal
if [ "$(head -c 3 "$work/klasse.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ]; then ok csv-bom; else bad csv-bom "mangler UTF-8 BOM"; fi
if [ "$(grep -c $'\r$' "$work/klasse.csv")" -eq 4 ]; then ok csv-crlf-4-rows; else bad csv-crlf-4-rows "ventet 4 linjer med CRLF" "$(cat -A "$work/klasse.csv" | head -5)"; fi
tr -d '\r' < "$work/klasse.csv" | sed '1s/^\xEF\xBB\xBF//' > "$work/klasse-lf.csv"
has_line csv-header "$work/klasse-lf.csv" "Elev;Forsøk;Kritiske feil;Snitt siste %;Snitt beste %;hse3006.identitet-telefon (KM99) siste %;hse3006.identitet-telefon (KM99) beste %;hse3006.pasientmote siste %;hse3006.pasientmote beste %;hse3006.samhandling-lege siste %;hse3006.samhandling-lege beste %;hse3006.taushetsplikt (KM98) siste %;hse3006.taushetsplikt (KM98) beste %;hse3006.tredjepart siste %;hse3006.tredjepart beste %;hse3007.journaltilgang siste %;hse3007.journaltilgang beste %;hse3007.prioritering siste %;hse3007.prioritering beste %;hse3007.telefon siste %;hse3007.telefon beste %"
has_line csv-kari "$work/klasse-lf.csv" "Kari Elev;3;1;63;100;0;100;0;100;100;100;100;100;100;100;100;100;0;100;100;100"
has_line csv-ola "$work/klasse-lf.csv" "Ola Nordmann;2;1;100;100;100;100;100;100;;;100;100;;;100;100;100;100;100;100"
has_line csv-hostile "$work/klasse-lf.csv" "$hostile;1;1;40;40;;;;;100;100;0;0;0;0;0;0;;;100;100"

# HTML: one file, nothing fetched, hostile name as text, numbers in the cells
h="$work/klasse.html"
contains html-doctype "$h" "<!DOCTYPE html>"
contains html-escaped-name "$h" "&lt;script&gt;alert(1)&lt;/script&gt;"
lacks_i html-no-script-tag "$h" "<script"
lacks_i html-no-http "$h" "http"
lacks_i html-no-external-link "$h" "<link"
lacks_i html-no-img "$h" "<img"
lacks_i html-no-css-url "$h" "url("
lacks_i html-no-import "$h" "@import"
lacks_i html-no-src "$h" "src="
contains html-generated "$h" "2026-11-22 10:00 UTC"
contains html-cell-best-latest "$h" '<td class="b1">0<small>beste 100</small></td>'
contains html-cell-critical "$h" '<td class="b1 crit">0!</td>'
contains html-cell-full "$h" '<td class="b6">100</td>'
contains html-not-tried "$h" '<td class="none">–</td>'
contains html-official-code "$h" 'hse3006.taushetsplikt <span class="code">(KM98)</span>'
contains html-trainee-bar "$h" '<div class="latest" style="width:63%"></div></div> 63&nbsp;% / 100&nbsp;%'
contains html-files-read "$h" "$class/ola/2.json"
contains html-notes "$h" "exam-hse3008-kari-elev-20260901-100000.json: et eksamensresultat"
contains html-scenario-row "$h" '<tr><td>telefon-datter-provesvar</td><td>Datteren som vil ha prøvesvar</td><td class="n">4</td><td class="n">2</td><td class="n">53&nbsp;%</td>'
after=$(cd "$class" && find . -type f -exec md5sum {} + | sort)
if [ "$before" = "$after" ]; then ok inputs-untouched; else bad inputs-untouched "rapportmappen ble endret"; fi

# The same reports give the same files (SOURCE_DATE_EPOCH fixes the time line),
# whether read by one thread or several.
check rerun 0 "" -- "$class" --csv "$work/again.csv" --html "$work/again.html"
if cmp -s "$work/klasse.csv" "$work/again.csv" && cmp -s "$work/klasse.html" "$work/again.html" &&
   [ "$last_out" = "$(cat "$work/klasse.txt")" ]; then
    ok deterministic
else
    bad deterministic "to kjøringer ga ulike filer"
fi
# a bigger class made from copies with other times: one thread and two agree
mkdir -p "$work/stor"
for i in $(seq 10 99); do
    for f in "$class"/*-kari-*.json "$class"/ola/*.json "$class"/x.json; do
        sed "s/\"started\":	\"2026-/\"started\":	\"20$i-/" "$f" > "$work/stor/$i-$(basename "$f")"
    done
    sed -i "s/\"trainee\":	\"Ola Nordmann\"/\"trainee\":	\"Ola $i\"/" "$work/stor/$i-1.json" "$work/stor/$i-2.json"
done
out1=$(cd "$work" && SKRANKEN_SUMMARY_THREADS=1 "$skranken" summary "$work/stor" --html "$work/t1.html" --csv "$work/t1.csv" 2>&1)
out2=$(cd "$work" && SKRANKEN_SUMMARY_THREADS=2 "$skranken" summary "$work/stor" --html "$work/t2.html" --csv "$work/t2.csv" 2>&1)
if [ "$out1" = "$out2" ] && cmp -s "$work/t1.html" "$work/t2.html" && cmp -s "$work/t1.csv" "$work/t2.csv" &&
   printf '%s' "$out1" | grep -qF "Klasseoversikt: 540 rapporter, 92 elever, 2 scenarioer"; then
    ok threads-same-result
else
    bad threads-same-result "én og to tråder ga ulikt resultat" "$(printf '%s\n' "$out1" | head -3)"
fi

# --- the same attempt twice: a copy in another file, and a file named twice
mkdir -p "$work/dobbel"
cp -r "$class"/. "$work/dobbel/"
cp "$class/z-kari-1.json" "$work/dobbel/kopi-av-kari.json"
check duplicate-copy-counted-once 0 "Klasseoversikt: 6 rapporter, 3 elever" -- "$work/dobbel"
contains duplicate-copy-noted <(printf '%s\n' "$last_out") "$work/dobbel/z-kari-1.json: samme forsøk som $work/dobbel/kopi-av-kari.json; telt én gang"
check same-file-twice 0 "samme fil som" -- "$class" "$class/x.json"
contains same-file-counted-once <(printf '%s\n' "$last_out") "Klasseoversikt: 6 rapporter"

# --- spreadsheet formulas in a name are not run
mkdir -p "$work/formel"
play "$work/formel/f.json" taushet-politiet riktig '=HYPERLINK("http://x";"klikk")' 2026-09-01T08:00:00Z
check formula-name 0 "" -- "$work/formel" --csv "$work/formel.csv"
contains csv-formula-quoted "$work/formel.csv" "\"'=HYPERLINK(\"\"http://x\"\";\"\"klikk\"\")\";1;0;100;100"

# --- bad files beside good ones: each named (with its line), skipped, the rest
# summarised, exit 1
bad_dir="$work/blandet"
mkdir -p "$bad_dir"
cp "$class/z-kari-1.json" "$class/a-kari-2.json" "$bad_dir/"
: > "$bad_dir/tom.json"
head -c 3000 "$class/x.json" > "$bad_dir/avkuttet.json"
head -c 4000 /dev/urandom > "$bad_dir/binaer.json"
printf '{"format": "skranken-report",\n "trainee": "K\xc3\x28ri"}\n' > "$bad_dir/utf8.json"
head -c 17000000 /dev/zero | tr '\0' ' ' > "$bad_dir/enorm.json"
{ printf '['; head -c 100000 /dev/zero | tr '\0' '['; } > "$bad_dir/dyp.json"
sed 's/"format_version":	[0-9]*/"format_version":	7/' "$class/x.json" > "$bad_dir/fremtid.json"
sed 's/"grade":	1,/"grade":	"1",/' "$class/x.json" > "$bad_dir/feil-type.json"
sed '/"trainee":/d' "$class/x.json" > "$bad_dir/uten-navn.json"
echo '{"hei": 1}' > "$bad_dir/fremmed.json"
sed 's/"skranken-report"/"skranken-rapport"/' "$class/x.json" > "$bad_dir/feilstavet.json"
echo '[1, 2, 3]' > "$bad_dir/liste.json"
printf '{"format": "skranken-report", "format_version": 1}{}' > "$bad_dir/to-ting.json"
mkfifo "$bad_dir/ror.json"
ln -s "$work/finnes-ikke.json" "$bad_dir/lenke.json"
printf '{"format": "skranken-report",\n"format_version": 1,\n"trainee": \n' > "$bad_dir/$(printf 'farlig\033[31mnavn.json')"
check mixed-still-summarised 1 "Klasseoversikt: 2 rapporter, 1 elev, 1 scenario" -- "$bad_dir" --html "$work/blandet.html"
printf '%s\n' "$last_out" > "$work/blandet.txt"
contains bad-empty "$work/blandet.txt" "skranken summary: $bad_dir/tom.json: filen er tom"
contains bad-truncated "$work/blandet.txt" "$bad_dir/avkuttet.json:$(head -c 3000 "$class/x.json" | wc -l | awk '{print $1 + 1}'): ikke gyldig JSON (filen slutter midt i)"
matches bad-binary "$work/blandet.txt" "^skranken summary: $bad_dir/binaer.json:[0-9]+: ikke en tekstfil \(binært innhold\)$"
contains bad-utf8 "$work/blandet.txt" "$bad_dir/utf8.json:2: ikke gyldig UTF-8"
contains bad-huge "$work/blandet.txt" "$bad_dir/enorm.json: filen er for stor"
contains bad-deep "$work/blandet.txt" "$bad_dir/dyp.json:1: ikke gyldig JSON"
version=$(sed -n 's/.*"format_version":	\([0-9]*\).*/\1/p' "$class/x.json")
contains bad-version "$work/blandet.txt" "$bad_dir/fremtid.json: rapportformat 7 er ukjent (denne versjonen leser $version)"
contains bad-type "$work/blandet.txt" "$bad_dir/feil-type.json:$(grep -n '"grade"' "$bad_dir/feil-type.json" | head -1 | cut -d: -f1): \"result\": \"grade\" skal være et heltall, fant en tekst"
contains bad-missing-field "$work/blandet.txt" "$bad_dir/uten-navn.json: \"trainee\" mangler"
contains bad-foreign "$work/blandet.txt" "$bad_dir/fremmed.json: ikke en Skranken-rapport"
contains bad-misspelt-format "$work/blandet.txt" "$bad_dir/feilstavet.json: ikke en Skranken-rapport (\"format\" er «skranken-rapport», ventet «skranken-report»)"
contains bad-list "$work/blandet.txt" "$bad_dir/liste.json: ikke en Skranken-rapport (ventet ett JSON-objekt, fant en liste)"
contains bad-two-values "$work/blandet.txt" "$bad_dir/to-ting.json:1: ikke gyldig JSON (tekst etter slutten)"
contains bad-fifo "$work/blandet.txt" "$bad_dir/ror.json: er ikke en vanlig fil"
contains bad-dangling-link "$work/blandet.txt" "$bad_dir/lenke.json: kan ikke leses"
contains bad-name-made-printable "$work/blandet.txt" "$bad_dir/farlig?[31mnavn.json:3: ikke gyldig JSON (filen slutter midt i)"
if grep -q $'\033' "$work/blandet.txt"; then bad no-escape-to-terminal "kontrolltegn fra et filnavn kom ut"; else ok no-escape-to-terminal; fi
if [ "$(grep -c '^skranken summary: /' "$work/blandet.txt")" -eq 16 ]; then ok one-line-per-bad-file; else bad one-line-per-bad-file "ventet 16 feillinjer" "$(grep '^skranken summary:' "$work/blandet.txt")"; fi
contains html-lists-skipped "$work/blandet.html" "tom.json: filen er tom"
contains html-lists-unreadable-link "$work/blandet.html" "lenke.json: kan ikke leses"
lacks html-skipped-name-escaped "$work/blandet.html" $'\033'

# --- nothing to summarise: exit 2
mkdir -p "$work/tom-mappe" "$work/bare-tekst" "$work/bare-feil"
echo x > "$work/bare-tekst/a.txt"
cp "$bad_dir/tom.json" "$bad_dir/fremmed.json" "$work/bare-feil/"
check empty-folder 2 "tom-mappe: ingen .json-filer i mappen" -- "$work/tom-mappe"
contains empty-folder-says-nothing <(printf '%s\n' "$last_out") "ingen rapporter å oppsummere"
check no-json-files 2 "ingen rapporter å oppsummere" -- "$work/bare-tekst"
check only-broken 2 "bare-feil/tom.json: filen er tom" -- "$work/bare-feil"
check only-exam-result 2 "ingen rapporter å oppsummere" -- "$class/exam-hse3008-kari-elev-20260901-100000.json"
check missing-path 2 "$work/finnes-ikke: finnes ikke" -- "$work/finnes-ikke"
check missing-beside-good 1 "Klasseoversikt: 6 rapporter" -- "$work/finnes-ikke" "$class"
check single-file 0 "Klasseoversikt: 1 rapport, 1 elev, 1 scenario" -- "$class/x.json"
check file-any-name 0 "Klasseoversikt: 1 rapport" -- "$work/tmp-report.json"
check empty-file-alone 2 "tom.json: filen er tom" -- "$bad_dir/tom.json"
check fifo-alone 2 "ror.json: er ikke en vanlig fil eller mappe" -- "$bad_dir/ror.json"

# --- wrong arguments
check help 0 "--csv FIL" -- --help
check no-arguments 2 "MAPPE eller FIL mangler" --
check unknown-option 2 "ukjent valg «--pdf»" -- "$class" --pdf x.pdf
check csv-no-value 2 "--csv mangler en verdi" -- "$class" --csv
check html-empty-value 2 "--html har en tom verdi" -- "$class" --html=
check option-twice 2 "--csv er gitt to ganger" -- "$class" --csv a.csv --csv b.csv
check same-output-twice 2 "--csv og --html kan ikke være samme fil" -- "$class" --csv "$work/x.out" --html "$work/x.out"
check output-is-folder 2 "--html $work/tom-mappe: er en mappe" -- "$class" --html "$work/tom-mappe"
check output-missing-folder 2 "mappen $work/nei finnes ikke" -- "$class" --csv "$work/nei/klasse.csv"
check output-device 2 "er ikke en vanlig fil" -- "$class" --csv /dev/null
cp "$class/x.json" "$work/rapport-kopi.json"
check output-over-report 2 "filen ser ut som JSON (en rapport?) og skrives ikke over" -- "$class" --html "$work/rapport-kopi.json"
if cmp -s "$class/x.json" "$work/rapport-kopi.json"; then ok report-not-overwritten; else bad report-not-overwritten "rapporten ble endret"; fi
# an earlier summary is replaced (a derived file), atomically: no temporary files left
echo "gammel oversikt" > "$work/gammel.html"
check replace-old-summary 0 "" -- "$class" --html "$work/gammel.html"
if grep -q "<!DOCTYPE html>" "$work/gammel.html" && ! ls "$work" | grep -q '\.tmp'; then
    ok old-summary-replaced
else
    bad old-summary-replaced "den gamle filen ble ikke erstattet, eller en midlertidig fil ble liggende"
fi
# a folder nobody can create files in: the message names the file, exit 2
out=$("$skranken" summary "$class" --csv /proc/skranken-klasse.csv 2>&1 >/dev/null)
rc=$?
if [ "$rc" -eq 2 ] && [ "$out" = "skranken summary: /proc/skranken-klasse.csv: kan ikke lage fil (No such file or directory)" ] ||
   { [ "$rc" -eq 2 ] && printf '%s' "$out" | grep -q "^skranken summary: /proc/skranken-klasse.csv: kan ikke lage fil"; }; then
    ok write-failure
else
    bad write-failure "avslutningskode $rc" "$out"
fi

# stdout that cannot be written (a full disk): said, exit 2, the files still written
if [ -w /dev/full ]; then
    out=$("$skranken" summary "$class" --csv "$work/full.csv" 2>&1 >/dev/full)
    rc=$?
    if [ "$rc" -eq 2 ] && printf '%s\n' "$out" | grep -qxF "skranken summary: kunne ikke skrive oversikten til standard ut" &&
       [ -s "$work/full.csv" ]; then
        ok stdout-full
    else
        bad stdout-full "avslutningskode $rc" "$out"
    fi
fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
