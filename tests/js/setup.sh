#!/bin/sh
# Test set-up: installs the dev-only JavaScript validators (xapi-validation for
# xAPI statements, ajv for the report's JSON Schema) from the npm registry into
# DIR/node_modules, exactly as locked in tests/js/package-lock.json. Nothing here
# is used by Skranken itself. Usage: setup.sh DIR
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dir=$1
mkdir -p "$dir"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "setup.sh: node og npm trengs for xAPI- og skjema-testene (tools/setup.sh installerer dem)" >&2
    exit 1
fi
if [ -f "$dir/package-lock.json" ] && cmp -s "$src/package-lock.json" "$dir/package-lock.json" &&
   [ -d "$dir/node_modules/xapi-validation" ] && [ -d "$dir/node_modules/ajv" ]; then
    exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
node -e 'require("xapi-validation"); require("ajv/dist/2020"); require("ajv-formats")'
