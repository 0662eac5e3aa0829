#!/bin/bash
# test-cli.sh MUTUALPLAN DATADIR: the command line as a user runs it, with
# no display at all. TAP output.
set -u
bin=$1
data=$2
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

run () { # run CMD… → $out, $err, $rc
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$@" 2>/tmp/mp-cli-err.$$); rc=$?
  err=$(cat /tmp/mp-cli-err.$$); rm -f /tmp/mp-cli-err.$$
}

for f in "$data"/valid/*.mplan; do
  run "$bin" --check "$f"
  if [ $rc -eq 0 ] && echo "$out" | head -1 | grep -qx "$f: OK"; then
    ok "--check $(basename "$f") prints OK, exit 0"
  else
    not_ok "--check $(basename "$f")" "rc=$rc" "$out" "$err"
  fi
done

# Each broken fixture exits 1 and names the JSON path of its problem.
while IFS=$'\t' read -r file expect; do
  case "$file" in \#*|"") continue ;; esac
  run "$bin" --check "$data/invalid/$file"
  if [ $rc -eq 1 ] && echo "$out" | grep -qF "$data/invalid/$file: " && echo "$out" | grep -qF "$expect"; then
    ok "--check $file exits 1 naming “$expect”"
  else
    not_ok "--check $file" "rc=$rc" "$out" "$err"
  fi
done < "$data/invalid/EXPECTED.tsv"

# Several files: one bad one makes the exit status 1, every file is reported.
run "$bin" --check "$data/valid/minimal.mplan" "$data/invalid/bad-date.mplan" "$data/valid/acme-rollout.mplan"
if [ $rc -eq 1 ] && [ "$(echo "$out" | grep -c ': OK$')" -eq 2 ] && echo "$out" | grep -q 'bad-date.mplan: milestones\[1\].due'; then
  ok "--check with several files reports each, exit 1"
else
  not_ok "--check several files" "rc=$rc" "$out"
fi

# Warnings: FILE: PATH: warning: message
run "$bin" --check "$data/valid/acme-rollout.mplan"
if echo "$out" | grep -q "acme-rollout.mplan: milestones\[5\].due: warning: .*ACME quarter-end freeze"; then
  ok "--check prints warnings as FILE: PATH: warning: message"
else
  not_ok "--check warnings" "$out"
fi

run "$bin" --check
if [ $rc -eq 2 ] && [ -n "$err" ]; then ok "--check without a file is wrong usage (exit 2)"; else not_ok "--check without file" "rc=$rc"; fi

run "$bin" --no-such-option
if [ $rc -eq 2 ] && echo "$err" | grep -q -- "--help"; then ok "an unknown option exits 2 and points to --help"; else not_ok "unknown option" "rc=$rc" "$err"; fi

run "$bin" --check /nonexistent/plan.mplan
if [ $rc -eq 1 ] && echo "$out" | grep -q "/nonexistent/plan.mplan: "; then ok "--check on a missing file exits 1"; else not_ok "missing file" "rc=$rc" "$out"; fi

run "$bin" --version
if [ $rc -eq 0 ] && echo "$out" | grep -Eq '^mutualplan [0-9]+\.[0-9]+'; then ok "--version"; else not_ok "--version" "rc=$rc" "$out"; fi

run "$bin" --help
missing=""
for opt in --check --version; do echo "$out" | grep -q -- "$opt" || missing="$missing $opt"; done
if [ $rc -eq 0 ] && [ -z "$missing" ]; then ok "--help lists every option"; else not_ok "--help" "missing:$missing" "$out"; fi

# Checking never modifies the file.
tmp=$(mktemp -d)
cp "$data/valid/acme-rollout.mplan" "$tmp/p.mplan"
touch -d '2020-01-01' "$tmp/p.mplan"
before=$(stat -c %Y "$tmp/p.mplan")
run "$bin" --check "$tmp/p.mplan"
if [ "$(stat -c %Y "$tmp/p.mplan")" = "$before" ] && cmp -s "$tmp/p.mplan" "$data/valid/acme-rollout.mplan" && [ -z "$(ls "$tmp" | grep -v '^p.mplan$')" ]; then
  ok "--check leaves the file and its folder untouched"
else
  not_ok "--check modified something" "$(ls -la "$tmp")"
fi
rm -rf "$tmp"

echo "1..$n"
exit $fail
