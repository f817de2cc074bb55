/*
 * idiom: run a lesson's Java and Python idiom programs with the host's own
 * javac, java and python3, to prove that they print what the lesson says.
 * They are the track author's code, not the learner's, and run as lint
 * runs, outside the jail, with a time limit.
 */
#ifndef IDIOM_H
#define IDIOM_H

#include "lesson.h"

enum idiom_result {
	IDIOM_OK,
	IDIOM_WRONG,		/* it ran, and printed something else */
	IDIOM_FAILED,		/* it did not compile or run */
	IDIOM_MISSING		/* no toolchain for it on this machine */
};

enum idiom_result	idiom_run(enum lang, const char *, const char *,
			    char **);
int			idiom_write_files(const struct fileset *,
			    const struct fileset *, char **, char **);

#endif
