#!/usr/bin/env bash
# Make a .deb from the standalone folder built by packaging/build.sh (run that first).
#
#   packaging/make_deb.sh        ->  dist/assetmap_<version>_<arch>.deb
#
# The package puts the folder in /opt/assetmap, `assetmap` on the PATH, and the desktop
# integration where desktops look: the .desktop entry, the AppStream metainfo, the icon at
# 16..512 px (rendered from resources/assetmap.svg) and scalable, and the assetmap project
# file type (packaging/linux/io.github.assetmap.assetmap.xml). Debian's triggers update the
# desktop, MIME and icon caches, so the package needs no scripts of its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
python="${PYTHON:-python}"
app=io.github.assetmap.assetmap
[ -x dist/assetmap/assetmap ] || { echo "no dist/assetmap: run packaging/build.sh first" >&2; exit 2; }

version=$(PYTHONPATH="$root/src" "$python" -c 'import assetmap; print(assetmap.__version__)')
arch=$(dpkg --print-architecture)
stage="$root/build/deb/assetmap"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/metainfo" "$stage/usr/share/mime/packages" \
  "$stage/usr/share/icons/hicolor/scalable/apps"

cp -a dist/assetmap "$stage/opt/assetmap"
ln -s /opt/assetmap/assetmap "$stage/usr/bin/assetmap"
cp resources/$app.desktop "$stage/usr/share/applications/"
cp resources/$app.metainfo.xml "$stage/usr/share/metainfo/"
cp packaging/linux/$app.xml "$stage/usr/share/mime/packages/"
cp resources/assetmap.svg "$stage/usr/share/icons/hicolor/scalable/apps/"
QT_QPA_PLATFORM=offscreen PYTHONPATH="$root/src" "$python" packaging/render_icons.py \
  "$root/build/icons" >/dev/null
cp -a "$root/build/icons/hicolor/." "$stage/usr/share/icons/hicolor/"

if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$stage/usr/share/metainfo/$app.metainfo.xml"
fi

size_kb=$(du -sk "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: assetmap
Version: $version
Architecture: $arch
Maintainer: assetmap developers <assetmap@users.noreply.github.com>
Installed-Size: $size_kb
Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libxcb-cursor0
Section: science
Priority: optional
Homepage: https://github.com/assetmap/assetmap
Description: Community asset mapping for place-based planning
 Map a neighbourhood's community assets (groups, spaces, anchor institutions,
 services), find the gaps, and export maps for planning. Works offline; a
 project is one GeoPackage file. This package is the standalone build: it
 carries its own Python, Qt, GDAL and PROJ in /opt/assetmap.
CONTROL

out="dist/assetmap_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$stage" "$out"
echo "wrote $out ($(du -h "$out" | cut -f1))"
