# lib.sh: helpers for the shell tests, sourced by each of them.
#
# Each test script calls check/expect_* for every assertion and ends with
# finish, which prints "N passed, N failed" and exits 0 only when none failed.
# TEST_PREFIX names the test folder (gotutor-test.XXXXXX unless set).

: "${GOTUTOR:?GOTUTOR must name the gotutor binary (make check sets it)}"
: "${top_srcdir:?top_srcdir must name the source tree (make check sets it)}"

passed=0
failed=0
TMPDIR_TEST=$(mktemp -d "${TMPDIR:-/tmp}/${TEST_PREFIX:-gotutor-test}.XXXXXX")
trap 'rm -rf "$TMPDIR_TEST"' EXIT
# The tests never touch the real learner's progress log: checks record
# theirs under the test folder.
XDG_DATA_HOME=$TMPDIR_TEST/data
export XDG_DATA_HOME
unset GOTUTOR_PROGRESS

ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
not_ok() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }

# run CMD...: run gotutor's command, keeping stdout, stderr and the status.
run() {
	"$@" >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
	status=$?
	out=$(cat "$TMPDIR_TEST/out")
	err=$(cat "$TMPDIR_TEST/err")
}

# expect_status N NAME: the last run exited with N.
expect_status() {
	if [ "$status" = "$1" ]; then ok "$2 (exit $1)"; else
		not_ok "$2: exit $status, want $1"
		printf '  stdout: %s\n  stderr: %s\n' "$out" "$err"
	fi
}

# expect_out TEXT NAME / expect_err TEXT NAME: the output holds TEXT.
expect_out() {
	case $out in *"$1"*) ok "$2";; *)
		not_ok "$2: stdout lacks '$1'"; printf '  stdout: %s\n' "$out";;
	esac
}
expect_err() {
	case $err in *"$1"*) ok "$2";; *)
		not_ok "$2: stderr lacks '$1'"; printf '  stderr: %s\n' "$err";;
	esac
}

# expect_eq GOT WANT NAME: two strings are equal.
expect_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else
		not_ok "$3"; printf '  got:  %s\n  want: %s\n' "$1" "$2"
	fi
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" = 0 ]
	exit $?
}
