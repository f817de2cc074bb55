/* cmd_class: gotutor class, the instructor's commands for a classroom. */

#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "class.h"
#include "cmd.h"
#include "datadir.h"
#include "json.h"
#include "lesson.h"
#include "load.h"
#include "progress.h"
#include "tui.h"
#include "xmalloc.h"

/* What a subcommand gets. */
struct sub_args {
	const char	 *dir;
	int		  argc;		/* operands after DIR */
	char		**argv;
	const char	**tracks;	/* --tracks folders */
	size_t		  ntracks;
	int		  json;
};

/* One subcommand. */
struct sub {
	const char	*name;
	const char	*args;
	int		 (*exec)(const struct sub_args *);
};

static int	sub_init(const struct sub_args *);
static int	sub_pace(const struct sub_args *);
static int	sub_announce(const struct sub_args *);
static int	sub_solutions(const struct sub_args *);
static int	sub_freeze(const struct sub_args *);
static int	sub_unfreeze(const struct sub_args *);
static int	sub_status(const struct sub_args *);
static int	sub_dashboard(const struct sub_args *);

static const struct sub subs[] = {
	{ "init", "DIR --track TRACK [--roster FILE] [--group GROUP]",
	    sub_init },
	{ "pace", "DIR N|+N|all|LESSON", sub_pace },
	{ "announce", "DIR TEXT...", sub_announce },
	{ "solutions", "DIR LESSON [on|off]", sub_solutions },
	{ "freeze", "DIR", sub_freeze },
	{ "unfreeze", "DIR", sub_unfreeze },
	{ "status", "DIR [--json]", sub_status },
	{ "dashboard", "DIR", sub_dashboard },
};
#define NSUBS (sizeof subs / sizeof subs[0])

/* Init's own options, kept for sub_init. */
static const char	*init_track, *init_roster, *init_group;

/* Report an error of a subcommand and return EXIT_USAGE. */
static int __attribute__((format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "gotutor class: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return (EXIT_USAGE);
}

/* Load the bundled tracks and those in a->tracks into lib. */
static void
load_library(const struct sub_args *a, struct library *lib)
{
	struct problems	pb;
	size_t		i;

	problems_init(&pb);
	load_path(lib, datadir_lessons(), &pb);
	for (i = 0; i < a->ntracks; i++)
		load_path(lib, a->tracks[i], &pb);
	problems_free(&pb);
}

/* Find the class's track in lib, or say why not. */
static const struct track *
class_track(const struct library *lib, const struct class_state *s)
{
	const struct track	*t;

	if ((t = library_find_track(lib, s->track)) == NULL)
		fprintf(stderr, "gotutor class: the class's track %s is not "
		    "loaded: give its folder with --tracks\n", s->track);
	return (t);
}

/* gotutor class init DIR --track TRACK [--roster FILE] [--group GROUP]. */
static int
sub_init(const struct sub_args *a)
{
	struct library	 lib = { NULL, 0 };
	char		*cause;

	if (a->argc != 0)
		return (fail("init takes DIR and options, not '%s'",
		    a->argv[0]));
	if (init_track == NULL)
		return (fail("init needs --track TRACK (see 'gotutor list')"));
	load_library(a, &lib);
	if (library_find_track(&lib, init_track) == NULL) {
		library_free(&lib);
		return (fail("there is no track %s (see 'gotutor list'; give "
		    "an instructor's own with --tracks)", init_track));
	}
	library_free(&lib);
	if (class_init(a->dir, init_track, init_roster, init_group,
	    &cause) != 0) {
		fprintf(stderr, "gotutor class: %s\n", cause);
		free(cause);
		return (EXIT_USAGE);
	}
	printf("made the class %s for the track %s; lesson 1 is open.\n"
	    "Learners join with: gotutor --class %s\n", a->dir, init_track,
	    a->dir);
	return (EXIT_OK);
}

/* Say what went wrong with the class (and free it); return EXIT_USAGE. */
static int
failed(char *cause)
{
	fprintf(stderr, "gotutor class: %s\n", cause);
	free(cause);
	return (EXIT_USAGE);
}

/* Read the class's state and find its track in lib (loaded here). */
static const struct track *
open_track(const struct sub_args *a, struct library *lib)
{
	struct class_state	 s;
	const struct track	*t;
	char			*cause;

	if (class_read_state(a->dir, &s, &cause) != 0) {
		failed(cause);
		return (NULL);
	}
	load_library(a, lib);
	t = class_track(lib, &s);
	class_state_free(&s);
	return (t);
}

/* gotutor class pace DIR N|+N|all|LESSON. */
static int
sub_pace(const struct sub_args *a)
{
	struct library		 lib = { NULL, 0 };
	const struct track	*t;
	const char		*w;
	char			*cause, *end;
	unsigned long		 n = 0;
	unsigned		 pace;
	size_t			 i;
	int			 r = EXIT_USAGE;

	if (a->argc != 1)
		return (fail("pace needs one of N, +N, all, or a lesson id"));
	if ((t = open_track(a, &lib)) == NULL)
		goto out;
	w = a->argv[0];
	for (i = 0; i < t->nlessons; i++)
		if (strcmp(t->lessons[i]->id, w) == 0)
			n = i + 1;
	if (strcmp(w, "all") == 0)
		n = t->nlessons;
	else if (n == 0) {
		n = strtoul(w + (*w == '+'), &end, 10);
		if (!isdigit((unsigned char)w[*w == '+']) || *end != '\0' ||
		    n > 100000 || (n == 0 && *w != '+')) {
			fail("'%s' is not a number of lessons, +N, all or a "
			    "lesson of %s", w, t->id);
			goto out;
		}
	}
	if (class_set_pace(a->dir, *w == '+', (unsigned)n,
	    (unsigned)t->nlessons, &pace, &cause) != 0) {
		failed(cause);
		goto out;
	}
	if (pace == 0)
		printf("every lesson of %s is open\n", t->id);
	else
		printf("lessons 1 to %u of %s are open (up to %s)\n", pace,
		    t->id, t->lessons[pace - 1]->id);
	r = EXIT_OK;
out:
	library_free(&lib);
	return (r);
}

/* gotutor class announce DIR TEXT... */
static int
sub_announce(const struct sub_args *a)
{
	char	*text, *cause;
	size_t	 len = 0, i;
	int	 r = EXIT_OK;

	if (a->argc == 0)
		return (fail("announce needs the text to announce"));
	for (i = 0; i < (size_t)a->argc; i++)
		len += strlen(a->argv[i]) + 1;
	text = xcalloc(1, len + 1);
	for (i = 0; i < (size_t)a->argc; i++) {
		if (i > 0)
			strcat(text, " ");
		strcat(text, a->argv[i]);
	}
	if (class_post(a->dir, text, &cause) != 0)
		r = failed(cause);
	else
		printf("announced to the class\n");
	free(text);
	return (r);
}

/* gotutor class solutions DIR LESSON [on|off]. */
static int
sub_solutions(const struct sub_args *a)
{
	struct library		 lib = { NULL, 0 };
	const struct track	*t;
	char			*cause;
	size_t			 i;
	int			 on, r = EXIT_USAGE;

	if (a->argc < 1 || a->argc > 2 || (a->argc == 2 &&
	    strcmp(a->argv[1], "on") != 0 && strcmp(a->argv[1], "off") != 0))
		return (fail("solutions needs a lesson id, then on or off"));
	if ((t = open_track(a, &lib)) == NULL)
		goto out;
	for (i = 0; i < t->nlessons; i++)
		if (strcmp(t->lessons[i]->id, a->argv[0]) == 0)
			break;
	if (i == t->nlessons) {
		fail("the track %s has no lesson %s", t->id, a->argv[0]);
		goto out;
	}
	on = a->argc == 1 || strcmp(a->argv[1], "on") == 0;
	if (class_set_solution(a->dir, a->argv[0], on, &cause) != 0) {
		failed(cause);
		goto out;
	}
	printf("the solution of %s is %s\n", a->argv[0], on ? "allowed" :
	    "withdrawn");
	r = EXIT_OK;
out:
	library_free(&lib);
	return (r);
}

/* gotutor class freeze DIR. */
static int
sub_freeze(const struct sub_args *a)
{
	char	*cause;

	if (a->argc != 0)
		return (fail("freeze takes only DIR"));
	if (class_set_frozen(a->dir, 1, &cause) != 0)
		return (failed(cause));
	printf("the class is frozen: no checks until 'gotutor class "
	    "unfreeze'\n");
	return (EXIT_OK);
}

/* gotutor class unfreeze DIR. */
static int
sub_unfreeze(const struct sub_args *a)
{
	char	*cause;

	if (a->argc != 0)
		return (fail("unfreeze takes only DIR"));
	if (class_set_frozen(a->dir, 0, &cause) != 0)
		return (failed(cause));
	printf("the class may check again\n");
	return (EXIT_OK);
}

/* What status prints for one learner. */
struct learner_status {
	unsigned	 passed;
	const char	*on;		/* their last lesson */
	uint64_t	 last_ms;
	const char	*why;		/* why the log was not read */
	char		*cause;
};

/* Read one learner's log for status. */
static void
read_learner(const struct class_learner *l, const struct track *t,
    struct progress **pp, struct learner_status *ls)
{
	const struct progress_lesson	*pl;
	size_t				 i;

	memset(ls, 0, sizeof *ls);
	*pp = NULL;
	if (l->log == NULL)
		return;
	if (progress_open_flags(l->log, PROGRESS_READONLY | PROGRESS_NOFOLLOW,
	    pp, &ls->cause) != 0) {
		ls->why = ls->cause;
		return;
	}
	for (i = 0; t != NULL && i < t->nlessons; i++) {
		pl = progress_lesson(*pp, t->id, t->lessons[i]->id);
		if (pl != NULL && pl->status == PROGRESS_PASSED)
			ls->passed++;
	}
	if ((pl = progress_last(*pp)) != NULL) {
		ls->on = pl->lesson;
		ls->last_ms = pl->last_ms;
	}
}

/* gotutor class status DIR [--json]. */
static int
sub_status(const struct sub_args *a)
{
	struct class			*c;
	struct library			 lib = { NULL, 0 };
	const struct track		*t;
	const struct class_announcement	*an = NULL;
	struct learner_status		 ls;
	struct progress			*p;
	struct json			 j;
	char				*cause, when[32];
	size_t				 i, total;

	if (a->argc != 0)
		return (fail("status takes DIR and --json only"));
	if (class_open(a->dir, &c, &cause) != 0) {
		fprintf(stderr, "gotutor class: %s\n", cause);
		free(cause);
		return (EXIT_USAGE);
	}
	load_library(a, &lib);
	t = class_track(&lib, &c->state);
	total = t != NULL ? t->nlessons : 0;
	if (c->state.nannouncements > 0)
		an = &c->state.announcements[c->state.nannouncements - 1];
	if (a->json) {
		json_init(&j, stdout);
		json_object(&j);
		json_key(&j, "dir");
		json_string(&j, c->dir);
		json_key(&j, "track");
		json_string(&j, c->state.track);
		json_key(&j, "lessons");
		json_uint(&j, total);
		json_key(&j, "pace");
		json_uint(&j, c->state.pace == 0 ? total : c->state.pace);
		json_key(&j, "frozen");
		json_bool(&j, c->state.frozen);
		json_key(&j, "solutions");
		json_array(&j);
		for (i = 0; i < c->state.nsolutions; i++)
			json_string(&j, c->state.solutions[i]);
		json_end(&j, ']');
		json_key(&j, "announcement");
		if (an == NULL)
			json_null(&j);
		else
			json_string(&j, an->text);
		json_key(&j, "learners");
		json_array(&j);
	} else {
		printf("class %s: track %s, ", c->dir, c->state.track);
		if (c->state.pace == 0 || c->state.pace >= total)
			printf("every lesson open");
		else if (c->state.pace == 1)
			printf("lesson 1 of %zu open (%s)", total,
			    t->lessons[0]->id);
		else
			printf("lessons 1-%u of %zu open (up to %s)",
			    c->state.pace, total,
			    t->lessons[c->state.pace - 1]->id);
		printf("%s\n", c->state.frozen ? ", FROZEN" : "");
		if (an != NULL)
			printf("last announcement (%s): %s\n",
			    cmd_utc(when, sizeof when, an->ts_ms), an->text);
		printf("%zu learner%s:\n", c->nlearners,
		    c->nlearners == 1 ? "" : "s");
	}
	for (i = 0; i < c->nlearners; i++) {
		read_learner(&c->learners[i], t, &p, &ls);
		if (a->json) {
			json_object(&j);
			json_key(&j, "login");
			json_string(&j, c->learners[i].login);
			json_key(&j, "name");
			if (c->learners[i].name != NULL)
				json_string(&j, c->learners[i].name);
			else
				json_null(&j);
			json_key(&j, "passed");
			json_uint(&j, ls.passed);
			json_key(&j, "on");
			if (ls.on != NULL)
				json_string(&j, ls.on);
			else
				json_null(&j);
			json_key(&j, "last_ms");
			json_uint(&j, ls.last_ms);
			json_key(&j, "flag");
			if (c->learners[i].flag != NULL)
				json_string(&j, c->learners[i].flag);
			else if (ls.why != NULL)
				json_string(&j, ls.why);
			else
				json_null(&j);
			json_end(&j, '}');
		} else {
			printf("  %-16s %3u/%-3zu %-24s %s%s%s\n",
			    c->learners[i].login, ls.passed, total,
			    ls.on != NULL ? ls.on : c->learners[i].log ==
			    NULL ? "(not joined)" : "-",
			    ls.last_ms != 0 ? cmd_utc(when, sizeof when,
			    ls.last_ms) : "",
			    c->learners[i].flag != NULL ? "  FLAGGED: " : "",
			    c->learners[i].flag != NULL ?
			    c->learners[i].flag : "");
			if (ls.why != NULL)
				printf("    cannot read the log: %s\n", ls.why);
		}
		free(ls.cause);
		if (p != NULL)
			progress_close(p);
	}
	if (a->json) {
		json_end(&j, ']');
		json_key(&j, "warnings");
		json_array(&j);
		for (i = 0; i < c->nwarnings; i++)
			json_string(&j, c->warnings[i]);
		json_end(&j, ']');
		json_end(&j, '}');
	}
	for (i = 0; i < c->nwarnings; i++)
		fprintf(stderr, "gotutor class: %s\n", c->warnings[i]);
	i = c->nwarnings;
	class_free(c);
	library_free(&lib);
	return (i == 0 ? EXIT_OK : EXIT_FAIL);
}

/* gotutor class dashboard DIR. */
static int
sub_dashboard(const struct sub_args *a)
{
	struct tui_args	ta;

	if (a->argc != 0)
		return (fail("dashboard takes only DIR"));
	memset(&ta, 0, sizeof ta);
	ta.dirs = a->tracks;
	ta.ndirs = a->ntracks;
	ta.class_dir = a->dir;
	ta.dashboard = 1;
	return (tui_main(&ta));
}

/* gotutor class SUBCOMMAND DIR [ARGS]... */
static int
class_exec(const struct cmd *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "track", required_argument, NULL, 'T' },
		{ "tracks", required_argument, NULL, 't' },
		{ "roster", required_argument, NULL, 'r' },
		{ "group", required_argument, NULL, 'g' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const struct sub	*s = NULL;
	struct sub_args		 a;
	size_t			 i;
	int			 ch, r;

	memset(&a, 0, sizeof a);
	a.tracks = xcalloc((size_t)argc + 1, sizeof *a.tracks);
	init_track = init_roster = init_group = NULL;
	opterr = 0;
	optind = 0;	/* options may follow the operands */
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cmd_help(c, stdout);
			free(a.tracks);
			return (EXIT_OK);
		case 'T':
			init_track = optarg;
			break;
		case 't':
			a.tracks[a.ntracks++] = optarg;
			break;
		case 'r':
			init_roster = optarg;
			break;
		case 'g':
			init_group = optarg;
			break;
		case 'j':
			a.json = 1;
			break;
		default:
			free(a.tracks);
			return (cmd_usage_error(c, "unknown option '%s' (or "
			    "it lacks its value)", argv[optind - 1]));
		}
	}
	if (optind == argc) {
		free(a.tracks);
		return (cmd_usage_error(c, "give a subcommand: init, pace, "
		    "announce, solutions, freeze, unfreeze, status or "
		    "dashboard"));
	}
	for (i = 0; i < NSUBS; i++)
		if (strcmp(subs[i].name, argv[optind]) == 0)
			s = &subs[i];
	if (s == NULL) {
		r = cmd_usage_error(c, "unknown subcommand '%s'", argv[optind]);
		free(a.tracks);
		return (r);
	}
	if (optind + 1 == argc) {
		free(a.tracks);
		return (cmd_usage_error(c, "usage: gotutor class %s %s",
		    s->name, s->args));
	}
	if ((init_track != NULL || init_roster != NULL ||
	    init_group != NULL) && s->exec != sub_init) {
		free(a.tracks);
		return (cmd_usage_error(c, "--track, --roster and --group go "
		    "with init"));
	}
	if (a.json && s->exec != sub_status) {
		free(a.tracks);
		return (cmd_usage_error(c, "--json goes with status"));
	}
	a.dir = argv[optind + 1];
	a.argc = argc - optind - 2;
	a.argv = argv + optind + 2;
	r = s->exec(&a);
	free(a.tracks);
	return (r);
}

const struct cmd cmd_class = {
	.name = "class",
	.args = "SUBCOMMAND DIR [ARGS]... [--tracks DIR]...",
	.summary = "run a class: init, pace, announce, status, dashboard",
	.help =
	    "The instructor's commands for a class on a shared host. DIR is\n"
	    "the class directory; learners join it with 'gotutor --class\n"
	    "DIR'. share/classroom.md describes it all.\n"
	    "\n"
	    "Subcommands:\n"
	    "  init DIR --track TRACK [--roster FILE] [--group GROUP]\n"
	    "      make the class directory. The roster is CSV:\n"
	    "      login,name,email. GROUP (default: your primary group) is\n"
	    "      the staff who read every learner's log: no learner may be\n"
	    "      in it. Lesson 1 is open.\n"
	    "  pace DIR N|+N|all|LESSON\n"
	    "      open lessons 1 to N, N more, all of them, or up to LESSON\n"
	    "  announce DIR TEXT...\n"
	    "      show TEXT to every learner, within a second\n"
	    "  solutions DIR LESSON [on|off]\n"
	    "      let learners see LESSON's solution (on), or not (off)\n"
	    "  freeze DIR, unfreeze DIR\n"
	    "      stop every learner's checks (eyes front), or let them go\n"
	    "  status DIR [--json]\n"
	    "      the pace, the last announcement, and each learner\n"
	    "  dashboard DIR\n"
	    "      the live dashboard: learners by lessons, with keys for all\n"
	    "      of the above\n"
	    "\n"
	    "Options:\n"
	    "  --tracks DIR   load an instructor's own tracks from DIR too\n"
	    "  -h, --help     show this help\n"
	    "\n"
	    "Exit status: 0 done, 1 status found something wrong (it says\n"
	    "what), 2 on a usage error or when the class cannot be used.\n",
	.exec = class_exec,
};
