#!/bin/sh
# detect.sh: the detectors proven on real programs, run by make check.
#  - tests/detect/run.py: every goroutine-leak and data-race case (and its
#    fixed twin) through gotutor play, in both isolation tiers, with the
#    table of false positives and negatives;
#  - gotutor lint --run on tests/detect/track, the fixture track with one
#    lesson per kind of check: each reference solution passes, and each
#    wrong one fails with the category it names. (tests/lessons.sh proves
#    the bundled tracks.)
: "${GOTUTOR:?GOTUTOR must name the gotutor binary (make check sets it)}"
: "${top_srcdir:?top_srcdir must name the source tree (make check sets it)}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed (./bootstrap installs it)"
	exit 77
fi
# Nothing here may touch the learner's progress log (lint --run and play
# record nothing; /dev/null keeps it so).
GOTUTOR_PROGRESS=/dev/null
export GOTUTOR_PROGRESS
status=0
python3 "$top_srcdir/tests/detect/run.py" "$GOTUTOR" \
    "$top_srcdir/tests/detect/cases" || status=1
echo
echo "# gotutor lint --run tests/detect/track (one lesson per kind of check)"
out=${TMPDIR:-/tmp}/detect-lint.$$
"$GOTUTOR" lint --run "$top_srcdir/tests/detect/track" >"$out" 2>&1
rc=$?
cat "$out"
# Every line ok: a skip (a missing javac, java or python3) fails here,
# where bootstrap has installed them all.
if [ $rc != 0 ] || grep -q '^skip\|^FAIL' "$out"; then
	echo "FAIL: gotutor lint --run tests/detect/track"
	status=1
fi
rm -f "$out"
exit $status
