# class-users.sh: real users for the classroom tests, sourced by
# tests/class.sh and tests/classroom.sh after tests/lib.sh.
#
# Set CLASS_USERS to a short prefix first (each test its own, so that the
# two may run at once). It makes the learners $P-ann and $P-ben, the
# instructor $P-ivy and the teaching assistant $P-tom, and the staff group
# $P-staff (ivy and tom, no learner); each user's home is a folder of the
# test. class_users_remove (run by the EXIT trap) deletes them all.
# Without root or useradd the test is skipped (exit 77).

: "${CLASS_USERS:?set CLASS_USERS to a user name prefix first}"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: the classroom tests make real users: run them as root"
	exit 77
fi
for c in useradd userdel groupadd groupdel runuser; do
	if ! command -v "$c" >/dev/null 2>&1; then
		echo "SKIP: $c is missing: the classroom tests make real users"
		exit 77
	fi
done

ann=$CLASS_USERS-ann
ben=$CLASS_USERS-ben
ivy=$CLASS_USERS-ivy
tom=$CLASS_USERS-tom
staff=$CLASS_USERS-staff

# retry CMD...: the shadow tools refuse while another holds their lock.
retry() {
	_i=0
	while ! "$@" 2>"$TMPDIR_TEST/retry.err"; do
		_i=$((_i + 1))
		if [ $_i -ge 20 ] || ! grep -qi "lock" "$TMPDIR_TEST/retry.err"; then
			cat "$TMPDIR_TEST/retry.err" >&2
			return 1
		fi
		sleep 0.2
	done
}

class_users_remove() {
	for _u in "$ann" "$ben" "$ivy" "$tom"; do
		id "$_u" >/dev/null 2>&1 && retry userdel -f "$_u" >/dev/null
		getent group "$_u" >/dev/null 2>&1 && retry groupdel "$_u"
	done
	getent group "$staff" >/dev/null 2>&1 && retry groupdel "$staff"
	return 0
}

# Users left by a test that was killed go first.
class_users_remove
# Others reach the test's folder (users' homes and the class are in it).
chmod 711 "$TMPDIR_TEST"
retry groupadd "$staff" || { echo "cannot make the group $staff"; exit 99; }
for _u in "$ann" "$ben" "$ivy" "$tom"; do
	_home=$TMPDIR_TEST/home-${_u#"$CLASS_USERS"-}
	_groups=
	case $_u in "$ivy"|"$tom") _groups="-G $staff";; esac
	# shellcheck disable=SC2086
	if ! retry useradd -M -d "$_home" -s /bin/sh $_groups "$_u"; then
		echo "cannot make the user $_u"
		class_users_remove
		exit 99
	fi
	mkdir -p "$_home"
	chown "$_u:" "$_home"
	chmod 700 "$_home"
done
