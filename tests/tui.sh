#!/bin/sh
# tui.sh: the real tutor in a real terminal (tmux): it draws the tracks,
# opens one, refuses a terminal too small, quits on q and on SIGTERM, and
# leaves the terminal as it found it. Then a learner's session on the
# fixture track: a lesson, its help, a check that finds a leak, watch mode
# passing a saved solution, the editor, and a check cancelled mid-run.
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
"$GOTUTOR" "\$@"
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
	tm -f /dev/null new-session -d -s t -x "${COLS_:-80}" -y "${LINES_:-24}" \
	    "TERM=xterm-256color TUI_TEST_TAG=$$ GOTUTOR_WORKSPACE=$ws XDG_DATA_HOME=$TMPDIR_TEST/data EDITOR=$TMPDIR_TEST/editor.sh $TMPDIR_TEST/session.sh $*"
}
ws=$TMPDIR_TEST/ws

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
expect_screen "j/k move  Enter open  q quit  ? help" "the status line shows the keys"
tm send-keys -t t Enter
expect_screen "1. new       Hello, packages and main" "Enter opens a track, and lists its first lesson"
expect_screen "go1.21" "the lesson says the Go it needs"
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

# A learner's session on the fixture track (the third track).
track=$top_srcdir/tests/detect/track
cat >"$TMPDIR_TEST/editor.sh" <<'SH'
#!/bin/sh
# An editor that writes the right answer into the file it is given.
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n' >"$1"
SH
chmod +x "$TMPDIR_TEST/editor.sh"
COLS_=120 LINES_=40 start --tracks "$track"
expect_screen "Check fixtures" "the fixture track is listed"
tm send-keys -t t j j Enter
expect_screen "1. new       Exact output" "the fixture track opens"
tm send-keys -t t Enter
expect_screen "The idiom" "Enter opens the lesson"
expect_screen "Java" "the idiom shows the learner's language"
expect_screen "Your file: $ws/checks/exact-output/main.go" "the lesson names the learner's file"
if [ -f "$ws/checks/exact-output/main.go" ] && grep -q "TODO" "$ws/checks/exact-output/main.go"; then
	ok "the starter file is copied into the workspace"
else
	not_ok "the starter file is copied into the workspace"
fi
tm send-keys -t t '?'
expect_screen "r            check your file now" "? shows the lesson's keys"
tm send-keys -t t q
expect_screen "The idiom" "q closes the help"
tm send-keys -t t Tab
expect_screen "Python" "Tab shows the idiom in the other language"
tm send-keys -t t r
expect_screen "FAIL  checks/exact-output" "r checks the starter and it fails"
expect_screen "-hello, world" "the result shows the output's diff"
tm send-keys -t t q w
expect_screen "watch mode on" "w turns watch mode on"
expect_screen "FAIL  checks/exact-output" "watch mode checks at once"
tm send-keys -t t q
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n' >"$ws/checks/exact-output/main.go.tmp"
mv "$ws/checks/exact-output/main.go.tmp" "$ws/checks/exact-output/main.go"
expect_screen "PASS  checks/exact-output" "saving the file by rename checks it, and it passes"
tm send-keys -t t q w
expect_screen "watch mode off" "w again turns watch mode off"

# e runs $EDITOR on the file; r then passes.
printf 'package main\n\nfunc main() {}\n' >"$ws/checks/exact-output/main.go"
tm send-keys -t t e
sleep 0.5
tm send-keys -t t r
expect_screen "PASS  checks/exact-output" "e runs the editor, whose file then passes"

# A leak, with its line.
tm send-keys -t t q q
expect_screen "1. passed    Exact output" "back on the lessons, the lesson is marked passed"
tm send-keys -t t G k k k k Enter
expect_screen "First answer wins" "the leak lesson opens"
tm send-keys -t t r
expect_screen "main.go:6: goroutine-leak" "the starter's leak is found at its line"
expect_screen "chan send" "the leak names the goroutines' state"

# A check that never ends is cancelled, and the tutor still answers.
tm send-keys -t t q
printf 'package main\n\nimport "time"\n\nfunc main() { time.Sleep(time.Hour) }\n' >"$ws/checks/leak-detector/main.go"
tm send-keys -t t r
expect_screen "checking leak-detector" "a running check shows its stage"
tm send-keys -t t k
expect_screen "check cancelled" "k cancels the check"
tm send-keys -t t '?'
expect_screen "Everywhere" "the tutor still answers keys after a cancel"
tm send-keys -t t q q q q q
expect_restored "the learner's session" 0
# A check is a child of the tutor, with its environment: none may be left.
left=$(grep -l "TUI_TEST_TAG=$$" /proc/[0-9]*/environ 2>/dev/null | grep -v "/proc/$$/" | while read -r f; do
	p=${f#/proc/}; p=${p%/environ}
	tr '\0' ' ' </proc/$p/cmdline 2>/dev/null | grep -q "^$GOTUTOR" && echo "$p"
done)
if [ -n "$left" ]; then
	not_ok "no check is left running: $left"
else
	ok "no check is left running"
fi

# The next start reopens the last lesson, and the lessons show progress.
COLS_=120 LINES_=40 start --tracks "$track"
expect_screen "First answer wins" "the tutor reopens where the learner left off"
tm send-keys -t t q
expect_screen "1. passed    Exact output" "a passed lesson is marked so"
expect_screen "8. attempted First answer wins" "a failed one is marked attempted"
tm send-keys -t t q
expect_screen "1/12 passed" "the track shows its progress"
tm send-keys -t t q
expect_restored "the second session" 0
run env XDG_DATA_HOME="$TMPDIR_TEST/data" "$GOTUTOR" progress
expect_out "exact-output" "gotutor progress lists the lessons the tutor recorded"

# Hints, the solution, reset and the next lesson, in a workspace given on
# the command line.
ws2=$TMPDIR_TEST/ws2
COLS_=120 LINES_=40 start --tracks "$track" --workspace "$ws2"
expect_screen "First answer wins" "the tutor reopens the last lesson again"
tm send-keys -t t h
expect_screen "hint 1 of" "h shows the first hint"
if [ -f "$ws2/checks/leak-detector/main.go" ]; then
	ok "--workspace moves the exercises"
else
	not_ok "--workspace moves the exercises"
fi
tm send-keys -t t r
expect_screen "FAIL  checks/leak-detector" "the starter fails"
tm send-keys -t t s
expect_screen "the solution shows once you pass" "s refuses the solution before a pass"
tm send-keys -t t q
cat >"$ws2/checks/leak-detector/main.go" <<'GO'
package main

import "fmt"

func ask(out chan string) {
	out <- "42"
}

func main() {
	results := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go ask(results)
	}
	fmt.Println("answer:", <-results)
}
GO
tm send-keys -t t r
expect_screen "PASS  checks/leak-detector" "a buffered channel passes"
tm send-keys -t t s
expect_screen "The reference solution" "s shows the solution after a pass"
tm send-keys -t t q x
expect_screen "press x again" "x asks before it resets"
tm send-keys -t t x
expect_screen "reset; your files are in $ws2/checks/leak-detector.bak-" "x x resets, keeping a backup"
if grep -q "make(chan string, 3)" "$ws2"/checks/leak-detector.bak-*/main.go &&
    ! grep -q "make(chan string, 3)" "$ws2/checks/leak-detector/main.go"; then
	ok "the backup holds the learner's file, the workspace the starter"
else
	not_ok "the backup holds the learner's file, the workspace the starter"
fi
tm send-keys -t t n
expect_screen "Ignored errors and vet" "n opens the next lesson"
tm send-keys -t t q q q
expect_restored "the third session" 0
run env XDG_DATA_HOME="$TMPDIR_TEST/data" "$GOTUTOR" progress --json
expect_out '"hints": 1' "the hint shown is recorded"
expect_out '"solution": true' "the solution shown is recorded"

finish
