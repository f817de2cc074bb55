#!/bin/sh
# screen.sh: screen tests in tig's way. The tutor draws into memory
# (GOTUTOR_SCREEN_SCRIPT: no terminal at all), runs each
# tests/screen/NAME.script (sizes, keys, a wait for a check, dumps) and
# every dump is compared with tests/screen/DUMP.txt. Times, sizes and the
# workspace's path are masked first. SCREEN_UPDATE=1 rewrites the expected
# files instead.
. "$top_srcdir/tests/lib.sh"

dir=$top_srcdir/tests/screen
ws=$TMPDIR_TEST/ws
mask() {
	sed -e "s#$ws#WORKSPACE#g" \
	    -e 's/[0-9][0-9]* ms/# ms/g' -e 's/[0-9][0-9]* KiB/# KiB/g' \
	    -e 's/[0-9][0-9]*\.[0-9]s/#s/g' -e 's/full isolation/TIER isolation/' -e 's/degraded isolation/TIER isolation/' \
	    -e "s/^ $me  */ LEARNER          /" -e "s/to $me (uid [0-9]*)/to LEARNER (uid N)/" \
	    -e "s/belongs to $me (uid [0-9]*)/belongs to LEARNER (uid N)/" \
	    -e 's/^ \[[0-9][0-9]:[0-9][0-9]\] instructor/ [HH:MM] instructor/' "$1"
}
# The dashboard's class: the fixture track, one log of the user running
# the test (trusted) and one of "zed" (not theirs: flagged).
me=$(id -un)
(cd "$TMPDIR_TEST" && "$GOTUTOR" class init class --track checks \
    --tracks "$top_srcdir/tests/detect/track" >/dev/null) ||
    not_ok "the dashboard's class cannot be made"
cp "$dir/class/trusted.log" "$TMPDIR_TEST/class/learners/$me.log"
cp "$dir/class/flagged.log" "$TMPDIR_TEST/class/learners/zed.log"
"$GOTUTOR" class announce "$TMPDIR_TEST/class" "Pair up for lesson 2" >/dev/null
for script in "$dir"/*.script; do
	name=$(basename "$script" .script)
	sed "s#^dump #dump $TMPDIR_TEST/#" "$script" >"$TMPDIR_TEST/$name.script"
	set -- --tracks "$top_srcdir/tests/detect/track"
	case $name in
	dashboard*) set -- class dashboard class "$@" ;;
	class-*) set -- --class class "$@" ;;
	esac
	if (cd "$TMPDIR_TEST" && GOTUTOR_WORKSPACE=$ws \
	    XDG_DATA_HOME=$TMPDIR_TEST/data-$name NO_COLOR=1 \
	    TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
	    GOTUTOR_SCREEN_SCRIPT="$TMPDIR_TEST/$name.script" \
	    "$GOTUTOR" "$@") >"$TMPDIR_TEST/out" 2>&1; then
		ok "$name: the script ran"
	else
		not_ok "$name: the script failed"; cat "$TMPDIR_TEST/out"
	fi
	for d in $(sed -n 's/^dump //p' "$script"); do
		mask "$TMPDIR_TEST/$d" >"$TMPDIR_TEST/$d.masked"
		if [ -n "${SCREEN_UPDATE:-}" ]; then
			cp "$TMPDIR_TEST/$d.masked" "$dir/$d.txt"
			ok "$d: updated"
		elif diff -u "$dir/$d.txt" "$TMPDIR_TEST/$d.masked" >"$TMPDIR_TEST/diff"; then
			ok "$d: the screen is as expected"
		else
			not_ok "$d: the screen differs"; cat "$TMPDIR_TEST/diff"
		fi
	done
done
finish
