/*
 * cgroup: a memory and process limit for one job, where one can be had.
 *
 * cgroup v2 is used where this process's own cgroup lets it make a child
 * with the memory and pids controllers; otherwise the v1 memory and pids
 * hierarchies where they are writable. Without either, the jail falls back
 * on rlimits, and cgroup_create says why.
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"

#define CG_ROOT	"/sys/fs/cgroup"

struct cgroup {
	int		 v2;
	char		*mem;		/* the memory cgroup's folder */
	char		*pids;		/* the pids cgroup's folder (v1) */
};

/* Write a string to dir/file; return 0 or -1 with errno. */
static int
cg_write(const char *dir, const char *file, const char *value)
{
	char	path[4096];
	int	fd;
	ssize_t	n;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) == -1)
		return (-1);
	n = write(fd, value, strlen(value));
	close(fd);
	return (n == (ssize_t)strlen(value) ? 0 : -1);
}

/* Read dir/file into buf; return its length or -1. */
static ssize_t
cg_read(const char *dir, const char *file, char *buf, size_t size)
{
	char	path[4096];
	int	fd;
	ssize_t	n;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (-1);
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return (-1);
	buf[n] = '\0';
	return (n);
}

/* Find "KEY N" in dir/file and return N, or 0. */
static uint64_t
cg_key(const char *dir, const char *file, const char *key)
{
	char	 buf[4096], *p;
	size_t	 len = strlen(key);

	if (cg_read(dir, file, buf, sizeof buf) < 0)
		return (0);
	for (p = buf; p != NULL && *p != '\0'; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (strncmp(p, key, len) == 0 && p[len] == ' ')
			return (strtoull(p + len + 1, NULL, 10));
	}
	return (0);
}

/* This process's cgroup path in hierarchy v2 ("") or controller c (v1). */
static char *
own_path(const char *controller)
{
	FILE	*f;
	char	 line[4096], *path = NULL, *c, *p;

	if ((f = fopen("/proc/self/cgroup", "re")) == NULL)
		return (NULL);
	while (path == NULL && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((c = strchr(line, ':')) == NULL ||
		    (p = strchr(c + 1, ':')) == NULL)
			continue;
		*p++ = '\0';
		c++;
		if (*controller == '\0' ? *c == '\0' && strncmp(line, "0", 2) == 0 :
		    strstr(c, controller) != NULL)
			path = strdup(p);
	}
	fclose(f);
	return (path);
}

/* Make a new child folder of base named for this job; NULL on failure. */
static char *
make_child(const char *base)
{
	static unsigned	 seq;
	char		*dir;

	if (asprintf(&dir, "%s/gotutor-%ld-%u", base, (long)getpid(),
	    seq++) == -1)
		return (NULL);
	if (mkdir(dir, 0755) == -1) {
		free(dir);
		return (NULL);
	}
	return (dir);
}

/* Try cgroup v2: a child of our own cgroup's parent-safe location. */
static struct cgroup *
try_v2(uint64_t memory, unsigned pids)
{
	struct cgroup	*cg;
	char		*own, *base, buf[256];

	if ((own = own_path("")) == NULL)
		return (NULL);
	if (asprintf(&base, "%s%s", CG_ROOT, own) == -1) {
		free(own);
		return (NULL);
	}
	free(own);
	/* Our own cgroup must offer both controllers to children. */
	if (cg_read(base, "cgroup.subtree_control", buf, sizeof buf) < 0 ||
	    strstr(buf, "memory") == NULL || strstr(buf, "pids") == NULL) {
		free(base);
		return (NULL);
	}
	if ((cg = calloc(1, sizeof *cg)) == NULL ||
	    (cg->mem = make_child(base)) == NULL) {
		free(cg);
		free(base);
		return (NULL);
	}
	free(base);
	cg->v2 = 1;
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)memory);
	if (cg_write(cg->mem, "memory.max", buf) == -1) {
		cgroup_destroy(cg);
		return (NULL);
	}
	(void)cg_write(cg->mem, "memory.swap.max", "0");
	snprintf(buf, sizeof buf, "%u", pids);
	(void)cg_write(cg->mem, "pids.max", buf);
	return (cg);
}

/* Try cgroup v1: the memory and pids hierarchies. */
static struct cgroup *
try_v1(uint64_t memory, unsigned pids)
{
	struct cgroup	*cg;
	char		*own, *base, buf[64];

	if ((cg = calloc(1, sizeof *cg)) == NULL)
		return (NULL);
	if ((own = own_path("memory")) != NULL &&
	    asprintf(&base, "%s/memory%s", CG_ROOT, own) != -1) {
		cg->mem = make_child(base);
		free(base);
	}
	free(own);
	if (cg->mem == NULL) {
		free(cg);
		return (NULL);
	}
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)memory);
	if (cg_write(cg->mem, "memory.limit_in_bytes", buf) == -1) {
		cgroup_destroy(cg);
		return (NULL);
	}
	(void)cg_write(cg->mem, "memory.memsw.limit_in_bytes", buf);
	if ((own = own_path("pids")) != NULL &&
	    asprintf(&base, "%s/pids%s", CG_ROOT, own) != -1) {
		cg->pids = make_child(base);
		free(base);
	}
	free(own);
	snprintf(buf, sizeof buf, "%u", pids);
	if (cg->pids != NULL && cg_write(cg->pids, "pids.max", buf) == -1) {
		rmdir(cg->pids);
		free(cg->pids);
		cg->pids = NULL;
	}
	return (cg);
}

/*
 * Make a cgroup limiting memory to the given bytes and tasks to pids.
 * Return it, or NULL with *why set to a static reason when none can be had.
 */
struct cgroup *
cgroup_create(uint64_t memory, unsigned pids, char **why)
{
	struct cgroup	*cg;

	if ((cg = try_v2(memory, pids)) != NULL ||
	    (cg = try_v1(memory, pids)) != NULL)
		return (cg);
	*why = "no writable cgroup with the memory controller";
	return (NULL);
}

/* Move pid into the cgroup. */
int
cgroup_attach(struct cgroup *cg, pid_t pid)
{
	char	buf[32];

	snprintf(buf, sizeof buf, "%ld", (long)pid);
	if (cg_write(cg->mem, "cgroup.procs", buf) == -1)
		return (-1);
	if (cg->pids != NULL && cg_write(cg->pids, "cgroup.procs", buf) == -1)
		return (-1);
	return (0);
}

/* Did the kernel kill anything in the cgroup for want of memory? */
int
cgroup_oom_killed(struct cgroup *cg)
{
	if (cg->v2)
		return (cg_key(cg->mem, "memory.events", "oom_kill") > 0);
	return (cg_key(cg->mem, "memory.oom_control", "oom_kill") > 0);
}

/* The most memory the cgroup held, in bytes; 0 when unknown. */
uint64_t
cgroup_peak(struct cgroup *cg)
{
	char	buf[64];

	if (cg_read(cg->mem, cg->v2 ? "memory.peak" :
	    "memory.max_usage_in_bytes", buf, sizeof buf) < 0)
		return (0);
	return (strtoull(buf, NULL, 10));
}

/* Kill every task of one cgroup folder until none is left. */
static void
kill_all(const char *dir, int v2)
{
	char	 buf[65536], *p, *end;
	int	 round;
	long	 pid;

	if (v2 && cg_write(dir, "cgroup.kill", "1") == 0)
		return;
	for (round = 0; round < 100; round++) {
		if (cg_read(dir, "cgroup.procs", buf, sizeof buf) <= 0)
			return;
		for (p = buf; *p != '\0'; p = end) {
			pid = strtol(p, &end, 10);
			if (end == p)
				break;
			if (pid > 0)
				kill((pid_t)pid, SIGKILL);
		}
		usleep(1000);
	}
}

/* SIGKILL everything in the cgroup. */
void
cgroup_kill(struct cgroup *cg)
{
	kill_all(cg->mem, cg->v2);
	if (cg->pids != NULL)
		kill_all(cg->pids, 0);
}

/* Kill what is left, remove the folders and free. */
void
cgroup_destroy(struct cgroup *cg)
{
	int	i;

	if (cg == NULL)
		return;
	cgroup_kill(cg);
	/* A killed task leaves the cgroup a moment after it dies. */
	for (i = 0; i < 200; i++) {
		if ((cg->mem == NULL || rmdir(cg->mem) == 0 || errno == ENOENT) &&
		    (cg->pids == NULL || rmdir(cg->pids) == 0 ||
		    errno == ENOENT))
			break;
		usleep(1000);
	}
	free(cg->mem);
	free(cg->pids);
	free(cg);
}
