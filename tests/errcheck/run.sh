#!/bin/sh
# run.sh: test share/errcheck, gotutor's ignored-error analyzer, as a
# "go vet -vettool" plug-in.
#
#   GO=/path/to/go tests/errcheck/run.sh     (GO defaults to "go")
#
# It builds the analyzer with $GO, copies every cases/NAME/ into one
# temporary module (as package errcheck.test/NAME), runs
#   go vet -vettool=ANALYZER -json ./...
# once, and compares each case's findings with the "// want:" lines at the top
# of its main.go:
#   // want: LINE SUBSTRING   a finding on LINE whose message holds SUBSTRING
#                            (one line per expected finding)
#   // want: none            no findings at all
# A case passes when every want is met by its own finding and no finding is
# left over. It also checks the vet-tool handshake (-V=full, -flags), the
# plain (non-JSON) mode and its exit status, and that a second, cached run
# gives the same JSON.
#
# go vet -json prints the JSON on stderr with Go 1.21 to 1.25 (after a
# "# PACKAGE" line per package) and on stdout from Go 1.26 on; both streams
# are read. Prints "N passed, N failed" and exits non-zero on any failure.

GO=${GO:-go}
here=$(cd "$(dirname "$0")" && pwd -P)
src=${ERRCHECK_SRC:-$here/../../share/errcheck}
src=$(cd "$src" && pwd -P) || exit 2

# Offline and with exactly this toolchain.
GOTOOLCHAIN=local GOPROXY=off GOFLAGS=-buildvcs=false GOWORK=off
export GOTOOLCHAIN GOPROXY GOFLAGS GOWORK

passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
not_ok() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }
finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" = 0 ]
	exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/errcheck-test.XXXXXX") || exit 2
tmp=$(cd "$tmp" && pwd -P)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

goversion=$("$GO" env GOVERSION) || { echo "cannot run $GO"; exit 2; }
echo "# $goversion ($GO)"

tool=$tmp/errcheck
if (cd "$src" && "$GO" build -o "$tool" .) >"$tmp/build.log" 2>&1; then
	ok "build with $goversion"
else
	not_ok "build with $goversion"; cat "$tmp/build.log"; finish
fi

# The handshake.
v=$("$tool" -V=full)
if printf '%s\n' "$v" | grep -Eq '^errcheck version devel [^ ]+ buildID=[0-9a-f]{64}$'; then
	ok "-V=full: $v"
else
	not_ok "-V=full printed '$v'"
fi
if "$tool" -flags | tr -d ' \n\t' | grep -q '^\[.*{"Name":"json","Bool":true,'; then
	ok "-flags lists -json"
else
	not_ok "-flags: $("$tool" -flags)"
fi

# One module holding every case.
mod=$tmp/mod
mkdir -p "$mod"
printf 'module errcheck.test\n\ngo 1.21\n' >"$mod/go.mod"
cases=
for d in "$here"/cases/*/; do
	name=$(basename "$d")
	mkdir "$mod/$name" && cp "$d"*.go "$mod/$name/" || exit 2
	cases="$cases $name"
done

# extract FILE...: print "CASE<TAB>LINE<TAB>MESSAGE" for each diagnostic in
# the JSON (unitchecker's MarshalIndent layout: "posn" then "message"), and
# "ERROR<TAB>0<TAB>TEXT" for analysis errors.
extract() {
	awk '
	function unq(s) {
		sub(/^[^:]*: *"/, "", s); sub(/",?[ \t\r]*$/, "", s)
		gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s)
		return s
	}
	/^[ \t]*"posn": "/ {
		p = unq($0)
		n = split(p, a, ":")   # .../CASE/main.go:LINE:COL
		line = a[n - 1]
		path = substr(p, 1, length(p) - length(a[n]) - length(a[n - 1]) - 2)
		m = split(path, b, "/")
		kase = b[m - 1]
		next
	}
	/^[ \t]*"message": "/ { printf "%s\t%s\t%s\n", kase, line, unq($0); next }
	/^[ \t]*"error": "/ { printf "ERROR\t0\t%s\n", unq($0) }
	' "$@"
}

# wants: print "CASE<TAB>LINE<TAB>SUBSTRING" for each want line, "CASE<TAB>none"
# for want: none.
wants() {
	for name in $cases; do
		sed -n 's|^// want: *||p' "$mod/$name/main.go" | while read -r line rest; do
			if [ "$line" = none ]; then
				printf '%s\tnone\n' "$name"
			else
				printf '%s\t%s\t%s\n' "$name" "$line" "$rest"
			fi
		done
	done
}

# compare WANTS FINDINGS: one "ok: CASE"/"FAIL: CASE ..." line per case.
compare() {
	awk -F '\t' -v cases="$cases" '
	FNR == NR {
		if ($2 == "none") { none[$1] = 1; next }
		nw[$1]++; wl[$1, nw[$1]] = $2; ws[$1, nw[$1]] = $3
		next
	}
	{ nf[$1]++; fl[$1, nf[$1]] = $2; fm[$1, nf[$1]] = $3 }
	END {
		n = split(cases, cs, " ")
		for (i = 1; i <= n; i++) {
			c = cs[i]; bad = ""
			if (!none[c] && nw[c] == 0) bad = bad "\n  no \"// want:\" header"
			for (j = 1; j <= nw[c]; j++) {
				hit = 0
				for (k = 1; k <= nf[c]; k++)
					if (!used[c, k] && fl[c, k] == wl[c, j] && index(fm[c, k], ws[c, j])) {
						used[c, k] = 1; hit = 1; break
					}
				if (!hit) bad = bad "\n  missing: line " wl[c, j] ": " ws[c, j]
			}
			for (k = 1; k <= nf[c]; k++)
				if (!used[c, k]) bad = bad "\n  unexpected: line " fl[c, k] ": " fm[c, k]
			if (bad == "") printf "ok: %s (%d findings)\n", c, nf[c] + 0
			else printf "FAIL: %s%s\n", c, bad
		}
	}' "$1" "$2"
}

# go vet -json ./...: exit status 0 even with findings.
(cd "$mod" && "$GO" vet -vettool="$tool" -json ./...) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 0 ]; then ok "go vet -json exits 0"; else
	not_ok "go vet -json exited $status"; sed 's/^/  /' "$tmp/err" | head -20
fi
if grep -q '"posn"' "$tmp/out"; then stream=stdout
elif grep -q '"posn"' "$tmp/err"; then stream=stderr
else stream=neither
fi
echo "# $goversion: go vet -json wrote the JSON to $stream"
extract "$tmp/out" "$tmp/err" >"$tmp/findings"
if grep '^ERROR' "$tmp/findings" >"$tmp/errors" || grep -q '^errcheck: ' "$tmp/err"; then
	not_ok "analysis errors:"; cat "$tmp/errors"; grep '^errcheck: ' "$tmp/err"
fi
wants >"$tmp/wants"
compare "$tmp/wants" "$tmp/findings" >"$tmp/compare"
cat "$tmp/compare"
passed=$((passed + $(grep -c '^ok: ' "$tmp/compare")))
failed=$((failed + $(grep -c '^FAIL: ' "$tmp/compare")))

# A second run (cached from Go 1.26 on) gives the same findings.
(cd "$mod" && "$GO" vet -vettool="$tool" -json ./...) >"$tmp/out2" 2>"$tmp/err2"
extract "$tmp/out2" "$tmp/err2" | sort >"$tmp/findings2"
if sort "$tmp/findings" | cmp -s - "$tmp/findings2"; then
	ok "second go vet -json run gives the same findings"
else
	not_ok "second go vet -json run differs"
	sort "$tmp/findings" | diff - "$tmp/findings2" | head
fi

# Plain mode: "FILE:LINE:COL: MESSAGE" on stderr and exit status 1 on
# findings; nothing and exit status 0 on a clean package.
(cd "$mod" && "$GO" vet -vettool="$tool" ./bad_remove_stmt) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 1 ] && grep -q 'main\.go:9:2: the error returned by os\.Remove is not checked$' "$tmp/err"; then
	ok "plain go vet: findings on stderr, exit 1"
else
	not_ok "plain go vet on bad_remove_stmt: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
fi
(cd "$mod" && "$GO" vet -vettool="$tool" ./ok_checked) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 0 ] && ! [ -s "$tmp/out" ] && ! [ -s "$tmp/err" ]; then
	ok "plain go vet: clean package, no output, exit 0"
else
	not_ok "plain go vet on ok_checked: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
fi

finish
