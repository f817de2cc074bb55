/* cmd_play: gotutor play, which builds and runs a Go program in the jails. */

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "check.h"
#include "show.h"
#include "lesson.h"
#include "runner.h"
#include "toolchain.h"
#include "xmalloc.h"

/* Parse a size such as 128M, 1G, 64MiB or 1048576; 0 on error. */
static uint64_t
parse_size(const char *s)
{
	char		*end;
	uint64_t	 v;

	if (!isdigit((unsigned char)*s))
		return (0);
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	else if (*end == 'G' || *end == 'g')
		v <<= 30, end++;
	if (end[0] == 'i' && end[1] == 'B')
		end += 2;
	else if (*end == 'B')
		end++;
	return (*end == '\0' ? v : 0);
}

/* "pass", "fail" or "error" for a result. */
static const char *
status_name(const struct runner_result *r)
{
	if (r->stage == RUNNER_REJECTED)
		return ("error");
	if (r->stage == RUNNER_RAN && r->run.verdict == JAIL_INTERNAL)
		return ("error");
	if (r->stage == RUNNER_BUILD_FAILED && r->build.verdict == JAIL_INTERNAL)
		return ("error");
	if (r->stage == RUNNER_RAN && r->run.verdict == JAIL_OK)
		return ("pass");
	return ("fail");
}

/* The program's output as it wrote it, then the findings and the verdict. */
static void
print_human(const struct outcome *o)
{
	const struct runner_result	*r = &o->run;
	const struct jail_result	*jr = &r->run;
	size_t				 i;

	if (r->stage == RUNNER_REJECTED) {
		fprintf(stderr, "gotutor play: %s\n", r->rejected);
		return;
	}
	if (r->stage == RUNNER_RAN) {
		fwrite(jr->out, 1, jr->out_len, stdout);
		fflush(stdout);
		fwrite(jr->err, 1, jr->err_len, stderr);
	}
	show_findings(stderr, o);
	for (i = 0; i < o->nchecks; i++) {
		/* A program that starts no goroutines needs no race
		 * build, and one that deadlocked was told so. */
		if (strcmp(o->checks[i].name, "data-race") == 0 &&
		    !r->race_asked)
			continue;
		if (o->checks[i].status == CHECK_SKIPPED &&
		    r->stage == RUNNER_RAN)
			fprintf(stderr, "gotutor play: no %s check: %s\n",
			    o->checks[i].name, o->checks[i].reason);
	}
	if (r->stage == RUNNER_BUILD_FAILED) {
		if (r->build.verdict == JAIL_INTERNAL)
			fprintf(stderr, "gotutor play: the build jail failed: "
			    "%s\n", r->build.internal);
		fprintf(stderr, "--- build failed\n");
		return;
	}
	fprintf(stderr, "--- %s", jail_verdict_name(jr->verdict));
	if (jr->verdict == JAIL_EXIT || jr->verdict == JAIL_OK)
		fprintf(stderr, " (exit %d)", jr->exit_code);
	if (jr->verdict == JAIL_SIGNAL)
		fprintf(stderr, " (signal %d)", jr->signal);
	if (jr->verdict == JAIL_INTERNAL)
		fprintf(stderr, ": %s", jr->internal);
	fprintf(stderr, " · %u ms, %u ms CPU, %llu KiB · %s isolation%s%s\n",
	    jr->wall_ms, jr->cpu_ms, (unsigned long long)jr->peak_kib,
	    jail_tier_name(r->tier), r->tier == JAIL_FULL ? "" : ": ",
	    r->tier == JAIL_FULL ? "" : r->tier_why);
}

/* gotutor play [--json] [options] PATH [-- ARGS]. */
static int
play_exec(const struct cmd *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, 'j' },
		{ "stdin", required_argument, NULL, 'i' },
		{ "timeout", required_argument, NULL, 't' },
		{ "memory", required_argument, NULL, 'm' },
		{ "degraded", no_argument, NULL, 'd' },
		{ "fast", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct runner_opts	 o;
	struct outcome		 oc;
	struct toolchain	 tc;
	char			*cause;
	int			 ch, json = 0, status;

	check_opts(NULL, &o);
	memset(&oc, 0, sizeof oc);
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
		case 'i':
			o.stdin_path = optarg;
			break;
		case 't':
			if (duration_parse(optarg, &o.timeout_ms) != 0 ||
			    o.timeout_ms == 0 || o.timeout_ms > 600000)
				return (cmd_usage_error(c, "bad --timeout "
				    "\"%s\": use a duration such as 500ms or "
				    "2s, at most 600s", optarg));
			break;
		case 'm':
			if ((o.memory = parse_size(optarg)) < (16u << 20))
				return (cmd_usage_error(c, "bad --memory \"%s\": "
				    "use a size such as 128M or 1G, at least "
				    "16M", optarg));
			break;
		case 'd':
			o.degraded = 1;
			break;
		case 'n':
			o.vet = 0;
			o.race = RUNNER_RACE_NEVER;
			break;
		default:
			if (optopt != 0)
				return (cmd_usage_error(c, "option '%s' needs a "
				    "value", argv[optind - 1]));
			return (cmd_usage_error(c, "unknown option '%s'",
			    argv[optind - 1]));
		}
	}
	if (optind >= argc)
		return (cmd_usage_error(c, "give a Go file or package folder"));
	if (optind + 1 < argc && strcmp(argv[optind + 1], "--") != 0)
		return (cmd_usage_error(c, "give one program; put its "
		    "arguments after --"));
	if (cmd_check_paths(c, 1, argv + optind) != 0)
		return (EXIT_USAGE);
	if (optind + 1 < argc) {
		o.args = argv + optind + 2;
		o.nargs = (size_t)(argc - optind - 2);
	}
	if (o.stdin_path != NULL && cmd_check_paths(c, 1,
	    (char **)&o.stdin_path) != 0)
		return (EXIT_USAGE);

	if (toolchain_find(&tc, &cause) != 0) {
		fprintf(stderr, "gotutor play: %s\n", cause);
		free(cause);
		return (EXIT_USAGE);
	}
	if (runner_play(&tc, argv[optind], &o, &oc.run, &cause) != 0) {
		fprintf(stderr, "gotutor play: %s\n", cause);
		free(cause);
		toolchain_free(&tc);
		return (EXIT_USAGE);
	}
	check_judge(&oc, argv[optind]);
	if (json)
		show_json(stdout, &oc, status_name(&oc.run), NULL);
	else
		print_human(&oc);
	if (oc.run.stage == RUNNER_REJECTED)
		status = EXIT_USAGE;
	else
		status = strcmp(status_name(&oc.run), "pass") == 0 ? EXIT_OK :
		    EXIT_FAIL;
	outcome_free(&oc);
	toolchain_free(&tc);
	return (status);
}

const struct cmd cmd_play = {
	.name = "play",
	.args = "[--json] [--fast] [--stdin FILE] [--timeout DUR] "
	    "[--memory SIZE] PATH [-- ARGS]",
	.summary = "build and run a Go program in the jail",
	.help =
	    "Build and run a Go program the way go run would, but in two\n"
	    "jails: the toolchain builds it in one, and the program runs in a\n"
	    "much tighter one, with no network, no other files and no other\n"
	    "processes. PATH is a .go file or a package folder. Then print\n"
	    "what it wrote, how it ended, and what the detectors found:\n"
	    "panics and deadlocks explained, goroutines still blocked when\n"
	    "main returned, go vet and ignored errors (checked beside the\n"
	    "build), and, when the program starts goroutines, data races\n"
	    "from a second build with -race.\n"
	    "\n"
	    "Options:\n"
	    "  --json           print one JSON object (described in\n"
	    "                   share/result-json.md)\n"
	    "  --stdin FILE     feed FILE to the program's standard input\n"
	    "  --timeout DUR    stop it after DUR of wall or CPU time\n"
	    "                   (default 10s), such as 500ms or 2s\n"
	    "  --memory SIZE    its memory limit (default 256M), such as 128M\n"
	    "  --degraded       use the degraded jail even where namespaces\n"
	    "                   work (also GOTUTOR_JAIL=degraded)\n"
	    "  --fast           skip go vet, the ignored-error analyzer and\n"
	    "                   the race build (the leak check stays)\n"
	    "  -h, --help       show this help\n"
	    "\n"
	    "Exit status: 0 when the program exited 0, 1 when it failed or\n"
	    "was stopped, 2 on a usage or input error.\n",
	.exec = play_exec,
};

