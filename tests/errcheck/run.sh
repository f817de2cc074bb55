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
# Then -std mode (the toolchain's own vet runs on each unit too): go vet
# -std -json ./... gives errcheck's findings as above, each message starting
# "errcheck: ", plus vet's printf findings in std_vet_mixed (one of them needs
# the facts that vet wrote for std_vet_lib), all in one JSON object for the
# package, and nothing at all in the clean cases; plain -std mode prints vet's
# findings unprefixed and errcheck's prefixed, exit status 1; a clean package
# gives no output and exit status 0 in both modes; a vet that fails (a fake
# one, run through a saved vet.cfg) makes the tool fail, its stderr shown.
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
if "$tool" -flags | tr -d ' \n\t' | grep -q '^\[.*{"Name":"std","Bool":true,'; then
	ok "-flags lists -std"
else
	not_ok "-flags does not list -std: $("$tool" -flags)"
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

# -std mode: the toolchain's own vet runs on each unit too, and its findings
# share the output; errcheck's messages start "errcheck: ".

# extract_std FILE...: print "ANALYZER<TAB>CASE<TAB>LINE<TAB>MESSAGE" for each
# diagnostic in -std -json output (any analyzer: the key two tabs in, above
# the diagnostic), and "ANALYZER<TAB>ERROR<TAB>0<TAB>TEXT" for analysis
# errors. Only fields at a diagnostic's own depth count, not those of its
# suggested fixes or related information.
extract_std() {
	awk '
	function unq(s) {
		sub(/^[^:]*: *"/, "", s); sub(/",?[ \t\r]*$/, "", s)
		gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s)
		return s
	}
	/^\t\t"[^"]*": [[{]$/ { an = $0; sub(/^\t\t"/, "", an); sub(/": .$/, "", an); next }
	/^\t\t\t\t"posn": "/ {
		p = unq($0)
		n = split(p, a, ":")   # .../CASE/main.go:LINE:COL
		line = a[n - 1]
		path = substr(p, 1, length(p) - length(a[n]) - length(a[n - 1]) - 2)
		m = split(path, b, "/")
		kase = b[m - 1]
		next
	}
	/^\t\t\t\t"message": "/ { printf "%s\t%s\t%s\t%s\n", an, kase, line, unq($0); next }
	/^\t\t\t"error": "/ { printf "%s\tERROR\t0\t%s\n", an, unq($0) }
	' "$@"
}

# units NAME FILE...: how many JSON objects hold package errcheck.test/NAME.
units() {
	unit=$1; shift
	cat "$@" | grep -c "^$(printf '\t')\"errcheck.test/$unit\": {\$"
}

# Where vet's printf check must fire in std_vet_mixed (the second needs the
# facts vet wrote for std_vet_lib, a VetxOnly unit when vetted alone).
cat >"$tmp/std-vet-want" <<'WANT'
printf	std_vet_mixed	14	fmt.Printf format %d has arg "x" of wrong type string
printf	std_vet_mixed	15	errcheck.test/std_vet_lib.Logf format %d has arg "y" of wrong type string
WANT

# check_std_json NAME: check the extract_std output in $tmp/std: errcheck's
# findings are the wants, prefixed; std_vet_mixed has vet's printf findings
# in the same object; clean cases have none, and there are no errors.
check_std_json() {
	awk -F '\t' '$1 == "errcheck" {
		m = $4
		if (!sub(/^errcheck: /, "", m)) m = "(no errcheck: prefix) " m
		printf "%s\t%s\t%s\n", $2, $3, m
	}' "$tmp/std" >"$tmp/std-errcheck"
	compare "$tmp/wants" "$tmp/std-errcheck" >"$tmp/compare"
	if grep -q '^FAIL' "$tmp/compare"; then
		not_ok "$1: errcheck's findings:"; grep -v '^ok: ' "$tmp/compare"
	else
		ok "$1: errcheck's findings, prefixed, as wanted in all $(grep -c '^ok: ' "$tmp/compare") cases"
	fi
	awk -F '\t' '$1 != "errcheck" && $2 == "std_vet_mixed"' "$tmp/std" | sort >"$tmp/std-vet"
	if cmp -s "$tmp/std-vet-want" "$tmp/std-vet" && [ "$(units std_vet_mixed "$tmp/out" "$tmp/err")" = 1 ]; then
		ok "$1: vet's printf findings with errcheck's, one object for std_vet_mixed"
	else
		not_ok "$1: std_vet_mixed ($(units std_vet_mixed "$tmp/out" "$tmp/err") objects):"
		diff "$tmp/std-vet-want" "$tmp/std-vet" | sed 's/^/  /'
	fi
	if awk -F '\t' '$2 ~ /^ok_/ || $2 == "std_vet_lib" || $2 == "ERROR"' "$tmp/std" | grep .; then
		not_ok "$1: findings in clean cases, or errors (above)"
	else
		ok "$1: no findings in the clean cases, no errors"
	fi
}

# go vet -std -json ./...: exit status 0, as with stock vet.
(cd "$mod" && "$GO" vet -vettool="$tool" -std -json ./...) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 0 ]; then ok "go vet -std -json ./... exits 0"; else
	not_ok "go vet -std -json ./... exited $status"; sed 's/^/  /' "$tmp/err" | head -20
fi
extract_std "$tmp/out" "$tmp/err" >"$tmp/std"
check_std_json "go vet -std -json ./..."

# A second run (cached from Go 1.26 on) gives the same findings.
(cd "$mod" && "$GO" vet -vettool="$tool" -std -json ./...) >"$tmp/out2" 2>"$tmp/err2"
extract_std "$tmp/out2" "$tmp/err2" | sort >"$tmp/std2"
if sort "$tmp/std" | cmp -s - "$tmp/std2"; then
	ok "second go vet -std -json run gives the same findings"
else
	not_ok "second go vet -std -json run differs"; sort "$tmp/std" | diff - "$tmp/std2" | head
fi

# The mixed package alone (std_vet_lib is then a VetxOnly unit, facts only).
(cd "$mod" && "$GO" vet -vettool="$tool" -std -json ./std_vet_mixed) >"$tmp/out" 2>"$tmp/err"
status=$?
extract_std "$tmp/out" "$tmp/err" >"$tmp/std"
awk -F '\t' '$1 != "errcheck"' "$tmp/std" | sort >"$tmp/std-vet"
if [ "$status" = 0 ] && cmp -s "$tmp/std-vet-want" "$tmp/std-vet" &&
	[ "$(units std_vet_mixed "$tmp/out" "$tmp/err")" = 1 ] &&
	grep -q '^errcheck	std_vet_mixed	16	errcheck: the error returned by os\.Remove is not checked$' "$tmp/std" &&
	[ "$(wc -l <"$tmp/std")" = 3 ]; then
	ok "go vet -std -json ./std_vet_mixed: printf and errcheck in one object, exit 0"
else
	not_ok "go vet -std -json ./std_vet_mixed: exit $status"; sed 's/^/  /' "$tmp/std" "$tmp/out" "$tmp/err" | head -40
fi

# Plain -std mode: vet's findings as vet prints them, errcheck's prefixed,
# exit status 1.
(cd "$mod" && "$GO" vet -vettool="$tool" -std ./std_vet_mixed) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 1 ] &&
	grep -q 'main\.go:14:[0-9]*: fmt\.Printf format %d has arg "x" of wrong type string$' "$tmp/err" &&
	grep -q 'main\.go:15:[0-9]*: errcheck\.test/std_vet_lib\.Logf format %d has arg "y" of wrong type string$' "$tmp/err" &&
	grep -q 'main\.go:16:2: errcheck: the error returned by os\.Remove is not checked$' "$tmp/err" &&
	[ "$(grep -c 'main\.go:[0-9]*:[0-9]*: ' "$tmp/err")" = 3 ]; then
	ok "plain go vet -std: vet's finding unprefixed, errcheck's prefixed, exit 1"
else
	not_ok "plain go vet -std on std_vet_mixed: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
fi

# A clean package: nothing (plain), "{}" (-json), exit status 0.
(cd "$mod" && "$GO" vet -vettool="$tool" -std ./ok_checked) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 0 ] && ! [ -s "$tmp/out" ] && ! [ -s "$tmp/err" ]; then
	ok "plain go vet -std: clean package, no output, exit 0"
else
	not_ok "plain go vet -std on ok_checked: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
fi
(cd "$mod" && "$GO" vet -vettool="$tool" -std -json ./ok_checked) >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" = 0 ] && [ "$(cat "$tmp/out" "$tmp/err" | grep -v '^# ' | tr -d ' \t\n')" = '{}' ]; then
	ok "go vet -std -json: clean package, {}, exit 0"
else
	not_ok "go vet -std -json on ok_checked: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
fi

# A failing vet: run the tool on a saved vet.cfg (an edit defeats the cache;
# -work keeps the files) with GOTOOLDIR naming a fake vet that exits 2, or
# none at all. The tool fails too, shows vet's stderr, and still reports.
echo '// edited' >>"$mod/std_vet_mixed/main.go"
(cd "$mod" && "$GO" vet -work -vettool="$tool" -std ./std_vet_mixed) >"$tmp/out" 2>"$tmp/err"
work=$(sed -n 's/^WORK=//p' "$tmp/err")
cfg=
if [ -n "$work" ] && [ -d "$work" ]; then
	cfg=$(grep -l '"ImportPath": "errcheck.test/std_vet_mixed"' "$work"/*/vet.cfg | head -1)
fi
if [ -z "$cfg" ]; then
	not_ok "no vet.cfg for std_vet_mixed in WORK=$work"; sed 's/^/  /' "$tmp/err" | head
else
	mkdir "$tmp/fakevet"
	printf '#!/bin/sh\necho "vet: simulated failure" >&2\nexit 2\n' >"$tmp/fakevet/vet"
	chmod +x "$tmp/fakevet/vet"
	GOTOOLDIR=$tmp/fakevet "$tool" -std "$cfg" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" = 2 ] && grep -q '^vet: simulated failure$' "$tmp/err" &&
		grep -q 'main\.go:16:2: errcheck: the error returned by os\.Remove is not checked$' "$tmp/err"; then
		ok "-std with a vet that exits 2: exit 2, vet's stderr, errcheck's findings"
	else
		not_ok "-std with a vet that exits 2: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
	fi
	GOTOOLDIR=$tmp/novet "$tool" -std -json "$cfg" >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" = 2 ] && grep -q "^errcheck: cannot run the toolchain's vet: " "$tmp/err"; then
		ok "-std without a vet: exit 2, the reason on stderr"
	else
		not_ok "-std without a vet: exit $status"; sed 's/^/  /' "$tmp/out" "$tmp/err"
	fi
fi
case $work in
*/go-build*) rm -rf "$work" ;;
esac

finish
