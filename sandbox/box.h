/* box: the inside of a full-tier jail: ids, mounts, network, host name. */
#ifndef BOX_H
#define BOX_H

#include <sys/types.h>

#include <stdint.h>

#include "jail.h"

#define BOX_DIR		"/box"

struct box_plan {
	enum jail_policy	 policy;
	const char		*root;		/* an empty folder to build in */
	const char		*dir;		/* the working folder (build) */
	const struct jail_bind	*binds;
	size_t			 nbinds;
	uint64_t		 size;		/* of the box tmpfs */
	unsigned		 inodes;
	uid_t			 uid;		/* who owns the box */
	gid_t			 gid;
};

int	box_map_ids(pid_t, uid_t, gid_t, int);
int	box_enter(const struct box_plan *, const char **);
int	box_probe(const char *, const char **);

#endif
