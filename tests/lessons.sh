#!/bin/sh
# lessons.sh: gotutor lint --run on the bundled tracks, run by make check:
# every lesson's reference solution passes every check, each known-wrong
# solution fails with the category it names, and the Java, Python and Go
# idiom programs print the lesson's output. Any skip fails here: bootstrap
# installs javac, java and python3.
#
# CI proves the bundled tracks once per run, in ./bootstrap test; its later
# passes over the same tree (make distcheck, the sanitizer build) set
# LESSONS_PROVEN=1 and prove the fixture track only.
: "${GOTUTOR:?GOTUTOR must name the gotutor binary (make check sets it)}"
: "${top_srcdir:?top_srcdir must name the source tree (make check sets it)}"
GOTUTOR_PROGRESS=/dev/null
export GOTUTOR_PROGRESS
track=$top_srcdir/lessons
if [ -n "${LESSONS_PROVEN:-}" ]; then
	echo "# the bundled tracks were proven earlier in this CI run (LESSONS_PROVEN)"
	track=$top_srcdir/tests/detect/track
fi
echo "# gotutor lint --run $track"
out=${TMPDIR:-/tmp}/lessons-lint.$$
"$GOTUTOR" lint --run "$track" >"$out" 2>&1
rc=$?
cat "$out"
if [ $rc != 0 ] || grep -q '^skip\|^FAIL' "$out"; then
	echo "FAIL: gotutor lint --run $track"
	rm -f "$out"
	exit 1
fi
rm -f "$out"
exit 0
