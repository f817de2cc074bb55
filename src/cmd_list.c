/* cmd_list: gotutor list, which prints the tracks and their lessons. */

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "datadir.h"
#include "lesson.h"
#include "load.h"

/* Print a lesson's concepts as "errors, concurrency". */
static void
print_concepts(unsigned set)
{
	const char	*sep = "";
	int		 i;

	for (i = 0; i < CONCEPT__COUNT; i++) {
		if (set & (1u << i)) {
			printf("%s%s", sep, concept_names[i]);
			sep = ", ";
		}
	}
}

/* gotutor list [PATH...]. */
static int
list_exec(const struct cmd *c, int argc, char **argv)
{
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	struct track	*t;
	struct lesson	*l;
	char		*v;
	size_t		 i, j;
	int		 first, status;

	if ((status = cmd_options(c, argc, argv, &first)) >= 0)
		return (status);
	if (cmd_check_paths(c, argc - first, argv + first) != 0)
		return (EXIT_USAGE);
	problems_init(&pb);
	if (first == argc)
		load_path(&lib, datadir_lessons(), &pb);
	for (; first < argc; first++)
		load_path(&lib, argv[first], &pb);

	for (i = 0; i < lib.ntracks; i++) {
		t = lib.tracks[i];
		printf("%s%s: %s (from %s, %zu lesson%s)\n", i == 0 ? "" : "\n",
		    t->id, t->title, lang_names[t->from], t->nlessons,
		    t->nlessons == 1 ? "" : "s");
		for (j = 0; j < t->nlessons; j++) {
			l = t->lessons[j];
			v = goversion_string(&l->min_go);
			printf("  %2zu. %s/%s  %s  [", j + 1, t->id, l->id,
			    l->title);
			print_concepts(l->concepts);
			printf("]  go%s\n", v);
			free(v);
		}
	}
	status = EXIT_OK;
	if (pb.n != 0) {
		problems_sort(&pb);
		problems_print(&pb, stderr);
		fprintf(stderr, "gotutor list: %zu problem%s in the lessons; "
		    "run 'gotutor lint' for details\n", pb.n,
		    pb.n == 1 ? "" : "s");
		status = EXIT_FAIL;
	}
	problems_free(&pb);
	library_free(&lib);
	return (status);
}

const struct cmd cmd_list = {
	.name = "list",
	.args = "[PATH]...",
	.summary = "print the tracks and their lessons",
	.help =
	    "Print each track and its lessons in teaching order, with their\n"
	    "concepts and the oldest Go release they run on. Each PATH is a\n"
	    "track folder or a folder of track folders; with none, list the\n"
	    "bundled tracks.\n"
	    "\n"
	    "Options:\n"
	    "  -h, --help   show this help\n"
	    "\n"
	    "Exit status: 0 when every lesson loaded, 1 when some did not,\n"
	    "2 on a usage error.\n",
	.exec = list_exec,
};
