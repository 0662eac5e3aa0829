#!/usr/bin/python3
# test-milestones-e2e.py MUTUALPLAN FIXTURE: the Milestones page of a
# 400-milestone plan at 1280x800, driven with real key events (xdotool
# into the X server GTK runs on) and read back through the accessibility
# tree (python3-pyatspi), as a person and a screen reader meet it:
#   - at least 10 rows are visible, none taller than 36 px;
#   - Ctrl+F and a typed word leave only the matching rows;
#   - Add Milestone, typing a name, Enter and Ctrl+S put it in the file;
#   - Tab into row 3's due date and Delete remove row 3 and nothing else.
# (The notice after a removal is checked in test-milestones.c: finding it
# over the bus in the 10 s it shows is too slow on a loaded machine.)
# The plan is made from FIXTURE's milestones (every 40th title has
# "zebra"). TAP output; fails (not skips) on CI when a tool is missing.
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mp_atspi as at  # noqa: E402
from mp_atspi import children, extents, pyatspi, wait_for, xdo  # noqa: E402

binary, fixture = sys.argv[1], sys.argv[2]
tap = at.Tap()
ok = tap.ok


def make_plan(path, count):
    d = json.load(open(fixture))
    base = d["milestones"]
    words = ["Security review", "Pricing workshop", "Pilot sign-off", "Data migration plan",
             "Legal review of MSA", "Reference call", "Executive briefing", "Integration test",
             "Training for admins", "Go-live readiness"]
    start = datetime.date(2027, 1, 4)
    out = []
    for i in range(count):
        m = json.loads(json.dumps(base[i % len(base)]))
        m["id"] = "m-gen-%d" % i
        m["title"] = "%s %d" % (words[i % len(words)], i + 1) + (" zebra" if i % 40 == 7 else "")
        m["depends_on"] = ["m-gen-%d" % (i - 1)] if i > 0 and i % 5 else []
        m.pop("invite", None)
        m.pop("invited_sequence", None)
        due = start + datetime.timedelta(days=2 * i)
        if m.get("start") is not None:
            m["start"] = (due - datetime.timedelta(days=3)).isoformat()
        m["due"] = due.isoformat()
        if m.get("completed_on"):
            m["completed_on"] = due.isoformat()
        for k, t in enumerate(m.get("tasks", [])):
            t["id"] = "t-gen-%d-%d" % (i, k)
            if t.get("due"):
                t["due"] = (due - datetime.timedelta(days=1)).isoformat()
        out.append(m)
    d["milestones"] = out
    d["target"] = (start + datetime.timedelta(days=2 * count + 10)).isoformat()
    for g in d.get("goals", []):
        g["milestones"] = []
    d["baselines"] = []
    with open(path, "w") as f:
        json.dump(d, f, indent=2, ensure_ascii=False)


def find_all(node, role=None, name=None, limit=100000, pred=None):
    # Rows are recycled widgets: their order in the tree is not the list's.
    return at.find_all(node, role, name, limit, pred, key=row_index)


def find(node, role=None, name=None, pred=None):
    res = find_all(node, role, name, limit=1, pred=pred)
    return res[0] if res else None


def key(*keys):
    at.key(*keys)


TABLE = []


def table():
    """The Milestones table, looked up once (a walk of the whole app is slow)."""
    if not TABLE:
        t = find(app, "tree table", "Milestones")
        if t is None:
            return None
        TABLE.append(t)
    return TABLE[0]


def rows():
    """The table's rows (named "Title, row N of M"), in order; the walk
    does not go into the rows (each node is a round trip on the bus)."""
    t = table()
    found, stack = [], [t] if t is not None else []
    while stack:
        cur = stack.pop()
        try:
            role, name = cur.getRoleName(), cur.name
        except Exception:
            continue
        if role == "table row":
            if ", row " in name:
                found.append(cur)
            continue
        stack.extend(reversed(children(cur)))
    return found


def row_index(r):
    try:
        return int(r.name.rsplit(", row ", 1)[1].split(" ")[0])
    except (IndexError, ValueError):
        return 1 << 30


def visible_rows():
    t = table()
    te = extents(t)
    vis = []
    for r in rows():
        e = extents(r)
        if e.height > 0 and e.y >= te.y and e.y + e.height <= te.y + te.height:
            vis.append((r, e))
    return vis


def row_title(r):
    return r.name.rsplit(", row ", 1)[0]


def saved_titles(path):
    with open(path) as f:
        return [m["title"] for m in json.load(f)["milestones"]]


runner = at.App(binary, [lambda home: os.path.join(home, "plan.mplan")], today="2027-03-01")
plan = runner.files[0]
make_plan(plan, 400)
try:
    ok(runner.start(), "the app shows up on the accessibility bus")
    app, wid = runner.app, runner.wid
    ok(wid is not None, "the window is on the X server")
    if app is None or wid is None:
        raise SystemExit

    # The Milestones page, by its shortcut.
    key("alt+2")
    t = wait_for(table, timeout=20)
    ok(t is not None, "Alt+2 shows the Milestones table")
    def enough_rows():
        v = visible_rows()
        return v if len(v) >= 10 else None
    vis = wait_for(enough_rows, timeout=20) or visible_rows()
    heights = [e.height for _, e in vis]
    ok(len(vis) >= 10, "at least 10 rows are visible at 1280x800", "visible: %d" % len(vis),
       "rows: %r" % [(r.getRoleName(), r.name) for r in find_all(t, "table row")[:5]],
       "cells: %r" % [(r.getRoleName(), r.name) for r in find_all(t, "table cell")[:5]])
    ok(heights and max(heights) <= 36, "no row is taller than 36 px", "heights: %r" % heights)
    ok(vis and vis[0][0].name.startswith("Security review 1, row 1 of "),
       "rows are named by title and place", "first: %r" % (vis and vis[0][0].name))

    # Ctrl+F and a word: only matching rows (milestones with "zebra" and
    # their tasks, which stay under them).
    key("ctrl+f")
    time.sleep(0.5)
    xdo("type", "--delay", "60", "zebra")
    shown = wait_for(lambda: find(app, "label", pred=lambda x: x.name.startswith("Showing ")), timeout=10)
    ok(shown is not None and shown.name == "Showing 10 of 400", "the page says how many are shown",
       shown and shown.name)
    got = wait_for(lambda: rows() if len(rows()) < 100 else None, timeout=10) or rows()
    ms = [r for r in got if not r.name.startswith("Task ")]
    ok(len(ms) == 10 and all("zebra" in row_title(r) for r in ms),
       "Ctrl+F and typing leave only the matching milestones",
       "rows: %r" % [r.name for r in got][:20])
    key("Escape")
    ok(wait_for(lambda: shown.name == "", timeout=10) is True and wait_for(lambda: len(rows()) > 100, timeout=10),
       "Escape ends the search and shows every row again", shown and shown.name)

    # Into row 3's due date with Tab from the cell before it, and Delete:
    # row 3 (the first milestone's second task) goes, nothing else.
    before = json.load(open(plan))["milestones"]
    r3 = [r for r in rows() if row_index(r) == 3][0]
    ok(r3.name.startswith("Task Collect sample reports from all regions, row 3 of "),
       "row 3 is the first milestone's second task", r3.name)
    title = find(r3, name="Task title")
    ok(title is not None, "row 3's title is named", [(c.getRoleName(), c.name) for c in find_all(r3)][:30])
    e = extents(title)
    xdo("mousemove", "--window", wid, str(e.x + 20), str(e.y + e.height // 2))
    xdo("click", "1")
    time.sleep(0.8)
    key("Escape")  # a click opens the title for typing; Escape leaves it as it was
    time.sleep(0.3)
    # Title → seller owner → customer owner → due date (a task has no
    # start): Tab until the due date has the focus, a few presses at most.
    due = find(r3, pred=lambda x: x.name.startswith("Due date:") and x.getRoleName() in ("toggle button", "push button"))

    def due_focused():
        # The focus is on the date button or on the toggle button inside it.
        return due is not None and any(x.getState().contains(pyatspi.STATE_FOCUSED) for x in find_all(due))
    tabs = 0
    while tabs < 5 and not due_focused():
        key("Tab")
        tabs += 1
        time.sleep(0.4)
    ok(due_focused(), "Tab moves into row 3's due date", "%d Tab presses" % tabs, due and due.name,
       [(x.getRoleName(), x.name) for x in find_all(r3) if x.getState().contains(pyatspi.STATE_FOCUSED)])
    r3_name = r3.name
    key("Delete")
    gone = wait_for(lambda: all(r.name != r3_name for r in rows()), timeout=20)
    ok(gone is True, "Delete takes row 3 out of the list",
       [(x.getRoleName(), x.name) for x in find_all(table()) if x.getState().contains(pyatspi.STATE_FOCUSED)][:5])
    key("ctrl+s")

    def saved_after():
        ms = json.load(open(plan))["milestones"]
        return ms if sum(len(m.get("tasks", [])) for m in ms) < sum(len(m.get("tasks", [])) for m in before) else None
    after = wait_for(saved_after, timeout=20)
    ok(after is not None, "Delete and Ctrl+S change the file")
    if after is not None:
        ok([m["title"] for m in after] == [m["title"] for m in before], "no milestone goes")
        ok([t["title"] for t in after[0]["tasks"]] == [t["title"] for t in before[0]["tasks"]][:1],
           "the task of row 3 goes", [t["title"] for t in after[0]["tasks"]])
        ok(sum(len(m.get("tasks", [])) for m in after) == sum(len(m.get("tasks", [])) for m in before) - 1,
           "no other task goes")
    # Add Milestone, type a name, Enter, Ctrl+S: in the file.
    add = find(app, "push button", "Add Milestone")
    ok(add is not None, "a button named “Add Milestone”")
    add.queryAction().doAction(0)
    # Its row shows, its title open for typing (the focus in a text).
    wait_for(lambda: any(r.name.startswith("New milestone, row ") for r in rows()), timeout=20)
    wait_for(lambda: find(table(), "text", pred=lambda x: x.getState().contains(pyatspi.STATE_FOCUSED)), timeout=10)
    time.sleep(0.5)
    xdo("type", "--delay", "40", "Quarterly zebra check")
    key("Return")
    time.sleep(0.5)
    key("ctrl+s")
    ok(wait_for(lambda: "Quarterly zebra check" in saved_titles(plan), timeout=15) is True,
       "Add Milestone, typing a name, Enter and Ctrl+S put it in the file",
       "titles with zebra: %r" % [x for x in saved_titles(plan) if "zebra" in x.lower()])
    ok(len(saved_titles(plan)) == 401, "one milestone more, no other", len(saved_titles(plan)))


except SystemExit:
    pass  # a step failed: the rest depends on it
finally:
    runner.stop()

tap.finish()
