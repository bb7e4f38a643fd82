#!/usr/bin/env bash
# Run the built bundle the way a user would: from an empty folder, with a clean
# environment (no source tree, no venv on PATH/PYTHONPATH), offscreen.
#   packaging/smoke_bundle.sh [dist/investment-tracker]
set -euo pipefail
BUNDLE="$(cd "${1:-dist/investment-tracker}" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
run() {
  env -i PATH=/usr/bin:/bin HOME="$WORK" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    XDG_CONFIG_HOME="$WORK/config" TRACKER_DATA_DIR="$WORK/data" "$BUNDLE/tracker" "$@"
}
echo "== bundle: $BUNDLE"
run --version
run init --db "$WORK/demo.sqlite3" --demo
run check --db "$WORK/demo.sqlite3"
# xlsx and IATI XML export exercise XlsxWriter, lxml and the bundled XSD schema
run export --db "$WORK/demo.sqlite3" --format iati --out "$WORK/snapshot.xml"
run export --db "$WORK/demo.sqlite3" --format xlsx --out "$WORK/snapshot.xlsx"
test -s "$WORK/snapshot.xml" && test -s "$WORK/snapshot.xlsx"
echo "== bundle smoke passed"
