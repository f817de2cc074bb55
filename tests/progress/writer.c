/*
 * writer: the helper of tests/progress.sh, which kills it at random.
 *
 *   writer append LOG MAX   append numbered check events to LOG, printing
 *                           "ack N" once event N is acknowledged, up to
 *                           MAX of them
 *   writer crash LOG MAX    the same, then wait to be killed
 *   writer verify LOG N     check that LOG holds events 0, 1, 2... in
 *                           order, at least N of them; print "N events,
 *                           W warnings"
 *
 * Events are numbered by their place in the log (in wall_ms and hash), so
 * a run carries on where the last one was killed.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"

/* Check that p holds events 0..n-1 in order; say which is wrong. */
static int
in_order(const struct progress *p)
{
	const struct progress_event	*e;
	size_t				 i;

	for (i = 0; i < progress_nevents(p); i++) {
		e = progress_event(p, i);
		if (e->kind != PROGRESS_EV_CHECK || e->wall_ms != i ||
		    e->hash != i || strcmp(e->lesson, "loop") != 0) {
			fprintf(stderr, "writer: event %zu is %s %" PRIu64
			    "\n", i, progress_kind_names[e->kind],
			    e->wall_ms);
			return (-1);
		}
	}
	return (0);
}

/* Append up to max events, acknowledging each on stdout; then wait to be
 * killed if asked to. */
static int
append(struct progress *p, unsigned long max, int wait)
{
	static const char *const cats[] = { "wrong-output" };
	struct progress_event	 ev;
	char			*cause;
	unsigned long		 k;
	size_t			 n;

	if (in_order(p) != 0)
		return (3);
	for (k = 0; k < max; k++) {
		n = progress_nevents(p);
		memset(&ev, 0, sizeof ev);
		ev.kind = PROGRESS_EV_CHECK;
		ev.track = "crash";
		ev.lesson = "loop";
		ev.verdict = PROGRESS_FAIL;
		ev.categories = cats;
		ev.ncategories = 1;
		ev.wall_ms = n;
		ev.hash = n;
		if (progress_record(p, &ev, &cause) != 0) {
			fprintf(stderr, "writer: %s\n", cause);
			free(cause);
			return (1);
		}
		dprintf(STDOUT_FILENO, "ack %zu\n", n);
	}
	while (wait)
		pause();
	return (0);
}

int
main(int argc, char **argv)
{
	struct progress		 *p;
	const char *const	 *w;
	char			 *cause, *end;
	unsigned long		  n;
	size_t			  i, nw;
	int			  r;

	if (argc != 4 || (strcmp(argv[1], "append") != 0 &&
	    strcmp(argv[1], "crash") != 0 && strcmp(argv[1], "verify") != 0)) {
		fprintf(stderr, "usage: writer append|crash|verify LOG N\n");
		return (2);
	}
	n = strtoul(argv[3], &end, 10);
	if (*end != '\0') {
		fprintf(stderr, "writer: bad number %s\n", argv[3]);
		return (2);
	}
	if (progress_open(argv[2], &p, &cause) != 0) {
		fprintf(stderr, "writer: %s\n", cause);
		free(cause);
		return (1);
	}
	w = progress_warnings(p, &nw);
	for (i = 0; i < nw; i++)
		fprintf(stderr, "writer: warning: %s\n", w[i]);
	if (strcmp(argv[1], "verify") != 0)
		r = append(p, n, strcmp(argv[1], "crash") == 0);
	else if (in_order(p) != 0)
		r = 1;
	else if (progress_nevents(p) < n) {
		fprintf(stderr, "writer: %zu events, but %lu were "
		    "acknowledged\n", progress_nevents(p), n);
		r = 1;
	} else {
		printf("%zu events, %zu warnings\n", progress_nevents(p), nw);
		r = 0;
	}
	progress_close(p);
	return (r);
}
