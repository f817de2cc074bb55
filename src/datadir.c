/*
 * datadir: where the bundled tracks and data live, installed or not.
 *
 * An installed gotutor reads $(pkgdatadir). A gotutor run from its build
 * tree reads the source tree instead, so that it works without installing.
 * GOTUTOR_DATADIR overrides both; it holds the share files and lessons/.
 */

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "xmalloc.h"

static char	*share_dir;
static char	*lessons_dir;

/* Is this process the gotutor binary of the build tree? */
static int
in_build_tree(void)
{
	char	 exe[PATH_MAX], *built, *real;
	ssize_t	 n;
	int	 r;

	if ((n = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0)
		return (0);
	exe[n] = '\0';
	built = xasprintf("%s/src/gotutor", GT_BUILDDIR);
	real = realpath(built, NULL);
	r = real != NULL && strcmp(real, exe) == 0;
	free(real);
	free(built);
	return (r);
}

/* Decide the two directories once. */
static void
datadir_init(void)
{
	const char	*env;

	if (share_dir != NULL)
		return;
	if ((env = getenv("GOTUTOR_DATADIR")) != NULL && *env != '\0') {
		share_dir = xstrdup(env);
		lessons_dir = xasprintf("%s/lessons", env);
	} else if (in_build_tree()) {
		share_dir = xasprintf("%s/share", GT_SRCDIR);
		lessons_dir = xasprintf("%s/lessons", GT_SRCDIR);
	} else {
		share_dir = xstrdup(GT_PKGDATADIR);
		lessons_dir = xasprintf("%s/lessons", GT_PKGDATADIR);
	}
}

/* The directory of the share files (harness, schema, format). */
const char *
datadir_share(void)
{
	datadir_init();
	return (share_dir);
}

/* The directory holding the bundled track folders. */
const char *
datadir_lessons(void)
{
	datadir_init();
	return (lessons_dir);
}
