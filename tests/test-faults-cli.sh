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

echo "1..$n"
