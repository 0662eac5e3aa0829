#!/bin/bash
# gtk4-builder-tool validate on every .ui file under src/, as TAP.
# Usage: check-ui.sh SOURCE_ROOT. It needs a display (the suite runs under
# xvfb-run) and the tool (Debian: libgtk-4-bin): without them it skips, and
# fails when CI=true.
#
# The tool knows GTK's types only and resolves signal handlers in itself:
# it checks a copy in which our own widgets (<object class="Mp…">) stand as
# GtkBox without their properties and <signal> elements are left out.
# test-ui-templates builds every template with our types and callbacks.
set -u
root=$1
missing() {
  if [ "${CI:-}" = true ]; then
    echo "1..1"
    echo "not ok 1 - $1"
    exit 1
  fi
  echo "1..0 # SKIP $1"
  exit 0
}
tool=$(command -v gtk4-builder-tool) || missing "gtk4-builder-tool is not installed (Debian package libgtk-4-bin)"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  missing "no display: run the tests under xvfb-run"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
while IFS= read -r ui; do
  n=$((n + 1))
  copy="$tmp/$(basename "$ui")"
  /usr/bin/python3 - "$ui" "$copy" <<'PY'
import sys
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1], ET.XMLParser(target=ET.TreeBuilder(insert_comments=True)))
for parent in tree.iter():
    for child in list(parent):
        if child.tag == 'signal':
            parent.remove(child)
for obj in tree.iter('object'):
    if obj.get('class', '').startswith('Mp'):
        obj.set('class', 'GtkBox')
        for prop in obj.findall('property'):
            obj.remove(prop)
tree.write(sys.argv[2], encoding='UTF-8', xml_declaration=True)
PY
  if out=$("$tool" validate "$copy" 2>&1); then
    echo "ok $n - ${ui#"$root"/}"
  else
    failed=1
    echo "not ok $n - ${ui#"$root"/}"
    echo "$out" | sed 's/^/# /'
  fi
done < <(find "$root/src" -name '*.ui' | sort)
echo "1..$n"
exit $failed
