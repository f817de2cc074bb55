/*
 * bench_jail: the run jail's overhead. A static Go hello world runs 20
 * times directly (fork, exec, wait) and 20 times through the run jail,
 * alternating; the medians and their difference are printed.
 *
 * usage: bench_jail PROGRAM [RUNS]
 */

#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jail.h"

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

static int
cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

/* Run the program directly, its output to /dev/null. */
static double
direct(char **argv)
{
	double	t = now();
	pid_t	pid;
	int	status;

	if ((pid = fork()) == 0) {
		freopen("/dev/null", "w", stdout);
		execv(argv[0], argv);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench_jail: %s failed\n", argv[0]);
		exit(1);
	}
	return (now() - t);
}

/* Run it in the run jail. */
static double
jailed(char **argv, int degraded)
{
	static char		*env[] = { "PATH=/usr/bin:/bin", NULL };
	struct jail_spec	 s;
	struct jail_job		*j;
	struct jail_result	 r;
	char			*cause;
	double			 t = now();

	memset(&s, 0, sizeof s);
	s.policy = JAIL_RUN;
	s.program = argv[0];
	s.argv = argv;
	s.env = env;
	s.stdin_fd = -1;
	s.degraded = degraded;
	jail_default_limits(JAIL_RUN, &s.limits);
	if (jail_spawn(&s, &j, &cause) != 0) {
		fprintf(stderr, "bench_jail: %s\n", cause);
		exit(1);
	}
	jail_wait(j, &r);
	if (r.verdict != JAIL_OK) {
		fprintf(stderr, "bench_jail: %s in the jail: %s %s\n", argv[0],
		    jail_verdict_name(r.verdict), r.internal ? r.internal : "");
		exit(1);
	}
	jail_result_free(&r);
	return (now() - t);
}

int
main(int argc, char **argv)
{
	const char	*why;
	double		*d, *f, *g, md, mf, mg;
	int		 i, n = argc > 2 ? atoi(argv[2]) : 20;
	char		*args[] = { argv[1], NULL };

	if (argc < 2 || n < 1) {
		fprintf(stderr, "usage: bench_jail PROGRAM [RUNS]\n");
		return (2);
	}
	d = calloc((size_t)n, sizeof *d);
	f = calloc((size_t)n, sizeof *f);
	g = calloc((size_t)n, sizeof *g);
	direct(args);
	jailed(args, 0);
	for (i = 0; i < n; i++) {
		d[i] = direct(args);
		f[i] = jailed(args, 0);
		g[i] = jailed(args, 1);
	}
	md = median(d, n);
	mf = median(f, n);
	mg = median(g, n);
	printf("jail overhead (%d runs each, medians; tier here: %s)\n", n,
	    jail_tier_name(jail_probe(&why)));
	printf("  direct          %7.2f ms\n", md);
	printf("  full jail       %7.2f ms  overhead %6.2f ms  ratio %.2f\n",
	    mf, mf - md, mf / md);
	printf("  degraded jail   %7.2f ms  overhead %6.2f ms  ratio %.2f\n",
	    mg, mg - md, mg / md);
	printf("  target: overhead under 5 ms: full %s, degraded %s\n",
	    mf - md < 5 ? "met" : "NOT MET", mg - md < 5 ? "met" : "NOT MET");
	return (0);
}
