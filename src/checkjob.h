/*
 * checkjob: a check of a lesson run in a child process, so that a front
 * end can keep drawing and reacting while it runs, and cancel it. The
 * child reports its stage and then the result as check --json prints it.
 */
#ifndef CHECKJOB_H
#define CHECKJOB_H

#include "lesson.h"
#include "toolchain.h"

struct checkjob;

int		 checkjob_start(const struct toolchain *, const struct track *,
		     const struct lesson *, const char *, int,
		     struct checkjob **, char **);
int		 checkjob_fd(const struct checkjob *);
int		 checkjob_read(struct checkjob *);
const char	*checkjob_stage(const struct checkjob *);
const char	*checkjob_result(const struct checkjob *, size_t *);
const char	*checkjob_error(const struct checkjob *);
void		 checkjob_cancel(struct checkjob *);
void		 checkjob_free(struct checkjob *);

#endif
