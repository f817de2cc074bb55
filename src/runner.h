/*
 * runner: build and run a Go program through the two jails, the way go run
 * would: the learner's files are checked and copied into a scratch module,
 * built in the build jail with gotutor's own warm cache, and the binary
 * runs in the run jail with the files in its box.
 */
#ifndef RUNNER_H
#define RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include "jail.h"
#include "toolchain.h"

#define RUNNER_FILE_MAX		(1u << 20)	/* bytes in one source file */
#define RUNNER_TOTAL_MAX	(8u << 20)	/* bytes in all of them */
#define RUNNER_FILES_MAX	200

enum runner_stage {
	RUNNER_REJECTED,	/* the input was refused before the build */
	RUNNER_BUILD_FAILED,	/* the build jail did not make a binary */
	RUNNER_RAN		/* the program ran; see run */
};

struct runner_opts {
	const char	*stdin_path;	/* NULL for an empty stdin */
	char *const	*args;
	size_t		 nargs;
	unsigned	 timeout_ms;	/* 0: the jail's default */
	uint64_t	 memory;	/* 0: the jail's default */
	int		 degraded;	/* force the degraded tier */
	int		 vet;		/* also go vet and the error analyzer */
};

struct runner_result {
	enum runner_stage	 stage;
	char			*rejected;	/* RUNNER_REJECTED: why */
	char			*module;	/* the module path traces use */
	struct jail_result	 build;
	struct jail_result	 vet;		/* go vet, when have_vet */
	struct jail_result	 errcheck;	/* the analyzer, when have_errcheck */
	int			 have_vet;
	int			 have_errcheck;
	char			*errcheck_why;	/* why there is no analyzer */
	struct jail_result	 run;		/* RUNNER_RAN */
	enum jail_tier		 tier;
	const char		*tier_why;
};

int	runner_play(const struct toolchain *, const char *,
	    const struct runner_opts *, struct runner_result *, char **);
void	runner_result_free(struct runner_result *);

#endif
