#!/bin/sh
# detect.sh: the detectors proven on real programs, run by make check.
#  - tests/detect/run.py: every goroutine-leak and data-race case (and its
#    fixed twin) through gotutor play, in both isolation tiers, with the
#    table of false positives and negatives;
#  - gotutor lint --run on the bundled tracks and on tests/detect/track, the
#    fixture track with one lesson per kind of check: each reference
#    solution passes, and each wrong one fails with the category it names.
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
for track in "" "$top_srcdir/tests/detect/track"; do
	echo
	echo "# gotutor lint --run ${track:-(the bundled tracks)}"
	"$GOTUTOR" lint --run $track >"${TMPDIR:-/tmp}/detect-lint.$$" 2>&1
	rc=$?
	cat "${TMPDIR:-/tmp}/detect-lint.$$"
	# Every line ok: a skip (a missing javac, java or python3) fails here,
	# where bootstrap has installed them all.
	if [ $rc != 0 ] || grep -q '^skip\|^FAIL' "${TMPDIR:-/tmp}/detect-lint.$$"; then
		echo "FAIL: gotutor lint --run $track"
		status=1
	fi
	rm -f "${TMPDIR:-/tmp}/detect-lint.$$"
done
exit $status
