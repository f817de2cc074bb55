/*
 * child: the jailed child's side of a jail, from clone to exec.
 *
 * It waits for its parent to map its ids and cgroup it, starts a session,
 * dies with the tutor, takes its stdin and output pipes, builds its root
 * (full tier) or enters its box (degraded), copies the seed files in, sets
 * its rlimits, confines files with Landlock (degraded), drops to nobody
 * when the tutor is root, closes every other fd, loads its seccomp filter,
 * hands the filter's listener to the parent and execs the program from its
 * pre-opened fd. Any failure goes to the parent as a message.
 */

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "box.h"
#include "child.h"
#include "filter.h"
#include "fsrules.h"

/* Report a failed step to the parent and exit. */
void
child_fail(int sync, const char *what)
{
	struct msg	m;

	memset(&m, 0, sizeof m);
	m.type = MSG_FAILED;
	m.err = errno;
	snprintf(m.what, sizeof m.what, "%s", what);
	(void)!write(sync, &m, sizeof m);
	_exit(127);
}

/* Send the seccomp listener fd to the parent. */
static int
child_send_fd(int sync, int fd)
{
	struct msg	 m;
	struct msghdr	 mh;
	struct iovec	 iov;
	union {
		char		buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr	align;
	} u;
	struct cmsghdr	*cm;

	memset(&m, 0, sizeof m);
	m.type = MSG_LISTENER;
	iov.iov_base = &m;
	iov.iov_len = sizeof m;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = u.buf;
	mh.msg_controllen = sizeof u.buf;
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof fd);
	return (sendmsg(sync, &mh, 0) == (ssize_t)sizeof m ? 0 : -1);
}

/* Set one rlimit, soft and hard alike. */
static int
limit(int res, rlim_t v)
{
	struct rlimit	rl = { v, v };

	return (setrlimit(res, &rl));
}

/* Close every fd from first on but the two given (which are above it). */
static void
close_others(int first, int keep1, int keep2)
{
	struct rlimit	rl;
	int		lo = keep1 < keep2 ? keep1 : keep2;
	int		hi = keep1 < keep2 ? keep2 : keep1, fd, max;

	/* close_range (Linux 5.9) in three spans; else one by one, as far
	 * as the fd limit reaches. */
	if (syscall(SYS_close_range, first, lo - 1, 0) == 0 &&
	    (hi == lo + 1 || syscall(SYS_close_range, lo + 1, hi - 1, 0) == 0) &&
	    syscall(SYS_close_range, hi + 1, ~0U, 0) == 0)
		return;
	max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 65536 ?
	    (int)rl.rlim_cur : 65536;
	for (fd = first; fd < max; fd++) {
		if (fd != keep1 && fd != keep2)
			close(fd);
	}
}

/*
 * Copy the regular files at the top of the seed folder (an open fd) into
 * the folder dst, never following a link. Return 0 or -1.
 */
int
child_copy_seed(int seed, int dst)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		 buf[65536];
	int		 in, out, fd;
	ssize_t		 n;
	off_t		 total;

	if ((fd = dup(seed)) == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return (-1);
	}
	rewinddir(d);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		in = openat(seed, de->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (in == -1)
			continue;
		if (fstat(in, &st) == -1 || !S_ISREG(st.st_mode) ||
		    st.st_size > CHILD_SEED_MAX) {
			close(in);
			continue;
		}
		out = openat(dst, de->d_name, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0644);
		total = 0;
		while (out != -1 && (n = read(in, buf, sizeof buf)) > 0) {
			if (write(out, buf, (size_t)n) != n)
				break;
			total += n;
		}
		close(in);
		if (out == -1 || close(out) == -1 || total != st.st_size) {
			closedir(d);
			return (-1);
		}
	}
	closedir(d);
	return (0);
}

/* The child: set up, confine, exec. Never returns. */
void
child_run(const struct child_args *a)
{
	const struct jail_spec	*s = a->spec;
	const struct jail_limits *l = &s->limits;
	struct filter_args	 fa;
	struct box_plan		 plan;
	const char		*what = "";
	char			 go;
	int			 nobody = a->root && s->policy == JAIL_RUN;
	uid_t			 uid = nobody ? CHILD_NOBODY : a->uid;
	gid_t			 gid = nobody ? CHILD_NOBODY : a->gid;
	int			 nfd, r, seed = -1;

	/* Wait for the parent to map our ids and cgroup us. */
	if (read(a->sync, &go, 1) != 1)
		_exit(127);
	if (setsid() == -1)
		child_fail(a->sync, "start a session");
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
		child_fail(a->sync, "follow the tutor's death");

	if (dup2(a->stdin_fd, 0) == -1 || dup2(a->out_fd, 1) == -1 ||
	    dup2(a->err_fd, 2) == -1)
		child_fail(a->sync, "set up stdin and the output pipes");
	if (a->side_fd != -1 && (a->side_fd == 3 ? fcntl(3, F_SETFD, 0) :
	    dup2(a->side_fd, 3)) == -1)
		child_fail(a->sync, "set up the report pipe");

	/* The seed folder stays reachable through its fd after the pivot. */
	if (s->policy == JAIL_RUN && s->seed != NULL && a->tier == JAIL_FULL &&
	    (seed = open(s->seed, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		child_fail(a->sync, "open the files for the box");
	if (a->tier == JAIL_FULL) {
		memset(&plan, 0, sizeof plan);
		plan.policy = s->policy;
		plan.root = a->rootdir;
		plan.dir = s->dir;
		plan.binds = s->binds;
		plan.nbinds = s->nbinds;
		plan.size = l->box_size;
		plan.inodes = l->box_inodes;
		plan.uid = uid;
		plan.gid = gid;
		if (box_enter(&plan, &what) == -1)
			child_fail(a->sync, what);
	} else if (chdir(s->policy == JAIL_RUN ? a->boxdir : s->dir) == -1)
		child_fail(a->sync, "enter the working folder");
	if (seed != -1 && (child_copy_seed(seed, AT_FDCWD) == -1 || close(seed)))
		child_fail(a->sync, "copy the files into the box");

	/* In the degraded tier, Landlock confines the file system. */
	if (a->tier == JAIL_DEGRADED && s->policy == JAIL_RUN &&
	    (r = fsrules_apply(a->boxdir, a->exec_fd, &what)) == -1)
		child_fail(a->sync, what);

	/* Root runs learner code as nobody, with no capabilities. */
	if (a->root && s->policy == JAIL_RUN && (setgroups(0, NULL) == -1 ||
	    setresgid(CHILD_NOBODY, CHILD_NOBODY, CHILD_NOBODY) == -1 ||
	    setresuid(CHILD_NOBODY, CHILD_NOBODY, CHILD_NOBODY) == -1))
		child_fail(a->sync, "become nobody");
	close_others(a->side_fd != -1 ? 4 : 3, a->sync, a->exec_fd);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1)
		child_fail(a->sync, "set no_new_privs");

	memset(&fa, 0, sizeof fa);
	fa.policy = s->policy;
	fa.self = a->tier == JAIL_FULL ? 1 : getpid();
	fa.exec_fd = a->exec_fd;
	fa.netns = a->tier == JAIL_FULL;
	fa.notify = a->notify;
	fa.sync_fd = a->sync;
	if ((r = filter_load(&fa, &nfd)) != 0) {
		errno = -r;
		child_fail(a->sync, "load the seccomp filter");
	}
	if (nfd != -1 && child_send_fd(a->sync, nfd) == -1)
		child_fail(a->sync, "hand over the seccomp listener");
	if (nfd != -1)
		close(nfd);
	/* Limits, last of all: nothing may allocate after RLIMIT_DATA (a
	 * sanitizer's shadow memory alone is over it). Memory by cgroup
	 * where there is one, else RLIMIT_DATA. */
	if (l->cpu_ms != 0 && limit(RLIMIT_CPU,
	    (l->cpu_ms + l->grace_ms) / 1000 + 2) == -1)
		child_fail(a->sync, "limit CPU time");
	/* RLIMIT_DATA counts what the Go runtime maps for itself too (about
	 * 45 MiB for hello world): allow for it. */
	if (!a->have_cgroup && l->memory != 0 &&
	    limit(RLIMIT_DATA, l->memory + CHILD_DATA_SLACK) == -1)
		child_fail(a->sync, "limit memory");
	if (l->file_size != 0 && limit(RLIMIT_FSIZE, l->file_size) == -1)
		child_fail(a->sync, "limit file size");
	if (l->files != 0 && limit(RLIMIT_NOFILE, l->files) == -1)
		child_fail(a->sync, "limit open files");
	if (limit(RLIMIT_CORE, 0) == -1)
		child_fail(a->sync, "switch off core dumps");

	/* Counted per user (namespace): only threads, none to spare. */
	if (!a->have_cgroup && l->procs != 0 &&
	    limit(RLIMIT_NPROC, l->procs) == -1)
		child_fail(a->sync, "limit processes");

	syscall(SYS_execveat, a->exec_fd, "", s->argv, s->env, AT_EMPTY_PATH);
	child_fail(a->sync, "execute the program");
}

