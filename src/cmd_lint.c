/* cmd_lint: gotutor lint, which checks tracks and lessons and reports all. */

#include <sys/stat.h>

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cmd.h"
#include "datadir.h"
#include "expect.h"
#include "idiom.h"
#include "lesson.h"
#include "load.h"
#include "show.h"
#include "xmalloc.h"

/* What lint --run counted. */
struct tally {
	unsigned	passed;
	unsigned	failed;
	unsigned	skipped;
};

/* Count the problems pb holds in distinct files. */
static size_t
count_files(const struct problems *pb)
{
	size_t	i, n = 0;

	for (i = 0; i < pb->n; i++) {
		if (i == 0 || strcmp(pb->v[i].file, pb->v[i - 1].file) != 0)
			n++;
	}
	return (n);
}

/* Load one argument: a track folder, a folder of tracks, or a file. */
static void
lint_path(struct library *lib, const char *path, size_t *nlone,
    struct problems *pb)
{
	struct stat	 st;
	struct lesson	*l;
	const char	*base;
	char		*dir;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		base = strrchr(path, '/');
		base = base == NULL ? path : base + 1;
		if (strcmp(base, LOAD_TRACK_FILE) == 0) {
			dir = base == path ? xstrdup(".") :
			    xstrndup(path, (size_t)(base - path - 1));
			load_path(lib, dir, pb);
			free(dir);
			return;
		}
		if ((l = load_lesson_file(path, pb)) != NULL)
			(*nlone)++;
		lesson_free(l);
		return;
	}
	load_path(lib, path, pb);
}

/* Print one result line of lint --run, and count it. */
static void
result(struct tally *n, const char *word, const struct track *t,
    const struct lesson *l, const char *what, const char *detail)
{
	if (strcmp(word, "ok") == 0)
		n->passed++;
	else if (strcmp(word, "skip") == 0)
		n->skipped++;
	else
		n->failed++;
	printf("%-4s %s/%s: %s%s%s\n", word, t->id, l->id, what,
	    detail != NULL ? ": " : "", detail != NULL ? detail : "");
}

/* The categories of an outcome's findings, as "a, b"; the caller frees. */
static char *
categories(const struct outcome *o)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < o->fs.n; i++) {
		if (strstr(s, category_names[o->fs.v[i].category]) != NULL)
			continue;
		t = xasprintf("%s%s%s", s, *s != '\0' ? ", " : "",
		    category_names[o->fs.v[i].category]);
		free(s);
		s = t;
	}
	return (s);
}

/* Say which checks were skipped, and why: a skip may hide a failure. */
static void
show_skipped(const struct outcome *o)
{
	size_t	i;

	for (i = 0; i < o->nchecks; i++) {
		if (o->checks[i].status == CHECK_SKIPPED)
			printf("    the %s check was skipped: %s\n",
			    o->checks[i].name, o->checks[i].reason);
	}
}

/*
 * Check one file set of a lesson over its starter files. With want < 0 it
 * must pass; otherwise it must fail with a finding of category want.
 */
static void
run_files(struct tally *n, const struct toolchain *tc, const struct track *t,
    const struct lesson *l, const struct fileset *files, int want,
    const char *what, int degraded)
{
	struct outcome	 o;
	struct runner_opts how;
	char		*dir, *why, *cats;
	size_t		 i;
	int		 found = 0;

	memset(&how, 0, sizeof how);
	how.degraded = degraded;
	if (idiom_write_files(&l->exercise.files, files, &dir, &why) != 0 ||
	    check_lesson(tc, t, l, dir, &how, &o, &why) != 0) {
		result(n, "FAIL", t, l, what, why);
		free(why);
		if (dir != NULL)
			jail_remove_tree(dir);
		free(dir);
		return;
	}
	jail_remove_tree(dir);
	free(dir);
	for (i = 0; i < o.fs.n; i++)
		found |= want >= 0 && o.fs.v[i].category == (enum category)want;
	cats = categories(&o);
	if (want < 0 && o.pass)
		result(n, "ok", t, l, what, "passes every check");
	else if (want < 0) {
		result(n, "FAIL", t, l, what, "it should pass, and fails");
		show_findings(stdout, &o);
		show_skipped(&o);
	} else if (!o.pass && found) {
		why = xasprintf("fails with %s", category_names[want]);
		result(n, "ok", t, l, what, why);
		free(why);
	} else {
		why = xasprintf("it should fail with %s, and %s%s",
		    category_names[want], o.pass ? "passes" : "gets only ",
		    o.pass ? "" : cats);
		result(n, "FAIL", t, l, what, why);
		free(why);
		show_findings(stdout, &o);
		show_skipped(&o);
	}
	free(cats);
	outcome_free(&o);
}

/* Run a lesson's idiom programs and compare what they print. */
static void
run_idioms(struct tally *n, const struct toolchain *tc, const struct track *t,
    const struct lesson *l, int degraded)
{
	static const char *const words[] = {
		[IDIOM_OK] = "ok", [IDIOM_WRONG] = "FAIL",
		[IDIOM_FAILED] = "FAIL", [IDIOM_MISSING] = "skip",
	};
	const struct idiom	*id = &l->idiom;
	struct runner_opts	 opts;
	struct runner_result	 r;
	enum idiom_result	 ir;
	struct fileset		 fs;
	struct srcfile		 f;
	char			*why, *dir = NULL, *diff;

	if (id->java != NULL) {
		ir = idiom_run(LANG_JAVA, id->java, id->output, &why);
		result(n, words[ir], t, l, "the Java idiom", ir == IDIOM_OK ?
		    "prints the lesson's output" : why);
		free(why);
	}
	if (id->python != NULL) {
		ir = idiom_run(LANG_PYTHON, id->python, id->output, &why);
		result(n, words[ir], t, l, "the Python idiom",
		    ir == IDIOM_OK ? "prints the lesson's output" : why);
		free(why);
	}
	if (id->go == NULL)
		return;
	f = (struct srcfile){ "main.go", id->go, strlen(id->go) };
	fs = (struct fileset){ &f, 1 };
	memset(&opts, 0, sizeof opts);
	opts.degraded = degraded;
	if (idiom_write_files(NULL, &fs, &dir, &why) != 0 ||
	    runner_play(tc, dir, &opts, &r, &why) != 0) {
		result(n, "FAIL", t, l, "the Go idiom", why);
		free(why);
	} else {
		if (r.stage != RUNNER_RAN || r.run.verdict != JAIL_OK)
			result(n, "FAIL", t, l, "the Go idiom", r.stage ==
			    RUNNER_BUILD_FAILED ? r.build.err : r.stage ==
			    RUNNER_REJECTED ? r.rejected : r.run.err);
		else if (expect_output(MATCH_TRIMMED, id->output, r.run.out,
		    r.run.out_len, &diff) != 1) {
			result(n, "FAIL", t, l, "the Go idiom", diff);
			free(diff);
		} else
			result(n, "ok", t, l, "the Go idiom",
			    "prints the lesson's output");
		runner_result_free(&r);
	}
	if (dir != NULL)
		jail_remove_tree(dir);
	free(dir);
}

/* Prove one lesson: its solution, its wrong solutions, its idioms. */
static void
prove(struct tally *n, const struct toolchain *tc, const struct track *t,
    const struct lesson *l, int degraded)
{
	char	*why, *need;
	size_t	 w;

	if (goversion_cmp(&tc->v, &l->min_go) < 0) {
		need = goversion_string(&l->min_go);
		why = xasprintf("needs Go %s, and this is %s", need,
		    tc->version);
		result(n, "skip", t, l, "every check", why);
		free(why);
		free(need);
		return;
	}
	run_files(n, tc, t, l, &l->exercise.solution, -1, "the solution",
	    degraded);
	for (w = 0; w < l->exercise.nwrong; w++) {
		why = xasprintf("wrong solution %zu (%s)", w + 1,
		    l->exercise.wrong[w].why);
		run_files(n, tc, t, l, &l->exercise.wrong[w].files,
		    (int)l->exercise.wrong[w].diagnosis, why, degraded);
		free(why);
	}
	run_idioms(n, tc, t, l, degraded);
}

/* One lesson proved in a child process, its lines kept for their turn. */
struct prover {
	pid_t	 pid;
	int	 fd;
	char	*out;
	size_t	 len;
};

/* Start proving a lesson in a child that writes its lines to a pipe. */
static int
prover_start(struct prover *pv, const struct toolchain *tc,
    const struct track *t, const struct lesson *l, int degraded)
{
	struct tally	n = { 0, 0, 0 };
	int		p[2];

	memset(pv, 0, sizeof *pv);
	if (pipe2(p, O_CLOEXEC) == -1)
		return (-1);
	fflush(NULL);
	if ((pv->pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return (-1);
	}
	if (pv->pid == 0) {
		close(p[0]);
		if (dup2(p[1], STDOUT_FILENO) == -1)
			_exit(1);
		prove(&n, tc, t, l, degraded);
		fflush(stdout);
		_exit(0);
	}
	close(p[1]);
	pv->fd = p[0];
	return (0);
}

/* Read the rest of a prover's lines and reap it. */
static void
prover_finish(struct prover *pv)
{
	char	buf[8192];
	ssize_t	r;

	while ((r = read(pv->fd, buf, sizeof buf)) != 0) {
		if (r == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		pv->out = xreallocarray(pv->out, pv->len + (size_t)r + 1, 1);
		memcpy(pv->out + pv->len, buf, (size_t)r);
		pv->len += (size_t)r;
		pv->out[pv->len] = '\0';
	}
	close(pv->fd);
	while (waitpid(pv->pid, NULL, 0) == -1 && errno == EINTR)
		;
}

/* Print a finished prover's lines, and count them. */
static void
prover_report(struct tally *n, struct prover *pv)
{
	const char	*p;

	for (p = pv->out; p != NULL && *p != '\0';
	    p = strchr(p, '\n') != NULL ? strchr(p, '\n') + 1 : "") {
		if (strncmp(p, "ok ", 3) == 0)
			n->passed++;
		else if (strncmp(p, "skip ", 5) == 0)
			n->skipped++;
		else if (strncmp(p, "FAIL ", 5) == 0)
			n->failed++;
	}
	if (pv->out == NULL) {
		printf("FAIL the proof of a lesson stopped with no output\n");
		n->failed++;
	} else
		fwrite(pv->out, 1, pv->len, stdout);
	fflush(stdout);
	free(pv->out);
}

/*
 * lint --run: prove every lesson of the library, jobs lessons at a time
 * (the output keeps the lessons' order).
 */
static int
lint_run(const struct library *lib, int degraded, int jobs)
{
	struct tally		 n = { 0, 0, 0 };
	struct toolchain	 tc;
	struct prover		*pv;
	const struct lesson	**ls = NULL;
	const struct track	**ts = NULL;
	char			*why;
	size_t			 i, k, nl = 0, next = 0, done = 0;

	if (toolchain_find(&tc, &why) != 0) {
		fprintf(stderr, "gotutor lint: %s\n", why);
		free(why);
		return (EXIT_USAGE);
	}
	printf("# %s (%s)\n", tc.version, tc.go);
	for (i = 0; i < lib->ntracks; i++) {
		for (k = 0; k < lib->tracks[i]->nlessons; k++) {
			ls = xreallocarray(ls, nl + 1, sizeof *ls);
			ts = xreallocarray(ts, nl + 1, sizeof *ts);
			ls[nl] = lib->tracks[i]->lessons[k];
			ts[nl++] = lib->tracks[i];
		}
	}
	pv = xcalloc(nl + 1, sizeof *pv);
	while (done < nl) {
		while (next < nl && next < done + (size_t)jobs) {
			if (prover_start(&pv[next], &tc, ts[next], ls[next],
			    degraded) == -1) {
				fprintf(stderr, "gotutor lint: cannot start a "
				    "proof: %s\n", strerror(errno));
				free(pv);
				free(ls);
				free(ts);
				toolchain_free(&tc);
				return (EXIT_USAGE);
			}
			next++;
		}
		prover_finish(&pv[done]);
		prover_report(&n, &pv[done]);
		done++;
	}
	printf("%u passed, %u failed, %u skipped\n", n.passed, n.failed,
	    n.skipped);
	free(pv);
	free(ls);
	free(ts);
	toolchain_free(&tc);
	return (n.failed == 0 ? EXIT_OK : EXIT_FAIL);
}

/* gotutor lint [--run] [PATH...]. */
static int
lint_exec(const struct cmd *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "run", no_argument, NULL, 'r' },
		{ "degraded", no_argument, NULL, 'd' },
		{ "jobs", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	size_t		 i, nlessons = 0, nlone = 0;
	int		 first, status, ch, run = 0, degraded = 0, jobs;
	char		*end;
	long		 v;

	jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs < 1)
		jobs = 1;
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cmd_help(c, stdout);
			return (EXIT_OK);
		case 'j':
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 64)
				return (cmd_usage_error(c, "bad --jobs \"%s\": "
				    "give a number from 1 to 64", optarg));
			jobs = (int)v;
			break;
		case 'r':
			run = 1;
			break;
		case 'd':
			degraded = 1;
			break;
		default:
			if (optopt != 0)
				return (cmd_usage_error(c, "option '%s' needs a "
				    "value", argv[optind - 1]));
			return (cmd_usage_error(c, "unknown option '%s'",
			    argv[optind - 1]));
		}
	}
	first = optind;
	if (cmd_check_paths(c, argc - first, argv + first) != 0)
		return (EXIT_USAGE);
	problems_init(&pb);
	if (first == argc)
		load_path(&lib, datadir_lessons(), &pb);
	for (; first < argc; first++)
		lint_path(&lib, argv[first], &nlone, &pb);

	for (i = 0; i < lib.ntracks; i++)
		nlessons += lib.tracks[i]->nlessons;
	problems_sort(&pb);
	problems_print(&pb, stdout);
	if (pb.n == 0)
		printf("ok: %zu track%s, %zu lesson%s\n", lib.ntracks,
		    lib.ntracks == 1 ? "" : "s", nlessons + nlone,
		    nlessons + nlone == 1 ? "" : "s");
	else
		printf("%zu problem%s in %zu file%s\n", pb.n,
		    pb.n == 1 ? "" : "s", count_files(&pb),
		    count_files(&pb) == 1 ? "" : "s");
	status = pb.n == 0 ? EXIT_OK : EXIT_FAIL;
	if (status == EXIT_OK && run) {
		fflush(stdout);
		status = lint_run(&lib, degraded, jobs);
	}
	problems_free(&pb);
	library_free(&lib);
	return (status);
}

const struct cmd cmd_lint = {
	.name = "lint",
	.args = "[--run [--jobs N]] [PATH]...",
	.summary = "check tracks and lessons, and report every problem",
	.help =
	    "Check lesson tracks against the lesson format and print every\n"
	    "problem as FILE:LINE:COL: message. Each PATH is a track folder\n"
	    "(one holding track.yaml), a folder of track folders, or a single\n"
	    "lesson file. With no PATH, check the bundled tracks.\n"
	    "\n"
	    "With --run, also prove each lesson of the tracks: its reference\n"
	    "solution passes every check, each known-wrong solution fails\n"
	    "with the diagnosis it names, and its Java, Python and Go idiom\n"
	    "programs print the lesson's output (with the host's javac, java\n"
	    "and python3, outside the jail, as the author's own code; a\n"
	    "missing one is reported as a skip, never as a pass).\n"
	    "\n"
	    "The format is described in lesson-format.md beside the bundled\n"
	    "tracks.\n"
	    "\n"
	    "Options:\n"
	    "  --run        also run every lesson's programs, as above\n"
	    "  --degraded   run them in the degraded jail\n"
	    "  --jobs N     prove N lessons at a time (default: one per\n"
	    "               processor)\n"
	    "  -h, --help   show this help\n"
	    "\n"
	    "Exit status: 0 when everything is valid, 1 when anything is not,\n"
	    "2 on a usage error.\n",
	.exec = lint_exec,
};
