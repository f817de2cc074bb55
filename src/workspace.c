/* workspace: the learner's folder for each exercise. See workspace.h. */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"
#include "workspace.h"
#include "xmalloc.h"

/* $GOTUTOR_WORKSPACE, or ~/gotutor; the caller frees. */
char *
workspace_root(void)
{
	const char	*w = getenv("GOTUTOR_WORKSPACE"), *home = getenv("HOME");

	if (w != NULL && *w == '/')
		return (xstrdup(w));
	if (home == NULL || *home != '/')
		home = "/tmp";
	return (xasprintf("%s/gotutor", home));
}

/* Write a file that must not exist yet; 0 or -1 with errno. */
static int
create(const char *path, const char *text, size_t len)
{
	int	fd, r = 0;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1)
		return (-1);
	if (write(fd, text, len) != (ssize_t)len)
		r = -1;
	if (close(fd) == -1)
		r = -1;
	return (r);
}

/* Copy the lesson's starter files that are missing from dir. */
static int
fill(const char *dir, const struct lesson *l, char **cause)
{
	const struct fileset	*fs = &l->exercise.files;
	char			*path;
	size_t			 i;

	for (i = 0; i < fs->n; i++) {
		path = xasprintf("%s/%s", dir, fs->v[i].path);
		if (strchr(fs->v[i].path, '/') != NULL) {
			char	*sub = xstrndup(path, (size_t)(strrchr(path,
			    '/') - path));

			if (paths_mkdirs(sub, cause) == -1) {
				free(sub);
				free(path);
				return (-1);
			}
			free(sub);
		}
		if (create(path, fs->v[i].text, fs->v[i].len) == -1 &&
		    errno != EEXIST) {
			*cause = xasprintf("cannot write %s: %s", path,
			    strerror(errno));
			free(path);
			return (-1);
		}
		free(path);
	}
	return (0);
}

/*
 * The folder of a lesson's exercise under root, made and given the starter
 * files that are not there yet. Return 0 with *dir set (the caller frees),
 * or -1 with *cause.
 */
int
workspace_open(const char *root, const struct track *t,
    const struct lesson *l, char **dir, char **cause)
{
	*dir = xasprintf("%s/%s/%s", root, t->id, l->id);
	if (paths_mkdirs(*dir, cause) == -1 || fill(*dir, l, cause) == -1) {
		free(*dir);
		*dir = NULL;
		return (-1);
	}
	return (0);
}

/*
 * Put the starter files back: the folder moves aside to DIR.bak-TIME
 * (named in *backup, which the caller frees) and a fresh one is made.
 */
int
workspace_reset(const char *dir, const struct lesson *l, char **backup,
    char **cause)
{
	char	stamp[32];
	time_t	now = time(NULL);

	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&now));
	*backup = xasprintf("%s.bak-%s", dir, stamp);
	if (rename(dir, *backup) == -1) {
		*cause = xasprintf("cannot move %s aside: %s", dir,
		    strerror(errno));
		free(*backup);
		*backup = NULL;
		return (-1);
	}
	if (paths_mkdirs(dir, cause) == -1 || fill(dir, l, cause) == -1)
		return (-1);
	return (0);
}

/* The file to edit: the exercise's first .go file, in dir. */
char *
workspace_file(const char *dir, const struct lesson *l)
{
	const struct fileset	*fs = &l->exercise.files;
	size_t			 i, n;

	for (i = 0; i < fs->n; i++) {
		n = strlen(fs->v[i].path);
		if (n > 3 && strcmp(fs->v[i].path + n - 3, ".go") == 0)
			return (xasprintf("%s/%s", dir, fs->v[i].path));
	}
	return (xasprintf("%s/main.go", dir));
}
