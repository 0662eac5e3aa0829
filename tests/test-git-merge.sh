#!/bin/bash
# test-git-merge.sh MUTUALPLAN DATADIR: --merge and --diff as a user runs
# them, and a real `git merge` of two branches that changed the same plan
# with mutualplan as the merge driver and textconv. TAP output.
set -u
bin=$1
data=$2/merge
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); fail=1; echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { # check NAME CONDITION…: ok when the command succeeds
  local name=$1; shift
  if "$@"; then ok "$name"; else not_ok "$name" "rc=$rc" "$out" "$err"; fi
}

if ! command -v git >/dev/null; then
  if [ "${CI:-}" = true ]; then echo "1..1"; echo "not ok 1 - git is missing (scripts/deps installs it)"; exit 1; fi
  echo "1..0 # SKIP git is not installed"; exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_DATA_HOME=$tmp/data GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"

run () { # run CMD… → $out, $err, $rc
  out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$@" 2>"$tmp/err"); rc=$?
  err=$(cat "$tmp/err")
}

# The fixtures in the app's own layout: a merge of a plan with itself is
# the plan, written as the app writes it.
for f in base ours theirs theirs-conflict cycle-ours cycle-theirs; do
  "$bin" --merge "$data/$f.mplan" "$data/$f.mplan" "$data/$f.mplan" -o "$tmp/$f.mplan" || { echo "Bail out! $f"; exit 1; }
done
has () { grep -qF -- "$2" "$1"; }

# ---- --merge ----
cp "$tmp/ours.mplan" "$tmp/ours-before.mplan"
run "$bin" --merge "$tmp/base.mplan" "$tmp/ours.mplan" "$tmp/theirs.mplan" -o "$tmp/out.mplan"
check "--merge -o: clean merge exits 0, prints nothing" test $rc -eq 0 -a -z "$out$err"
check "--merge: both sides' changes are in the result" \
  bash -c "grep -qF '\"title\": \"Legal and purchasing review\"' '$tmp/out.mplan' && grep -qF '\"due\": \"2027-04-02\"' '$tmp/out.mplan' &&
           grep -qF '\"customer_owner\": \"p-meier\"' '$tmp/out.mplan' && grep -qF '\"id\": \"p-ortiz\"' '$tmp/out.mplan' &&
           grep -qF '\"id\": \"m-visit\"' '$tmp/out.mplan' && grep -qF '\"x_crm_stage\": \"negotiation\"' '$tmp/out.mplan'"
check "--merge: the moved due date is in the history, the sequence above both" \
  bash -c "grep -qF 'Milestone “Legal and purchasing review” moved from 2027-03-26 to 2027-04-02.' '$tmp/out.mplan' &&
           grep -A12 '\"id\": \"m-legal\"' '$tmp/out.mplan' | grep -qF '\"sequence\": 3'"
run "$bin" --check "$tmp/out.mplan"
check "--merge: the result loads" test $rc -eq 0
check "--merge -o leaves OURS alone" cmp -s "$tmp/ours.mplan" "$tmp/ours-before.mplan"

cp "$tmp/ours.mplan" "$tmp/a.mplan"
run "$bin" --merge "$tmp/base.mplan" "$tmp/a.mplan" "$tmp/theirs.mplan"
check "--merge without -o replaces OURS, no temporary files left" \
  bash -c "[ $rc -eq 0 ] && diff <(grep -v '\"at\"' '$tmp/a.mplan') <(grep -v '\"at\"' '$tmp/out.mplan') >/dev/null && [ -z \"\$(ls '$tmp' | grep -v '\\.mplan$' | grep -v -x -e home -e data -e err)\" ]"

# --merge loads its three files on three threads at once: every load must
# give the plan. The number check once read errno through
# g_ascii_string_to_signed(), which GLib's first making of its C locale can
# leave set, and about one merge in 40 refused "version": 1 as out of range.
failures=0
for i in $(seq 1 120); do
  "$bin" --merge "$tmp/base.mplan" "$tmp/ours.mplan" "$tmp/theirs.mplan" -o "$tmp/race.mplan" >/dev/null 2>"$tmp/err" ||
    failures=$((failures + 1))
done
rm -f "$tmp/race.mplan" "$tmp/err"
check "--merge: 120 merges, every one loads its three files (they load on threads at once)" test $failures -eq 0

run "$bin" --merge "$tmp/base.mplan" "$tmp/theirs.mplan" "$tmp/ours.mplan" -o "$tmp/out2.mplan"
run "$bin" --diff "$tmp/out.mplan" "$tmp/out2.mplan"
check "--merge: the same plan whichever side is ours (but for the history of who merged what)" \
  bash -c "[ -n \"\$0\" ] && ! echo \"\$0\" | grep -qv '^History entry'" "$out"

run "$bin" --merge "$tmp/base.mplan" "$tmp/ours.mplan" "$tmp/theirs-conflict.mplan" -o "$tmp/c.mplan"
check "--merge: a conflict exits 1 and prints the JSON path, both values and the side kept" \
  bash -c "[ $rc -eq 1 ] && echo '$err' | grep -qF 'milestones[3].title: ours \"Legal and purchasing review\", theirs \"Contract review\"; kept ours'"
check "--merge: the conflict keeps ours, the file loads" \
  bash -c "grep -qF '\"title\": \"Legal and purchasing review\"' '$tmp/c.mplan' && '$bin' --check '$tmp/c.mplan' >/dev/null"

cp "$tmp/cycle-ours.mplan" "$tmp/cy.mplan"
run "$bin" --merge "$tmp/base.mplan" "$tmp/cy.mplan" "$tmp/cycle-theirs.mplan"
check "--merge: a result that would not load is refused with the reason, OURS untouched" \
  bash -c "[ $rc -eq 1 ] && echo \"\$0\" | grep -qF 'dependency cycle' && cmp -s '$tmp/cy.mplan' '$tmp/cycle-ours.mplan'" "$err"

run "$bin" --merge "$tmp/base.mplan" "$tmp/ours.mplan"
check "--merge with two files is wrong usage (exit 2)" test $rc -eq 2
run "$bin" --merge "$tmp/base.mplan" "$tmp/ours.mplan" "$tmp/missing.mplan"
check "--merge: a file that does not load is named, exit 1" bash -c "[ $rc -eq 1 ] && echo \"\$0\" | grep -qF missing.mplan" "$err"
run "$bin" --diff "$tmp/base.mplan" "$tmp/ours.mplan" -o "$tmp/x.mplan"
check "--output without --merge is wrong usage" test $rc -eq 2

# ---- --diff ----
run "$bin" --diff "$tmp/base.mplan" "$tmp/theirs.mplan"
check "--diff OLD NEW: the changes in words" \
  bash -c "[ $rc -eq 0 ] && echo \"\$0\" | grep -qxF '“Legal review” due 26 Mar 2027 → 2 Apr 2027' &&
           echo \"\$0\" | grep -qxF 'Lena Ortiz added' && echo \"\$0\" | grep -qxF '“Signature” customer owner Henrik Hansen → Lena Ortiz'" "$out"
run "$bin" --diff "$tmp/base.mplan" "$tmp/base.mplan"
check "--diff of a plan with itself prints nothing" test $rc -eq 0 -a -z "$out"
run "$bin" --diff "$tmp/base.mplan"
check "--diff FILE: the plan as lines of text" \
  bash -c "[ $rc -eq 0 ] && echo \"\$0\" | grep -qF 'Milestone “Legal review”: responsible side Customer; customer owner Henrik Hansen; due 26 Mar 2027'" "$out"

# ---- hostile titles reach the terminal as visible escapes ----
python3 - "$2/valid/acme-rollout.mplan" "$tmp" <<'PY'
import json, sys
for name, title in (("h-base", "First evaluation"), ("h-ours", "Ours\u001b[2J"), ("h-theirs", "Theirs\u0007\u001b]0;pwn\u0007")):
    p = json.load(open(sys.argv[1]))
    p["milestones"][0]["title"] = title
    json.dump(p, open(sys.argv[2] + "/" + name + ".mplan", "w"), indent=2)
PY
run "$bin" --diff "$tmp/h-base.mplan" "$tmp/h-ours.mplan"
check "--diff: ESC in a title is shown as \\x1b, not sent" \
  eval '[ $rc -eq 0 ] && ! printf %s "$out" | grep -q $'"'"'\x1b'"'"' && printf %s "$out" | grep -qF "Ours\x1b[2J"'
run "$bin" --merge "$tmp/h-base.mplan" "$tmp/h-ours.mplan" "$tmp/h-theirs.mplan" -o "$tmp/h-out.mplan"
check "--merge: conflict lines carry no raw ESC or BEL" \
  eval '[ $rc -eq 1 ] && ! printf %s "$err" | grep -q $'"'"'[\x1b\x07]'"'"' && printf %s "$err" | grep -qF "Theirs"'

# ---- a real git merge ----
repo=$tmp/repo
git init -q -b main "$repo" && cd "$repo" || exit 1
git config user.name Test && git config user.email test@example.org
git config merge.mutualplan.name "MutualPlan plans"
git config merge.mutualplan.driver "\"$bin\" --merge %O %A %B"
git config diff.mutualplan.textconv "\"$bin\" --diff"
printf '*.mplan merge=mutualplan diff=mutualplan\n' > .gitattributes
cp "$tmp/base.mplan" plan.mplan
git add .gitattributes plan.mplan && git commit -qm base
git checkout -qb customer && cp "$tmp/theirs.mplan" plan.mplan && git commit -qam "customer's changes"
git checkout -q main && cp "$tmp/ours.mplan" plan.mplan && git commit -qam "seller's changes"
run git merge -q --no-edit customer
check "git merge with the driver: clean, both sides' changes" \
  bash -c "[ $rc -eq 0 ] && grep -qF '\"due\": \"2027-04-02\"' plan.mplan && grep -qF '\"customer_owner\": \"p-meier\"' plan.mplan &&
           grep -qF '\"id\": \"m-visit\"' plan.mplan && '$bin' --check plan.mplan >/dev/null"
run git diff HEAD~1 HEAD -- plan.mplan
check "git diff through textconv shows the change in words" \
  bash -c "echo \"\$0\" | grep -qF '+  Person “Lena Ortiz”: e-mail “l.ortiz@hansen.example”; side Customer' &&
           echo \"\$0\" | grep -qF '+  Milestone “Legal and purchasing review”: responsible side Customer; customer owner Sabine Meier; due 2 Apr 2027'" "$out"

run git -c diff.mutualplan.command="\"$bin\" --diff" diff HEAD~1 HEAD -- plan.mplan
check "git diff with mutualplan as diff.*.command prints the changes in words" \
  bash -c "[ $rc -eq 0 ] && echo \"\$0\" | grep -qxF 'plan.mplan:' && echo \"\$0\" | grep -qxF 'Lena Ortiz added' &&
           echo \"\$0\" | grep -qxF '“Legal and purchasing review” due 26 Mar 2027 → 2 Apr 2027'" "$out"

# Without the driver, git's line merge of the same branches conflicts:
# the driver is what made it clean.
git clone -q "$repo" "$tmp/plain" && cd "$tmp/plain" || exit 1
git config user.name Test && git config user.email test@example.org
git checkout -q customer && git checkout -q main && git reset -q --hard HEAD~1
run git merge -q --no-edit customer
check "without the driver git's line merge conflicts on the same file" test $rc -ne 0

cd "$repo" && git checkout -q -b customer2 HEAD~2 && cp "$tmp/theirs-conflict.mplan" plan.mplan && git commit -qam conflict
git checkout -q main
run git merge -q --no-edit customer2
check "git merge with a real conflict fails, the file stays a loadable plan with ours" \
  bash -c "[ $rc -ne 0 ] && grep -qF '\"title\": \"Legal and purchasing review\"' plan.mplan && '$bin' --check plan.mplan >/dev/null &&
           echo \"\$0\" | grep -qF 'kept ours'" "$out$err"

echo "1..$n"
exit $fail
