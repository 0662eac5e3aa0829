#!/usr/bin/python3
# test-a11y-audit.py MUTUALPLAN FIXTURE: what a screen reader would say.
#
# Starts the app on a copy of FIXTURE with the accessibility bridge on,
# visits every page (through the sidebar), the detail pane, the main menu,
# the editing popovers and every dialog (opened through its menu item, as
# a user would), and checks the name of every object a screen reader
# announces: interactive objects (buttons, fields, rows, cells, menu items,
# check boxes…), images and scroll bars must have a name, and no object may
# be named after a GTK type ("GtkToggleButton"), read its text twice
# ("Add Goal Add Goal") or carry a mnemonic underscore ("_Cancel"). Every
# problem is printed with its path in the tree; the last line says how
# many objects were checked. TAP output. Needs python3-pyatspi and a
# session bus (dbus-run-session) with a display (Xvfb); xdotool for the
# keys that close popovers.
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mp_atspi import children, find, find_all, wait_for  # noqa: E402,F401

ON_CI = os.environ.get("CI") == "true"

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP python3-pyatspi is not installed")
    sys.exit(1 if ON_CI else 0)

binary, fixture = sys.argv[1], sys.argv[2]
# libatspi's cache of an application goes wrong once one of its windows
# has gone: each part of the walk runs in a fresh process of this script
# ("--attach PID PART RESULTS") against the same running app.
ATTACH = sys.argv[3:4] == ["--attach"]
n = 0
failed = False
results = []


def ok(cond, what, *info):
    global n, failed
    results.append((bool(cond), what, [str(i) for i in info]))
    if ATTACH:
        return
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what))
    if not cond:
        failed = True
    for line in info:
        for sub in str(line).splitlines():
            print("# %s" % sub)


def app_node(pid):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def press(node):
    node.queryAction().doAction(0)


def key(*keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers"] + list(keys), check=False)


# ---- the rules -------------------------------------------------------

# Roles a screen reader announces by name when they get focus or are
# read in a review: they must be named.
NAMED_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "menu item", "check menu item", "radio menu item", "list item", "table row",
    "table cell", "tree item", "text", "entry", "password text", "spin button",
    "slider", "scroll bar", "link", "page tab", "image", "level bar", "switch",
    "tree table", "table", "list", "tree", "dialog", "frame", "alert", "menu",
    "popup menu", "calendar", "tool bar",
}
TYPE_NAME = re.compile(r"^(Gtk|Gdk|Mp)[A-Z][A-Za-z]*$")


def doubled(name):
    """ "Add Goal Add Goal", "_Cancel Cancel", "Export Export…" """
    words = name.replace("_", "").replace("…", "").split()
    for k in range(1, len(words) // 2 + 1):
        if words[-k:] == words[-2 * k:-k]:
            return True
    return False


def problem(node):
    """What is wrong with @node's name, or None."""
    try:
        role, name = node.getRoleName(), node.name or ""
        focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return None
    if TYPE_NAME.match(name.strip()):
        return "named after its type"
    if "_" in name:
        return "an underscore (mnemonic) in its name"
    if len(name.split()) > 1 and doubled(name):
        return "reads its text twice"
    # GTK marks a scrolled window focusable to pass focus on to its
    # content; no screen reader stops on it or says its name.
    if not name.strip() and (role in NAMED_ROLES or (focusable and role != "scroll pane")):
        # A label is its text; an empty list or table row has nothing to say.
        return "no name"
    return None


# Parts of a control that a screen reader reads as the control's name
# (a button's label and icon): checked through the control.
LEAVES = {"push button", "toggle button", "check box", "radio button", "menu item",
          "check menu item", "radio menu item", "spin button", "text", "entry", "link"}

checked = set()
problems = {}


def ident(node):
    try:
        return node.path
    except Exception:
        return id(node)


def path_of(node):
    parts = []
    cur = node
    for _ in range(5):
        try:
            parts.append("%s %r" % (cur.getRoleName(), cur.name))
            cur = cur.parent
        except Exception:
            break
        if cur is None:
            break
    return " < ".join(parts)


def audit(root):
    """Checks every object below @root; returns (objects, problems)."""
    seen, bad = 0, []
    stack = [root]
    while stack:
        cur = stack.pop()
        try:
            role = cur.getRoleName()
        except Exception:
            continue
        seen += 1
        checked.add(str(ident(cur)))
        what = problem(cur)
        if what:
            desc = "%s: %s" % (what, path_of(cur))
            bad.append(desc)
            problems[desc] = True
        if role not in LEAVES:
            stack.extend(children(cur))
    return seen, bad


def report(where, root):
    seen, bad = audit(root)
    ok(seen > 0 and not bad, "%s: %d objects, every name is one a person would say" % (where, seen),
       *bad[:60] + (["… and %d more" % (len(bad) - 60)] if len(bad) > 60 else []))
    return seen


# ---- driving the app -------------------------------------------------

# (No underscore in the path: the dialogs show it, and the audit would
# take it for a mnemonic.)
home = tempfile.mkdtemp(prefix="mp-a11y-audit-")
while "_" in home:
    os.rmdir(home)
    home = tempfile.mkdtemp(prefix="mp-a11y-audit-")
plan = os.path.join(home, "acme.mplan")
shutil.copy(fixture, plan)
env = dict(os.environ, GTK_A11Y="atspi", HOME=home, MUTUALPLAN_TODAY="2027-03-15",
           XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
env.pop("NO_AT_BRIDGE", None)

if shutil.which("xdotool") is None:
    print("1..0 # SKIP xdotool is not installed")
    sys.exit(1 if ON_CI else 0)

class Attached:
    def __init__(self, pid):
        self.pid = pid


if ATTACH:
    proc = Attached(int(sys.argv[4]))
    PART = sys.argv[5]
else:
    proc = subprocess.Popen([binary, plan], env=env, stdout=subprocess.DEVNULL,
                            stderr=None if os.environ.get("MP_A11Y_AUDIT_LOG") else subprocess.DEVNULL)
    PART = None
total = 0


def frames(app):
    # The application's node afresh: libatspi's cache of the old one goes
    # wrong once a window has gone.
    app = app_node(proc.pid) or app
    # (GTK 4.8's about dialog is a "filler" at the top.)
    return children(app)


def main_frame(app):
    for f in frames(app):
        if "acme" in (f.name or ""):
            return f
    return None


def focus_window(pid):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                         capture_output=True, text=True).stdout.split()
    if out:
        subprocess.run(["xdotool", "windowfocus", "--sync", out[-1]], check=False)


def new_window(app, before):
    """A frame or dialog that was not there before."""
    now = frames(app)
    fresh = [f for f in now if f not in before]
    return fresh[-1] if fresh else None


def close_window(app, win, before):
    cancel = find(win, "push button", pred=lambda b: b.name in ("Cancel", "Close"))
    if cancel is not None:
        press(cancel)
    else:
        focus_window(proc.pid)
        key("Escape")
    wait_for(lambda: len(frames(app)) <= len(before), timeout=5)


def show_page(frame, index):
    """Shows page @index through the sidebar, as a user would."""
    sidebar = wait_for(lambda: find(frame, "list", "Sidebar"))
    sidebar.querySelection().selectChild(index)


def focusable(node):
    return node.getState().contains(pyatspi.STATE_FOCUSABLE)


def open_menu_item(app, frame, label):
    menu_button = find(frame, "push button", "Main Menu", pred=focusable)
    if menu_button is None:
        return None
    press(menu_button)
    item = wait_for(lambda: find(app, "menu item",
                                 pred=lambda i: i.name.replace("_", "").startswith(label)), timeout=5)
    return item


def menu_dialog(label):
    before = frames(app)
    item = open_menu_item(app, frame, label)
    ok(item is not None, "the main menu has “%s”" % label)
    if item is None:
        focus_window(proc.pid)
        key("Escape")
        return 0
    seen = 0
    if label == "New from Template":
        seen += report("main menu", item.parent.parent if item.parent else item)
    press(item)
    win = wait_for(lambda: new_window(app, before), timeout=10)
    ok(win is not None, "“%s” opens a window" % label)
    if win is None:
        return seen
    time.sleep(1.0)
    seen += report("dialog %s" % label, win)
    close_window(app, win, before)
    time.sleep(0.3)
    return seen


def run_part(part):
    """Runs @part of the walk in a fresh process; takes over its results."""
    global total
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, __file__, binary, fixture, "--attach", str(proc.pid), part, out.name],
                       timeout=400)
        try:
            with open(out.name) as f:
                data = json.load(f)
        except (OSError, ValueError):
            data = {"results": [(False, "part “%s” of the walk reports back" % part, [])],
                    "checked": [], "problems": [], "total": 0}
    for cond, what, info in data["results"]:
        ok(cond, what, *info)
    checked.update(data["checked"])
    problems.update(dict.fromkeys(data["problems"], True))
    total += data["total"]


try:
    app = wait_for(lambda: app_node(proc.pid), timeout=40)
    if not ATTACH:
        ok(app is not None, "the app shows up on the accessibility bus")
    if app is None:
        raise SystemExit
    frame = wait_for(lambda: main_frame(app))
    if not ATTACH:
        ok(frame is not None, "the window is on the bus")
    if frame is None:
        raise SystemExit
    focus_window(proc.pid)
    if not ATTACH:
        run_part("pages")
        run_part("late")
        raise SystemExit

    # Every page of the sidebar.
    if PART == "late":
        raise KeyboardInterrupt  # (caught below: the late part starts there)
    pages = ["Overview", "Milestones", "Goals", "People", "Calendar"]
    for i, page in enumerate(pages):
        show_page(frame, i)
        time.sleep(1.5)
        if page == "Milestones":
            table = wait_for(lambda: find(frame, "tree table", "Milestones"))
            wait_for(lambda: len(find_all(table, "table row")) > 5)
            # Expand every milestone so the task rows are read too.
            rows = find_all(table, "table row")
            if rows:
                try:
                    rows[1].queryComponent().grabFocus()
                except Exception:
                    pass
            details = find(frame, "push button", "Details") or find(frame, "toggle button", "Details")
            if details is not None:
                press(details)
                time.sleep(1.0)
        total += report("page %s" % page, find(frame, "panel", page) or frame)
    total += report("window", frame)

    # The editing popovers: a date, several people, a drop-down's list.
    show_page(frame, 0)
    time.sleep(1.0)
    start = find(frame, "push button", pred=lambda b: b.name.startswith("Start") and focusable(b))
    ok(start is not None, "the plan's start date is a button")
    if start is not None:
        press(start)
        cal = wait_for(lambda: find(start.parent, pred=lambda c: c.name == "Calendar" and focusable(c)), timeout=5)
        ok(cal is not None, "the start date's calendar opens")
        if cal is not None:
            total += report("date popover", start.parent)
        press(start)
        time.sleep(0.5)

    show_page(frame, 4)
    time.sleep(1.0)
    refs = find(frame, "push button", pred=lambda b: b.name.startswith("Status report recipients") and focusable(b))
    ok(refs is not None, "the status report's recipients are a button")
    if refs is not None:
        press(refs)
        box = wait_for(lambda: find(refs.parent, "check box"), timeout=5)
        ok(box is not None, "the recipients' pop-up opens with a check box per person")
        if box is not None:
            total += report("recipients popover", refs.parent)
        press(refs)
        time.sleep(0.5)

    # A drop-down's list of choices.
    show_page(frame, 3)
    time.sleep(1.0)
    combo = wait_for(lambda: find(find(frame, "panel", "People") or frame, "combo box"))
    ok(combo is not None, "the People page has a drop-down")
    if combo is not None:
        button = find(combo, "push button", pred=focusable)
        press(button)
        item = wait_for(lambda: find(combo, "list item"), timeout=5)
        ok(item is not None, "the drop-down's choices open")
        if item is not None:
            total += report("drop-down choices", combo)
        press(button)
        time.sleep(0.5)

    # The main menu and each dialog it opens (About last: once a window
    # has gone, libatspi's cache of the application goes wrong, so the
    # windows that must go away come first).
    for label in ["New from Template", "Status Report", "Save Baseline", "Compare with Baseline",
                  "Export Calendar", "Send Invitations"]:
        total += menu_dialog(label)

    raise SystemExit
except KeyboardInterrupt:
    pass
except SystemExit:
    pass
except Exception as e:
    ok(False, "the walk through the app went on to the end", repr(e))

try:
    if PART != "late":
        raise SystemExit
    # A message dialog: closing with unsaved changes asks first.
    show_page(frame, 1)
    time.sleep(1.0)
    add = find(frame, "push button", "Add Milestone")
    ok(add is not None, "the Milestones page has “Add Milestone”")
    if add is not None:
        press(add)
        time.sleep(1.0)
        focus_window(proc.pid)
        key("Escape")
        before = frames(app)
        key("ctrl+w")
        win = wait_for(lambda: new_window(app, before), timeout=10)
        ok(win is not None, "closing with unsaved changes asks first")
        if win is not None:
            time.sleep(1.0)
            total += report("message dialog Save changes", win)
            cancel = find(win, "push button", pred=lambda b: "Cancel" in b.name)
            if cancel is not None:
                press(cancel)
            time.sleep(0.5)

    # The shortcuts window, through its keys.
    before = frames(app)
    focus_window(proc.pid)
    key("ctrl+question")
    win = wait_for(lambda: new_window(app, before), timeout=10)
    ok(win is not None, "Ctrl+? opens the keyboard shortcuts")
    if win is not None:
        time.sleep(1.0)
        total += report("dialog Keyboard Shortcuts", win)
        focus_window(proc.pid)
        key("Escape")
        wait_for(lambda: len(frames(app)) <= len(before), timeout=5)

    total += menu_dialog("About MutualPlan")
except SystemExit:
    pass
except Exception as e:
    ok(False, "the walk through the app went on to the end", repr(e))
finally:
    if not ATTACH:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        shutil.rmtree(home, ignore_errors=True)

if ATTACH:
    with open(sys.argv[6], "w") as f:
        json.dump({"results": results, "checked": [str(c) for c in checked],
                   "problems": list(problems), "total": total}, f)
    sys.exit(0)

ok(len(checked) >= 1000, "at least 1,000 objects checked", "checked %d objects, %d problems" % (len(checked), len(problems)))
print("# checked %d different objects (%d visits), %d problems" % (len(checked), total, len(problems)))
if os.environ.get("MP_A11Y_AUDIT_LOG"):
    with open(os.environ["MP_A11Y_AUDIT_LOG"], "w") as log:
        log.write("\n".join(sorted(problems)) + "\n")
print("1..%d" % n)
sys.exit(1 if failed else 0)
