#!/bin/sh
# report.sh: gotutor report from the command line, run by make check, on the
# fixture logs of tests/fixtures/report: each format runs; text and Markdown
# fit 80 columns; the JSON parses and carries the figures of
# tests/unit/test_report.c; exit statuses 0, 1 and 2; -o writes a whole
# file or none; usage errors.
TEST_PREFIX=report-test
. "$top_srcdir/tests/lib.sh"
fx=$top_srcdir/tests/fixtures/report
track=$fx/track
now=2024-06-10
all="$fx/alice.log --as alice $fx/alice2.log $fx/bob.log $fx/carol.log $fx/erin.log"
clean="$fx/alice.log $fx/bob.log"

# width FILE: the longest line of FILE, in characters.
width() {
	python3 -c 'import sys
print(max([len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] + [0]))' "$1"
}

# 1. Every format runs on the whole fixture cohort, with its warnings.
for fmt in text md csv html json; do
	# shellcheck disable=SC2086
	run "$GOTUTOR" report --tracks "$track" --now $now --format $fmt $all
	expect_status 1 "$fmt: the report is written despite the bad input"
	if [ -s "$TMPDIR_TEST/out" ]; then ok "$fmt: the report is not empty"
	else not_ok "$fmt: the report is empty"; fi
	cp "$TMPDIR_TEST/out" "$TMPDIR_TEST/report.$fmt"
done
expect_err "carol.log:5: lesson rt/gone is not in the track (was it renamed or removed?); its events are left out" "a lesson not in the track is named with its line"
expect_err "carol.log:4: bad checksum; skipped it" "a corrupt line is named"
expect_err "carol.log:12: the last record is torn" "a torn record is named with its line"
expect_err 'carol.log:7: unknown event "note"; skipped it' "an unknown event is named"

# 2. Text and Markdown fit 80 columns, also with a long name.
for fmt in text md; do
	w=$(width "$TMPDIR_TEST/report.$fmt")
	if [ "$w" -le 80 ]; then ok "$fmt: no line wider than 80 columns"
	else not_ok "$fmt: a line of $w columns"; fi
done
long=$TMPDIR_TEST/a-learner-with-a-very-long-login-name-that-goes-on-and-on-and-on-and-on.log
cp "$fx/bob.log" "$long"
mkdir -p "$TMPDIR_TEST/a/very/long/folder/name/to/make/the/warning/lines/long/enough"
deep=$TMPDIR_TEST/a/very/long/folder/name/to/make/the/warning/lines/long/enough/carol.log
cp "$fx/carol.log" "$deep"
for fmt in text md; do
	run "$GOTUTOR" report --tracks "$track" --now $now --format $fmt "$long" "$deep"
	printf '%s\n' "$out" >"$TMPDIR_TEST/long.$fmt"
	w=$(width "$TMPDIR_TEST/long.$fmt")
	if [ "$w" -le 80 ]; then ok "$fmt: long names and warnings fit 80 columns"
	else not_ok "$fmt: a line of $w columns"; grep -n '.\{81,\}' "$TMPDIR_TEST/long.$fmt"; fi
done

# 3. The text carries the figures.
out=$(cat "$TMPDIR_TEST/report.text")
expect_out "Cohort report: 4 learners, 4 lessons, 32 events (3 duplicates dropped)" "text: the totals"
expect_out "  1 rt/l1                          3      3  100%    2.0    3m00s compile-error" "text: a lesson's line"
expect_out " 1. rt/l4: score 7.00; 0 of 1 passed, 2.0 checks per learner; mostly deadlock" "text: the hardest struggle point"
expect_out "alice, bob, erin" "text: the inactive learners"

# 4. The JSON parses and carries the figures.
if python3 - "$TMPDIR_TEST/report.json" >"$TMPDIR_TEST/py" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
L = {l["login"]: l for l in r["learners"]}
a = L["alice"]
checks = [
    (r["events"], 32), (r["duplicates"], 3), (len(r["warnings"]), 5),
    ([l["lesson"] for l in r["lessons"]], ["l1", "l2", "l3", "l4"]),
    (r["funnel"], [4, 3, 2, 1, 0]), (r["struggle"], [3, 0, 1, 2]),
    ([d["events"] for d in r["days"]], [22, 4, 6]),
    ([d["day"] for d in r["days"]], ["2024-06-01", "2024-06-02", "2024-06-03"]),
    (a["passed"], 3), (a["attempts"], 7), (a["hints"], 2), (a["time_ms"], 600000),
    (a["reached"], 3), (len(a["sources"]), 2),
    (a["kinds"], {"syntax": 1, "toolchain": 2, "concurrency": 0, "runtime": 2}),
    (a["profile"]["errors"], {"total": 2, "passed": 1, "attempts": 3, "failed": 2}),
    (list(a["fails"].items())[0], ("ignored-error", 2)),
    (a["cells"][1]["time_ms"], 120000), (a["cells"][1]["pass_attempts"], 3),
    (r["lessons"][0]["median_time_ms"], 180000),
    (r["lessons"][1]["median_attempts"], 2), (r["lessons"][1]["median_time_ms"], 75000),
    (r["lessons"][3]["pass_rate"], 0), (r["lessons"][3]["struggle"], 7),
    (r["inactive"], ["alice", "bob", "erin"]),
    (r["fails"]["compile-error"], 4),
]
bad = [(i, got, want) for i, (got, want) in enumerate(checks) if got != want]
for b in bad:
    print("check %d: got %r, want %r" % b)
sys.exit(1 if bad else 0)
PY
then ok "json: parses and carries the hand-computed figures"
else not_ok "json: the figures"; cat "$TMPDIR_TEST/py"; fi

# 5. Exit statuses: 0 clean, 1 warnings, 2 usage or nothing usable.
run "$GOTUTOR" report --tracks "$track" --now $now $clean
expect_status 0 "clean logs"
expect_eq "$err" "" "clean logs: nothing on stderr"
run "$GOTUTOR" report --tracks "$track" $clean "$TMPDIR_TEST/missing.log"
expect_status 1 "a missing log is a warning"
expect_err "cannot open $TMPDIR_TEST/missing.log: No such file or directory" "the missing log is named"
run "$GOTUTOR" report --tracks "$track" "$TMPDIR_TEST/missing.log"
expect_status 2 "nothing usable at all"
expect_err "nothing to report" "says there is nothing to report"
run "$GOTUTOR" report --tracks "$track" --class "$TMPDIR_TEST"
expect_status 2 "a folder that is not a class, alone"
run "$GOTUTOR" report --tracks "$track"
expect_status 2 "no input"
expect_err "give a class (--class DIR) or a log" "no input is a usage error"
run "$GOTUTOR" report --tracks "$track" --format xml $clean
expect_status 2 "an unknown format"
expect_err "unknown format 'xml'" "the unknown format is named"
run "$GOTUTOR" report --tracks "$track" --lms moodle $clean
expect_status 2 "--lms without csv"
run "$GOTUTOR" report --tracks "$track" --lms blackboard --format csv $clean
expect_status 2 "an unknown LMS"
run "$GOTUTOR" report --tracks "$track" --inactive-days 0 $clean
expect_status 2 "--inactive-days 0"
run "$GOTUTOR" report --tracks "$track" --now yesterday $clean
expect_status 2 "a bad --now"
run "$GOTUTOR" report --tracks "$track" $clean --as bob
expect_status 2 "--as with no LOG after it"
run "$GOTUTOR" report --bogus
expect_status 2 "an unknown option"
run "$GOTUTOR" report --help
expect_status 0 "--help"
expect_out "usage: gotutor report" "--help shows the usage"
run "$GOTUTOR" report --tracks "$track" --now 1718000000000 --inactive-days 30 --format json $clean
expect_out '"now_ms": 1718000000000' "--now in ms"
expect_out '"inactive_days": 30' "--inactive-days"

# 6. -o: the whole report or no file at all.
run "$GOTUTOR" report --tracks "$track" --now $now --format json -o "$TMPDIR_TEST/r.json" $clean
expect_status 0 "-o FILE"
expect_eq "$out" "" "-o FILE: nothing on stdout"
if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMPDIR_TEST/r.json"; then
	ok "-o FILE: a whole JSON file"; else not_ok "-o FILE: not a whole JSON file"; fi
if [ -e "$TMPDIR_TEST/r.json.tmp" ]; then not_ok "-o FILE: FILE.tmp is left"
else ok "-o FILE: no FILE.tmp left"; fi
run "$GOTUTOR" report --tracks "$track" --format json -o "$TMPDIR_TEST/no/such/dir/r.json" $clean
expect_status 2 "-o into a missing folder"
expect_err "cannot open $TMPDIR_TEST/no/such/dir/r.json.tmp" "-o: the file that cannot be made is named"
if [ -e /dev/full ]; then
	ln -s /dev/full "$TMPDIR_TEST/full.json.tmp"
	run "$GOTUTOR" report --tracks "$track" --format json -o "$TMPDIR_TEST/full.json" $clean
	expect_status 2 "-o on a full disk"
	if [ -e "$TMPDIR_TEST/full.json" ]; then not_ok "-o on a full disk: a half file is left"
	else ok "-o on a full disk: no file is left"; fi
fi

finish
