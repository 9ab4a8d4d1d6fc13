#!/usr/bin/env bash
# Health Hub developer entry point. Idempotent: installs the Debian packages that are missing,
# configures and builds with two jobs, then does what was asked.
#
#   ./build.sh demo    build and open Health Hub on the demo family and demo health systems
#   ./build.sh test    build and run the whole test suite headless (what CI runs)
#   ./build.sh build   only build
#   ./build.sh deps    only install missing packages
#   ./build.sh fuzz [SECONDS]  build the libFuzzer targets (clang, build-fuzz) and run each for SECONDS (60)
#   ./build.sh sanitize        build everything with ASan+UBSan (build-asan) and run the whole suite
# `test` also builds the fuzzers and runs each for 60 s inside the suite (label fuzz); FUZZ=0 skips that.
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
FUZZ_DIR=${FUZZ_DIR:-build-fuzz}
ASAN_DIR=${ASAN_DIR:-build-asan}
PACKAGES=(
  cmake ninja-build g++ pkg-config libssl-dev
  qt6-base-dev qt6-base-dev-tools qt6-webengine-dev qt6-charts-dev qt6-pdf-dev qt6-svg-dev qt6-httpserver-dev
  qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libsqlcipher-dev libsodium-dev qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus
  xvfb xauth poppler-utils fonts-dejavu-core binutils dpkg-dev desktop-file-utils appstream
  clang libclang-rt-14-dev
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
  local fuzz_bin=""
  if [ "${FUZZ:-1}" != 0 ]; then fuzz_bin="$PWD/$FUZZ_DIR"; fi
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
    -DHH_FUZZ_BIN_DIR="$fuzz_bin" -DHH_FUZZ_SECONDS="${FUZZ_SECONDS:-60}" >/dev/null
  cmake --build "$BUILD_DIR" -j2 "$@"
}

# The four libFuzzer targets only (tests/fuzz/fuzz.cmake), with clang in their own build dir.
build_fuzz() {
  [ "${FUZZ:-1}" != 0 ] || return 0
  cmake -S . -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DHH_FUZZ=ON >/dev/null
  cmake --build "$FUZZ_DIR" -j2 --target fuzz_all
}

# A new demo vault: connect each family member to both demo health systems and sync, through the app's own
# sign-in (the in-process demo portals approve by themselves offscreen) and sync, so the window opens on a
# family with records. Done once: a marker file records that it succeeded (an interrupted fill is redone).
demo_fill() {
  local hh="$BUILD_DIR/app/healthhub"
  local dir="${HH_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/HealthHub/HealthHub-demo}"
  [ ! -e "$dir/.demo-filled" ] || return 0
  echo "==> connecting the demo family to the demo health systems and syncing (first run only)"
  local names failed=0
  names=$(QT_QPA_PLATFORM=offscreen "$hh" --demo profile list | cut -f2) || return 1
  local name endpoint
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    for endpoint in demo-epic demo-athena; do
      QT_QPA_PLATFORM=offscreen "$hh" --demo connect --profile "$name" --endpoint "$endpoint" >/dev/null || failed=1
    done
  done <<< "$names"
  QT_QPA_PLATFORM=offscreen "$hh" --demo sync >/dev/null || failed=1
  [ "$failed" = 0 ] || return 1
  touch "$dir/.demo-filled"
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
    build_fuzz
    build
    headless_env
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j2 --timeout 600
    ;;
  fuzz)
    deps
    build_fuzz
    FUZZ_SECONDS=${2:-60} build --target fuzz_page_seeds fuzz_smart_seeds fuzz_normalizer_seeds
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j2 -L fuzz
    ;;
  sanitize)
    # -O0 -g1: compiles about twice as fast as -O2 -g on 2 cores; ASan/UBSan settings per test come
    # from tests/sanitizers/sanitizers.cmake.
    deps
    launcher=()
    if command -v ccache >/dev/null; then
      launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S . -B "$ASAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHH_SANITIZE=ON \
      -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" -DCMAKE_C_FLAGS_DEBUG="-O0 -g1" "${launcher[@]}" >/dev/null
    cmake --build "$ASAN_DIR" -j2
    headless_env
    cd "$ASAN_DIR"
    exec ctest --output-on-failure -j2 --timeout 1800
    ;;
  demo)
    deps
    build
    if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
    demo_fill || echo "==> the demo family could not be connected and synced; the app opens anyway"
    exec "$BUILD_DIR/app/healthhub" --demo
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
