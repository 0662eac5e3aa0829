#!/usr/bin/python3
# test-html.py MUTUALPLAN DATADIR: --export-html as a user runs it, with no
# display, checked by two validators (tidy, html5lib in strict mode) and
# opened in a real headless browser (Debian's chromium): the dumped DOM has
# the text of every milestone, task and participant, the hostile fixture
# injects no element and no script; the page is self-contained. Screenshots
# (light, dark, 375 px phone) and the browser's PDF (as PNGs) land in
# html-shots/ of the build folder, for people to look at. TAP output.
# A missing tool fails under CI=true and skips otherwise.
import html5lib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

binary, data = sys.argv[1], sys.argv[2]
out_dir = os.path.join(os.environ.get("G_TEST_BUILDDIR", tempfile.mkdtemp()), "html-shots")
os.makedirs(out_dir, exist_ok=True)
tmp = tempfile.mkdtemp()
n = 0
failed = False


def ok(cond, what, *diag):
    global n, failed
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what))
    if not cond:
        failed = True
        for d in diag:
            for line in str(d).splitlines()[:20]:
                print("# " + line)
    return cond


tools = {"tidy": "tidy", "chromium": "chromium", "pdftoppm": "pdftoppm", "pdfinfo": "pdfinfo",
         "convert": "convert"}
missing = [t for t in tools if shutil.which(t) is None]
if missing:
    if os.environ.get("CI") == "true":
        print("1..1\nnot ok 1 - tools missing: %s (scripts/deps installs them)" % ", ".join(missing))
        sys.exit(1)
    print("1..0 # SKIP not installed: %s" % ", ".join(missing))
    sys.exit(0)

env = dict(os.environ, MUTUALPLAN_TODAY="2027-10-01", LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + os.path.join(tmp, "profile")]


def chromium(*args):
    return subprocess.run(CHROMIUM + list(args), capture_output=True, text=True, timeout=120)


def texts(doc):
    """All text of a parsed document, white space collapsed."""
    return re.sub(r"\s+", " ", "".join(doc.itertext()))


def local(tag):
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def phone_frame(html, measure):
    """A page that shows @html in a 375 px wide frame; with @measure a copy of
    it reports its scroll and client width to the frame's parent."""
    target = html
    if measure:
        target = os.path.join(tmp, "measured.html")
        text = open(html, encoding="utf-8").read().replace(
            "</body>", "<script>parent.postMessage(document.documentElement.scrollWidth + ' ' + "
            "document.documentElement.clientWidth, '*');</script></body>")
        open(target, "w", encoding="utf-8").write(text)
    frame = os.path.join(tmp, "phone.html")
    open(frame, "w", encoding="utf-8").write(
        '<!DOCTYPE html><html><body style="margin:0"><iframe src="file://%s" '
        'style="width:375px;height:1600px;border:0"></iframe><script>addEventListener("message", '
        'e => document.body.setAttribute("data-w", e.data));</script></body></html>' % target)
    return frame


fixtures = sorted(os.path.join(data, "valid", f) for f in os.listdir(os.path.join(data, "valid"))
                  if f.endswith(".mplan"))
fixtures.append(os.path.join(data, "html", "hostile.mplan"))
fixtures.append(os.path.join(data, "html", "replies.mplan"))

for path in fixtures:
    name = os.path.basename(path)[:-6]
    html = os.path.join(out_dir, name + ".html")
    r = subprocess.run([binary, "--export-html=" + html, path], capture_output=True, text=True, env=env)
    if not ok(r.returncode == 0 and os.path.getsize(html) > 0, "%s: exports" % name, r.stderr):
        continue
    raw = open(html, "rb").read()
    text = raw.decode("utf-8")
    plan = json.load(open(path, encoding="utf-8"))

    # Self-contained: nothing loaded from elsewhere, no script.
    parsed = html5lib.parse(raw, namespaceHTMLElements=False)
    outside = [local(e.tag) for e in parsed.iter() if local(e.tag) in ("script", "link", "iframe", "object", "embed")]
    outside += [a for e in parsed.iter() for a in e.attrib if a in ("src", "srcset", "background")]
    outside += re.findall(r"url\((?!#)[^)]*\)|@import", text, re.I)
    ok(not outside, "%s: no script and no external resource" % name, outside)
    hrefs = [h for h in re.findall(r'\shref="([^"]*)"', text)]
    bad = [h for h in hrefs if not re.match(r"(https?:|mailto:)", h, re.I)]
    ok(not bad, "%s: links only https:, http:, mailto: (%d links)" % (name, len(hrefs)), bad)
    mailtos = [h for h in hrefs if h.lower().startswith("mailto:")]
    ok(all(re.fullmatch(r"mailto:[A-Za-z0-9._+'-]+@[A-Za-z0-9.-]+", h) for h in mailtos),
       "%s: mailto: links hold only a plain address, no ?headers" % name, mailtos)
    if name == "hostile":
        ok("spy@evil.example" in text and not any("evil" in h for h in hrefs),
           "hostile: an address with ?bcc= is shown as text, not linked", [h for h in hrefs if "evil" in h])
    xlinks = re.findall(r'xlink:href="([^"]*)"', text)
    ok(all(x.startswith("#") for x in xlinks), "%s: the chart refers only to itself" % name)

    # Validators.
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(raw)
        ok(True, "%s: html5lib strict parse" % name)
    except Exception as e:  # noqa: BLE001 - html5lib raises ParseError
        ok(False, "%s: html5lib strict parse" % name, e, parser.errors[:5])
    r = subprocess.run(["tidy", "-errors", "-q", html], capture_output=True, text=True)
    ok(r.returncode == 0, "%s: tidy finds no error and no warning" % name, r.stderr)

    # Structure: lang, one h1, headings never skip a level, tables have captions and th.
    doc = html5lib.parse(raw, namespaceHTMLElements=False)
    ok(doc.get("lang") == "en", "%s: lang=\"en\" in the C locale" % name, doc.get("lang"))
    levels = [int(local(e.tag)[1]) for e in doc.iter() if re.fullmatch(r"h[1-6]", local(e.tag))]
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    ok(levels[:1] == [1] and levels.count(1) == 1 and not skips, "%s: headings in order" % name, levels)
    tables = [e for e in doc.iter() if local(e.tag) == "table"]
    ok(all(t.find("caption") is not None and t.find(".//th") is not None for t in tables),
       "%s: %d tables, each with a caption and header cells" % (name, len(tables)))
    ok(sum(1 for e in doc.iter() if local(e.tag) == "svg") == 1, "%s: the timeline inline as SVG" % name)
    ok(re.search(r"@media\s*\(prefers-color-scheme:\s*dark\)", text) and re.search(r"@media\s*print", text)
       and 'name="viewport"' in text, "%s: dark, print and phone styles" % name)

    # The browser's DOM.
    r = chromium("--dump-dom", "file://" + html)
    if not ok(r.returncode == 0 and "<html" in r.stdout, "%s: chromium dumps the DOM" % name, r.stderr[-2000:]):
        continue
    dom = html5lib.parse(r.stdout, namespaceHTMLElements=False)
    seen = texts(dom)
    wanted = [m["title"] for m in plan.get("milestones", [])]
    wanted += [t["title"] for m in plan.get("milestones", []) for t in m.get("tasks", [])]
    wanted += [p["name"] for p in plan.get("participants", [])]
    wanted.append(plan["title"])
    absent = [w for w in wanted if re.sub(r"\s+", " ", w) not in seen]
    ok(not absent, "%s: all %d milestone, task and participant texts in the DOM" % (name, len(wanted)), absent)
    title = dom.find(".//title")
    ok(title is not None and title.text == plan["title"], "%s: the page title is the plan's, as text" % name)

    elements = [local(e.tag) for e in dom.iter()]
    injected = [t for t in ("script", "img", "iframe", "object", "embed", "b", "textarea") if t in elements]
    handlers = [(local(e.tag), a) for e in dom.iter() for a in e.attrib if a.lower().startswith("on")]
    ok(not injected and not handlers, "%s: no injected element or event handler in the DOM" % name,
       injected, handlers)
    ok(elements.count("style") == 1 and elements.count("svg") == 1,
       "%s: one style sheet and one chart, none injected" % name)
    ok(dom.find(".//body").get("data-pwned") is None, "%s: no script ran" % name)

    if name == "replies":
        # The invitations' state and the answers that came back, in words.
        rows = {}
        for tr in dom.iter():
            if local(tr.tag) == "tr" and "milestone" in (tr.get("class") or ""):
                cells = [c for c in tr if local(c.tag) in ("td", "th")]
                rows[re.sub(r"\s+", " ", "".join(cells[1].itertext())).strip()] = \
                    re.sub(r"\s+", " ", "".join(cells[-1].itertext())).strip()
        ok(rows.get("Demo for IT", "").startswith("Sent") and "Carl Customer: ✓ Accepted" in rows.get("Demo for IT", "")
           and "Dana <script>x</script> Legal: ✗ Declined" in rows.get("Demo for IT", "")
           and "Dana Legal: Proposed another time: 12 Mar 2027" in rows.get("Demo for IT", "")
           and rows.get("Signature") == "Sent, out of date",
           "replies: sent, out of date, accepted, declined and a proposal shown", rows)

    if name != "mueller-maschinenbau" and name != "hostile":
        continue

    # Readable on a phone: nothing wider than 375 px (the chart and wide
    # tables scroll inside their own boxes).
    r = chromium("--allow-file-access-from-files", "--virtual-time-budget=5000", "--window-size=500,800",
                 "--dump-dom", "file://" + phone_frame(html, True))
    m = re.search(r'data-w="(\d+) (\d+)"', r.stdout)
    ok(m and m.group(1) == m.group(2), "%s: no sideways scrolling at 375 px" % name, m and m.group(0), r.stderr[-500:])

    # Look: light, dark, phone, printed.
    for kind, args in (("light", ["--window-size=1280,2400"]),
                       ("dark", ["--window-size=1280,2400", "--force-dark-mode"]),
                       ("phone", ["--window-size=500,1600"])):
        png = os.path.join(out_dir, "%s-%s.png" % (name, kind))
        page = "file://" + html
        if kind == "phone":
            # Chromium's window is at least 500 px wide: a 375 px frame is the phone.
            page = "file://" + phone_frame(html, False)
        r = chromium("--screenshot=" + png, *args, page)
        if not ok(r.returncode == 0 and os.path.exists(png), "%s: %s screenshot" % (name, kind), r.stderr[-2000:]):
            continue
        pixel = subprocess.run(["convert", png, "-crop", "1x1+3+3", "-format", "%[fx:int(255*luminance)]", "info:"],
                               capture_output=True, text=True).stdout.strip()
        if kind == "dark":
            ok(pixel.isdigit() and int(pixel) < 60, "%s: dark background when the system prefers dark" % name, pixel)
        else:
            ok(pixel.isdigit() and int(pixel) > 200, "%s: light background in %s" % (name, kind), pixel)
    pdf = os.path.join(out_dir, name + "-printed.pdf")
    r = chromium("--print-to-pdf=" + pdf, "--no-pdf-header-footer", "file://" + html)
    if ok(r.returncode == 0 and os.path.exists(pdf), "%s: chromium prints to PDF" % name, r.stderr[-2000:]):
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], capture_output=True, text=True).stdout
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
        landscape = [s for s in sizes if float(s[0]) > float(s[1])]
        ok(len(sizes) >= 4 and landscape,
           "%s: printed as pages by section, the timeline landscape (%d pages)" % (name, len(sizes)), info)
        subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(out_dir, name + "-printed")])

# A long plan: the chart stops at 400 rows and says so; the table has all.
big = {"format": "mutualplan", "version": 1, "id": "big", "title": "Long plan",
       "milestones": [{"id": "m-%d" % i, "title": "Step %d" % i, "due": "2027-%02d-%02d" % (1 + i % 12, 1 + i % 28)}
                      for i in range(450)]}
big_path = os.path.join(tmp, "big.mplan")
json.dump(big, open(big_path, "w"))
html = os.path.join(tmp, "big.html")
r = subprocess.run([binary, "--export-html=" + html, big_path], capture_output=True, text=True, env=env)
if ok(r.returncode == 0, "a 450-milestone plan exports", r.stderr):
    doc = html5lib.parse(open(html, "rb").read(), namespaceHTMLElements=False)
    caption = texts(doc.find(".//figcaption"))
    labels = [e for e in doc.iter() if local(e.tag) == "text"]
    seen = texts(doc)
    ok("first 400 of 450 rows" in caption and len(labels) == 400 and all("Step %d" % i in seen for i in range(450)),
       "the chart stops at 400 rows and says so; the table lists all 450", caption, len(labels))

print("1..%d" % n)
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failed else 0)
