#!/usr/bin/python3
# test-keyboard-walkthrough.py MUTUALPLAN: a whole plan made without the
# pointer, with real key events (xdotool into Xvfb) and no calls of
# actions: the accessibility tree (python3-pyatspi) is only read, to
# know where the focus is, as a screen reader user hears it.
#   New from Template (F10, the main menu) → customer, deal and both
#   contacts typed in → Create → two milestones added (Insert), each with
#   a title, a seller owner, a customer owner and a due date → the first
#   marked done → Export Calendar… to an .ics file → Save As…
# then the saved plan and the .ics on disk are checked. TAP output; fails
# (not skips) on CI when a tool is missing.
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mp_atspi as at  # noqa: E402

binary = sys.argv[1]
tap = at.Tap()
ok = tap.ok
DEBUG = os.environ.get("MP_WALKTHROUGH_DEBUG")
shots = 0


def shot(what):
    global shots
    if DEBUG:
        shots += 1
        subprocess.run(["import", "-window", "root", os.path.join(DEBUG, "%02d-%s.png" % (shots, what))])


def describe(node):
    try:
        return "%s %r" % (node.getRoleName(), node.name)
    except Exception:
        return repr(node)


def focus_now():
    return at.focus_in(app.app)


def tab_to(pred, what, limit=25, back=False):
    """Tab (Shift+Tab) until the focused object satisfies @pred."""
    seen = []
    for _ in range(limit):
        f = focus_now()
        if f is not None and pred(f):
            return f
        seen.append(describe(f) if f is not None else "nothing")
        at.key("shift+Tab" if back else "Tab", pause=0.3)
    f = focus_now()
    if f is not None and pred(f):
        return f
    ok(False, "Tab reaches %s" % what, *seen)
    raise SystemExit


def ancestors(node):
    out = []
    try:
        cur = node.parent
        while cur is not None and len(out) < 30:
            out.append(cur)
            cur = cur.parent
    except Exception:
        pass
    return out


def named(text, roles=None):
    return lambda x: x.name == text and (roles is None or x.getRoleName() in roles)


def starts(text, roles=None):
    return lambda x: x.name.startswith(text) and (roles is None or x.getRoleName() in roles)


app = at.App(binary, [], today="2027-03-01")
plan_path = os.path.join(app.home, "Globex.mplan")
ics_path = os.path.join(app.home, "globex.ics")
try:
    if not ok(app.start(), "the app starts and shows up on the accessibility bus"):
        raise SystemExit
    shot("start")

    # New from Template: F10 opens the main menu; its items by arrow keys.
    at.key("F10", pause=0.6)
    item = None
    for _ in range(6):
        f = focus_now()
        if f is not None and f.name.startswith("New from Template"):
            item = f
            break
        at.key("Down", pause=0.3)
    ok(item is not None, "F10 and Down reach New from Template…", describe(focus_now()))
    at.key("Return", pause=1.0)
    dialog = at.wait_for(lambda: at.find(app.app, "frame", "New from Template"), timeout=20)
    ok(dialog is not None, "Enter opens New from Template")
    shot("template")
    for field, text in (("Customer", "Globex"), ("Deal", "Fleet telematics rollout"),
                        ("Your contact", "Ann Seller"), ("Customer’s contact", "Carl Buyer")):
        tab_to(lambda x, field=field: x.name == field and x.getRoleName() in ("text", "entry"), field)
        at.type_text(text)
    shot("template-filled")
    # Create: the dialog's default button, by Enter in the last field.
    at.key("Return", pause=1.5)
    frame = at.wait_for(lambda: at.find(app.app, "frame", pred=lambda x: "Fleet telematics rollout" in x.name),
                        timeout=20)
    ok(frame is not None, "Enter creates the plan and shows it",
       [describe(w) for w in at.children(app.app)])
    shot("created")

    ok(at.wait_for(lambda: (focus_now() or None) and focus_now().name == "Milestone title", timeout=10),
       "the focus is in the list of milestones", describe(focus_now()))

    # Two milestones: Insert adds one after the selected row with its
    # title open for typing; Enter ends it. Then Tab to each value, Space
    # opens its editor: owners by typing a name and Enter, the due date
    # in the calendar by the arrow keys and Space.
    def add_milestone(title, seller, customer, days):
        at.key("Insert", pause=1.0)
        at.type_text(title)
        at.key("Return", pause=0.6)
        row = at.wait_for(lambda: at.find(frame, "table row", pred=lambda x: x.name.startswith(title + ", row ")))
        ok(row is not None, "Insert, typing and Enter add “%s”" % title, describe(focus_now()))
        for field, name in (("Seller owner: ", seller), ("Customer owner: ", customer)):
            tab_to(starts(field, ("push button", "toggle button")), field)
            at.key("space", pause=0.8)
            at.type_text(name)
            at.key("Return", pause=0.8)
            f = at.wait_for(lambda: (focus_now() or None) and focus_now().name.startswith(field) and focus_now())
            ok(f is not None and f.name.startswith(field + name), "%s%s chosen by typing and Enter" % (field, name),
               describe(focus_now()))
        tab_to(starts("Due date", ("push button", "toggle button")), "Due date")
        at.key("space", pause=0.8)
        shot("due-open")
        for _ in range(days):
            at.key("Right", pause=0.1)
        at.key("space", pause=0.8)
        f = at.wait_for(lambda: (focus_now() or None) and focus_now().name.startswith("Due date: 2") and focus_now())
        ok(f is not None, "the arrows and Space choose %s's due date in the calendar" % title, describe(focus_now()))
        return f.name.split(":")[1].strip() if f is not None else None

    dues = {"Fleet pilot": add_milestone("Fleet pilot", "Ann", "Carl", 12),
            "Driver training": add_milestone("Driver training", "Ann", "Carl", 24)}
    shot("added")

    # The first marked done: its status, Space, Down to Done, Enter.
    def on_row(title, field):
        return lambda x: x.name.startswith(field) and x.getRoleName() in ("push button", "toggle button") and \
            any(a.getRoleName() == "table row" and a.name.startswith(title + ", row ") for a in ancestors(x))

    tab_to(starts("Status: ", ("push button", "toggle button")), "Status")
    at.key("space", pause=0.8)
    for _ in range(4):
        f = focus_now()
        if f is not None and f.name == "Done":
            break
        at.key("Down", pause=0.3)
    at.key("Return", pause=0.8)
    f = at.wait_for(lambda: (focus_now() or None) and focus_now().name.startswith("Status: ") and focus_now())
    ok(f is not None and f.name == "Status: Done", "Space, Down and Enter mark Driver training done",
       describe(focus_now()))

    # The timeline (F6 moves between the list, the timeline and the
    # details) announces the bar its arrows select: title, dates, status,
    # side, owners, in its name, which a screen reader reads again when it
    # changes.
    timeline = None
    for _ in range(4):
        at.key("F6", pause=0.6)
        f = focus_now()
        if f is not None and f.name.startswith("Timeline"):
            timeline = f
            break
    ok(timeline is not None, "F6 reaches the timeline", describe(focus_now()))
    if timeline is not None:
        # It shares the list's selection (Driver training): Down, then Up
        # back to it.
        heard = [timeline.name]
        for k in ("Down", "Up"):
            at.key(k, pause=0.6)
            heard.append(timeline.name)
        ok(any(h.startswith("Timeline: Driver training, due 23 Mar 2027, Done, Seller, owners Ann Seller and Carl Buyer")
               for h in heard) if dues["Driver training"] == "2027-03-23" else
           any(h.startswith("Timeline: Driver training, due ") and "Done" in h and "owners Ann Seller and Carl Buyer" in h
               for h in heard),
           "Down and Up in the timeline announce each bar: title, date, status, side, owners", *heard)
        ok(len(set(heard[-2:])) == 2, "the name changes with the bar", *heard)
        shot("timeline")

    # Export Calendar… from the main menu.
    def menu_item(label):
        at.key("F10", pause=0.6)
        for _ in range(30):
            f = focus_now()
            if f is not None and f.name.startswith(label):
                at.key("Return", pause=1.0)
                return True
            at.key("Down", pause=0.2)
        at.key("Escape")
        return False

    ok(menu_item("Export Calendar"), "F10 and Down reach Export Calendar…")
    dialog = at.wait_for(lambda: at.find(app.app, "frame", "Export Calendar"), timeout=20)
    ok(dialog is not None, "Enter opens Export Calendar")
    shot("export")
    # Tab on to the Export button (Shift+Tab does not leave a drop-down in
    # GTK 4.8), Enter: the file chooser, a name typed, Enter.
    tab_to(lambda x: x.name in ("Export", "Export…") and x.getRoleName() == "push button", "Export", limit=60)
    at.key("Return", pause=1.5)
    shot("export-chooser")
    f = at.wait_for(lambda: (focus_now() or None) and focus_now().name == "Name:" and focus_now())
    ok(f is not None, "Enter opens the file chooser, its name field focused", describe(focus_now()))
    # The name field suggests a name: Ctrl+A, and a whole path typed over it.
    at.key("ctrl+a")
    at.type_text(ics_path)
    at.key("Return", pause=1.5)
    ok(at.wait_for(lambda: os.path.exists(ics_path), timeout=20), "the calendar is written where typed",
       os.listdir(app.home))

    # Ctrl+S: an untitled plan asks where, the same way.
    frame_window = [w for w in at.children(app.app) if "Fleet telematics rollout" in w.name]
    at.key("ctrl+s", pause=1.5)
    f = at.wait_for(lambda: (focus_now() or None) and focus_now().name == "Name:" and focus_now())
    ok(f is not None, "Ctrl+S opens the file chooser, its name field focused", describe(focus_now()))
    at.key("ctrl+a")
    at.type_text(plan_path)
    at.key("Return", pause=1.5)
    ok(at.wait_for(lambda: os.path.exists(plan_path), timeout=20), "the plan is saved where typed",
       os.listdir(app.home))
    shot("saved")

    # What is on disk.
    with open(plan_path) as fp:
        saved = json.load(fp)
    people = {p["id"]: p["name"] for p in saved.get("participants", [])}
    ms = {m["title"]: m for m in saved["milestones"]}
    ok(saved.get("customer") == "Globex" and "Fleet telematics rollout" in saved.get("title", ""),
       "the plan has the customer and the deal typed", saved.get("customer"), saved.get("title"))
    ok(sorted(people.values()) == ["Ann Seller", "Carl Buyer"], "the two contacts typed are its people", people)
    for title in ("Fleet pilot", "Driver training"):
        m = ms.get(title)
        ok(m is not None and people.get(m.get("seller_owner")) == "Ann Seller" and
           people.get(m.get("customer_owner")) == "Carl Buyer",
           "%s is saved with both owners" % title, m)
        ok(m is not None and dues[title] is not None and m.get("due") == dues[title],
           "%s is saved with the due date chosen (%s)" % (title, dues[title]), m and m.get("due"))
    ok(ms.get("Driver training", {}).get("status") == "done" and ms.get("Fleet pilot", {}).get("status") == "planned",
       "Driver training is saved done, Fleet pilot planned",
       ms.get("Driver training", {}).get("status"), ms.get("Fleet pilot", {}).get("status"))
    ok(dues["Fleet pilot"] != dues["Driver training"], "the two due dates differ", dues)

    # The calendar: one event per milestone, ours among them, each on its
    # due date (all day) with both owners as attendees.
    with open(ics_path) as fp:
        ics = fp.read().replace("\r\n ", "").replace("\r\n", "\n")
    events = ics.split("BEGIN:VEVENT")[1:]
    ok(ics.startswith("BEGIN:VCALENDAR") and len(events) == len(saved["milestones"]),
       "the .ics has one event per milestone", "%d events, %d milestones" % (len(events), len(saved["milestones"])))
    for title in ("Fleet pilot", "Driver training"):
        ev = [e for e in events if "SUMMARY:%s\n" % title in e]
        day = (dues[title] or "").replace("-", "")
        ok(len(ev) == 1 and ("DTSTART;VALUE=DATE:%s" % day) in ev[0] and
           "Ann Seller" in ev[0] and "Carl Buyer" in ev[0],
           "the .ics has %s on %s with both owners" % (title, dues[title]), ev[:1])
except SystemExit:
    pass  # a step failed: the rest depends on it
finally:
    app.stop()
tap.finish()
