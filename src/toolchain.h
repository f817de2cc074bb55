/* toolchain: the Go toolchain gotutor builds with, found once. */
#ifndef TOOLCHAIN_H
#define TOOLCHAIN_H

#include "lesson.h"

struct toolchain {
	char		*go;		/* the go command */
	char		*goroot;
	char		*version;	/* "go1.26.8" */
	struct goversion v;
};

int	toolchain_find(struct toolchain *, char **);
void	toolchain_free(struct toolchain *);

#endif
