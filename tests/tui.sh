#!/bin/sh
# tui.sh: the real tutor in a real terminal (tmux): it draws the tracks,
# opens one, refuses a terminal too small, quits on q and on SIGTERM, and
# leaves the terminal as it found it.
. "$top_srcdir/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed (./bootstrap installs it)"
	exit 77
fi

# Each run gets its own tmux server: reusing a socket races its shutdown.
runs=0
sock=gotutor-test-$$-$runs
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT

# screen: the visible pane as text.
screen() { tm capture-pane -p -t t; }

# wait_for TEXT: wait up to 5 s for TEXT on the screen.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# expect_screen TEXT NAME: TEXT shows within 5 s.
expect_screen() {
	if wait_for "$1"; then ok "$2"; else
		not_ok "$2: the screen lacks '$1'"; screen | sed 's/^/  | /'
	fi
}

# A shell that records the terminal modes around one run of the tutor.
cat >"$TMPDIR_TEST/session.sh" <<SH
#!/bin/sh
stty -g >"$TMPDIR_TEST/stty.before"
"$GOTUTOR"
echo "exit=\$?" >"$TMPDIR_TEST/status"
stty -g >"$TMPDIR_TEST/stty.after"
echo "session over"
sleep 30
SH
chmod +x "$TMPDIR_TEST/session.sh"

# start: a fresh 80x24 session running the tutor.
start() {
	rm -f "$TMPDIR_TEST/status" "$TMPDIR_TEST"/stty.*
	tm kill-server 2>/dev/null
	runs=$((runs + 1))
	sock=gotutor-test-$$-$runs
	tm -f /dev/null new-session -d -s t -x 80 -y 24 \
	    "TERM=xterm-256color $TMPDIR_TEST/session.sh"
}

# expect_restored NAME STATUS: the run ended with STATUS and stty is intact.
expect_restored() {
	wait_for "session over" || true
	expect_eq "$(cat "$TMPDIR_TEST/status" 2>/dev/null)" "exit=$2" "$1: exit status"
	if cmp -s "$TMPDIR_TEST/stty.before" "$TMPDIR_TEST/stty.after"; then
		ok "$1: the terminal modes are restored"
	else
		not_ok "$1: the terminal modes differ after the run"
	fi
}

start
expect_screen "Choose a track:" "the tracks view is drawn"
expect_screen "Go for Java developers" "the Java track is listed"
expect_screen "Go for Python developers" "the Python track is listed"
expect_screen "j/k move  Enter open  q quit" "the status line shows the keys"
tm send-keys -t t Enter
expect_screen "Lessons, in order:" "Enter opens a track"
expect_screen "1. Errors are values" "the track's lesson is listed"
tm send-keys -t t q
expect_screen "Choose a track:" "q goes back to the tracks"
tm send-keys -t t j Enter
expect_screen "Go for Python developers" "j then Enter opens the second track"
tm send-keys -t t Escape
expect_screen "Choose a track:" "Esc goes back"
tm resize-window -t t -x 50 -y 12
expect_screen "terminal too small (needs 60x16)" "a small terminal is refused clearly"
tm resize-window -t t -x 100 -y 30
expect_screen "Choose a track:" "growing the terminal redraws the tracks"
tm send-keys -t t q
expect_restored "quit with q" 0

start
expect_screen "Choose a track:" "the tutor starts again"
pid=$(pgrep -f "^$GOTUTOR\$" | head -n 1)
[ -n "$pid" ] && kill -TERM "$pid"
expect_restored "SIGTERM" 143

finish
