#!/usr/bin/env bash
# Build the Linux bundle of deskwfm: a one-folder PyInstaller build with a .desktop file, the
# icon and an install script, packed as a tar.gz.
#
#   installer/build.sh [--dist DIR] [--work DIR] [--no-tar]
#
# Output: DIR/deskwfm/ (run DIR/deskwfm/deskwfm) and DIR/deskwfm-VERSION-linux-ARCH.tar.gz.
# Defaults: DIR=dist, work files in build/pyinstaller. Needs: pip install -e '.[test]'
# (PyInstaller is in the test extra). Uses the python3 on PATH, or $PYTHON.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
TAR=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$(realpath -m "$2")"; shift 2 ;;
    --work) WORK="$(realpath -m "$2")"; shift 2 ;;
    --no-tar) TAR=0; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-python3}"

VERSION="$("$PYTHON" -c 'import deskwfm; print(deskwfm.__version__)')"
ARCH="$(uname -m)"
echo "building deskwfm $VERSION for linux-$ARCH into $DIST"

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/installer/deskwfm.spec"

APP="$DIST/deskwfm"
install -m 644 "$ROOT/resources/icons/deskwfm-256.png" "$APP/deskwfm.png"
install -m 644 "$ROOT/installer/linux/deskwfm.desktop" "$APP/deskwfm.desktop"
install -m 755 "$ROOT/installer/linux/install.sh" "$APP/install.sh"
install -m 644 "$ROOT/installer/linux/README.txt" "$APP/README.txt"

if [ "$TAR" = 1 ]; then
  TARBALL="$DIST/deskwfm-$VERSION-linux-$ARCH.tar.gz"
  tar -C "$DIST" -czf "$TARBALL" deskwfm
  echo "wrote $TARBALL ($(du -h "$TARBALL" | cut -f1))"
fi
echo "bundle: $APP ($(du -sh "$APP" | cut -f1)); run $APP/deskwfm"
