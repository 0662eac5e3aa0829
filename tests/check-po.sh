#!/bin/bash
# Checks of the translations, as TAP. Usage: check-po.sh MODE SOURCE_ROOT
#   msgfmt    every po/*.po passes msgfmt --check and is UTF-8
#   potfiles  po/POTFILES.in names every file with translatable strings
#   complete  every translatable string of the sources is translated in
#             every po/*.po, none fuzzy
set -u
mode=$1
root=$2
cd "$root" || exit 1

# xgettext as meson's i18n.gettext(preset: 'glib') runs it.
xgettext_args=(--from-code=UTF-8 --add-comments
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
  --flag=g_printerr:1:c-format --flag=g_print:1:c-format)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
# The files POTFILES.in lists, without comments and blank lines.
potfiles () { sed -e 's/#.*//' -e 's/[[:space:]]*$//' po/POTFILES.in | grep -v '^$'; }

case $mode in
msgfmt)
  for po in po/*.po; do
    if out=$(msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1); then
      ok "msgfmt --check $po ($out)"
    else
      not_ok "msgfmt --check $po"
      echo "$out" | sed 's/^/# /'
    fi
    if grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"$' "$po"; then
      ok "$po is UTF-8"
    else
      not_ok "$po does not declare charset=UTF-8 (msginit writes ASCII: fix the header)"
    fi
  done
  ;;

potfiles)
  listed=$(potfiles | sort -u)
  missing_file=0
  for f in $listed; do
    if [ ! -f "$f" ]; then
      echo "# POTFILES.in names $f, which does not exist"
      missing_file=1
    fi
  done
  [ $missing_file = 0 ] && ok "every file in POTFILES.in exists" \
    || not_ok "every file in POTFILES.in exists"

  # Every source or .ui file from which xgettext takes a string.
  unlisted=0
  while IFS= read -r f; do
    if xgettext "${xgettext_args[@]}" -o "$tmp/one.pot" "$f" 2>/dev/null &&
       [ -s "$tmp/one.pot" ] && grep -q '^msgid "..*"' "$tmp/one.pot"; then
      if ! grep -qxF "$f" <<<"$listed"; then
        echo "# $f has translatable strings: add it to po/POTFILES.in"
        unlisted=1
      fi
    fi
    rm -f "$tmp/one.pot"
  done < <(find src -name '*.c' -o -name '*.h' -o -name '*.ui' | sort)
  [ $unlisted = 0 ] && ok "POTFILES.in lists every source file with translatable strings" \
    || not_ok "POTFILES.in lists every source file with translatable strings"

  for f in com.example.MutualPlan.desktop data/com.example.MutualPlan.metainfo.xml.in \
           data/com.example.MutualPlan.gschema.xml; do
    if grep -qxF "$f" <<<"$listed"; then ok "POTFILES.in lists $f"
    else not_ok "POTFILES.in lists $f"; fi
  done
  ;;

complete)
  if ! xgettext "${xgettext_args[@]}" --package-name=mutualplan -D "$root" \
       -f po/POTFILES.in -o "$tmp/mutualplan.pot" 2>"$tmp/xgettext.err"; then
    not_ok "xgettext extracts the strings of POTFILES.in"
    sed 's/^/# /' "$tmp/xgettext.err"
    echo "1..$n"
    exit 1
  fi
  total=$(grep -c '^msgid ' "$tmp/mutualplan.pot")
  ok "xgettext extracts $((total - 1)) strings"
  for po in po/*.po; do
    # msgcmp counts untranslated and fuzzy entries as missing.
    if out=$(msgcmp "$po" "$tmp/mutualplan.pot" 2>&1); then
      ok "$po translates every string of the sources"
    else
      not_ok "$po translates every string of the sources (update it: ninja -C BUILD mutualplan-update-po, then translate)"
      echo "$out" | head -40 | sed 's/^/# /'
    fi
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" 2>/dev/null | grep -c '^msgid ')
    if [ "$fuzzy" -eq 0 ]; then ok "$po has no fuzzy entries"
    else not_ok "$po has $((fuzzy - 1)) fuzzy entries"; fi
    untranslated=$(msgattrib --untranslated --no-obsolete "$po" 2>/dev/null | grep -c '^msgid ')
    if [ "$untranslated" -le 1 ]; then ok "$po has no untranslated entries"
    else not_ok "$po has $((untranslated - 1)) untranslated entries"; fi
  done
  ;;

*)
  echo "Bail out! unknown mode $mode"
  exit 2
  ;;
esac

echo "1..$n"
exit $failed
