/*
 * checkjob: a check in a child process. See checkjob.h.
 *
 * The child writes lines to a pipe: "stage WHAT" as the check goes on,
 * then "result" and the JSON object of check --json; or "error WHY".
 */

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "checkjob.h"
#include "show.h"
#include "xmalloc.h"

struct checkjob {
	pid_t	 pid;
	int	 fd;
	char	*buf;
	size_t	 len;
	char	 stage[64];
	int	 done;
};

/* The stage callback of the child: one line to the parent. */
static void
child_stage(void *arg, const char *what)
{
	FILE	*f = arg;

	fprintf(f, "stage %s\n", what);
	fflush(f);
}

/* The child: check, report, exit. Never returns. */
static void __attribute__((noreturn))
child(int fd, const struct toolchain *tc, const struct track *t,
    const struct lesson *l, const char *path, int degraded)
{
	struct runner_opts	 how;
	struct outcome		 o;
	FILE			*f;
	char			*cause;
	int			 null;

	/* Nothing of the child may reach the terminal. */
	if ((null = open("/dev/null", O_RDWR)) != -1) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	if ((f = fdopen(fd, "w")) == NULL)
		_exit(1);
	memset(&how, 0, sizeof how);
	how.degraded = degraded;
	how.stage = child_stage;
	how.stage_arg = f;
	if (check_lesson(tc, t, l, path, &how, &o, &cause) != 0) {
		fprintf(f, "error %s\n", cause);
		fclose(f);
		_exit(1);
	}
	fputs("result\n", f);
	show_json(f, &o, o.run.stage == RUNNER_REJECTED ? "error" : o.pass ?
	    "pass" : "fail", o.pass || l->exercise.nhints == 0 ? NULL :
	    l->exercise.hints[0]);
	fclose(f);
	_exit(0);
}

/*
 * Start checking path against lesson l in a child process. Return 0 with
 * *jobp set, or -1 with *cause.
 */
int
checkjob_start(const struct toolchain *tc, const struct track *t,
    const struct lesson *l, const char *path, int degraded,
    struct checkjob **jobp, char **cause)
{
	struct checkjob	*j;
	int		 p[2];

	if (pipe2(p, O_CLOEXEC) == -1) {
		*cause = xasprintf("cannot make a pipe: %s", strerror(errno));
		return (-1);
	}
	fflush(NULL);
	j = xcalloc(1, sizeof *j);
	snprintf(j->stage, sizeof j->stage, "starting");
	if ((j->pid = fork()) == -1) {
		*cause = xasprintf("cannot fork: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		free(j);
		return (-1);
	}
	if (j->pid == 0) {
		close(p[0]);
		setpgid(0, 0);
		child(p[1], tc, t, l, path, degraded);
	}
	setpgid(j->pid, j->pid);
	close(p[1]);
	j->fd = p[0];
	fcntl(j->fd, F_SETFL, O_NONBLOCK);
	*jobp = j;
	return (0);
}

/* The fd to poll for the job's progress; -1 once it is done. */
int
checkjob_fd(const struct checkjob *j)
{
	return (j->fd);
}

/* Take the stage lines that have come in, up to the result. */
static void
take_stages(struct checkjob *j)
{
	char	*nl, *p = j->buf;

	while ((nl = memchr(p, '\n', j->len - (size_t)(p - j->buf))) != NULL &&
	    strncmp(p, "stage ", 6) == 0) {
		snprintf(j->stage, sizeof j->stage, "%.*s", (int)(nl - p - 6),
		    p + 6);
		p = nl + 1;
	}
	j->len -= (size_t)(p - j->buf);
	memmove(j->buf, p, j->len);
}

/* Read what the child wrote; return 1 once it is done. */
int
checkjob_read(struct checkjob *j)
{
	char	tmp[65536];
	ssize_t	n;
	int	status;

	while (j->fd != -1) {
		n = read(j->fd, tmp, sizeof tmp);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {
			close(j->fd);
			j->fd = -1;
			break;
		}
		j->buf = xreallocarray(j->buf, j->len + (size_t)n + 1, 1);
		memcpy(j->buf + j->len, tmp, (size_t)n);
		j->len += (size_t)n;
		j->buf[j->len] = '\0';
		take_stages(j);
	}
	if (j->fd == -1 && !j->done) {
		while (waitpid(j->pid, &status, 0) == -1 && errno == EINTR)
			;
		j->done = 1;
	}
	return (j->done);
}

/* What the child is doing now: "building", "running", ... */
const char *
checkjob_stage(const struct checkjob *j)
{
	return (j->stage);
}

/*
 * The finished job's JSON result (NULL with *len the length of an error
 * message, or 0, when there is none); the job owns it.
 */
const char *
checkjob_result(const struct checkjob *j, size_t *len)
{
	*len = 0;
	if (!j->done || j->buf == NULL)
		return (NULL);
	if (strncmp(j->buf, "result\n", 7) == 0) {
		*len = j->len - 7;
		return (j->buf + 7);
	}
	return (NULL);
}

/* Why the finished job has no result, or NULL; the job owns it. */
const char *
checkjob_error(const struct checkjob *j)
{
	if (!j->done)
		return (NULL);
	if (j->buf != NULL && strncmp(j->buf, "error ", 6) == 0)
		return (j->buf + 6);
	if (j->buf == NULL || strncmp(j->buf, "result\n", 7) != 0)
		return ("the check stopped before it had a result");
	return (NULL);
}

/* Stop the job: the child and everything it started. */
void
checkjob_cancel(struct checkjob *j)
{
	if (!j->done)
		kill(-j->pid, SIGKILL);
}

/* Free the job, stopping it and reaping the child first. */
void
checkjob_free(struct checkjob *j)
{
	int	status;

	if (j == NULL)
		return;
	if (!j->done) {
		kill(-j->pid, SIGKILL);
		while (waitpid(j->pid, &status, 0) == -1 && errno == EINTR)
			;
	}
	if (j->fd != -1)
		close(j->fd);
	free(j->buf);
	free(j);
}
