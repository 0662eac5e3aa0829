#!/bin/bash
# gtk4-builder-tool validate on every .ui file under src/, as TAP.
# Usage: check-ui.sh SOURCE_ROOT. It needs a display (the suite runs under
# xvfb-run); without one, or without the tool (Debian: libgtk-4-bin), it skips.
set -u
root=$1
tool=$(command -v gtk4-builder-tool)
if [ -z "$tool" ]; then
  echo "1..0 # SKIP gtk4-builder-tool is not installed (Debian package libgtk-4-bin)"
  exit 0
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display: run the tests under xvfb-run"
  exit 0
fi

n=0
failed=0
while IFS= read -r ui; do
  n=$((n + 1))
  if out=$("$tool" validate "$ui" 2>&1); then
    echo "ok $n - ${ui#"$root"/}"
  else
    failed=1
    echo "not ok $n - ${ui#"$root"/}"
    echo "$out" | sed 's/^/# /'
  fi
done < <(find "$root/src" -name '*.ui' | sort)
echo "1..$n"
exit $failed
