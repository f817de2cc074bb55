/*
 * workspace: the learner's own folder for each exercise, by default
 * ~/gotutor/TRACK/LESSON, where any editor can work on the files. The
 * starter files are copied in on first use; nothing there is ever
 * overwritten without a backup.
 */
#ifndef WORKSPACE_H
#define WORKSPACE_H

#include "lesson.h"

char	*workspace_root(void);
int	 workspace_open(const char *, const struct track *,
	     const struct lesson *, char **, char **);
int	 workspace_reset(const char *, const struct lesson *, char **,
	     char **);
char	*workspace_file(const char *, const struct lesson *);

#endif
