/*
 * class: a classroom directory on a shared host. DIR/class.json holds what
 * the instructor decides (the track, the pace, solutions allowed, whether
 * the class is frozen, the announcements) and is replaced atomically (a
 * temporary file, fsync, rename); DIR/roster.csv maps logins to names and
 * emails; DIR/learners/LOGIN.log is each learner's progress log, in the
 * format of progress.h. The owner of a log, not its name, says whose it is:
 * a log whose owner is not LOGIN is flagged, never trusted. The modes that
 * keep learners out of each other's work are set by class_init and
 * described in share/classroom.md.
 */
#ifndef CLASS_H
#define CLASS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define CLASS_VERSION		1	/* the "version" of class.json */
#define CLASS_MAX_ANNOUNCE	50	/* announcements kept in class.json */
#define CLASS_ANNOUNCE_MAX	500	/* bytes in one announcement */

struct class_announcement {
	uint64_t	 ts_ms;
	char		*text;
};

/* What the instructor decides; the learners read it. */
struct class_state {
	char				*track;		/* the class's track id */
	unsigned			 pace;		/* lessons open, 0: all */
	int				 frozen;	/* no checks for now */
	char				**solutions;	/* lesson ids allowed */
	size_t				 nsolutions;
	struct class_announcement	*announcements;	/* oldest first */
	size_t				 nannouncements;
};

/* One learner: a roster line, a log, or both. */
struct class_learner {
	char	*login;
	char	*name;		/* from the roster, or NULL */
	char	*email;		/* from the roster, or NULL */
	char	*log;		/* DIR/learners/LOGIN.log, or NULL: none yet */
	uid_t	 uid;		/* the log's owner */
	char	*flag;		/* why the log is not trusted, or NULL */
	int	 in_roster;
};

struct class {
	char			*dir;
	struct class_state	 state;
	int			 roster;	/* it has a roster.csv */
	struct class_learner	*learners;	/* sorted by login */
	size_t			 nlearners;
	char			**warnings;	/* FILE:LINE: what is wrong */
	size_t			 nwarnings;
};

int	 class_init(const char *, const char *, const char *, const char *,
	     char **);
int	 class_open(const char *, struct class **, char **);
void	 class_free(struct class *);

int	 class_read_state(const char *, struct class_state *, char **);
void	 class_state_free(struct class_state *);
int	 class_write_state(const char *, const struct class_state *, char **);
int	 class_post(const char *, const char *, char **);
int	 class_set_pace(const char *, int, unsigned, unsigned, unsigned *,
	     char **);
int	 class_set_solution(const char *, const char *, int, char **);
int	 class_set_frozen(const char *, int, char **);
int	 class_solution_allowed(const struct class_state *, const char *);
char	*class_locked(const struct class_state *, const char *, size_t);

char	*class_join(const char *, char **);
const char *class_login(char **);
int	 class_save_last(const char *, const char *, size_t, char **);
int	 class_read_last(const char *, const char *, char **, size_t *,
	     char **);

#endif
