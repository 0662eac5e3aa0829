#!/bin/bash
# test-scale-cli.sh MUTUALPLAN MP-GENERATE-PLAN: a 20,000-milestone
# dependency chain and a plan of 50,000 milestones (2 tasks each: a plan
# file holds at most 100,000 tasks) through --report and --export-pdf, as
# a user runs them (issue 12). Not a benchmark: each command must finish
# with the right output within a generous limit of CPU time (ulimit -t,
# so that a busy machine does not fail it; MP_SCALE_CPU_FACTOR multiplies
# the limits). The quadratic paths this guards against took, on a release
# build: --report 76 s on the chain and 8 min 46 s at 50,000, --export-pdf
# 118 s on the chain and 21 min at 50,000; today they take seconds to a
# minute or two. The files are made here, not kept in the tree. TAP output.
set -u
bin=$1
gen=$2
factor=${MP_SCALE_CPU_FACTOR:-1}
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export MUTUALPLAN_TODAY=2027-06-01

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "$l" | sed 's/^/# /'; done; }

# run LIMIT CMD…: CMD with LIMIT × factor seconds of CPU time → $rc, $took
run () {
  local limit=$(( $1 * factor )) start
  shift
  start=$(date +%s)
  ( ulimit -t "$limit"; exec env -u DISPLAY -u WAYLAND_DISPLAY "$@" ) >"$tmp/out" 2>"$tmp/err"
  rc=$?
  took="$(( $(date +%s) - start )) s, CPU limit $limit s"
}

"$gen" --chain 20000 "$tmp/chain-20000.mplan" || { echo "Bail out! cannot write the chain"; exit 1; }
"$gen" --tasks=2 50000 "$tmp/plan-50000.mplan" || { echo "Bail out! cannot write the plan"; exit 1; }

# CPU seconds allowed: --report, --export-pdf.
for spec in "chain-20000 30 100" "plan-50000 60 600"; do
  read -r f report_limit pdf_limit <<<"$spec"

  run "$report_limit" "$bin" --report "$tmp/$f.mplan"
  # The report has its sections.
  if [ $rc -eq 0 ] && grep -q '^# Status report: Generated plan with' "$tmp/out" &&
     grep -q '^## Risks' "$tmp/out" && [ ! -s "$tmp/err" ]; then
    ok "--report $f ($took)"
  else
    not_ok "--report $f ($took)" "rc=$rc (137 or 152: stopped at the limit)" "$(head -5 "$tmp/err")"
  fi

  run "$pdf_limit" "$bin" --export-pdf="$tmp/$f.pdf" "$tmp/$f.mplan"
  # A whole PDF: its header, its end, and many pages.
  pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$tmp/$f.pdf" 2>/dev/null)
  if [ $rc -eq 0 ] && [ "$(head -c 5 "$tmp/$f.pdf")" = "%PDF-" ] &&
     tail -c 32 "$tmp/$f.pdf" | grep -aq '%%EOF' && [ "${pages:-0}" -gt 400 ]; then
    ok "--export-pdf $f ($took), $pages pages"
  else
    not_ok "--export-pdf $f ($took)" "rc=$rc (137 or 152: stopped at the limit), pages ${pages:-none}" \
      "$(head -5 "$tmp/err")"
  fi
  rm -f "$tmp/$f.pdf"
done
echo "1..$n"
