#!/bin/sh
# sandbox.sh: the hostile-program suite (tests/sandbox/suite.py), run by
# make check: every case in both isolation tiers, as root and as a normal
# user where the tests run as root.
: "${GOTUTOR:?GOTUTOR must name the gotutor binary (make check sets it)}"
: "${top_srcdir:?top_srcdir must name the source tree (make check sets it)}"
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed (./bootstrap installs it)"
	exit 77
fi
if ! "$GOTUTOR" doctor >/dev/null 2>&1 && ! "$GOTUTOR" doctor | grep -q '^ok *go '; then
	echo "FAIL: gotutor doctor finds no usable Go toolchain:"
	"$GOTUTOR" doctor
	exit 1
fi
exec python3 "$top_srcdir/tests/sandbox/suite.py" "$GOTUTOR" \
    "$top_srcdir/tests/sandbox/cases"
