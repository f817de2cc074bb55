/* paths: the user's folders for gotutor's cache, data and configuration. */

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "xmalloc.h"

/* $XDG_x_HOME, or $HOME/fallback; the caller frees. NULL with no HOME. */
static char *
xdg(const char *var, const char *fallback, char **cause)
{
	const char	*v = getenv(var), *home = getenv("HOME");

	if (v != NULL && *v == '/')
		return (xasprintf("%s/gotutor", v));
	if (home == NULL || *home != '/') {
		*cause = xasprintf("neither %s nor HOME is set to a full path",
		    var);
		return (NULL);
	}
	return (xasprintf("%s/%s/gotutor", home, fallback));
}

/* Make path and its parents, private to the user. */
int
paths_mkdirs(const char *path, char **cause)
{
	char	*p, *s = xstrdup(path);

	for (p = s + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(s, 0700) == -1 && errno != EEXIST)
			goto fail;
		*p = '/';
	}
	if (mkdir(s, 0700) == -1 && errno != EEXIST)
		goto fail;
	free(s);
	return (0);
fail:
	*cause = xasprintf("cannot make %s: %s", s, strerror(errno));
	free(s);
	return (-1);
}

/* The cache folder, made if missing; the caller frees. */
char *
paths_cache(char **cause)
{
	char	*dir;

	if ((dir = xdg("XDG_CACHE_HOME", ".cache", cause)) == NULL)
		return (NULL);
	if (paths_mkdirs(dir, cause) == -1) {
		free(dir);
		return (NULL);
	}
	return (dir);
}

/* The data folder, not made here; the caller frees. */
char *
paths_data(char **cause)
{
	return (xdg("XDG_DATA_HOME", ".local/share", cause));
}
