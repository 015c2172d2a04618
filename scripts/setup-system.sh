#!/bin/sh
# Installs the Debian packages batchpilot needs (Qt's runtime libraries, Xvfb for the real-window
# tests, a font, python3-venv, binutils for building the installer), only those that are missing,
# so a second run costs a dpkg query.
set -eu

PACKAGES="python3-venv python3-dev libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6
libdbus-1-3 xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1
libxcb-xinerama0 libxrender1 libx11-xcb1 fonts-dejavu-core binutils ${EXTRA_PACKAGES:-}"

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing="$missing $p"
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
