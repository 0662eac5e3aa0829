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

# What was sent is recorded by content (--mark-sent), answers come back (--import-reply).
replies=$data/replies
cp "$acme" "$tmp/p.mplan"
run --export-invitations="$tmp/s1" --mark-sent "$tmp/p.mplan"
[ $rc -eq 0 ] && grep -q '"sent": \[' "$tmp/p.mplan" && grep -q '"fingerprint"' "$tmp/p.mplan" \
  && [ -z "$(ls "$tmp" | grep 'p.mplan.*tmp\|\.goutputstream')" ]
check "--mark-sent records per attendee what was sent, atomically" $? "rc=$rc" "$err"
run --export-invitations="$tmp/s2" --only-outdated "$tmp/p.mplan"
[ $rc -eq 0 ] && echo "$out" | grep -q "Nothing to send" && [ ! -e "$tmp/s2/m-legal.ics" ]
check "nothing to send after --mark-sent: exit 0 with a message" $? "rc=$rc" "$out" "$err"
# A script moves a due date without raising sequence: out of date, SEQUENCE above the one sent.
sed -i 's/"due": "2027-03-26"/"due": "2027-04-02"/' "$tmp/p.mplan"
run --export-invitations="$tmp/s3" --only-outdated --mark-sent "$tmp/p.mplan"
[ $rc -eq 0 ] && [ "$(ls "$tmp/s3" | tr '\n' ' ')" = "m-legal.eml m-legal.ics " ] \
  && grep -q $'^SEQUENCE:1\r$' "$tmp/s3/m-legal.ics" && grep -q $'^DTSTART;VALUE=DATE:20270402\r$' "$tmp/s3/m-legal.ics" \
  && grep -q '^Subject: Updated invitation' "$tmp/s3/m-legal.eml"
check "a due date edited in the file is sent as an update with a higher SEQUENCE" $? "rc=$rc" "$(ls "$tmp/s3")" "$err"
# An attendee removed from an event they were sent: a CANCEL to them only.
python3 - "$tmp/p.mplan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
for m in p["milestones"]:
    if m["id"] == "m-demo":
        m["invite"] = ["p-raj"]
json.dump(p, open(sys.argv[1], "w"), indent=2, ensure_ascii=False)
PY
run --export-invitations="$tmp/s4" --only-outdated "$tmp/p.mplan"
[ $rc -eq 0 ] && [ -f "$tmp/s4/m-demo-cancel.ics" ] && grep -q $'^METHOD:CANCEL\r$' "$tmp/s4/m-demo-cancel.ics" \
  && [ "$(grep -c '^ATTENDEE' "$tmp/s4/m-demo-cancel.ics")" -eq 1 ] && grep -q 'lena.ortiz@acme.example' "$tmp/s4/m-demo-cancel.ics" \
  && ! grep -q 'lena.ortiz' "$tmp/s4/m-demo.ics"
check "a removed attendee gets a CANCEL, the others an update" $? "rc=$rc" "$(ls "$tmp/s4")" "$err"

cp "$acme" "$tmp/r.mplan"
run --export-invitations="$tmp/r0" --mark-sent "$tmp/r.mplan"
run --import-reply="$replies/outlook-accept.eml" --import-reply="$replies/google-decline.eml" \
    --import-reply="$replies/apple-tentative.eml" --import-reply="$replies/thunderbird-counter.eml" \
    --import-reply="$replies/evolution-decline-occurrence.ics" --import-reply="$replies/outlook-counter.eml" "$tmp/r.mplan"
[ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 6 ] \
  && echo "$out" | grep -qx "Tom Becker accepted “Commitment”: ‘I will bring the numbers of the CFO office.’" \
  && echo "$out" | grep -qx "Lena Ortiz declined “Security review”: ‘Our CISO must sign off first’" \
  && echo "$out" | grep -qx "Lena Ortiz tentatively accepted “Weekly deal sync”." \
  && echo "$out" | grep -q "^Lena Ortiz proposes 11 Feb 2027 15:00 for “Demo for the BI team”" \
  && echo "$out" | grep -q "^Raj Patel declined “Weekly deal sync” (on 10 Mar 2027): ‘On a customer site that week.’" \
  && echo "$out" | grep -q "^Sue Kim proposes 9 Apr 2027 for “Legal review of MSA”: ‘Our outside counsel is only free from 9 April.’" \
  && grep -q '"answer": "declined"' "$tmp/r.mplan" && grep -q '"proposed_date": "2027-04-09"' "$tmp/r.mplan" \
  && grep -q '"occurrence": "2027-03-10"' "$tmp/r.mplan"
check "--import-reply reads Outlook, Google, Apple, Thunderbird and Evolution replies" $? "rc=$rc" "$out" "$err"
run --check "$tmp/r.mplan"
[ $rc -eq 0 ] && echo "$out" | grep -q "warning: Lena Ortiz declined “Security review”: ‘Our CISO must sign off first’" \
  && echo "$out" | grep -q "warning: “Legal review of MSA”: Sue Kim proposes 9 Apr 2027"
check "the plan with answers loads; declines and proposals are problems" $? "rc=$rc" "$out" "$err"
MUTUALPLAN_TODAY=2027-01-20 run --report "$tmp/r.mplan"
[ $rc -eq 0 ] && echo "$out" | grep -q "^## Invitations and answers" \
  && echo "$out" | grep -q "^- \*\*Security review\*\*: declined: Lena Ortiz: ‘Our CISO must sign off first’; not answered yet: Raj Patel" \
  && echo "$out" | grep -q "^- \*\*Commitment\*\*: accepted: Tom Becker" \
  && echo "$out" | grep -q "^- \*\*Weekly deal sync\*\*: declined: Raj Patel (10 Mar 2027): ‘On a customer site that week.’; tentative: Lena Ortiz" \
  && echo "$out" | grep -q "proposed: Sue Kim proposes 9 Apr 2027: ‘Our outside counsel is only free from 9 April.’"
check "--report: who accepted, declined, is tentative, has not answered, and proposals" $? "rc=$rc" "$out" "$err"
if command -v pdftotext >/dev/null; then
  MUTUALPLAN_TODAY=2027-01-20 run --export-pdf="$tmp/r.pdf" --sections=milestones "$tmp/r.mplan"
  pdftotext -layout "$tmp/r.pdf" "$tmp/r.txt"
  [ $rc -eq 0 ] && tr -s " \n" "  " < "$tmp/r.txt" | grep -q "Declined: Lena Ortiz: ‘Our CISO" && grep -q "answered" "$tmp/r.txt"
  check "the printed milestones show declines and who has not answered" $? "rc=$rc" "$err" "$(head -c 3000 "$tmp/r.txt")"
elif [ "${CI:-}" = true ]; then
  not_ok "pdftotext (poppler-utils) is missing (CI)"
fi
run --import-reply="$replies/thunderbird-delegated.ics" "$tmp/r.mplan"
[ $rc -eq 0 ] && [ "$out" = "Tom Becker delegated “Signature” to anna.weber@acme.example." ] \
  && grep -q '"delegated_to": "anna.weber@acme.example"' "$tmp/r.mplan"
check "a delegation is recorded with whom it went to" $? "rc=$rc" "$out" "$err"
cp "$tmp/r.mplan" "$tmp/r-before.mplan"
run --import-reply="$replies/unknown-event.ics" --import-reply="$replies/not-invited.ics" --import-reply="$replies/stale.ics" "$tmp/r.mplan"
[ $rc -eq 0 ] && echo "$out" | grep -q "an event this plan does not have: nothing changed" \
  && echo "$out" | grep -q "Max Mustermann (max@elsewhere.example) answered “Commitment” but is not invited to it: nothing changed" \
  && echo "$out" | grep -q "older version of “First evaluation”" && cmp -s "$tmp/r.mplan" "$tmp/r-before.mplan"
check "unknown event, not invited, older SEQUENCE: said in plain words, nothing changed" $? "rc=$rc" "$out" "$err"
run --import-reply="$acme" "$tmp/r.mplan"
[ $rc -eq 1 ] && echo "$err" | grep -q "holds no calendar answer" && cmp -s "$tmp/r.mplan" "$tmp/r-before.mplan"
check "a file that is no reply: exit 1, nothing changed" $? "rc=$rc" "$out" "$err"
run --mark-sent "$acme"
[ $rc -eq 2 ]
check "--mark-sent alone is wrong usage" $? "rc=$rc" "$err"
run --import-reply="$replies/stale.ics" --export-ics=- "$tmp/r.mplan"
[ $rc -eq 2 ] && echo "$err" | grep -q "do not go together" && cmp -s "$tmp/r.mplan" "$tmp/r-before.mplan"
check "--import-reply goes alone" $? "rc=$rc" "$err"
# A reply's SUMMARY, CN and COMMENT reach the terminal as visible escapes, never as ESC or BEL.
cp "$acme" "$tmp/esc.mplan"
run --export-invitations="$tmp/esc0" --mark-sent "$tmp/esc.mplan"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nDTSTAMP:20270201T101112Z\r\nUID:milestone-m-eval.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan\r\nSUMMARY:Eval\033[2J\r\nCOMMENT:hi\007\033]0;pwn\007 there\r\nATTENDEE;PARTSTAT=DECLINED;CN="Lena\033[31m":mailto:lena.ortiz@acme.example\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$tmp/esc.ics"
run --import-reply="$tmp/esc.ics" "$tmp/esc.mplan"
[ $rc -eq 0 ] && ! printf '%s' "$out$err" | grep -q $'[\x1b\x07]' && printf '%s' "$out" | grep -qF 'hi\x07\x1b]0;pwn\x07 there'
check "--import-reply shows ESC and BEL of a reply as \\x1b and \\x07" $? "rc=$rc" "$(printf '%s' "$out" | od -c | head -5)" "$err"
# A reply without DTSTAMP never overrides an answer that has one (as for proposals).
cp "$tmp/esc.mplan" "$tmp/esc-before.mplan"
sed -e '/^DTSTAMP/d' -e 's/DECLINED/ACCEPTED/' "$tmp/esc.ics" >"$tmp/nostamp.ics"
run --import-reply="$tmp/nostamp.ics" "$tmp/esc.mplan"
[ $rc -eq 0 ] && echo "$out" | grep -q "older than the one already recorded: nothing changed" && cmp -s "$tmp/esc.mplan" "$tmp/esc-before.mplan"
check "a reply without DTSTAMP does not override a stamped answer" $? "rc=$rc" "$out" "$err"
# Its comment reaches the message bidi-isolated and shortened.
long=$(printf 'x%.0s' $(seq 1 600))
sed -e 's/DTSTAMP:20270201/DTSTAMP:20270202/' -e "s/^COMMENT:.*/COMMENT:\xe2\x80\xaeevil $long\r/" "$tmp/esc.ics" >"$tmp/bidi.ics"
run --import-reply="$tmp/bidi.ics" "$tmp/esc.mplan"
[ $rc -eq 0 ] && printf '%s' "$out" | grep -qF '‘\u2068\u202eevil xxx' && printf '%s' "$out" | grep -qF 'xx…\u2069’' \
  && [ "${#out}" -lt 700 ] && grep -q "$long" "$tmp/esc.mplan"
check "a reply's comment is isolated and shortened in the message, kept whole in the plan" $? "rc=$rc" "$out" "$err"

# A plan in GMT: UTC times, no TZID without VTIMEZONE; a time in the spring-forward gap is written as entered, with a warning.
python3 - "$acme" "$tmp/gmt.mplan" "$tmp/gap.mplan" "$tmp/ids.mplan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["timezone"] = "GMT"
for m in p["milestones"]:
    if m["id"] == "m-demo":
        m["time"] = "14:00"
json.dump(p, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
p["timezone"] = "Europe/Berlin"
for m in p["milestones"]:
    if m["id"] == "m-demo":
        m["due"] = "2027-03-28"; m["time"] = "02:30"
json.dump(p, open(sys.argv[3], "w"), indent=2, ensure_ascii=False)
p = json.load(open(sys.argv[1]))
ids = {"m-demo": "m;demo,a:b\\c"}
for m in p["milestones"]:
    if m["id"] in ids:
        m["id"] = ids[m["id"]]
    m["depends_on"] = [ids.get(d, d) for d in m.get("depends_on", [])]
json.dump(p, open(sys.argv[4], "w"), indent=2, ensure_ascii=False)
PY
run --export-ics="$tmp/gmt.ics" "$tmp/gmt.mplan"
[ $rc -eq 0 ] && ! grep -q 'TZID' "$tmp/gmt.ics" && grep -q $'^DTSTART:202702..T140000Z\r$' "$tmp/gmt.ics"
check "a GMT plan writes UTC times and no TZID" $? "rc=$rc" "$err" "$(grep DTSTART "$tmp/gmt.ics" | head -3)"
run --export-invitations="$tmp/gmt-inv" "$tmp/gmt.mplan"
[ $rc -eq 0 ] && ! grep -q 'TZID' "$tmp/gmt-inv/m-demo.ics"
check "a GMT plan's invitations have no TZID" $? "rc=$rc" "$err"
run --export-invitations="$tmp/gap" --for=p-raj "$tmp/gap.mplan"
[ $rc -eq 0 ] && grep -q $'^DTSTART:20270328T013000Z\r$' "$tmp/gap/m-demo.ics" \
  && echo "$err" | grep -q "does not exist in Europe/Berlin.*03:30"
check "02:30 on the spring-forward night: 03:30 summer time, in UTC so that every calendar agrees, and a warning" $? "rc=$rc" "$err" "$(grep DTSTART "$tmp/gap/m-demo.ics")"
run --export-ics="$tmp/ids.ics" "$tmp/ids.mplan"
[ $rc -eq 0 ] && tr -d '\r' < "$tmp/ids.ics" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' | grep -q '^UID:milestone-m_demo_a_b_c-[0-9a-f]\{8\}\.5f0e8a3c' 
check "ids with ; , : and backslash give plain UIDs" $? "rc=$rc" "$err" "$(grep UID "$tmp/ids.ics" | head -3)"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
  for f in "$tmp/gmt.ics" "$tmp/gmt-inv/m-demo.ics" "$tmp/gap/m-demo.ics" "$tmp/ids.ics" "$tmp/s4/m-demo-cancel.ics" "$tmp/s3/m-legal.ics"; do
    /usr/bin/python3 "$(dirname "$0")/ical-check.py" "$f" >"$tmp/pc" 2>&1
    check "python-icalendar reads $(basename "$f")" $? "$(cat "$tmp/pc")"
  done
  /usr/bin/python3 -c '
import icalendar, sys
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
import re
sys.exit(0 if any(re.fullmatch(r"milestone-m_demo_a_b_c-[0-9a-f]{8}\.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan", u) for u in uids) else 1)' "$tmp/ids.ics"
  check "python-icalendar reads the UID of an id with ; , : and backslash as written" $?
elif [ "${CI:-}" = true ]; then
  not_ok "python3-icalendar is missing (CI)"
fi

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
