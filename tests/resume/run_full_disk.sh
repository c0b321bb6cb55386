#!/bin/bash
# A full disk and a read-only data folder (docs/journal.md): one clear line
# naming the path and the system's reason, earlier reports intact, no half
# files, and the attempt resumable once there is space (or write access) again,
# giving the report an uninterrupted attempt gives.
#  1. a file size limit (ulimit -f; SIGXFSZ is ignored by the program, so a
#     write past it fails with EFBIG instead of killing it): the report does
#     not fit (4 KiB), then the journal itself stops growing (1 KiB);
#  2. a read-only data folder: a read-only bind mount in a private mount
#     namespace (unshare -rm; running as root, chmod would not stop writes).
#     Without unshare: a non-root user gets chmod, root gets a file where the
#     journal folder should be;
#  3. a tiny tmpfs filled up (ENOSPC), in the same kind of namespace.
#   run_full_disk.sh SKRANKEN REPORT_EXPECT SOURCE_DIR
set -u
skranken=$1 tool=$2 src=$3
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/xdg
mkdir -p "$HOME"
unset SKRANKEN_TEST_HANG SKRANKEN_TEST_HANG_MARK
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
id=telefon-datter-provesvar
scen="$src/scenarios/$id.lua"
inputs="$src/tests/playthroughs/$id/riktig.inputs"
ref=$work/ref.json
"$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" --report "$ref" --quiet > /dev/null
n=$(acts "$inputs" | wc -l)

# An earlier report in the data folder, which nothing may touch.
earlier_setup() { # DATA
    mkdir -p "$1/reports"
    cp "$ref" "$1/reports/earlier.json"
    sha256sum < "$1/reports/earlier.json" > "$work/earlier.sum"
}
earlier_intact() { [ "$(sha256sum < "$1/reports/earlier.json")" = "$(cat "$work/earlier.sum")" ]; }
no_half_files() { [ -z "$(find "$1" -name '*.tmp*')" ]; }
one_line() { [ "$(grep -c . "$1")" -eq 1 ]; }

# ------------------------------------------------------ 1. file size limit
data=$work/limit
earlier_setup "$data"
# 1a. the report does not fit: exit 2, the path and the reason, the journal kept
( ulimit -f 4; exec "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
      --journal --data-dir "$data" ) > /dev/null 2> "$work/1a.err"
rc=$?
journal=$(journals "$data")
if [ $rc -eq 2 ] && one_line "$work/1a.err" && grep -q "rapporten ble ikke lagret: $data/reports/.*File too large" "$work/1a.err" &&
   grep -qF "tatt vare på i $journal" "$work/1a.err" && earlier_intact "$data" && no_half_files "$data" &&
   [ "$(ls "$data/reports" | wc -l)" -eq 1 ] && [ "$(records "$journal")" -eq "$n" ]; then
    ok "filgrense 4 KiB: rapporten får ikke plass, klar melding, journalen tatt vare på"
else
    fail "filgrense 4 KiB (kode $rc; 153 = drept av SIGXFSZ)"; sed 's/^/    /' "$work/1a.err" | head -3
fi
# resuming while the limit is still there fails the same way and changes nothing
( ulimit -f 4; exec "$skranken" resume "$journal" --finish --data-dir "$data" ) > /dev/null 2> "$work/1a2.err"
rc=$?
if [ $rc -eq 2 ] && one_line "$work/1a2.err" && grep -q "File too large" "$work/1a2.err" && [ -f "$journal" ] &&
   [ "$(records "$journal")" -eq "$n" ] && earlier_intact "$data" && no_half_files "$data"; then
    ok "filgrense 4 KiB: resume mislykkes igjen, journalen er der"
else
    fail "filgrense 4 KiB, resume (kode $rc)"; sed 's/^/    /' "$work/1a2.err" | head -3
fi
# space again: the same report as without the interruption
"$skranken" resume "$journal" --finish --data-dir "$data" --report "$work/1a.json" --quiet > /dev/null 2> "$work/1a3.err"
if [ $? -eq 0 ] && "$tool" same "$ref" "$work/1a.json" > /dev/null && [ "$(journal_count "$data")" -eq 0 ] &&
   earlier_intact "$data"; then
    ok "filgrense opphevet: resume --finish gir samme rapport"
else
    fail "filgrense opphevet"; sed 's/^/    /' "$work/1a3.err" | head -3
fi

# 1b. the journal itself stops growing (1 KiB, a long scenario): the action is
# refused, the journal holds every applied action and no half line
long_id=full-morgen-2
long_scen="$src/scenarios/$long_id.lua"
long_inputs="$src/tests/playthroughs/$long_id/riktig.inputs"
long_ref=$work/long-ref.json
"$skranken" run "$long_scen" --inputs "$long_inputs" --seed 1 --trainee "Test Elev" \
    --report "$long_ref" --quiet > /dev/null
long_n=$(acts "$long_inputs" | wc -l)
data=$work/limit2
earlier_setup "$data"
( ulimit -f 1; exec "$skranken" run "$long_scen" --inputs "$long_inputs" --seed 1 --trainee "Test Elev" \
      --journal --data-dir "$data" ) > /dev/null 2> "$work/1b.err"
rc=$?
journal=$(journals "$data")
k=$(records "$journal" 2>/dev/null || echo 0)
if [ $rc -eq 2 ] && one_line "$work/1b.err" &&
   grep -q "riktig.inputs:[0-9]*: handlingen ble ikke utført fordi journalen ikke kunne skrives: $journal: skrivefeil (File too large)" "$work/1b.err" &&
   [ "$k" -gt 0 ] && [ "$k" -lt "$long_n" ] && [ "$(tail -c 1 "$journal" | od -An -c | tr -d ' ')" = '\n' ] &&
   [ "$(wc -c < "$journal")" -le 1024 ] && earlier_intact "$data"; then
    ok "filgrense 1 KiB: handling $((k + 1)) avvist, journalen har $k hele linjer"
else
    fail "filgrense 1 KiB (kode $rc, $k handlinger)"; sed 's/^/    /' "$work/1b.err" | head -3
fi
acts "$long_inputs" | tail -n +$((k + 1)) > "$work/1b-rest.inputs"
"$skranken" resume "$journal" --inputs "$work/1b-rest.inputs" --data-dir "$data" \
    --report "$work/1b.json" --quiet > /dev/null 2> "$work/1b2.err"
if [ $? -eq 0 ] && "$tool" same "$long_ref" "$work/1b.json" > /dev/null; then
    ok "filgrense opphevet: fortsetter med resten, samme rapport"
else
    fail "filgrense 1 KiB opphevet"; sed 's/^/    /' "$work/1b2.err" | head -3
fi

# ------------------------------------------- 2 and 3: in a mount namespace
ns_script=$work/ns.sh
cat > "$ns_script" <<'EOF'
#!/bin/bash
# Runs inside «unshare -rm»: private mounts, removed when it ends.
set -u
skranken=$1 tool=$2 work=$3 scen=$4 inputs=$5 ref=$6 here=$7
. "$here/lib.sh"
n=$(acts "$inputs" | wc -l)
one_line() { [ "$(grep -c . "$1")" -eq 1 ]; }

# 2. read-only data folder
data=$work/ro
mkdir -p "$data/reports"
cp "$ref" "$data/reports/earlier.json"
esum=$(sha256sum < "$data/reports/earlier.json")
kill_at act:5 "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
    --journal --data-dir "$data" || fail "skrivebeskyttet: journalen ble ikke laget"
journal=$(journals "$data")
jsum=$(sha256sum < "$journal")
mount --bind "$data" "$data" && mount -o remount,bind,ro "$data" || fail "skrivebeskyttet: mount"
if touch "$data/probe" 2>/dev/null; then
    fail "skrivebeskyttet: mappa er ikke skrivebeskyttet"
else
    acts "$inputs" | tail -n +6 > "$work/rest.inputs"
    "$skranken" resume "$journal" --inputs "$work/rest.inputs" --data-dir "$data" > /dev/null 2> "$work/2a.err"
    rc=$?
    if [ $rc -eq 2 ] && one_line "$work/2a.err" && grep -qF "$journal: kan ikke åpne filen for skriving (Read-only file system)" "$work/2a.err" &&
       [ "$(sha256sum < "$journal")" = "$jsum" ]; then
        ok "skrivebeskyttet: resume sier hvorfor, journalen urørt"
    else
        fail "skrivebeskyttet: resume (kode $rc)"; sed 's/^/    /' "$work/2a.err" | head -3
    fi
    "$skranken" run "$scen" --inputs "$inputs" --journal --data-dir "$data" > /dev/null 2> "$work/2b.err"
    rc=$?
    if [ $rc -eq 2 ] && one_line "$work/2b.err" && grep -q "journalen kan ikke lagres: $data/journal/.*Read-only file system" "$work/2b.err"; then
        ok "skrivebeskyttet: et nytt forsøk med journal begynner ikke, og sier hvorfor"
    else
        fail "skrivebeskyttet: nytt forsøk (kode $rc)"; sed 's/^/    /' "$work/2b.err" | head -3
    fi
    "$skranken" run "$scen" --inputs "$inputs" --data-dir "$data" > /dev/null 2> "$work/2c.err"
    rc=$?
    if [ $rc -eq 2 ] && one_line "$work/2c.err" && grep -q "rapporten ble ikke lagret: $data/reports/.*Read-only file system" "$work/2c.err" &&
       [ "$(sha256sum < "$data/reports/earlier.json")" = "$esum" ] && [ "$(ls "$data/reports" | wc -l)" -eq 1 ]; then
        ok "skrivebeskyttet: rapporten kan ikke lagres, tidligere rapporter urørt"
    else
        fail "skrivebeskyttet: rapport (kode $rc)"; sed 's/^/    /' "$work/2c.err" | head -3
    fi
fi
umount "$data"
"$skranken" resume "$journal" --inputs "$work/rest.inputs" --data-dir "$data" --report "$work/2.json" \
    --quiet > /dev/null 2> "$work/2d.err"
if [ $? -eq 0 ] && "$tool" same "$ref" "$work/2.json" > /dev/null; then
    ok "skrivbar igjen: resume gir samme rapport"
else
    fail "skrivbar igjen"; sed 's/^/    /' "$work/2d.err" | head -3
fi

# 3. a tiny tmpfs, filled up
data=$work/tiny
mkdir -p "$data"
if mount -t tmpfs -o size=256k tmpfs "$data"; then
    mkdir -p "$data/reports"
    cp "$ref" "$data/reports/earlier.json"
    esum=$(sha256sum < "$data/reports/earlier.json")
    kill_at act:5 "$skranken" run "$scen" --inputs "$inputs" --seed 1 --trainee "Test Elev" \
        --journal --data-dir "$data" || fail "full disk: journalen ble ikke laget"
    journal=$(journals "$data")
    dd if=/dev/zero of="$data/fill" bs=4096 2>/dev/null
    "$skranken" resume "$journal" --finish --data-dir "$data" > /dev/null 2> "$work/3a.err"
    rc=$?
    if [ $rc -eq 2 ] && one_line "$work/3a.err" && grep -q "No space left on device" "$work/3a.err" &&
       [ "$(records "$journal")" -eq 5 ] && [ -z "$(find "$data" -name '*.tmp*')" ] &&
       [ "$(sha256sum < "$data/reports/earlier.json")" = "$esum" ]; then
        ok "full disk: klar melding, journalen og tidligere rapporter intakte"
    else
        fail "full disk (kode $rc)"; sed 's/^/    /' "$work/3a.err" | head -3
    fi
    "$skranken" run "$scen" --inputs "$inputs" --journal --data-dir "$data" > /dev/null 2> "$work/3b.err"
    rc=$?
    if [ $rc -eq 2 ] && one_line "$work/3b.err" && grep -q "No space left on device" "$work/3b.err"; then
        ok "full disk: et nytt forsøk begynner ikke, og sier hvorfor"
    else
        fail "full disk: nytt forsøk (kode $rc)"; sed 's/^/    /' "$work/3b.err" | head -3
    fi
    rm -f "$data/fill"
    "$skranken" resume "$journal" --finish --data-dir "$data" --report "$work/3.json" --quiet \
        > /dev/null 2> "$work/3c.err"
    if [ $? -eq 0 ] && [ -f "$work/3.json" ] && [ "$(journal_count "$data")" -eq 0 ]; then
        # finishing after 5 actions: the same as an uninterrupted attempt with them
        acts "$inputs" | head -n 5 > "$work/five.inputs"
        "$skranken" run "$scen" --inputs "$work/five.inputs" --seed 1 --trainee "Test Elev" \
            --report "$work/five.json" --quiet > /dev/null
        check "plass igjen: resume --finish gir samme rapport som uten avbrudd" \
            "$tool" same "$work/five.json" "$work/3.json"
    else
        fail "plass igjen"; sed 's/^/    /' "$work/3c.err" | head -3
    fi
    umount "$data"
else
    fail "full disk: tmpfs kunne ikke monteres"
fi
echo "ns: $passes $fails"
EOF
chmod +x "$ns_script"
if unshare -rm true 2>/dev/null; then
    unshare -rm "$ns_script" "$skranken" "$tool" "$work" "$scen" "$inputs" "$ref" "$here" > "$work/ns.out" 2>&1
    grep -E '^(ok|FEIL) |^    ' "$work/ns.out"
    p=$(sed -n 's/^ns: \([0-9]*\) \([0-9]*\)$/\1/p' "$work/ns.out")
    f=$(sed -n 's/^ns: \([0-9]*\) \([0-9]*\)$/\2/p' "$work/ns.out")
    if [ -z "$p" ]; then
        fail "navnerommet: skriptet stoppet"; tail -n 5 "$work/ns.out" | sed 's/^/    /'
    else
        passes=$((passes + p)) fails=$((fails + f))
    fi
else
    # No private mounts: make the folder unwritable another way.
    data=$work/ro
    earlier_setup "$data"
    if [ "$(id -u)" -ne 0 ]; then
        chmod 0500 "$data" "$data/reports"
        what="chmod"
    else
        : > "$data/journal" # a file where the journal folder should be
        what="en fil i veien"
    fi
    "$skranken" run "$scen" --inputs "$inputs" --journal --data-dir "$data" > /dev/null 2> "$work/2.err"
    rc=$?
    if [ $rc -eq 2 ] && one_line "$work/2.err" && grep -q "journalen kan ikke lagres: $data/journal" "$work/2.err" &&
       earlier_intact "$data"; then
        ok "skrivebeskyttet ($what): et forsøk med journal begynner ikke, og sier hvorfor"
    else
        fail "skrivebeskyttet ($what) (kode $rc)"; sed 's/^/    /' "$work/2.err" | head -3
    fi
    echo "merk: unshare -rm virker ikke her; skrivebeskyttet mappe og full tmpfs er prøvd bare delvis"
fi
finish_tests
