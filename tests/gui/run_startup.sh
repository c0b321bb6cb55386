#!/bin/bash
# The window's start and the benchmark's options (docs/performance.md), with SDL's
# offscreen driver:
#  1. the library cache (data folder/cache/library.tsv): written at the first
#     start with one line per scenario; used at the next (a title planted in the
#     cache is what the library shows); not used for a file that changed, nor
#     after another catalog; a removed file leaves the cache;
#  2. a bad cache is ignored and written again, the library right: empty, binary,
#     truncated, a bad escape, too many fields, 5 MiB, another program's stamp, a
#     folder in its place; a cache that cannot be written does not stop the start;
#  3. --exit-after-first-frame prints the first frame's time and the screen, exits 0;
#  4. --frame-log writes one "screen microseconds" line per frame; a frame log
#     that cannot be written is an error naming the file.
#   run_startup.sh SKRANKEN SOURCE_DIR
set -u
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
skranken=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=offscreen XDG_RUNTIME_DIR=$work HOME=$work/home
mkdir -p "$HOME"
passes=0 fails=0
ok() { echo "ok   $1"; passes=$((passes + 1)); }
fail() { echo "FEIL $1"; fails=$((fails + 1)); }

# A library of two scenarios of our own.
lib=$work/lib
mkdir -p "$lib"
cp "$src/scenarios/telefon-datter-provesvar.lua" "$src/scenarios/skranke-egenandel.lua" "$lib/"
export SKRANKEN_SCENARIOS=$lib
data=$work/data
cache=$data/cache/library.tsv
title_a=$(sed -n 's/^  title = "\(.*\)",$/\1/p' "$lib/telefon-datter-provesvar.lua" | head -n 1)
title_b=$(sed -n 's/^  title = "\(.*\)",$/\1/p' "$lib/skranke-egenandel.lua" | head -n 1)
[ -n "$title_a" ] && [ -n "$title_b" ] || { echo "FEIL fant ikke titlene"; exit 1; }

printf 'wait_until screen library\ndump_text %s\nquit\n' "$work/shown.txt" > "$work/show.txt"
# Starts the window on the library, keeps what it showed in $work/shown.txt.
show() { # [extra args...]
    rm -f "$work/shown.txt"
    timeout -s KILL 60 "$skranken" play --data-dir "$data" --test-script "$work/show.txt" "$@" \
        >"$work/out" 2>"$work/err"
}
shows() { grep -qF -- "$1" "$work/shown.txt" 2>/dev/null; }
records() { tail -n +2 "$cache" 2>/dev/null | grep -c ''; }

# 1. written, used, refreshed
if show && shows "$title_a" && shows "$title_b" && [ -f "$cache" ] &&
   head -n 1 "$cache" | grep -q $'^skranken-bibliotek\t1\t' && [ "$(records)" -eq 2 ]; then
    ok "cache-written-at-first-start"
else
    fail "cache-written-at-first-start: $(cat "$work/err") $(head -c 300 "$cache" 2>/dev/null)"
fi
planted="Fra hurtigbufferen æøå"
plant() { # the cached title of telefon-datter-provesvar becomes $planted
    awk -F '\t' -v OFS='\t' -v t="$planted" 'NR > 1 && $6 == "telefon-datter-provesvar" { $7 = t } { print }' \
        "$cache" > "$work/c" && cat "$work/c" > "$cache"
}
plant
if show && shows "$planted" && ! shows "$title_a" && shows "$title_b"; then
    ok "cache-used-at-next-start"
else
    fail "cache-used-at-next-start: $(head -c 300 "$work/shown.txt" 2>/dev/null)"
fi
echo "-- endret" >> "$lib/telefon-datter-provesvar.lua"
if show && shows "$title_a" && ! shows "$planted" && ! grep -qF "$planted" "$cache"; then
    ok "cache-not-used-for-a-changed-file"
else
    fail "cache-not-used-for-a-changed-file"
fi
plant
cp "$src/assets/catalog.json" "$work/catalog.json"
if show --catalog "$work/catalog.json" && shows "$title_a" && ! shows "$planted"; then
    ok "cache-not-used-with-another-catalog"
else
    fail "cache-not-used-with-another-catalog"
fi
rm "$lib/skranke-egenandel.lua"
if show && ! shows "$title_b" && [ "$(records)" -eq 1 ]; then
    ok "cache-forgets-a-removed-file"
else
    fail "cache-forgets-a-removed-file: $(records) linjer"
fi
cp "$src/scenarios/skranke-egenandel.lua" "$lib/"
show

# 2. bad caches
bad_cache() { # name: the cache is already spoiled
    plant_ok=$1
    if show && [ ! -s "$work/err" ] && shows "$title_a" && shows "$title_b" &&
       head -n 1 "$cache" | grep -q $'^skranken-bibliotek\t1\t' && [ "$(records)" -eq 2 ]; then
        ok "bad-cache-$plant_ok"
    else
        fail "bad-cache-$plant_ok: $(head -c 200 "$work/err") $(records) linjer"
    fi
}
: > "$cache"; bad_cache empty
head -c 65536 /dev/urandom > "$cache"; bad_cache binary
show; head -c 200 "$cache" > "$work/c"; cat "$work/c" > "$cache"; bad_cache truncated
show; sed -i '2s/\t/\\q\t/' "$cache"; bad_cache bad-escape
show; sed -i '2s/$/\tekstra/' "$cache"; bad_cache extra-field
show; sed -i '2s/\t[0-9]*\t/\tnitten\t/' "$cache"; bad_cache non-number
show; { cat "$cache"; head -c $((5 << 20)) /dev/zero | tr '\0' 'x'; } > "$work/c"; cat "$work/c" > "$cache"; bad_cache huge
show; sed -i '1s/\t1\t/\t1\t0:0:0:0 /' "$cache"; plant; bad_cache other-stamp
show; awk -F '\t' -v OFS='\t' 'NR == 2 { $7 = "\377\033" $7 } { print }' "$cache" > "$work/c"
cat "$work/c" > "$cache"
if grep -q $'\xff\x1b' "$cache"; then
    bad_cache invalid-utf8-title
    ! grep -q $'\xff\x1b' "$work/shown.txt" "$cache" || fail "invalid-utf8-title-shown-or-kept"
else
    fail "invalid-utf8-title: the title was not spoiled"
fi
show; plant; sed -i '1s/$/x/' "$cache"; bad_cache changed-stamp
rm -f "$cache"; mkdir -p "$cache"
if show && shows "$title_a" && shows "$title_b"; then
    ok "cache-a-folder"
else
    fail "cache-a-folder: $(cat "$work/err")"
fi
rm -rf "$data/cache"
echo "ikke en mappe" > "$data/cache" # where the cache folder should be: it cannot be written
if show && [ ! -s "$work/err" ] && shows "$title_a" && shows "$title_b"; then
    ok "cache-not-writable"
else
    fail "cache-not-writable: $(cat "$work/err")"
fi
rm -f "$data/cache"

# 3. --exit-after-first-frame
timeout -s KILL 60 "$skranken" play --exit-after-first-frame --data-dir "$data" >"$work/out" 2>"$work/err"
rc=$?
t=$(sed -n 's/^first_frame_monotonic_s: \([0-9][0-9]*\.[0-9]\{9\}\)$/\1/p' "$work/out")
if [ $rc -eq 0 ] && [ -n "$t" ] && grep -qx "screen: library" "$work/out" && [ ! -s "$work/err" ] &&
   awk -v t="$t" 'BEGIN { exit !(t > 0) }'; then
    ok "exit-after-first-frame"
else
    fail "exit-after-first-frame: rc=$rc $(cat "$work/out" "$work/err")"
fi
timeout -s KILL 60 "$skranken" play telefon-datter-provesvar --exit-after-first-frame \
    --data-dir "$data" >"$work/out" 2>"$work/err"
if [ $? -eq 0 ] && grep -qx "screen: desk" "$work/out"; then
    ok "exit-after-first-frame-desk"
else
    fail "exit-after-first-frame-desk: $(cat "$work/out" "$work/err")"
fi

# 4. --frame-log
printf 'wait_until screen desk\nwait_until time 08:00:03\nquit\n' > "$work/desk.txt"
timeout -s KILL 60 "$skranken" play telefon-datter-provesvar --speed 4 --data-dir "$data" \
    --test-script "$work/desk.txt" --frame-log "$work/frames.txt" >"$work/out" 2>"$work/err"
rc=$?
n=$(grep -cE '^desk [0-9]+$' "$work/frames.txt" 2>/dev/null)
other=$(grep -vcE '^(#.*|(library|desk|debrief|other) [0-9]+)$' "$work/frames.txt" 2>/dev/null)
if [ $rc -eq 0 ] && [ "${n:-0}" -ge 10 ] && [ "${other:-1}" -eq 0 ]; then
    ok "frame-log ($n desk frames)"
else
    fail "frame-log: rc=$rc, $n desk lines, $other other: $(head -c 300 "$work/err")"
fi
timeout -s KILL 60 "$skranken" play --data-dir "$data" --test-script "$work/show.txt" \
    --frame-log "$work/no/such/folder/frames.txt" >"$work/out" 2>"$work/err"
rc=$?
if [ $rc -ne 0 ] && grep -qF "$work/no/such/folder/frames.txt" "$work/err"; then
    ok "frame-log-unwritable"
else
    fail "frame-log-unwritable: rc=$rc $(cat "$work/err")"
fi

echo "$passes ok, $fails feil"
[ $fails -eq 0 ]
