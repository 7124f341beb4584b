#!/bin/sh
# Installs the Debian 12 packages GreenFreight Planner needs to build, test and run.
# Idempotent: when everything is present it only checks dpkg and returns.
set -eu

PACKAGES="
build-essential cmake pkg-config
qtbase5-dev qttools5-dev qttools5-dev-tools libqt5svg5-dev libqt5opengl5-dev
libqt5webkit5-dev libqt5serialport5-dev qtpositioning5-dev libqt5sql5-sqlite
libqgis-dev qgis-providers qgis python3-qgis
libgdal-dev gdal-bin libproj-dev libsqlite3-dev libgeos-dev
libqca-qt5-2-dev libqscintilla2-qt5-dev libqwt-qt5-dev libspatialindex-dev libzip-dev
libqt5keychain1 qt5keychain-dev libprotobuf-dev libexpat1-dev
coinor-libcbc-dev coinor-libclp-dev coinor-libosi-dev coinor-libcoinutils-dev coinor-libcgl-dev
fonts-noto-cjk xvfb xauth poppler-utils sqlite3
appstream desktop-file-utils
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing 2>&1 | tail -n 5
