/*
 * check: judge one run against a lesson, one ops struct per kind of check.
 * See check.h.
 */

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "expect.h"
#include "xmalloc.h"

const char *const check_status_names[] = {
	[CHECK_PASS] = "pass",
	[CHECK_FAIL] = "fail",
	[CHECK_SKIPPED] = "skipped",
};

/* What a check sees. */
struct check_ctx {
	struct outcome		*o;
	const struct lesson	*l;		/* NULL for play */
	const struct runner_result *r;
	enum leak_status	 leaks;
	const char		*leaks_why;
};

struct check_ops {
	const char	*name;
	enum category	 category;	/* what a failure is called */
	int		 detector;	/* the lesson decides if it blocks */
	int		 lesson_only;	/* needs a lesson's expectations */
	enum check_status (*judge)(struct check_ctx *, char **);
};

/* Did the program run to an end of its own (an exit, not a stop)? */
static int
ran(const struct runner_result *r)
{
	return (r->stage == RUNNER_RAN && (r->run.verdict == JAIL_OK ||
	    r->run.verdict == JAIL_EXIT));
}

/* Is there a finding of any of the categories in set? */
static int
have(const struct findings *fs, unsigned set)
{
	size_t	i;

	for (i = 0; i < fs->n; i++) {
		if (set & (1u << fs->v[i].category))
			return (1);
	}
	return (0);
}

static enum check_status
judge_build(struct check_ctx *c, char **why)
{
	if (c->r->stage == RUNNER_BUILD_FAILED)
		return (CHECK_FAIL);
	(void)why;
	return (CHECK_PASS);
}

#define CRASHES ((1u << CAT_PANIC) | (1u << CAT_DEADLOCK) | \
	(1u << CAT_TIMEOUT) | (1u << CAT_MEMORY_LIMIT) | \
	(1u << CAT_OUTPUT_LIMIT) | (1u << CAT_SANDBOX_VIOLATION))

/* The program ended by itself, without a panic or a fatal error. */
static enum check_status
judge_run(struct check_ctx *c, char **why)
{
	if (c->r->stage != RUNNER_RAN) {
		*why = xstrdup("it was not built");
		return (CHECK_SKIPPED);
	}
	if (!ran(c->r) || have(&c->o->fs, CRASHES))
		return (CHECK_FAIL);
	if (c->r->run.verdict == JAIL_EXIT && c->r->run.exit_code == 2 &&
	    strstr(c->r->run.err, "\nfatal error: ") != NULL)
		return (CHECK_FAIL);
	return (CHECK_PASS);
}

static enum check_status
judge_exit_code(struct check_ctx *c, char **why)
{
	int	want = c->l->exercise.expect.exit_code;

	if (!ran(c->r)) {
		*why = xstrdup("the program did not end by itself");
		return (CHECK_SKIPPED);
	}
	if (c->r->run.exit_code == want)
		return (CHECK_PASS);
	if (have(&c->o->fs, CRASHES | (1u << CAT_DATA_RACE)) &&
	    c->r->run.exit_code == 2) {
		/* The crash is the finding; its status 2 says nothing. */
		*why = xstrdup("the program crashed");
		return (CHECK_SKIPPED);
	}
	findings_add(&c->o->fs, CAT_WRONG_EXIT_CODE, NULL, 0, "the program "
	    "exited with status %d; the lesson expects %d",
	    c->r->run.exit_code, want);
	c->o->fs.v[c->o->fs.n - 1].explanation = xstrdup(want == 0 ?
	    "A Go program exits 0 when main returns. os.Exit(n) and "
	    "log.Fatal end it at once with another status, and skip every "
	    "deferred call." : "A Go program only exits with another status "
	    "through os.Exit(n) (or log.Fatal, which exits 1): returning "
	    "from main exits 0, unlike Python's sys.exit or Java's "
	    "System.exit, which the runtime calls for you on an uncaught "
	    "exception.");
	return (CHECK_FAIL);
}

static enum check_status
judge_output(struct check_ctx *c, char **why)
{
	const struct expect	*e = &c->l->exercise.expect;
	char			*diff = NULL;
	int			 r;

	if (e->output == NULL)
		return (CHECK_SKIPPED);
	if (!ran(c->r)) {
		*why = xstrdup("the program did not end by itself");
		return (CHECK_SKIPPED);
	}
	r = expect_output(e->match, e->output, c->r->run.out,
	    c->r->run.out_len, &diff);
	if (r == 1)
		return (CHECK_PASS);
	findings_add(&c->o->fs, CAT_WRONG_OUTPUT, NULL, 0, "the output is "
	    "not what the lesson expects (compared %s)",
	    match_names[e->match]);
	c->o->fs.v[c->o->fs.n - 1].explanation = diff;
	return (CHECK_FAIL);
}

/* How long main ran: the harness's figure, else the whole run's. */
static unsigned
main_ms(const struct runner_result *r)
{
	const char	*p;

	if (r->run.side != NULL &&
	    (p = strstr(r->run.side, "\nmain-us ")) != NULL)
		return ((unsigned)(strtoull(p + 9, NULL, 10) / 1000));
	return (r->run.wall_ms);
}

static enum check_status
judge_time(struct check_ctx *c, char **why)
{
	unsigned	max = c->l->exercise.expect.max_wall_ms, took;

	if (max == 0)
		return (CHECK_SKIPPED);
	if (!ran(c->r)) {
		*why = xstrdup("the program did not end by itself");
		return (CHECK_SKIPPED);
	}
	if ((took = main_ms(c->r)) <= max)
		return (CHECK_PASS);
	findings_add(&c->o->fs, CAT_TOO_SLOW, NULL, 0, "main took %u ms; the "
	    "lesson allows %u ms", took, max);
	c->o->fs.v[c->o->fs.n - 1].explanation = xstrdup("Work that waits "
	    "(on I/O, a sleep, another service) runs one piece after "
	    "another unless you start goroutines: ten 100 ms tasks take a "
	    "second in a loop, and about 100 ms side by side. Start one "
	    "goroutine per task, as you would submit them to an "
	    "ExecutorService or asyncio.gather them, and wait for all of "
	    "them with a sync.WaitGroup or a channel.");
	return (CHECK_FAIL);
}

static enum check_status
judge_leaks(struct check_ctx *c, char **why)
{
	switch (c->leaks) {
	case LEAKS_CLEAN:
		return (CHECK_PASS);
	case LEAKS_FOUND:
		return (CHECK_FAIL);
	default:
		*why = xstrdup(c->leaks_why != NULL ? c->leaks_why :
		    c->r->harness_why != NULL ? c->r->harness_why :
		    "the program did not run");
		return (CHECK_SKIPPED);
	}
}

/* A detector whose findings the diagnosis made already. */
static enum check_status
judge_found(struct check_ctx *c, enum category cat, int ran_it,
    const char *why_not, char **why)
{
	if (have(&c->o->fs, 1u << cat))
		return (CHECK_FAIL);
	if (c->r->stage != RUNNER_RAN && cat != CAT_IDIOM_TRAP) {
		*why = xstrdup("the program does not build");
		return (CHECK_SKIPPED);
	}
	if (!ran_it) {
		*why = xstrdup(why_not != NULL ? why_not : "it did not run");
		return (CHECK_SKIPPED);
	}
	return (CHECK_PASS);
}

static enum check_status
judge_vet(struct check_ctx *c, char **why)
{
	return (judge_found(c, CAT_VET, c->r->have_vet, c->r->errcheck_why !=
	    NULL ? c->r->errcheck_why : "go vet did not run", why));
}

static enum check_status
judge_errors(struct check_ctx *c, char **why)
{
	return (judge_found(c, CAT_IGNORED_ERROR, c->r->have_errcheck,
	    c->r->errcheck_why, why));
}

static enum check_status
judge_race(struct check_ctx *c, char **why)
{
	return (judge_found(c, CAT_DATA_RACE, c->r->have_race, c->r->race_why,
	    why));
}

static enum check_status
judge_traps(struct check_ctx *c, char **why)
{
	return (judge_found(c, CAT_IDIOM_TRAP, 1, NULL, why));
}

static const struct check_ops checks[] = {
	{ .name = "build", .category = CAT_COMPILE_ERROR,
	  .judge = judge_build },
	{ .name = "run", .category = CAT_PANIC, .judge = judge_run },
	{ .name = "exit-code", .category = CAT_WRONG_EXIT_CODE,
	  .lesson_only = 1, .judge = judge_exit_code },
	{ .name = "output", .category = CAT_WRONG_OUTPUT, .lesson_only = 1,
	  .judge = judge_output },
	{ .name = "max-wall", .category = CAT_TOO_SLOW, .lesson_only = 1,
	  .judge = judge_time },
	{ .name = "goroutine-leak", .category = CAT_GOROUTINE_LEAK,
	  .detector = 1, .judge = judge_leaks },
	{ .name = "ignored-error", .category = CAT_IGNORED_ERROR,
	  .detector = 1, .judge = judge_errors },
	{ .name = "vet", .category = CAT_VET, .detector = 1,
	  .judge = judge_vet },
	{ .name = "data-race", .category = CAT_DATA_RACE, .detector = 1,
	  .judge = judge_race },
	{ .name = "idiom-trap", .category = CAT_IDIOM_TRAP, .detector = 1,
	  .lesson_only = 1, .judge = judge_traps },
};

/* The runner's options for a lesson's exercise (play's when l is NULL). */
void
check_opts(const struct lesson *l, struct runner_opts *o)
{
	unsigned	d;

	memset(o, 0, sizeof *o);
	o->leaks = 1;
	if (l == NULL) {
		o->vet = 1;
		o->race = RUNNER_RACE_AUTO;
		return;
	}
	d = l->exercise.expect.detectors;
	o->vet = (d & ((1u << CAT_VET) | (1u << CAT_IGNORED_ERROR))) != 0;
	o->race = (d & (1u << CAT_DATA_RACE)) ? RUNNER_RACE_ALWAYS :
	    RUNNER_RACE_NEVER;
	o->stdin_text = l->exercise.stdin_text;
	o->stdin_len = l->exercise.stdin_text != NULL ?
	    strlen(l->exercise.stdin_text) : 0;
	o->args = l->exercise.args;
	o->nargs = l->exercise.nargs;
	o->timeout_ms = l->exercise.timeout_ms;
	o->go = l->min_go;
}

/* Run the traps of a trap set on each Go file at path. */
static void
traps(struct findings *fs, const struct trapset *ts, const char *path)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*d;
	FILE		*f;
	char		*file, *text;
	const char	*base;
	size_t		 len, n;

	if (ts->n == 0 || stat(path, &st) == -1)
		return;
	d = S_ISDIR(st.st_mode) ? opendir(path) : NULL;
	for (;;) {
		if (d != NULL) {
			if ((de = readdir(d)) == NULL)
				break;
			n = strlen(de->d_name);
			if (de->d_name[0] == '.' || n < 4 ||
			    strcmp(de->d_name + n - 3, ".go") != 0)
				continue;
			file = xasprintf("%s/%s", path, de->d_name);
			base = de->d_name;
		} else {
			file = xstrdup(path);
			base = strrchr(path, '/') != NULL ?
			    strrchr(path, '/') + 1 : path;
		}
		if ((f = fopen(file, "re")) != NULL) {
			text = xmalloc(RUNNER_FILE_MAX + 1);
			len = fread(text, 1, RUNNER_FILE_MAX, f);
			text[len] = '\0';
			fclose(f);
			diagnose_traps(fs, ts, base, text, len);
			free(text);
		}
		free(file);
		if (d == NULL)
			break;
	}
	if (d != NULL)
		closedir(d);
}

/*
 * Diagnose o->run and judge it: the lesson's checks (or play's, when
 * o->lesson is NULL), each pass, fail or skipped, and the verdict. path is
 * the learner's file or folder, for the idiom traps.
 */
void
check_judge(struct outcome *o, const char *path)
{
	const struct runner_result	*r = &o->run;
	struct check_ctx		 c;
	const struct check_ops		*k;
	enum check_status		 st;
	char				*why;
	size_t				 i;
	unsigned			 asked;

	memset(&c, 0, sizeof c);
	c.o = o;
	c.l = o->lesson;
	c.r = r;
	c.leaks = LEAKS_NOT_RUN;
	if (r->stage == RUNNER_BUILD_FAILED && r->build.verdict != JAIL_INTERNAL)
		diagnose_build(&o->fs, r->build.err, r->build.err_len);
	if (r->stage == RUNNER_RAN) {
		if (r->have_vet)
			diagnose_vet(&o->fs, r->vet.err, r->vet.err_len);
		diagnose_run(&o->fs, &r->run, r->module);
		if (r->harness)
			c.leaks = diagnose_leaks(&o->fs, &r->run, r->module,
			    &c.leaks_why);
		if (r->have_race)
			diagnose_race(&o->fs, r->race_run.err,
			    r->race_run.err_len, r->module);
	}
	if (o->lesson != NULL && r->stage != RUNNER_REJECTED) {
		traps(&o->fs, &o->track->traps, path);
		traps(&o->fs, &o->lesson->traps, path);
	}

	asked = o->lesson != NULL ? o->lesson->exercise.expect.detectors : 0;
	o->blocking = 0;
	o->pass = r->stage != RUNNER_REJECTED;
	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		k = &checks[i];
		if (k->lesson_only && o->lesson == NULL)
			continue;
		/* A detector the lesson did not ask for runs only when it
		 * costs nothing: the leak harness and the traps. */
		if (o->lesson != NULL && k->detector &&
		    !(asked & (1u << k->category)) &&
		    k->category != CAT_GOROUTINE_LEAK &&
		    k->category != CAT_IDIOM_TRAP)
			continue;
		why = NULL;
		st = k->judge(&c, &why);
		if (st == CHECK_SKIPPED && why == NULL)
			continue;	/* nothing to check */
		o->checks = xreallocarray(o->checks, o->nchecks + 1,
		    sizeof *o->checks);
		o->checks[o->nchecks].name = k->name;
		o->checks[o->nchecks].status = st;
		o->checks[o->nchecks].blocking = o->lesson != NULL ?
		    !k->detector || (asked & (1u << k->category)) :
		    !k->detector;
		o->checks[o->nchecks].reason = why;
		if (o->checks[o->nchecks].blocking) {
			o->blocking |= 1u << k->category;
			if (k->category == CAT_PANIC)
				o->blocking |= CRASHES;
			if (st == CHECK_FAIL)
				o->pass = 0;
		}
		o->nchecks++;
	}
}

/* Free what an outcome holds. */
void
outcome_free(struct outcome *o)
{
	size_t	i;

	for (i = 0; i < o->nchecks; i++)
		free(o->checks[i].reason);
	free(o->checks);
	findings_free(&o->fs);
	runner_result_free(&o->run);
	memset(o, 0, sizeof *o);
}

/*
 * Check the learner's file or folder at path against a lesson: build and
 * run it with the lesson's stdin, arguments and detectors, then judge it.
 * how, when not NULL, gives the jail tier and a stage callback.
 * Return 0 with *o filled in (free it with outcome_free), or -1 with
 * *cause set when gotutor itself cannot go on.
 */
int
check_lesson(const struct toolchain *tc, const struct track *t,
    const struct lesson *l, const char *path, const struct runner_opts *how,
    struct outcome *o, char **cause)
{
	struct runner_opts	opts;

	memset(o, 0, sizeof *o);
	o->track = t;
	o->lesson = l;
	check_opts(l, &opts);
	if (how != NULL) {
		opts.degraded = how->degraded;
		opts.stage = how->stage;
		opts.stage_arg = how->stage_arg;
	}
	if (runner_play(tc, path, &opts, &o->run, cause) != 0)
		return (-1);
	check_judge(o, path);
	return (0);
}
