#!/usr/bin/env bash
# Health Hub developer entry point. Idempotent: installs the Debian packages that are missing,
# configures and builds with two jobs, then does what was asked.
#
#   ./build.sh demo    build and open Health Hub on the demo family and demo health systems
#   ./build.sh test    build and run the whole test suite headless (what CI runs)
#   ./build.sh build   only build
#   ./build.sh deps    only install missing packages
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
PACKAGES=(
  cmake ninja-build g++ pkg-config libssl-dev
  qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-charts-dev qt6-pdf-dev qt6-svg-dev qt6-httpserver-dev
  qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libsqlcipher-dev libsodium-dev qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus
  xvfb xauth poppler-utils fonts-dejavu-core binutils dpkg-dev desktop-file-utils appstream
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ] || [ "${CI:-}" = "true" ]; then
    echo "==> apt-get update"
    as_root apt-get update -q
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  cmake --build "$BUILD_DIR" -j2
}

headless_env() {
  export QT_QPA_PLATFORM=offscreen
  export QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu"
  export QTWEBENGINE_DISABLE_SANDBOX=1
  export LC_ALL=C.UTF-8
  unset DISPLAY WAYLAND_DISPLAY
}

cmd=${1:-}
case "$cmd" in
  deps) deps ;;
  build) deps; build ;;
  test)
    deps
    build
    headless_env
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j2 --timeout 600
    ;;
  demo)
    deps
    build
    if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
    exec "$BUILD_DIR/app/healthhub" --demo
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
