/* cmd_progress: gotutor progress, which prints what the learner's log says. */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "json.h"
#include "progress.h"
#include "xmalloc.h"

/* Print one lesson's line: status, checks, failures, hints, pass. */
static void
print_lesson(const struct progress_lesson *l)
{
	const char	*sep = "";
	char		 when[64];
	size_t		 i;

	printf("  %-24s %-9s ", l->lesson, progress_status_names[l->status]);
	if (l->attempts > 0) {
		printf("%u check%s", l->attempts, l->attempts == 1 ? "" : "s");
		sep = ", ";
	}
	if (l->nfails > 0) {
		printf(" (");
		for (i = 0; i < l->nfails; i++)
			printf("%s%s %u", i == 0 ? "" : ", ",
			    l->fails[i].category, l->fails[i].n);
		printf(")");
	}
	if (l->hints > 0) {
		printf("%s%u hint%s", sep, l->hints, l->hints == 1 ? "" : "s");
		sep = ", ";
	}
	if (l->solution) {
		printf("%ssolution shown", sep);
		sep = ", ";
	}
	if (l->status == PROGRESS_PASSED) {
		printf("%spassed %s", sep, cmd_utc(when, sizeof when,
		    l->passed_ms));
		if (l->pass_attempts > 0)
			printf(" at check %u", l->pass_attempts);
		sep = ", ";
	}
	if (*sep == '\0')
		printf("opened");
	printf("\n");
}

/* Print the lessons grouped by track, tracks in the order first seen. */
static void
print_human(const struct progress *p)
{
	const struct progress_lesson	*l, *m, *last;
	char				 when[64];
	size_t				 i, k, n = progress_nlessons(p);
	unsigned			 count[PROGRESS_STATUS__COUNT];
	int				 seen;

	if (n == 0) {
		printf("no progress recorded yet in %s\n", progress_path(p));
		return;
	}
	for (i = 0; i < n; i++) {
		l = progress_lesson_at(p, i);
		for (seen = 0, k = 0; k < i && !seen; k++)
			seen = strcmp(progress_lesson_at(p, k)->track,
			    l->track) == 0;
		if (seen)
			continue;
		memset(count, 0, sizeof count);
		for (k = i; k < n; k++) {
			m = progress_lesson_at(p, k);
			if (strcmp(m->track, l->track) == 0)
				count[m->status]++;
		}
		printf("%s%s: %u passed, %u attempted, %u new\n",
		    i == 0 ? "" : "\n", l->track, count[PROGRESS_PASSED],
		    count[PROGRESS_ATTEMPTED], count[PROGRESS_NEW]);
		for (k = i; k < n; k++) {
			m = progress_lesson_at(p, k);
			if (strcmp(m->track, l->track) == 0)
				print_lesson(m);
		}
	}
	last = progress_last(p);
	printf("\nresume: %s/%s (last seen %s)\n", last->track, last->lesson,
	    cmd_utc(when, sizeof when, last->last_ms));
}

/* Print the whole state as one JSON object (share/progress-format.md). */
static void
print_json(const struct progress *p)
{
	const struct progress_lesson	 *l;
	const char *const		 *w;
	struct json			  j;
	size_t				  i, k, nw;

	json_init(&j, stdout);
	json_object(&j);
	json_key(&j, "version");
	json_uint(&j, PROGRESS_VERSION);
	json_key(&j, "file");
	json_string(&j, progress_path(p));
	json_key(&j, "events");
	json_uint(&j, progress_nevents(p));
	json_key(&j, "warnings");
	json_array(&j);
	w = progress_warnings(p, &nw);
	for (i = 0; i < nw; i++)
		json_string(&j, w[i]);
	json_end(&j, ']');
	json_key(&j, "last");
	if ((l = progress_last(p)) == NULL)
		json_null(&j);
	else {
		json_object(&j);
		json_key(&j, "track");
		json_string(&j, l->track);
		json_key(&j, "lesson");
		json_string(&j, l->lesson);
		json_end(&j, '}');
	}
	json_key(&j, "lessons");
	json_array(&j);
	for (i = 0; i < progress_nlessons(p); i++) {
		l = progress_lesson_at(p, i);
		json_object(&j);
		json_key(&j, "track");
		json_string(&j, l->track);
		json_key(&j, "lesson");
		json_string(&j, l->lesson);
		json_key(&j, "status");
		json_string(&j, progress_status_names[l->status]);
		json_key(&j, "opened");
		json_uint(&j, l->opened);
		json_key(&j, "attempts");
		json_uint(&j, l->attempts);
		json_key(&j, "failed");
		json_uint(&j, l->failed);
		json_key(&j, "errors");
		json_uint(&j, l->errors);
		json_key(&j, "fails");
		json_object(&j);
		for (k = 0; k < l->nfails; k++) {
			json_key(&j, l->fails[k].category);
			json_uint(&j, l->fails[k].n);
		}
		json_end(&j, '}');
		json_key(&j, "hints");
		json_uint(&j, l->hints);
		json_key(&j, "solution");
		json_bool(&j, l->solution);
		json_key(&j, "first_ms");
		json_uint(&j, l->first_ms);
		json_key(&j, "last_ms");
		json_uint(&j, l->last_ms);
		json_key(&j, "passed_ms");
		if (l->status == PROGRESS_PASSED)
			json_uint(&j, l->passed_ms);
		else
			json_null(&j);
		json_key(&j, "pass_attempts");
		if (l->status == PROGRESS_PASSED)
			json_uint(&j, l->pass_attempts);
		else
			json_null(&j);
		json_end(&j, '}');
	}
	json_end(&j, ']');
	json_end(&j, '}');
}

/* gotutor progress [--json] [--file PATH]. */
static int
progress_exec(const struct cmd *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, 'j' },
		{ "file", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct progress		 *p;
	const char *const	 *w;
	char			 *path = NULL, *cause;
	size_t			  i, nw;
	int			  ch, json = 0;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cmd_help(c, stdout);
			free(path);
			return (EXIT_OK);
		case 'j':
			json = 1;
			break;
		case 'f':
			free(path);
			path = xstrdup(optarg);
			break;
		default:
			free(path);
			if (optopt != 0)
				return (cmd_usage_error(c, "option '%s' needs "
				    "a value", argv[optind - 1]));
			return (cmd_usage_error(c, "unknown option '%s'",
			    argv[optind - 1]));
		}
	}
	if (optind != argc) {
		free(path);
		return (cmd_usage_error(c, "unexpected argument '%s'",
		    argv[optind]));
	}
	if (path == NULL && (path = progress_default_path(&cause)) == NULL) {
		fprintf(stderr, "gotutor progress: %s\n", cause);
		free(cause);
		return (EXIT_USAGE);
	}
	if (progress_open(path, &p, &cause) != 0) {
		fprintf(stderr, "gotutor progress: %s\n", cause);
		free(cause);
		free(path);
		return (EXIT_USAGE);
	}
	free(path);
	w = progress_warnings(p, &nw);
	for (i = 0; i < nw; i++)
		fprintf(stderr, "gotutor progress: warning: %s\n", w[i]);
	if (json)
		print_json(p);
	else
		print_human(p);
	progress_close(p);
	return (nw == 0 ? EXIT_OK : EXIT_FAIL);
}

const struct cmd cmd_progress = {
	.name = "progress",
	.args = "[--json] [--file PATH]",
	.summary = "show the lessons passed and attempted",
	.help =
	    "Print what the learner's progress log says: for each lesson\n"
	    "checked or opened, its status (new, attempted or passed), the\n"
	    "checks run, how often they failed and why, the hints used,\n"
	    "whether the solution was shown and when the lesson was first\n"
	    "passed; then the lesson to resume. The log is\n"
	    "$GOTUTOR_PROGRESS, or $XDG_DATA_HOME/gotutor/progress.log\n"
	    "(~/.local/share/gotutor/progress.log); share/progress-format.md\n"
	    "describes it. A record torn by a crash or a full disk at its end\n"
	    "is cut off, and a corrupt one elsewhere is skipped, each with a\n"
	    "warning.\n"
	    "\n"
	    "Options:\n"
	    "  --json         print one JSON object (described in\n"
	    "                 share/progress-format.md)\n"
	    "  --file PATH    read the log at PATH\n"
	    "  -h, --help     show this help\n"
	    "\n"
	    "Exit status: 0 when the log was read whole (or is not there\n"
	    "yet), 1 when some of it was torn or corrupt and was skipped,\n"
	    "2 on a usage error or when the log cannot be read.\n",
	.exec = progress_exec,
};
