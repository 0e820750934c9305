#!/bin/sh
# Put deskwfm in your applications menu (per user, no root needed). Run from the unpacked folder:
#   ./install.sh            add the menu entry and the icon
#   ./install.sh --remove   take them away again (your schedule database is not touched)
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"
ICONS="$DATA/icons/hicolor/256x256/apps"
BIN="$HOME/.local/bin"

if [ "${1:-}" = "--remove" ]; then
  rm -f "$APPS/deskwfm.desktop" "$ICONS/deskwfm.png"
  [ -L "$BIN/deskwfm" ] && rm -f "$BIN/deskwfm"
  echo "deskwfm removed from the menu; your data in $DATA/deskwfm is kept."
  exit 0
fi

mkdir -p "$APPS" "$ICONS" "$BIN"
cp "$HERE/deskwfm.png" "$ICONS/deskwfm.png"
sed -e "s|^Exec=.*|Exec=\"$HERE/deskwfm\"|" -e "s|^Icon=.*|Icon=$ICONS/deskwfm.png|" \
  "$HERE/deskwfm.desktop" > "$APPS/deskwfm.desktop"
chmod 644 "$APPS/deskwfm.desktop"
ln -sf "$HERE/deskwfm" "$BIN/deskwfm"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
echo "deskwfm added to the applications menu; 'deskwfm' also runs from a terminal ($BIN)."
