/*
 * toolchain: the Go toolchain gotutor builds with, found once.
 *
 * GOTUTOR_GO names it; otherwise the first go on PATH, then
 * /usr/local/go/bin/go and /usr/lib/go/bin/go. Its GOROOT is the folder
 * above the real bin/go, and its version the first line of GOROOT/VERSION,
 * as the go command itself finds them; where that layout is missing,
 * `go env` answers, run with the toolchain kept local and offline.
 */

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "toolchain.h"
#include "xmalloc.h"

/* Is path an executable regular file? */
static int
executable(const char *path)
{
	struct stat	st;

	return (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, X_OK) == 0);
}

/* Find the go command; the caller frees. */
static char *
find_go(void)
{
	static const char *const fallbacks[] = {
		"/usr/local/go/bin/go", "/usr/lib/go/bin/go",
	};
	const char	*env = getenv("GOTUTOR_GO"), *path = getenv("PATH");
	char		*dirs, *dir, *save, *cand;
	size_t		 i;

	if (env != NULL && *env != '\0')
		return (executable(env) ? xstrdup(env) : NULL);
	if (path != NULL) {
		dirs = xstrdup(path);
		for (dir = strtok_r(dirs, ":", &save); dir != NULL;
		    dir = strtok_r(NULL, ":", &save)) {
			cand = xasprintf("%s/go", *dir == '\0' ? "." : dir);
			if (*dir == '/' && executable(cand)) {
				free(dirs);
				return (cand);
			}
			free(cand);
		}
		free(dirs);
	}
	for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		if (executable(fallbacks[i]))
			return (xstrdup(fallbacks[i]));
	}
	return (NULL);
}

/* Run go env GOROOT GOVERSION; return its output (the caller frees). */
static char *
go_env(const char *go, char **cause)
{
	char	 buf[4096];
	int	 p[2], status;
	size_t	 len = 0;
	ssize_t	 n;
	pid_t	 pid;

	if (pipe2(p, O_CLOEXEC) == -1) {
		*cause = xasprintf("cannot make a pipe: %s", strerror(errno));
		return (NULL);
	}
	if ((pid = fork()) == -1) {
		*cause = xasprintf("cannot run %s: %s", go, strerror(errno));
		close(p[0]);
		close(p[1]);
		return (NULL);
	}
	if (pid == 0) {
		dup2(p[1], 1);
		setenv("GOTOOLCHAIN", "local", 1);
		setenv("GOTELEMETRY", "off", 1);
		setenv("GOENV", "off", 1);
		execl(go, "go", "env", "GOROOT", "GOVERSION", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	while (len < sizeof buf - 1 &&
	    (n = read(p[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)n;
	close(p[0]);
	buf[len] = '\0';
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf("%s env failed", go);
		return (NULL);
	}
	return (xstrdup(buf));
}

/* Parse "go1.26.8" (or "go1.23rc1") into a version. */
static int
parse_go_version(const char *s, struct goversion *v)
{
	unsigned	a, b, c = 0;

	memset(v, 0, sizeof *v);
	if (sscanf(s, "go%u.%u.%u", &a, &b, &c) < 2 &&
	    sscanf(s, "go%u.%u", &a, &b) != 2)
		return (-1);
	v->major = a;
	v->minor = b;
	v->patch = c;
	return (0);
}

/* GOROOT and version from the layout of a standard install; 0 or -1. */
static int
from_layout(struct toolchain *tc)
{
	char	*real, *root, *vfile, line[128];
	size_t	 len;
	FILE	*f;

	if ((real = realpath(tc->go, NULL)) == NULL)
		return (-1);
	len = strlen(real);
	if (len < 7 || strcmp(real + len - 7, "/bin/go") != 0) {
		free(real);
		return (-1);
	}
	root = xstrndup(real, len - 7);
	free(real);
	vfile = xasprintf("%s/VERSION", root);
	f = fopen(vfile, "re");
	free(vfile);
	if (f == NULL || fgets(line, sizeof line, f) == NULL ||
	    strncmp(line, "go1.", 4) != 0) {
		if (f != NULL)
			fclose(f);
		free(root);
		return (-1);
	}
	fclose(f);
	tc->goroot = root;
	tc->version = xstrndup(line, strcspn(line, " \r\n"));
	return (0);
}

/* Find the toolchain. Return 0, or -1 with *cause set (the caller frees). */
int
toolchain_find(struct toolchain *tc, char **cause)
{
	char	*out, *nl;

	memset(tc, 0, sizeof *tc);
	if ((tc->go = find_go()) == NULL) {
		*cause = xstrdup("no Go toolchain found: install Go 1.21 or "
		    "newer (apt-get install golang-go, or go.dev/dl), or set "
		    "GOTUTOR_GO");
		return (-1);
	}
	if (from_layout(tc) == 0)
		goto parse;
	if ((out = go_env(tc->go, cause)) == NULL) {
		toolchain_free(tc);
		return (-1);
	}
	if ((nl = strchr(out, '\n')) == NULL) {
		*cause = xasprintf("cannot read the output of %s env", tc->go);
		free(out);
		toolchain_free(tc);
		return (-1);
	}
	*nl = '\0';
	tc->goroot = xstrdup(out);
	tc->version = xstrndup(nl + 1, strcspn(nl + 1, "\n"));
	free(out);
parse:
	if (parse_go_version(tc->version, &tc->v) != 0) {
		*cause = xasprintf("cannot read the Go version \"%s\"",
		    tc->version);
		toolchain_free(tc);
		return (-1);
	}
	return (0);
}

/* Free what the toolchain holds. */
void
toolchain_free(struct toolchain *tc)
{
	free(tc->go);
	free(tc->goroot);
	free(tc->version);
	memset(tc, 0, sizeof *tc);
}
