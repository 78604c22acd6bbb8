#!/usr/bin/env bash
# Installs everything Daybreak needs to build, run and test on Debian 12 (run as root).
set -euo pipefail
packages=(
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libqt6sql6-sqlite libqt6sql6-psql
  libqt6sql6-mysql libqt6sql6-odbc mariadb-server odbc-postgresql unixodbc
  qt6-httpserver-dev qt6-websockets-dev libcurl4-openssl-dev
  qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  libboost-graph-dev libgl-dev cmake ninja-build g++ xvfb xauth imagemagick
  libpq-dev procps poppler-utils graphviz postgresql tzdata faketime clang-format
  dpkg-dev groff-base desktop-file-utils openssl
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
