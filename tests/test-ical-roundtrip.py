#!/usr/bin/python3
# test-ical-roundtrip.py MUTUALPLAN DATADIR: what we send, through real
# calendar programs acting as the customer. TAP output.
#
# Evolution-Data-Server is the customer's calendar: its ECalClient takes
# iTIP messages headless (receive_objects, the call Evolution makes when
# the user presses Accept in a mail). The invitation is received, an
# update replaces it (same UID, higher SEQUENCE), a cancellation removes
# it; a cancelled occurrence of a weekly meeting disappears from the
# series. khal imports the calendar file (METHOD:PUBLISH).
#
# It runs itself again under dbus-run-session with private folders; the
# D-Bus services of evolution-data-server start on demand. Without
# the programs the test is skipped (77), or fails when CI=true.
import json
import os
import shutil
import subprocess
import sys
import tempfile

n = 0
failed = False


def ok(name, cond, *details):
    global n, failed
    n += 1
    if cond:
        print(f"ok {n} - {name}")
    else:
        failed = True
        print(f"not ok {n} - {name}")
        for d in details:
            for line in str(d).splitlines():
                print(f"# {line}")


def missing(what):
    if os.environ.get("CI") == "true":
        print(f"not ok 1 - {what} is missing (CI=true: scripts/deps installs it)")
        print("1..1")
        sys.exit(1)
    print(f"1..0 # SKIP {what} is missing")
    sys.exit(77)


try:
    import gi
    gi.require_version("ECal", "2.0")
    gi.require_version("EDataServer", "1.2")
    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ECal, EDataServer, GLib, ICalGLib
except (ImportError, ValueError) as e:
    missing(f"evolution-data-server for Python (gir1.2-ecal-2.0, python3-gi): {e}")
if not os.path.exists("/usr/libexec/evolution-calendar-factory"):
    missing("evolution-data-server")
if shutil.which("khal") is None:
    missing("khal")
if os.environ.get("MP_ROUNDTRIP_HOME") is None:
    # A private session bus and private folders: the calendar starts
    # empty and the user's own is never touched.
    if shutil.which("dbus-run-session") is None:
        missing("dbus-run-session (dbus)")
    home = tempfile.mkdtemp(prefix="mp-roundtrip-home-")
    env = {**os.environ, "MP_ROUNDTRIP_HOME": home, "HOME": home,
           "XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
           "XDG_CACHE_HOME": f"{home}/cache", "XDG_RUNTIME_DIR": f"{home}/run", "GSETTINGS_BACKEND": "memory"}
    os.makedirs(f"{home}/run", mode=0o700)
    p = subprocess.run(["dbus-run-session", "--", sys.executable, *sys.argv], env=env,
                       stderr=subprocess.DEVNULL)
    shutil.rmtree(home, ignore_errors=True)
    sys.exit(p.returncode)

binary, data = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="mp-roundtrip-")
here = os.path.dirname(os.path.abspath(__file__))


def run(*args):
    p = subprocess.run([binary, *args], capture_output=True, text=True,
                       env={**os.environ, "LANGUAGE": "C", "LANG": "C.UTF-8"})
    return p.returncode, p.stdout, p.stderr


def edit_plan(path, change):
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)
    change(plan)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f, indent=2, ensure_ascii=False)


def milestone(plan, mid):
    return next(m for m in plan["milestones"] if m["id"] == mid)


def validate(path):
    p = subprocess.run(["/usr/bin/python3", os.path.join(here, "ical-check.py"), path],
                       capture_output=True, text=True)
    ok(f"python-icalendar reads {os.path.basename(path)}", p.returncode == 0, p.stderr)


# The customer's calendar.
registry = EDataServer.SourceRegistry.new_sync(None)
source = registry.ref_builtin_calendar()
client = ECal.Client.connect_sync(source, ECal.ClientSourceType.EVENTS, 30, None)


def receive(path):
    with open(path, encoding="utf-8") as f:
        comp = ICalGLib.Component.new_from_string(f.read())
    client.receive_objects_sync(comp, ECal.OperationFlags.NONE, None)


def events(uid):
    try:
        return client.get_objects_for_uid_sync(uid, None)[1] or []
    except GLib.Error:
        return []


plan = os.path.join(tmp, "plan.mplan")
shutil.copy(os.path.join(data, "valid", "acme-rollout.mplan"), plan)
uid = "milestone-m-legal.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan"
muid = "meeting-mt-1.5f0e8a3c-71d2-4b6e-a1f4-2c9d7e6b8a10@mutualplan"

# 1. The invitation arrives.
rc, out, err = run(f"--export-invitations={tmp}/1", "--mark-sent", plan)
ok("invitations written and recorded", rc == 0, err)
receive(f"{tmp}/1/m-legal.ics")
receive(f"{tmp}/1/mt-1.ics")
evs = events(uid)
ok("Evolution's calendar holds the invitation", len(evs) == 1 and evs[0].get_sequence() == 0
   and evs[0].get_dtstart().get_value().as_ical_string().startswith("20270326"),
   [e.get_as_string() for e in evs])
validate(f"{tmp}/1/m-legal.ics")

# 2. A script moves the date without raising sequence: the update replaces it.
edit_plan(plan, lambda p: milestone(p, "m-legal").update(due="2027-04-09"))
rc, out, err = run(f"--export-invitations={tmp}/2", "--only-outdated", "--mark-sent", plan)
ok("only the changed event is sent", rc == 0 and sorted(os.listdir(f"{tmp}/2")) == ["m-legal.eml", "m-legal.ics"],
   os.listdir(f"{tmp}/2") if os.path.isdir(f"{tmp}/2") else err)
receive(f"{tmp}/2/m-legal.ics")
evs = events(uid)
ok("the update replaces it: same UID, SEQUENCE 1, the new date", len(evs) == 1 and evs[0].get_sequence() == 1
   and evs[0].get_dtstart().get_value().as_ical_string().startswith("20270409"),
   [e.get_as_string() for e in evs])
validate(f"{tmp}/2/m-legal.ics")

# 3. One occurrence of the weekly meeting is cancelled: the series loses it.
edit_plan(plan, lambda p: next(m for m in p["meetings"] if m["id"] == "mt-1").update(
    occurrences=[{"date": "2027-03-10", "cancelled": True}]))
rc, out, err = run(f"--export-invitations={tmp}/3", "--only-outdated", "--mark-sent", plan)
ok("the meeting goes out again with an EXDATE", rc == 0 and os.path.exists(f"{tmp}/3/mt-1.ics")
   and "EXDATE;TZID=America/Chicago:20270310T093000" in open(f"{tmp}/3/mt-1.ics").read(), err)
receive(f"{tmp}/3/mt-1.ics")
try:
    ok_, instances = True, []

    def collect(comp, start, end, *user):
        instances.append(comp.get_dtstart().as_ical_string()[:8])
        return True
    client.generate_instances_for_object_sync(events(muid)[0].get_icalcomponent(),
                                              1804000000, 1807000000, None, collect)
except Exception as e:  # pragma: no cover - shown in the TAP output
    ok_ = False
    instances = [str(e)]
ok("Evolution's series has 3 Mar and 17 Mar but not 10 Mar",
   ok_ and "20270303" in instances and "20270317" in instances and "20270310" not in instances, instances)
validate(f"{tmp}/3/mt-1.ics")

# 4. The milestone is dropped: the cancellation removes it.
edit_plan(plan, lambda p: milestone(p, "m-legal").update(status="dropped"))
rc, out, err = run(f"--export-invitations={tmp}/4", "--only-outdated", "--mark-sent", plan)
ok("a cancellation is written", rc == 0 and "METHOD:CANCEL" in open(f"{tmp}/4/m-legal.ics").read(), err)
receive(f"{tmp}/4/m-legal.ics")
evs = events(uid)
ok("the cancellation removes it from Evolution's calendar",
   len(evs) == 0 or all(e.get_status() == ICalGLib.PropertyStatus.CANCELLED for e in evs),
   [e.get_as_string() for e in evs])
validate(f"{tmp}/4/m-legal.ics")
rc, out, err = run(f"--export-invitations={tmp}/5", "--only-outdated", plan)
ok("then nothing is left to send (exit 0)", rc == 0 and "Nothing to send" in out, out, err)

# 5. khal imports the calendar file.
kdir = os.path.join(tmp, "khal")
os.makedirs(os.path.join(kdir, "cal"))
with open(os.path.join(kdir, "config"), "w") as f:
    f.write(f"[calendars]\n[[plan]]\npath = {kdir}/cal\n[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
            f"longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
            f"default_timezone = America/Chicago\nlocal_timezone = America/Chicago\n"
            f"[sqlite]\npath = {kdir}/khal.db\n")
rc, out, err = run(f"--export-ics={tmp}/plan.ics", os.path.join(data, "valid", "acme-rollout.mplan"))
p = subprocess.run(["khal", "-c", f"{kdir}/config", "import", "--batch", "-a", "plan", f"{tmp}/plan.ics"],
                   capture_output=True, text=True)
ok("khal imports the PUBLISH file", p.returncode == 0 and "error" not in p.stderr.lower(), p.stdout, p.stderr)
p = subprocess.run(["khal", "-c", f"{kdir}/config", "list", "--format", "{start-date} {title}",
                    "2027-01-01", "2027-12-31"], capture_output=True, text=True)
ok("khal lists the milestones on their days", p.returncode == 0 and "2027-03-26 Legal review of MSA" in p.stdout
   and "Weekly deal sync" in p.stdout, p.stdout, p.stderr)

# 6. A plan in GMT: every validator reads its files.
gmt = os.path.join(tmp, "gmt.mplan")
shutil.copy(os.path.join(data, "valid", "acme-rollout.mplan"), gmt)
edit_plan(gmt, lambda p: p.update(timezone="GMT"))
rc, out, err = run(f"--export-ics={tmp}/gmt.ics", gmt)
ok("a GMT plan exports", rc == 0, err)
validate(f"{tmp}/gmt.ics")
rc, out, err = run(f"--export-invitations={tmp}/gmt", gmt)
receive(f"{tmp}/gmt/mt-1.ics")
ok("Evolution takes a GMT plan's meeting", len(events(muid)) >= 1)
p = subprocess.run(["khal", "-c", f"{kdir}/config", "import", "--batch", "-a", "plan", f"{tmp}/gmt.ics"],
                   capture_output=True, text=True)
ok("khal imports the GMT plan", p.returncode == 0 and "error" not in p.stderr.lower(), p.stderr)

shutil.rmtree(tmp, ignore_errors=True)
print(f"1..{n}")
sys.exit(1 if failed else 0)
