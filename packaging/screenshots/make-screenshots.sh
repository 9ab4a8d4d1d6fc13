#!/bin/sh
# Regenerates the README's screenshots (packaging/screenshots/*.png) from the demo family, offscreen:
# a demo vault in a temporary folder, the family connected to the in-process demo health systems and
# synced, the clean-records pipeline run, then the dashboard, a profile view (summary, labs & vitals)
# and the first page of a visit summary PDF. Also the dashboard in Spanish (dashboard-es.png).
#
#   packaging/screenshots/make-screenshots.sh [BUILD_DIR]     (default BUILD_DIR: build)
#
# Needs the test build (HH_BUILD_TESTS=ON, the default) and pdftoppm (Debian's poppler-utils, installed
# here when missing). Only synthetic people appear in the pictures.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$root/$build ;; esac

if ! command -v pdftoppm >/dev/null 2>&1; then
    echo "make-screenshots: installing poppler-utils (pdftoppm)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y --no-install-recommends poppler-utils \
        || { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends poppler-utils; }
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja
fi
cmake --build "$build" -j2 --target hh_make_screenshots
tool=$build/packaging/screenshots/hh_make_screenshots

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

run() {
    QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 QT_LOGGING_RULES='hh.*.debug=false;hh.*.info=false' \
        "$tool" "$@"
}
run "$tmp/en" --lang en
run "$tmp/es" --lang es

pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/en/visit-summary.pdf" "$tmp/en/visit-summary"

for f in dashboard profile-summary profile-labs visit-summary; do
    cp "$tmp/en/$f.png" "$here/$f.png"
done
cp "$tmp/es/dashboard.png" "$here/dashboard-es.png"
echo "make-screenshots: wrote $(cd "$here" && ls ./*.png | tr '\n' ' ')"
