#!/bin/sh
# summary.sh: add up the assertions of every test log under a build tree and
# print one closing line, "N passed, N failed".
find "${1:-.}" -name '*.log' -path '*tests/*' | xargs cat 2>/dev/null | awk '
	/^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$/ { p += $1; f += $3; s += $5 }
	/^\[  PASSED  \] [0-9]+ test\(s\)\.$/ { p += $4 }
	/^\[  FAILED  \] [0-9]+ test\(s\), listed below:$/ { f += $4 }
	END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
