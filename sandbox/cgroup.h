/* cgroup: a memory and process limit for one job, where one can be had. */
#ifndef CGROUP_H
#define CGROUP_H

#include <sys/types.h>

#include <stdint.h>

struct cgroup;

struct cgroup	*cgroup_create(uint64_t, unsigned, char **);
int		 cgroup_attach(struct cgroup *, pid_t);
int		 cgroup_oom_killed(struct cgroup *);
uint64_t	 cgroup_peak(struct cgroup *);
void		 cgroup_kill(struct cgroup *);
void		 cgroup_destroy(struct cgroup *);

#endif
