/*
 * report: cohort progress reports. Events are gathered from any number of
 * class directories and loose progress logs (a learner may appear in
 * several: events are merged by learner and de-duplicated), placed against
 * the lessons of the library's tracks, and folded into per-learner,
 * per-lesson and cohort figures. Then one of the formats (an ops struct per
 * file: report_text.c, report_md.c, report_csv.c, report_html.c,
 * report_json.c) writes them. Bad input (a torn or corrupt log, an unknown
 * event, a lesson no longer in its track, a log owned by the wrong uid)
 * gives a warning with FILE:LINE and is excluded or flagged; it never stops
 * the report. share/report-format.md describes every figure.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lesson.h"
#include "progress.h"

#define REPORT_IDLE_MS		(15 * 60 * 1000)	/* gaps not counted */
#define REPORT_INACTIVE_DAYS	7

/* The migration profile's axes, from the lessons' concepts. */
enum report_axis {
	REPORT_AXIS_ERRORS,		/* errors */
	REPORT_AXIS_COLLECTIONS,	/* collections, generics */
	REPORT_AXIS_CONCURRENCY,	/* concurrency */
	REPORT_AXIS__COUNT
};

/* Where a learner's failed checks point to. */
enum report_kind {
	REPORT_KIND_SYNTAX,		/* compile-error */
	REPORT_KIND_TOOLCHAIN,		/* vet, ignored-error, idiom-trap */
	REPORT_KIND_CONCURRENCY,	/* goroutine-leak, deadlock,
					   data-race, too-slow */
	REPORT_KIND_RUNTIME,		/* everything else */
	REPORT_KIND__COUNT
};

/* The LMS layout of the CSV format. */
enum report_lms {
	REPORT_LMS_NONE,
	REPORT_LMS_MOODLE,
	REPORT_LMS_CANVAS
};

struct report_opts {
	uint64_t	 now_ms;	/* "today", for inactivity; 0: now */
	unsigned	 inactive_days;	/* 0: REPORT_INACTIVE_DAYS */
	enum report_lms	 lms;
	int		 per_track;	/* CSV: a grade column per track */
};

/* A category and how many failed checks named it; lists are sorted by n,
 * most first, then by category order. */
struct report_count {
	enum category	 category;
	unsigned	 n;
};

/* One learner on one lesson. */
struct report_cell {
	enum progress_status	 status;
	unsigned		 attempts;	/* checks */
	unsigned		 failed;	/* checks that failed */
	unsigned		 hints;		/* hints shown */
	int			 solution;	/* solution shown */
	uint64_t		 first_ms;	/* first event, 0: none */
	uint64_t		 last_ms;
	uint64_t		 passed_ms;	/* first pass, 0: not passed */
	unsigned		 pass_attempts;	/* checks to the first pass */
	uint64_t		 time_ms;	/* first event to pass (or to the
						   last event), idle gaps out */
	unsigned		 fails[CAT__COUNT];
	enum category		 last_category;	/* of its last failed check */
	unsigned		 events;	/* after de-duplication */
};

/* One axis of a migration profile. */
struct report_axis_score {
	unsigned	 total;		/* lessons on the axis */
	unsigned	 passed;
	unsigned	 attempts;
	unsigned	 failed;
};

struct report_learner {
	char			*login;
	char			*name;		/* roster name, or NULL */
	char			*email;		/* roster email, or NULL */
	char			**sources;	/* the logs read for them */
	size_t			 nsources;
	char			*flag;		/* why not trusted, or NULL */
	struct report_cell	*cells;		/* one per report lesson */
	unsigned		 passed;
	unsigned		 attempts;
	unsigned		 hints;
	unsigned		 solutions;
	uint64_t		 events;
	uint64_t		 first_ms;
	uint64_t		 last_ms;	/* 0: no events */
	uint64_t		 time_ms;
	int			 inactive;	/* nothing for inactive_days */
	size_t			 reached;	/* lessons passed in a row from
						   the first (the funnel) */
	struct report_count	*top;		/* their failure categories */
	size_t			 ntop;
	struct report_axis_score profile[REPORT_AXIS__COUNT];
	unsigned		 kinds[REPORT_KIND__COUNT];
};

struct report_lesson {
	const struct track	*track;
	const struct lesson	*lesson;
	unsigned		 axes;		/* bit set of enum report_axis */
	unsigned		 started;	/* learners with any event */
	unsigned		 passed;
	double			 pass_rate;	/* passed / started, 0..1 */
	double			 median_attempts;	/* to pass */
	double			 median_time_ms;	/* to pass */
	unsigned		 fails[CAT__COUNT];
	struct report_count	*top;
	size_t			 ntop;
	double			 struggle;	/* higher: harder */
	unsigned		 attempts;	/* checks, by all learners */
	unsigned		 hints;		/* hints shown, all learners */
	unsigned		 solutions;	/* learners shown the solution */
};

/* One UTC day of activity. */
struct report_day {
	uint64_t	 day_ms;	/* midnight UTC */
	unsigned	 events;
	unsigned	 learners;	/* active that day */
	unsigned	 passes;
};

struct report {
	uint64_t		 now_ms;
	unsigned		 inactive_days;
	struct report_lesson	*lessons;	/* tracks in order, then lessons */
	size_t			 nlessons;
	struct report_learner	*learners;	/* sorted by login */
	size_t			 nlearners;
	size_t			*funnel;	/* [nlessons + 1]: learners who
						   reached at least k lessons */
	struct report_day	*days;		/* oldest first, no gaps */
	size_t			 ndays;
	size_t			*struggle;	/* lesson indexes, hardest
						   first, at most 5 */
	size_t			 nstruggle;
	unsigned		 fails[CAT__COUNT];	/* cohort-wide */
	uint64_t		 events;	/* after de-duplication */
	uint64_t		 duplicates;	/* dropped */
	char			**warnings;
	size_t			 nwarnings;
};

struct report_builder;

/* A report format. */
struct report_format {
	const char	*name;
	void		(*write)(const struct report *,
			    const struct report_opts *, FILE *);
};

extern const struct report_format report_text;
extern const struct report_format report_md;
extern const struct report_format report_csv;
extern const struct report_format report_html;
extern const struct report_format report_json;

extern const char *const report_axis_names[REPORT_AXIS__COUNT];
extern const char *const report_kind_names[REPORT_KIND__COUNT];

struct report_builder *report_builder_new(const struct library *);
int	 report_add_class(struct report_builder *, const char *, char **);
int	 report_add_log(struct report_builder *, const char *, const char *,
	     char **);
struct report *report_build(struct report_builder *,
	     const struct report_opts *);
void	 report_builder_free(struct report_builder *);
void	 report_free(struct report *);

const struct report_format *report_format_find(const char *);

/* Helpers for the formats: see report.c. */
size_t	 report_width(const char *);
void	 report_put(FILE *, const char *, size_t, int);
void	 report_wrap(FILE *, const char *, const char *, const char *,
	     size_t);
char	*report_duration(char *, size_t, uint64_t);
char	*report_day(char *, size_t, uint64_t);
enum report_kind report_kind_of(enum category);
const char *report_learner_name(const struct report_learner *);

#endif
