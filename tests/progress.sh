#!/bin/sh
# progress.sh: the progress log survives what a machine does to it, run by
# make check:
#  - on one log, 1000 times (PROGRESS_ROUNDS), tests/progress/writer appends
#    events, printing "ack N" once event N is acknowledged, and is killed
#    with SIGKILL at a random moment (PROGRESS_SEED picks them); after each
#    kill the log must load, hold every acknowledged event in order, and
#    never lose an event once seen; every 100th round gotutor progress
#    --json --file must agree;
#  - the log cut at random bytes of its last record: gotutor progress skips
#    it, warns once, repairs the log, and the log takes new events;
#  - a full disk, on a small tmpfs mounted here (skipped, saying so, where
#    mount fails) and on /dev/full: a clear error, nothing acknowledged
#    lost, the log clean, and appending works again once there is room.
TEST_PREFIX=progress-test
. "$top_srcdir/tests/lib.sh"
writer=${PROGRESS_WRITER:-${GOTUTOR%/src/gotutor}/tests/progress/writer}
rounds=${PROGRESS_ROUNDS:-1000}
seed=${PROGRESS_SEED:-$(date +%s)}
if [ ! -x "$writer" ]; then
	echo "FAIL: no $writer (make tests/progress/writer builds it)"
	exit 1
fi
small=$TMPDIR_TEST/small
mounted=
trap '[ -z "$mounted" ] || umount "$small"; rm -rf "$TMPDIR_TEST"' EXIT

# now_ms: the time in ms.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# 1. Killed at random, 1000 times.
log=$TMPDIR_TEST/crash.log
awk -v n="$rounds" -v seed="$seed" 'BEGIN { srand(seed)
	for (i = 0; i < n; i++) printf "%.4f\n", rand() * 0.004 }' \
    >"$TMPDIR_TEST/delays"
acked=0		# events acknowledged so far
seen=0		# events seen in the log so far: none may go
unacked=0	# rounds killed after a write, before its ack
torn=0		# rounds that found a torn record
bad=
round=0
start=$(now_ms)
# Only builtins but for the writer and sleep: a round takes a few ms.
while read -r delay; do
	round=$((round + 1))
	"$writer" crash "$log" 25 >"$TMPDIR_TEST/acks" 2>"$TMPDIR_TEST/werr" &
	pid=$!
	sleep "$delay"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	st=$?
	if [ "$st" != 137 ]; then
		bad="round $round: the writer exited $st, not killed: $(cat "$TMPDIR_TEST/werr")"
		break
	fi
	k=0
	while read -r word last; do
		acked=$((last + 1))
		k=$((k + 1))
	done <"$TMPDIR_TEST/acks"
	if ! "$writer" verify "$log" "$acked" >"$TMPDIR_TEST/vout" \
	    2>"$TMPDIR_TEST/verr"; then
		bad="round $round: $(cat "$TMPDIR_TEST/verr")"
		break
	fi
	read -r n rest <"$TMPDIR_TEST/vout"
	if [ "$n" -lt "$seen" ]; then
		bad="round $round: $n events, but $seen were there before"
		break
	fi
	[ $((n - seen)) = "$k" ] || unacked=$((unacked + 1))
	seen=$n
	if [ -s "$TMPDIR_TEST/werr" ] || [ -s "$TMPDIR_TEST/verr" ]; then
		if grep -v 'the last record was torn' "$TMPDIR_TEST/werr" \
		    "$TMPDIR_TEST/verr" | grep -q .; then
			bad="round $round: a warning other than a torn record: $(cat "$TMPDIR_TEST/werr" "$TMPDIR_TEST/verr")"
			break
		fi
		torn=$((torn + 1))
	fi
	if [ $((round % 100)) = 0 ]; then
		run "$GOTUTOR" progress --json --file "$log"
		case $status:$out in
		0:*"\"attempts\": $n,"*) ;;
		*)	bad="round $round: gotutor progress --json --file: exit $status, want $n attempts: $err"
			break;;
		esac
	fi
done <"$TMPDIR_TEST/delays"
took=$(($(now_ms) - start))
if [ -z "$bad" ]; then
	ok "killed $round times at random (seed $seed) in $took ms: every acknowledged event is there, in order ($acked acknowledged; $unacked kills after a write and before its ack; $torn torn records cut off)"
else
	not_ok "killed at random (seed $seed): $bad"
fi
[ "$round" = "$rounds" ] || not_ok "only $round of $rounds rounds ran"

# 2. The last record cut at random bytes.
cp "$log" "$TMPDIR_TEST/whole.log"
size=$(wc -c <"$log")
lastlen=$(tail -n 1 "$log" | wc -c)
from=$((size - lastlen))	# where the last record starts
cuts=$(awk -v a=$((from + 1)) -v b=$((size - 1)) -v seed="$seed" 'BEGIN {
	srand(seed); printf "%d %d", a, b
	for (i = 0; i < 8; i++) printf " %d", a + int(rand() * (b - a + 1)) }')
for cut in $cuts; do
	head -c "$cut" "$TMPDIR_TEST/whole.log" >"$TMPDIR_TEST/cut.log"
	run "$GOTUTOR" progress --json --file "$TMPDIR_TEST/cut.log"
	expect_status 1 "cut at byte $cut of $size: a warning"
	expect_err "the last record was torn ($((cut - from)) bytes at byte $from" "cut at byte $cut: the torn record is named"
	expect_out "\"attempts\": $((n - 1))," "cut at byte $cut: every earlier event is there"
	expect_eq "$(wc -c <"$TMPDIR_TEST/cut.log")" "$from" "cut at byte $cut: the torn record is cut off"
	run "$GOTUTOR" progress --json --file "$TMPDIR_TEST/cut.log"
	expect_status 0 "cut at byte $cut: warned once"
	"$writer" append "$TMPDIR_TEST/cut.log" 1 >/dev/null
	"$writer" verify "$TMPDIR_TEST/cut.log" "$n" >"$TMPDIR_TEST/vout" 2>&1
	expect_eq "$(cat "$TMPDIR_TEST/vout")" "$n events, 0 warnings" "cut at byte $cut: the log takes a new event"
done

# 3. A full disk: a 64 KiB tmpfs with a filler file beside the log.
mkdir "$small"
if mount -t tmpfs -o size=64k,mode=0700 progress-test "$small" \
    2>"$TMPDIR_TEST/merr"; then
	mounted=1
	head -c 8192 /dev/zero >"$small/filler"
	"$writer" append "$small/progress.log" 100000 >"$TMPDIR_TEST/acks" \
	    2>"$TMPDIR_TEST/werr"
	st=$?
	last=$(sed -n '$s/^ack //p' "$TMPDIR_TEST/acks")
	acked=$((${last:--1} + 1))
	err=$(cat "$TMPDIR_TEST/werr")
	expect_eq "$st" 1 "a full disk: the writer fails ($acked events acknowledged)"
	case $err in
	*"cannot write $small/progress.log: No space left on device"*|*"cannot write $small/progress.log: wrote "*" bytes (is the disk full?)"*)
		ok "a full disk: the error says so";;
	*)	not_ok "a full disk: unclear error: $err";;
	esac
	"$writer" verify "$small/progress.log" "$acked" >"$TMPDIR_TEST/vout" 2>&1
	expect_eq "$(cat "$TMPDIR_TEST/vout")" "$acked events, 0 warnings" "a full disk: every acknowledged event is there, and no part of the failed one"
	run "$GOTUTOR" progress --json --file "$small/progress.log"
	expect_status 0 "a full disk: gotutor progress reads the log clean"
	expect_out "\"attempts\": $acked," "a full disk: gotutor progress counts every event"
	run "$writer" append "$small/new/progress.log" 1
	expect_status 1 "a full disk: a new log cannot be made"
	case $err in
	*"No space left on device"*) ok "a full disk: a new log says why";;
	*)	not_ok "a full disk: unclear error for a new log: $err";;
	esac
	rm "$small/filler"
	"$writer" append "$small/progress.log" 3 >/dev/null 2>&1
	"$writer" verify "$small/progress.log" $((acked + 3)) >"$TMPDIR_TEST/vout" 2>&1
	expect_eq "$(cat "$TMPDIR_TEST/vout")" "$((acked + 3)) events, 0 warnings" "a full disk: with room again, the log takes events"
	umount "$small" && mounted=
else
	echo "SKIP: cannot mount a small tmpfs ($(cat "$TMPDIR_TEST/merr")): the full-disk test on a real file system is skipped"
fi

# 4. The acknowledgement, seen by strace: the log opened with O_APPEND;
# each record one write(2), then fsync(2) of the log, before its "ack";
# the new log's folder synced before the first.
if command -v strace >/dev/null 2>&1 &&
    strace -o /dev/null true >/dev/null 2>&1; then
	dir=$TMPDIR_TEST/new/dir
	strace -s 48 -e trace=openat,write,fsync,fdatasync -o "$TMPDIR_TEST/trace" \
	    "$writer" append "$dir/progress.log" 3 >/dev/null 2>&1
	got=$(awk -v logp="\"$dir/progress.log\"" -v dir="\"$dir\"" '
	function fd_of(line) { sub(/.*= /, "", line); return line + 0 }
	index($0, "openat(AT_FDCWD, " logp ", ") && / = [0-9]+$/ {
		fd = fd_of($0); if ($0 !~ /O_APPEND/) bad = bad " no-O_APPEND" }
	index($0, "openat(AT_FDCWD, " dir ", ") && /O_DIRECTORY/ { dirfd = fd_of($0) }
	$0 ~ "^fsync\\(" dirfd "\\)" && / = 0$/ && dirfd != "" { dirsynced = 1 }
	fd != "" && $0 ~ "^write\\(" fd ", " { writes++; synced = 0 }
	fd != "" && $0 ~ "^fsync\\(" fd "\\)" && / = 0$/ && writes { synced = 1 }
	/^write\(1, "ack / {
		acks++
		if (writes != 1) bad = bad " ack" acks ":" writes "-writes"
		if (!synced) bad = bad " ack" acks ":not-synced"
		if (!dirsynced) bad = bad " ack" acks ":folder-not-synced"
		writes = 0; synced = 0 }
	END { printf "%d acks%s\n", acks, bad }' "$TMPDIR_TEST/trace")
	expect_eq "$got" "3 acks" "each record is one write(2) on O_APPEND, synced (and its new folder) before its ack"
else
	echo "SKIP: strace cannot run here: the write-and-sync order is not checked"
fi
run "$writer" append /dev/full 1
expect_status 1 "/dev/full: the writer fails"
expect_err "cannot write /dev/full: No space left on device" "/dev/full: the error says so"

finish
