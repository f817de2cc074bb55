/* filter: the seccomp policies of the two jails, built with libseccomp. */
#ifndef FILTER_H
#define FILTER_H

#include <sys/types.h>

#include "jail.h"

struct filter_args {
	enum jail_policy policy;
	pid_t		 self;		/* the program's pid, as it sees it */
	int		 exec_fd;	/* the one fd execveat may use */
	int		 netns;		/* inside a private network namespace */
	int		 notify;	/* report denials to a listener */
	int		 sync_fd;	/* the socket the listener fd goes out on */
};

int	 filter_load(const struct filter_args *, int *);
int	 filter_notify_supported(void);
char	*filter_syscall_name(int);

#endif
