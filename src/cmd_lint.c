/* cmd_lint: gotutor lint, which checks tracks and lessons and reports all. */

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "datadir.h"
#include "lesson.h"
#include "load.h"
#include "xmalloc.h"

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

/* gotutor lint [PATH...]. */
static int
lint_exec(const struct cmd *c, int argc, char **argv)
{
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	size_t		 i, nlessons = 0, nlone = 0;
	int		 first, status;

	if ((status = cmd_options(c, argc, argv, &first)) >= 0)
		return (status);
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
	problems_free(&pb);
	library_free(&lib);
	return (status);
}

const struct cmd cmd_lint = {
	.name = "lint",
	.args = "[PATH]...",
	.summary = "check tracks and lessons, and report every problem",
	.help =
	    "Check lesson tracks against the lesson format and print every\n"
	    "problem as FILE:LINE:COL: message. Each PATH is a track folder\n"
	    "(one holding track.yaml), a folder of track folders, or a single\n"
	    "lesson file. With no PATH, check the bundled tracks.\n"
	    "\n"
	    "The format is described in lesson-format.md beside the bundled\n"
	    "tracks.\n"
	    "\n"
	    "Options:\n"
	    "  -h, --help   show this help\n"
	    "\n"
	    "Exit status: 0 when everything is valid, 1 when anything is not,\n"
	    "2 on a usage error.\n",
	.exec = lint_exec,
};
