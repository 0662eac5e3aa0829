#!/bin/bash
# `meson install --destdir` into a temporary folder, then checks the installed
# tree as a desktop would use it. As TAP.
# Usage: check-install.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR MANDIR LOCALEDIR
set -u
meson=$1 build=$2 prefix=$3 bindir=$4 datadir=$5 mandir=$6 localedir=$7
app=com.example.MutualPlan

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check () { local what=$1; shift; if "$@" >"$dest/.out" 2>&1; then ok "$what"; else not_ok "$what"; sed 's/^/# /' "$dest/.out"; fi; }
# Options may be relative to the prefix.
under () { case $1 in /*) echo "$dest$1" ;; *) echo "$dest$prefix/$1" ;; esac; }

if ! out=$("$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet 2>&1); then
  echo "not ok 1 - meson install --destdir"
  echo "$out" | sed 's/^/# /'
  echo "1..1"
  exit 1
fi
ok "meson install --destdir"

bin=$(under "$bindir")/mutualplan
data=$(under "$datadir")
man=$(under "$mandir")
locale=$(under "$localedir")
desktop=$data/applications/$app.desktop
metainfo=$data/metainfo/$app.metainfo.xml

check "the binary is installed and runs" env LANGUAGE= LANG=C.UTF-8 "$bin" --version
check "the desktop entry is installed" test -f "$desktop"
check "the desktop entry has German translations merged" grep -q '^Comment\[de\]=' "$desktop"
if command -v desktop-file-validate >/dev/null; then
  check "the installed desktop entry is valid" desktop-file-validate "$desktop"
fi
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
check "the desktop entry's Exec= ($exec_name) is the installed binary" test -x "$(under "$bindir")/$exec_name"
check "the desktop entry opens plans (MimeType=application/x-mutualplan)" \
  grep -q '^MimeType=.*application/x-mutualplan;' "$desktop"
icon=$(sed -n 's/^Icon=//p' "$desktop")
check "the desktop entry's icon ($icon) is installed, scalable" \
  test -f "$data/icons/hicolor/scalable/apps/$icon.svg"
check "the symbolic icon is installed" \
  test -f "$data/icons/hicolor/symbolic/apps/$icon-symbolic.svg"
if command -v xmllint >/dev/null; then
  check "the icons are well-formed SVG" xmllint --noout \
    "$data/icons/hicolor/scalable/apps/$icon.svg" "$data/icons/hicolor/symbolic/apps/$icon-symbolic.svg"
fi

check "the metainfo is installed" test -f "$metainfo"
check "the metainfo has German translations merged" grep -q 'xml:lang="de"' "$metainfo"
check "the metainfo launches the installed desktop entry" \
  grep -q "<launchable type=\"desktop-id\">$app.desktop</launchable>" "$metainfo"
if command -v appstreamcli >/dev/null; then
  check "the installed metainfo is valid" appstreamcli validate --no-net "$metainfo"
fi

check "the GSettings schema is installed" test -f "$data/glib-2.0/schemas/$app.gschema.xml"
check "the installed schemas compile" glib-compile-schemas --strict --dry-run "$data/glib-2.0/schemas"

check "the MIME package is installed" test -f "$data/mime/packages/$app.xml"
if command -v update-mime-database >/dev/null; then
  mkdir -p "$dest/mime"
  cp -r "$data/mime/packages" "$dest/mime/"
  check "update-mime-database reads the MIME package" update-mime-database "$dest/mime"
  check "*.mplan files are application/x-mutualplan" \
    grep -q '^[0-9]*:application/x-mutualplan:\*\.mplan$' "$dest/mime/globs2"
  check "application/x-mutualplan is a subclass of application/json" \
    grep -qx 'application/x-mutualplan application/json' "$dest/mime/subclasses"
fi

check "the man page is installed in man1" test -f "$man/man1/mutualplan.1"
check "the German catalog is installed" test -f "$locale/de/LC_MESSAGES/mutualplan.mo"
# The installed catalog, used by the installed binary.
help=$(MUTUALPLAN_LOCALEDIR="$locale" LANGUAGE=de LANG=C.UTF-8 "$bin" --help 2>&1)
check "the installed binary speaks German with the installed catalog" \
  grep -q 'Version ausgeben und beenden' <<<"$help"

echo "1..$n"
exit $failed
