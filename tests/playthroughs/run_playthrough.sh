#!/bin/sh
# Plays one recorded playthrough headlessly and checks the report.
#   run_playthrough.sh SKRANKEN REPORT_EXPECT SCENARIO INPUTS EXPECT SEED WORKDIR
set -eu
skranken=$1 expect_tool=$2 scenario=$3 inputs=$4 expect=$5 seed=$6 work=$7
name=$(basename "$inputs" .inputs)
mkdir -p "$work"
report="$work/$name.json"
rm -f "$report"
"$skranken" run "$scenario" --inputs "$inputs" --seed "$seed" --trainee "Test Elev" \
    --report "$report"
"$expect_tool" check "$report" "$expect"
