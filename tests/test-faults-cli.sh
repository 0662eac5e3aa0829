#!/bin/bash
# test-faults-cli.sh MUTUALPLAN DATADIR: the command line against hostile
# files and failing writes, with no display. TAP output.
#
# Each case ends with exit 1, a clear message, and any previous output
# file byte for byte intact (no temporary file left behind).
set -u
bin=$1
data=$2
n=0
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT

ok () { n=$((n + 1)); echo "ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { # check NAME CONDITION-STATUS details…
  local name=$1 st=$2; shift 2
  if [ "$st" -eq 0 ]; then ok "$name"; else not_ok "$name" "$@"; fi
}
run () { # run ARGS… → $out, $err, $rc (a hang is a failure)
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 "$bin" "$@" 2>"$tmp/err"); rc=$?
  err=$(cat "$tmp/err")
}
acme=$data/valid/acme-rollout.mplan

# Devices and pipes: refused at once, not read forever or waited on.
run --check /dev/zero
[ $rc -eq 1 ] && echo "$err$out" | grep -q "not a regular file"
check "--check /dev/zero: exit 1, not a regular file" $? "rc=$rc" "$out" "$err"

mkfifo "$tmp/pipe.mplan"
run --check "$tmp/pipe.mplan"
[ $rc -eq 1 ] && echo "$err$out" | grep -q "not a regular file"
check "--check on a pipe: exit 1 without waiting for a writer" $? "rc=$rc" "$out" "$err"

# Hostile files: a clear error with the place.
{ printf '{"format": "mutualplan", "version": 1, "x": '; head -c 100000 /dev/zero | tr '\0' '['; } > "$tmp/deep.mplan"
run --check "$tmp/deep.mplan"
[ $rc -eq 1 ] && echo "$err$out" | grep -q "deep.mplan: x\[0\]\[0\].*\[0\]: line 1, column 108: nesting deeper than 64 levels"
check "--check: 100,000-deep nesting is refused at its line and column" $? "rc=$rc" "$out" "$err"

printf '{"format": "mutualplan", "version": 1, "id": "p", "title": "A\\u0000B"}' > "$tmp/nul.mplan"
run --check "$tmp/nul.mplan"
[ $rc -eq 1 ] && echo "$err$out" | grep -q 'a NUL character'
check "--check: an escaped NUL character is refused" $? "rc=$rc" "$out" "$err"

printf '{"format": "mutualplan", "version": 1, "id": "p", "title": "T", "buffer_days": 18446744073709551626}' > "$tmp/wrap.mplan"
run --check "$tmp/wrap.mplan"
[ $rc -eq 1 ] && echo "$err$out" | grep -q 'out of range'
check "--check: an integer past 64 bits is refused, not wrapped into range" $? "rc=$rc" "$out" "$err"

# Opening a file never changes it.
cp "$acme" "$tmp/acme.mplan"
touch -d '2001-02-03 04:05:06' "$tmp/acme.mplan"
before=$(stat -c '%Y %Z %i %s' "$tmp/acme.mplan")
run --check "$tmp/acme.mplan"
run --export-ics=- "$tmp/acme.mplan"
run --report "$tmp/acme.mplan"
after=$(stat -c '%Y %Z %i %s' "$tmp/acme.mplan")
[ "$before" = "$after" ] && cmp -s "$acme" "$tmp/acme.mplan" && [ "$(ls -A "$tmp" | grep -c '^\.')" -eq 0 ]
check "--check, --export-ics and --report leave the plan's bytes and times alone" $? "$before" "$after"

# Writing over a folder.
mkdir "$tmp/out.ics"
run --export-ics="$tmp/out.ics" "$acme"
[ $rc -eq 1 ] && echo "$err" | grep -q "previous version of the file is unchanged" && [ -d "$tmp/out.ics" ]
check "--export-ics over a folder: exit 1, the folder stays" $? "rc=$rc" "$err"

# A read-only folder, as an unprivileged user when run as root.
mkdir "$tmp/ro" && echo old > "$tmp/ro/plan.ics" && chmod 555 "$tmp/ro"
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv >/dev/null; then
    chmod 644 "$tmp/ro/plan.ics"
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$tmp" setpriv --reuid=65534 --regid=65534 --clear-groups \
      timeout 60 "$bin" --export-ics="$tmp/ro/plan.ics" "$acme" 2>"$tmp/err"); rc=$?
    err=$(cat "$tmp/err")
    [ $rc -eq 1 ] && echo "$err" | grep -q "unchanged" && [ "$(cat "$tmp/ro/plan.ics")" = old ] \
      && [ "$(ls -A "$tmp/ro")" = plan.ics ]
    check "--export-ics into a read-only folder (as nobody): exit 1, the old file intact" $? "rc=$rc" "$err"
  else
    skip "--export-ics into a read-only folder" "no setpriv to drop root"
  fi
else
  run --export-ics="$tmp/ro/plan.ics" "$acme"
  [ $rc -eq 1 ] && echo "$err" | grep -q "unchanged" && [ "$(cat "$tmp/ro/plan.ics")" = old ]
  check "--export-ics into a read-only folder: exit 1, the old file intact" $? "rc=$rc" "$err"
fi
chmod 755 "$tmp/ro"

# A full file system: a small tmpfs in a private mount namespace (root only).
mkdir "$tmp/full"
if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY unshare -m sh -c '
      mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
      echo old > "$1/plan.ics"
      dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null
      timeout 60 "$2" --export-ics="$1/plan.ics" "$3"; rc=$?
      [ "$(cat "$1/plan.ics")" = old ] || echo "CHANGED"
      ls -A "$1" | tr "\n" " "
      exit $rc' sh "$tmp/full" "$bin" "$acme" 2>"$tmp/err"); rc=$?
  err=$(cat "$tmp/err")
  if [ $rc -eq 99 ]; then
    skip "--export-ics into a full file system" "cannot mount a tmpfs here"
  else
    [ $rc -eq 1 ] && echo "$err" | grep -q "No space left on device" && echo "$err" | grep -q "unchanged" \
      && ! echo "$out" | grep -q CHANGED && [ "$out" = "filler plan.ics " ]
    check "--export-ics into a full file system: exit 1, the old file intact, no temporary left" $? \
      "rc=$rc" "$out" "$err"
  fi
else
  skip "--export-ics into a full file system" "needs root and mount namespaces"
fi

# Plan text never drives the terminal (ESC, BEL, C1) nor forges lines.
H='"format": "mutualplan", "version": 1, "id": "p", "timezone": "UTC"'
printf '{%s, "title": "T", "target": "2026-01-01", "milestones": [{"id": "m", "due": "2026-06-01", "title": "Evil\\u001b]0;pwned\\u0007\\u009b31m\\nFAKE.mplan: OK"}]}' "$H" > "$tmp/esc.mplan"
MUTUALPLAN_TODAY=2026-11-20 run --check "$tmp/esc.mplan"
! printf '%s' "$out" | grep -q "$(printf '[\033\007]\|\302\233')" && ! printf '%s\n' "$out" | grep -q '^FAKE' \
  && printf '%s' "$out" | grep -qF 'Evil\x1b]0;pwned\x07\u009b31m\nFAKE.mplan: OK'
check "--check: control characters of plan text escaped, a newline cannot forge a line" $? "$out"
MUTUALPLAN_TODAY=2026-11-20 run --report --format=text "$tmp/esc.mplan"
[ $rc -eq 0 ] && ! printf '%s' "$out" | grep -q "$(printf '[\033\007]\|\302\233')" && printf '%s' "$out" | grep -qF 'Evil\x1b'
check "--report --format=text: control characters of plan text escaped" $? "rc=$rc" "$out"

# One error format: every command prints a broken plan as FILE: PATH: RULE.
printf '{%s, "title": "T", "milestones": [{"id": "m", "title": "A", "due": "2027-01-01", "reminder_days": 1e999}]}' "$H" > "$tmp/range.mplan"
want="$tmp/range.mplan: milestones[0].reminder_days: line 1, column"
fmt_ok=0
for args in "--check" "--report" "--export-ics=-" "--export-pdf=$tmp/x.pdf" "--export-invitations=$tmp/inv"; do
  run $args "$tmp/range.mplan"
  line=$(printf '%s\n%s\n' "$out" "$err" | grep -v '^$')
  case "$line" in "$want"*"the number 1e999 is out of range"*) ;; *) fmt_ok=1; echo "# $args: $line";; esac
  [ $rc -eq 1 ] || fmt_ok=1
done
check "one error format (FILE: JSON path: line, column: rule) for --check, --report and the exports" $fmt_ok

# Time zones: IANA names only; a POSIX string ("UTC+14" is UTC-14 there) and
# "localtime" (the reading machine's zone) are refused.
for tz in "UTC+14" "localtime" "EST5EDT4,M3.2.0,M11.1.0" "posixrules"; do
  printf '{%s, "title": "T"}' "${H%\"UTC\"}\"$tz\"" > "$tmp/tz.mplan"
  run --check "$tmp/tz.mplan"
  [ $rc -eq 1 ] && echo "$out" | grep -qF "timezone: \"$tz\" is not a known time zone"
  check "--check refuses the time zone \"$tz\"" $? "rc=$rc" "$out"
done

# The edges of iCalendar: SEQUENCE at the top of its range does not wrap
# around, events on 9999-12-31 (past libical's year 3000, and past
# GDateTime's range west of UTC) keep their dates.
cat > "$tmp/edge.mplan" <<'JSON'
{"format": "mutualplan", "version": 1, "id": "p", "title": "T", "timezone": "America/Los_Angeles", "organizer": "s",
 "participants": [{"id": "s", "name": "S", "side": "seller", "email": "s@x.example"},
                  {"id": "c", "name": "C", "side": "customer", "email": "c@y.example"}],
 "milestones": [{"id": "m", "title": "A", "due": "9999-12-31", "time": "23:30", "duration_minutes": 120,
                 "seller_owner": "s", "customer_owner": "c", "sequence": 2147483647, "invited_sequence": 2147483646},
                {"id": "n", "title": "B", "due": "9999-12-31", "seller_owner": "s", "customer_owner": "c"}],
 "meetings": [{"id": "w", "title": "W", "start": "9999-12-31T23:00", "duration_minutes": 90, "attendees": ["s", "c"]}]}
JSON
run --export-ics=- "$tmp/edge.mplan"
[ $rc -eq 0 ] && ! echo "$out" | grep -q '00000000' && ! echo "$out" | grep -q 'SEQUENCE:-' \
  && echo "$out" | grep -q 'DTSTART;TZID=America/Los_Angeles:99991231T233000' \
  && echo "$out" | grep -q 'DTSTART;VALUE=DATE:99991231' && echo "$out" | grep -q 'DURATION:PT2H'
check "--export-ics: 9999-12-31 events keep their dates, SEQUENCE 2147483647 stays" $? "rc=$rc" "$out" "$err"
run --export-invitations="$tmp/edge-inv" "$tmp/edge.mplan"
[ $rc -eq 0 ] && ! cat "$tmp"/edge-inv/*.ics | grep -q 'SEQUENCE:-\|00000000' \
  && cat "$tmp"/edge-inv/*.ics | grep -q 'SEQUENCE:2147483647'
check "--export-invitations: no SEQUENCE wraps to a negative number, no zero dates" $? "rc=$rc" "$err" \
  "$(cat "$tmp"/edge-inv/*.ics 2>/dev/null | grep 'SEQUENCE\|DTSTART')"

# Exports never write through a link another user planted in a shared
# (sticky) folder, nor into another user's folder (root only: it makes
# files of another user).
if [ "$(id -u)" -eq 0 ]; then
  mkdir -m 1777 "$tmp/shared" && echo secret > "$tmp/victim" && ln -s "$tmp/victim" "$tmp/shared/plan.ics" \
    && chown -h 65534:65534 "$tmp/shared/plan.ics"
  run --export-ics="$tmp/shared/plan.ics" "$acme"
  [ $rc -eq 1 ] && [ "$(cat "$tmp/victim")" = secret ] && echo "$err" | grep -q "symbolic link of another user"
  check "--export-ics through another user's link in a sticky folder: refused, the target intact" $? "rc=$rc" "$err"
  mkdir -m 777 "$tmp/theirs" && chown 65534:65534 "$tmp/theirs"
  run --export-invitations="$tmp/theirs" "$acme"
  [ $rc -eq 1 ] && [ -z "$(ls -A "$tmp/theirs")" ] && echo "$err" | grep -q "belongs to another user"
  check "--export-invitations into another user's folder: refused, nothing written" $? "rc=$rc" "$err"
else
  skip "exports through planted links" "needs root to make files of another user"
fi

echo "1..$n"
