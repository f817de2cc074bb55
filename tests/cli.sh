#!/bin/sh
# cli.sh: the gotutor command line, run for real: help, version, usage
# errors, lint on the bundled tracks and on every malformed fixture, list.
. "$top_srcdir/tests/lib.sh"
fx=$top_srcdir/tests/fixtures

run "$GOTUTOR" --version
expect_status 0 "--version"
expect_out "gotutor " "--version names the program"

run "$GOTUTOR" --help
expect_status 0 "--help"
expect_out "Commands:" "--help lists the commands"
expect_out "lint " "--help lists lint"

for c in lint list; do
	run "$GOTUTOR" "$c" --help
	expect_status 0 "$c --help"
	expect_out "usage: gotutor $c" "$c --help shows its synopsis"
	help_out=$out
	run "$GOTUTOR" help "$c"
	expect_eq "$out" "$help_out" "help $c is $c --help"
done

run "$GOTUTOR" lnit
expect_status 2 "an unknown command"
expect_err 'unknown command "lnit" (did you mean "lint"?)' "a misspelt command is named"
run "$GOTUTOR" --bogus
expect_status 2 "an unknown option"
expect_err "unknown option '--bogus'" "the unknown option is named"
run "$GOTUTOR" lint --bogus
expect_status 2 "an unknown lint option"
run "$GOTUTOR" lint "$fx/no-such-folder"
expect_status 2 "lint on a missing path"
expect_err "cannot open $fx/no-such-folder: No such file or directory" "the missing path is named"
run "$GOTUTOR" --tracks
expect_status 2 "--tracks without a folder"
run "$GOTUTOR" </dev/null
expect_status 2 "the tutor without a terminal"
expect_err "needs a terminal" "the tutor says it needs a terminal"

# The bundled tracks are valid, found from the build tree.
run "$GOTUTOR" lint
expect_status 0 "lint on the bundled tracks"
expect_out "ok: 2 tracks" "lint counts both bundled tracks"
run "$GOTUTOR" lint "$top_srcdir/lessons"
expect_status 0 "lint on lessons/ by path"

run "$GOTUTOR" list
expect_status 0 "list"
expect_out "java: Go for Java developers (from java" "list shows the Java track"
expect_out "python: Go for Python developers (from python" "list shows the Python track"
expect_out "java/errors-are-values" "list shows the Java lesson"

run "$GOTUTOR" lint "$fx/valid"
expect_status 0 "lint on the valid fixture track"
expect_eq "$out" "ok: 1 track, 2 lessons" "lint counts the fixture's lessons"
run "$GOTUTOR" lint "$fx/valid/track.yaml"
expect_status 0 "lint on a track.yaml file"
run "$GOTUTOR" lint "$fx/valid/hello.yaml"
expect_status 0 "lint on one lesson file"
expect_eq "$out" "ok: 0 tracks, 1 lesson" "lint counts a lone lesson"

# Every malformed fixture: exit 1, every line a FILE:LINE[:COL]: message,
# the file named first, and a summary last.
for f in "$fx"/lesson/*.yaml; do
	name=${f##*/}
	run "$GOTUTOR" lint "$f"
	expect_status 1 "lint rejects $name"
	bad=$(printf '%s\n' "$out" | sed '$d' | grep -v "^$f:\\([0-9][0-9]*:\\)\\{0,2\\} " || true)
	expect_eq "$bad" "" "every problem in $name names the file and position"
	expect_out "problem" "lint sums up $name"
done
run "$GOTUTOR" lint "$fx/lesson/unknown-key.yaml"
expect_eq "$out" "$fx/lesson/unknown-key.yaml:28:3: missing required key \"hints\" in exercise
$fx/lesson/unknown-key.yaml:39:3: unknown key \"hnits\" in exercise (did you mean \"hints\"?)
2 problems in 1 file" "lint prints every problem of a file, in order"

# Every problem of several paths is reported, not only the first.
run "$GOTUTOR" lint "$fx/track-missing-lesson" "$fx/track-duplicate-id" "$fx/valid"
expect_status 1 "lint on several tracks with problems"
expect_out "3 problems in 3 files" "lint reports the problems of every path"
run "$GOTUTOR" list "$fx/track-missing-lesson"
expect_status 1 "list on a track with problems"
expect_err "run 'gotutor lint' for details" "list points at lint"

# Two tracks with one id.
mkdir -p "$TMPDIR_TEST/two/a" "$TMPDIR_TEST/two/b"
cp "$fx"/valid/*.yaml "$TMPDIR_TEST/two/a/"
cp "$fx"/valid/*.yaml "$TMPDIR_TEST/two/b/"
run "$GOTUTOR" lint "$TMPDIR_TEST/two"
expect_status 1 "lint on two tracks sharing an id"
expect_out "b/track.yaml:2:5: duplicate track id \"fixture\" (also in $TMPDIR_TEST/two/a/track.yaml:2:5)" "the second track is named"

# GOTUTOR_DATADIR replaces the bundled data.
mkdir -p "$TMPDIR_TEST/data/lessons/fixture"
cp "$fx"/valid/*.yaml "$TMPDIR_TEST/data/lessons/fixture/"
GOTUTOR_DATADIR=$TMPDIR_TEST/data run "$GOTUTOR" lint
expect_status 0 "lint with GOTUTOR_DATADIR"
expect_eq "$out" "ok: 1 track, 2 lessons" "GOTUTOR_DATADIR is where the tracks come from"

# An unreadable lesson, a folder with no track, a lesson that is a folder.
mkdir -p "$TMPDIR_TEST/empty"
run "$GOTUTOR" lint "$TMPDIR_TEST/empty"
expect_status 1 "lint on a folder with no track"
expect_out "no track here" "a folder with no track is explained"
mkdir -p "$TMPDIR_TEST/odd"
cp "$fx"/valid/*.yaml "$TMPDIR_TEST/odd/"
mkdir "$TMPDIR_TEST/odd/folder.yaml"
run "$GOTUTOR" lint "$TMPDIR_TEST/odd"
expect_status 1 "lint on a track with a folder named like a lesson"
expect_out "odd/folder.yaml: not a regular file" "the odd entry is named"

# play: usage errors, then a real program through both jails.
run "$GOTUTOR" play
expect_status 2 "play with no program"
run "$GOTUTOR" play --timeout 2 "$fx/valid"
expect_status 2 "play with a timeout that has no unit"
expect_err 'bad --timeout "2"' "the bad timeout is named"
run "$GOTUTOR" play --memory lots "$fx/valid"
expect_status 2 "play with a bad memory size"
run "$GOTUTOR" play "$TMPDIR_TEST/no-such.go"
expect_status 2 "play of a missing file"
mkdir -p "$TMPDIR_TEST/prog"
cat >"$TMPDIR_TEST/prog/main.go" <<'GO'
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		fmt.Println("got", sc.Text(), "args", os.Args[1:])
	}
	fmt.Fprintln(os.Stderr, "bye")
	os.Exit(3)
}
GO
printf 'one\n' >"$TMPDIR_TEST/in.txt"
run "$GOTUTOR" play --stdin "$TMPDIR_TEST/in.txt" "$TMPDIR_TEST/prog" -- a b
expect_status 1 "play of a program that exits 3"
expect_eq "$out" "got one args [a b]" "play passes stdin and arguments"
expect_err "bye" "play shows the program's stderr"
expect_err "--- exit (exit 3)" "play says how the program ended"
run "$GOTUTOR" play --json --stdin "$TMPDIR_TEST/in.txt" "$TMPDIR_TEST/prog/main.go"
expect_status 1 "play --json of a program that exits 3"
expect_out '"status": "fail"' "play --json has the status"
expect_out '"verdict": "exit"' "play --json has the verdict"
expect_out '"exit_code": 3' "play --json has the exit code"
expect_out '"stdout": "got one args []\n"' "play --json has the output"
printf 'package main\n\nfunc main() { x := 1 }\n' >"$TMPDIR_TEST/bad.go"
run "$GOTUTOR" play --json "$TMPDIR_TEST/bad.go"
expect_status 1 "play of a program that does not compile"
expect_out '"category": "compile-error"' "the compile error is a finding"
expect_out '"line": 3' "the compile error has its line"

# play runs go vet and the ignored-error analyzer beside the build.
cat >"$TMPDIR_TEST/ignored.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n, _ := strconv.Atoi("12")
	os.Remove("nothing")
	fmt.Printf("%d\n", "x")
	fmt.Println(n)
}
GO
run "$GOTUTOR" play --json "$TMPDIR_TEST/ignored.go"
expect_out '"category": "ignored-error"' "play finds an ignored error"
expect_out 'the error returned by strconv.Atoi is assigned to _' "the blank error is named"
expect_out 'the error returned by os.Remove is not checked' "the dropped error is named"
expect_out '"category": "vet"' "play reports go vet's findings"
run "$GOTUTOR" play --fast --json "$TMPDIR_TEST/ignored.go"
case $out in *'"category": "vet"'*|*'"category": "ignored-error"'*) not_ok "play --fast runs no vet";; *) ok "play --fast runs no vet";; esac
run "$GOTUTOR" play --json "$TMPDIR_TEST/prog/main.go"
case $out in *'"category"'*) not_ok "a clean program gets no vet or ignored-error finding"; printf '%s\n' "$out";; *) ok "a clean program gets no vet or ignored-error finding";; esac

# check: a learner's file against a lesson of the fixture track.
track="$top_srcdir/tests/detect/track"
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n' >"$TMPDIR_TEST/hello.go"
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, World")\n}\n' >"$TMPDIR_TEST/hello-wrong.go"
run "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "check of a right answer"
expect_out "checks/exact-output: PASS" "check says PASS"
expect_out "pass    output" "check lists the output check"
# Most logins have a soft open-files limit of 1024 (and a hard one of as
# little): the jail makes room for the fds it keeps above its child's limit.
run sh -c 'ulimit -Sn 1024 && exec "$@"' sh "$GOTUTOR" check --no-record --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "check with the usual soft open-files limit of 1024"
run sh -c 'ulimit -n 1024 && exec "$@"' sh "$GOTUTOR" check --no-record --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "check with a hard open-files limit of 1024"
run sh -c 'ulimit -n 60 && exec "$@"' sh "$GOTUTOR" check --no-record --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 2 "check with an open-files limit of 60"
expect_err "the open-files limit, ulimit -n, is too low" "check says the open-files limit is too low"
run "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello-wrong.go"
expect_status 1 "check of a wrong answer"
expect_out "checks/exact-output: FAIL" "check says FAIL"
expect_out "-hello, world" "check shows the wanted line in the diff"
expect_out "+hello, World" "check shows the printed line in the diff"
expect_out "hint: " "check gives the first hint on a failure"
run "$GOTUTOR" check --json --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello-wrong.go"
expect_status 1 "check --json of a wrong answer"
if printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["track"] == "checks" and d["lesson"] == "exact-output", d
assert d["status"] == "fail"
c = {k["name"]: k for k in d["checks"]}
assert c["output"]["status"] == "fail" and c["output"]["blocking"], c
assert c["build"]["status"] == "pass"
w = [x for x in d["diagnostics"] if x["category"] == "wrong-output"]
assert len(w) == 1 and w[0]["blocking"] and "+hello, World" in w[0]["explanation"]
assert d["hint"] and d["run"]["stdout"] == "hello, World\n"
'; then ok "check --json has the lesson, the checks and the diff"; else not_ok "check --json shape"; printf '%s\n' "$out"; fi
run "$GOTUTOR" check --tracks "$track" checks/exact-outptu "$TMPDIR_TEST/hello.go"
expect_status 2 "check of a misspelt lesson"
expect_err "did you mean checks/exact-output?" "check suggests the lesson meant"
run "$GOTUTOR" check --tracks "$track" exact-output "$TMPDIR_TEST/hello.go"
expect_status 2 "check of a lesson without its track"
expect_err "TRACK/LESSON" "check says how to name a lesson"
run "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/none.go"
expect_status 2 "check of a missing file"
expect_err "cannot open" "check names the missing file"
run "$GOTUTOR" check checks/exact-output
expect_status 2 "check with no file"
run "$GOTUTOR" check --tracks "$fx/track-bad-fields" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 2 "check with broken tracks"
expect_err "gotutor lint" "check points at lint when the tracks are broken"

# check records each verdict in the progress log (under XDG_DATA_HOME, set
# by lib.sh), and progress shows it: three checks above (a pass, two
# fails); the usage errors recorded nothing.
log=$XDG_DATA_HOME/gotutor/progress.log
if [ -f "$log" ]; then ok "check made the progress log under XDG_DATA_HOME"; else not_ok "check made no progress log at $log"; fi
expect_eq "$(stat -c %a "$log" "${log%/*}" 2>&1 | tr '\n' ' ')" "600 700 " "the log and its folder are private"
run "$GOTUTOR" progress --json
expect_status 0 "progress --json"
if printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["version"] == 1 and d["warnings"] == [] and d["events"] == 4, d
assert d["file"] == sys.argv[1], d["file"]
assert d["last"] == {"track": "checks", "lesson": "exact-output"}, d["last"]
l, = [x for x in d["lessons"] if x["lesson"] == "exact-output"]
assert l["track"] == "checks" and l["status"] == "passed", l
assert l["attempts"] == 3 and l["failed"] == 2 and l["errors"] == 0, l
assert l["fails"] == {"wrong-output": 2}, l
assert l["pass_attempts"] == 1 and l["passed_ms"] >= l["first_ms"], l
assert l["hints"] == 0 and l["solution"] is False and l["opened"] == 0, l
' "$log"; then ok "progress --json shows the checks recorded"; else not_ok "progress --json shape"; printf '%s\n' "$out"; fi
if python3 -c '
import json, sys
def fnv(b):
    h = 0xcbf29ce484222325
    for c in b:
        h = ((h ^ c) * 0x100000001b3) & 0xffffffffffffffff
    return "%016x" % h
lines = open(sys.argv[1], "rb").read().split(b"\n")
assert lines[-1] == b"", "the log ends with a newline"
recs = []
for line in lines[:-1]:
    assert line[16:17] == b" " and fnv(line[17:]) == line[:16].decode(), line
    recs.append(json.loads(line[17:]))
evs = [(r["ev"], r.get("verdict")) for r in recs]
assert evs == [("check", "pass"), ("passed", None), ("check", "fail"), ("check", "fail")], evs
assert all(r["v"] == 1 and r["track"] == "checks" and r["lesson"] == "exact-output" for r in recs)
ok, bad = open(sys.argv[2], "rb").read(), open(sys.argv[3], "rb").read()
assert recs[0]["hash"] == fnv(ok) and recs[2]["hash"] == fnv(bad), recs
assert recs[0]["categories"] == [] and recs[2]["categories"] == ["wrong-output"], recs
assert recs[0]["wall_ms"] > 0 and recs[0]["ts"] <= recs[1]["ts"] <= recs[2]["ts"], recs
' "$log" "$TMPDIR_TEST/hello.go" "$TMPDIR_TEST/hello-wrong.go"; then ok "the log holds the records as share/progress-format.md says"; else not_ok "the log's records"; cat "$log"; fi
run "$GOTUTOR" progress
expect_status 0 "progress"
expect_out "checks: 1 passed, 0 attempted, 0 new" "progress sums up the track"
expect_out "exact-output             passed    3 checks (wrong-output 2), passed " "progress shows the lesson's status and checks"
expect_out "resume: checks/exact-output" "progress names the lesson to resume"
run "$GOTUTOR" help progress
expect_status 0 "help progress"
expect_out "usage: gotutor progress [--json] [--file PATH]" "help progress shows its synopsis"
run "$GOTUTOR" --help
expect_out "progress " "--help lists progress"

# A second pass adds a check but no second passed event; --no-record and
# usage errors add nothing.
run "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "a second check of a right answer"
expect_eq "$(grep -c '"ev":"passed"' "$log")" 1 "only the first pass is a passed event"
expect_eq "$(grep -c '"ev":"check"' "$log")" 4 "every check is recorded"
sum=$(cksum <"$log")
run "$GOTUTOR" check --no-record --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello-wrong.go"
expect_status 1 "check --no-record keeps its verdict"
run "$GOTUTOR" check --tracks "$track" checks/exact-outptu "$TMPDIR_TEST/hello.go"
expect_eq "$(cksum <"$log")" "$sum" "check --no-record and a usage error leave the log alone"

# A record torn by a crash: progress skips it, says so once, repairs it.
printf '0123456789abcdef {"v":1,"ts":17' >>"$log"
run "$GOTUTOR" progress --json
expect_status 1 "progress on a torn log"
expect_err "warning: $log: the last record was torn (" "progress warns of the torn record"
expect_out '"events": 5' "progress keeps every whole record"
expect_out 'the last record was torn' "progress --json lists the warning"
expect_eq "$(tail -c 1 "$log" | od -An -c | tr -d ' ')" '\n' "the torn record is cut off"
run "$GOTUTOR" progress
expect_status 0 "the torn record is reported once"
expect_eq "$err" "" "no warning once repaired"
printf 'garbage\n' >>"$log"
run "$GOTUTOR" progress
expect_status 1 "progress on a log with a bad line"
expect_err "$log:6: not a record; skipped it" "progress names the bad line"
printf '0123456789abcdef {"v":1,"ts":17' >>"$log"
run "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "check on a torn log"
expect_err "the last record was torn" "check warns of the torn record"
run "$GOTUTOR" progress --json
expect_status 1 "progress after check repaired the log (the bad line stays)"
expect_out '"events": 6' "check repaired the log before it appended"

# Recording fails: a warning, and the check's status stands.
run env GOTUTOR_PROGRESS=/dev/full "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "a check passes on a full disk"
expect_out "checks/exact-output: PASS" "the verdict is printed on a full disk"
expect_err "gotutor check: warning: the check was not recorded: cannot write /dev/full: No space left on device" "check says it could not record"
run env GOTUTOR_PROGRESS="$TMPDIR_TEST/hello.go/progress.log" "$GOTUTOR" check --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello-wrong.go"
expect_status 1 "a failed check keeps its status when it cannot record"
expect_err "the check was not recorded: cannot open $TMPDIR_TEST/hello.go/progress.log: Not a directory" "check names the log it cannot open"

# progress on other logs, and its usage errors.
run "$GOTUTOR" progress --file "$TMPDIR_TEST/none.log"
expect_status 0 "progress on a log not made yet"
expect_out "no progress recorded yet in $TMPDIR_TEST/none.log" "progress says there is none yet"
if [ ! -e "$TMPDIR_TEST/none.log" ]; then ok "progress does not make the log"; else not_ok "progress made the log"; fi
run "$GOTUTOR" progress --json --file "$TMPDIR_TEST/none.log"
expect_out '"last": null' "progress --json of an empty log"
run "$GOTUTOR" progress --file "$TMPDIR_TEST"
expect_status 2 "progress on a folder"
expect_err "cannot open $TMPDIR_TEST: Is a directory" "progress says the log is a folder"
run "$GOTUTOR" progress --file
expect_status 2 "progress --file without a path"
run "$GOTUTOR" progress --bogus
expect_status 2 "progress with an unknown option"
expect_err "unknown option '--bogus'" "progress names the unknown option"
run "$GOTUTOR" progress extra
expect_status 2 "progress with an argument"

# check --class: the class's pace and freeze hold from the shell too, and
# the check reaches the class's copy of the learner's log.
cls=$TMPDIR_TEST/class
run "$GOTUTOR" class init "$cls" --track checks --tracks "$track"
expect_status 0 "class init for check --class"
run "$GOTUTOR" check --class "$cls" --tracks "$track" checks/trimmed-output "$TMPDIR_TEST/hello.go"
expect_status 2 "check --class refuses a lesson past the pace"
expect_err "checks/trimmed-output is locked: the instructor has opened lesson 1 so far" "check --class says why it is locked"
run "$GOTUTOR" class freeze "$cls"
run "$GOTUTOR" check --class "$cls" --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 2 "check --class refuses while the class is frozen"
expect_err "the instructor has paused checks for now" "check --class says the class is frozen"
run "$GOTUTOR" class unfreeze "$cls"
XDG_DATA_HOME=$TMPDIR_TEST/class-data run "$GOTUTOR" check --class "$cls" --tracks "$track" checks/exact-output "$TMPDIR_TEST/hello.go"
expect_status 0 "check --class of an open lesson"
me=$(id -un)
if grep -q '"ev":"passed","track":"checks","lesson":"exact-output"' "$cls/learners/$me.log" &&
    grep -q '"ev":"passed"' "$TMPDIR_TEST/class-data/gotutor/progress.log"; then
	ok "check --class records in the class and in the learner's own log"
else
	not_ok "check --class records in both logs"; ls -la "$cls/learners"
fi
run "$GOTUTOR" class status "$cls" --tracks "$track"
expect_out "$me" "class status lists the learner who checked"
expect_out "1/12" "class status counts their pass"
run "$GOTUTOR" class pace "$cls" 13 --tracks "$track"
expect_status 2 "class pace past the last lesson"
expect_err "the track has lessons 1 to 12, not 13" "class pace says the range"
run "$GOTUTOR" class init "$cls" --track checks --tracks "$track"
expect_status 2 "class init of an existing folder"
run "$GOTUTOR" class init "$TMPDIR_TEST/class2" --track nope
expect_status 2 "class init of an unknown track"
expect_err "there is no track nope" "class init names the unknown track"
run "$GOTUTOR" class status "$TMPDIR_TEST"
expect_status 2 "class status of a folder that is not a class"
expect_err "is not a class: it has no class.json" "class status says it is not a class"
run "$GOTUTOR" class frob "$cls"
expect_status 2 "an unknown class subcommand"

# The settings file: a bad one is refused with its places, a good one used.
mkdir -p "$TMPDIR_TEST/cfg/gotutor"
printf 'workspace: relative/ws\nthemee: mono\nsolution-after: -1\n' >"$TMPDIR_TEST/cfg/gotutor/config.yaml"
printf 'size 80 24\ndump %s/screen.txt\n' "$TMPDIR_TEST" >"$TMPDIR_TEST/screen.script"
XDG_CONFIG_HOME=$TMPDIR_TEST/cfg GOTUTOR_SCREEN_SCRIPT=$TMPDIR_TEST/screen.script run "$GOTUTOR"
expect_status 2 "the tutor refuses bad settings"
expect_err "config.yaml:1:12: \"relative/ws\" is not a full path" "a relative workspace is refused at its place"
expect_err "config.yaml:2:1: unknown setting \"themee\" (did you mean \"theme\"?)" "an unknown setting gets a suggestion"
expect_err "config.yaml:3:17: solution-after is a number" "a negative solution-after is refused"
printf 'workspace: %s/myws\ntheme: mono\ntracks:\n  - %s\n' "$TMPDIR_TEST" "$top_srcdir/tests/detect/track" >"$TMPDIR_TEST/cfg/gotutor/config.yaml"
printf 'size 200 50\nkeys j j Enter Enter\ndump %s/screen.txt\n' "$TMPDIR_TEST" >"$TMPDIR_TEST/screen.script"
XDG_CONFIG_HOME=$TMPDIR_TEST/cfg GOTUTOR_SCREEN_SCRIPT=$TMPDIR_TEST/screen.script run "$GOTUTOR"
expect_status 0 "the tutor takes good settings"
if grep -q "Your file: $TMPDIR_TEST/myws/checks/exact-output/main.go" "$TMPDIR_TEST/screen.txt"; then
	ok "the settings' tracks and workspace are used"
else
	not_ok "the settings' tracks and workspace are used"; cat "$TMPDIR_TEST/screen.txt"
fi

finish
