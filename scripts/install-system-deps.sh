#!/usr/bin/env bash
# System packages the app's native modules and the test suite need on Debian/Ubuntu:
# Chromium for the end-to-end tests (Playwright drives Debian's build; it downloads none),
# libsecret + gnome-keyring + dbus for keytar and the real Secret Service in tests,
# a compiler toolchain for better-sqlite3 and keytar, which build from source, LibreOffice Calc
# (headless) to recompute the exported worksheet's formulas in a real spreadsheet engine, and
# poppler-utils (pdftoppm) to render exported PDFs to images in tests; fonts-liberation (Arial's
# metrics, which echarts lays out chart text with) plus DejaVu as fallback: resvg draws a PNG chart's
# text only with fonts it finds on the system.
set -euo pipefail
packages=(chromium libsecret-1-dev gnome-keyring dbus dbus-x11 build-essential python3 libreoffice-calc-nogui poppler-utils fonts-liberation fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages already installed."
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
