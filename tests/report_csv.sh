#!/bin/sh
# report_csv.sh: `gotutor report --format csv` in its three layouts, read
# back with python's csv module: RFC 4180 (CRLF, quoting), the exact
# headers of gotutor's own, Moodle's and Canvas's layouts, Canvas's points
# possible row, grades per lesson and per track, spreadsheet formulas
# neutralised, and flagged learners left out of the LMS layouts.
. "$top_srcdir/tests/lib.sh"
fx=$top_srcdir/tests/fixtures/report
tmp=$TMPDIR_TEST

# A class with a roster: the runner's own log is trusted, mallory's (also
# the runner's file) is flagged. Their roster fields start like formulas.
me=$(id -un)
run "$GOTUTOR" class init "$tmp/class" --track rt --tracks "$fx/track"
expect_status 0 "class init for the report"
printf 'login,name,email\n%s,"=cmd|calc, Eve",me@example.edu\nmallory,"-Mallory ""M""",@mal@example.edu\n' \
    "$me" >"$tmp/class/roster.csv"
cp "$fx/bob.log" "$tmp/class/learners/$me.log"
cp "$fx/alice.log" "$tmp/class/learners/mallory.log"

# report NAME ARGS...: the CSV report into $tmp/NAME.csv.
report() {
	name=$1
	shift
	run "$GOTUTOR" report --now 2024-06-10 --tracks "$fx/track" \
	    --class "$tmp/class" "$fx/alice.log" "$fx/erin.log" \
	    --format csv -o "$tmp/$name.csv" "$@"
	expect_status 1 "report --format csv $* (a flagged log warns)"
}
report plain
report plain-track --per-track
report moodle --lms moodle
report moodle-track --lms moodle --per-track
report canvas --lms canvas
report canvas-track --lms canvas --per-track

if python3 - "$tmp" "$me" >"$tmp/py" 2>&1 <<'PY'
import csv, sys
tmp, me = sys.argv[1], sys.argv[2]
errors = []

def load(name):
    raw = open("%s/%s.csv" % (tmp, name), "rb").read()
    # RFC 4180: every record ends with CRLF; a bare LF is only ever
    # inside a quoted field, and there are none here.
    if not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b""):
        errors.append("%s: lines do not all end with CRLF" % name)
    raw.decode("utf-8")
    with open("%s/%s.csv" % (tmp, name), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        errors.append("%s: rows of different widths %s" % (name, widths))
    return rows

def expect(name, got, want):
    if got != want:
        errors.append("%s: got %r, want %r" % (name, got, want))

lessons = ["rt/l1", "rt/l2", "rt/l3", "rt/l4"]
plain = load("plain")
expect("plain header", plain[0], ["login", "name", "email", "passed",
       "total", "attempts", "hints", "solutions", "time_minutes",
       "last_active", "flag"] + lessons)
by = {r[0]: r for r in plain[1:]}
expect("plain learners", sorted(by), sorted(["alice", "erin", "mallory", me]))
expect("alice", by["alice"][3:5] + by["alice"][9:10] + by["alice"][11:],
       ["3", "4", "2024-06-02", "passed", "passed", "passed", "new"])
expect("erin", by["erin"][11:], ["new"] * 4)
expect("formula name", by[me][1], "'=cmd|calc, Eve")
expect("formula name 2", by["mallory"][1], "'-Mallory \"M\"")
expect("formula email", by["mallory"][2], "'@mal@example.edu")
if "not to mallory" not in by["mallory"][10]:
    errors.append("mallory's flag column: %r" % by["mallory"][10])
expect("plain unflagged", by["alice"][10], "")
pt = load("plain-track")
expect("plain per track", pt[0][11:], ["rt"])
expect("alice per track", {r[0]: r[11] for r in pt[1:]}["alice"], "75")

moodle = load("moodle")
expect("moodle header", moodle[0], ["Email address", "Username",
       "Full name"] + lessons)
mb = {r[1]: r for r in moodle[1:]}
expect("moodle learners", sorted(mb), sorted(["alice", "erin", me]))
expect("moodle me", mb[me][:3], ["me@example.edu", me, "'=cmd|calc, Eve"])
expect("moodle alice", mb["alice"][3:], ["100", "100", "100", "0"])
for r in moodle[1:]:
    if any(g not in ("0", "100") for g in r[3:]):
        errors.append("moodle grades not 0/100: %r" % r)
mt = load("moodle-track")
expect("moodle per track header", mt[0], ["Email address", "Username",
       "Full name", "rt"])
expect("moodle per track alice", {r[1]: r[3] for r in mt[1:]}["alice"], "75")

canvas = load("canvas")
expect("canvas header", canvas[0], ["Student", "ID", "SIS User ID",
       "SIS Login ID", "Section"] + lessons)
expect("canvas points", canvas[1], ["    Points Possible", "", "", "", ""]
       + ["100"] * 4)
cb = {r[3]: r for r in canvas[2:]}
expect("canvas learners", sorted(cb), sorted(["alice", "erin", me]))
expect("canvas me", cb[me][:5], ["'=cmd|calc, Eve", "", "", me, ""])
expect("canvas alice", cb["alice"], ["alice", "", "", "alice", "", "100",
       "100", "100", "0"])
ct = load("canvas-track")
expect("canvas per track", ct[0][5:] + ct[1][5:], ["rt", "100"])
expect("canvas per track erin", {r[3]: r[5] for r in ct[2:]}["erin"], "0")
for e in errors:
    print("error:", e)
sys.exit(1 if errors else 0)
PY
then ok "the CSV layouts read back as documented"
else not_ok "the CSV layouts"; cat "$tmp/py"; fi

# A field holding a comma is quoted, the apostrophe inside the quotes.
if grep -q '"'"'"'=cmd|calc, Eve"' "$tmp/plain.csv"; then
	ok "a field with a comma is quoted"; else
	not_ok "a field with a comma is quoted"; fi
finish
