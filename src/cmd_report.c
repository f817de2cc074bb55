/* cmd_report: gotutor report, the cohort report of classes and logs. */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "datadir.h"
#include "lesson.h"
#include "load.h"
#include "report.h"
#include "xmalloc.h"

#define OUT_BUFFER	(1 << 20)

/* One input, in the order given. */
struct input {
	const char	*path;
	const char	*login;		/* --as, or NULL */
	int		 class;		/* a class directory, not a log */
};

/* Parse --now: ms since the epoch, or an ISO date (2025-06-01, or
 * 2025-06-01T10:00:00 with an optional Z, UTC). */
static int
parse_now(const char *s, uint64_t *ms)
{
	struct tm	 tm;
	const char	*end;
	char		*e;
	time_t		 t;

	if (*s >= '0' && *s <= '9' && strspn(s, "0123456789") == strlen(s)) {
		errno = 0;
		*ms = strtoull(s, &e, 10);
		return (errno != 0 || *ms == 0 ? -1 : 0);
	}
	memset(&tm, 0, sizeof tm);
	if ((end = strptime(s, "%Y-%m-%d", &tm)) == NULL)
		return (-1);
	if (*end == 'T' && (end = strptime(end + 1, "%H:%M:%S", &tm)) == NULL)
		return (-1);
	if (*end == 'Z')
		end++;
	if (*end != '\0' || (t = timegm(&tm)) == (time_t)-1 || t < 0)
		return (-1);
	*ms = (uint64_t)t * 1000;
	return (0);
}

/* Parse a whole number of days, 1 to 36500. */
static int
parse_days(const char *s, unsigned *days)
{
	char		*end;
	unsigned long	 n;

	if (*s < '0' || *s > '9')
		return (-1);
	errno = 0;
	n = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > 36500)
		return (-1);
	*days = (unsigned)n;
	return (0);
}

/* Write the report to path through path.tmp and a rename, so that a
 * failed report never leaves half a file; or to stdout for NULL. */
static int
write_out(const struct report_format *fmt, const struct report *r,
    const struct report_opts *opts, const char *path, char **cause)
{
	FILE	*f;
	char	*tmp;
	int	 saved;

	if (path == NULL) {
		setvbuf(stdout, NULL, _IOFBF, OUT_BUFFER);
		fmt->write(r, opts, stdout);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			*cause = xasprintf("cannot write the report: %s",
			    strerror(errno));
			return (-1);
		}
		return (0);
	}
	tmp = xasprintf("%s.tmp", path);
	if ((f = fopen(tmp, "w")) == NULL) {
		*cause = xasprintf("cannot open %s: %s", tmp, strerror(errno));
		free(tmp);
		return (-1);
	}
	setvbuf(f, NULL, _IOFBF, OUT_BUFFER);
	fmt->write(r, opts, f);
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
		saved = errno;
		fclose(f);
		*cause = xasprintf("cannot write %s: %s", tmp,
		    strerror(saved));
		goto fail;
	}
	if (fclose(f) != 0) {
		*cause = xasprintf("cannot write %s: %s", tmp,
		    strerror(errno));
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		*cause = xasprintf("cannot rename %s to %s: %s", tmp, path,
		    strerror(errno));
		goto fail;
	}
	free(tmp);
	return (0);
fail:
	unlink(tmp);
	free(tmp);
	return (-1);
}

/* gotutor report [OPTIONS] [[--as LOGIN] LOG]... */
static int
report_exec(const struct cmd *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "class", required_argument, NULL, 'c' },
		{ "tracks", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "lms", required_argument, NULL, 'l' },
		{ "per-track", no_argument, NULL, 'p' },
		{ "inactive-days", required_argument, NULL, 'i' },
		{ "now", required_argument, NULL, 'n' },
		{ "as", required_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	const struct report_format	 *fmt;
	struct report_opts		  opts;
	struct report_builder		 *b;
	struct report			 *r = NULL;
	struct library			  lib = { NULL, 0 };
	struct problems			  pb;
	struct input			 *in = NULL;
	const char			**tracks = NULL, *format = "text";
	const char			 *out = NULL, *as = NULL;
	char				 *cause;
	size_t				  nin = 0, ntracks = 0, i, good = 0;
	int				  ch, status = EXIT_USAGE;

	memset(&opts, 0, sizeof opts);
	problems_init(&pb);
	opterr = 0;
	/* "-": operands come in order, so --as goes with the next LOG; 0
	 * makes getopt read the optstring again. */
	optind = 0;
	while ((ch = getopt_long(argc, argv, "-ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cmd_help(c, stdout);
			status = EXIT_OK;
			goto out;
		case 1:
		case 'c':
			in = xreallocarray(in, nin + 1, sizeof *in);
			in[nin].path = optarg;
			in[nin].class = ch == 'c';
			in[nin++].login = ch == 'c' ? NULL : as;
			if (ch == 'c' && as != NULL) {
				cmd_usage_error(c, "--as goes before a LOG, "
				    "not --class");
				goto out;
			}
			as = NULL;
			break;
		case 'a':
			if (*optarg == '\0' || strchr(optarg, '/') != NULL) {
				cmd_usage_error(c, "bad login '%s'", optarg);
				goto out;
			}
			as = optarg;
			break;
		case 't':
			tracks = xreallocarray(tracks, ntracks + 1,
			    sizeof *tracks);
			tracks[ntracks++] = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "moodle") == 0)
				opts.lms = REPORT_LMS_MOODLE;
			else if (strcmp(optarg, "canvas") == 0)
				opts.lms = REPORT_LMS_CANVAS;
			else {
				cmd_usage_error(c, "unknown LMS '%s' (moodle "
				    "or canvas)", optarg);
				goto out;
			}
			break;
		case 'p':
			opts.per_track = 1;
			break;
		case 'i':
			if (parse_days(optarg, &opts.inactive_days) != 0) {
				cmd_usage_error(c, "bad --inactive-days '%s' "
				    "(a number of days, 1 or more)", optarg);
				goto out;
			}
			break;
		case 'n':
			if (parse_now(optarg, &opts.now_ms) != 0) {
				cmd_usage_error(c, "bad --now '%s' (a date "
				    "such as 2025-06-01, or ms since 1970)",
				    optarg);
				goto out;
			}
			break;
		case 'o':
			out = optarg;
			break;
		default:
			if (optopt != 0)
				cmd_usage_error(c, "option '%s' needs a value",
				    argv[optind - 1]);
			else
				cmd_usage_error(c, "unknown option '%s'",
				    argv[optind - 1]);
			goto out;
		}
	}
	if (as != NULL) {
		cmd_usage_error(c, "--as %s is not followed by a LOG", as);
		goto out;
	}
	if ((fmt = report_format_find(format)) == NULL) {
		cmd_usage_error(c, "unknown format '%s' (text, md, csv, html "
		    "or json)", format);
		goto out;
	}
	if (opts.lms != REPORT_LMS_NONE && strcmp(format, "csv") != 0) {
		cmd_usage_error(c, "--lms goes with --format csv");
		goto out;
	}
	if (nin == 0) {
		cmd_usage_error(c, "give a class (--class DIR) or a log");
		goto out;
	}
	if (ntracks > 0 && cmd_check_paths(c, (int)ntracks,
	    (char **)tracks) != 0)
		goto out;

	if (ntracks == 0)
		load_path(&lib, datadir_lessons(), &pb);
	for (i = 0; i < ntracks; i++)
		load_path(&lib, tracks[i], &pb);
	b = report_builder_new(&lib);
	for (i = 0; i < nin; i++) {
		if (in[i].class ? report_add_class(b, in[i].path, &cause) :
		    report_add_log(b, in[i].path, in[i].login, &cause)) {
			free(cause);
			continue;
		}
		good++;
	}
	r = report_build(b, &opts);
	for (i = 0; i < r->nwarnings; i++)
		fprintf(stderr, "gotutor report: warning: %s\n",
		    r->warnings[i]);
	if (pb.n != 0)
		fprintf(stderr, "gotutor report: warning: %zu problem%s in "
		    "the lessons; run 'gotutor lint' for details\n", pb.n,
		    pb.n == 1 ? "" : "s");
	if (good == 0) {
		fprintf(stderr, "gotutor report: nothing to report: no class "
		    "or log could be read\n");
		goto out;
	}
	if (write_out(fmt, r, &opts, out, &cause) != 0) {
		fprintf(stderr, "gotutor report: %s\n", cause);
		free(cause);
		goto out;
	}
	status = r->nwarnings != 0 || pb.n != 0 ? EXIT_FAIL : EXIT_OK;
out:
	report_free(r);
	library_free(&lib);
	problems_free(&pb);
	free(in);
	free(tracks);
	return (status);
}

const struct cmd cmd_report = {
	.name = "report",
	.args = "[--class DIR]... [--tracks DIR]... [--format FORMAT]\n"
	    "       [--lms moodle|canvas] [--per-track] [--inactive-days N]\n"
	    "       [--now DATE] [-o FILE] [[--as LOGIN] LOG]...",
	.summary = "report on a cohort's progress",
	.help =
	    "Report on the progress of every learner of the class directories\n"
	    "(--class) and of the loose progress logs (LOG) given: per learner,\n"
	    "per lesson and for the cohort. A learner in several of them has\n"
	    "their events merged, and duplicates dropped. A loose log's\n"
	    "learner is its file name without .log (alice.log is alice), or\n"
	    "the LOGIN of --as before it. Bad input (a torn or corrupt log, an\n"
	    "unknown event, a lesson no longer in its track, a log owned by\n"
	    "someone else) is a warning, with FILE:LINE, and is left out or\n"
	    "flagged; the report goes on. share/report-format.md defines\n"
	    "every figure.\n"
	    "\n"
	    "Options:\n"
	    "  --class DIR          a class directory; may be repeated\n"
	    "  --tracks DIR         the tracks to place the lessons in,\n"
	    "                       instead of the bundled ones; may be\n"
	    "                       repeated\n"
	    "  --format FORMAT      text (the default), md, csv, html or json\n"
	    "  --lms moodle|canvas  the CSV's layout, for that LMS's import\n"
	    "  --per-track          CSV: a grade column per track\n"
	    "  --inactive-days N    inactive: no event for N days (default 7)\n"
	    "  --now DATE           count inactivity from DATE (2025-06-01,\n"
	    "                       2025-06-01T12:00:00Z or ms), not now\n"
	    "  --as LOGIN           the next LOG is LOGIN's\n"
	    "  -o, --output FILE    write the report to FILE (whole or not\n"
	    "                       at all), not to standard output\n"
	    "  -h, --help           show this help\n"
	    "\n"
	    "Exit status: 0 when all the input was clean, 1 when there were\n"
	    "warnings (the report is still written), 2 on a usage error or\n"
	    "when there is nothing to report or it cannot be written.\n",
	.exec = report_exec,
};
