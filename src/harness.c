/* harness: wrap the learner's func main through an overlay. See harness.h. */

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "harness.h"
#include "json.h"
#include "xmalloc.h"

/* Read a whole file; NULL on error. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf;
	int		 fd;
	ssize_t		 n;
	size_t		 got = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (NULL);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return (NULL);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	    (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	*len = got;
	return (buf);
}

/* Write len bytes to path; 0 or -1. */
static int
spill(const char *path, const char *buf, size_t len)
{
	int	fd, r = -1;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1)
		return (-1);
	if (write(fd, buf, len) == (ssize_t)len)
		r = 0;
	if (close(fd) == -1)
		r = -1;
	return (r);
}

/*
 * The offset of "main" in a top-level "func main(" at the start of a line,
 * or -1. Declarations inside raw strings are not told apart; the build
 * then fails, and the caller builds without the harness.
 */
static long
find_main(const char *src, size_t len)
{
	const char	*p = src, *end = src + len, *q;

	while (p < end) {
		if (end - p > 9 && strncmp(p, "func", 4) == 0 &&
		    (p[4] == ' ' || p[4] == '\t')) {
			q = p + 4;
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (end - q > 5 && strncmp(q, "main", 4) == 0) {
				const char *r = q + 4;

				while (r < end && (*r == ' ' || *r == '\t'))
					r++;
				if (r < end && *r == '(')
					return ((long)(q - src));
			}
		}
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		p++;
	}
	return (-1);
}

/* Is name a Go source file the build takes (not a test)? */
static int
is_go(const char *name)
{
	size_t	n = strlen(name);

	return (n > 3 && strcmp(name + n - 3, ".go") == 0 &&
	    (n < 8 || strcmp(name + n - 8, "_test.go") != 0));
}

/* The harness files, as installed under share/harness and as added. */
static const char *const harness_files[][2] = {
	{ "harness.go", "gotutor_harness.go" },
	{ "crash.go", "gotutor_harness_crash.go" },
	{ "profile.go", "gotutor_harness_profile.go" },
	{ "race.go", "gotutor_harness_race.go" },
};
#define NHARNESS (sizeof harness_files / sizeof harness_files[0])

/*
 * Write top/overlay.json (and the files it names, under top/overlay) that
 * wraps the func main of the package in mod. Return 0 with *overlay set to
 * its path, or -1 with *why saying why the program cannot be wrapped.
 */
int
harness_overlay(const char *mod, const char *top, char **overlay, char **why)
{
	DIR		*d;
	struct dirent	*de;
	struct json	 j;
	FILE		*f;
	char		*path, *src = NULL, *dir, *from, *to, *main_file = NULL;
	size_t		 len = 0, i;
	long		 at = -1;
	int		 r = -1;

	*overlay = NULL;
	if ((d = opendir(mod)) == NULL) {
		*why = xasprintf("cannot open %s: %s", mod, strerror(errno));
		return (-1);
	}
	while (at == -1 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !is_go(de->d_name))
			continue;
		path = xasprintf("%s/%s", mod, de->d_name);
		free(src);
		if ((src = slurp(path, &len)) != NULL &&
		    (at = find_main(src, len)) != -1)
			main_file = xstrdup(de->d_name);
		free(path);
	}
	closedir(d);
	if (at == -1) {
		*why = xstrdup("no func main found");
		goto out;
	}
	for (i = 0; i < NHARNESS; i++) {
		path = xasprintf("%s/%s", mod, harness_files[i][1]);
		if (access(path, F_OK) == 0) {
			*why = xasprintf("the program has a file named %s",
			    harness_files[i][1]);
			free(path);
			goto out;
		}
		free(path);
	}

	dir = xasprintf("%s/overlay", top);
	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		*why = xasprintf("cannot make %s: %s", dir, strerror(errno));
		free(dir);
		goto out;
	}
	memcpy(src + at, HARNESS_MAIN, 4);
	to = xasprintf("%s/%s", dir, main_file);
	if (spill(to, src, len) == -1) {
		*why = xasprintf("cannot write %s: %s", to, strerror(errno));
		free(to);
		free(dir);
		goto out;
	}
	free(to);
	path = xasprintf("%s/overlay.json", top);
	if ((f = fopen(path, "we")) == NULL) {
		*why = xasprintf("cannot write %s: %s", path, strerror(errno));
		free(path);
		free(dir);
		goto out;
	}
	json_init(&j, f);
	json_object(&j);
	json_key(&j, "Replace");
	json_object(&j);
	from = xasprintf("%s/%s", mod, main_file);
	to = xasprintf("%s/%s", dir, main_file);
	json_key(&j, from);
	json_string(&j, to);
	free(from);
	free(to);
	for (i = 0; i < NHARNESS; i++) {
		char	*in = xasprintf("%s/harness/%s", datadir_share(),
		    harness_files[i][0]), *text;
		size_t	 n;

		from = xasprintf("%s/%s", mod, harness_files[i][1]);
		to = xasprintf("%s/%s", dir, harness_files[i][1]);
		if ((text = slurp(in, &n)) == NULL || spill(to, text, n) == -1) {
			*why = xasprintf("cannot copy %s: %s", in,
			    strerror(errno));
			i = NHARNESS + 1;
		} else {
			json_key(&j, from);
			json_string(&j, to);
		}
		free(text);
		free(in);
		free(from);
		free(to);
	}
	json_end(&j, '}');
	json_end(&j, '}');
	fputc('\n', f);
	free(dir);
	if (fclose(f) != 0 || i > NHARNESS) {
		if (i <= NHARNESS)
			*why = xasprintf("cannot write %s", path);
		free(path);
		goto out;
	}
	*overlay = path;
	r = 0;
out:
	free(src);
	free(main_file);
	return (r);
}

/*
 * Does a Go file of the package in mod start a goroutine: a line whose
 * first word is go, followed by a call?
 */
int
harness_goroutines(const char *mod)
{
	DIR		*d;
	struct dirent	*de;
	char		*path, *src, *p, *end;
	size_t		 len = 0;
	int		 found = 0;

	if ((d = opendir(mod)) == NULL)
		return (0);
	while (!found && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !is_go(de->d_name))
			continue;
		path = xasprintf("%s/%s", mod, de->d_name);
		src = slurp(path, &len);
		free(path);
		for (p = src, end = src + len; p != NULL && p < end && !found;) {
			p += strspn(p, " \t");
			found = strncmp(p, "go", 2) == 0 &&
			    (p[2] == ' ' || p[2] == '\t') &&
			    p[2 + strspn(p + 2, " \t")] != '\0' &&
			    strchr("\n/", p[2 + strspn(p + 2, " \t")]) == NULL;
			if ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
				p++;
		}
		free(src);
	}
	closedir(d);
	return (found);
}
