#!/bin/sh
# Plays every recorded playthrough (tests/playthroughs/<id>/<name>.inputs, with its
# <name>.seed when there is one) headlessly and saves each report as
# OUTDIR/<id>-<name>.json: the real reports the benchmarks replay and multiply.
#
#   tools/bench/playthrough-reports.sh SKRANKEN OUTDIR
#
# Exit 0, or 2 when a playthrough could not be played at all.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -eq 2 ] || { echo "bruk: playthrough-reports.sh SKRANKEN UTMAPPE" >&2; exit 2; }
skranken=$1 out=$2
mkdir -p "$out"
for dir in "$src"/tests/playthroughs/*/; do
    id=$(basename "$dir")
    for inputs in "$dir"*.inputs; do
        [ -f "$inputs" ] || continue
        name=$(basename "$inputs" .inputs)
        seed=1
        [ -f "$dir$name.seed" ] && seed=$(head -n 1 "$dir$name.seed")
        # exit 1 (the inputs stop fitting) still saves a report; only 2 is fatal
        rc=0
        "$skranken" run "$src/scenarios/$id.lua" --inputs "$inputs" --seed "$seed" \
            --trainee Elev --report "$out/$id-$name.json" --quiet >/dev/null 2>&1 || rc=$?
        [ "$rc" -ne 2 ] || { echo "playthrough-reports: $id/$name kunne ikke spilles" >&2; exit 2; }
    done
done
