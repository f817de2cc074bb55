/* idiom: run a lesson's Java and Python programs. See idiom.h. */

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"
#include "idiom.h"
#include "jail.h"
#include "xmalloc.h"

#define IDIOM_TIMEOUT_MS	60000
#define IDIOM_OUTPUT_MAX	(1u << 20)

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* Is the program on PATH? */
static int
on_path(const char *name)
{
	const char	*path = getenv("PATH"), *p, *colon;
	char		*full;
	int		 found = 0;

	for (p = path != NULL ? path : "/usr/bin:/bin"; !found && *p != '\0';
	    p = *colon != '\0' ? colon + 1 : colon) {
		colon = p + strcspn(p, ":");
		full = xasprintf("%.*s/%s", (int)(colon - p), p, name);
		found = access(full, X_OK) == 0;
		free(full);
	}
	return (found);
}

/*
 * Run argv in dir with stdin empty and a time limit; collect stdout into
 * *out and stdout and stderr's tail into *err. Return the exit status, or
 * -1 when it could not run or was stopped.
 */
static int
spawn(char *const argv[], const char *dir, char **out, size_t *outlen,
    char **err)
{
	struct pollfd	 p[2];
	char		 buf[8192], *b[2] = { NULL, NULL };
	size_t		 n[2] = { 0, 0 };
	int		 po[2], pe[2], status = -1, open_fds = 2, i;
	long long	 deadline = now_ms() + IDIOM_TIMEOUT_MS;
	ssize_t		 got;
	pid_t		 pid;

	if (pipe2(po, O_CLOEXEC) == -1)
		return (-1);
	if (pipe2(pe, O_CLOEXEC) == -1) {
		close(po[0]);
		close(po[1]);
		return (-1);
	}
	if ((pid = fork()) == 0) {
		int	null = open("/dev/null", O_RDONLY);

		if (null == -1 || dup2(null, 0) == -1 || dup2(po[1], 1) == -1 ||
		    dup2(pe[1], 2) == -1 || chdir(dir) == -1)
			_exit(127);
		setpgid(0, 0);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	p[0] = (struct pollfd){ po[0], POLLIN, 0 };
	p[1] = (struct pollfd){ pe[0], POLLIN, 0 };
	while (pid != -1 && open_fds > 0 && now_ms() < deadline) {
		if (poll(p, 2, (int)(deadline - now_ms())) <= 0)
			continue;
		for (i = 0; i < 2; i++) {
			if (p[i].fd == -1 || p[i].revents == 0)
				continue;
			if ((got = read(p[i].fd, buf, sizeof buf)) <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				open_fds--;
				continue;
			}
			if (n[i] + (size_t)got > IDIOM_OUTPUT_MAX)
				continue;
			b[i] = xreallocarray(b[i], n[i] + (size_t)got + 1, 1);
			memcpy(b[i] + n[i], buf, (size_t)got);
			n[i] += (size_t)got;
			b[i][n[i]] = '\0';
		}
	}
	for (i = 0; i < 2; i++) {
		if (p[i].fd != -1)
			close(p[i].fd);
	}
	if (pid != -1) {
		if (open_fds > 0)
			kill(-pid, SIGKILL), kill(pid, SIGKILL);
		if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    open_fds == 0)
			status = WEXITSTATUS(status);
		else
			status = -1;
	}
	*out = b[0] != NULL ? b[0] : xstrdup("");
	*outlen = n[0];
	*err = b[1] != NULL ? b[1] : xstrdup(open_fds > 0 ? "it was stopped "
	    "after 60 s" : "");
	return (status);
}

/* The name of a Java program's public class, which names its file. */
static char *
java_class(const char *src)
{
	const char	*p = src;
	size_t		 n;

	while ((p = strstr(p, "public ")) != NULL) {
		p += 7;
		p += strspn(p, " \t");
		if (strncmp(p, "final ", 6) == 0)
			p += 6 + strspn(p + 6, " \t");
		if (strncmp(p, "class ", 6) == 0) {
			p += 6 + strspn(p + 6, " \t");
			n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
			    "OPQRSTUVWXYZ0123456789_$");
			if (n > 0)
				return (xstrndup(p, n));
		}
	}
	return (xstrdup("Main"));
}

/* Write text to dir/name; 0 or -1. */
static int
put(const char *dir, const char *name, const char *text)
{
	char	*path = xasprintf("%s/%s", dir, name);
	FILE	*f = fopen(path, "we");
	int	 r = -1;

	free(path);
	if (f != NULL) {
		r = fputs(text, f) == EOF ? -1 : 0;
		if (fclose(f) != 0)
			r = -1;
	}
	return (r);
}

/* A scratch folder for one program; NULL on error. */
static char *
scratch(char **why)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	dir = xasprintf("%s/gotutor-idiom-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		*why = xasprintf("cannot make a folder in %s: %s", tmp,
		    strerror(errno));
		free(dir);
		return (NULL);
	}
	return (dir);
}

/* Remove a scratch folder and free its name. */
static void
scratch_free(char *dir)
{
	jail_remove_tree(dir);
	free(dir);
}

/*
 * Run src, a complete Java or Python program, and compare what it prints
 * with want (trimmed). *why says what went wrong; the caller frees it.
 */
enum idiom_result
idiom_run(enum lang lang, const char *src, const char *want, char **why)
{
	enum idiom_result	 r = IDIOM_FAILED;
	char			*dir, *cls = NULL, *file = NULL, *out, *err;
	char			*diff;
	size_t			 len;
	int			 st;

	*why = NULL;
	if (lang == LANG_JAVA && (!on_path("javac") || !on_path("java"))) {
		*why = xstrdup("no javac and java on PATH (install a JDK, "
		    "such as Debian's default-jdk-headless)");
		return (IDIOM_MISSING);
	}
	if (lang == LANG_PYTHON && !on_path("python3")) {
		*why = xstrdup("no python3 on PATH");
		return (IDIOM_MISSING);
	}
	if ((dir = scratch(why)) == NULL)
		return (IDIOM_FAILED);
	if (lang == LANG_JAVA) {
		cls = java_class(src);
		file = xasprintf("%s.java", cls);
	} else
		file = xstrdup("main.py");
	if (put(dir, file, src) == -1) {
		*why = xasprintf("cannot write %s/%s", dir, file);
		goto out;
	}
	if (lang == LANG_JAVA) {
		char	*javac[] = { "javac", "-d", ".", file, NULL };

		st = spawn(javac, dir, &out, &len, &err);
		free(out);
		if (st != 0) {
			*why = xasprintf("javac failed:\n%s", err);
			free(err);
			goto out;
		}
		free(err);
	}
	{
		char	*java[] = { "java", "-cp", ".", cls, NULL };
		char	*py[] = { "python3", file, NULL };

		st = spawn(lang == LANG_JAVA ? java : py, dir, &out, &len,
		    &err);
	}
	if (st != 0)
		*why = xasprintf("it exited with status %d:\n%s", st, err);
	else if (expect_output(MATCH_TRIMMED, want, out, len, &diff) == 1)
		r = IDIOM_OK;
	else {
		*why = xasprintf("it printed other output:\n%s", diff);
		free(diff);
		r = IDIOM_WRONG;
	}
	free(out);
	free(err);
out:
	free(cls);
	free(file);
	scratch_free(dir);
	return (r);
}

/*
 * Write the files of base, then those of over (which replace or add to
 * them; either may be NULL), into a new scratch folder, as a lesson's
 * solution goes over its starter files. Return 0 with *dir set (the caller
 * removes it with jail_remove_tree and frees it), or -1 with *why.
 */
int
idiom_write_files(const struct fileset *base, const struct fileset *over,
    char **dir, char **why)
{
	const struct fileset	*sets[2] = { base, over };
	size_t			 i, k;

	if ((*dir = scratch(why)) == NULL)
		return (-1);
	for (k = 0; k < 2; k++) {
		for (i = 0; sets[k] != NULL && i < sets[k]->n; i++) {
			if (strchr(sets[k]->v[i].path, '/') != NULL)
				continue;	/* the runner builds the top only */
			if (put(*dir, sets[k]->v[i].path,
			    sets[k]->v[i].text) == -1) {
				*why = xasprintf("cannot write %s/%s", *dir,
				    sets[k]->v[i].path);
				return (-1);
			}
		}
	}
	return (0);
}
