/*
 * child: the jailed child's side of a jail, from clone to exec, and the
 * messages it sends its parent over their socket while it sets up.
 */
#ifndef CHILD_H
#define CHILD_H

#include <sys/types.h>

#include "jail.h"

#define CHILD_NOBODY	65534
#define CHILD_SEED_MAX	(16u << 20)	/* bytes a seed file may have */
#define CHILD_DATA_SLACK (48ull << 20)	/* the Go runtime's own mappings */

/* What the child sends while it sets up. */
enum msg_type {
	MSG_FAILED = 'F',	/* errno, then what failed */
	MSG_LISTENER = 'L',	/* the seccomp listener fd, in SCM_RIGHTS */
};

struct msg {
	char		type;
	int		err;
	char		what[96];
};

struct child_args {
	const struct jail_spec	*spec;
	enum jail_tier		 tier;
	int			 sync;		/* the child's end */
	int			 exec_fd;	/* numbered above the fd limit */
	int			 stdin_fd, out_fd, err_fd;
	int			 side_fd;	/* -1, or fd 3 to be */
	int			 have_cgroup;
	int			 notify;
	int			 root;		/* the tutor runs as root */
	uid_t			 uid;		/* the tutor's ids, mapped to */
	gid_t			 gid;		/* themselves in the jail */
	const char		*rootdir;
	const char		*boxdir;
};

void	child_run(const struct child_args *) __attribute__((noreturn));
void	child_fail(int, const char *) __attribute__((noreturn));
int	child_copy_seed(int, int);

#endif
