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
#include "lesson.h"
#include "toolchain.h"

#define RUNNER_FILE_MAX		(1u << 20)	/* bytes in one source file */
#define RUNNER_TOTAL_MAX	(8u << 20)	/* bytes in all of them */
#define RUNNER_FILES_MAX	200

enum runner_stage {
	RUNNER_REJECTED,	/* the input was refused before the build */
	RUNNER_BUILD_FAILED,	/* the build jail did not make a binary */
	RUNNER_RAN		/* the program ran; see run */
};

/* When to build and run a second time with the race detector. */
enum runner_race {
	RUNNER_RACE_NEVER,
	RUNNER_RACE_AUTO,	/* when the source has a go statement */
	RUNNER_RACE_ALWAYS
};

struct runner_opts {
	const char	*stdin_path;	/* NULL for an empty stdin */
	const char	*stdin_text;	/* or this, when not NULL */
	size_t		 stdin_len;
	char *const	*args;
	size_t		 nargs;
	unsigned	 timeout_ms;	/* 0: the jail's default */
	uint64_t	 memory;	/* 0: the jail's default */
	int		 degraded;	/* force the degraded tier */
	int		 vet;		/* also go vet and the error analyzer */
	int		 leaks;		/* wrap main in the leak harness */
	enum runner_race race;
	struct goversion go;		/* go.mod's "go", when it is written;
					   0.0: the toolchain's */
	void		(*stage)(void *, const char *);	/* or NULL */
	void		*stage_arg;
};

struct runner_result {
	enum runner_stage	 stage;
	char			*rejected;	/* RUNNER_REJECTED: why */
	char			*module;	/* the module path traces use */
	struct jail_result	 build;
	struct jail_result	 vet;		/* go vet, when have_vet */
	int			 have_vet;
	int			 have_errcheck;	/* vet ran the analyzer too */
	char			*errcheck_why;	/* why there is no analyzer */
	int			 harness;	/* main ran in the leak harness */
	char			*harness_why;	/* why it did not */
	int			 race_asked;
	int			 have_race;	/* race_run holds a race run */
	char			*race_why;	/* why it does not */
	struct jail_result	 race_build;
	struct jail_result	 race_run;
	struct jail_result	 run;		/* RUNNER_RAN */
	enum jail_tier		 tier;
	const char		*tier_why;
};

int	runner_play(const struct toolchain *, const char *,
	    const struct runner_opts *, struct runner_result *, char **);
void	runner_result_free(struct runner_result *);

#endif
