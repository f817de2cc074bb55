/*
 * filter: the seccomp policies of the two jails, built with libseccomp.
 *
 * The run policy is an allowlist taken from what real Go binaries call
 * (strace of programs built with Go 1.21 to 1.26). A denied call is a
 * violation: either the tutor is notified (SCMP_ACT_NOTIFY), names the call
 * and makes the thread take SIGSYS, or where the kernel lacks notification
 * the thread gets SIGSYS itself (SCMP_ACT_TRAP). Either way the Go runtime
 * prints a stack down to the learner's line. A few calls fail softly
 * instead, so that ordinary Go code gets an error it can print: clone of a
 * new process and fork (EPERM: os/exec says "operation not permitted"),
 * clone3 (ENOSYS: Go and glibc fall back to clone), and sockets outside a
 * private network namespace (EPERM).
 *
 * The build policy is a denylist: the toolchain runs as it likes, minus
 * what no compiler needs. KILL_THREAD is never used: it leaves a Go
 * process hung. A foreign architecture (int 0x80, x32) kills the process.
 */

#include <sys/ioctl.h>
#include <sys/socket.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <seccomp.h>

#include "filter.h"

/* The clone flags Go, glibc and musl create threads with. */
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
	CLONE_THREAD | CLONE_SYSVSEM)
/* What a thread's flags are checked on: the above, the exit signal, every
 * namespace and every way to make a new process or reach another one. */
#define THREAD_MASK	(THREAD_FLAGS | 0xff | CLONE_VFORK | CLONE_PARENT | \
	CLONE_PTRACE | CLONE_PIDFD | CLONE_UNTRACED | CLONE_NEWNS | \
	CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | \
	CLONE_NEWPID | CLONE_NEWNET | CLONE_IO)

/* Allowed with no condition in the run policy. */
static const char *const run_allow[] = {
	/* files, inside what the jail shows */
	"read", "write", "readv", "writev", "pread64", "pwrite64", "close",
	"openat", "open", "fstat", "newfstatat", "stat", "lstat", "statx",
	"lseek", "readlinkat", "readlink", "getdents64", "unlinkat", "unlink",
	"mkdirat", "mkdir", "rmdir", "renameat", "renameat2", "rename",
	"getcwd", "chdir", "fchdir", "ftruncate", "truncate", "fsync",
	"fdatasync", "faccessat", "faccessat2", "access", "fchmod",
	"fchmodat", "utimensat", "dup", "dup2", "dup3", "fcntl", "flock",
	"pipe", "pipe2", "symlinkat", "symlink", "linkat", "link",
	"copy_file_range", "sendfile", "splice", "fadvise64", "statfs",
	"fstatfs", "umask",
	/* memory */
	"mmap", "munmap", "mprotect", "madvise", "brk", "mremap", "mlock",
	"munlock", "membarrier",
	/* signals */
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack",
	"rt_sigpending", "rt_sigtimedwait", "rt_sigsuspend", "pause",
	/* threads and identity */
	"gettid", "getpid", "getppid", "getpgrp", "getpgid", "getsid",
	"futex", "set_robust_list", "get_robust_list", "rseq",
	"set_tid_address", "sched_yield", "sched_getaffinity",
	"arch_prctl", "getuid", "geteuid", "getgid", "getegid", "getresuid",
	"getresgid", "getgroups", "uname", "getrlimit", "setrlimit",
	"prlimit64",
	"getrusage", "sysinfo", "getcpu", "capget",
	/* time */
	"nanosleep", "clock_gettime", "clock_getres", "clock_nanosleep",
	"gettimeofday", "time", "timer_create", "timer_settime",
	"timer_gettime", "timer_delete", "timerfd_create",
	"timerfd_settime", "timerfd_gettime", "setitimer", "getitimer",
	"alarm",
	/* waiting for events */
	"epoll_create", "epoll_create1", "epoll_ctl", "epoll_wait",
	"epoll_pwait", "epoll_pwait2", "eventfd", "eventfd2", "poll", "ppoll",
	"select", "pselect6", "restart_syscall",
	/* the rest */
	"exit", "exit_group", "getrandom", "wait4", "waitid",
};

/* Allowed only inside a private network namespace. */
static const char *const run_net[] = {
	"socket", "socketpair", "bind", "listen", "accept", "accept4",
	"connect", "getsockname", "getpeername", "setsockopt", "getsockopt",
	"sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg",
	"shutdown",
};

/* Denied to the build jail's toolchain: nothing a compiler needs. */
static const char *const build_deny[] = {
	"ptrace", "process_vm_readv", "process_vm_writev", "mount",
	"umount2", "pivot_root", "move_mount", "open_tree", "fsopen",
	"fsconfig", "fsmount", "fspick", "mount_setattr", "unshare", "setns",
	"bpf", "perf_event_open", "keyctl", "add_key", "request_key",
	"io_uring_setup", "io_uring_enter", "io_uring_register",
	"init_module", "finit_module", "delete_module", "kexec_load",
	"kexec_file_load", "reboot", "swapon", "swapoff", "acct",
	"settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
	"syslog", "userfaultfd", "quotactl", "lookup_dcookie",
	"open_by_handle_at", "name_to_handle_at", "iopl", "ioperm",
	"create_module", "kcmp", "pidfd_getfd", "process_madvise",
};

/* Add one rule; names unknown to this libseccomp are skipped. */
static int
rule(scmp_filter_ctx ctx, uint32_t action, const char *name,
    unsigned n, const struct scmp_arg_cmp *cmp)
{
	int	nr, r;

	if ((nr = seccomp_syscall_resolve_name(name)) == __NR_SCMP_ERROR)
		return (0);
	r = seccomp_rule_add_array(ctx, action, nr, n, cmp);
	return (r == -EEXIST ? 0 : r);
}

/* Add an unconditional rule for each name. */
static int
rules(scmp_filter_ctx ctx, uint32_t action, const char *const *names,
    size_t n)
{
	size_t	i;
	int	r;

	for (i = 0; i < n; i++) {
		if ((r = rule(ctx, action, names[i], 0, NULL)) != 0)
			return (r);
	}
	return (0);
}

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* The run policy's rules with conditions on arguments. */
static int
run_conditional(scmp_filter_ctx ctx, const struct filter_args *a)
{
	const scmp_datum_t	 self = (scmp_datum_t)a->self;
	struct scmp_arg_cmp	 c[2];
	int			 r = 0;

	/* Threads, and nothing else, from clone. */
	c[0] = SCMP_A0(SCMP_CMP_MASKED_EQ, THREAD_MASK, THREAD_FLAGS);
	r |= rule(ctx, SCMP_ACT_ALLOW, "clone", 1, c);
	c[0] = SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0);
	r |= rule(ctx, SCMP_ACT_ERRNO(EPERM), "clone", 1, c);
	r |= rule(ctx, SCMP_ACT_ERRNO(EPERM), "fork", 0, NULL);
	r |= rule(ctx, SCMP_ACT_ERRNO(EPERM), "vfork", 0, NULL);
	r |= rule(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL);
	r |= rule(ctx, SCMP_ACT_ERRNO(ENOSYS), "pidfd_open", 0, NULL);

	/* Signals only to itself. */
	c[0] = SCMP_A0(SCMP_CMP_EQ, self);
	r |= rule(ctx, SCMP_ACT_ALLOW, "kill", 1, c);
	r |= rule(ctx, SCMP_ACT_ALLOW, "tgkill", 1, c);

	/* The one exec: the program itself, from its pre-opened fd. */
	c[0] = SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)a->exec_fd);
	c[1] = SCMP_A4(SCMP_CMP_MASKED_EQ, AT_EMPTY_PATH, AT_EMPTY_PATH);
	r |= rule(ctx, SCMP_ACT_ALLOW, "execveat", 2, c);

	/* ioctl: terminal queries and non-blocking I/O, never TIOCSTI. */
	c[0] = SCMP_A1(SCMP_CMP_EQ, TCGETS);
	r |= rule(ctx, SCMP_ACT_ALLOW, "ioctl", 1, c);
	c[0] = SCMP_A1(SCMP_CMP_EQ, TIOCGWINSZ);
	r |= rule(ctx, SCMP_ACT_ALLOW, "ioctl", 1, c);
	c[0] = SCMP_A1(SCMP_CMP_EQ, FIONBIO);
	r |= rule(ctx, SCMP_ACT_ALLOW, "ioctl", 1, c);
	c[0] = SCMP_A1(SCMP_CMP_EQ, FIOCLEX);
	r |= rule(ctx, SCMP_ACT_ALLOW, "ioctl", 1, c);

	/* prctl: naming threads and reading its own settings only. */
	c[0] = SCMP_A0(SCMP_CMP_EQ, 15 /* PR_SET_NAME */);
	r |= rule(ctx, SCMP_ACT_ALLOW, "prctl", 1, c);
	c[0] = SCMP_A0(SCMP_CMP_EQ, 16 /* PR_GET_NAME */);
	r |= rule(ctx, SCMP_ACT_ALLOW, "prctl", 1, c);
	c[0] = SCMP_A0(SCMP_CMP_EQ, 0x53564d41 /* PR_SET_VMA, Go 1.25+ */);
	r |= rule(ctx, SCMP_ACT_ALLOW, "prctl", 1, c);

	/* Sockets: inside a private network namespace, or not at all. */
	if (a->netns)
		r |= rules(ctx, SCMP_ACT_ALLOW, run_net, NELEM(run_net));
	else {
		r |= rule(ctx, SCMP_ACT_ERRNO(EPERM), "socket", 0, NULL);
		r |= rule(ctx, SCMP_ACT_ERRNO(EPERM), "socketpair", 0, NULL);
	}
	/* The listener fd leaves on the sync socket before exec. */
	if (a->notify && !a->netns) {
		c[0] = SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)a->sync_fd);
		r |= rule(ctx, SCMP_ACT_ALLOW, "sendmsg", 1, c);
	}
	return (r);
}

/* The build policy: everything but the denylist and a few ioctls. */
static int
build_rules(scmp_filter_ctx ctx)
{
	struct scmp_arg_cmp	c[1];
	int			r;

	r = rules(ctx, SCMP_ACT_ERRNO(EPERM), build_deny, NELEM(build_deny));
	c[0] = SCMP_A1(SCMP_CMP_EQ, TIOCSTI);
	r |= rule(ctx, SCMP_ACT_ERRNO(EPERM), "ioctl", 1, c);
	return (r);
}

/* Can this kernel and libseccomp notify a listener? */
int
filter_notify_supported(void)
{
	return (seccomp_api_get() >= 5);
}

/*
 * Build and load the policy in the calling process, which must be about to
 * exec. With a->notify, the listener fd is stored in *notify_fd. Return 0,
 * or a negative errno.
 */
int
filter_load(const struct filter_args *a, int *notify_fd)
{
	scmp_filter_ctx	ctx;
	uint32_t	deny;
	int		r;

	*notify_fd = -1;
	if (a->policy == JAIL_BUILD)
		deny = SCMP_ACT_ALLOW;
	else
		deny = a->notify ? SCMP_ACT_NOTIFY : SCMP_ACT_TRAP;
	if ((ctx = seccomp_init(deny)) == NULL)
		return (-ENOMEM);
	r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
	    SCMP_ACT_KILL_PROCESS);
	if (r == 0)
		r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1);
	if (r == 0 && a->policy == JAIL_RUN) {
		r = rules(ctx, SCMP_ACT_ALLOW, run_allow, NELEM(run_allow));
		if (r == 0)
			r = run_conditional(ctx, a);
	} else if (r == 0)
		r = build_rules(ctx);
	if (r == 0)
		r = seccomp_load(ctx);
	if (r == 0 && a->notify && a->policy == JAIL_RUN)
		*notify_fd = seccomp_notify_fd(ctx);
	seccomp_release(ctx);
	return (r);
}

/* Name a system call of this architecture; the caller frees. */
char *
filter_syscall_name(int nr)
{
	char	*name, *s;

	if ((name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE,
	    nr)) != NULL)
		return (name);
	if (asprintf(&s, "syscall %d", nr) == -1)
		return (NULL);
	return (s);
}
