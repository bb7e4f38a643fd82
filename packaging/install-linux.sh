#!/usr/bin/env bash
# Install the one-folder bundle for the current user (no root):
#   packaging/install-linux.sh [dist/investment-tracker]
# Copies the bundle to ~/.local/lib/investment-tracker, links ~/.local/bin/tracker,
# and registers the menu entry, the icon and the AppStream metadata.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$(cd "${1:-$HERE/../dist/investment-tracker}" && pwd)"
ID=org.investmenttracker.InvestmentTracker
PREFIX="${PREFIX:-$HOME/.local}"
DATA="${XDG_DATA_HOME:-$PREFIX/share}"

rm -rf "$PREFIX/lib/investment-tracker"
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$DATA/applications" "$DATA/metainfo"
cp -a "$SRC" "$PREFIX/lib/investment-tracker"
ln -sf "$PREFIX/lib/investment-tracker/tracker" "$PREFIX/bin/tracker"
sed "s|^Exec=tracker gui|Exec=$PREFIX/bin/tracker gui|; s|^TryExec=tracker|TryExec=$PREFIX/bin/tracker|" \
  "$HERE/$ID.desktop" >"$DATA/applications/$ID.desktop"
cp "$HERE/$ID.metainfo.xml" "$DATA/metainfo/"
ICONS="$SRC/_internal/tracker/resources/icons"
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
  cp "$ICONS/app-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/$ID.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps"
cp "$ICONS/app.svg" "$DATA/icons/hicolor/scalable/apps/$ID.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$DATA/icons/hicolor" || true
echo "Installed: $PREFIX/bin/tracker (menu: Investment Tracker)"
