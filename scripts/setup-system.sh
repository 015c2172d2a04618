#!/bin/sh
# Installs the Debian packages batchpilot needs, only those that are missing, so a second run
# costs one dpkg query:
#   sh scripts/setup-system.sh run    what the window and the command line need (make run)
#   sh scripts/setup-system.sh test   that, plus what the tests, screenshots and installer build
#                                     need (make test)
# EXTRA_PACKAGES="a b" adds packages to either list.
set -eu

# Python's venv and headers, Qt's runtime libraries (xcb platform, GL, fonts, D-Bus), a font;
# Tesseract's English and orientation data for parse's OCR (the library comes in tesserocr's wheel).
RUN_PACKAGES="python3-venv python3-dev libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6
libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1
libxcb-xinerama0 libxrender1 libx11-xcb1 fonts-dejavu-core tesseract-ocr-eng tesseract-ocr-osd"
# Xvfb and xauth for the real-window tests and screenshots; binutils for PyInstaller (the
# packaging test); zip and unzip for the Info-ZIP interoperability tests, 7zip (its `7zz`) for the
# 7-Zip ones; appstream and desktop-file-utils to validate the metainfo and the desktop entry.
# tesseract-ocr (the program, the OCR benchmark's peer) and German data for the second-language OCR test.
TEST_PACKAGES="xvfb xauth binutils zip unzip 7zip appstream desktop-file-utils dbus-daemon tesseract-ocr
tesseract-ocr-deu"

case "${1:-run}" in
    run) PACKAGES="$RUN_PACKAGES" ;;
    test) PACKAGES="$RUN_PACKAGES $TEST_PACKAGES" ;;
    *) echo "usage: sh scripts/setup-system.sh [run|test]" >&2; exit 2 ;;
esac
PACKAGES="$PACKAGES ${EXTRA_PACKAGES:-}"

# One dpkg-query for all of them: it prints the installed ones and complains about the others.
# shellcheck disable=SC2086
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $PACKAGES 2>/dev/null |
    awk '$2 == "installed" { print $1 }' || true)
missing=""
for p in $PACKAGES; do
    case " $(echo $installed) " in
        *" $p "*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "batchpilot: install these system packages with your package manager:$missing" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "batchpilot: run as root or install sudo; missing:$missing" >&2; exit 1; }
    SUDO=sudo
fi
echo "batchpilot: installing system packages:$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
