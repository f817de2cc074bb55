/* problem: a list of FILE:LINE:COL: message diagnostics about input. */
#ifndef PROBLEM_H
#define PROBLEM_H

#include <stdio.h>

struct problem {
	char		*file;
	unsigned	 line;		/* 1-based; 0 when there is no position */
	unsigned	 col;		/* 1-based; 0 when there is no column */
	char		*msg;
	size_t		 seq;		/* order of addition */
};

struct problems {
	struct problem	*v;
	size_t		 n;
	size_t		 cap;
};

void	problems_init(struct problems *);
void	problems_free(struct problems *);
void	problems_add(struct problems *, const char *, unsigned, unsigned,
	    const char *, ...) __attribute__((format(printf, 5, 6)));
void	problems_sort(struct problems *);
char	*problem_format(const struct problem *);
void	problems_print(const struct problems *, FILE *);

#endif
