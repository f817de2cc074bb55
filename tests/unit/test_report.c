/*
 * test_report: the report's aggregation against figures computed by hand
 * from the fixture logs in tests/fixtures/report (their events are listed
 * in the comments below), and every warning of bad input with its
 * FILE:LINE.
 */

#include <sys/stat.h>

#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "class.h"
#include "lesson.h"
#include "load.h"
#include "report.h"
#include "xmalloc.h"

#define DIR	FIXTURES "/report"
#define S	1000ULL
#define DAY	(86400 * S)
#define T0	1717200000000ULL	/* 2024-06-01 00:00:00 UTC */

static struct library	 lib;
static struct report	*rep;

/* Load the fixture track. */
static void
load_lib(void)
{
	struct problems	pb;

	memset(&lib, 0, sizeof lib);
	problems_init(&pb);
	load_path(&lib, DIR "/track", &pb);
	assert_int_equal(pb.n, 0);
	problems_free(&pb);
	assert_int_equal(lib.ntracks, 1);
}

/*
 * The cohort: alice.log and alice2.log (both alice's: three duplicates
 * and one new hint), bob.log, carol.log (bad input of every kind) and
 * erin.log (empty), on 2024-06-10.
 */
static int
setup(void **state)
{
	struct report_builder	*b;
	struct report_opts	 opts;
	char			*cause;

	(void)state;
	load_lib();
	b = report_builder_new(&lib);
	assert_int_equal(report_add_log(b, DIR "/alice.log", NULL, &cause),
	    0);
	assert_int_equal(report_add_log(b, DIR "/alice2.log", "alice",
	    &cause), 0);
	assert_int_equal(report_add_log(b, DIR "/bob.log", NULL, &cause), 0);
	assert_int_equal(report_add_log(b, DIR "/carol.log", NULL, &cause),
	    0);
	assert_int_equal(report_add_log(b, DIR "/erin.log", NULL, &cause),
	    0);
	memset(&opts, 0, sizeof opts);
	opts.now_ms = T0 + 9 * DAY;
	rep = report_build(b, &opts);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	report_free(rep);
	rep = NULL;
	library_free(&lib);
	return (0);
}

/* The learner login. */
static const struct report_learner *
learner(const char *login)
{
	size_t	i;

	for (i = 0; i < rep->nlearners; i++) {
		if (strcmp(rep->learners[i].login, login) == 0)
			return (&rep->learners[i]);
	}
	fail_msg("no learner %s", login);
	return (NULL);
}

/* The lessons, learners, events and duplicates. */
static void
test_totals(void **state)
{
	(void)state;
	assert_int_equal(rep->nlessons, 4);
	assert_string_equal(rep->lessons[0].lesson->id, "l1");
	assert_string_equal(rep->lessons[3].lesson->id, "l4");
	assert_int_equal(rep->nlearners, 4);
	assert_string_equal(rep->learners[0].login, "alice");
	assert_string_equal(rep->learners[1].login, "bob");
	assert_string_equal(rep->learners[2].login, "carol");
	assert_string_equal(rep->learners[3].login, "erin");
	/* alice 15, bob 11, carol 6 (of 11 good records), erin 0. */
	assert_int_equal(rep->events, 32);
	assert_int_equal(rep->duplicates, 3);
	assert_int_equal(rep->now_ms, T0 + 9 * DAY);
	assert_int_equal(rep->inactive_days, 7);
}

/*
 * alice: l1 open 0s, fail (compile-error) 60s, hint 0 at 120s, hint 1 at
 * 150s (alice2.log), pass and passed at 180s; l2 open 200s, fail
 * (ignored-error, wrong-output) 260s, fail (ignored-error) 2060s after a
 * 30-minute gap, pass and passed 2120s; l3 next day: open, fail (panic)
 * +100s, solution +200s, pass +300s.
 */
static void
test_alice(void **state)
{
	const struct report_learner	*l = learner("alice");
	const struct report_cell	*c;

	(void)state;
	assert_int_equal(l->nsources, 2);
	assert_null(l->flag);
	assert_int_equal(l->events, 15);
	assert_int_equal(l->passed, 3);
	assert_int_equal(l->attempts, 7);
	assert_int_equal(l->hints, 2);
	assert_int_equal(l->solutions, 1);
	assert_int_equal(l->first_ms, T0);
	assert_int_equal(l->last_ms, T0 + DAY + 300 * S);
	/* 180 s + 120 s (the 30-minute gap left out) + 300 s. */
	assert_int_equal(l->time_ms, 600 * S);
	assert_int_equal(l->reached, 3);
	assert_true(l->inactive);	/* 8 days before now */

	c = &l->cells[0];
	assert_int_equal(c->status, PROGRESS_PASSED);
	assert_int_equal(c->events, 6);
	assert_int_equal(c->attempts, 2);
	assert_int_equal(c->failed, 1);
	assert_int_equal(c->hints, 2);
	assert_int_equal(c->pass_attempts, 2);
	assert_int_equal(c->passed_ms, T0 + 180 * S);
	assert_int_equal(c->time_ms, 180 * S);
	assert_int_equal(c->fails[CAT_COMPILE_ERROR], 1);
	c = &l->cells[1];
	assert_int_equal(c->attempts, 3);
	assert_int_equal(c->failed, 2);
	assert_int_equal(c->pass_attempts, 3);
	assert_int_equal(c->time_ms, 120 * S);
	assert_int_equal(c->fails[CAT_IGNORED_ERROR], 2);
	assert_int_equal(c->fails[CAT_WRONG_OUTPUT], 1);
	assert_int_equal(c->last_category, CAT_IGNORED_ERROR);
	c = &l->cells[2];
	assert_true(c->solution);
	assert_int_equal(c->time_ms, 300 * S);
	assert_int_equal(c->pass_attempts, 2);
	assert_int_equal(l->cells[3].events, 0);
	assert_int_equal(l->cells[3].status, PROGRESS_NEW);

	/* Failures: ignored-error 2, then 1 each in category order. */
	assert_int_equal(l->ntop, 4);
	assert_int_equal(l->top[0].category, CAT_IGNORED_ERROR);
	assert_int_equal(l->top[0].n, 2);
	assert_int_equal(l->top[1].category, CAT_COMPILE_ERROR);
	assert_int_equal(l->top[2].category, CAT_PANIC);
	assert_int_equal(l->top[3].category, CAT_WRONG_OUTPUT);
	assert_int_equal(l->kinds[REPORT_KIND_SYNTAX], 1);
	assert_int_equal(l->kinds[REPORT_KIND_TOOLCHAIN], 2);
	assert_int_equal(l->kinds[REPORT_KIND_CONCURRENCY], 0);
	assert_int_equal(l->kinds[REPORT_KIND_RUNTIME], 2);

	/* errors: l2 and l4; collections: l3; concurrency: l4. */
	assert_int_equal(l->profile[REPORT_AXIS_ERRORS].total, 2);
	assert_int_equal(l->profile[REPORT_AXIS_ERRORS].passed, 1);
	assert_int_equal(l->profile[REPORT_AXIS_ERRORS].attempts, 3);
	assert_int_equal(l->profile[REPORT_AXIS_ERRORS].failed, 2);
	assert_int_equal(l->profile[REPORT_AXIS_COLLECTIONS].total, 1);
	assert_int_equal(l->profile[REPORT_AXIS_COLLECTIONS].passed, 1);
	assert_int_equal(l->profile[REPORT_AXIS_COLLECTIONS].failed, 1);
	assert_int_equal(l->profile[REPORT_AXIS_CONCURRENCY].total, 1);
	assert_int_equal(l->profile[REPORT_AXIS_CONCURRENCY].passed, 0);
	assert_int_equal(l->profile[REPORT_AXIS_CONCURRENCY].attempts, 0);
}

/*
 * bob: l1 open 1000s, fails at 1100s (compile-error, vet), 1200s and
 * 1300s (compile-error), pass 1400s; l4 open 1500s, fails at 1600s
 * (deadlock, goroutine-leak) and 1700s (data-race), hints 0 and 2 at
 * 1750s and 1760s, never passed. carol: l1 passed at the first check,
 * l2 too; erin: nothing.
 */
static void
test_others(void **state)
{
	const struct report_learner	*l = learner("bob");

	(void)state;
	assert_int_equal(l->passed, 1);
	assert_int_equal(l->attempts, 6);
	assert_int_equal(l->hints, 3);
	assert_int_equal(l->solutions, 0);
	assert_int_equal(l->reached, 1);
	/* 400 s on l1; l4 from its first to its last event: 260 s. */
	assert_int_equal(l->cells[0].time_ms, 400 * S);
	assert_int_equal(l->cells[3].time_ms, 260 * S);
	assert_int_equal(l->cells[3].status, PROGRESS_ATTEMPTED);
	assert_int_equal(l->cells[3].hints, 3);
	assert_int_equal(l->time_ms, 660 * S);
	assert_int_equal(l->kinds[REPORT_KIND_SYNTAX], 3);
	assert_int_equal(l->kinds[REPORT_KIND_TOOLCHAIN], 1);
	assert_int_equal(l->kinds[REPORT_KIND_CONCURRENCY], 3);
	assert_int_equal(l->kinds[REPORT_KIND_RUNTIME], 0);
	assert_int_equal(l->top[0].category, CAT_COMPILE_ERROR);
	assert_int_equal(l->top[0].n, 3);
	assert_int_equal(l->profile[REPORT_AXIS_ERRORS].attempts, 2);
	assert_int_equal(l->profile[REPORT_AXIS_ERRORS].failed, 2);
	assert_int_equal(l->profile[REPORT_AXIS_CONCURRENCY].failed, 2);
	assert_true(l->inactive);

	l = learner("carol");
	assert_int_equal(l->events, 6);
	assert_int_equal(l->passed, 2);
	assert_int_equal(l->reached, 2);
	assert_int_equal(l->cells[0].time_ms, 50 * S);
	assert_int_equal(l->cells[1].time_ms, 30 * S);
	assert_int_equal(l->ntop, 0);
	assert_false(l->inactive);	/* 7 days less 140 s before now */

	l = learner("erin");
	assert_int_equal(l->events, 0);
	assert_int_equal(l->last_ms, 0);
	assert_int_equal(l->reached, 0);
	assert_true(l->inactive);
}

/* Per lesson: medians of odd and even counts, and the struggle points. */
static void
test_lessons(void **state)
{
	const struct report_lesson	*l;

	(void)state;
	/* l1: alice (2 checks, 180 s), bob (4, 400 s), carol (1, 50 s). */
	l = &rep->lessons[0];
	assert_int_equal(l->started, 3);
	assert_int_equal(l->passed, 3);
	assert_true(l->pass_rate == 1.0);
	assert_true(l->median_attempts == 2.0);
	assert_true(l->median_time_ms == 180000.0);
	assert_int_equal(l->attempts, 7);
	assert_int_equal(l->fails[CAT_COMPILE_ERROR], 4);	/* not rt/gone's */
	assert_int_equal(l->fails[CAT_VET], 1);
	assert_int_equal(l->ntop, 2);
	assert_int_equal(l->top[0].category, CAT_COMPILE_ERROR);
	assert_int_equal(l->axes, 0);
	/* l2: alice (3, 120 s), carol (1, 30 s). */
	l = &rep->lessons[1];
	assert_int_equal(l->started, 2);
	assert_true(l->median_attempts == 2.0);
	assert_true(l->median_time_ms == 75000.0);
	assert_int_equal(l->axes, 1u << REPORT_AXIS_ERRORS);
	/* l4: bob only, not passed. */
	l = &rep->lessons[3];
	assert_int_equal(l->started, 1);
	assert_int_equal(l->passed, 0);
	assert_true(l->pass_rate == 0.0);
	assert_true(l->median_attempts == 0.0);
	assert_int_equal(l->hints, 3);
	assert_int_equal(l->axes, (1u << REPORT_AXIS_ERRORS) |
	    (1u << REPORT_AXIS_CONCURRENCY));

	/* 10 x (started - passed) / (started + 1) + checks per learner:
	 * l4 10 x 1/2 + 2 = 7; l1 0 + 7/3; l2 0 + 4/2 = 2; l3 0 + 2/1 = 2
	 * (a tie: lesson order). */
	assert_true(rep->lessons[3].struggle == 7.0);
	assert_true(rep->lessons[0].struggle > 2.333 &&
	    rep->lessons[0].struggle < 2.334);
	assert_int_equal(rep->nstruggle, 4);
	assert_int_equal(rep->struggle[0], 3);
	assert_int_equal(rep->struggle[1], 0);
	assert_int_equal(rep->struggle[2], 1);
	assert_int_equal(rep->struggle[3], 2);
}

/* The funnel, the days and the cohort's failures. */
static void
test_cohort(void **state)
{
	(void)state;
	/* reached: alice 3, bob 1, carol 2, erin 0. */
	assert_int_equal(rep->funnel[0], 4);
	assert_int_equal(rep->funnel[1], 3);
	assert_int_equal(rep->funnel[2], 2);
	assert_int_equal(rep->funnel[3], 1);
	assert_int_equal(rep->funnel[4], 0);

	assert_int_equal(rep->ndays, 3);
	assert_int_equal(rep->days[0].day_ms, T0);
	assert_int_equal(rep->days[0].events, 22);
	assert_int_equal(rep->days[0].learners, 2);
	assert_int_equal(rep->days[0].passes, 3);
	assert_int_equal(rep->days[1].day_ms, T0 + DAY);
	assert_int_equal(rep->days[1].events, 4);
	assert_int_equal(rep->days[1].learners, 1);
	assert_int_equal(rep->days[1].passes, 1);
	assert_int_equal(rep->days[2].events, 6);
	assert_int_equal(rep->days[2].passes, 2);

	assert_int_equal(rep->fails[CAT_COMPILE_ERROR], 4);
	assert_int_equal(rep->fails[CAT_IGNORED_ERROR], 2);
	assert_int_equal(rep->fails[CAT_DEADLOCK], 1);
	assert_int_equal(rep->fails[CAT_DATA_RACE], 1);
	assert_int_equal(rep->fails[CAT_TIMEOUT], 0);
}

/* Every bad line of carol.log, with its line. */
static void
test_warnings(void **state)
{
	(void)state;
	assert_int_equal(rep->nwarnings, 5);
	assert_string_equal(rep->warnings[0], DIR "/carol.log:4: bad "
	    "checksum; skipped it");
	assert_string_equal(rep->warnings[1], DIR "/carol.log:12: the last "
	    "record is torn (40 bytes, from a crash or a full disk); skipped "
	    "it");
	assert_string_equal(rep->warnings[2], DIR "/carol.log:7: unknown "
	    "event \"note\"; skipped it");
	assert_string_equal(rep->warnings[3], DIR "/carol.log:5: lesson "
	    "rt/gone is not in the track (was it renamed or removed?); its "
	    "events are left out");
	assert_string_equal(rep->warnings[4], DIR "/carol.log:11: lesson "
	    "nope/l1 is not in the track (was it renamed or removed?); its "
	    "events are left out");
}

/* A log given twice is all duplicates; a missing one is a warning. */
static void
test_twice(void **state)
{
	struct report_builder	*b;
	struct report_opts	 opts;
	struct report		*r;
	char			*cause = NULL;

	(void)state;
	load_lib();
	b = report_builder_new(&lib);
	assert_int_equal(report_add_log(b, DIR "/bob.log", NULL, &cause), 0);
	assert_int_equal(report_add_log(b, DIR "/bob.log", NULL, &cause), 0);
	assert_int_equal(report_add_log(b, DIR "/nobody.log", NULL, &cause),
	    -1);
	assert_string_equal(cause, "cannot open " DIR "/nobody.log: No such "
	    "file or directory");
	free(cause);
	memset(&opts, 0, sizeof opts);
	opts.now_ms = T0 + DAY;
	opts.inactive_days = 30;
	r = report_build(b, &opts);
	assert_int_equal(r->nlearners, 1);
	assert_int_equal(r->events, 11);
	assert_int_equal(r->duplicates, 11);
	assert_int_equal(r->nlessons, 2);	/* l1 and l4 */
	assert_int_equal(r->learners[0].nsources, 2);
	assert_false(r->learners[0].inactive);
	assert_int_equal(r->nwarnings, 1);
	assert_string_equal(r->warnings[0], "cannot open " DIR "/nobody.log: "
	    "No such file or directory");
	assert_int_equal(r->funnel[0], 1);
	assert_int_equal(r->funnel[1], 1);
	assert_int_equal(r->funnel[2], 0);
	report_free(r);
	library_free(&lib);
}

/* Copy the file at from to to. */
static void
copy(const char *from, const char *to)
{
	char	 buf[8192];
	FILE	*in, *out;
	size_t	 n;

	assert_non_null(in = fopen(from, "r"));
	assert_non_null(out = fopen(to, "w"));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/*
 * A class: its roster's names, its logs, and a log that is not its
 * learner's own flagged. The log named after the user running the test is
 * theirs; bob.log, also theirs, is not bob's.
 */
static void
test_class(void **state)
{
	struct report_builder		*b;
	struct report_opts		 opts;
	struct report			*r;
	struct passwd			*pw;
	const struct report_learner	*bob = NULL, *me = NULL;
	char				 tmp[] = "/tmp/rpt.XXXXXX", *cls, *roster;
	char				*path, *cause = NULL, *want, *cmd;
	FILE				*f;
	size_t				 i;

	(void)state;
	assert_non_null(pw = getpwuid(getuid()));
	assert_non_null(mkdtemp(tmp));
	cls = xasprintf("%s/class", tmp);
	roster = xasprintf("%s/roster.csv", tmp);
	assert_non_null(f = fopen(roster, "w"));
	fprintf(f, "login,name,email\nbob,Bob Builder,bob@example.com\n");
	fclose(f);
	if (class_init(cls, "rt", roster, NULL, &cause) != 0)
		fail_msg("class_init: %s", cause);
	path = xasprintf("%s/learners/bob.log", cls);
	copy(DIR "/bob.log", path);
	free(path);
	path = xasprintf("%s/learners/%s.log", cls, pw->pw_name);
	copy(DIR "/alice.log", path);
	free(path);

	load_lib();
	b = report_builder_new(&lib);
	assert_int_equal(report_add_class(b, cls, &cause), 0);
	memset(&opts, 0, sizeof opts);
	opts.now_ms = T0 + DAY;
	r = report_build(b, &opts);
	assert_int_equal(r->nlearners, 2);
	for (i = 0; i < r->nlearners; i++) {
		if (strcmp(r->learners[i].login, "bob") == 0)
			bob = &r->learners[i];
		if (strcmp(r->learners[i].login, pw->pw_name) == 0)
			me = &r->learners[i];
	}
	assert_non_null(bob);
	assert_non_null(me);
	assert_string_equal(report_learner_name(bob), "Bob Builder");
	assert_string_equal(bob->email, "bob@example.com");
	assert_string_equal(report_learner_name(me), pw->pw_name);
	assert_null(me->flag);
	assert_int_equal(me->passed, 3);
	want = xasprintf("the log belongs to %s (uid %u), not to bob",
	    pw->pw_name, (unsigned)getuid());
	if (strcmp(pw->pw_name, "bob") != 0) {
		assert_non_null(bob->flag);
		assert_string_equal(bob->flag, want);
	}
	/* Flagged: listed with their own figures, but not in the cohort's. */
	assert_int_equal(bob->passed, 1);
	assert_int_equal(r->events, 14 + 11);
	if (bob->flag != NULL) {
		assert_int_equal(r->funnel[0], 1);
		assert_int_equal(r->lessons[0].started, 1);
		assert_int_equal(r->lessons[0].passed, 1);
	}
	free(want);
	want = xasprintf("%s/learners/bob.log: the log belongs to %s (uid "
	    "%u), not to bob: not trusted", cls, pw->pw_name,
	    (unsigned)getuid());
	for (i = 0; i < r->nwarnings; i++) {
		if (strcmp(r->warnings[i], want) == 0)
			break;
	}
	assert_true(i < r->nwarnings);
	free(want);
	report_free(r);

	/* A class that is not one. */
	b = report_builder_new(&lib);
	assert_int_equal(report_add_class(b, tmp, &cause), -1);
	free(cause);
	r = report_build(b, &opts);
	assert_int_equal(r->nwarnings, 1);
	assert_int_equal(r->nlearners, 0);
	assert_int_equal(r->nlessons, 0);
	assert_int_equal(r->ndays, 0);
	assert_int_equal(r->funnel[0], 0);
	report_free(r);
	library_free(&lib);

	cmd = xasprintf("rm -rf '%s'", tmp);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(cls);
	free(roster);
}

/* The kinds of failure, and the formats by name. */
static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(report_kind_of(CAT_COMPILE_ERROR), REPORT_KIND_SYNTAX);
	assert_int_equal(report_kind_of(CAT_VET), REPORT_KIND_TOOLCHAIN);
	assert_int_equal(report_kind_of(CAT_IGNORED_ERROR),
	    REPORT_KIND_TOOLCHAIN);
	assert_int_equal(report_kind_of(CAT_IDIOM_TRAP), REPORT_KIND_TOOLCHAIN);
	assert_int_equal(report_kind_of(CAT_GOROUTINE_LEAK),
	    REPORT_KIND_CONCURRENCY);
	assert_int_equal(report_kind_of(CAT_DEADLOCK), REPORT_KIND_CONCURRENCY);
	assert_int_equal(report_kind_of(CAT_DATA_RACE),
	    REPORT_KIND_CONCURRENCY);
	assert_int_equal(report_kind_of(CAT_TOO_SLOW), REPORT_KIND_CONCURRENCY);
	assert_int_equal(report_kind_of(CAT_PANIC), REPORT_KIND_RUNTIME);
	assert_int_equal(report_kind_of(CAT_TIMEOUT), REPORT_KIND_RUNTIME);
	assert_ptr_equal(report_format_find("json"), &report_json);
	assert_ptr_equal(report_format_find("md"), &report_md);
	assert_ptr_equal(report_format_find("text"), &report_text);
	assert_null(report_format_find("xml"));
}

/* Fitting text in columns. */
static void
test_columns(void **state)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	(void)state;
	assert_int_equal(report_width("h\xc3\xa9llo"), 5);
	assert_non_null(f = open_memstream(&buf, &len));
	report_put(f, "abcdef", 4, 0);
	fputc('|', f);
	report_put(f, "ab", 4, 1);
	fputc('|', f);
	report_put(f, "\xc3\xa9t\xc3\xa9", 4, 0);
	fputc('|', f);
	report_wrap(f, "> ", "  ", "one two three fourfivesixseven", 10);
	fclose(f);
	assert_string_equal(buf, "abc~|  ab|\xc3\xa9t\xc3\xa9 |> one two\n"
	    "  three\n  fourfive\n  sixseven\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_totals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_others, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lessons, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cohort, setup, teardown),
		cmocka_unit_test_setup_teardown(test_warnings, setup,
		    teardown),
		cmocka_unit_test(test_twice),
		cmocka_unit_test(test_class),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_columns),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
