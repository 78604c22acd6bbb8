#!/usr/bin/env bash
# Makes the Debian package dist/daybreak_<version>_amd64.deb: a Release build laid out under /usr
# (build-package/), then CPack's DEB generator. Install it with: apt install ./dist/daybreak_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-package -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build build-package --parallel "$(nproc)"
mkdir -p dist
(cd build-package && cpack -G DEB -B "$PWD/../dist" >/dev/null)
rm -rf dist/_CPack_Packages
ls "$PWD"/dist/daybreak_*_amd64.deb
