#!/bin/sh
# Records an attempt as a playthrough test: reads a report (from the window or
# from `skranken run`) and writes tests/playthroughs/<scenario-id>/NAME.inputs
# (the report's input log), NAME.expect.json (its grade, points, goal points and
# critical errors) and NAME.seed (when the seed is not 1). The next build turns
# it into the CTest case playthrough.<scenario-id>.NAME, which replays the inputs
# and fails if the result ever changes. See docs/authoring.md, "Ta opp en
# gjennomspilling som test".
#   tools/record-playthrough.sh REPORT.json NAME ["comment for the inputs file"]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "bruk: tools/record-playthrough.sh RAPPORT.json NAVN [\"kommentar\"]" >&2
    exit 2
fi
report=$1 name=$2 comment=${3:-}
case $name in
    *[!a-z0-9-]* | "" | -*) echo "record-playthrough: NAVN «$name»: bruk a-z, 0-9 og -" >&2; exit 2 ;;
esac
if [ ! -f "$report" ] || [ ! -r "$report" ]; then
    echo "record-playthrough: $report: finnes ikke eller kan ikke leses" >&2
    exit 2
fi
build=${SKRANKEN_BUILD_DIR:-$here/build}
tool=$build/tests/report_expect
if [ ! -x "$tool" ]; then
    "$here/tools/setup.sh"
fi
id=$("$tool" field "$report" scenario.id 2>/dev/null || true)
case $id in *[!a-z0-9-]*) id="" ;; esac
if [ -z "$id" ]; then
    echo "record-playthrough: $report: ikke en Skranken-rapport" >&2
    exit 2
fi
if [ ! -f "$here/scenarios/$id.lua" ]; then
    echo "record-playthrough: scenarioet «$id» ligger ikke i scenarios/ (legg det der først)" >&2
    exit 2
fi
dir=${SKRANKEN_PLAYTHROUGHS:-$here/tests/playthroughs}/$id
for f in "$dir/$name.inputs" "$dir/$name.expect.json"; do
    if [ -e "$f" ]; then
        echo "record-playthrough: $f finnes fra før (velg et annet navn)" >&2
        exit 2
    fi
done
mkdir -p "$dir"
tmp=$(mktemp "$dir/.$name.XXXXXX")
trap 'rm -f "$tmp"' EXIT
"$tool" expect "$report" >"$tmp"
seed=$("$tool" field "$report" seed)
{
    [ -n "$comment" ] && printf '# %s\n' "$comment"
    printf '# Tatt opp fra en rapport (frø %s).\n' "$seed"
    "$tool" inputs "$report" | sed 1d
} >"$dir/$name.inputs"
mv "$tmp" "$dir/$name.expect.json"
trap - EXIT
if [ "$seed" != 1 ]; then
    echo "$seed" >"$dir/$name.seed"
fi
echo "Skrev $dir/$name.inputs og $dir/$name.expect.json"
echo "Kjør testen: ./tools/test.sh -R 'playthrough.$id.$name'"
