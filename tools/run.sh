#!/bin/sh
# Builds Skranken and starts it. Until the GUI lands, this plays the demo
# scenario headlessly from its recorded playthrough and prints the debrief.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/tools/setup.sh"
build=${SKRANKEN_BUILD_DIR:-$here/build}
echo
echo "Demo: «Datteren som vil ha prøvesvar», spilt fra innspilte handlinger"
echo "(tests/playthroughs/telefon-datter-provesvar/riktig.inputs)."
echo
exec "$build/skranken" run telefon-datter-provesvar \
    --inputs "$here/tests/playthroughs/telefon-datter-provesvar/riktig.inputs" \
    --trainee "Demo" "$@"
