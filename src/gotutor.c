/* gotutor: the command line: the tutor itself, and its subcommands. */

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"

#include "cmd.h"
#include "datadir.h"
#include "suggest.h"
#include "tui.h"
#include "xmalloc.h"

static const struct cmd *const cmds[] = {
	&cmd_check,
	&cmd_class,
	&cmd_doctor,
	&cmd_lint,
	&cmd_list,
	&cmd_play,
	&cmd_progress,
	&cmd_report,
};
#define NCMDS (sizeof cmds / sizeof cmds[0])

/* Print the top-level help. */
static void
usage(FILE *f)
{
	size_t	i;

	fprintf(f,
	    "usage: gotutor [--tracks DIR]... [--workspace DIR] [--class DIR]\n"
	    "       gotutor COMMAND [ARGS]...\n"
	    "\n"
	    "An interactive tutor for Java and Python developers learning Go.\n"
	    "With no command, start the tutor on the bundled tracks, where\n"
	    "you left off.\n"
	    "\n"
	    "Commands:\n");
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %-10s %s\n", cmds[i]->name, cmds[i]->summary);
	fprintf(f,
	    "  %-10s %s\n"
	    "\n"
	    "Options:\n"
	    "  --tracks DIR     also load the tracks in DIR (a track folder,\n"
	    "                   or a folder of them); may be given more than\n"
	    "                   once\n"
	    "  --workspace DIR  keep the exercises in DIR, not ~/gotutor (or\n"
	    "                   the settings' workspace)\n"
	    "  --class DIR      join the class in DIR: the instructor sets the\n"
	    "                   pace and sees your progress\n"
	    "  -h, --help       show this help\n"
	    "  --version        show the version\n"
	    "\n"
	    "Run 'gotutor help COMMAND' for a command's options.\n"
	    "The bundled tracks are in %s.\n",
	    "help", "show a command's help", datadir_lessons());
}

/* Format ms since the epoch as "2025-06-01 10:22 UTC" into buf. */
const char *
cmd_utc(char *buf, size_t size, uint64_t ms)
{
	struct tm	tm;
	time_t		t = (time_t)(ms / 1000);

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(buf, size, "%llu ms", (unsigned long long)ms);
	return (buf);
}

/* Print a command's help: its synopsis, then its body. */
void
cmd_help(const struct cmd *c, FILE *f)
{
	fprintf(f, "usage: gotutor %s %s\n\n%s", c->name, c->args, c->help);
}

/* Report a usage error for c and return EXIT_USAGE. */
int
cmd_usage_error(const struct cmd *c, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "gotutor %s: ", c->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRun 'gotutor %s --help' for usage.\n", c->name);
	return (EXIT_USAGE);
}

/*
 * Parse the options of a command that takes only --help. Return -1 with
 * *first set to the first operand, or the status the command exits with.
 */
int
cmd_options(const struct cmd *c, int argc, char **argv, int *first)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch;

	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		if (ch == 'h') {
			cmd_help(c, stdout);
			return (EXIT_OK);
		}
		return (cmd_usage_error(c, "unknown option '%s'",
		    argv[optind - 1]));
	}
	*first = optind;
	return (-1);
}

/* Check that every path exists; report the first that does not. */
int
cmd_check_paths(const struct cmd *c, int n, char **paths)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (access(paths[i], F_OK) != 0) {
			fprintf(stderr, "gotutor %s: cannot open %s: %s\n",
			    c->name, paths[i], strerror(errno));
			return (-1);
		}
	}
	return (0);
}

/* Find a command by name. */
static const struct cmd *
find_cmd(const char *name)
{
	size_t	i;

	for (i = 0; i < NCMDS; i++) {
		if (strcmp(cmds[i]->name, name) == 0)
			return (cmds[i]);
	}
	return (NULL);
}

/* Say that name is not a command, naming the one it looks like. */
static int
unknown_cmd(const char *name)
{
	const char	*names[NCMDS + 1], *near;
	size_t		 i;

	for (i = 0; i < NCMDS; i++)
		names[i] = cmds[i]->name;
	names[NCMDS] = "help";
	fprintf(stderr, "gotutor: unknown command \"%s\"", name);
	if ((near = suggest(name, names, NCMDS + 1)) != NULL)
		fprintf(stderr, " (did you mean \"%s\"?)", near);
	fprintf(stderr, "\nRun 'gotutor --help' for the list of commands.\n");
	return (EXIT_USAGE);
}

/* gotutor help [COMMAND]. */
static int
help(int argc, char **argv)
{
	const struct cmd	*c;

	if (argc < 2) {
		usage(stdout);
		return (EXIT_OK);
	}
	if (argc > 2) {
		fprintf(stderr, "gotutor help: give one command\n");
		return (EXIT_USAGE);
	}
	if ((c = find_cmd(argv[1])) == NULL)
		return (unknown_cmd(argv[1]));
	cmd_help(c, stdout);
	return (EXIT_OK);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "tracks", required_argument, NULL, 't' },
		{ "workspace", required_argument, NULL, 'w' },
		{ "class", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	 *c;
	struct tui_args		  ta;
	const char		 *class_dir = NULL;
	char			 *ws = NULL;
	const char		**dirs;
	size_t			  ndirs = 0;
	char			  cwd[4096];
	int			  ch, status;

	dirs = xcalloc((size_t)argc, sizeof *dirs);
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			free(dirs);
			return (EXIT_OK);
		case 'V':
			printf("gotutor %s\n", PACKAGE_VERSION);
			free(dirs);
			return (EXIT_OK);
		case 't':
			dirs[ndirs++] = optarg;
			break;
		case 'c':
			class_dir = optarg;
			break;
		case 'w':
			/* The option overrides the settings file the way the
			 * environment does. */
			free(ws);
			ws = optarg[0] == '/' ? xstrdup(optarg) :
			    xasprintf("%s/%s", getcwd(cwd, sizeof cwd) != NULL ?
			    cwd : ".", optarg);
			setenv("GOTUTOR_WORKSPACE", ws, 1);
			break;
		default:
			if (optopt == 't' || optopt == 'w' || optopt == 'c')
				fprintf(stderr, "gotutor: --%s needs a "
				    "folder\n", optopt == 't' ? "tracks" :
				    optopt == 'c' ? "class" : "workspace");
			else
				fprintf(stderr, "gotutor: unknown option "
				    "'%s'\n", argv[optind - 1]);
			fprintf(stderr, "Run 'gotutor --help' for usage.\n");
			free(dirs);
			return (EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0) {
		memset(&ta, 0, sizeof ta);
		ta.dirs = dirs;
		ta.ndirs = ndirs;
		ta.class_dir = class_dir;
		status = tui_main(&ta);
		free(dirs);
		free(ws);
		return (status);
	}
	free(dirs);
	if (ndirs != 0 || ws != NULL || class_dir != NULL) {
		free(ws);
		fprintf(stderr, "gotutor: --tracks, --workspace and --class go "
		    "with the tutor, not a command; commands take folders as "
		    "arguments\n");
		return (EXIT_USAGE);
	}
	free(ws);
	if (strcmp(argv[0], "help") == 0)
		return (help(argc, argv));
	if ((c = find_cmd(argv[0])) == NULL)
		return (unknown_cmd(argv[0]));
	return (c->exec(c, argc, argv));
}
