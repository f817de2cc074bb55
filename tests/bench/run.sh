#!/bin/sh
# run.sh: make bench. Each benchmark prints its figures and a ratio against
# a baseline measured in the same run.
set -eu
: "${GOTUTOR:?}" "${top_srcdir:?}" "${top_builddir:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/gotutor-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go=$(command -v go || echo /usr/local/go/bin/go)

# A static hello world for the jail's overhead.
mkdir "$work/hello"
cat >"$work/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
GO
printf 'module hello\n\ngo 1.21\n' >"$work/hello/go.mod"
(cd "$work/hello" && CGO_ENABLED=0 "$go" build -trimpath -o "$work/hello.bin" .)
chmod 755 "$work" "$work/hello.bin"
"$top_builddir/tests/bench/bench_jail" "$work/hello.bin" 20

echo
python3 "$top_srcdir/tests/bench/bench_play.py" "$GOTUTOR" "$go" "$work" 10

echo
python3 "$top_srcdir/tests/bench/bench_check.py" "$GOTUTOR" "$go" "$work" 10

echo
python3 "$top_srcdir/tests/bench/bench_tui.py" "$GOTUTOR" "$top_srcdir" "$work" 20

echo
python3 "$top_srcdir/tests/bench/bench_report.py" "$GOTUTOR" "$top_srcdir" "$work"

echo
python3 "$top_srcdir/tests/bench/bench_dashboard.py" "$GOTUTOR" "$top_srcdir" "$work" 3
