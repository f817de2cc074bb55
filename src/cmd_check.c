/* cmd_check: gotutor check, which judges a learner's code against a lesson. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "class.h"
#include "cmd.h"
#include "datadir.h"
#include "load.h"
#include "progress.h"
#include "show.h"
#include "suggest.h"
#include "xmalloc.h"

/*
 * Find "TRACK/LESSON" in the library; on failure say why, naming the
 * lesson it looks like. Return 0 or -1.
 */
static int
find_lesson(const struct cmd *c, const struct library *lib, const char *name,
    struct track **tp, struct lesson **lp)
{
	const char	**names = NULL, *near;
	char		 *track, *slash;
	size_t		  i, k, n = 0;

	if ((slash = strchr(name, '/')) != NULL) {
		track = xstrndup(name, (size_t)(slash - name));
		*tp = library_find_track(lib, track);
		free(track);
		if (*tp != NULL &&
		    (*lp = track_find_lesson(*tp, slash + 1)) != NULL)
			return (0);
	}
	for (i = 0; i < lib->ntracks; i++) {
		for (k = 0; k < lib->tracks[i]->nlessons; k++) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = xasprintf("%s/%s", lib->tracks[i]->id,
			    lib->tracks[i]->lessons[k]->id);
		}
	}
	near = suggest(name, names, n);
	if (slash == NULL)
		cmd_usage_error(c, "name the lesson as TRACK/LESSON, such as "
		    "%s", n > 0 ? (near != NULL ? near : names[0]) :
		    "java/errors-are-values");
	else if (near != NULL)
		cmd_usage_error(c, "no lesson %s; did you mean %s?", name,
		    near);
	else
		cmd_usage_error(c, "no lesson %s; 'gotutor list' shows them",
		    name);
	for (i = 0; i < n; i++)
		free((char *)names[i]);
	free(names);
	return (-1);
}

/* The verdict, each check, the findings, and the first hint on failure. */
static void
print_human(const struct outcome *o)
{
	const struct runner_result	*r = &o->run;
	const struct check_result	*k;
	size_t				 i;

	if (r->stage == RUNNER_REJECTED) {
		fprintf(stderr, "gotutor check: %s\n", r->rejected);
		return;
	}
	printf("%s/%s: %s\n", o->track->id, o->lesson->id,
	    o->pass ? "PASS" : "FAIL");
	for (i = 0; i < o->nchecks; i++) {
		k = &o->checks[i];
		printf("  %-7s %s%s%s%s\n", k->status == CHECK_FAIL &&
		    !k->blocking ? "advice" : check_status_names[k->status],
		    k->name, k->reason != NULL ? ": " : "",
		    k->reason != NULL ? k->reason : "",
		    k->blocking || k->status != CHECK_PASS ? "" : " (advice)");
	}
	if (o->fs.n > 0)
		printf("\n");
	show_findings(stdout, o);
	if (!o->pass && o->lesson->exercise.nhints > 0)
		printf("\nhint: %s", o->lesson->exercise.hints[0]);
	if (r->stage == RUNNER_RAN && r->run.verdict == JAIL_INTERNAL)
		fprintf(stderr, "gotutor check: the run jail failed: %s\n",
		    r->run.internal);
}

/* Record the check ev in the log at path (and a first pass). */
static void
record_in(const char *path, int flags, const struct progress_event *check)
{
	const struct progress_lesson	 *was;
	const char *const		 *w;
	struct progress_event		  ev = *check;
	struct progress			 *p = NULL;
	char				 *cause = NULL;
	size_t				  i, nw;

	if (progress_open_flags(path, flags, &p, &cause) != 0)
		goto out;
	if (flags & PROGRESS_NOFOLLOW)
		progress_set_mode(p, 0640);	/* a class log */
	was = progress_lesson(p, ev.track, ev.lesson);
	if (progress_record(p, &ev, &cause) != 0)
		goto out;
	if (ev.verdict == PROGRESS_PASS &&
	    (was == NULL || was->status != PROGRESS_PASSED)) {
		memset(&ev, 0, sizeof ev);
		ev.kind = PROGRESS_EV_PASSED;
		ev.track = check->track;
		ev.lesson = check->lesson;
		progress_record(p, &ev, &cause);
	}
out:
	if (p != NULL) {
		w = progress_warnings(p, &nw);
		for (i = 0; i < nw; i++)
			fprintf(stderr, "gotutor check: warning: %s\n", w[i]);
	}
	if (cause != NULL) {
		fprintf(stderr, "gotutor check: warning: the check was not "
		    "recorded: %s\n", cause);
		free(cause);
	}
	progress_close(p);
}

/*
 * Record the check in the learner's progress log: its verdict, the distinct
 * categories of its blocking findings, the run's wall time and the hash of
 * the code at path; and a passed event when the lesson is passed for the
 * first time. A failure is only a warning: the check's verdict stands.
 */
static void
record_check(const struct outcome *o, const char *status, const char *path,
    const char *class_dir)
{
	const char			 *cats[CAT__COUNT];
	struct progress_event		  ev;
	char				 *log = NULL, *cause = NULL;
	size_t				  i, n = 0;
	int				  cat;

	for (cat = 0; cat < CAT__COUNT; cat++) {
		if (!(o->blocking & (1u << cat)))
			continue;
		for (i = 0; i < o->fs.n; i++) {
			if (o->fs.v[i].category == (enum category)cat) {
				cats[n++] = category_names[cat];
				break;
			}
		}
	}
	memset(&ev, 0, sizeof ev);
	ev.kind = PROGRESS_EV_CHECK;
	ev.track = o->track->id;
	ev.lesson = o->lesson->id;
	ev.verdict = strcmp(status, "error") == 0 ? PROGRESS_ERROR :
	    o->pass ? PROGRESS_PASS : PROGRESS_FAIL;
	ev.categories = cats;
	ev.ncategories = n;
	ev.wall_ms = o->run.stage == RUNNER_RAN ? o->run.run.wall_ms : 0;
	if (progress_hash_code(path, &ev.hash, &cause) != 0 ||
	    (log = progress_default_path(&cause)) == NULL) {
		fprintf(stderr, "gotutor check: warning: the check was not "
		    "recorded: %s\n", cause);
		free(cause);
		return;
	}
	record_in(log, 0, &ev);
	free(log);
	if (class_dir != NULL) {
		if ((log = class_join(class_dir, &cause)) == NULL) {
			fprintf(stderr, "gotutor check: warning: the class did "
			    "not get the check: %s\n", cause);
			free(cause);
			return;
		}
		record_in(log, PROGRESS_NOFOLLOW, &ev);
		free(log);
	}
}

/* In the class at dir, may lesson l of t be checked now? Say why not. */
static int
class_allows(const char *dir, const struct track *t, const struct lesson *l)
{
	struct class_state	 s;
	char			*cause, *why = NULL;
	size_t			 i;
	int			 r = 0;

	if (class_read_state(dir, &s, &cause) != 0) {
		fprintf(stderr, "gotutor check: %s\n", cause);
		free(cause);
		return (-1);
	}
	for (i = 0; i < t->nlessons && t->lessons[i] != l; i++)
		;
	if (s.frozen) {
		fprintf(stderr, "gotutor check: the instructor has paused "
		    "checks for now\n");
		r = -1;
	} else if ((why = class_locked(&s, t->id, i)) != NULL) {
		fprintf(stderr, "gotutor check: %s/%s is locked: %s\n", t->id,
		    l->id, why);
		free(why);
		r = -1;
	}
	class_state_free(&s);
	return (r);
}

/* gotutor check [--json] [--tracks PATH] [--no-record] [--class DIR]
 * TRACK/LESSON PATH. */
static int
check_exec(const struct cmd *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, 'j' },
		{ "tracks", required_argument, NULL, 't' },
		{ "degraded", no_argument, NULL, 'd' },
		{ "no-record", no_argument, NULL, 'n' },
		{ "class", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	struct toolchain tc;
	struct outcome	 o;
	struct runner_opts how;
	struct track	*t;
	struct lesson	*l;
	const char	*tracks = NULL, *status, *class_dir = NULL;
	char		*cause, *need;
	int		 ch, json = 0, degraded = 0, record = 1;
	int		 r = EXIT_USAGE;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cmd_help(c, stdout);
			return (EXIT_OK);
		case 'j':
			json = 1;
			break;
		case 't':
			tracks = optarg;
			break;
		case 'd':
			degraded = 1;
			break;
		case 'n':
			record = 0;
			break;
		case 'c':
			class_dir = optarg;
			break;
		default:
			if (optopt != 0)
				return (cmd_usage_error(c, "option '%s' needs a "
				    "value", argv[optind - 1]));
			return (cmd_usage_error(c, "unknown option '%s'",
			    argv[optind - 1]));
		}
	}
	if (argc - optind != 2)
		return (cmd_usage_error(c, "give a lesson (TRACK/LESSON) and "
		    "the Go file or folder to check"));
	if (cmd_check_paths(c, 1, argv + optind + 1) != 0 ||
	    (tracks != NULL && cmd_check_paths(c, 1, (char **)&tracks) != 0))
		return (EXIT_USAGE);

	problems_init(&pb);
	load_path(&lib, tracks != NULL ? tracks : datadir_lessons(), &pb);
	if (find_lesson(c, &lib, argv[optind], &t, &l) != 0) {
		if (pb.n > 0) {
			problems_sort(&pb);
			problems_print(&pb, stderr);
			fprintf(stderr, "gotutor check: the tracks have %zu "
			    "problem%s; 'gotutor lint' checks them\n", pb.n,
			    pb.n == 1 ? "" : "s");
		}
		goto out;
	}
	if (class_dir != NULL && class_allows(class_dir, t, l) != 0)
		goto out;
	if (toolchain_find(&tc, &cause) != 0) {
		fprintf(stderr, "gotutor check: %s\n", cause);
		free(cause);
		goto out;
	}
	if (goversion_cmp(&tc.v, &l->min_go) < 0) {
		need = goversion_string(&l->min_go);
		fprintf(stderr, "gotutor check: %s/%s needs Go %s or newer, and "
		    "%s is %s; install a newer Go, or point GOTUTOR_GO at "
		    "one\n", t->id, l->id, need, tc.go, tc.version);
		free(need);
		toolchain_free(&tc);
		goto out;
	}
	memset(&how, 0, sizeof how);
	how.degraded = degraded;
	if (check_lesson(&tc, t, l, argv[optind + 1], &how, &o,
	    &cause) != 0) {
		fprintf(stderr, "gotutor check: %s\n", cause);
		free(cause);
		toolchain_free(&tc);
		goto out;
	}
	status = o.run.stage == RUNNER_REJECTED ||
	    (o.run.stage == RUNNER_RAN && o.run.run.verdict == JAIL_INTERNAL) ||
	    (o.run.stage == RUNNER_BUILD_FAILED &&
	    o.run.build.verdict == JAIL_INTERNAL) ? "error" :
	    o.pass ? "pass" : "fail";
	if (json)
		show_json(stdout, &o, status, o.pass ||
		    l->exercise.nhints == 0 ? NULL : l->exercise.hints[0]);
	else
		print_human(&o);
	fflush(stdout);
	if (record)
		record_check(&o, status, argv[optind + 1], class_dir);
	r = strcmp(status, "error") == 0 ? EXIT_USAGE : o.pass ? EXIT_OK :
	    EXIT_FAIL;
	outcome_free(&o);
	toolchain_free(&tc);
out:
	problems_free(&pb);
	library_free(&lib);
	return (r);
}

const struct cmd cmd_check = {
	.name = "check",
	.args = "[--json] [--tracks PATH] [--no-record] [--class DIR] "
	    "TRACK/LESSON PATH",
	.summary = "check a Go file or folder against a lesson",
	.help =
	    "Build and run the Go program at PATH (a .go file or a package\n"
	    "folder) in the jails, the way the lesson TRACK/LESSON runs it:\n"
	    "with its standard input and arguments, its expected output, exit\n"
	    "status and time bound, and its detectors (goroutine leaks,\n"
	    "ignored errors, go vet, data races, idiom traps). Print the\n"
	    "verdict, each check, each finding with its file and line and\n"
	    "what it means in Java or Python terms, and the lesson's first\n"
	    "hint when it fails. Record the check in the learner's progress\n"
	    "log ('gotutor progress' shows it).\n"
	    "\n"
	    "Options:\n"
	    "  --json           print one JSON object (described in\n"
	    "                   share/result-json.md)\n"
	    "  --tracks PATH    find the lesson in the tracks at PATH, not in\n"
	    "                   the bundled ones\n"
	    "  --degraded       use the degraded jail even where namespaces\n"
	    "                   work\n"
	    "  --no-record      leave the progress log alone\n"
	    "  --class DIR      in the class at DIR: refuse a lesson past the\n"
	    "                   pace or a frozen class, and record the check\n"
	    "                   in the class too\n"
	    "  -h, --help       show this help\n"
	    "\n"
	    "Exit status: 0 when every check passed, 1 when one failed, 2 on\n"
	    "a usage or input error.\n",
	.exec = check_exec,
};
