#!/bin/bash
# test-print-cli.sh MUTUALPLAN DATADIR: --export-pdf as a user runs it, with
# no display at all, read back with poppler's tools (pdfinfo, pdftotext,
# pdffonts, pdftoppm). TAP output. The pages are also rendered to PNG in
# print-png/ of the build folder, for people to look at.
set -u
bin=$1
data=$2
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

for tool in pdfinfo pdftotext pdffonts pdftoppm; do
  if ! command -v $tool >/dev/null; then
    echo "1..0 # SKIP $tool (poppler-utils) is not installed"
    exit 0
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
png=${G_TEST_BUILDDIR:-$tmp}/print-png
mkdir -p "$png"
export MUTUALPLAN_TODAY=2027-03-01

run () { # run CMD… → $out, $err, $rc
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$@" 2>"$tmp/err"); rc=$?
  err=$(cat "$tmp/err")
}

# What each fixture's PDF must show: milestone titles and participant names.
expected () {
  /usr/bin/python3 - "$1" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
for m in plan.get("milestones", []):
    print(m["title"])
for p in plan.get("participants", []):
    print(p["name"])
PY
}

# Page sizes as pdfinfo prints them, "W x H" per page.
sizes () { pdfinfo -f 1 -l 99 "$1" | sed -n 's/^Page *[0-9]* size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'; }

for f in "$data"/valid/*.mplan; do
  name=$(basename "$f" .mplan)
  for paper in a4 letter; do
    for wide in 1 2; do
      pdf=$tmp/$name-$paper-$wide.pdf
      what="$name on $paper, timeline $wide wide"
      run "$bin" --export-pdf="$pdf" --paper=$paper --timeline-pages-wide=$wide \
          --sections=overview,milestones,timeline,changes "$f"
      if [ $rc -ne 0 ] || [ ! -s "$pdf" ]; then
        not_ok "$what: exports" "rc=$rc" "$err"
        continue
      fi
      [ -z "$err" ] && ok "$what: exports, nothing on stderr" || not_ok "$what: stderr is empty" "$err"

      pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
      # overview, milestones, changes: a page each; the timeline $wide.
      if [ "$pages" -ge $((3 + wide)) ] && [ "$pages" -le $((5 + wide)) ]; then
        ok "$what: $pages pages"
      else
        not_ok "$what: page count plausible" "pages=$pages"
      fi

      if [ $paper = a4 ]; then portrait="595.276 x 841.89"; landscape="841.89 x 595.276"
      else portrait="612 x 792"; landscape="792 x 612"; fi
      s=$(sizes "$pdf")
      n_land=$(grep -cx "$landscape" <<<"$s")
      n_port=$(grep -cx "$portrait" <<<"$s")
      if [ $((n_land + n_port)) -eq "$pages" ] && [ "$n_land" -eq "$wide" ] && [ "$(head -1 <<<"$s")" = "$portrait" ]; then
        ok "$what: text pages $portrait, $wide timeline page(s) $landscape"
      else
        not_ok "$what: page sizes" "$s"
      fi

      text=$(pdftotext "$pdf" - | tr -s ' \n' '  ')
      missing=()
      while IFS= read -r want; do
        [ -z "$want" ] && continue
        grep -qF -- "$want" <<<"$text" || missing+=("$want")
      done < <(expected "$f")
      [ ${#missing[@]} -eq 0 ] && ok "$what: every milestone title and participant name is in the text" \
        || not_ok "$what: titles and names in the text" "missing: ${missing[*]}"

      if pdffonts "$pdf" | tail -n +3 | awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }'; then
        ok "$what: every font is embedded"
      else
        not_ok "$what: fonts embedded" "$(pdffonts "$pdf")"
      fi

      # No text under 7 pt: a DejaVu Sans word box is 1.163 em tall.
      smallest=$(pdftotext -bbox "$pdf" - | sed -n 's/.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)".*/\1 \2/p' |
                 awk 'BEGIN { m = 1000 } { h = $2 - $1; if (h < m) m = h } END { printf "%.2f", m / 1.163 }')
      if awk "BEGIN { exit !($smallest >= 6.95) }"; then
        ok "$what: smallest text ${smallest} pt"
      else
        not_ok "$what: no text under 7 pt" "smallest ${smallest} pt"
      fi

      # Every page: the plan's title, the date printed, "Page X of Y".
      title=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["title"])' "$f")
      bad=""
      for ((i = 1; i <= pages; i++)); do
        pt=$(pdftotext -f $i -l $i "$pdf" -)
        grep -qF -- "$title" <<<"$pt" && grep -qF "Printed 1 Mar 2027" <<<"$pt" &&
          grep -qF "Page $i of $pages" <<<"$pt" || bad="$bad $i"
      done
      [ -z "$bad" ] && ok "$what: title, date printed and page X of Y on every page" \
        || not_ok "$what: running header and footer" "pages:$bad"

      if [ "$wide-$paper" = 1-a4 ] || [ "$wide-$paper" = 2-letter ]; then
        pdftoppm -r 60 -png "$pdf" "$png/$name-$paper-$wide" && ok "$what: pages rendered to $png" \
          || not_ok "$what: pdftoppm renders the pages"
      fi
    done
  done
done

# Overdue is marked in the milestones table and in the next steps.
run "$bin" --export-pdf="$tmp/late.pdf" --sections=overview,milestones "$data/valid/acme-rollout.mplan"
t=$(pdftotext -layout "$tmp/late.pdf" -)
if grep -q "Overdue.3.days" <<<"$t" && grep -q "5 days late" <<<"$t" && grep -q "1 overdue" <<<"$t"; then
  ok "overdue milestones and tasks are marked (today 1 Mar 2027)"
else
  not_ok "overdue marks" "$t"
fi

# German text comes through intact, umlauts and all.
run "$bin" --export-pdf="$tmp/de.pdf" "$data/valid/mueller-maschinenbau.mplan"
if pdftotext "$tmp/de.pdf" - | grep -q "Jürgen Groß" && pdftotext "$tmp/de.pdf" - | grep -q "Özlem Yılmaz" &&
   pdftotext "$tmp/de.pdf" - | grep -q "Françoise Dübel"; then
  ok "umlauts, ß, ç and ı survive into the PDF text"
else
  not_ok "German names in the PDF" "$(pdftotext "$tmp/de.pdf" - | head -20)"
fi

# Paper from the locale: C.UTF-8 prints on A4; a Letter locale on Letter.
run env LC_ALL= LC_PAPER=C.UTF-8 "$bin" --export-pdf="$tmp/c.pdf" "$data/valid/minimal.mplan"
[ "$(sizes "$tmp/c.pdf" | head -1)" = "595.276 x 841.89" ] && ok "LC_PAPER=C.UTF-8: A4 by default" \
  || not_ok "default paper in C.UTF-8" "$(sizes "$tmp/c.pdf")"
if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
  run env LC_ALL= LC_PAPER=en_US.UTF-8 "$bin" --export-pdf="$tmp/us.pdf" "$data/valid/minimal.mplan"
  [ "$(sizes "$tmp/us.pdf" | head -1)" = "612 x 792" ] && ok "LC_PAPER=en_US.UTF-8: Letter by default" \
    || not_ok "default paper in en_US" "$(sizes "$tmp/us.pdf")"
else
  skip "LC_PAPER=en_US.UTF-8: Letter by default" "the en_US.UTF-8 locale is not installed"
fi

# Sections: only what was asked for.
run "$bin" --export-pdf="$tmp/m.pdf" --sections=milestones "$data/valid/acme-rollout.mplan"
t=$(pdftotext "$tmp/m.pdf" -)
if [ $rc -eq 0 ] && [ "$(pdfinfo "$tmp/m.pdf" | sed -n 's/^Pages: *//p')" = 1 ] && grep -q "Security review" <<<"$t" &&
   ! grep -q "Summary" <<<"$t" && grep -q "Page 1 of 1" <<<"$t"; then
  ok "--sections=milestones prints the milestones only"
else
  not_ok "--sections=milestones" "rc=$rc" "$err"
fi

# Standard output.
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --export-pdf=- "$data/valid/minimal.mplan" >"$tmp/stdout.pdf" 2>"$tmp/err"; rc=$?
err=$(cat "$tmp/err")
[ $rc -eq 0 ] && [ "$(head -c 5 "$tmp/stdout.pdf")" = "%PDF-" ] && pdfinfo "$tmp/stdout.pdf" >/dev/null 2>&1 && ok "--export-pdf=- writes the PDF to standard output" \
  || not_ok "--export-pdf=-" "rc=$rc" "$err"

# Atomic: the old file stays until the new one is complete, no temporary
# file is left behind, and a failure leaves nothing.
mkdir "$tmp/out"
echo "old" >"$tmp/out/plan.pdf"
run "$bin" --export-pdf="$tmp/out/plan.pdf" "$data/valid/acme-rollout.mplan"
if [ $rc -eq 0 ] && [ "$(head -c 5 "$tmp/out/plan.pdf")" = "%PDF-" ] && [ "$(ls -A "$tmp/out" | wc -l)" = 1 ]; then
  ok "an existing PDF is replaced, nothing else is left in its folder"
else
  not_ok "replace in place" "rc=$rc" "$(ls -A "$tmp/out")"
fi
run "$bin" --export-pdf="$tmp/no/such/folder/plan.pdf" "$data/valid/acme-rollout.mplan"
[ $rc -eq 1 ] && [ -n "$err" ] && [ ! -e "$tmp/no" ] && ok "an unwritable destination fails with 1 and a message" \
  || not_ok "unwritable destination" "rc=$rc" "$err"
run "$bin" --export-pdf="$tmp/x.pdf" "$data/valid/no-such-plan.mplan"
[ $rc -eq 1 ] && [ ! -e "$tmp/x.pdf" ] && ok "a plan that does not load fails with 1, no PDF" \
  || not_ok "missing plan" "rc=$rc" "$err"
run "$bin" --export-pdf="$tmp/x.pdf" "$data/invalid/bad-date.mplan"
[ $rc -eq 1 ] && [ ! -e "$tmp/x.pdf" ] && grep -q "milestones\[1\].due" <<<"$err" && ok "a broken plan fails with 1 and names the problem" \
  || not_ok "broken plan" "rc=$rc" "$err"

# Wrong usage exits 2 and says what is wrong.
usage () { # usage DESCRIPTION ARGS…
  local what=$1; shift
  run "$bin" "$@"
  [ $rc -eq 2 ] && [ -n "$err" ] && [ ! -e "$tmp/u.pdf" ] && ok "wrong usage exits 2: $what" \
    || not_ok "wrong usage: $what" "rc=$rc" "$err"
}
p=$data/valid/acme-rollout.mplan
usage "--paper=a5" --export-pdf="$tmp/u.pdf" --paper=a5 "$p"
usage "--sections=gantt" --export-pdf="$tmp/u.pdf" --sections=gantt "$p"
usage "--sections=" --export-pdf="$tmp/u.pdf" --sections= "$p"
usage "--timeline-pages-wide=0" --export-pdf="$tmp/u.pdf" --timeline-pages-wide=0 "$p"
usage "--timeline-pages-wide=17" --export-pdf="$tmp/u.pdf" --timeline-pages-wide=17 "$p"
usage "--timeline-pages-wide=two" --export-pdf="$tmp/u.pdf" --timeline-pages-wide=two "$p"
usage "no plan FILE" --export-pdf="$tmp/u.pdf"
usage "two plan FILEs" --export-pdf="$tmp/u.pdf" "$p" "$p"
usage "--paper without --export-pdf" --paper=a4 "$p"
usage "--export-pdf with --check" --export-pdf="$tmp/u.pdf" --check "$p"
usage "--export-pdf with --export-ics" --export-pdf="$tmp/u.pdf" --export-ics="$tmp/u.ics" "$p"

echo "1..$n"
exit $fail
