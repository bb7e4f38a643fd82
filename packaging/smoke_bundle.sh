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
# the PDF report: Qt painting onto a PDF printer, charts as SVG vectors
run export --db "$WORK/demo.sqlite3" --format pdf --out "$WORK/report.pdf"
head -c 5 "$WORK/report.pdf" | grep -q '%PDF-'
# charts through matplotlib's SVG and PDF backends (hidden imports of the spec)
run chart --db "$WORK/demo.sqlite3" --chart status --out "$WORK/status.svg"
run chart --db "$WORK/demo.sqlite3" --chart timeline --out "$WORK/timeline.pdf"
test -s "$WORK/status.svg" && test -s "$WORK/timeline.pdf"
# the real window, offscreen: first table page and chart painted, one JSON line
run gui --db "$WORK/demo.sqlite3" --smoke | tee "$WORK/smoke.json"
grep -q '"ok": true' "$WORK/smoke.json"
# the window in Russian starts too, with the compiled translations inside the bundle
for lang in ru zh; do test -s "$BUNDLE/_internal/tracker/resources/translations/tracker_$lang.qm"; done
printf '[ui]\nlanguage=ru\n' >"$WORK/ru.ini"
env -i PATH=/usr/bin:/bin HOME="$WORK" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
  TRACKER_SETTINGS="$WORK/ru.ini" TRACKER_DATA_DIR="$WORK/data" \
  "$BUNDLE/tracker" gui --db "$WORK/demo.sqlite3" --smoke | grep -q '"ok": true'
echo "== bundle smoke passed"
