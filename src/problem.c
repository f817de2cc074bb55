/* problem: a list of FILE:LINE:COL: message diagnostics about input. */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "problem.h"
#include "xmalloc.h"

/* Start an empty list. */
void
problems_init(struct problems *pb)
{
	memset(pb, 0, sizeof *pb);
}

/* Free every problem in the list and leave it empty. */
void
problems_free(struct problems *pb)
{
	size_t	i;

	for (i = 0; i < pb->n; i++) {
		free(pb->v[i].file);
		free(pb->v[i].msg);
	}
	free(pb->v);
	problems_init(pb);
}

/* Add a problem at file:line:col; line 0 means the file as a whole. */
void
problems_add(struct problems *pb, const char *file, unsigned line,
    unsigned col, const char *fmt, ...)
{
	struct problem	*p;
	va_list		 ap;

	if (pb->n == pb->cap) {
		pb->cap = pb->cap == 0 ? 8 : pb->cap * 2;
		pb->v = xreallocarray(pb->v, pb->cap, sizeof *pb->v);
	}
	p = &pb->v[pb->n++];
	p->seq = pb->n - 1;
	p->file = xstrdup(file);
	p->line = line;
	p->col = line == 0 ? 0 : col;
	va_start(ap, fmt);
	p->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Order problems by file, line and column, then by when they were added. */
static int
problem_cmp(const void *a0, const void *b0)
{
	const struct problem	*a = a0, *b = b0;
	int			 c;

	if ((c = strcmp(a->file, b->file)) != 0)
		return (c);
	if (a->line != b->line)
		return (a->line < b->line ? -1 : 1);
	if (a->col != b->col)
		return (a->col < b->col ? -1 : 1);
	return (a->seq < b->seq ? -1 : a->seq > b->seq);
}

/* Sort the list for reading: by file, line and column. */
void
problems_sort(struct problems *pb)
{
	if (pb->n > 1)
		qsort(pb->v, pb->n, sizeof *pb->v, problem_cmp);
}

/* Format one problem as "FILE:LINE:COL: message"; the caller frees. */
char *
problem_format(const struct problem *p)
{
	if (p->line == 0)
		return (xasprintf("%s: %s", p->file, p->msg));
	if (p->col == 0)
		return (xasprintf("%s:%u: %s", p->file, p->line, p->msg));
	return (xasprintf("%s:%u:%u: %s", p->file, p->line, p->col, p->msg));
}

/* Print every problem, one per line. */
void
problems_print(const struct problems *pb, FILE *f)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < pb->n; i++) {
		s = problem_format(&pb->v[i]);
		fprintf(f, "%s\n", s);
		free(s);
	}
}
