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

finish
