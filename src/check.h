/*
 * check: judge one run of a learner's program, against a lesson or on its
 * own (for play). Each kind of check is an ops struct; a lesson's
 * expect.detectors says which detectors may fail it, and the others only
 * advise.
 */
#ifndef CHECK_H
#define CHECK_H

#include "diagnose.h"
#include "lesson.h"
#include "runner.h"
#include "toolchain.h"

enum check_status {
	CHECK_PASS,
	CHECK_FAIL,
	CHECK_SKIPPED
};

struct check_result {
	const char		*name;
	enum check_status	 status;
	int			 blocking;	/* a failure fails the whole */
	char			*reason;	/* why skipped, or NULL */
};

/* Everything one check or play produced. */
struct outcome {
	const struct track	*track;		/* NULL for play */
	const struct lesson	*lesson;	/* NULL for play */
	struct runner_result	 run;
	struct findings		 fs;
	unsigned		 blocking;	/* categories that fail it */
	struct check_result	*checks;
	size_t			 nchecks;
	int			 pass;
};

extern const char *const check_status_names[];

void	check_opts(const struct lesson *, struct runner_opts *);
void	check_judge(struct outcome *, const char *);
int	check_lesson(const struct toolchain *, const struct track *,
	    const struct lesson *, const char *, const struct runner_opts *,
	    struct outcome *, char **);
void	outcome_free(struct outcome *);

#endif
