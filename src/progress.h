/*
 * progress: a learner's append-only event log, and the state derived from
 * it. The log is one file per learner (the learner is the log); each event
 * is one line, "<FNV-1a 64 of the payload, 16 hex digits> <payload JSON>",
 * written with one write(2) on an O_APPEND descriptor, under an exclusive
 * flock(2), and made durable with fsync(2) before progress_record returns.
 * A torn last line (a crash or a full disk) is cut off when the log is
 * opened or written; a corrupt line elsewhere is skipped and kept. Either
 * way the caller gets a warning and the rest of the log. Several processes
 * may write one log at once. The path is the caller's: one log per learner,
 * progress_default_path for the user's own. share/progress-format.md
 * describes the format for other readers.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define PROGRESS_VERSION	1	/* the "v" of every record written */
#define PROGRESS_RECORD_MAX	65536	/* bytes in one record, newline too */
/* progress_open_flags */
#define PROGRESS_READONLY	0x1	/* never write or repair it */
#define PROGRESS_NOFOLLOW	0x2	/* refuse a symbolic link */

#define PROGRESS_FNV_OFFSET	0xcbf29ce484222325ULL	/* FNV-1a 64 start */

enum progress_kind {
	PROGRESS_EV_OPEN,	/* the learner opened a lesson */
	PROGRESS_EV_CHECK,	/* a check ran and gave a verdict */
	PROGRESS_EV_HINT,	/* a hint was shown */
	PROGRESS_EV_SOLUTION,	/* the reference solution was shown */
	PROGRESS_EV_PASSED,	/* the lesson was passed for the first time */
	PROGRESS_KIND__COUNT
};

enum progress_verdict {
	PROGRESS_PASS,
	PROGRESS_FAIL,
	PROGRESS_ERROR,		/* the input was refused or a jail failed */
	PROGRESS_VERDICT__COUNT
};

enum progress_status {
	PROGRESS_NEW,		/* never checked */
	PROGRESS_ATTEMPTED,	/* checked, never passed */
	PROGRESS_PASSED,	/* passed at least once */
	PROGRESS_STATUS__COUNT
};

/* One event. The strings are the caller's when recording, the log's when
 * read back. */
struct progress_event {
	enum progress_kind	 kind;
	uint64_t		 ts_ms;		/* UTC ms; 0: now */
	const char		*track;
	const char		*lesson;

	/* PROGRESS_EV_CHECK */
	enum progress_verdict	 verdict;
	const char *const	*categories;	/* of the blocking findings */
	size_t			 ncategories;
	uint64_t		 wall_ms;
	uint64_t		 hash;		/* progress_hash_code's */

	/* PROGRESS_EV_HINT */
	unsigned		 hint;		/* 0 for the first hint */

	size_t			 line;		/* read: its line in the log,
						   from 1; 0 when recorded */
};

/* Records of a kind of event this version does not know: skipped without
 * a warning (later versions may add kinds), but counted for readers that
 * want to say so (a report). */
struct progress_unknown {
	char		*ev;		/* the "ev" given */
	size_t		 line;		/* the first such record's line */
	size_t		 n;		/* how many */
};

/* How often checks failed with one category. */
struct progress_count {
	char		*category;
	unsigned	 n;
};

/* What the log says about one lesson. */
struct progress_lesson {
	char			*track;
	char			*lesson;
	enum progress_status	 status;
	unsigned		 opened;	/* open events */
	unsigned		 attempts;	/* check events */
	unsigned		 failed;	/* checks with verdict fail */
	unsigned		 errors;	/* checks with verdict error */
	struct progress_count	*fails;		/* by category, in order seen */
	size_t			 nfails;
	unsigned		 hints;		/* highest hint shown + 1 */
	int			 solution;	/* the solution was shown */
	uint64_t		 first_ms;	/* its first event */
	uint64_t		 last_ms;	/* its last event */
	uint64_t		 passed_ms;	/* its first pass, or 0 */
	unsigned		 pass_attempts;	/* checks to the first pass */
};

struct progress;

extern const char *const progress_kind_names[PROGRESS_KIND__COUNT];
extern const char *const progress_verdict_names[PROGRESS_VERDICT__COUNT];
extern const char *const progress_status_names[PROGRESS_STATUS__COUNT];

char	*progress_default_path(char **);
int	 progress_open(const char *, struct progress **, char **);
int	 progress_open_flags(const char *, int, struct progress **, char **);
void	 progress_set_mode(struct progress *, mode_t);
int	 progress_record(struct progress *, const struct progress_event *,
	     char **);
void	 progress_close(struct progress *);

const char *progress_path(const struct progress *);
const char *const *progress_warnings(const struct progress *, size_t *);
const struct progress_unknown *progress_unknowns(const struct progress *,
	     size_t *);
size_t	 progress_torn_line(const struct progress *, size_t *);
size_t	 progress_nevents(const struct progress *);
const struct progress_event *progress_event(const struct progress *, size_t);
size_t	 progress_nlessons(const struct progress *);
const struct progress_lesson *progress_lesson_at(const struct progress *,
	     size_t);
const struct progress_lesson *progress_lesson(const struct progress *,
	     const char *, const char *);
const struct progress_lesson *progress_last(const struct progress *);

uint64_t progress_fnv1a(uint64_t, const void *, size_t);
int	 progress_hash_code(const char *, uint64_t *, char **);

#endif
