/*
 * test_class: the classroom directory: what init makes and refuses, the
 * roster's errors with their line and column, the state's atomic changes
 * (pace, announcements, solutions, freeze), joining, and the logs that
 * class_open flags because their owner is not who their name says.
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "class.h"
#include "xmalloc.h"

static char	*tmp;	/* a fresh folder for each test */
static char	*dir;	/* tmp/c: the class */

/* Remove one entry of the test folder. */
static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return (remove(path));
}

static int
setup(void **state)
{
	const char	*t = getenv("TMPDIR");

	(void)state;
	tmp = xasprintf("%s/class-test.XXXXXX", t != NULL && *t != '\0' ? t :
	    "/tmp");
	if (mkdtemp(tmp) == NULL)
		return (-1);
	dir = xasprintf("%s/c", tmp);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(tmp);
	free(dir);
	return (0);
}

/* Write text to tmp/name; return the path (free it). */
static char *
write_file(const char *name, const char *text)
{
	char	*path = xasprintf("%s/%s", tmp, name);
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return (path);
}

/* The mode bits of path. */
static unsigned
mode_of(const char *path)
{
	struct stat	st;

	assert_int_equal(lstat(path, &st), 0);
	return ((unsigned)(st.st_mode & 07777));
}

/* Init makes the folder with the documented modes and a first state. */
static void
test_init_modes(void **state)
{
	struct class_state	 s;
	char			*roster, *cause = NULL, *p;

	(void)state;
	roster = write_file("roster.csv", "login,name,email\n"
	    "ann,\"Lee, Ann\",ann@example.edu\n\n# a comment\nben,Ben,\n");
	assert_int_equal(class_init(dir, "java", roster, NULL, &cause), 0);
	assert_int_equal(mode_of(dir), 02751);
	p = xasprintf("%s/learners", dir);
	assert_int_equal(mode_of(p), 03753);
	free(p);
	p = xasprintf("%s/class.json", dir);
	assert_int_equal(mode_of(p), 0644);
	free(p);
	p = xasprintf("%s/roster.csv", dir);
	assert_int_equal(mode_of(p), 0640);
	free(p);
	assert_int_equal(class_read_state(dir, &s, &cause), 0);
	assert_string_equal(s.track, "java");
	assert_int_equal(s.pace, 1);
	assert_int_equal(s.frozen, 0);
	assert_int_equal(s.nannouncements, 0);
	class_state_free(&s);

	/* A class is made in a new folder only. */
	assert_int_equal(class_init(dir, "java", NULL, NULL, &cause), -1);
	assert_non_null(strstr(cause, "exists already"));
	free(cause);
	free(roster);
}

/* Each bad roster line is refused with its file, line and column, and
 * nothing is left behind. */
static void
test_roster_errors(void **state)
{
	static const struct {
		const char	*text;
		const char	*want;	/* after "PATH:" */
	} cases[] = {
		{ "ann,\"Lee, Ann,x\n", "1:5: a quote is not closed" },
		{ "ann,Ann\nBen,Ben\n", "2:1: 'Ben' is not a login" },
		{ "ann,Ann\nbob,Bob\nann,Ann again\n",
		    "3:1: ann is in the roster twice" },
		{ "ann,Ann,a@b,extra\n", "1: more than 3 fields" },
		{ "login,name\n\"ann\"x,A\n", "2:6: a quote is not closed" },
	};
	struct stat	 st;
	char		*roster, *cause, *want;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		roster = write_file("roster.csv", cases[i].text);
		cause = NULL;
		assert_int_equal(class_init(dir, "java", roster, NULL, &cause),
		    -1);
		want = xasprintf("%s:%s", roster, cases[i].want);
		if (strncmp(cause, want, strlen(want)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s...\"", i,
			    cause, want);
		assert_int_equal(stat(dir, &st), -1);
		free(want);
		free(cause);
		free(roster);
	}
}

/* A roster learner in the staff group would read every log: refused. */
static void
test_init_staff_learner(void **state)
{
	struct passwd	*pw = getpwuid(getuid());
	char		*roster, *text, *cause = NULL;

	(void)state;
	assert_non_null(pw);
	text = xasprintf("%s,Me\n", pw->pw_name);
	roster = write_file("roster.csv", text);
	/* The caller's primary group is the default staff group. */
	if (strspn(pw->pw_name, "abcdefghijklmnopqrstuvwxyz0123456789_.-") ==
	    strlen(pw->pw_name)) {
		assert_int_equal(class_init(dir, "java", roster, NULL, &cause),
		    -1);
		assert_non_null(strstr(cause, "whose members read every "
		    "learner's log"));
		free(cause);
	}
	free(text);
	free(roster);
}

/* The pace: absolute, relative, all, and out of range. */
static void
test_pace(void **state)
{
	struct class_state	 s;
	char			*cause = NULL;
	unsigned		 pace;

	(void)state;
	assert_int_equal(class_init(dir, "java", NULL, NULL, &cause), 0);
	assert_int_equal(class_set_pace(dir, 0, 3, 10, &pace, &cause), 0);
	assert_int_equal(pace, 3);
	assert_int_equal(class_set_pace(dir, 1, 2, 10, &pace, &cause), 0);
	assert_int_equal(pace, 5);
	assert_int_equal(class_set_pace(dir, 0, 11, 10, &pace, &cause), -1);
	assert_string_equal(cause, "the track has lessons 1 to 10, not 11");
	free(cause);
	assert_int_equal(class_read_state(dir, &s, &cause), 0);
	assert_int_equal(s.pace, 5);	/* a refused change changes nothing */
	class_state_free(&s);
	assert_int_equal(class_set_pace(dir, 1, 5, 10, &pace, &cause), 0);
	assert_int_equal(pace, 0);	/* all ten: every lesson */
	assert_int_equal(class_set_pace(dir, 1, 1, 10, &pace, &cause), 0);
	assert_int_equal(pace, 0);	/* still all */
	assert_int_equal(class_set_pace(dir, 0, 0, 10, &pace, &cause), 0);
	assert_int_equal(pace, 0);
}

/* Announcements keep the newest CLASS_MAX_ANNOUNCE; control characters
 * become spaces; empty and too long ones are refused. */
static void
test_announce(void **state)
{
	struct class_state	 s;
	char			*cause = NULL, text[64], big[CLASS_ANNOUNCE_MAX + 2];
	int			 i;

	(void)state;
	assert_int_equal(class_init(dir, "java", NULL, NULL, &cause), 0);
	for (i = 0; i < CLASS_MAX_ANNOUNCE + 5; i++) {
		snprintf(text, sizeof text, "note %d\tnow\n", i);
		assert_int_equal(class_post(dir, text, &cause), 0);
	}
	assert_int_equal(class_read_state(dir, &s, &cause), 0);
	assert_int_equal(s.nannouncements, CLASS_MAX_ANNOUNCE);
	assert_string_equal(s.announcements[0].text, "note 5 now ");
	assert_string_equal(s.announcements[CLASS_MAX_ANNOUNCE - 1].text,
	    "note 54 now ");
	assert_true(s.announcements[0].ts_ms > 0);
	class_state_free(&s);
	assert_int_equal(class_post(dir, "", &cause), -1);
	free(cause);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(class_post(dir, big, &cause), -1);
	free(cause);
}

/* Solutions and freezing round-trip through class.json. */
static void
test_solutions_freeze(void **state)
{
	struct class_state	 s;
	char			*cause = NULL;

	(void)state;
	assert_int_equal(class_init(dir, "java", NULL, NULL, &cause), 0);
	assert_int_equal(class_set_solution(dir, "defer", 1, &cause), 0);
	assert_int_equal(class_set_solution(dir, "maps", 1, &cause), 0);
	assert_int_equal(class_set_solution(dir, "defer", 1, &cause), 0);
	assert_int_equal(class_set_frozen(dir, 1, &cause), 0);
	assert_int_equal(class_read_state(dir, &s, &cause), 0);
	assert_int_equal(s.nsolutions, 2);
	assert_true(class_solution_allowed(&s, "defer"));
	assert_true(class_solution_allowed(&s, "maps"));
	assert_false(class_solution_allowed(&s, "loops"));
	assert_true(s.frozen);
	class_state_free(&s);
	assert_int_equal(class_set_solution(dir, "defer", 0, &cause), 0);
	assert_int_equal(class_set_frozen(dir, 0, &cause), 0);
	assert_int_equal(class_read_state(dir, &s, &cause), 0);
	assert_false(class_solution_allowed(&s, "defer"));
	assert_true(class_solution_allowed(&s, "maps"));
	assert_false(s.frozen);
	class_state_free(&s);
}

/* A damaged class.json says what is wrong with it. */
static void
test_bad_state(void **state)
{
	static const struct {
		const char	*json;
		const char	*want;
	} cases[] = {
		{ "[]", "it is not a JSON object" },
		{ "{\"version\":2,\"track\":\"java\",\"pace\":1}",
		    "its version is not 1" },
		{ "{\"version\":1,\"pace\":1}", "it names no track" },
		{ "{\"version\":1,\"track\":\"java\",\"pace\":-1}",
		    "its pace is not a number of lessons" },
		{ "{\"version\":1,\"track\":\"java\",\"pace\":1,"
		    "\"announcements\":[{\"ts\":1}]}",
		    "an announcement lacks its ts or text" },
	};
	struct class_state	 s;
	char			*cause = NULL, *path, *want;
	size_t			 i;
	FILE			*f;

	(void)state;
	assert_int_equal(class_init(dir, "java", NULL, NULL, &cause), 0);
	path = xasprintf("%s/class.json", dir);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		f = fopen(path, "w");
		assert_non_null(f);
		fputs(cases[i].json, f);
		fclose(f);
		assert_int_equal(class_read_state(dir, &s, &cause), -1);
		want = xasprintf("%s: %s", path, cases[i].want);
		if (strncmp(cause, want, strlen(want)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, cause,
			    want);
		free(want);
		free(cause);
	}
	free(path);
	assert_int_equal(class_read_state(tmp, &s, &cause), -1);
	assert_non_null(strstr(cause, "is not a class"));
	free(cause);
}

/* Joining makes LOGIN.log, 0640 whatever the umask; joining again finds
 * it; a log of that name that is someone else's, or a link, is refused. */
static void
test_join(void **state)
{
	char	*cause = NULL, *path, *again, *target, *last, *text;
	size_t	 len;
	mode_t	 old;

	(void)state;
	assert_int_equal(class_init(dir, "java", NULL, NULL, &cause), 0);
	old = umask(077);
	path = class_join(dir, &cause);
	umask(old);
	assert_non_null(path);
	assert_int_equal(mode_of(path), 0640);
	again = class_join(dir, &cause);
	assert_non_null(again);
	assert_string_equal(path, again);
	free(again);

	/* The last check: none yet, then what was saved. */
	assert_int_equal(class_read_last(dir, class_login(&cause), &text, &len,
	    &cause), -1);
	assert_string_equal(cause, "no check yet");
	free(cause);
	assert_int_equal(class_save_last(dir, "{\"x\":1}", 7, &cause), 0);
	assert_int_equal(class_read_last(dir, class_login(&cause), &text, &len,
	    &cause), 0);
	assert_string_equal(text, "{\"x\":1}");
	free(text);

	/* A symbolic link where the log should be. */
	assert_int_equal(unlink(path), 0);
	target = xasprintf("%s/elsewhere", tmp);
	assert_int_equal(symlink(target, path), 0);
	assert_null(class_join(dir, &cause));
	assert_non_null(strstr(cause, "is not yours"));
	free(cause);
	assert_int_equal(access(target, F_OK), -1);	/* never made */

	/* Someone else's file (only root can make one for the test): the
	 * log, or the last check, that another learner made first. */
	if (geteuid() == 0) {
		assert_int_equal(unlink(path), 0);
		close(open(path, O_CREAT | O_WRONLY, 0640));
		assert_int_equal(chown(path, 65534, 65534), 0);
		assert_null(class_join(dir, &cause));
		assert_non_null(strstr(cause, "is not yours"));
		free(cause);
		assert_int_equal(unlink(path), 0);
		last = xasprintf("%s/learners/%s.last.json", dir,
		    class_login(&cause));
		assert_int_equal(chown(last, 65534, 65534), 0);
		assert_null(class_join(dir, &cause));
		assert_non_null(strstr(cause, ".last.json is not yours"));
		free(cause);
		/* And the dashboard does not trust it. */
		assert_int_equal(class_read_last(dir, class_login(&cause), &text,
		    &len, &cause), -1);
		assert_non_null(strstr(cause, "not trusted"));
		free(cause);
		free(last);
	}
	free(target);
	free(path);
}

/* class_open: learners from the roster and from learners/, sorted; a log
 * whose owner is not its name, or that is a link, is flagged; other files
 * are warned about. */
static void
test_open_flags(void **state)
{
	struct class		*c;
	struct passwd		*pw = getpwuid(geteuid());
	char			*roster, *cause = NULL, *p, *mine;
	size_t			 i;
	int			 flagged_link = 0, junk = 0;

	(void)state;
	roster = write_file("roster.csv", "zoe,Zoe Z,zoe@example.edu\n"
	    "amy,Amy A,\n");
	assert_int_equal(class_init(dir, "java", roster, "root", &cause) == 0 ||
	    geteuid() != 0, 1);
	if (geteuid() != 0)
		assert_int_equal(class_init(dir, "java", roster, NULL, &cause),
		    0);
	mine = class_join(dir, &cause);
	assert_non_null(mine);
	/* amy.log, made by whoever runs the test: not amy's. */
	p = xasprintf("%s/learners/amy.log", dir);
	close(open(p, O_CREAT | O_WRONLY, 0640));
	free(p);
	p = xasprintf("%s/learners/link.log", dir);
	assert_int_equal(symlink(mine, p), 0);
	free(p);
	p = xasprintf("%s/learners/notes.txt", dir);
	close(open(p, O_CREAT | O_WRONLY, 0640));
	free(p);

	assert_int_equal(class_open(dir, &c, &cause), 0);
	for (i = 1; i < c->nlearners; i++)
		assert_true(strcmp(c->learners[i - 1].login,
		    c->learners[i].login) < 0);
	for (i = 0; i < c->nlearners; i++) {
		if (strcmp(c->learners[i].login, "amy") == 0) {
			assert_string_equal(c->learners[i].name, "Amy A");
			assert_null(c->learners[i].email);
			assert_non_null(c->learners[i].flag);
			assert_non_null(strstr(c->learners[i].flag,
			    "the log belongs to"));
		} else if (strcmp(c->learners[i].login, "zoe") == 0) {
			assert_string_equal(c->learners[i].email,
			    "zoe@example.edu");
			assert_null(c->learners[i].log);	/* not joined */
			assert_null(c->learners[i].flag);
		} else if (strcmp(c->learners[i].login, "link") == 0) {
			assert_non_null(c->learners[i].flag);
			assert_non_null(strstr(c->learners[i].flag,
			    "not a regular file"));
			flagged_link = 1;
		} else if (strcmp(c->learners[i].login, pw->pw_name) == 0) {
			assert_null(c->learners[i].flag);
			assert_int_equal(c->learners[i].uid, geteuid());
		}
	}
	assert_true(flagged_link);
	for (i = 0; i < c->nwarnings; i++)
		if (strstr(c->warnings[i], "notes.txt: not a learner's log"))
			junk = 1;
	assert_true(junk);
	class_free(c);
	free(mine);
	free(roster);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_init_modes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roster_errors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_init_staff_learner, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_pace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_announce, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_solutions_freeze, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_state, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_join, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_flags, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
