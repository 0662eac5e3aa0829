# mp_atspi.py: what the end-to-end tests share (test-milestones-e2e.py,
# test-keyboard-walkthrough.py): TAP output, starting the app on a
# private home with the accessibility bridge on, finding it and its
# objects through AT-SPI (python3-pyatspi) and real key events through
# xdotool into the X server GTK runs on (Xvfb).
#
# A test that needs a tool it cannot find fails on CI (CI=true) and is
# skipped elsewhere.
import os
import shutil
import subprocess
import sys
import tempfile
import time

CI = os.environ.get("CI") == "true"


def missing(what):
    if CI:
        print("1..1\nnot ok 1 - %s is missing (scripts/deps --test installs it)" % what)
        sys.exit(1)
    print("1..0 # SKIP %s is missing" % what)
    sys.exit(0)


try:
    import pyatspi
except ImportError:
    missing("python3-pyatspi")
if shutil.which("xdotool") is None:
    missing("xdotool")
if not os.environ.get("DISPLAY"):
    missing("a display (run under xvfb-run)")


class Tap:
    """TAP lines: ok (cond, what, *info); finish () prints the plan and exits."""

    def __init__(self):
        self.n = 0
        self.failed = False
        self.t0 = time.time()

    def ok(self, cond, what, *info):
        self.n += 1
        print(("ok %d - %s" if cond else "not ok %d - %s") % (self.n, what))
        print("# %.1f s" % (time.time() - self.t0))
        if not cond:
            self.failed = True
            for line in info:
                for sub in str(line).splitlines():
                    print("# %s" % sub)
        sys.stdout.flush()
        return cond

    def finish(self):
        print("1..%d" % self.n)
        sys.exit(1 if self.failed else 0)


def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def find_all(node, role=None, name=None, limit=100000, pred=None, key=None):
    """Objects at or below @node, depth first (sorted by @key when given)."""
    found, stack = [], [node]
    while stack and len(found) < limit:
        cur = stack.pop()
        try:
            r, nm = cur.getRoleName(), cur.name
        except Exception:
            continue
        if (role is None or r == role) and (name is None or nm == name) and (pred is None or pred(cur)):
            found.append(cur)
        stack.extend(reversed(children(cur)))
    return sorted(found, key=key) if key else found


def find(node, role=None, name=None, pred=None):
    res = find_all(node, role, name, limit=1, pred=pred)
    return res[0] if res else None


def wait_for(fn, timeout=20.0):
    """@fn's first true result within @timeout seconds (a bound against
    hangs, not a measure of speed), or None."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            res = fn()
        except Exception:
            res = None
        if res:
            return res
        time.sleep(0.25)
    return None


def app_node(pid):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and (app.get_process_id() == pid or app.name == "mutualplan"):
                return app
        except Exception:
            continue
    return None


def extents(node):
    # GTK 4.8 knows window coordinates only.
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def focused(node):
    """The object with the keyboard focus at or below @node, or None."""
    return find(node, pred=lambda x: has_state(x, pyatspi.STATE_FOCUSED))


def active_window(app):
    """The app's window that has the focus (a dialog over the main window),
    else its newest window."""
    wins = children(app)
    active = [w for w in wins if has_state(w, pyatspi.STATE_ACTIVE)]
    return active[-1] if active else (wins[-1] if wins else None)


def focus_in(app):
    """The object with the keyboard focus in any of the app's windows, the
    active window first."""
    win = active_window(app)
    f = focused(win) if win is not None else None
    if f is None:
        for w in reversed(children(app)):
            f = focused(w)
            if f is not None:
                break
    return f


def xdo(*args):
    return subprocess.run(["xdotool"] + list(args), check=False, capture_output=True, text=True).stdout


def key(*keys, pause=0.15):
    for k in keys:
        xdo("key", "--clearmodifiers", k)
        time.sleep(pause)


def type_text(text):
    xdo("type", "--delay", "40", text)
    time.sleep(0.2)


class App:
    """The app started on @files in a private home (HOME and XDG folders
    under a temporary folder), LANG=C.UTF-8, today fixed, the AT-SPI
    bridge on. .app is its accessible application, .wid its last X window."""

    def __init__(self, binary, files, today="2027-03-01", env=None):
        self.home = tempfile.mkdtemp(prefix="mp-e2e-")
        self.env = dict(os.environ, GTK_A11Y="atspi", HOME=self.home, LANG="C.UTF-8", LANGUAGE="",
                        MUTUALPLAN_TODAY=today, GSK_RENDERER="cairo",
                        XDG_DATA_HOME=os.path.join(self.home, "data"),
                        XDG_CONFIG_HOME=os.path.join(self.home, "config"))
        self.env.pop("NO_AT_BRIDGE", None)
        self.env.update(env or {})
        self.binary = binary
        self.files = [f(self.home) if callable(f) else f for f in files]
        self.proc = None
        self.app = None
        self.wid = None

    def start(self, width=1280, height=800):
        log = os.environ.get("MP_E2E_LOG")  # the app's output, for debugging
        out = open(log, "w") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen([self.binary] + self.files, env=self.env, stdout=out, stderr=out)
        self.app = wait_for(lambda: app_node(self.proc.pid), timeout=120)
        if self.app is None:
            print("# the app is not on the accessibility bus (exit status %r)" % self.proc.poll())
            return False
        wait_for(lambda: find(self.app, "frame"))
        wids = wait_for(lambda: xdo("search", "--pid", str(self.proc.pid)).split())
        self.wid = wids[-1] if wids else None
        if self.wid is None:
            print("# xdotool finds no window of process %d" % self.proc.pid)
            return False
        xdo("windowsize", self.wid, str(width), str(height))
        self.focus_window()
        time.sleep(1)
        return True

    def windows(self):
        return xdo("search", "--pid", str(self.proc.pid)).split()

    def focus_window(self, wid=None):
        xdo("windowfocus", "--sync", wid or self.wid)

    def stop(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.home, ignore_errors=True)
