#!/usr/bin/env bash
# Build the standalone one-folder bundle: dist/chery-viewer/chery-viewer runs on a machine with
# no Python. Uses a build venv of its own (build/bundle-venv) with the app and PyInstaller
# installed from this checkout. Prints how long the build took and how big the bundle is.
#   bash packaging/build_bundle.sh            build into dist/chery-viewer
#   BUNDLE_VENV=/path bash packaging/build_bundle.sh   reuse another venv for the build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${BUNDLE_VENV:-$root/build/bundle-venv}
start=$(date +%s)
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "$root" "pyinstaller>=6.10,<7" "pyinstaller-hooks-contrib>=2024.8"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" \
  "$root/packaging/pyinstaller/chery-viewer.spec"
bundle="$root/dist/chery-viewer"
test -x "$bundle/chery-viewer"
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1), built in $(( $(date +%s) - start )) s)"
