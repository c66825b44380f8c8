#!/usr/bin/env bash
# Build the standalone assetmap (dist/assetmap/, one folder) and run its self-test.
#
#   packaging/build.sh [--clean]
#
# Uses the Python on PATH (or $PYTHON), which must have assetmap's dependencies installed
# (`python -m pip install .`); installs PyInstaller into it if missing. The app is built from
# this checkout's src/, whatever assetmap that Python has installed. Linux and macOS; on
# Windows run the two commands at the end by hand (packaging/README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${PYTHON:-python}"
clean=()
if [ "${1:-}" = "--clean" ]; then clean=(--clean); fi

if ! "$python" -m PyInstaller --version >/dev/null 2>&1; then
  echo "installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install 'pyinstaller>=6.10,<7'
fi

started=$(date +%s)
PYTHONPATH="$root/src${PYTHONPATH:+:$PYTHONPATH}" "$python" -m PyInstaller --noconfirm \
  ${clean[@]+"${clean[@]}"} --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/assetmap.spec
built=$(date +%s)
echo "built dist/assetmap in $((built - started)) s ($(du -sh dist/assetmap | cut -f1))"

# The self-test needs no display: Qt's offscreen platform is bundled.
status=0
QT_QPA_PLATFORM=offscreen dist/assetmap/assetmap --self-test || status=$?
tested=$(date +%s)
echo "self-test of the build: $((tested - built)) s; build and self-test: $((tested - started)) s"
exit "$status"
