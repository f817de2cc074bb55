/*
 * report: gather the events of class directories and loose logs by
 * learner, de-duplicate them and fold them into the figures of a cohort
 * report. See report.h, and share/report-format.md for every figure.
 */

#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "class.h"
#include "progress.h"
#include "report.h"
#include "xmalloc.h"

#define DAY_MS		(24ULL * 60 * 60 * 1000)
#define DAYS_MAX	3660	/* days of activity listed: ten years */
#define STRUGGLE_MAX	5	/* struggle points listed */
#define NO_LESSON	UINT32_MAX

const char *const report_axis_names[REPORT_AXIS__COUNT] = {
	[REPORT_AXIS_ERRORS] = "errors",
	[REPORT_AXIS_COLLECTIONS] = "collections",
	[REPORT_AXIS_CONCURRENCY] = "concurrency",
};

const char *const report_kind_names[REPORT_KIND__COUNT] = {
	[REPORT_KIND_SYNTAX] = "syntax",
	[REPORT_KIND_TOOLCHAIN] = "toolchain",
	[REPORT_KIND_CONCURRENCY] = "concurrency",
	[REPORT_KIND_RUNTIME] = "runtime",
};

/* One event as the report keeps it: small, because there may be millions. */
struct rev {
	uint64_t	 ts;
	uint64_t	 key;		/* FNV-1a of the fields not kept here */
	uint32_t	 lesson;	/* index into the builder's lessons */
	uint32_t	 hint;
	uint16_t	 cats;		/* bit set of enum category */
	uint8_t		 kind;
	uint8_t		 verdict;
};

/* A learner while events are gathered. */
struct rb_learner {
	char		*login;
	char		*name;
	char		*email;
	char		*flag;
	char		**sources;
	size_t		 nsources;
	struct rev	*events;
	size_t		 nevents;
	size_t		 cap;
};

struct report_builder {
	const struct library	 *lib;
	const struct track	**ltrack;	/* every lesson of the library */
	const struct lesson	**llesson;
	size_t			 *tbase;	/* a track's first lesson index */
	size_t			  nall;
	unsigned char		 *used;		/* [nall]: an event names it */
	struct rb_learner	**learners;
	size_t			  nlearners;
	size_t			 *slots;	/* login hash: index + 1, 0 free */
	size_t			  nslots;
	char			**warnings;
	size_t			  nwarnings;
};

/* A lesson named by one log, resolved once. */
struct log_lesson {
	const char	*id;		/* the log's string, compared by address */
	uint32_t	 index;		/* NO_LESSON: not in the library */
	int		 warned;
};

/* Add a warning to the report. */
static void __attribute__((format(printf, 2, 3)))
warn(struct report_builder *b, const char *fmt, ...)
{
	va_list	ap;

	b->warnings = xreallocarray(b->warnings, b->nwarnings + 1,
	    sizeof *b->warnings);
	va_start(ap, fmt);
	b->warnings[b->nwarnings++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Which kind of difficulty a failure category points to. */
enum report_kind
report_kind_of(enum category c)
{
	switch (c) {
	case CAT_COMPILE_ERROR:
		return (REPORT_KIND_SYNTAX);
	case CAT_VET:
	case CAT_IGNORED_ERROR:
	case CAT_IDIOM_TRAP:
		return (REPORT_KIND_TOOLCHAIN);
	case CAT_GOROUTINE_LEAK:
	case CAT_DEADLOCK:
	case CAT_DATA_RACE:
	case CAT_TOO_SLOW:
		return (REPORT_KIND_CONCURRENCY);
	default:
		return (REPORT_KIND_RUNTIME);
	}
}

/* The name to show for a learner: the roster's, or the login. */
const char *
report_learner_name(const struct report_learner *l)
{
	return (l->name != NULL && *l->name != '\0' ? l->name : l->login);
}

/* Find a format by name, or NULL. */
const struct report_format *
report_format_find(const char *name)
{
	static const struct report_format *const formats[] = {
		&report_text, &report_md, &report_csv, &report_html,
		&report_json,
	};
	size_t	i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		if (strcmp(formats[i]->name, name) == 0)
			return (formats[i]);
	}
	return (NULL);
}

/* The axes of the migration profile a lesson's concepts put it on. */
static unsigned
axes_of(const struct lesson *l)
{
	unsigned	a = 0;

	if (l->concepts & (1u << CONCEPT_ERRORS))
		a |= 1u << REPORT_AXIS_ERRORS;
	if (l->concepts & ((1u << CONCEPT_COLLECTIONS) |
	    (1u << CONCEPT_GENERICS)))
		a |= 1u << REPORT_AXIS_COLLECTIONS;
	if (l->concepts & (1u << CONCEPT_CONCURRENCY))
		a |= 1u << REPORT_AXIS_CONCURRENCY;
	return (a);
}

/* Start gathering events against the lessons of lib, which must outlive
 * the report. Free with report_build or report_builder_free. */
struct report_builder *
report_builder_new(const struct library *lib)
{
	struct report_builder	*b = xcalloc(1, sizeof *b);
	size_t			 i, k, n = 0;

	b->lib = lib;
	for (i = 0; i < lib->ntracks; i++)
		n += lib->tracks[i]->nlessons;
	b->ltrack = xreallocarray(NULL, n + 1, sizeof *b->ltrack);
	b->llesson = xreallocarray(NULL, n + 1, sizeof *b->llesson);
	b->tbase = xreallocarray(NULL, lib->ntracks + 1, sizeof *b->tbase);
	b->used = xcalloc(n + 1, 1);
	for (i = 0; i < lib->ntracks; i++) {
		b->tbase[i] = b->nall;
		for (k = 0; k < lib->tracks[i]->nlessons; k++) {
			b->ltrack[b->nall] = lib->tracks[i];
			b->llesson[b->nall++] = lib->tracks[i]->lessons[k];
		}
	}
	b->nslots = 64;
	b->slots = xcalloc(b->nslots, sizeof *b->slots);
	return (b);
}

/* Free a learner being gathered. */
static void
rb_learner_free(struct rb_learner *l)
{
	size_t	i;

	free(l->login);
	free(l->name);
	free(l->email);
	free(l->flag);
	for (i = 0; i < l->nsources; i++)
		free(l->sources[i]);
	free(l->sources);
	free(l->events);
	free(l);
}

/* Free a builder and everything it gathered. */
void
report_builder_free(struct report_builder *b)
{
	size_t	i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nlearners; i++)
		rb_learner_free(b->learners[i]);
	free(b->learners);
	for (i = 0; i < b->nwarnings; i++)
		free(b->warnings[i]);
	free(b->warnings);
	free(b->slots);
	free(b->ltrack);
	free(b->llesson);
	free(b->tbase);
	free(b->used);
	free(b);
}

/* FNV-1a 64 of a string. */
static uint64_t
hash_string(const char *s)
{
	return (progress_fnv1a(PROGRESS_FNV_OFFSET, s, strlen(s)));
}

/* Put learner index i in the login hash. */
static void
slot_put(struct report_builder *b, size_t i)
{
	size_t	h = (size_t)hash_string(b->learners[i]->login);

	while (b->slots[h & (b->nslots - 1)] != 0)
		h++;
	b->slots[h & (b->nslots - 1)] = i + 1;
}

/* The learner with login, made if need be. */
static struct rb_learner *
learner_get(struct report_builder *b, const char *login)
{
	struct rb_learner	*l;
	size_t			 h = (size_t)hash_string(login), k, i;

	for (;; h++) {
		if ((k = b->slots[h & (b->nslots - 1)]) == 0)
			break;
		if (strcmp(b->learners[k - 1]->login, login) == 0)
			return (b->learners[k - 1]);
	}
	l = xcalloc(1, sizeof *l);
	l->login = xstrdup(login);
	b->learners = xreallocarray(b->learners, b->nlearners + 1,
	    sizeof *b->learners);
	b->learners[b->nlearners++] = l;
	if (b->nlearners * 2 > b->nslots) {
		free(b->slots);
		b->nslots *= 2;
		b->slots = xcalloc(b->nslots, sizeof *b->slots);
		for (i = 0; i < b->nlearners; i++)
			slot_put(b, i);
	} else
		b->slots[h & (b->nslots - 1)] = b->nlearners;
	return (l);
}

/* The index of track/lesson among the builder's lessons, or NO_LESSON. */
static uint32_t
lesson_index(const struct report_builder *b, const char *track,
    const char *lesson)
{
	const struct track	*t;
	size_t			 i, k;

	for (i = 0; i < b->lib->ntracks; i++) {
		t = b->lib->tracks[i];
		if (strcmp(t->id, track) != 0)
			continue;
		for (k = 0; k < t->nlessons; k++) {
			if (strcmp(t->lessons[k]->id, lesson) == 0)
				return ((uint32_t)(b->tbase[i] + k));
		}
		return (NO_LESSON);
	}
	return (NO_LESSON);
}

/* The category named s, or -1. */
static int
category_of(const char *s)
{
	int	i;

	for (i = 0; i < CAT__COUNT; i++) {
		if (*category_names[i] == *s && strcmp(category_names[i],
		    s) == 0)
			return (i);
	}
	return (-1);
}

/* Has name already been warned about (for this log)? Note it if not. */
static int
warned(char ***list, size_t *n, const char *name)
{
	size_t	i;

	for (i = 0; i < *n; i++) {
		if (strcmp((*list)[i], name) == 0)
			return (1);
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(name);
	return (0);
}

/* Turn a log's event into the report's, or return -1 when its lesson is
 * not in the library. */
static int
take_event(struct report_builder *b, const char *path,
    const struct progress_event *e, uint32_t index, struct rev *r,
    char ***cats_warned, size_t *ncats_warned)
{
	uint64_t	key = PROGRESS_FNV_OFFSET, u;
	size_t		i;
	int		c;

	memset(r, 0, sizeof *r);
	r->ts = e->ts_ms;
	r->lesson = index;
	r->kind = (uint8_t)e->kind;
	if (e->kind == PROGRESS_EV_HINT)
		r->hint = e->hint;
	if (e->kind != PROGRESS_EV_CHECK) {
		r->key = key;
		return (0);
	}
	r->verdict = (uint8_t)e->verdict;
	key = progress_fnv1a(key, &e->wall_ms, sizeof e->wall_ms);
	key = progress_fnv1a(key, &e->hash, sizeof e->hash);
	u = 0;
	for (i = 0; i < e->ncategories; i++) {
		if ((c = category_of(e->categories[i])) >= 0) {
			r->cats |= (uint16_t)(1u << c);
			continue;
		}
		/* Their order means nothing: add the hashes up. */
		u += hash_string(e->categories[i]);
		if (!warned(cats_warned, ncats_warned, e->categories[i]))
			warn(b, "%s:%zu: unknown failure category \"%s\"; it "
			    "is not counted", path, e->line,
			    e->categories[i]);
	}
	r->key = progress_fnv1a(key, &u, sizeof u);
	return (0);
}

/* Add an event to a learner. */
static void
push_event(struct rb_learner *l, const struct rev *r)
{
	if (l->nevents == l->cap) {
		l->cap = l->cap == 0 ? 256 : l->cap * 2;
		l->events = xreallocarray(l->events, l->cap,
		    sizeof *l->events);
	}
	l->events[l->nevents++] = *r;
}

/*
 * Read the log at path for learner l: its events, placed against the
 * library's lessons, and its warnings. A log that cannot be read is a
 * warning and -1 with *cause set.
 */
static int
read_log(struct report_builder *b, struct rb_learner *l, const char *path,
    char **cause)
{
	struct progress			 *p;
	const struct progress_event	 *e;
	const struct progress_lesson	 *pl;
	const struct progress_unknown	 *u;
	const char *const		 *w;
	struct log_lesson		 *ll = NULL, *last = NULL;
	struct rev			  r;
	char				**cw = NULL;
	size_t				  i, k, n, nll, ncw = 0, torn;

	if (progress_open_flags(path, PROGRESS_READONLY | PROGRESS_NOFOLLOW,
	    &p, cause) != 0) {
		warn(b, "%s", *cause);
		return (-1);
	}
	l->sources = xreallocarray(l->sources, l->nsources + 1,
	    sizeof *l->sources);
	l->sources[l->nsources++] = xstrdup(path);
	w = progress_warnings(p, &n);
	/* Say on which line the torn record is: its warning is the last. */
	if ((k = progress_torn_line(p, &torn)) != 0 && n > 0)
		n--;
	for (i = 0; i < n; i++)
		warn(b, "%s", w[i]);
	if (k != 0)
		warn(b, "%s:%zu: the last record is torn (%zu bytes, from a "
		    "crash or a full disk); skipped it", path, k, torn);
	u = progress_unknowns(p, &n);
	for (i = 0; i < n; i++) {
		if (u[i].n == 1)
			warn(b, "%s:%zu: unknown event \"%s\"; skipped it",
			    path, u[i].line, u[i].ev);
		else
			warn(b, "%s:%zu: unknown event \"%s\"; skipped it "
			    "and %zu more like it", path, u[i].line, u[i].ev,
			    u[i].n - 1);
	}

	nll = progress_nlessons(p);
	ll = xreallocarray(NULL, nll + 1, sizeof *ll);
	for (i = 0; i < nll; i++) {
		pl = progress_lesson_at(p, i);
		ll[i].id = pl->lesson;
		ll[i].index = lesson_index(b, pl->track, pl->lesson);
		ll[i].warned = 0;
	}
	n = progress_nevents(p);
	if (l->cap < l->nevents + n) {
		l->cap = l->nevents + n;
		l->events = xreallocarray(l->events, l->cap,
		    sizeof *l->events);
	}
	for (i = 0; i < n; i++) {
		e = progress_event(p, i);
		/* A log's events name its lessons' own strings. */
		if (last == NULL || last->id != e->lesson) {
			for (k = 0; k < nll && ll[k].id != e->lesson; k++)
				;
			if (k == nll)
				continue;	/* cannot happen */
			last = &ll[k];
		}
		if (last->index == NO_LESSON) {
			if (!last->warned)
				warn(b, "%s:%zu: lesson %s/%s is not in the track "
				    "(was it renamed or removed?); its events "
				    "are left out", path, e->line, e->track,
				    e->lesson);
			last->warned = 1;
			continue;
		}
		take_event(b, path, e, last->index, &r, &cw, &ncw);
		b->used[r.lesson] = 1;
		push_event(l, &r);
	}
	for (i = 0; i < ncw; i++)
		free(cw[i]);
	free(cw);
	free(ll);
	progress_close(p);
	return (0);
}

/* The learner a loose log belongs to: its file name without ".log". The
 * caller frees. */
static char *
login_of(const char *path)
{
	const char	*base = strrchr(path, '/');
	size_t		 n;

	base = base == NULL ? path : base + 1;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".log") == 0)
		n -= 4;
	if (n == 0)
		return (xstrdup(path));
	return (xstrndup(base, n));
}

/*
 * Add the loose log at path, as the learner login (NULL: the file's name
 * without ".log"). A log that cannot be read is a warning in the report,
 * and -1 with *cause set.
 */
int
report_add_log(struct report_builder *b, const char *path,
    const char *login, char **cause)
{
	struct rb_learner	*l;
	struct stat		 st;
	char			*name;
	int			 r;

	/* Reading a missing log would give an empty one. */
	if (lstat(path, &st) == -1) {
		*cause = xasprintf("cannot open %s: %s", path,
		    strerror(errno));
		warn(b, "%s", *cause);
		return (-1);
	}
	name = login != NULL ? xstrdup(login) : login_of(path);
	l = learner_get(b, name);
	free(name);
	r = read_log(b, l, path, cause);
	return (r);
}

/*
 * Add the learners of the class directory dir: the roster's names and
 * emails, and each learner's log. A learner whose log is owned by someone
 * else is flagged. A class that cannot be opened is a warning in the
 * report, and -1 with *cause set; a log that cannot be read is a warning.
 */
int
report_add_class(struct report_builder *b, const char *dir, char **cause)
{
	struct class		*c;
	struct class_learner	*cl;
	struct rb_learner	*l;
	char			*why;
	size_t			 i;

	if (class_open(dir, &c, cause) != 0) {
		warn(b, "%s", *cause);
		return (-1);
	}
	for (i = 0; i < c->nwarnings; i++)
		warn(b, "%s", c->warnings[i]);
	for (i = 0; i < c->nlearners; i++) {
		cl = &c->learners[i];
		l = learner_get(b, cl->login);
		if (l->name == NULL && cl->name != NULL)
			l->name = xstrdup(cl->name);
		if (l->email == NULL && cl->email != NULL)
			l->email = xstrdup(cl->email);
		/* class_open has warned of it. */
		if (cl->flag != NULL && l->flag == NULL)
			l->flag = xstrdup(cl->flag);
		if (cl->log != NULL && read_log(b, l, cl->log, &why) != 0)
			free(why);
	}
	class_free(c);
	return (0);
}

/* Order events by time, then by everything else. */
static int
rev_cmp(const void *va, const void *vb)
{
	const struct rev	*a = va, *b = vb;

	if (a->ts != b->ts)
		return (a->ts < b->ts ? -1 : 1);
	if (a->lesson != b->lesson)
		return (a->lesson < b->lesson ? -1 : 1);
	if (a->kind != b->kind)
		return (a->kind < b->kind ? -1 : 1);
	if (a->verdict != b->verdict)
		return (a->verdict < b->verdict ? -1 : 1);
	if (a->cats != b->cats)
		return (a->cats < b->cats ? -1 : 1);
	if (a->hint != b->hint)
		return (a->hint < b->hint ? -1 : 1);
	if (a->key != b->key)
		return (a->key < b->key ? -1 : 1);
	return (0);
}

/* Sort a learner's events and drop exact duplicates; return how many. */
static size_t
dedup(struct rb_learner *l)
{
	size_t	i, n = 0;

	if (l->nevents == 0)
		return (0);
	qsort(l->events, l->nevents, sizeof *l->events, rev_cmp);
	for (i = 1; i < l->nevents; i++) {
		if (rev_cmp(&l->events[n], &l->events[i]) != 0)
			l->events[++n] = l->events[i];
	}
	n++;
	i = l->nevents - n;
	l->nevents = n;
	return (i);
}

/* Order counts by n, most first, then by category. */
static int
count_cmp(const void *va, const void *vb)
{
	const struct report_count	*a = va, *b = vb;

	if (a->n != b->n)
		return (a->n > b->n ? -1 : 1);
	return (a->category < b->category ? -1 : a->category > b->category);
}

/* The categories of fails that are not zero, most first. */
static struct report_count *
top_of(const unsigned *fails, size_t *n)
{
	struct report_count	*top = NULL;
	int			 i;

	*n = 0;
	for (i = 0; i < CAT__COUNT; i++) {
		if (fails[i] == 0)
			continue;
		top = xreallocarray(top, *n + 1, sizeof *top);
		top[*n].category = (enum category)i;
		top[(*n)++].n = fails[i];
	}
	if (*n > 1)
		qsort(top, *n, sizeof *top, count_cmp);
	return (top);
}

/* Order 64-bit numbers. */
static int
u64_cmp(const void *va, const void *vb)
{
	const uint64_t	*a = va, *b = vb;

	return (*a < *b ? -1 : *a > *b);
}

/* The median of n numbers, which it sorts: the middle one, or the mean of
 * the middle two; 0 for none. */
static double
median(uint64_t *v, size_t n)
{
	if (n == 0)
		return (0);
	qsort(v, n, sizeof *v, u64_cmp);
	if (n % 2 == 1)
		return ((double)v[n / 2]);
	return (((double)v[n / 2 - 1] + (double)v[n / 2]) / 2);
}

/* Mark a cell passed by the event at ts. */
static int
cell_pass(struct report_cell *c, uint64_t ts)
{
	if (c->status == PROGRESS_PASSED)
		return (0);
	c->status = PROGRESS_PASSED;
	c->passed_ms = ts;
	c->pass_attempts = c->attempts;
	return (1);
}

/* Fold one event into its cell, as the log's derived state does; return 1
 * when it passed the lesson. */
static int
fold(struct report_cell *c, const struct rev *e)
{
	uint64_t	gap;
	int		i;

	if (c->events == 0)
		c->first_ms = e->ts;
	else if (c->status != PROGRESS_PASSED) {
		gap = e->ts - c->last_ms;
		if (gap <= REPORT_IDLE_MS)
			c->time_ms += gap;
	}
	c->last_ms = e->ts;
	c->events++;
	switch (e->kind) {
	case PROGRESS_EV_CHECK:
		c->attempts++;
		if (e->verdict == PROGRESS_FAIL)
			c->failed++;
		for (i = 0; i < CAT__COUNT; i++) {
			if (e->cats & (1u << i))
				c->fails[i]++;
		}
		if (e->cats != 0)
			c->last_category = (enum category)
			    __builtin_ctz(e->cats);
		if (e->verdict == PROGRESS_PASS)
			return (cell_pass(c, e->ts));
		if (c->status == PROGRESS_NEW)
			c->status = PROGRESS_ATTEMPTED;
		break;
	case PROGRESS_EV_HINT:
		if (e->hint >= c->hints)
			c->hints = e->hint + 1;
		break;
	case PROGRESS_EV_SOLUTION:
		c->solution = 1;
		break;
	case PROGRESS_EV_PASSED:
		return (cell_pass(c, e->ts));
	}
	return (0);
}

/* Total a learner's cells into their own figures. */
static void
learner_totals(struct report *r, struct report_learner *rl)
{
	struct report_cell	*c;
	unsigned		 fails[CAT__COUNT];
	size_t			 i;
	int			 a, k, in_row = 1;

	memset(fails, 0, sizeof fails);
	for (i = 0; i < r->nlessons; i++) {
		c = &rl->cells[i];
		if (c->status == PROGRESS_PASSED)
			rl->passed++;
		else
			in_row = 0;
		if (in_row)
			rl->reached = i + 1;
		rl->attempts += c->attempts;
		rl->hints += c->hints;
		rl->solutions += c->solution != 0;
		rl->time_ms += c->time_ms;
		for (k = 0; k < CAT__COUNT; k++) {
			fails[k] += c->fails[k];
			rl->kinds[report_kind_of((enum category)k)] +=
			    c->fails[k];
		}
		for (a = 0; a < REPORT_AXIS__COUNT; a++) {
			if (!(r->lessons[i].axes & (1u << a)))
				continue;
			rl->profile[a].total++;
			rl->profile[a].passed += c->status == PROGRESS_PASSED;
			rl->profile[a].attempts += c->attempts;
			rl->profile[a].failed += c->failed;
		}
	}
	rl->top = top_of(fails, &rl->ntop);
	for (k = 0; k < CAT__COUNT && rl->flag == NULL; k++)
		r->fails[k] += fails[k];
	rl->inactive = rl->events == 0 || (r->now_ms > rl->last_ms &&
	    r->now_ms - rl->last_ms > (uint64_t)r->inactive_days * DAY_MS);
}

/* The figures of lesson i over every learner. */
static void
lesson_totals(struct report *r, size_t i, uint64_t *tries, uint64_t *times)
{
	struct report_lesson	*rl = &r->lessons[i];
	struct report_cell	*c;
	size_t			 k, n = 0;
	int			 cat;

	for (k = 0; k < r->nlearners; k++) {
		c = &r->learners[k].cells[i];
		if (c->events == 0 || r->learners[k].flag != NULL)
			continue;
		rl->started++;
		rl->attempts += c->attempts;
		rl->hints += c->hints;
		rl->solutions += c->solution != 0;
		for (cat = 0; cat < CAT__COUNT; cat++)
			rl->fails[cat] += c->fails[cat];
		if (c->status != PROGRESS_PASSED)
			continue;
		rl->passed++;
		tries[n] = c->pass_attempts;
		times[n++] = c->time_ms;
	}
	if (rl->started > 0) {
		rl->pass_rate = (double)rl->passed / rl->started;
		/* Failing learners weigh more the more of them there are;
		 * then the checks each learner needed. */
		rl->struggle = 10.0 * (rl->started - rl->passed) /
		    (rl->started + 1) + (double)rl->attempts / rl->started;
	}
	rl->median_attempts = median(tries, n);
	rl->median_time_ms = median(times, n);
	rl->top = top_of(rl->fails, &rl->ntop);
}

/* Order learners by login. */
static int
learner_cmp(const void *va, const void *vb)
{
	const struct report_learner	*a = va, *b = vb;

	return (strcmp(a->login, b->login));
}

/* Order lesson indexes of report vr by struggle, hardest first, then by
 * lesson. */
static int
struggle_cmp(const void *va, const void *vb, void *vr)
{
	const struct report	*r = vr;
	const size_t		*a = va, *b = vb;
	double			 x = r->lessons[*a].struggle;
	double			 y = r->lessons[*b].struggle;

	if (x != y)
		return (x > y ? -1 : 1);
	return (*a < *b ? -1 : *a > *b);
}

/* Pick the struggle points: the hardest lessons someone started. */
static void
pick_struggle(struct report *r)
{
	size_t	i, n = 0;

	r->struggle = xreallocarray(NULL, r->nlessons + 1,
	    sizeof *r->struggle);
	for (i = 0; i < r->nlessons; i++) {
		if (r->lessons[i].started > 0)
			r->struggle[n++] = i;
	}
	qsort_r(r->struggle, n, sizeof *r->struggle, struggle_cmp, r);
	r->nstruggle = n < STRUGGLE_MAX ? n : STRUGGLE_MAX;
}

/* The current time in ms since the epoch. */
static uint64_t
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

/* Lay out the report's lessons: those some event names, in library order.
 * Fill map (one per library lesson) with each one's report index. */
static void
lay_out_lessons(struct report *r, const struct report_builder *b,
    uint32_t *map)
{
	struct report_lesson	*rl;
	size_t			 i;

	r->lessons = xcalloc(b->nall + 1, sizeof *r->lessons);
	for (i = 0; i < b->nall; i++) {
		map[i] = NO_LESSON;
		if (!b->used[i])
			continue;
		map[i] = (uint32_t)r->nlessons;
		rl = &r->lessons[r->nlessons++];
		rl->track = b->ltrack[i];
		rl->lesson = b->llesson[i];
		rl->axes = axes_of(rl->lesson);
	}
}

/* Fold one learner's events into their cells and the days. */
static void
fold_learner(struct report *r, struct report_learner *rl,
    const struct rb_learner *l, const uint32_t *map, uint64_t day0)
{
	const struct rev	*e;
	struct report_day	*d = NULL;
	size_t			 i;
	uint64_t		 day;

	rl->cells = xcalloc(r->nlessons + 1, sizeof *rl->cells);
	rl->events = l->nevents;
	if (l->nevents > 0) {
		rl->first_ms = l->events[0].ts;
		rl->last_ms = l->events[l->nevents - 1].ts;
	}
	for (i = 0; i < l->nevents; i++) {
		e = &l->events[i];
		day = e->ts / DAY_MS;
		if (rl->flag == NULL && day >= day0 && day - day0 < r->ndays) {
			if (d != &r->days[day - day0]) {
				d = &r->days[day - day0];
				d->learners++;
			}
			d->events++;
		} else
			d = NULL;
		if (fold(&rl->cells[map[e->lesson]], e) && d != NULL)
			d->passes++;
	}
}

/*
 * Fold everything gathered into a report, and free the builder. The
 * report points into the builder's library, which must outlive it. Free
 * it with report_free.
 */
struct report *
report_build(struct report_builder *b, const struct report_opts *opts)
{
	struct report		*r = xcalloc(1, sizeof *r);
	struct report_learner	*rl;
	struct rb_learner	*l;
	uint32_t		*map;
	uint64_t		*tries, *times, lo = UINT64_MAX, hi = 0, day0;
	size_t			 i, k;

	r->now_ms = opts->now_ms != 0 ? opts->now_ms : now_ms();
	r->inactive_days = opts->inactive_days != 0 ? opts->inactive_days :
	    REPORT_INACTIVE_DAYS;
	map = xreallocarray(NULL, b->nall + 1, sizeof *map);
	lay_out_lessons(r, b, map);

	/* Learners by login, their events sorted and de-duplicated. */
	for (i = 0; i < b->nlearners; i++) {
		l = b->learners[i];
		r->duplicates += dedup(l);
		r->events += l->nevents;
		if (l->nevents == 0)
			continue;
		if (l->events[0].ts < lo)
			lo = l->events[0].ts;
		if (l->events[l->nevents - 1].ts > hi)
			hi = l->events[l->nevents - 1].ts;
	}
	day0 = 0;
	if (r->events > 0) {
		day0 = lo / DAY_MS;
		r->ndays = hi / DAY_MS - day0 + 1;
		if (r->ndays > DAYS_MAX) {
			warn(b, "report: the events span %zu days; the activity "
			    "lists the last %d", r->ndays, DAYS_MAX);
			day0 = hi / DAY_MS - (DAYS_MAX - 1);
			r->ndays = DAYS_MAX;
		}
		r->days = xcalloc(r->ndays, sizeof *r->days);
		for (i = 0; i < r->ndays; i++)
			r->days[i].day_ms = (day0 + i) * DAY_MS;
	}
	r->learners = xcalloc(b->nlearners + 1, sizeof *r->learners);
	for (i = 0; i < b->nlearners; i++) {
		l = b->learners[i];
		rl = &r->learners[i];
		rl->login = l->login;
		rl->name = l->name;
		rl->email = l->email;
		rl->flag = l->flag;
		rl->sources = l->sources;
		rl->nsources = l->nsources;
		l->login = l->name = l->email = l->flag = NULL;
		l->sources = NULL;
		l->nsources = 0;
		fold_learner(r, rl, l, map, day0);
		free(l->events);
		l->events = NULL;
		l->nevents = 0;
	}
	r->nlearners = b->nlearners;
	for (i = 0; i < r->nlearners; i++)
		learner_totals(r, &r->learners[i]);
	qsort(r->learners, r->nlearners, sizeof *r->learners, learner_cmp);

	tries = xreallocarray(NULL, r->nlearners + 1, sizeof *tries);
	times = xreallocarray(NULL, r->nlearners + 1, sizeof *times);
	for (i = 0; i < r->nlessons; i++)
		lesson_totals(r, i, tries, times);
	free(tries);
	free(times);
	pick_struggle(r);

	r->funnel = xcalloc(r->nlessons + 1, sizeof *r->funnel);
	for (i = 0; i < r->nlearners; i++) {
		for (k = 0; k <= r->learners[i].reached &&
		    r->learners[i].flag == NULL; k++)
			r->funnel[k]++;
	}

	r->warnings = b->warnings;
	r->nwarnings = b->nwarnings;
	b->warnings = NULL;
	b->nwarnings = 0;
	free(map);
	report_builder_free(b);
	return (r);
}

/* Free a report. */
void
report_free(struct report *r)
{
	struct report_learner	*l;
	size_t			 i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->nlearners; i++) {
		l = &r->learners[i];
		free(l->login);
		free(l->name);
		free(l->email);
		free(l->flag);
		for (k = 0; k < l->nsources; k++)
			free(l->sources[k]);
		free(l->sources);
		free(l->cells);
		free(l->top);
	}
	free(r->learners);
	for (i = 0; i < r->nlessons; i++)
		free(r->lessons[i].top);
	free(r->lessons);
	free(r->funnel);
	free(r->days);
	free(r->struggle);
	for (i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->warnings);
	free(r);
}

/* The columns s takes on a terminal: its UTF-8 code points. */
size_t
report_width(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return (n);
}

/*
 * Write s in width columns: cut to fit (ending with "~"), and padded with
 * spaces on the right when pad is 0, on the left when it is 1, not at all
 * when it is -1 (the last column of a line).
 */
void
report_put(FILE *f, const char *s, size_t width, int pad)
{
	size_t	w, n = 0, cols = 0;

	if (s == NULL)
		s = "";
	if ((w = report_width(s)) > width) {
		/* Keep width - 1 columns, then the mark. */
		while (s[n] != '\0') {
			if (((unsigned char)s[n] & 0xc0) != 0x80 &&
			    cols++ == width - 1)
				break;
			n++;
		}
		if (width > 0) {
			fwrite(s, 1, n, f);
			fputc('~', f);
		}
		return;
	}
	if (pad == 1)
		fprintf(f, "%*s", (int)(width - w), "");
	fputs(s, f);
	if (pad == 0)
		fprintf(f, "%*s", (int)(width - w), "");
}

/*
 * Write s as a paragraph of lines of at most width columns, breaking at
 * spaces (a word longer than a line is cut), the first line starting with
 * first and the others with rest.
 */
void
report_wrap(FILE *f, const char *first, const char *rest, const char *s,
    size_t width)
{
	const char	*lead = first, *word;
	size_t		 col, wlen, wcols, room, n;

	fputs(lead, f);
	col = report_width(lead);
	while (*s == ' ')
		s++;
	while (*s != '\0') {
		for (word = s; *s != '\0' && *s != ' '; s++)
			;
		wlen = (size_t)(s - word);
		for (wcols = 0, n = 0; n < wlen; n++) {
			if (((unsigned char)word[n] & 0xc0) != 0x80)
				wcols++;
		}
		if (col > report_width(lead) && col + 1 + wcols > width) {
			fputc('\n', f);
			lead = rest;
			fputs(lead, f);
			col = report_width(lead);
		} else if (col > report_width(lead)) {
			fputc(' ', f);
			col++;
		}
		/* A word longer than a whole line is cut across lines. */
		while (col + wcols > width && width > col) {
			for (room = width - col, n = 0; room > 0; room--) {
				n++;
				while (((unsigned char)word[n] & 0xc0) == 0x80)
					n++;
			}
			fwrite(word, 1, n, f);
			fputc('\n', f);
			word += n;
			wlen -= n;
			wcols -= width - col;
			lead = rest;
			fputs(lead, f);
			col = report_width(lead);
		}
		fwrite(word, 1, wlen, f);
		col += wcols;
		while (*s == ' ')
			s++;
	}
	fputc('\n', f);
}

/* Write a duration as "2h05m", "12m30s" or "45s" into buf. */
char *
report_duration(char *buf, size_t size, uint64_t ms)
{
	uint64_t	s = ms / 1000;

	if (s >= 3600)
		snprintf(buf, size, "%lluh%02llum",
		    (unsigned long long)(s / 3600),
		    (unsigned long long)(s / 60 % 60));
	else if (s >= 60)
		snprintf(buf, size, "%llum%02llus",
		    (unsigned long long)(s / 60), (unsigned long long)(s % 60));
	else
		snprintf(buf, size, "%llus", (unsigned long long)s);
	return (buf);
}

/* Write the UTC day of ms as "2025-06-01" into buf. */
char *
report_day(char *buf, size_t size, uint64_t ms)
{
	struct tm	tm;
	time_t		t = (time_t)(ms / 1000);

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, size, "?");
	return (buf);
}
