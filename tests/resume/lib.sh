# Shared by the resume tests (sourced): results, waiting for a marker file, the
# action lines of an inputs file, a journal's records, and killing a real run at
# a chosen point. The program stops at a point deterministically: with
# SKRANKEN_TEST_HANG=POINT it writes $SKRANKEN_TEST_HANG_MARK and waits there to
# be killed (docs/journal.md, "Tests"); nothing here waits "long enough".

passes=0 fails=0
ok() { echo "ok   $1"; passes=$((passes + 1)); }
fail() { echo "FEIL $1"; fails=$((fails + 1)); }
# check NAME CONDITION...: ok if the command succeeds.
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

finish_tests() {
    echo "$passes ok, $fails feil"
    [ "$fails" -eq 0 ]
}

# Waits until FILE exists while process PID lives (at most 60 s). 1 if not.
wait_for() {
    for _ in $(seq 1 1200); do
        [ -e "$1" ] && return 0
        kill -0 "$2" 2>/dev/null || { [ -e "$1" ]; return; }
        sleep 0.05
    done
    return 1
}

# The action lines of an inputs file (no comments, no blank lines).
acts() { grep -v '^[[:space:]]*#' "$1" | grep -v '^[[:space:]]*$'; }

# The journals of a data folder, and how many action records one holds
# (complete lines not starting with '#').
journals() { ls "$1"/journal/*.journal 2>/dev/null; }
journal_count() { journals "$1" | wc -l; }
records() { grep -c -v '^#' "$1"; }

# CRC-32 (as zlib) of a string, in the journal's 8 lowercase hex digits: gzip
# stores it little-endian in its trailer (this host is little-endian too).
crc32() { printf '%s' "$1" | gzip -1 -c | tail -c 8 | head -c 4 | od -An -tx4 | tr -d ' \n'; }
# A journal record of an action line with a good checksum.
record() { local body="$1 #j ${2:-0}"; printf '%s %s\n' "$body" "$(crc32 "$body")"; }

# kill_at POINT CMD...: runs the command in the background with the hang point
# set, waits for the marker, kills it with SIGKILL. 0 if it was killed there.
kill_at() {
    local point=$1
    shift
    rm -f "$work/mark"
    SKRANKEN_TEST_HANG=$point SKRANKEN_TEST_HANG_MARK=$work/mark "$@" >"$work/killed.out" \
        2>"$work/killed.err" &
    local pid=$!
    if ! wait_for "$work/mark" $pid; then
        kill -9 $pid 2>/dev/null
        wait $pid 2>/dev/null
        sed 's/^/    /' "$work/killed.err" | head -3
        return 1
    fi
    kill -9 $pid
    wait $pid 2>/dev/null
    local rc=$?
    [ "$rc" -eq 137 ] || { echo "    avsluttet med $rc, ikke SIGKILL"; return 1; }
    return 0
}
