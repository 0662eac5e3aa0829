#!/bin/bash
# The command line in German, from the build tree, as TAP.
# Usage: test-i18n-cli.sh MUTUALPLAN DATA_DIR
# The environment has MUTUALPLAN_LOCALEDIR (the build's po/ folder, where the
# .mo files are compiled) and MUTUALPLAN_TODAY (a fixed day for warnings).
set -u
exe=$1
data=$2
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; [ $# -gt 1 ] && echo "$2" | sed 's/^/# /'; }
de () { LANGUAGE=de LANG=C.UTF-8 LC_ALL= "$exe" "$@" 2>&1; }
en () { LANGUAGE= LANG=C.UTF-8 LC_ALL= "$exe" "$@" 2>&1; }
has () { grep -qF -- "$2" <<<"$1"; }

if [ ! -f "${MUTUALPLAN_LOCALEDIR:-}/de/LC_MESSAGES/mutualplan.mo" ]; then
  echo "Bail out! no German catalog in MUTUALPLAN_LOCALEDIR=${MUTUALPLAN_LOCALEDIR:-}"
  exit 1
fi

# --help: the summary and every option's description are German.
help_en=$(en --help)
help_de=$(de --help)
if has "$help_en" "Print the version and exit" && has "$help_de" "Version ausgeben und beenden" &&
   has "$help_de" "den Verkauf gemeinsam mit dem Kunden planen" && has "$help_de" "[DATEI…]"; then
  ok "--help is German with LANGUAGE=de"
else
  not_ok "--help is German with LANGUAGE=de" "$help_de"
fi
# Each option line of the English help: its description must not be left in English.
left=""
while IFS= read -r line; do
  desc=$(sed -E 's/^ +(-[a-zA-Z], )?--[^ ]+ +//' <<<"$line")
  [ -n "$desc" ] && has "$help_de" "$desc" && left+="$desc"$'\n'
done < <(grep -E '^ +(-[a-zA-Z], )?--[a-z]' <<<"$help_en" | grep -vE -- '--help')
if [ -z "$left" ]; then
  ok "no option of --help is left in English"
else
  not_ok "no option of --help is left in English" "$left"
fi

# --check: warnings in German, plan content untouched.
out=$(de --check "$data/valid/acme-rollout.mplan")
if has "$out" "acme-rollout.mplan: OK" && has "$out" ": Warnung: „Security review“ ist überfällig: Es war am" &&
   ! has "$out" "is overdue"; then
  ok "--check prints German warnings"
else
  not_ok "--check prints German warnings" "$out"
fi
out=$(de --check "$data/valid/minimal.mplan")
if has "$out" "participants: Warnung: Niemand auf Kundenseite"; then
  ok "--check: the warning about a plan without customer people is German"
else
  not_ok "--check: the warning about a plan without customer people is German" "$out"
fi
# Umlauts in the plan come through unchanged.
out=$(de --check "$data/valid/mueller-maschinenbau.mplan")
en_out=$(en --check "$data/valid/mueller-maschinenbau.mplan")
if has "$out" "mueller-maschinenbau.mplan: OK" && [ "$(grep -c . <<<"$out")" = "$(grep -c . <<<"$en_out")" ]; then
  ok "--check on a plan with umlauts gives as many lines in German as in English"
else
  not_ok "--check on a plan with umlauts gives as many lines in German as in English" "$out"
fi

# Wrong usage: the message is German, the exit status still 2.
out=$(de --report)
status=$?
if [ $status = 2 ] && has "$out" "--report braucht die Plandatei"; then
  ok "a usage error is German and exits 2"
else
  not_ok "a usage error is German and exits 2 (status $status)" "$out"
fi
out=$(de --no-such-option)
status=$?
if [ $status = 2 ] && has "$out" "„mutualplan --help“ listet alle Optionen auf."; then
  ok "an unknown option points to --help in German"
else
  not_ok "an unknown option points to --help in German (status $status)" "$out"
fi

# --report: the app's own words follow the UI language, the plan's do not.
out=$(de --report --format=markdown "$data/valid/acme-rollout.mplan")
if has "$out" "# Statusbericht: ACME Corp" && has "$out" "## Überfällig" &&
   has "$out" "**Fortschritt:**" && has "$out" "## Offene Ziele" &&
   has "$out" "Security review" && ! has "$out" "## Overdue" && ! has "$out" "Owner:"; then
  ok "--report headings and phrases are German, plan titles unchanged"
else
  not_ok "--report headings and phrases are German, plan titles unchanged" "$out"
fi
# A status in a sentence keeps its German capitals ("in arbeit" was the
# status's name lower-cased).
if has "$out" ", in Arbeit, 1 von 2 Aufgaben erledigt" && ! has "$out" "in arbeit"; then
  ok "--report writes a milestone's status as a German phrase"
else
  not_ok "--report writes a milestone's status as a German phrase" "$(grep -i "arbeit" <<<"$out")"
fi

# Every refusal of the loader and the checker in German: each invalid
# fixture and each limit of a hostile file. The message keeps the file name
# and the JSON path; the rest may hold values from the file (quoted) but
# no word of the English message (a kind word such as "participant" or a
# side left untranslated showed as "(participant)" and "Seite seller").
hostile=$(mktemp -d)
trap 'rm -rf "$hostile"' EXIT
/usr/bin/env python3 - "$hostile" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
head = '{"format": "mutualplan", "version": 1, "title": '
w("long-text.mplan", head + '"' + "x" * 65535 + '"}')
w("deep-nesting.mplan", '{"format": "mutualplan", "x": ' + "[" * 80 + "]" * 80 + "}")
w("nul-escape.mplan", head + '"a\\u0000b"}')
w("lone-surrogate.mplan", head + '"a\\ud800b"}')
w("bad-escape.mplan", head + '"a\\qb"}')
w("unclosed-string.mplan", head + '"abc')
w("control-char.mplan", head + '"a\tb"}')
w("invalid-utf8.mplan", head.encode() + b'"\xff\xfe"}')
w("number-range.mplan", '{"format": "mutualplan", "version": 18446744073709551626}')
w("number-huge.mplan", '{"format": "mutualplan", "version": 1e999}')
w("bad-number.mplan", '{"format": "mutualplan", "version": 01}')
w("bare-word.mplan", '{"format": mutualplan}')
w("trailing-data.mplan", '{"format": "mutualplan"} {}')
w("ends-early.mplan", '{"format": ')
w("missing-colon.mplan", '{"format" "mutualplan"}')
w("member-name.mplan", '{"format": "mutualplan", 3: 4}')
w("too-many-items.mplan", '{"format": "mutualplan", "x": [' + ",".join(["0"] * 100001) + "]}")
w("missing-format.mplan", '{"version": 1}')
w("format-missing-version.mplan", '{"format": "mutualplan", "title": "x"}')
PY
mkdir "$hostile/a-folder.mplan"
truncate -s 65M "$hostile/too-large.mplan"
for f in "$data"/invalid/*.mplan "$hostile"/*.mplan /dev/null; do
  name=$(basename "$f")
  en_out=$(en --check "$f")
  de_out=$(de --check "$f")
  left=$(/usr/bin/env python3 - "$en_out" "$de_out" <<'PY'
import re, sys
def words(msg):
    # Drop the file name and the JSON path, quoted values, ids and numbers.
    msg = msg.split(": ", 1)[1] if ": " in msg else msg
    m = re.match(r"[A-Za-z_][\w.\[\]]*: ", msg)
    if m and (re.search(r"[._\[]", m.group(0)) or m.group(0)[:-2].islower()):
        msg = msg[m.end():]
    msg = re.sub(r'"[^"]*"|„[^“]*“|“[^”]*”|\'[^\']*\'', " ", msg)
    return {t for t in re.findall(r"[^\s(),;:.→]+", msg)
            if re.fullmatch(r"[A-Za-z]{3,}", t)}
same = {"JSON", "IANA", "MiB", "UTF", "MutualPlan", "null", "true", "false", "NUL"}
en, de = sys.argv[1], sys.argv[2]
print(" ".join(sorted((words(en) & words(de)) - same)))
PY
)
  if [ -n "$de_out" ] && [ "$de_out" != "$en_out" ] && [ -z "$left" ]; then
    ok "loading $name: the refusal is German"
  else
    not_ok "loading $name: the refusal is German (English left: ${left:-the whole message})" "$en_out"$'\n'"$de_out"
  fi
done
out=$(de --check "$hostile/long-text.mplan")
if has "$out" "mehr als 65.534 Zeichen"; then
  ok "a limit in a German message is written 65.534"
else
  not_ok "a limit in a German message is written 65.534" "$out"
fi

echo "1..$n"
exit $failed
