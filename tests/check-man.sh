#!/bin/bash
# The man page documents every option the program lists, and groff reads it
# without a warning. Usage: check-man.sh MUTUALPLAN MAN_PAGE
set -u
exe=$1
page=$2
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

help=$(LANGUAGE= LANG=C.UTF-8 "$exe" --help-all) || { echo "Bail out! $exe --help-all failed"; exit 1; }
options=$(grep -oE '^ +(-[a-zA-Z?], )?--[a-z][a-z0-9-]*' <<<"$help" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
[ -n "$options" ] || { echo "Bail out! no options found in --help-all"; exit 1; }
# The tags of the OPTIONS section: the line after each .TP, minus signs
# unescaped (roff writes them \-).
tags=$(awk '/^\.SH /{opts = ($2 == "OPTIONS")} opts && tp {print; tp = 0} /^\.TP/{tp = 1}' "$page" |
       sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g')
for opt in $options; do
  if grep -qE -- "(^|[^a-z-])${opt}([^a-z-]|$)" <<<"$tags"; then
    ok "the man page documents $opt"
  else
    not_ok "the man page documents $opt (add it to data/mutualplan.1)"
  fi
done

if command -v groff >/dev/null; then
  if out=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1) && [ -z "$out" ]; then
    ok "groff reads the man page without warnings"
  else
    not_ok "groff reads the man page without warnings"
    echo "$out" | sed 's/^/# /'
  fi
else
  ok "groff reads the man page without warnings # SKIP groff is not installed"
fi
echo "1..$n"
exit $failed
