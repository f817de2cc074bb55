/*
 * diagnose: turn what the toolchain and the jail report into findings, each
 * with a category, the learner's file and line, and a message.
 */
#ifndef DIAGNOSE_H
#define DIAGNOSE_H

#include <stddef.h>

#include "jail.h"
#include "lesson.h"

struct finding {
	enum category	 category;
	char		*file;		/* NULL when there is no place */
	unsigned	 line;
	char		*message;
	char		*explanation;	/* in Java and Python terms, or NULL */
};

struct findings {
	struct finding	*v;
	size_t		 n;
};

/* Whether the leak harness could look for leaked goroutines. */
enum leak_status {
	LEAKS_NOT_RUN,		/* no harness, or main never returned */
	LEAKS_SKIPPED,		/* the program left through os.Exit */
	LEAKS_CLEAN,
	LEAKS_FOUND
};

void	diagnose_build(struct findings *, const char *, size_t);
void	diagnose_vet(struct findings *, const char *, size_t);
int	diagnose_race(struct findings *, const char *, size_t, const char *);
enum leak_status diagnose_leaks(struct findings *, const struct jail_result *,
	    const char *, const char **);
void	diagnose_crash(struct findings *, const char *, size_t, const char *);
void	diagnose_traps(struct findings *, const struct trapset *, const char *,
	    const char *, size_t);
void	diagnose_run(struct findings *, const struct jail_result *,
	    const char *);
void	findings_add(struct findings *, enum category, const char *,
	    unsigned, const char *, ...) __attribute__((format(printf, 5, 6)));
void	findings_free(struct findings *);

#endif
