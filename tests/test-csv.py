#!/usr/bin/python3
# test-csv.py MUTUALPLAN DATADIR: --export-csv and --import-csv as a user runs
# them, with no display: RFC 4180 with a BOM, formulas neutralised, export →
# import gives back the same milestones and tasks, German and English
# templates (semicolon, dd.mm.yyyy, Windows-1252 or UTF-8; comma, m/d/yyyy)
# import, bad rows are refused by row and column and nothing is written, and
# LibreOffice (soffice --headless --convert-to) opens our CSV as xlsx and ods
# and turns an .xlsx template into CSV that we import. TAP output. A missing
# tool fails under CI=true and skips otherwise.
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

binary, data = sys.argv[1], sys.argv[2]
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
            for line in str(d).splitlines()[:30]:
                print("# " + line)
    return cond


env = dict(os.environ, MUTUALPLAN_TODAY="2027-03-01", LANGUAGE="", LANG="C.UTF-8", LC_ALL="C.UTF-8")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)


def run(*args):
    return subprocess.run([binary] + list(args), capture_output=True, env=env)


def milestones(path):
    """The milestones and tasks of a plan as comparable tuples, owners by name."""
    plan = json.load(open(path, encoding="utf-8"))
    names = {p["id"]: p["name"] for p in plan.get("participants", [])}
    out = []
    for m in plan.get("milestones", []):
        out.append((m["id"], m["title"], m.get("responsible", "seller"), names.get(m.get("seller_owner")),
                    names.get(m.get("customer_owner")), m.get("start"), m["due"], m.get("status", "planned"),
                    bool(m.get("commitment")), m.get("description") or None, m.get("notes") or None,
                    m.get("location") or None,
                    [(t["id"], t["title"], names.get(t.get("owner")), t.get("due"), bool(t.get("done")))
                     for t in m.get("tasks", [])]))
    return out


ENGLISH = ["Type", "ID", "Milestone ID", "Title", "Responsible", "Seller owner", "Customer owner", "Start", "Due",
           "Status", "Committed", "Description", "Notes", "Location"]

fixtures = sorted(os.path.join(data, "valid", f) for f in os.listdir(os.path.join(data, "valid"))
                  if f.endswith(".mplan"))
fixtures.append(os.path.join(data, "csv", "formula.mplan"))
for path in fixtures:
    name = os.path.basename(path)[:-6]
    for headers in ("english", "localized"):
        out = os.path.join(tmp, "%s-%s.csv" % (name, headers))
        r = run("--export-csv=" + out, "--csv-headers=" + headers, path)
        if not ok(r.returncode == 0, "%s: exports (%s headers)" % (name, headers), r.stderr.decode()):
            continue
        raw = open(out, "rb").read()
        ok(raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and raw.endswith(b"\r\n"),
           "%s: UTF-8 with BOM, CRLF line ends" % name)
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        plan = json.load(open(path, encoding="utf-8"))
        count = sum(1 + len(m.get("tasks", [])) for m in plan.get("milestones", []))
        if headers == "english":
            ok(rows[0] == ENGLISH, "%s: the stable English header" % name, rows[0])
        ok(len(rows) == count + 1 and all(len(x) == len(ENGLISH) for x in rows),
           "%s: one row per milestone and task (%d)" % (name, count), len(rows))
        risky = [c for x in rows[1:] for c in x if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        ok(not risky, "%s: no cell starts like a formula" % name, risky)
        target = os.path.join(tmp, "%s-%s.mplan" % (name, headers))
        r = run("--import-csv=" + out, target)
        if ok(r.returncode == 0, "%s: imports into a new plan" % name, r.stderr.decode()):
            ok(milestones(target) == milestones(path), "%s: export → import gives the same milestones" % name,
               milestones(target), milestones(path))
            ok(run("--check", target).returncode == 0, "%s: the new plan loads" % name)
        again = os.path.join(tmp, name + "-again.mplan")
        shutil.copy(path, again)
        r = run("--import-csv=" + out, again)
        ok(r.returncode == 0 and b"0 added, 0 changed" in r.stdout,
           "%s: imported into itself it changes nothing" % name, r.stdout, r.stderr)

# A neutralised formula: the apostrophe is in the file, the value comes back whole.
rows = list(csv.reader(io.StringIO(open(os.path.join(tmp, "formula-english.csv"), encoding="utf-8-sig").read(),
                                   newline="")))
ok(rows[1][3] == "'=HYPERLINK(\"http://evil.example\",\"Click\")" and rows[1][5] == "'=cmd|' /C calc'!A0"
   and rows[1][11] == "'+1+2" and rows[1][12] == "'-3" and rows[1][13] == "'\tTabbed" and rows[2][3] == "'@import",
   "formulas get a leading apostrophe", rows[1], rows[2])

# Templates.
expected_de = [("Kick-off-Workshop", "2027-03-15", "done", "Jonas Weiß", "Jürgen Groß", "Agenda: Ziele; Rollen"),
               ("Demo für IT-Sicherheit", "2027-04-02", "in_progress", "Özlem Yilmaz", "Françoise Dübel", None),
               ("Vertragsprüfung", "2027-04-30", "planned", "Jonas Weiß", "Einkauf",
                "Rechtsabteilung „Legal“ einbinden"),
               ("Unterschrift", "2027-05-14", "planned", "Jonas Weiß", "Françoise Dübel", None)]
for template in ("vorlage-de-1252", "vorlage-de-utf8"):
    target = os.path.join(tmp, template + ".mplan")
    r = run("--import-csv=" + os.path.join(data, "csv", template + ".csv"), target)
    if ok(r.returncode == 0 and b"4 added" in r.stdout, "%s: the German template imports" % template, r.stderr):
        got = [(m[1], m[6], m[7], m[3], m[4], m[10]) for m in milestones(target)]
        ok(got == expected_de, "%s: titles, dd.mm.yyyy dates, German statuses, owners on both sides, notes" % template,
           got)
        plan = json.load(open(target, encoding="utf-8"))
        sides = {p["name"]: p["side"] for p in plan["participants"]}
        ok(sides.get("Jonas Weiß") == "seller" and sides.get("Jürgen Groß") == "customer",
           "%s: people made on their side" % template, sides)

target = os.path.join(tmp, "template-en.mplan")
r = run("--import-csv=" + os.path.join(data, "csv", "template-en.csv"), target)
if ok(r.returncode == 0, "template-en: an English template with m/d/yyyy imports", r.stderr):
    got = [(m[1], m[6], m[7], m[10]) for m in milestones(target)]
    ok(got == [("Kickoff call", "2027-03-15", "done", None), ("Security review", "2027-04-02", "planned",
                                                              "Pen test report, SOC 2"),
               ("Signature", "2027-05-14", "planned", None)], "template-en: values", got)

# Excel's "sep=;" line, m/d/yy, a type column in German, a task under the
# milestone above it, a column "Verantwortlich" holding sides ("Zuständig")
# next to one holding people.
target = os.path.join(tmp, "excel-sep.mplan")
r = run("--import-csv=" + os.path.join(data, "csv", "excel-sep.csv"), target)
if ok(r.returncode == 0 and b"3 added" in r.stdout, "excel-sep: imports", r.stdout, r.stderr):
    got = milestones(target)
    ok([(m[1], m[6], m[2], m[3], m[4], [(t[1], t[3], t[2]) for t in m[12]]) for m in got] ==
       [("Pilot", "2027-04-01", "customer", None, "Kim Kunde", [("Testdaten liefern", "2027-03-25", "Kim Kunde")]),
        ("Schulung", "2027-04-05", "seller", "Sam Seller", None, [])],
       "excel-sep: sides, owners by side, the task under its milestone", got)

# Wrong usage exits 2 and writes nothing.
for args in (["--export-html="], ["--export-csv=x.csv", "--csv-headers=french"], ["--export-html=a", "--export-csv=b"],
             ["--import-csv=-"], ["--csv-headers=localized"], ["--import-csv=in.csv"]):
    r = run(*args, os.path.join(data, "valid", "minimal.mplan")) if args[0] != "--import-csv=in.csv" else run(*args)
    ok(r.returncode == 2 and r.stderr, "wrong usage %s exits 2 with a message" % " ".join(args), r.returncode, r.stderr)

# A file over 64 MiB is refused before it is read.
huge = os.path.join(tmp, "huge.csv")
with open(huge, "wb") as f:
    f.truncate(64 * 1024 * 1024 + 1)
r = run("--import-csv=" + huge, os.path.join(tmp, "huge.mplan"))
ok(r.returncode == 1 and "larger than 64 MiB" in r.stderr.decode() and not os.path.exists(os.path.join(tmp, "huge.mplan")),
   "a spreadsheet over 64 MiB is refused", r.stderr)
os.unlink(huge)

# A FIFO (size 0) is refused, not read without limit (it would block here).
fifo = os.path.join(tmp, "fifo.csv")
os.mkfifo(fifo)
try:
    r = subprocess.run([binary, "--import-csv=" + fifo, os.path.join(tmp, "fifo.mplan")], capture_output=True, env=env,
                       timeout=30)
    ok(r.returncode == 1 and "not a regular file" in r.stderr.decode() and not os.path.exists(os.path.join(tmp, "fifo.mplan")),
       "a FIFO is refused as not a regular file", r.stderr)
except subprocess.TimeoutExpired:
    ok(False, "a FIFO is refused as not a regular file (the import blocked reading it)")
os.unlink(fifo)

# "sep=\"" names no separator we can read: the header line decides.
quote_sep = os.path.join(tmp, "quote-sep.csv")
with open(quote_sep, "w", encoding="utf-8") as f:
    f.write('sep="\nTitle,Due date\nPilot,2027-04-01\n')
target = os.path.join(tmp, "quote-sep.mplan")
r = run("--import-csv=" + quote_sep, target)
ok(r.returncode == 0 and [(m[1], m[6]) for m in milestones(target)] == [("Pilot", "2027-04-01")],
   "sep=\" is not taken as the separator", r.stdout, r.stderr)

# Bad rows: refused with row and column, nothing written.
target = os.path.join(tmp, "bad.mplan")
r = run("--import-csv=" + os.path.join(data, "csv", "bad-rows.csv"), target)
err = r.stderr.decode()
ok(r.returncode == 1 and "row 7, column Fällig am: “31.02.2027” is not a date" in err
   and "row 8, column Status: “vielleicht” is not a status" in err and not os.path.exists(target),
   "bad rows are refused by row and column, no file written", err)
existing = os.path.join(tmp, "existing.mplan")
shutil.copy(os.path.join(data, "valid", "minimal.mplan"), existing)
before = open(existing, "rb").read()
r = run("--import-csv=" + os.path.join(data, "csv", "bad-rows.csv"), existing)
ok(r.returncode == 1 and open(existing, "rb").read() == before, "a refused import leaves the plan as it was")

# Merging: a changed date and a new row from a spreadsheet edit.
src = os.path.join(data, "valid", "mueller-maschinenbau.mplan")
merged = os.path.join(tmp, "merged.mplan")
shutil.copy(src, merged)
sheet = os.path.join(tmp, "edited.csv")
rows = list(csv.reader(io.StringIO(open(os.path.join(tmp, "mueller-maschinenbau-english.csv"),
                                        encoding="utf-8-sig").read(), newline="")))
rows[1][8] = "2027-09-20"
rows.append(["milestone", "", "", "Go-live", "both", "", "", "", "2027-12-10", "planned", "", "", "", ""])
with open(sheet, "w", encoding="utf-8", newline="") as f:
    csv.writer(f).writerows(rows)
r = run("--import-csv=" + sheet, merged)
if ok(r.returncode == 0 and b"1 added, 1 changed" in r.stdout, "merging: one added, one changed", r.stdout, r.stderr):
    after = milestones(merged)
    ok(after[0][6] == "2027-09-20" and after[-1][1] == "Go-live" and len(after) == len(milestones(src)) + 1
       and os.path.exists(merged + "~"), "merging: the date moved, the row appended, the old file kept as FILE~")

# LibreOffice: our CSV as xlsx and ods and back; an .xlsx template to CSV.
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice is None:
    if os.environ.get("CI") == "true":
        ok(False, "soffice is installed (libreoffice-calc-nogui, scripts/deps)")
    else:
        print("ok %d - LibreOffice round trip # SKIP soffice is not installed" % (n + 1))
        n += 1
else:
    profile = "-env:UserInstallation=file://" + os.path.join(tmp, "lo-profile")

    def convert(path, to, infilter=None):
        outdir = os.path.join(tmp, "lo-" + to.split(":")[0])
        args = [soffice, profile, "--headless", "--norestore", "--convert-to", to, "--outdir", outdir]
        if infilter:
            args.insert(3, "--infilter=" + infilter)
        r = subprocess.run(args + [path], capture_output=True, text=True, timeout=180,
                           env=dict(os.environ, HOME=tmp))
        base = os.path.splitext(os.path.basename(path))[0]
        out = os.path.join(outdir, base + "." + to.split(":")[0])
        return out if r.returncode == 0 and os.path.exists(out) else None, r.stderr

    ours = os.path.join(tmp, "mueller-maschinenbau-english.csv")
    # CSV import filter: comma, double quote, UTF-8 (76), first line 1, all columns text (2).
    text_cols = "/".join("%d/2" % i for i in range(1, 15))
    for kind in ("xlsx", "ods"):
        sheet, err = convert(ours, kind, "CSV:44,34,76,1," + text_cols)
        if not ok(sheet is not None, "LibreOffice opens our CSV and saves it as %s" % kind, err):
            continue
        back, err = convert(sheet, "csv:Text - txt - csv (StarCalc):44,34,76")
        if ok(back is not None, "LibreOffice writes the %s back as CSV" % kind, err):
            target = os.path.join(tmp, "lo-%s.mplan" % kind)
            r = run("--import-csv=" + back, target)
            ok(r.returncode == 0 and milestones(target) == milestones(src),
               "the CSV from LibreOffice's %s imports to the same milestones" % kind, r.stderr,
               milestones(target) if r.returncode == 0 else "")
    # An .xlsx template, made from the German one (semicolon, Windows-1252: LibreOffice's charset 1).
    template = os.path.join(tmp, "Vorlage.csv")
    shutil.copy(os.path.join(data, "csv", "vorlage-de-1252.csv"), template)
    xlsx, err = convert(template, "xlsx", "CSV:59,34,1,1")
    if ok(xlsx is not None, "LibreOffice makes an .xlsx template from the German CSV", err):
        os.rename(xlsx, os.path.join(tmp, "Vorlage-template.xlsx"))
        back, err = convert(os.path.join(tmp, "Vorlage-template.xlsx"), "csv:Text - txt - csv (StarCalc):59,34,76")
        if ok(back is not None, "LibreOffice converts the .xlsx template to CSV", err):
            target = os.path.join(tmp, "from-xlsx.mplan")
            r = run("--import-csv=" + back, target)
            got = [(m[1], m[6], m[7], m[3], m[4], m[10]) for m in milestones(target)] if r.returncode == 0 else None
            ok(got == expected_de, "the .xlsx template imports (via LibreOffice's CSV)", r.stderr, got)

print("1..%d" % n)
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failed else 0)
