#!/bin/sh
# Builds batchpilot's installers from the project's virtualenv, then smoke-tests them:
#   packaging/out/bundle/batchpilot/             the one-folder bundle (PyInstaller)
#   packaging/out/batchpilot_VERSION_ARCH.deb     the Debian package made from it
#
#   sh packaging/build.sh [--no-smoke]     (or: make package)
#
# Needs the set-up of 'make setup' (.venv with the project, Qt's system libraries). Installs
# what is missing: the 'package' extra (PyInstaller) into .venv, and binutils (PyInstaller
# reads and strips binaries with it) through apt-get. DEB_COMPRESSION=zstd makes a bigger
# .deb in a fraction of the time xz takes (dpkg reads both since Debian 12).
set -eu
cd "$(dirname "$0")/.."
# PyInstaller's cache (stripped binaries, its bootloader builds) inside the project rather than
# in ~/.cache/pyinstaller, so 'make clean' removes it and the build leaves nothing in the home folder.
PYINSTALLER_CONFIG_DIR="${PYINSTALLER_CONFIG_DIR:-$(pwd)/packaging/out/pyinstaller}"
export PYINSTALLER_CONFIG_DIR

PY=.venv/bin/python
SMOKE=1
for arg in "$@"; do
    case "$arg" in
        --no-smoke) SMOKE=0 ;;
        *) echo "usage: sh packaging/build.sh [--no-smoke]" >&2; exit 2 ;;
    esac
done

if [ ! -x "$PY" ]; then
    echo "build.sh: no virtualenv in .venv; run 'make setup' first" >&2
    exit 1
fi

missing=""
for tool in objdump readelf strip; do
    command -v "$tool" >/dev/null 2>&1 || missing="binutils"
done
command -v dpkg-deb >/dev/null 2>&1 || { echo "build.sh: dpkg-deb not found: build the .deb on Debian or Ubuntu" >&2; exit 1; }
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    echo "build.sh: installing $missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: installing the 'package' extra (PyInstaller) into .venv"
    "$PY" -m pip install -q -e '.[package]'
fi

# The window's translations: the bundle carries whatever resources/translations/*.qm exist.
if [ -f scripts/translations.py ]; then
    "$PY" scripts/translations.py build
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --distpath packaging/out/bundle --workpath packaging/out/work packaging/batchpilot.spec
bundled=$(date +%s)
deb=$("$PY" packaging/make_deb.py packaging/out/bundle/batchpilot --out packaging/out \
    --compression "${DEB_COMPRESSION:-xz}")
packed=$(date +%s)
echo "build.sh: bundle in $((bundled - start)) s, .deb in $((packed - bundled)) s: $deb"
echo "build.sh: bundle $(du -sh packaging/out/bundle/batchpilot | cut -f1), .deb $(du -h "$deb" | cut -f1)"

if [ "$SMOKE" -eq 1 ]; then
    "$PY" packaging/smoke_test.py --deb "$deb"
    echo "build.sh: smoke test in $(($(date +%s) - packed)) s"
fi
