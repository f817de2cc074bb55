#!/bin/sh
# class.sh: a class's permissions, with real users. The instructor makes
# the class; two learners join it through the tutor (headless, a screen
# script); then one learner tries everything she should not be able to do
# to the other's work and to the class, and each attempt must fail. The
# staff read every log. Last, what class init refuses. Needs root (it
# makes users, removed at exit); no jail is started.
TEST_PREFIX=cls
. "$top_srcdir/tests/lib.sh"
CLASS_USERS=gtc
. "$top_srcdir/tests/class-users.sh"
trap 'class_users_remove; rm -rf "$TMPDIR_TEST"' EXIT

# as USER CMD...: run CMD as USER, in their home, with their own progress
# log (~/.local/share/gotutor) and workspace (~/gotutor).
as() {
	_u=$1
	shift
	(cd / && runuser -u "$_u" -- env -u XDG_DATA_HOME -u GOTUTOR_WORKSPACE \
	    HOME="$TMPDIR_TEST/home-${_u#"$CLASS_USERS"-}" LANG=C.UTF-8 \
	    TERM=xterm-256color NO_COLOR=1 "$@")
}

# expect_fail NAME: the last run failed (a denied attempt).
expect_fail() {
	if [ "$status" != 0 ]; then ok "$1 (exit $status)"; else
		not_ok "$1: it succeeded"
		printf '  stdout: %s\n  stderr: %s\n' "$out" "$err"
	fi
}

# expect_mode PATH MODE NAME
expect_mode() {
	expect_eq "$(stat -c %a "$1" 2>&1)" "$2" "$3 is mode $2"
}

# The instructor's own folder, which everyone may pass through.
home=$TMPDIR_TEST/srv
mkdir "$home"
chown "$ivy:" "$home"
chmod 755 "$home"
d=$home/go101
l=$d/learners
roster=$TMPDIR_TEST/roster.csv
printf 'login,name,email\n%s,"Lee, Ann",ann@example.edu\n%s,Ben Okafor,ben@example.edu\n' \
    "$ann" "$ben" >"$roster"
chmod 644 "$roster"

# --- What init refuses. ---------------------------------------------------

bad=$TMPDIR_TEST/bad.csv
try_roster() {
	printf "$1" >"$bad"
	chmod 644 "$bad"
	run as "$ivy" "$GOTUTOR" class init "$home/bad" --track java \
	    --roster "$bad" --group "$staff"
}
try_roster "login,name,email\n$ann,\"Lee, Ann,ann@example.edu\n"
expect_status 2 "init refuses a roster with an unterminated quote"
expect_err "$bad:2:" "the unterminated quote is named by FILE:LINE"
expect_eq "$(printf '%s\n' "$err" | grep -c "^gotutor class: $bad:2:[0-9][0-9]*: ")" 1 \
    "the unterminated quote is named by FILE:LINE:COL"
try_roster "login,name,email\n$ann,Ann,ann@x\nAnn Lee,Ann,ann@y\n"
expect_status 2 "init refuses a roster with a bad login"
expect_err "$bad:3:1: 'Ann Lee' is not a login" "the bad login is named by FILE:LINE:COL"
try_roster "$ann,Ann,a@x\n\n$ben,Ben,b@x\n$ann,Ann again,a@y\n"
expect_status 2 "init refuses a roster with a learner twice"
expect_err "$bad:4:1: $ann is in the roster twice" "the duplicate is named by FILE:LINE:COL"
try_roster "$ann,Ann,a@x\n$tom,Tom,t@x\n"
expect_status 2 "init refuses a roster learner who is in the staff group"
expect_err "$tom is in the group $staff" "the learner in the staff group is named"
if [ -e "$home/bad" ]; then
	not_ok "a refused init leaves no folder behind"
else
	ok "a refused init leaves no folder behind"
fi

# --- The class. -----------------------------------------------------------

run as "$ivy" "$GOTUTOR" class init "$d" --track java --roster "$roster" \
    --group "$staff"
expect_status 0 "the instructor makes the class"
expect_out "gotutor --class $d" "init says how learners join"
run as "$ivy" "$GOTUTOR" class init "$d" --track java --group "$staff"
expect_status 2 "init refuses a folder that exists"
expect_err "exists already" "init says the folder exists"

expect_mode "$d" 2751 "DIR"
expect_mode "$l" 3753 "DIR/learners"
expect_mode "$d/class.json" 644 "DIR/class.json"
expect_mode "$d/roster.csv" 640 "DIR/roster.csv"
expect_eq "$(stat -c %U:%G "$d" "$l" "$d/class.json" "$d/roster.csv" | sort -u)" \
    "$ivy:$staff" "the class's files are the instructor's, group $staff"

# --- The learners join, through the tutor. --------------------------------

dumps=$TMPDIR_TEST/dumps
mkdir "$dumps"
chmod 733 "$dumps"
# join USER: the tutor in the class opens the track and its first lesson,
# then quits; "open" goes to the class's log.
join() {
	_n=${1#"$CLASS_USERS"-}
	cat >"$TMPDIR_TEST/join-$_n.script" <<EOF
size 120 30
keys Enter j
dump $dumps/$_n-lessons
keys Enter
dump $dumps/$_n-locked
keys k Enter
dump $dumps/$_n-lesson
EOF
	chmod 644 "$TMPDIR_TEST/join-$_n.script"
	run as "$1" env GOTUTOR_SCREEN_SCRIPT="$TMPDIR_TEST/join-$_n.script" \
	    "$GOTUTOR" --class "$d"
}

# A log that someone else made first is refused; the instructor removes it.
run as "$ann" sh -c ": >'$l/$ben.log'"
expect_status 0 "a learner can make a file in learners/ (setup)"
join "$ben"
expect_status 2 "a learner whose log another made is refused"
expect_err "$l/$ben.log is not yours" "the refusal names the log"
run as "$ann" rm -f "$l/$ben.log"
expect_status 0 "the maker of a log can remove it (setup)"
# So is a last check that someone else made first: the dashboard would
# show it as the learner's, and the learner could never replace it.
run as "$ann" sh -c "printf '{\"forged\":1}' >'$l/$ben.last.json'"
expect_status 0 "a learner can make another's last check (setup)"
join "$ben"
expect_status 2 "a learner whose last check another made is refused"
expect_err "$l/$ben.last.json is not yours" "the refusal names the last check"
run as "$ann" rm -f "$l/$ben.last.json"
expect_status 0 "the maker of a last check can remove it (setup)"

join "$ann"
expect_status 0 "ann joins the class (the tutor runs)"
join "$ben"
expect_status 0 "ben joins the class (the tutor runs)"
expect_eq "$(grep -c '^ *[0-9]*\. locked ' "$dumps/ann-lessons")" 25 \
    "ann sees every lesson on the screen but the first locked"
if grep -q "Lesson 2 is locked: the instructor has opened lesson 1 so far" "$dumps/ann-lessons"; then
	ok "ann is told why lesson 2 is locked"
else
	not_ok "ann is told why lesson 2 is locked"; sed 's/^/  | /' "$dumps/ann-lessons"
fi
if grep -q "Variables, := and zero values" "$dumps/ann-locked" &&
    grep -q "Hello, packages and main" "$dumps/ann-locked"; then
	ok "ann cannot open lesson 2"
else
	not_ok "ann cannot open lesson 2"; sed 's/^/  | /' "$dumps/ann-locked"
fi
if grep -q "Hello, packages and main" "$dumps/ann-lesson"; then
	ok "ann opens the first lesson"
else
	not_ok "ann opens the first lesson"; sed 's/^/  | /' "$dumps/ann-lesson"
fi
for u in "$ann" "$ben"; do
	n=${u#"$CLASS_USERS"-}
	expect_mode "$l/$u.log" 640 "$n's class log"
	expect_eq "$(stat -c %U:%G "$l/$u.log")" "$u:$staff" \
	    "$n's class log is $n's, group $staff"
	if grep -q '"ev":"open","track":"java","lesson":"hello-packages"' "$l/$u.log"; then
		ok "$n's opening of the lesson is in the class log"
	else
		not_ok "$n's opening of the lesson is in the class log"
		sed 's/^/  | /' "$l/$u.log"
	fi
	if grep -q '"ev":"open","track":"java","lesson":"hello-packages"' \
	    "$TMPDIR_TEST/home-$n/.local/share/gotutor/progress.log" 2>/dev/null; then
		ok "$n's opening of the lesson is in their own log too"
	else
		not_ok "$n's opening of the lesson is in their own log too"
	fi
done

# What ben's tutor leaves after a check (class_save_last: a temporary file
# renamed over LOGIN.last.json, mode 0640); made here without a jail.
run as "$ben" sh -c "umask 077 && printf '{\"lesson\":\"hello-packages\"}' >'$l/.$ben.last.json.t' && chmod 640 '$l/.$ben.last.json.t' && mv '$l/.$ben.last.json.t' '$l/$ben.last.json'"
expect_status 0 "ben leaves a last check (setup)"
expect_eq "$(stat -c %a:%U:%G "$l/$ben.last.json")" "640:$ben:$staff" \
    "ben's last check is 640, his, group $staff"

# --- What ann cannot do. --------------------------------------------------

sum() { cat "$@" | md5sum; }
before=$(sum "$l/$ben.log" "$l/$ben.last.json" "$d/class.json" "$d/roster.csv")

run as "$ann" ls "$l"
expect_fail "ann cannot list learners/"
expect_err "Permission denied" "listing learners/ is denied"
run as "$ann" ls "$d"
expect_fail "ann cannot list the class folder"
run as "$ann" cat "$l/$ben.log"
expect_fail "ann cannot read ben's log"
run as "$ann" cat "$l/$ben.last.json"
expect_fail "ann cannot read ben's last check"
run as "$ann" sh -c "echo '{\"v\":1}' >>'$l/$ben.log'"
expect_fail "ann cannot append to ben's log"
run as "$ann" truncate -s 0 "$l/$ben.log"
expect_fail "ann cannot truncate ben's log"
run as "$ann" mv "$l/$ben.log" "$l/$ann.stolen"
expect_fail "ann cannot rename ben's log"
run as "$ann" mv -f "$l/$ann.log" "$l/$ben.log"
expect_fail "ann cannot rename her log over ben's"
run as "$ann" rm -f "$l/$ben.log"
expect_fail "ann cannot delete ben's log"
run as "$ann" rm -f "$l/$ben.last.json"
expect_fail "ann cannot delete ben's last check"
run as "$ann" chmod 666 "$l/$ben.log"
expect_fail "ann cannot chmod ben's log"
run as "$ann" ln "$l/$ben.log" "$l/$ann.link"
expect_fail "ann cannot hard-link ben's log"
run as "$ann" sh -c "echo '{}' >'$d/class.json'"
expect_fail "ann cannot write class.json"
run as "$ann" touch "$d/mine"
expect_fail "ann cannot make a file in the class folder"
run as "$ann" cat "$d/roster.csv"
expect_fail "ann cannot read the roster"
for sub in "pace $d 2" "announce $d hello from ann" "freeze $d"; do
	# shellcheck disable=SC2086
	run as "$ann" "$GOTUTOR" class $sub
	expect_status 2 "ann cannot run class ${sub%% *}"
	expect_err "only the class's instructor may change it" \
	    "class ${sub%% *} says only the instructor may"
done
run as "$ann" "$GOTUTOR" class status "$d"
expect_status 2 "ann cannot run class status"
expect_err "only the class's instructor and its staff group may" \
    "class status says only the staff may"
expect_eq "$(sum "$l/$ben.log" "$l/$ben.last.json" "$d/class.json" "$d/roster.csv")" \
    "$before" "ben's log and last check, class.json and the roster are unchanged"
expect_eq "$(stat -c %a "$l/$ben.log")" 640 "ben's log is still 640"
if [ -e "$l/$ann.stolen" ] || [ -e "$l/$ann.link" ] || [ -e "$d/mine" ]; then
	not_ok "ann's attempts left nothing behind"
else
	ok "ann's attempts left nothing behind"
fi

# A log under another's name is made but never trusted.
cat=$CLASS_USERS-cat
eve=$CLASS_USERS-eve
run as "$ann" sh -c "printf '' >'$l/$cat.log' && ln -s '$l/$ben.log' '$l/$eve.log'"
expect_status 0 "ann can make files in learners/ under other names (setup)"
run as "$ivy" "$GOTUTOR" class status "$d" --json
expect_status 1 "class status finds something wrong"
flag_of() {
	printf '%s\n' "$out" | python3 -c '
import json, sys
for l in json.load(sys.stdin)["learners"]:
    if l["login"] == sys.argv[1]:
        print(l["flag"])' "$1"
}
case $(flag_of "$cat") in
*"belongs to $ann"*) ok "$cat.log, made by ann, is flagged as ann's";;
*) not_ok "$cat.log, made by ann, is flagged as ann's: $(flag_of "$cat")";;
esac
case $(flag_of "$eve") in
*"not a regular file"*) ok "$eve.log, ann's link to ben's log, is flagged";;
*) not_ok "$eve.log, ann's link to ben's log, is flagged: $(flag_of "$eve")";;
esac
expect_eq "$(flag_of "$ann"),$(flag_of "$ben")" "None,None" "ann and ben are not flagged"
case $out in *"\"warnings\": ["*"$l/$cat.log: the log belongs to $ann"*) ok "the warnings name $cat.log and its owner";;
*) not_ok "the warnings name $cat.log and its owner"; printf '%s\n' "$out";;
esac
expect_err "$cat.log: the log belongs to $ann" "status says so on stderr too"
run as "$ivy" rm -f "$l/$cat.log" "$l/$eve.log"
expect_status 0 "the instructor removes the untrusted logs"

# --- The staff. -----------------------------------------------------------

for u in "$ivy" "$tom"; do
	n=${u#"$CLASS_USERS"-}
	run as "$u" cat "$l/$ann.log" "$l/$ben.log" "$l/$ben.last.json" "$d/roster.csv"
	expect_status 0 "$n reads every log, last check and the roster"
	run as "$u" ls "$l"
	expect_status 0 "$n lists learners/"
	run as "$u" "$GOTUTOR" class status "$d"
	expect_status 0 "$n runs class status"
	expect_out "2 learners:" "$n's status counts two learners"
	expect_out "$ann " "$n's status shows ann"
	expect_out "$ben " "$n's status shows ben"
	expect_out "hello-packages" "$n's status shows the lesson they are on"
done
run as "$tom" sh -c "echo '{}' >'$d/class.json'"
expect_fail "the assistant cannot write class.json"
run as "$ivy" "$GOTUTOR" class pace "$d" 0
expect_status 2 "class pace 0 is refused, not taken for every lesson"
expect_err "'0' is not a number of lessons" "class pace 0 says why"
run as "$ivy" "$GOTUTOR" class pace "$d" 2
expect_status 0 "the instructor sets the pace"
run as "$ivy" "$GOTUTOR" class status "$d" --json
expect_out '"pace": 2' "the pace is 2"
expect_mode "$d/class.json" 644 "class.json, replaced,"
expect_eq "$(stat -c %U:%G "$d/class.json")" "$ivy:$staff" \
    "class.json, replaced, is the instructor's, group $staff"
expect_mode "$d/.lock" 600 "DIR/.lock"

finish
