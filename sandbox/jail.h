/*
 * jail: run one untrusted program under limits, and report what the kernel
 * says happened to it.
 *
 * The sandbox knows nothing of lessons, Go or the terminal. A caller fills
 * in a jail_spec: the program (run through execveat on an fd opened before
 * any isolation), its arguments and environment, its limits, the policy
 * (build: a denylist of dangerous system calls; run: an allowlist), and for
 * the run policy a seed folder whose regular files are copied into the box.
 *
 * Two tiers exist. In the full tier the child gets new user, pid, mount,
 * network, ipc and uts namespaces; its root is a read-only view and its
 * working folder a small tmpfs (the box). In the degraded tier, where the
 * kernel refuses namespaces, it gets seccomp, rlimits and Landlock rules
 * only. jail_probe() finds the tier by trying.
 *
 * A job is a state machine: it is done only when its stdout and stderr
 * pipes have reached end of file and the process has been reaped. A caller
 * with its own poll loop uses jail_pollfds() and jail_service(); others use
 * jail_wait(). Ending a job kills everything it started.
 */
#ifndef JAIL_H
#define JAIL_H

#include <stddef.h>
#include <stdint.h>

enum jail_policy {
	JAIL_BUILD,
	JAIL_RUN
};

enum jail_tier {
	JAIL_FULL,
	JAIL_DEGRADED
};

enum jail_verdict {
	JAIL_OK,		/* exited with status 0 */
	JAIL_EXIT,		/* exited with another status */
	JAIL_SIGNAL,		/* killed by a signal the jail did not send */
	JAIL_TIMEOUT,		/* passed the wall-clock or CPU limit */
	JAIL_MEMORY,		/* passed the memory limit */
	JAIL_OUTPUT,		/* wrote more than the output limit */
	JAIL_VIOLATION,		/* made a forbidden system call */
	JAIL_INTERNAL		/* the jail itself failed */
};

/* A host path shown inside a full-tier jail at the same place. */
struct jail_bind {
	const char	*path;
	int		 writable;
};

struct jail_limits {
	uint64_t	 memory;	/* bytes of memory; 0: no limit */
	unsigned	 cpu_ms;	/* CPU time; 0: no limit */
	unsigned	 wall_ms;	/* wall-clock time; 0: no limit */
	unsigned	 procs;		/* threads and processes */
	uint64_t	 file_size;	/* the largest file it may write */
	unsigned	 files;		/* open files */
	size_t		 output;	/* bytes kept of stdout, and of stderr */
	uint64_t	 box_size;	/* bytes in the box (full tier) */
	unsigned	 box_inodes;	/* files in the box (full tier) */
	unsigned	 grace_ms;	/* from SIGQUIT to SIGKILL on timeout */
};

struct jail_spec {
	enum jail_policy	 policy;
	const char		*program;	/* the executable's path */
	char *const		*argv;
	char *const		*env;
	const char		*dir;		/* working folder (build) */
	const char		*seed;		/* files copied into the box (run) */
	int			 stdin_fd;	/* -1 for an empty stdin */
	int			 side;		/* give fd 3: a report pipe */
	const struct jail_bind	*binds;		/* build: what it may see */
	size_t			 nbinds;
	struct jail_limits	 limits;
	int			 degraded;	/* force the degraded tier */
};

struct jail_result {
	enum jail_verdict	 verdict;
	int			 exit_code;	/* with JAIL_OK and JAIL_EXIT */
	int			 signal;	/* the signal that ended it */
	int			 timeout_cpu;	/* JAIL_TIMEOUT: CPU, not wall */
	char			*violation;	/* JAIL_VIOLATION: the syscall */
	char			*internal;	/* JAIL_INTERNAL: what failed */
	unsigned		 wall_ms;
	unsigned		 cpu_ms;
	uint64_t		 peak_kib;
	char			*out;		/* stdout, NUL-terminated */
	size_t			 out_len;
	char			*err;		/* stderr, NUL-terminated */
	size_t			 err_len;
	char			*side;		/* what fd 3 got, NUL-terminated */
	size_t			 side_len;
	int			 truncated;	/* output passed the limit */
	int			 box_full;	/* files in the box did */
	enum jail_tier		 tier;
};

/* What this machine offers the jail, for gotutor doctor. */
struct jail_support {
	enum jail_tier	 tier;
	const char	*tier_why;	/* why the tier is degraded */
	unsigned	 seccomp_api;	/* libseccomp's API level; 0: none */
	int		 notify;	/* seccomp can name a denied call */
	int		 landlock_abi;	/* 0: no Landlock */
	int		 cgroup;	/* a memory cgroup can be had */
	const char	*cgroup_why;	/* why not */
};

struct jail_job;
struct pollfd;

/* The tier this machine allows, found once by trying; why says why. */
enum jail_tier	 jail_probe(const char **);
void		 jail_support(struct jail_support *);
const char	*jail_tier_name(enum jail_tier);
const char	*jail_verdict_name(enum jail_verdict);
void		 jail_default_limits(enum jail_policy, struct jail_limits *);

int		 jail_spawn(const struct jail_spec *, struct jail_job **,
		     char **);
size_t		 jail_pollfds(struct jail_job *, struct pollfd *, size_t);
int		 jail_timeout_ms(struct jail_job *);
int		 jail_service(struct jail_job *);
void		 jail_cancel(struct jail_job *);
int		 jail_done(struct jail_job *);
void		 jail_finish(struct jail_job *, struct jail_result *);
void		 jail_wait(struct jail_job *, struct jail_result *);
void		 jail_result_free(struct jail_result *);
void		 jail_remove_tree(const char *);

#endif
