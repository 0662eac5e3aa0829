#!/usr/bin/python3
# test-a11y.py MUTUALPLAN FIXTURE: end to end through the accessibility
# tree, as a screen reader sees the app (python3-pyatspi, AT-SPI on the
# session bus). Presses "Add Milestone" and "Undo" by name and reads back
# the rows; then kills the app after an edit and checks that the next
# start offers the unsaved work back. TAP output.
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mp_atspi import children, find, find_all, wait_for  # noqa: E402,F401

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP python3-pyatspi is not installed")
    sys.exit(0)

binary, fixture = sys.argv[1], sys.argv[2]
n = 0
failed = False


def ok(cond, what, *info):
    global n, failed
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what))
    if not cond:
        failed = True
        for line in info:
            print("# %s" % line)


def app_node(pid=None):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.name == "mutualplan" and (pid is None or app.get_process_id () == pid):
                return app
        except Exception:
            continue
    return None


def button_like(node, text):
    """A push button whose name is @text (dialog buttons read "_Recover Recover")."""
    for b in find_all(node, "push button"):
        if b.name == text or b.name.replace("_", "").startswith(text):
            return b
    return None


def press(node):
    node.queryAction().doAction(0)


def milestone_rows(app):
    table = find(app, "tree table", "Milestones")
    if table is None:
        return None
    # Rows are table rows below the table, the header row excluded.
    rows = [r for r in find_all(table, "table row") if find(r, "label", "Milestone") is None]
    return len(rows)


def start(env):
    return subprocess.Popen([binary, env["PLAN"]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


home = tempfile.mkdtemp(prefix="mp-a11y-")
plan = os.path.join(home, "plan.mplan")
shutil.copy(fixture, plan)
env = dict(os.environ, GTK_A11Y="atspi", HOME=home,
           XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
           PLAN=plan)
env.pop("NO_AT_BRIDGE", None)

proc = start(env)
try:
    app = wait_for(lambda: app_node(proc.pid), timeout=40)
    ok(app is not None, "the app shows up on the accessibility bus")
    if app is None:
        raise SystemExit
    frame = wait_for(lambda: find(app, "frame"))
    ok(frame is not None and "plan.mplan" in frame.name, "the window is named after the file", frame and frame.name)

    # Go to the Milestones page through the sidebar, as a user would.
    sidebar = wait_for(lambda: find(app, "list", "Sidebar"))
    sidebar.querySelection().selectChild(1)
    before = wait_for(lambda: milestone_rows(app))
    ok(before == 13, "the milestones page shows 9 milestones and 4 tasks", "rows: %r" % before)

    add = find(app, "push button", "Add Milestone")
    ok(add is not None, "a button named “Add Milestone”")
    press(add)
    after = wait_for(lambda: milestone_rows(app) == before + 1 and milestone_rows(app))
    ok(after == before + 1, "“Add Milestone” adds a row", "rows: %r" % milestone_rows(app))
    ok(wait_for(lambda: find(app, "frame").name.startswith("• ")), "the title marks the plan as modified",
       find(app, "frame").name)

    undo = find(app, "push button", "Undo")
    ok(undo is not None, "a button named “Undo”")
    press(undo)
    back = wait_for(lambda: milestone_rows(app) == before and milestone_rows(app))
    ok(back == before, "“Undo” takes the row away again", "rows: %r" % milestone_rows(app))
    ok(wait_for(lambda: not find(app, "frame").name.startswith("• ")), "after undo the plan is unmodified",
       find(app, "frame").name)

    for name in ("Redo", "Save", "Open", "Add Task", "Remove"):
        ok(find(app, "push button", name) is not None, "a button named “%s”" % name)

    # An edit, then a crash before saving.
    press(find(app, "push button", "Add Milestone"))
    wait_for(lambda: milestone_rows(app) == before + 1)
    recovery_dir = os.path.join(home, "data", "mutualplan", "recovery")
    saved = wait_for(lambda: os.path.isdir(recovery_dir) and
                     [f for f in os.listdir(recovery_dir) if f.endswith(".mplan")], timeout=20)
    ok(bool(saved), "a recovery copy is written a few seconds after the edit")
finally:
    proc.send_signal(signal.SIGKILL)
    proc.wait()

with open(plan, "rb") as f, open(fixture, "rb") as g:
    ok(f.read() == g.read(), "the plan file itself was not touched by the crash")

proc = start(env)
try:
    app = wait_for(lambda: app_node(proc.pid), timeout=40)
    recover = wait_for(lambda: button_like(app, "Recover"))
    ok(recover is not None, "the next start offers to recover the unsaved work")
    if recover is not None:
        press(recover)
        frame = wait_for(lambda: [f for f in find_all(app, "frame") if f.name.startswith("• plan.mplan")])
        ok(bool(frame), "the recovered plan opens as modified", [f.name for f in find_all(app, "frame")])
        if frame:
            sidebar = find(frame[0], "list", "Sidebar")
            sidebar.querySelection().selectChild(1)
            rows = wait_for(lambda: milestone_rows(frame[0]) == before + 1 and milestone_rows(frame[0]))
            ok(rows == before + 1, "the recovered plan has the added milestone", "rows: %r" % milestone_rows(frame[0]))
finally:
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    shutil.rmtree(home, ignore_errors=True)

print("1..%d" % n)
sys.exit(1 if failed else 0)
