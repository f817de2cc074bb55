/*
 * jail: run one untrusted program under limits, and report what the kernel
 * says happened to it. See jail.h for the interface.
 *
 * jail_spawn clones the child (into new namespaces in the full tier) and
 * talks to it over a socket pair while it sets itself up: the parent maps
 * its ids and puts it in its cgroup, then the child builds its root, sets
 * its rlimits, closes every other fd, loads its seccomp filter, hands back
 * the filter's listener fd and execs the program from a pre-opened fd. The
 * socket closes on exec, which tells the parent it worked; before that,
 * any failure comes back as a message.
 */

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <seccomp.h>

#include "box.h"
#include "cgroup.h"
#include "child.h"
#include "filter.h"
#include "fsrules.h"
#include "jail.h"

#define SETUP_MS	10000		/* the longest a child may take to exec */
#define LINGER_MS	200		/* pipes held open after the exit */
#define TICK_MS		50		/* CPU checks, and waits without pidfd */

/* One output stream, kept up to a limit. */
struct stream {
	int		 fd;
	char		*buf;
	size_t		 len;
	size_t		 cap;
	size_t		 limit;
};

enum stage {
	STAGE_RUNNING,
	STAGE_QUIT,		/* SIGQUIT sent; SIGKILL at kill_at */
	STAGE_KILLED
};

struct jail_job {
	enum jail_policy	 policy;
	enum jail_tier		 tier;
	struct jail_limits	 lim;
	pid_t			 pid;
	int			 pidfd;
	int			 notify_fd;
	struct stream		 out;
	struct stream		 err;
	struct stream		 side;		/* fd 3, when asked for */
	struct cgroup		*cg;
	char			*boxdir;	/* degraded run: a host folder */
	uint64_t		 start_ms;
	uint64_t		 kill_at;	/* SIGKILL deadline (STAGE_QUIT) */
	uint64_t		 reaped_at;
	uint64_t		 next_tick;
	enum stage		 stage;
	int			 reaped;
	int			 status;
	struct rusage		 ru;
	enum jail_verdict	 forced;	/* decided by the jail, or OK */
	int			 timeout_cpu;
	int			 over;		/* output passed the limit */
	int			 box_full;	/* the degraded box did */
	int			 orphans_gone;	/* none of its group is left */
	uint64_t		 over_at;
	char			*violation;
	char			*internal;
};

static const char *const verdict_names[] = {
	[JAIL_OK] = "ok",
	[JAIL_EXIT] = "exit",
	[JAIL_SIGNAL] = "signal",
	[JAIL_TIMEOUT] = "timeout",
	[JAIL_MEMORY] = "memory-limit",
	[JAIL_OUTPUT] = "output-limit",
	[JAIL_VIOLATION] = "sandbox-violation",
	[JAIL_INTERNAL] = "internal-error",
};

/* Name a verdict as the JSON output and the tests spell it. */
const char *
jail_verdict_name(enum jail_verdict v)
{
	return (verdict_names[v]);
}

/* Name a tier: "full" or "degraded". */
const char *
jail_tier_name(enum jail_tier t)
{
	return (t == JAIL_FULL ? "full" : "degraded");
}

/* The default limits: generous for the toolchain, tight for learner code. */
static const struct jail_limits default_limits[] = {
	[JAIL_BUILD] = {
		.memory = 2ull << 30,
		.cpu_ms = 300000,
		.wall_ms = 300000,
		.procs = 256,
		.file_size = 1ull << 30,
		.files = 1024,
		.output = 1u << 20,
		.box_size = 512ull << 20,
		.box_inodes = 100000,
		.grace_ms = 1000,
	},
	[JAIL_RUN] = {
		.memory = 256ull << 20,
		.cpu_ms = 10000,
		.wall_ms = 10000,
		.procs = 64,
		.file_size = 16ull << 20,
		.files = 64,
		.output = 1u << 20,
		.box_size = 32ull << 20,
		.box_inodes = 1000,
		.grace_ms = 1000,
	},
};

/* Fill in the default limits of a policy. */
void
jail_default_limits(enum jail_policy policy, struct jail_limits *l)
{
	*l = default_limits[policy];
}

/* Milliseconds on the monotonic clock. */
static uint64_t
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

/* Format a message into a new string, or NULL. */
static char * __attribute__((format(printf, 1, 2)))
fmt(const char *f, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, f);
	if (vasprintf(&s, f, ap) == -1)
		s = NULL;
	va_end(ap);
	return (s);
}

/* Receive one message, with a descriptor when one came; -1 at EOF. */
static int
recv_msg(int sync, struct msg *m, int *fd, int timeout_ms)
{
	struct pollfd	 p = { sync, POLLIN, 0 };
	struct msghdr	 mh;
	struct iovec	 iov;
	union {
		char		buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr	align;
	} u;
	struct cmsghdr	*cm;
	ssize_t		 n;

	*fd = -1;
	if (poll(&p, 1, timeout_ms) != 1)
		return (-2);
	iov.iov_base = m;
	iov.iov_len = sizeof *m;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = u.buf;
	mh.msg_controllen = sizeof u.buf;
	if ((n = recvmsg(sync, &mh, MSG_CMSG_CLOEXEC)) <= 0)
		return (-1);
	for (cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm)) {
		if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS)
			memcpy(fd, CMSG_DATA(cm), sizeof *fd);
	}
	return (n == (ssize_t)sizeof *m ? 0 : -1);
}

/* Make a private folder under $TMPDIR; the caller frees the name. */
static char *
make_tmpdir(const char *what)
{
	const char	*tmp = getenv("TMPDIR");
	char		*dir;

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	if ((dir = fmt("%s/gotutor-%s-XXXXXX", tmp, what)) == NULL)
		return (NULL);
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return (NULL);
	}
	return (dir);
}

/* Remove a folder and everything in it, never following a link. */
static void
remove_tree_at(int parent, const char *name)
{
	DIR		*d;
	struct dirent	*de;
	int		 fd;

	if (unlinkat(parent, name, 0) == 0 || errno != EISDIR)
		return;
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			remove_tree_at(dirfd(d), de->d_name);
	}
	closedir(d);
	unlinkat(parent, name, AT_REMOVEDIR);
}

/* Give every file at the top of a folder to nobody. */
static int
chown_tree(int dfd)
{
	DIR		*d;
	struct dirent	*de;
	int		 fd, r = 0;

	if ((fd = dup(dfd)) == -1 || (d = fdopendir(fd)) == NULL)
		return (-1);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.' && fchownat(dfd, de->d_name, CHILD_NOBODY,
		    CHILD_NOBODY, AT_SYMLINK_NOFOLLOW) == -1)
			r = -1;
	}
	closedir(d);
	return (r);
}

/* Copy the seed files into a degraded box, owned by whoever runs there. */
static int
seed_box(const char *seed, const char *box, int root)
{
	int	sfd, dfd, r;

	if ((sfd = open(seed, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return (-1);
	if ((dfd = open(box, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		close(sfd);
		return (-1);
	}
	r = child_copy_seed(sfd, dfd);
	if (r == 0 && root)
		r = chown_tree(dfd);
	close(sfd);
	close(dfd);
	return (r);
}

/*
 * Remove a folder a jailed program may have written into, and everything
 * in it, never following a link it planted.
 */
void
jail_remove_tree(const char *path)
{
	remove_tree_at(AT_FDCWD, path);
}

/* Set the job's internal error, keeping the first. */
static void
job_internal(struct jail_job *j, char *msg)
{
	if (j->internal == NULL)
		j->internal = msg;
	else
		free(msg);
	if (j->forced == JAIL_OK)
		j->forced = JAIL_INTERNAL;
}

/* Signal the whole job: its namespace's init, group and cgroup. */
static void
job_signal(struct jail_job *j, int sig)
{
	if (j->reaped)
		return;
	if (j->pidfd != -1)
		syscall(SYS_pidfd_send_signal, j->pidfd, sig, NULL, 0);
	else
		kill(j->pid, sig);
	if (sig == SIGKILL) {
		kill(-j->pid, SIGKILL);
		if (j->cg != NULL)
			cgroup_kill(j->cg);
		j->stage = STAGE_KILLED;
	}
}

/* Clone flags of a full-tier child. */
#define NS_FLAGS (CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | \
	CLONE_NEWIPC | CLONE_NEWUTS)


/*
 * Make room for the fds the child keeps above its own open-files limit
 * (*files, 1024 when 0): raise this process's soft limit (1024 for most
 * logins) to fit them where the hard limit allows, else lower *files to
 * fit under the hard limit. Return the first fd the child keeps.
 */
static int
room_for(unsigned *files)
{
	struct rlimit	rl;
	rlim_t		want = (*files != 0 ? *files : 1024) + 12;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= want)
		return ((int)want - 2);
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) {
		if (rl.rlim_max < 64 + 12)
			return ((int)want - 2);	/* dup says why, below */
		want = rl.rlim_max;
		*files = (unsigned)(want - 12);
	}
	rl.rlim_cur = want;
	setrlimit(RLIMIT_NOFILE, &rl);
	return ((int)want - 2);
}
/*
 * Start the program described by spec. Return 0 with *jobp set (finish it
 * with jail_wait or jail_finish), or -1 with *cause set (the caller frees).
 * A failure inside the child after it started is not an error here: the
 * job ends with JAIL_INTERNAL and says why.
 */
int
jail_spawn(const struct jail_spec *spec, struct jail_job **jobp, char **cause)
{
	struct jail_spec	 local;
	struct jail_job		*j;
	struct child_args	 a;
	struct msg		 m;
	const char		*why;
	char			*rootdir = NULL, *cgwhy = NULL;
	int			 outp[2] = { -1, -1 }, errp[2] = { -1, -1 };
	int			 sidep[2] = { -1, -1 };
	int			 sp[2] = { -1, -1 }, exec_fd = -1, in_fd = -1;
	int			 fd, r, hi;
	long			 flags;

	*jobp = NULL;
	if ((j = calloc(1, sizeof *j)) == NULL) {
		*cause = fmt("out of memory");
		return (-1);
	}
	j->policy = spec->policy;
	j->lim = spec->limits;
	j->pidfd = j->notify_fd = j->out.fd = j->err.fd = j->side.fd = -1;
	j->tier = spec->degraded ? JAIL_DEGRADED : jail_probe(&why);
	j->out.limit = j->err.limit = j->side.limit = spec->limits.output;
	memset(&a, 0, sizeof a);
	a.spec = spec;
	a.tier = j->tier;
	a.root = getuid() == 0;
	a.uid = getuid();
	a.gid = getgid();
	a.notify = spec->policy == JAIL_RUN && filter_notify_supported();

	/* The fds the child keeps sit above its own fd limit. */
	local = *spec;
	hi = room_for(&local.limits.files);
	a.spec = spec = &local;
	if ((fd = open(spec->program, O_PATH | O_CLOEXEC)) == -1) {
		*cause = fmt("cannot open %s: %s", spec->program,
		    strerror(errno));
		goto fail;
	}
	exec_fd = fcntl(fd, F_DUPFD_CLOEXEC, hi);
	close(fd);
	if (exec_fd == -1 ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) == -1 ||
	    (fd = fcntl(sp[1], F_DUPFD_CLOEXEC, hi + 1)) == -1) {
		*cause = fmt("cannot set up the jail: %s%s", strerror(errno),
		    errno == EINVAL ? " (the open-files limit, ulimit -n, is "
		    "too low: it needs 100 or more)" : "");
		goto fail;
	}
	close(sp[1]);
	sp[1] = fd;
	if (pipe2(outp, O_CLOEXEC) == -1 || pipe2(errp, O_CLOEXEC) == -1 ||
	    (spec->side && pipe2(sidep, O_CLOEXEC) == -1)) {
		*cause = fmt("cannot make pipes: %s", strerror(errno));
		goto fail;
	}
	in_fd = spec->stdin_fd != -1 ? spec->stdin_fd :
	    open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (in_fd == -1) {
		*cause = fmt("cannot open /dev/null: %s", strerror(errno));
		goto fail;
	}
	if (j->tier == JAIL_FULL && (rootdir = make_tmpdir("root")) == NULL) {
		*cause = fmt("cannot make a folder in $TMPDIR: %s",
		    strerror(errno));
		goto fail;
	}
	if (j->tier == JAIL_DEGRADED && spec->policy == JAIL_RUN) {
		if ((j->boxdir = make_tmpdir("box")) == NULL ||
		    (a.root && chown(j->boxdir, CHILD_NOBODY, CHILD_NOBODY) == -1)) {
			*cause = fmt("cannot make the box: %s", strerror(errno));
			goto fail;
		}
		if (spec->seed != NULL && seed_box(spec->seed, j->boxdir,
		    a.root) == -1) {
			*cause = fmt("cannot copy files into the box: %s",
			    strerror(errno));
			goto fail;
		}
	}
	/* Only learner code gets a cgroup: charging every page of a build
	 * to a fresh one costs the toolchain a sixth of its time, and
	 * rlimits hold the toolchain well enough. */
	if (spec->policy == JAIL_RUN)
		j->cg = cgroup_create(spec->limits.memory, spec->limits.procs,
		    &cgwhy);

	a.sync = sp[1];
	a.exec_fd = exec_fd;
	a.stdin_fd = in_fd;
	a.out_fd = outp[1];
	a.err_fd = errp[1];
	a.side_fd = sidep[1];
	a.have_cgroup = j->cg != NULL;
	a.rootdir = rootdir;
	a.boxdir = j->boxdir;

	/* Orphans of the job (the toolchain's, in the degraded tier) come
	 * back to us to be reaped, not to init. */
	(void)prctl(PR_SET_CHILD_SUBREAPER, 1);
	flags = SIGCHLD | (j->tier == JAIL_FULL ? NS_FLAGS : 0);
	j->start_ms = now_ms();
	j->pid = (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, 0);
	if (j->pid == -1) {
		*cause = fmt("cannot start the program: %s", strerror(errno));
		goto fail;
	}
	if (j->pid == 0)
		child_run(&a);

	/* Parent: ids, cgroup, then let the child go. */
	close(sp[1]);
	sp[1] = -1;
	close(outp[1]);
	close(errp[1]);
	if (sidep[1] != -1)
		close(sidep[1]);
	outp[1] = errp[1] = sidep[1] = -1;
	if (spec->stdin_fd == -1)
		close(in_fd);
	in_fd = -1;
	close(exec_fd);
	exec_fd = -1;
	j->pidfd = (int)syscall(SYS_pidfd_open, j->pid, 0);
	if (j->tier == JAIL_FULL &&
	    box_map_ids(j->pid, getuid(), getgid(), a.root) == -1)
		job_internal(j, fmt("cannot map the jail's user ids: %s",
		    strerror(errno)));
	if (j->cg != NULL && cgroup_attach(j->cg, j->pid) == -1)
		job_internal(j, fmt("cannot put the jail in its cgroup: %s",
		    strerror(errno)));
	if (j->internal != NULL) {
		job_signal(j, SIGKILL);
	} else if (write(sp[0], "g", 1) != 1)
		job_internal(j, fmt("cannot start the jail: %s",
		    strerror(errno)));

	/* Until exec closes the socket: a listener fd, or a failure. */
	while ((r = recv_msg(sp[0], &m, &fd, SETUP_MS)) == 0) {
		if (m.type == MSG_LISTENER && fd != -1 && j->notify_fd == -1)
			j->notify_fd = fd;
		else if (fd != -1)
			close(fd);
		if (m.type == MSG_FAILED) {
			m.what[sizeof m.what - 1] = '\0';
			job_internal(j, fmt("the jail cannot %s: %s", m.what,
			    strerror(m.err)));
		}
	}
	if (r == -2) {
		job_internal(j, fmt("the jail took over %d s to start",
		    SETUP_MS / 1000));
		job_signal(j, SIGKILL);
	}
	close(sp[0]);
	sp[0] = -1;
	if (rootdir != NULL) {
		rmdir(rootdir);
		free(rootdir);
	}
	j->out.fd = outp[0];
	j->err.fd = errp[0];
	j->side.fd = sidep[0];
	fcntl(j->out.fd, F_SETFL, O_NONBLOCK);
	fcntl(j->err.fd, F_SETFL, O_NONBLOCK);
	if (j->side.fd != -1)
		fcntl(j->side.fd, F_SETFL, O_NONBLOCK);
	j->next_tick = now_ms() + TICK_MS;
	*jobp = j;
	return (0);

fail:
	if (exec_fd != -1)
		close(exec_fd);
	if (in_fd != -1 && in_fd != spec->stdin_fd)
		close(in_fd);
	for (r = 0; r < 2; r++) {
		if (outp[r] != -1)
			close(outp[r]);
		if (errp[r] != -1)
			close(errp[r]);
		if (sidep[r] != -1)
			close(sidep[r]);
		if (sp[r] != -1)
			close(sp[r]);
	}
	if (rootdir != NULL) {
		rmdir(rootdir);
		free(rootdir);
	}
	if (j->boxdir != NULL) {
		remove_tree_at(AT_FDCWD, j->boxdir);
		free(j->boxdir);
	}
	cgroup_destroy(j->cg);
	free(j);
	return (-1);
}

/*
 * Find the tier this machine allows by trying: a child in new user, pid,
 * mount, network, ipc and uts namespaces must map its ids, mount a tmpfs
 * and bring up loopback. GOTUTOR_JAIL=degraded forces the degraded tier.
 * The answer is kept; *why says why the tier is degraded.
 */
enum jail_tier
jail_probe(const char **why)
{
	static int		 done;
	static enum jail_tier	 tier = JAIL_DEGRADED;
	static char		 reason[160] = "";
	const char		*env = getenv("GOTUTOR_JAIL"), *what = "";
	struct msg		 m;
	char			*root;
	int			 sp[2], status, fd;
	pid_t			 pid;

	*why = reason;
	if (done)
		return (tier);
	done = 1;
	if (env != NULL && strcmp(env, "degraded") == 0) {
		snprintf(reason, sizeof reason, "GOTUTOR_JAIL=degraded");
		return (tier);
	}
	if ((root = make_tmpdir("probe")) == NULL ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sp) == -1) {
		snprintf(reason, sizeof reason, "cannot try namespaces: %s",
		    strerror(errno));
		free(root);
		return (tier);
	}
	pid = (pid_t)syscall(SYS_clone, SIGCHLD | NS_FLAGS, NULL, NULL, NULL, 0);
	if (pid == 0) {
		char	go;

		close(sp[0]);
		if (read(sp[1], &go, 1) != 1)
			_exit(1);
		if (box_probe(root, &what) == -1)
			child_fail(sp[1], what);
		_exit(0);
	}
	close(sp[1]);
	if (pid == -1)
		snprintf(reason, sizeof reason, "the kernel refuses new "
		    "namespaces: %s", strerror(errno));
	else {
		if (box_map_ids(pid, getuid(), getgid(), getuid() == 0) == -1)
			snprintf(reason, sizeof reason, "cannot map user ids "
			    "in a new namespace: %s", strerror(errno));
		else if (write(sp[0], "g", 1) == 1 &&
		    recv_msg(sp[0], &m, &fd, SETUP_MS) == 0 &&
		    m.type == MSG_FAILED) {
			m.what[sizeof m.what - 1] = '\0';
			snprintf(reason, sizeof reason, "cannot %s in a new "
			    "namespace: %s", m.what, strerror(m.err));
		}
		kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		if (reason[0] == '\0' && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0)
			tier = JAIL_FULL;
		else if (reason[0] == '\0')
			snprintf(reason, sizeof reason, "the namespace test "
			    "did not finish");
	}
	close(sp[0]);
	rmdir(root);
	free(root);
	return (tier);
}

/* Find what this machine offers the jail. */
void
jail_support(struct jail_support *s)
{
	struct cgroup	*cg;
	char		*why = NULL;

	memset(s, 0, sizeof *s);
	s->tier = jail_probe(&s->tier_why);
	s->seccomp_api = seccomp_api_get();
	s->notify = filter_notify_supported();
	s->landlock_abi = fsrules_abi();
	if ((cg = cgroup_create(64u << 20, 16, &why)) != NULL) {
		s->cgroup = 1;
		cgroup_destroy(cg);
	} else
		s->cgroup_why = why;
}

/* Add the job's live fds to p[0..n); return how many were added. */
size_t
jail_pollfds(struct jail_job *j, struct pollfd *p, size_t n)
{
	size_t	i = 0;

	if (j->out.fd != -1 && i < n)
		p[i++] = (struct pollfd){ j->out.fd, POLLIN, 0 };
	if (j->err.fd != -1 && i < n)
		p[i++] = (struct pollfd){ j->err.fd, POLLIN, 0 };
	if (j->side.fd != -1 && i < n)
		p[i++] = (struct pollfd){ j->side.fd, POLLIN, 0 };
	if (j->pidfd != -1 && !j->reaped && i < n)
		p[i++] = (struct pollfd){ j->pidfd, POLLIN, 0 };
	if (j->notify_fd != -1 && i < n)
		p[i++] = (struct pollfd){ j->notify_fd, POLLIN, 0 };
	return (i);
}

/* How long a poll may wait before the job needs service, in ms. */
int
jail_timeout_ms(struct jail_job *j)
{
	uint64_t	now = now_ms(), next = j->next_tick;

	if (j->stage == STAGE_QUIT && j->kill_at < next)
		next = j->kill_at;
	if (j->over && j->stage != STAGE_KILLED &&
	    j->over_at + j->lim.grace_ms < next)
		next = j->over_at + j->lim.grace_ms;
	if (j->reaped)
		next = j->reaped_at + LINGER_MS;
	else if (j->lim.wall_ms != 0 && j->stage == STAGE_RUNNING &&
	    j->start_ms + j->lim.wall_ms < next)
		next = j->start_ms + j->lim.wall_ms;
	return (next <= now ? 0 : (int)(next - now));
}

/* Read what a stream has; past its limit, end the job as output-limit. */
static void
stream_read(struct jail_job *j, struct stream *s)
{
	char	buf[65536];
	ssize_t	n;
	size_t	keep;

	while (s->fd != -1) {
		n = read(s->fd, buf, sizeof buf);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			return;
		if (n <= 0) {
			close(s->fd);
			s->fd = -1;
			return;
		}
		keep = (size_t)n;
		if (s->len + keep > s->limit) {
			/* Past the cap: keep draining, store nothing more, and
			 * give the program the grace period to end by itself:
			 * a crash's stack dump may be long. */
			keep = s->limit - s->len;
			if (!j->over) {
				j->over = 1;
				j->over_at = now_ms();
			}
		}
		if (s->len + keep + 1 > s->cap) {
			size_t	 cap = s->cap == 0 ? 4096 : s->cap;
			char	*p;

			while (cap < s->len + keep + 1)
				cap *= 2;
			if ((p = realloc(s->buf, cap)) == NULL) {
				job_internal(j, fmt("out of memory"));
				job_signal(j, SIGKILL);
				return;
			}
			s->buf = p;
			s->cap = cap;
		}
		memcpy(s->buf + s->len, buf, keep);
		s->len += keep;
	}
}

/* Take a seccomp notification: name the call, and make it SIGSYS. */
static void
take_notification(struct jail_job *j)
{
	struct seccomp_notif		*req = NULL;
	struct seccomp_notif_resp	*resp = NULL;

	if (seccomp_notify_alloc(&req, &resp) != 0)
		return;
	if (seccomp_notify_receive(j->notify_fd, req) != 0) {
		/* The listener is gone with the program. */
		close(j->notify_fd);
		j->notify_fd = -1;
		seccomp_notify_free(req, resp);
		return;
	}
	if (j->violation == NULL)
		j->violation = filter_syscall_name(req->data.nr);
	if (j->forced == JAIL_OK || j->forced == JAIL_TIMEOUT)
		j->forced = JAIL_VIOLATION;
	/* The signal is pending when the call returns, so the stack shows
	 * the line that made it. */
	syscall(SYS_tgkill, j->pid, (pid_t)req->pid, SIGSYS);
	resp->id = req->id;
	resp->error = -ENOSYS;
	resp->val = 0;
	resp->flags = 0;
	(void)seccomp_notify_respond(j->notify_fd, resp);
	seccomp_notify_free(req, resp);
	if (j->stage == STAGE_RUNNING) {
		j->stage = STAGE_QUIT;
		j->kill_at = now_ms() + j->lim.grace_ms;
	}
}

/*
 * Count the files and bytes under a folder, without following links,
 * stopping once either passes its cap. Return 1 when one did.
 */
static int
box_over(int parent, const char *name, uint64_t *files, uint64_t *bytes,
    const struct jail_limits *l)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	int		 fd, over = 0;

	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1 || (d = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		return (0);
	}
	while (!over && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			continue;
		(*files)++;
		*bytes += (uint64_t)st.st_blocks * 512;
		if (*files > l->box_inodes || *bytes > l->box_size)
			over = 1;
		else if (S_ISDIR(st.st_mode))
			over = box_over(dirfd(d), de->d_name, files, bytes, l);
	}
	closedir(d);
	return (over);
}

/* The degraded box has no tmpfs caps: end the job when it passes them. */
static void
check_box(struct jail_job *j)
{
	uint64_t	files = 0, bytes = 0;

	if (j->boxdir == NULL || j->box_full || j->stage == STAGE_KILLED)
		return;
	if (box_over(AT_FDCWD, j->boxdir, &files, &bytes, &j->lim)) {
		j->box_full = 1;
		if (j->forced == JAIL_OK)
			j->forced = JAIL_OUTPUT;
		job_signal(j, SIGKILL);
	}
}

/* CPU time used by the process so far, in ms; 0 when unknown. */
static unsigned
cpu_used(pid_t pid)
{
	char		 path[64], buf[1024], *p;
	unsigned long	 ut, st;
	int		 fd;
	ssize_t		 n;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (0);
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return (0);
	buf[n] = '\0';
	/* Fields after the command name, which may hold spaces. */
	if ((p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
	    &ut, &st) != 2)
		return (0);
	return ((unsigned)((ut + st) * 1000 / (unsigned long)sysconf(_SC_CLK_TCK)));
}

/* Start the timeout sequence: SIGQUIT for a stack dump, SIGKILL later. */
static void
time_out(struct jail_job *j, int cpu)
{
	if (j->forced == JAIL_OK) {
		j->forced = JAIL_TIMEOUT;
		j->timeout_cpu = cpu;
	}
	job_signal(j, SIGQUIT);
	j->stage = STAGE_QUIT;
	j->kill_at = now_ms() + j->lim.grace_ms;
}

/* Reap the process if it has exited. */
static void
try_reap(struct jail_job *j)
{
	pid_t	r;

	if (j->reaped) {
		/* Orphans of its group come to us as the subreaper. */
		while (!j->orphans_gone) {
			r = waitpid(-j->pid, NULL, WNOHANG);
			if (r == -1 && errno == ECHILD)
				j->orphans_gone = 1;
			if (r <= 0)
				break;
		}
		return;
	}
	r = wait4(j->pid, &j->status, WNOHANG, &j->ru);
	if (r != j->pid)
		return;
	j->reaped = 1;
	j->reaped_at = now_ms();
	if (j->pidfd != -1) {
		close(j->pidfd);
		j->pidfd = -1;
	}
	/* Whatever it left behind goes with it. */
	kill(-j->pid, SIGKILL);
	if (j->cg != NULL)
		cgroup_kill(j->cg);
	try_reap(j);
}

/*
 * Do what the job needs now: read output, take notifications, reap, and
 * enforce the limits. Call it after poll on jail_pollfds, or when
 * jail_timeout_ms has passed. Return 1 when the job is done.
 */
int
jail_service(struct jail_job *j)
{
	uint64_t	now;

	stream_read(j, &j->out);
	stream_read(j, &j->err);
	stream_read(j, &j->side);
	if (j->notify_fd != -1) {
		struct pollfd	p = { j->notify_fd, POLLIN, 0 };

		while (j->notify_fd != -1 && poll(&p, 1, 0) == 1) {
			if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) {
				close(j->notify_fd);
				j->notify_fd = -1;
			} else
				take_notification(j);
		}
	}
	try_reap(j);
	now = now_ms();
	if (!j->reaped && j->over && now >= j->over_at + j->lim.grace_ms &&
	    j->stage != STAGE_KILLED) {
		if (j->forced == JAIL_OK)
			j->forced = JAIL_OUTPUT;
		job_signal(j, SIGKILL);
	}
	if (!j->reaped) {
		if (j->stage == STAGE_QUIT && now >= j->kill_at)
			job_signal(j, SIGKILL);
		if (j->stage == STAGE_RUNNING && j->lim.wall_ms != 0 &&
		    now >= j->start_ms + j->lim.wall_ms)
			time_out(j, 0);
		if (now >= j->next_tick) {
			if (j->stage == STAGE_RUNNING && j->lim.cpu_ms != 0 &&
			    cpu_used(j->pid) >= j->lim.cpu_ms)
				time_out(j, 1);
			check_box(j);
			j->next_tick = now + TICK_MS;
		}
	} else if (now >= j->reaped_at + LINGER_MS) {
		/* Something still holds a pipe, or has not died: stop
		 * waiting for it. */
		j->orphans_gone = 1;
		if (j->out.fd != -1) {
			close(j->out.fd);
			j->out.fd = -1;
		}
		if (j->err.fd != -1) {
			close(j->err.fd);
			j->err.fd = -1;
		}
		if (j->side.fd != -1) {
			close(j->side.fd);
			j->side.fd = -1;
		}
	}
	return (jail_done(j));
}

/* Is the job over: both pipes at end of file, and the process reaped? */
int
jail_done(struct jail_job *j)
{
	return (j->reaped && j->orphans_gone && j->out.fd == -1 &&
	    j->err.fd == -1 && j->side.fd == -1);
}

/* Stop the job now; it is done once jail_service says so. */
void
jail_cancel(struct jail_job *j)
{
	job_signal(j, SIGKILL);
}

/* Does the Go runtime say it ran out of memory? */
static int
says_out_of_memory(const struct stream *err)
{
	static const char *const says[] = {
		"fatal error: runtime: out of memory",
		"fatal error: out of memory",
		"runtime: cannot allocate memory",
	};
	size_t	i;

	for (i = 0; err->buf != NULL && i < sizeof says / sizeof says[0]; i++) {
		if (memmem(err->buf, err->len, says[i], strlen(says[i])) != NULL)
			return (1);
	}
	return (0);
}

/* Hand a stream's bytes to the result, NUL-terminated. */
static char *
take_stream(struct stream *s, size_t *len)
{
	char	*p = s->buf;

	*len = s->len;
	if (p == NULL)
		p = calloc(1, 1);
	else
		p[s->len] = '\0';
	s->buf = NULL;
	return (p);
}

/* Decide the verdict from what the kernel and the jail saw. */
static void
verdict(struct jail_job *j, struct jail_result *r)
{
	int	oom = j->cg != NULL && cgroup_oom_killed(j->cg);

	if (WIFEXITED(j->status))
		r->exit_code = WEXITSTATUS(j->status);
	if (WIFSIGNALED(j->status))
		r->signal = WTERMSIG(j->status);
	if (j->forced == JAIL_OK && j->over && !(WIFEXITED(j->status) &&
	    r->exit_code == 2))
		j->forced = JAIL_OUTPUT;
	/* Running out of memory is the cause; a long crash report after it
	 * is not. A binary the kernel cannot even map under RLIMIT_DATA dies
	 * of SIGSEGV before the Go runtime can say anything. */
	if ((j->forced == JAIL_OK || j->forced == JAIL_OUTPUT) && (oom ||
	    says_out_of_memory(&j->err) || (j->cg == NULL &&
	    WIFSIGNALED(j->status) && r->signal == SIGSEGV && j->err.len == 0)))
		j->forced = JAIL_MEMORY;
	if (j->forced != JAIL_OK) {
		r->verdict = j->forced;
		r->timeout_cpu = j->timeout_cpu;
	} else if (WIFSIGNALED(j->status) && r->signal == SIGSYS) {
		r->verdict = JAIL_VIOLATION;
		j->violation = strdup("a system call of another architecture");
	} else if (WIFSIGNALED(j->status) && r->signal == SIGXCPU) {
		r->verdict = JAIL_TIMEOUT;
		r->timeout_cpu = 1;
	} else if (WIFSIGNALED(j->status))
		r->verdict = JAIL_SIGNAL;
	else if (r->exit_code == 0)
		r->verdict = JAIL_OK;
	else
		r->verdict = JAIL_EXIT;
	/* Without a listener, a trapped call shows only in Go's report. */
	if (r->verdict == JAIL_EXIT && r->exit_code == 2 && j->err.buf != NULL &&
	    memmem(j->err.buf, j->err.len, "SIGSYS: bad system call", 23)) {
		r->verdict = JAIL_VIOLATION;
		if (j->violation == NULL)
			j->violation = strdup("a forbidden system call");
	}
	r->violation = j->violation;
	j->violation = NULL;
	r->internal = j->internal;
	j->internal = NULL;
}

/* Fill in the result of a done job and free the job. */
void
jail_finish(struct jail_job *j, struct jail_result *r)
{
	uint64_t	peak = 0;

	memset(r, 0, sizeof *r);
	r->tier = j->tier;
	verdict(j, r);
	r->wall_ms = (unsigned)((j->reaped ? j->reaped_at : now_ms()) -
	    j->start_ms);
	r->cpu_ms = (unsigned)(j->ru.ru_utime.tv_sec * 1000 +
	    j->ru.ru_utime.tv_usec / 1000 + j->ru.ru_stime.tv_sec * 1000 +
	    j->ru.ru_stime.tv_usec / 1000);
	if (j->cg != NULL)
		peak = cgroup_peak(j->cg) / 1024;
	r->peak_kib = peak != 0 ? peak : (uint64_t)j->ru.ru_maxrss;
	r->truncated = j->over;
	r->box_full = j->box_full;
	r->out = take_stream(&j->out, &r->out_len);
	r->err = take_stream(&j->err, &r->err_len);
	r->side = take_stream(&j->side, &r->side_len);

	if (j->notify_fd != -1)
		close(j->notify_fd);
	cgroup_destroy(j->cg);
	if (j->boxdir != NULL) {
		remove_tree_at(AT_FDCWD, j->boxdir);
		free(j->boxdir);
	}
	free(j->out.buf);
	free(j->err.buf);
	free(j->side.buf);
	free(j->violation);
	free(j->internal);
	free(j);
}

/* Run the job to its end, then fill in the result and free the job. */
void
jail_wait(struct jail_job *j, struct jail_result *r)
{
	struct pollfd	p[5];
	size_t		n;

	while (!jail_service(j)) {
		n = jail_pollfds(j, p, 5);
		(void)poll(p, n, jail_timeout_ms(j));
	}
	jail_finish(j, r);
}

/* Free what a result holds. */
void
jail_result_free(struct jail_result *r)
{
	free(r->violation);
	free(r->internal);
	free(r->out);
	free(r->err);
	free(r->side);
	memset(r, 0, sizeof *r);
}
