#!/bin/sh
# Runs every complete example scenario in the scenario API reference headlessly.
#   run_doc_examples.sh SKRANKEN REPORT_EXPECT DOC
#
# DOC marks its examples with fenced blocks:
#   ```lua example NAME       the scenario (required)
#   ```inputs example NAME    the inputs file, right after it (optional; default:
#                             one comment line, i.e. the trainee does nothing)
#   ```expect example NAME    a report expectation for REPORT_EXPECT (optional)
# Each example is played with `skranken run NAME.lua --inputs NAME.inputs
# --report NAME.report.json` (seed 1) in a fresh folder; a non-zero exit or a
# failed expectation fails the test, and so does a document with no examples.
set -u
if [ $# -ne 3 ]; then
    echo "usage: run_doc_examples.sh SKRANKEN REPORT_EXPECT DOC" >&2
    exit 2
fi
skranken=$1 expect_tool=$2 doc=$3
# We run from the examples' folder (so errors name NAME.lua): make paths absolute.
case $skranken in /*) ;; *) skranken=$(pwd)/$skranken ;; esac
case $expect_tool in /*) ;; *) expect_tool=$(pwd)/$expect_tool ;; esac
if [ ! -r "$doc" ]; then
    echo "$doc: cannot read the document" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/skranken-doc-examples.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM

# Extract the blocks. Fails on a malformed marker, a duplicate name, an inputs
# or expect block that does not follow its own lua block, or an open fence.
awk -v dir="$work" -v doc="$doc" '
function fail(msg) {
    print doc ":" NR ": " msg | "cat 1>&2"
    bad = 1
    exit 1
}
BEGIN { inblock = 0; bad = 0; last = "" }
inblock && /^```[ \t]*$/ {
    if (inblock == 1) close(file)
    inblock = 0
    next
}
inblock == 1 { print > file; next }
inblock == 2 { next }
/^```/ {
    info = substr($0, 4)
    n = split(info, f, /[ \t]+/)
    if (n < 2 || f[2] != "example") { inblock = 2; next }
    if (n != 3) fail("an example block is marked ```KIND example NAME")
    kind = f[1]; name = f[3]
    if (name !~ /^[a-z0-9][a-z0-9_-]*$/) fail("example name \"" name "\": use a-z, 0-9, _ and -")
    if (kind == "lua") ext = ".lua"
    else if (kind == "inputs") ext = ".inputs"
    else if (kind == "expect") ext = ".expect.json"
    else fail("unknown example block \"" kind "\" (lua, inputs or expect)")
    if ((kind, name) in seen) fail("second ```" kind " example " name)
    seen[kind, name] = 1
    if (kind == "lua") {
        last = name
        print name > (dir "/examples.list")
    } else if (name != last) {
        fail("```" kind " example " name " must come right after ```lua example " name \
             (last == "" ? "" : " (the last lua example is " last ")"))
    }
    file = dir "/" name ext
    printf "" > file
    inblock = 1
    next
}
END {
    if (bad) exit 1
    if (inblock) { print doc ": a fenced block is not closed" | "cat 1>&2"; exit 1 }
}
' "$doc" || exit 1

list=$work/examples.list
if [ ! -s "$list" ]; then
    echo "$doc: no examples found (fenced blocks marked \`\`\`lua example NAME)" >&2
    exit 1
fi

count=0 failed=0
while IFS= read -r name; do
    count=$((count + 1))
    log=$work/$name.log
    if [ ! -f "$work/$name.inputs" ]; then
        printf '# %s: the trainee does nothing\n' "$name" > "$work/$name.inputs"
    fi
    ok=1
    if ! (cd "$work" && "$skranken" run "$name.lua" --inputs "$name.inputs" \
            --report "$name.report.json") > "$log" 2>&1; then
        ok=0
    elif [ -f "$work/$name.expect.json" ] &&
        ! "$expect_tool" check "$work/$name.report.json" "$work/$name.expect.json" \
            >> "$log" 2>&1; then
        ok=0
    fi
    if [ $ok = 1 ]; then
        echo "ok     $name"
    else
        failed=$((failed + 1))
        echo "FAILED $name"
        sed 's/^/    /' "$log"
    fi
done < "$list"

echo "$count examples, $failed failed"
[ "$failed" = 0 ]
