#!/bin/sh
# Builds the Debian package with CPack and checks what it installs and declares.
# Usage: check-package.sh BUILD_DIR
set -eu
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/healthhub_*.deb)
echo "package: $(basename "$deb")"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/healthhub \
         ./usr/share/applications/io.github.healthhub.HealthHub.desktop \
         ./usr/share/metainfo/io.github.healthhub.HealthHub.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.healthhub.HealthHub.svg; do
  echo "$contents" | grep -q " $f\$" || { echo "FAIL: $f missing from the package"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6webenginecore6 libqt6widgets6 libsodium23 libqt6keychain1 libsecret-1-0; do
  echo "$depends" | grep -q "$lib" || { echo "FAIL: Depends lacks $lib: $depends"; exit 1; }
done
# SQLCipher is linked statically: the package must not pull a shared SQLCipher or SQLite in.
if echo "$depends" | grep -q -e libsqlcipher -e libsqlite3; then
  echo "FAIL: package depends on a shared SQLite/SQLCipher: $depends"; exit 1
fi
dpkg-deb -x "$deb" "$out/root"
desktop-file-validate "$out/root/usr/share/applications/io.github.healthhub.HealthHub.desktop"
appstreamcli validate --no-net --pedantic "$out/root/usr/share/metainfo/io.github.healthhub.HealthHub.metainfo.xml" >/dev/null \
  || appstreamcli validate --no-net "$out/root/usr/share/metainfo/io.github.healthhub.HealthHub.metainfo.xml"
"$out/root/usr/bin/healthhub" --version
echo "1 passed, 0 failed"
