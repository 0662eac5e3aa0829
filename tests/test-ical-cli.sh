#!/bin/bash
# test-ical-cli.sh MUTUALPLAN DATADIR: --export-ics and --export-invitations
# as a user runs them, with no display. TAP output.
set -u
bin=$1
data=$2
n=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { # check NAME CONDITION-STATUS details…
  local name=$1 st=$2; shift 2
  if [ "$st" -eq 0 ]; then ok "$name"; else not_ok "$name" "$@"; fi
}
run () { # run ARGS… → $out, $err, $rc
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" "$@" 2>"$tmp/err"); rc=$?
  err=$(cat "$tmp/err")
}
acme=$data/valid/acme-rollout.mplan

run --export-ics="$tmp/acme.ics" "$acme"
[ $rc -eq 0 ] && [ -z "$out" ] && [ "$(grep -c $'^BEGIN:VEVENT\r$' "$tmp/acme.ics")" -eq 10 ] \
  && head -c 17 "$tmp/acme.ics" | grep -q $'^BEGIN:VCALENDAR\r$' && tail -c 15 "$tmp/acme.ics" | grep -q $'^END:VCALENDAR\r$'
check "--export-ics writes 10 events with CRLF line ends, exit 0" $? "rc=$rc" "$err"

run --export-ics=- "$acme"
[ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^BEGIN:VEVENT')" -eq 10 ] && printf '%s' "$out" | grep -q '^METHOD:PUBLISH'
check "--export-ics=- writes to standard output" $? "rc=$rc" "$err"

run --export-ics=- --for=p-sue --no-dropped --no-meetings "$acme"
[ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^BEGIN:VEVENT')" -eq 1 ] && printf '%s' "$out" | grep -q '^UID:milestone-m-legal\.'
check "--for=p-sue --no-dropped --no-meetings: only m-legal" $? "rc=$rc" "$err"

run --export-ics=- --for=TOM.BECKER@acme.example "$acme"
[ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^BEGIN:VEVENT')" -eq 2 ]
check "--for takes an email in any case" $? "rc=$rc" "$err"

run --export-ics=- --no-meetings "$acme"
[ $rc -eq 0 ] && ! printf '%s' "$out" | grep -q '^UID:meeting-'
check "--no-meetings leaves the meeting out" $? "rc=$rc"

# Errors: exit 1, a message, no file, an old file untouched.
echo "old" > "$tmp/keep.ics"
run --export-ics="$tmp/keep.ics" "$data/valid/minimal.mplan"
[ $rc -eq 1 ] && echo "$err" | grep -qi "nothing to export" && [ "$(cat "$tmp/keep.ics")" = old ] \
  && [ -z "$(ls "$tmp" | grep -v '^acme.ics$\|^keep.ics$\|^err$')" ]
check "nothing to export: exit 1, the old file untouched, no temporary left" $? "rc=$rc" "$err" "$(ls "$tmp")"

run --export-ics="$tmp/none.ics" --for=nobody "$acme"
[ $rc -eq 1 ] && [ ! -e "$tmp/none.ics" ] && echo "$err" | grep -q "nobody"
check "--for naming nobody: exit 1, no file" $? "rc=$rc" "$err"

run --export-ics="$tmp/x/y/z.ics" "$acme"
[ $rc -eq 1 ] && [ -n "$err" ]
check "an unwritable path: exit 1 with a message" $? "rc=$rc" "$err"

run --export-ics="$tmp/bad.ics" "$data/invalid/bad-date.mplan"
[ $rc -eq 1 ] && [ ! -e "$tmp/bad.ics" ] && echo "$err" | grep -q "milestones\[1\].due"
check "a plan that does not load: exit 1, no file" $? "rc=$rc" "$err"

# Wrong usage: exit 2.
for args in "--export-ics=$tmp/u.ics" \
            "--export-ics=$tmp/u.ics $acme $acme" \
            "--export-ics=$tmp/u.ics --export-invitations=$tmp/u $acme" \
            "--export-ics=$tmp/u.ics --only-outdated $acme" \
            "--export-invitations=$tmp/u --no-dropped $acme" \
            "--for=p-sue $acme" \
            "--export-ics"; do
  # shellcheck disable=SC2086
  run $args
  [ $rc -eq 2 ] && [ -n "$err" ] && [ ! -e "$tmp/u.ics" ] && [ ! -e "$tmp/u" ]
  check "wrong usage exits 2: ${args//$tmp\//}" $? "rc=$rc" "$err"
done

# Invitations.
run --export-invitations="$tmp/inv" "$acme"
[ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 18 ] && [ -f "$tmp/inv/m-commit.ics" ] && [ -f "$tmp/inv/m-commit.eml" ] \
  && [ -f "$tmp/inv/mt-1.ics" ] && grep -q $'^METHOD:REQUEST\r$' "$tmp/inv/m-commit.ics" \
  && [ "$(grep -c '^ATTENDEE' "$tmp/inv/m-commit.ics")" -eq 2 ] \
  && grep -q $'^Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r$' "$tmp/inv/m-commit.eml"
check "--export-invitations writes ID.ics and ID.eml per event" $? "rc=$rc" "$out" "$err"

run --export-invitations="$tmp/inv2" --for=p-sue "$acme"
[ $rc -eq 0 ] && [ "$(ls "$tmp/inv2" | tr '\n' ' ')" = "m-legal.eml m-legal.ics " ]
check "--export-invitations --for=p-sue: only m-legal" $? "rc=$rc" "$(ls "$tmp/inv2")" "$err"

run --export-invitations="$tmp/inv3" "$data/valid/unknown-members.mplan"
[ $rc -eq 1 ] && echo "$err" | grep -qi "organizer" && [ -z "$(ls -A "$tmp/inv3" 2>/dev/null)" ]
check "no organizer: exit 1, a clear message, no file" $? "rc=$rc" "$err"

run --export-invitations="$tmp/inv4" --only-outdated "$data/valid/mueller-maschinenbau.mplan"
[ $rc -eq 0 ] && echo "$err" | grep -q "warning: .*Vertragsprüfung" && ! echo "$err" | grep -q "m-vertrag" && [ ! -e "$tmp/inv4/m-vertrag.ics" ] && [ -f "$tmp/inv4/m-zusage.eml" ]
check "an event without any invitee email is skipped with a warning" $? "rc=$rc" "$err"

# --check and --version still work next to the new options.
run --check "$acme"
[ $rc -eq 0 ] && echo "$out" | head -1 | grep -q ": OK$"
check "--check still works" $? "rc=$rc" "$out" "$err"
run --version
[ $rc -eq 0 ] && echo "$out" | grep -q "^mutualplan "
check "--version still works" $? "rc=$rc"

run --help
[ $rc -eq 0 ] && echo "$out" | grep -q -- "--export-ics=OUT.ics" && echo "$out" | grep -q -- "--only-outdated"
check "--help lists the export options" $? "rc=$rc" "$out"

echo "1..$n"
