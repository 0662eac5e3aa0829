#!/bin/bash
# test-report.sh MUTUALPLAN DATADIR: `mutualplan --report` as a user runs
# it, against reviewed expected reports (data/reports/CASES.tsv), and its
# wrong usage. TAP output.
set -u
bin=$1
data=$2
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "$l" | sed 's/^/# /'; done; }

run () { # run CMD… → $out, $err, $rc
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$@" 2>"$tmp/err"); rc=$?
  err=$(cat "$tmp/err")
}

# The expected reports.
covered=" "
while IFS=$'\t' read -r expect fixture today args; do
  case "$expect" in \#*|"") continue ;; esac
  covered="$covered$fixture "
  # shellcheck disable=SC2086
  env -u DISPLAY -u WAYLAND_DISPLAY MUTUALPLAN_TODAY="$today" "$bin" --report $args "$data/valid/$fixture" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "${MP_REGEN_REPORTS:-}" = 1 ] && [ $rc -eq 0 ]; then
    cp "$tmp/out" "$data/reports/$expect"
  fi
  if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && cmp -s "$tmp/out" "$data/reports/$expect"; then
    ok "--report $args $fixture on $today matches $expect"
  else
    not_ok "--report $args $fixture on $today matches $expect" "rc=$rc" "$(cat "$tmp/err")" \
      "$(diff -u "$data/reports/$expect" "$tmp/out" | head -60)"
  fi
done < "$data/reports/CASES.tsv"

missing=""
for f in "$data"/valid/*.mplan; do
  case "$covered" in *" $(basename "$f") "*) ;; *) missing="$missing $(basename "$f")" ;; esac
done
if [ -z "$missing" ]; then ok "every valid fixture has an expected report"; else not_ok "fixtures without an expected report:$missing"; fi

# Markdown is the default.
MUTUALPLAN_TODAY=2027-03-01 run "$bin" --report "$data/valid/acme-rollout.mplan"
if [ $rc -eq 0 ] && [ "$out" = "$(cat "$data/reports/acme-rollout.md")" ]; then ok "Markdown is the default format"; else not_ok "default format" "rc=$rc"; fi

# The report follows MUTUALPLAN_TODAY: another day, another report.
MUTUALPLAN_TODAY=2027-03-02 run "$bin" --report "$data/valid/acme-rollout.mplan"
if [ $rc -eq 0 ] && echo "$out" | grep -q "^As of Tue, 2 Mar 2027.$" && echo "$out" | grep -q "4 days late"; then
  ok "today comes from MUTUALPLAN_TODAY"
else
  not_ok "MUTUALPLAN_TODAY" "$out"
fi

# Wrong usage: exit 2, a message on stderr, nothing on stdout.
usage () { # DESCRIPTION EXPECTED-IN-STDERR ARGS…
  local what=$1 expect=$2; shift 2
  MUTUALPLAN_TODAY=2027-03-01 run "$bin" "$@"
  if [ $rc -eq 2 ] && [ -z "$out" ] && echo "$err" | grep -qF -- "$expect"; then
    ok "$what exits 2: $expect"
  else
    not_ok "$what" "rc=$rc" "stdout: $out" "stderr: $err"
  fi
}
usage "an impossible date" "--since=2027-02-30 is not a date" --report --since=2027-02-30 "$data/valid/acme-rollout.mplan"
usage "a date in another spelling" "write it as YYYY-MM-DD" --report --since=1.3.2027 "$data/valid/acme-rollout.mplan"
usage "an unknown format" "--format=html is not known: use markdown or text" --report --format=html "$data/valid/acme-rollout.mplan"
usage "no file" "--report needs the plan FILE" --report
usage "two files" "--report takes one plan FILE" --report "$data/valid/acme-rollout.mplan" "$data/valid/minimal.mplan"
usage "--since without --report" "--since and --format go with --report" --since=2027-01-01 "$data/valid/acme-rollout.mplan"
usage "--format without --report" "--since and --format go with --report" --format=text "$data/valid/acme-rollout.mplan"
usage "--report with --check" "do not go together" --report --check "$data/valid/acme-rollout.mplan"
usage "--since without a value" "--help" --report "$data/valid/acme-rollout.mplan" --since

# A file that does not load: exit 1, the file and the problem on stderr.
MUTUALPLAN_TODAY=2027-03-01 run "$bin" --report "$data/invalid/bad-date.mplan"
if [ $rc -eq 1 ] && [ -z "$out" ] && echo "$err" | grep -qF "$data/invalid/bad-date.mplan: milestones[1].due"; then
  ok "a broken file exits 1 naming the file and the JSON path"
else
  not_ok "broken file" "rc=$rc" "$out" "$err"
fi
MUTUALPLAN_TODAY=2027-03-01 run "$bin" --report /nonexistent/plan.mplan
if [ $rc -eq 1 ] && [ -z "$out" ] && echo "$err" | grep -qF "/nonexistent/plan.mplan: "; then
  ok "a missing file exits 1"
else
  not_ok "missing file" "rc=$rc" "$err"
fi

# Reporting never modifies the plan or its folder.
cp "$data/valid/acme-rollout.mplan" "$tmp/p.mplan"
touch -d '2020-01-01' "$tmp/p.mplan"
before=$(stat -c %Y "$tmp/p.mplan")
MUTUALPLAN_TODAY=2027-03-01 run "$bin" --report "$tmp/p.mplan"
if [ $rc -eq 0 ] && [ "$(stat -c %Y "$tmp/p.mplan")" = "$before" ] && cmp -s "$tmp/p.mplan" "$data/valid/acme-rollout.mplan" \
   && [ "$(ls "$tmp" | grep -v -e '^p.mplan$' -e '^err$' -e '^out$')" = "" ]; then
  ok "--report leaves the file and its folder untouched"
else
  not_ok "--report modified something" "$(ls -la "$tmp")"
fi

run "$bin" --help
if [ $rc -eq 0 ] && echo "$out" | grep -q -- "--report" && echo "$out" | grep -q -- "--since" && echo "$out" | grep -q -- "--format"; then
  ok "--help lists --report, --since and --format"
else
  not_ok "--help" "$out"
fi

echo "1..$n"
