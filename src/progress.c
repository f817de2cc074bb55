/*
 * progress: the learner's append-only event log and the state derived from
 * it. See progress.h, and share/progress-format.md for the format.
 */

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fatal.h"
#include "json.h"
#include "paths.h"
#include "progress.h"
#include "xmalloc.h"

#define FNV_PRIME	0x100000001b3ULL
#define WARNINGS_MAX	10	/* bad lines named one by one */
#define RESYNC_MAX	64	/* record starts tried inside one bad line */
#define SKIP_DEPTH	16	/* nesting of the values a reader skips */
#define HEAD_LEN	17	/* "<16 hex digits> " */

const char *const progress_kind_names[PROGRESS_KIND__COUNT] = {
	[PROGRESS_EV_OPEN] = "open",
	[PROGRESS_EV_CHECK] = "check",
	[PROGRESS_EV_HINT] = "hint",
	[PROGRESS_EV_SOLUTION] = "solution",
	[PROGRESS_EV_PASSED] = "passed",
};

const char *const progress_verdict_names[PROGRESS_VERDICT__COUNT] = {
	[PROGRESS_PASS] = "pass",
	[PROGRESS_FAIL] = "fail",
	[PROGRESS_ERROR] = "error",
};

const char *const progress_status_names[PROGRESS_STATUS__COUNT] = {
	[PROGRESS_NEW] = "new",
	[PROGRESS_ATTEMPTED] = "attempted",
	[PROGRESS_PASSED] = "passed",
};

struct progress {
	char			*path;
	int			 fd;		/* -1 until opened or made */
	int			 readonly;
	mode_t			 mode;		/* of a log made here */
	int			 regular;	/* locked, read and synced */
	dev_t			 dev;
	ino_t			 ino;
	char			**warnings;
	size_t			 nwarnings;
	struct progress_event	*events;
	size_t			 nevents;
	size_t			 eventscap;
	struct progress_lesson	**lessons;
	size_t			 nlessons;
	const struct progress_lesson *last;
	size_t			 bad;		/* bad lines seen */
	size_t			 newer;		/* records of a newer version */
	size_t			 newer_line;	/* the first of them */
	struct progress_unknown	*unknowns;	/* kinds of event not known */
	size_t			 nunknowns;
	size_t			 torn_line;	/* of a torn last record read */
	size_t			 torn_bytes;
};

/* The fields of one payload, as read. */
enum field {
	F_V, F_TS, F_EV, F_TRACK, F_LESSON, F_VERDICT, F_CATEGORIES, F_WALL_MS,
	F_HASH, F_HINT, F__COUNT
};
static const char *const field_names[F__COUNT] = {
	[F_V] = "v", [F_TS] = "ts", [F_EV] = "ev", [F_TRACK] = "track",
	[F_LESSON] = "lesson", [F_VERDICT] = "verdict",
	[F_CATEGORIES] = "categories", [F_WALL_MS] = "wall_ms",
	[F_HASH] = "hash", [F_HINT] = "hint",
};

struct fields {
	unsigned	 have;		/* bit set of enum field */
	uint64_t	 v, ts, wall_ms, hash, hint;
	char		*ev, *track, *lesson, *verdict;
	char		**categories;
	size_t		 ncategories;
};

/* A place in a payload being read. */
struct cursor {
	const char	*p;
	const char	*end;
};

/* Add a warning for the caller to show. */
static void __attribute__((format(printf, 2, 3)))
add_warning(struct progress *p, const char *fmt, ...)
{
	va_list	ap;

	p->warnings = xreallocarray(p->warnings, p->nwarnings + 1,
	    sizeof *p->warnings);
	va_start(ap, fmt);
	p->warnings[p->nwarnings++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Continue an FNV-1a 64 hash, started at PROGRESS_FNV_OFFSET, over len
 * bytes. */
uint64_t
progress_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char	*s = data;
	size_t			 i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= FNV_PRIME;
	}
	return (h);
}

/* The log's default path: $GOTUTOR_PROGRESS, or progress.log in the data
 * folder. The caller frees; NULL with *cause set when there is no home. */
char *
progress_default_path(char **cause)
{
	const char	*env = getenv("GOTUTOR_PROGRESS");
	char		*dir, *path;

	if (env != NULL && *env != '\0')
		return (xstrdup(env));
	if ((dir = paths_data(cause)) == NULL)
		return (NULL);
	path = xasprintf("%s/progress.log", dir);
	free(dir);
	return (path);
}

/* The current time in ms since the epoch. */
static uint64_t
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

/* Take or drop a flock, retrying on signals. */
static int
lock(int fd, int op)
{
	int	r;

	while ((r = flock(fd, op)) == -1 && errno == EINTR)
		;
	return (r);
}

/* The folder holding path; the caller frees. */
static char *
parent_of(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return (xstrdup("."));
	if (slash == path)
		return (xstrdup("/"));
	return (xstrndup(path, (size_t)(slash - path)));
}

/* Make the entries in folder dir durable. */
static int
sync_dir(const char *dir, char **cause)
{
	int	fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		/* A folder one may add to but not list (a class's learners/
		 * folder) cannot be synced: its journal keeps the name. */
		if (errno == EACCES)
			return (0);
		*cause = xasprintf("cannot open %s: %s", dir, strerror(errno));
		return (-1);
	}
	if (fsync(fd) == -1 && errno != EINVAL) {
		*cause = xasprintf("cannot sync %s: %s", dir, strerror(errno));
		close(fd);
		return (-1);
	}
	close(fd);
	return (0);
}

/* Make the entry of path in its folder durable. */
static int
sync_dir_of(const char *path, char **cause)
{
	char	*dir = parent_of(path);
	int	 r;

	r = sync_dir(dir, cause);
	free(dir);
	return (r);
}

/* Make the folders above path, private to the user, syncing the parent of
 * each one made so that it lasts. */
static int
make_parents(const char *path, char **cause)
{
	char	*s = parent_of(path), *p, c;

	for (p = s + 1; *s != '\0'; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(s, 0700) == 0) {
			if (sync_dir_of(s, cause) != 0)
				goto fail;
		} else if (errno != EEXIST) {
			*cause = xasprintf("cannot make %s: %s", s,
			    strerror(errno));
			goto fail;
		}
		if (c == '\0')
			break;
		*p = c;
	}
	free(s);
	return (0);
fail:
	free(s);
	return (-1);
}

/* Find the lesson track/lesson, or NULL. */
static struct progress_lesson *
find_lesson(const struct progress *p, const char *track, const char *lesson)
{
	size_t	i;

	for (i = p->nlessons; i > 0; i--) {
		if (strcmp(p->lessons[i - 1]->lesson, lesson) == 0 &&
		    strcmp(p->lessons[i - 1]->track, track) == 0)
			return (p->lessons[i - 1]);
	}
	return (NULL);
}

/* Mark l passed at ts, unless it already was. */
static void
mark_passed(struct progress_lesson *l, uint64_t ts)
{
	if (l->status == PROGRESS_PASSED)
		return;
	l->status = PROGRESS_PASSED;
	l->passed_ms = ts;
	l->pass_attempts = l->attempts;
}

/*
 * Add an event to the log in memory and to the state derived from it. The
 * log takes ev's categories (an allocated array of allocated strings); its
 * track and lesson are the caller's and are copied.
 */
static void
apply(struct progress *p, const struct progress_event *ev)
{
	struct progress_lesson	*l;
	struct progress_event	*e;
	size_t			 i, k;

	if ((l = find_lesson(p, ev->track, ev->lesson)) == NULL) {
		l = xcalloc(1, sizeof *l);
		l->track = xstrdup(ev->track);
		l->lesson = xstrdup(ev->lesson);
		l->first_ms = ev->ts_ms;
		p->lessons = xreallocarray(p->lessons, p->nlessons + 1,
		    sizeof *p->lessons);
		p->lessons[p->nlessons++] = l;
	}
	if (p->nevents == p->eventscap) {
		p->eventscap = p->eventscap == 0 ? 64 : p->eventscap * 2;
		p->events = xreallocarray(p->events, p->eventscap,
		    sizeof *p->events);
	}
	e = &p->events[p->nevents++];
	*e = *ev;
	e->track = l->track;
	e->lesson = l->lesson;
	l->last_ms = ev->ts_ms;
	p->last = l;

	switch (ev->kind) {
	case PROGRESS_EV_OPEN:
		l->opened++;
		break;
	case PROGRESS_EV_CHECK:
		l->attempts++;
		if (ev->verdict == PROGRESS_FAIL)
			l->failed++;
		else if (ev->verdict == PROGRESS_ERROR)
			l->errors++;
		for (i = 0; i < ev->ncategories; i++) {
			for (k = 0; k < l->nfails; k++) {
				if (strcmp(l->fails[k].category,
				    ev->categories[i]) == 0)
					break;
			}
			if (k == l->nfails) {
				l->fails = xreallocarray(l->fails,
				    l->nfails + 1, sizeof *l->fails);
				l->fails[k].category =
				    xstrdup(ev->categories[i]);
				l->fails[k].n = 0;
				l->nfails++;
			}
			l->fails[k].n++;
		}
		if (ev->verdict == PROGRESS_PASS)
			mark_passed(l, ev->ts_ms);
		else if (l->status == PROGRESS_NEW)
			l->status = PROGRESS_ATTEMPTED;
		break;
	case PROGRESS_EV_HINT:
		if (ev->hint >= l->hints)
			l->hints = ev->hint + 1;
		break;
	case PROGRESS_EV_SOLUTION:
		l->solution = 1;
		break;
	case PROGRESS_EV_PASSED:
		mark_passed(l, ev->ts_ms);
		break;
	default:
		fatal("progress event of unknown kind %d", (int)ev->kind);
	}
}

/* Skip white space. */
static void
skip_ws(struct cursor *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' ||
	    *c->p == '\r' || *c->p == '\n'))
		c->p++;
}

/* Read four hex digits. */
static int
hex4(struct cursor *c, unsigned *u)
{
	int	i, d;

	if (c->end - c->p < 4)
		return (-1);
	*u = 0;
	for (i = 0; i < 4; i++) {
		d = *c->p >= '0' && *c->p <= '9' ? *c->p - '0' :
		    *c->p >= 'a' && *c->p <= 'f' ? *c->p - 'a' + 10 :
		    *c->p >= 'A' && *c->p <= 'F' ? *c->p - 'A' + 10 : -1;
		if (d < 0)
			return (-1);
		*u = *u * 16 + (unsigned)d;
		c->p++;
	}
	return (0);
}

/* Write code point u as UTF-8 at out; return its length. */
static size_t
put_utf8(char *out, unsigned u)
{
	if (u < 0x80) {
		out[0] = (char)u;
		return (1);
	}
	if (u < 0x800) {
		out[0] = (char)(0xc0 | (u >> 6));
		out[1] = (char)(0x80 | (u & 0x3f));
		return (2);
	}
	if (u < 0x10000) {
		out[0] = (char)(0xe0 | (u >> 12));
		out[1] = (char)(0x80 | ((u >> 6) & 0x3f));
		out[2] = (char)(0x80 | (u & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | (u >> 18));
	out[1] = (char)(0x80 | ((u >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((u >> 6) & 0x3f));
	out[3] = (char)(0x80 | (u & 0x3f));
	return (4);
}

/* Read the escape after a backslash into out; return its length or -1. */
static int
escape(struct cursor *c, char *out)
{
	struct cursor	save;
	unsigned	u, lo;
	char		e;

	if (c->p >= c->end)
		return (-1);
	switch ((e = *c->p++)) {
	case '"': case '\\': case '/':
		*out = e;
		return (1);
	case 'b': *out = '\b'; return (1);
	case 'f': *out = '\f'; return (1);
	case 'n': *out = '\n'; return (1);
	case 'r': *out = '\r'; return (1);
	case 't': *out = '\t'; return (1);
	case 'u':
		break;
	default:
		return (-1);
	}
	if (hex4(c, &u) != 0 || u == 0)
		return (-1);
	if (u >= 0xd800 && u < 0xdc00) {
		save = *c;
		if (c->end - c->p >= 6 && c->p[0] == '\\' && c->p[1] == 'u') {
			c->p += 2;
			if (hex4(c, &lo) == 0 && lo >= 0xdc00 && lo < 0xe000)
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
			else
				*c = save;
		}
	}
	if (u >= 0xd800 && u < 0xe000)
		u = 0xfffd;	/* a lone surrogate */
	return ((int)put_utf8(out, u));
}

/*
 * Read a JSON string into an allocated C string at *out, or skip it when
 * out is NULL. A string holding U+0000 is refused: no field may.
 */
static int
read_string(struct cursor *c, char **out)
{
	char	*buf;
	size_t	 n = 0;
	int	 k;

	if (c->p >= c->end || *c->p != '"')
		return (-1);
	c->p++;
	/* Most strings hold no escape: copy them as they are. */
	for (n = 0; c->p + n < c->end; n++) {
		if (c->p[n] == '"' || c->p[n] == '\\' ||
		    (unsigned char)c->p[n] < 0x20)
			break;
	}
	if (c->p + n < c->end && c->p[n] == '"') {
		if (out != NULL)
			*out = xstrndup(c->p, n);
		c->p += n + 1;
		return (0);
	}
	n = 0;
	/* Nothing decodes to more bytes than it takes. */
	buf = xmalloc((size_t)(c->end - c->p) + 1);
	for (;;) {
		if (c->p >= c->end)
			goto fail;
		if (*c->p == '"')
			break;
		if ((unsigned char)*c->p < 0x20)
			goto fail;
		if (*c->p != '\\') {
			buf[n++] = *c->p++;
			continue;
		}
		c->p++;
		if ((k = escape(c, buf + n)) < 0)
			goto fail;
		n += (size_t)k;
	}
	c->p++;
	buf[n] = '\0';
	if (out != NULL)
		*out = buf;
	else
		free(buf);
	return (0);
fail:
	free(buf);
	return (-1);
}

/* Read a whole number: digits only, no sign, fraction or exponent. */
static int
read_uint(struct cursor *c, uint64_t *v)
{
	unsigned	d;

	if (c->p >= c->end || *c->p < '0' || *c->p > '9')
		return (-1);
	if (*c->p == '0' && c->end - c->p > 1 && c->p[1] >= '0' &&
	    c->p[1] <= '9')
		return (-1);
	*v = 0;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		d = (unsigned)(*c->p++ - '0');
		if (*v > (UINT64_MAX - d) / 10)
			return (-1);
		*v = *v * 10 + d;
	}
	if (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E'))
		return (-1);
	return (0);
}

/* Skip a run of digits; there must be one. */
static int
skip_digits(struct cursor *c)
{
	const char	*start = c->p;

	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
		c->p++;
	return (c->p == start ? -1 : 0);
}

/* Skip a JSON number. */
static int
skip_number(struct cursor *c)
{
	if (c->p < c->end && *c->p == '-')
		c->p++;
	if (skip_digits(c) != 0)
		return (-1);
	if (c->p < c->end && *c->p == '.') {
		c->p++;
		if (skip_digits(c) != 0)
			return (-1);
	}
	if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
		c->p++;
		if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
			c->p++;
		if (skip_digits(c) != 0)
			return (-1);
	}
	return (0);
}

/* Skip one JSON value of any kind (a field this reader does not know). */
static int
skip_value(struct cursor *c, int depth)
{
	static const char *const words[] = { "true", "false", "null" };
	char	 close;
	size_t	 i, n;

	skip_ws(c);
	if (c->p >= c->end || depth > SKIP_DEPTH)
		return (-1);
	if (*c->p == '"')
		return (read_string(c, NULL));
	if (*c->p == '{' || *c->p == '[') {
		close = *c->p == '{' ? '}' : ']';
		c->p++;
		skip_ws(c);
		if (c->p < c->end && *c->p == close) {
			c->p++;
			return (0);
		}
		for (;;) {
			if (close == '}') {
				skip_ws(c);
				if (read_string(c, NULL) != 0)
					return (-1);
				skip_ws(c);
				if (c->p >= c->end || *c->p++ != ':')
					return (-1);
			}
			if (skip_value(c, depth + 1) != 0)
				return (-1);
			skip_ws(c);
			if (c->p >= c->end)
				return (-1);
			if (*c->p == close) {
				c->p++;
				return (0);
			}
			if (*c->p++ != ',')
				return (-1);
		}
	}
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i]);
		if ((size_t)(c->end - c->p) >= n &&
		    memcmp(c->p, words[i], n) == 0) {
			c->p += n;
			return (0);
		}
	}
	return (skip_number(c));
}

/* Read an array of strings into f's categories. */
static int
read_categories(struct cursor *c, struct fields *f)
{
	char	*s;

	if (c->p >= c->end || *c->p++ != '[')
		return (-1);
	skip_ws(c);
	if (c->p < c->end && *c->p == ']') {
		c->p++;
		return (0);
	}
	for (;;) {
		skip_ws(c);
		if (read_string(c, &s) != 0)
			return (-1);
		f->categories = xreallocarray(f->categories,
		    f->ncategories + 1, sizeof *f->categories);
		f->categories[f->ncategories++] = s;
		skip_ws(c);
		if (c->p >= c->end)
			return (-1);
		if (*c->p == ']') {
			c->p++;
			return (0);
		}
		if (*c->p++ != ',')
			return (-1);
	}
}

/* Read 16 lowercase hex digits in a string into *v. */
static int
read_hash(struct cursor *c, uint64_t *v)
{
	const char	*s = c->p + 1;
	size_t		 i;

	/* No escape can make 16 lowercase hex digits. */
	if (c->end - c->p < 18 || *c->p != '"' || s[16] != '"')
		return (-1);
	*v = 0;
	for (i = 0; i < 16; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			*v = *v << 4 | (uint64_t)(s[i] - '0');
		else if (s[i] >= 'a' && s[i] <= 'f')
			*v = *v << 4 | (uint64_t)(s[i] - 'a' + 10);
		else
			return (-1);
	}
	c->p += 18;
	return (0);
}

/* Read the value of field k into f. */
static int
read_field(struct cursor *c, struct fields *f, enum field k)
{
	switch (k) {
	case F_V:
		return (read_uint(c, &f->v));
	case F_TS:
		return (read_uint(c, &f->ts));
	case F_WALL_MS:
		return (read_uint(c, &f->wall_ms));
	case F_HINT:
		return (read_uint(c, &f->hint));
	case F_EV:
		return (read_string(c, &f->ev));
	case F_TRACK:
		return (read_string(c, &f->track));
	case F_LESSON:
		return (read_string(c, &f->lesson));
	case F_VERDICT:
		return (read_string(c, &f->verdict));
	case F_HASH:
		return (read_hash(c, &f->hash));
	case F_CATEGORIES:
		return (read_categories(c, f));
	default:
		return (-1);
	}
}

/* Free what fields hold. */
static void
fields_free(struct fields *f)
{
	size_t	i;

	free(f->ev);
	free(f->track);
	free(f->lesson);
	free(f->verdict);
	for (i = 0; i < f->ncategories; i++)
		free(f->categories[i]);
	free(f->categories);
	memset(f, 0, sizeof *f);
}

/* Read a key; return its enum field, F__COUNT for one this reader does not
 * know, or -1. */
static size_t
read_key(struct cursor *c)
{
	const char	*s = c->p + 1;
	char		*key;
	size_t		 n, k;

	if (c->p >= c->end || *c->p != '"')
		return ((size_t)-1);
	for (n = 0; s + n < c->end && s[n] != '"' && s[n] != '\\' &&
	    (unsigned char)s[n] >= 0x20; n++)
		;
	if (s + n < c->end && s[n] == '"') {
		c->p = s + n + 1;
		for (k = 0; k < F__COUNT; k++) {
			if (*s == *field_names[k] &&
			    strncmp(s, field_names[k], n) == 0 &&
			    field_names[k][n] == '\0')
				return (k);
		}
		return (F__COUNT);
	}
	if (read_string(c, &key) != 0)
		return ((size_t)-1);
	for (k = 0; k < F__COUNT; k++) {
		if (strcmp(key, field_names[k]) == 0)
			break;
	}
	free(key);
	return (k);
}

/*
 * Read a payload, one JSON object, into f. Keys this reader does not know
 * are skipped; a key given twice is refused. On failure *why says what is
 * wrong.
 */
static int
read_payload(const char *s, size_t len, struct fields *f, const char **why)
{
	struct cursor	 c = { s, s + len };
	size_t		 k;

	memset(f, 0, sizeof *f);
	*why = "not a JSON object";
	skip_ws(&c);
	if (c.p >= c.end || *c.p++ != '{')
		return (-1);
	skip_ws(&c);
	if (c.p < c.end && *c.p == '}') {
		c.p++;
		goto end;
	}
	for (;;) {
		skip_ws(&c);
		if ((k = read_key(&c)) == (size_t)-1)
			return (-1);
		skip_ws(&c);
		if (c.p >= c.end || *c.p++ != ':')
			return (-1);
		skip_ws(&c);
		if (k < F__COUNT && (f->have & (1u << k))) {
			*why = "a key is given twice";
			return (-1);
		}
		if (k < F__COUNT) {
			if (read_field(&c, f, (enum field)k) != 0) {
				*why = "a field has a bad value";
				return (-1);
			}
			f->have |= 1u << k;
		} else if (skip_value(&c, 0) != 0)
			return (-1);
		skip_ws(&c);
		if (c.p >= c.end)
			return (-1);
		if (*c.p == '}') {
			c.p++;
			break;
		}
		if (*c.p++ != ',')
			return (-1);
	}
end:
	skip_ws(&c);
	if (c.p != c.end) {
		*why = "text after the JSON object";
		return (-1);
	}
	return (0);
}

/* Find name in a table of n names; -1 if it is not there. */
static int
lookup(const char *const *names, int n, const char *name)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (strcmp(names[i], name) == 0)
			return (i);
	}
	return (-1);
}

/*
 * Turn fields into an event, which takes f's categories. Return 0, 1 for a
 * record to ignore (an event this version does not know), 2 for a record
 * of a newer version, or -1 with *why set.
 */
static int
make_event(struct fields *f, struct progress_event *ev, const char **why)
{
	static const unsigned	 need[PROGRESS_KIND__COUNT] = {
		[PROGRESS_EV_CHECK] = (1u << F_VERDICT) |
		    (1u << F_CATEGORIES) | (1u << F_WALL_MS) | (1u << F_HASH),
		[PROGRESS_EV_HINT] = 1u << F_HINT,
	};
	int			 kind, verdict = PROGRESS_PASS;
	unsigned		 all;

	*why = "no version";
	if (!(f->have & (1u << F_V)) || f->v == 0)
		return (-1);
	if (f->v > PROGRESS_VERSION)
		return (2);
	*why = "a required field is missing";
	all = (1u << F_TS) | (1u << F_EV) | (1u << F_TRACK) |
	    (1u << F_LESSON);
	if ((f->have & all) != all)
		return (-1);
	if ((kind = lookup(progress_kind_names, PROGRESS_KIND__COUNT,
	    f->ev)) == -1)
		return (1);
	if ((f->have & need[kind]) != need[kind])
		return (-1);
	*why = "a field has a bad value";
	if (*f->track == '\0' || *f->lesson == '\0')
		return (-1);
	if (kind == PROGRESS_EV_CHECK && (verdict = lookup(
	    progress_verdict_names, PROGRESS_VERDICT__COUNT, f->verdict)) == -1)
		return (-1);
	if (kind == PROGRESS_EV_HINT && f->hint > UINT_MAX)
		return (-1);

	memset(ev, 0, sizeof *ev);
	ev->kind = (enum progress_kind)kind;
	ev->ts_ms = f->ts;
	ev->track = f->track;
	ev->lesson = f->lesson;
	if (kind == PROGRESS_EV_CHECK) {
		ev->verdict = (enum progress_verdict)verdict;
		ev->categories = (const char *const *)f->categories;
		ev->ncategories = f->ncategories;
		f->categories = NULL;
		f->ncategories = 0;
		ev->wall_ms = f->wall_ms;
		ev->hash = f->hash;
	}
	if (kind == PROGRESS_EV_HINT)
		ev->hint = (unsigned)f->hint;
	return (0);
}

/* Does s (n bytes) start like a record: 16 lowercase hex digits, a space
 * and a brace? */
static int
record_start(const char *s, size_t n)
{
	size_t	i;

	if (n < HEAD_LEN + 1 || s[16] != ' ' || s[17] != '{')
		return (0);
	for (i = 0; i < 16; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return (0);
	}
	return (1);
}

/* Count a record at line lineno of a kind of event this version does not
 * know. */
static void
note_unknown(struct progress *p, const char *ev, size_t lineno)
{
	struct progress_unknown	*u;
	size_t			 i;

	for (i = 0; i < p->nunknowns; i++) {
		if (strcmp(p->unknowns[i].ev, ev) == 0) {
			p->unknowns[i].n++;
			return;
		}
	}
	p->unknowns = xreallocarray(p->unknowns, p->nunknowns + 1,
	    sizeof *p->unknowns);
	u = &p->unknowns[p->nunknowns++];
	u->ev = xstrdup(ev);
	u->line = lineno;
	u->n = 1;
}

/*
 * Take one line (without its newline), line lineno of the log, as a record
 * and apply it. Return 0, 1 for a valid record that is ignored, 2 for a
 * newer one, or -1 with *why set.
 */
static int
take_record(struct progress *p, const char *line, size_t n, size_t lineno,
    const char **why)
{
	struct progress_event	 ev;
	struct fields		 f;
	uint64_t		 sum;
	char			 want[16];
	int			 r, i;

	*why = "not a record";
	if (!record_start(line, n))
		return (-1);
	sum = progress_fnv1a(PROGRESS_FNV_OFFSET, line + HEAD_LEN,
	    n - HEAD_LEN);
	for (i = 0; i < 16; i++)
		want[i] = "0123456789abcdef"[(sum >> (60 - 4 * i)) & 0xf];
	if (memcmp(want, line, 16) != 0) {
		*why = "bad checksum";
		return (-1);
	}
	if (read_payload(line + HEAD_LEN, n - HEAD_LEN, &f, why) != 0) {
		fields_free(&f);
		return (-1);
	}
	if ((r = make_event(&f, &ev, why)) == 0) {
		ev.line = lineno;
		apply(p, &ev);
	} else if (r == 1)
		note_unknown(p, f.ev, lineno);
	fields_free(&f);
	return (r);
}

/* Note a bad line, naming the first few. */
static void
bad_line(struct progress *p, size_t lineno, const char *why)
{
	if (++p->bad <= WARNINGS_MAX)
		add_warning(p, "%s:%zu: %s; skipped it", p->path, lineno, why);
}

/*
 * Take one whole line of the log. A line that is not a record may still end
 * with one (a torn record that another was appended to): look for it.
 */
static void
take_line(struct progress *p, const char *line, size_t n, size_t lineno)
{
	const char	*why, *why2;
	size_t		 i, tries = 0;
	int		 r;

	if ((r = take_record(p, line, n, lineno, &why)) >= 0) {
		if (r == 2 && p->newer++ == 0)
			p->newer_line = lineno;
		return;
	}
	for (i = 1; i + HEAD_LEN < n && tries < RESYNC_MAX; i++) {
		if (!record_start(line + i, n - i))
			continue;
		tries++;
		if ((r = take_record(p, line + i, n - i, lineno,
		    &why2)) >= 0) {
			if (r == 2 && p->newer++ == 0)
				p->newer_line = lineno;
			bad_line(p, lineno, "garbage before a record");
			return;
		}
	}
	bad_line(p, lineno, why);
}

/* Read all of fd from its start into *buf, of *len bytes; the caller
 * frees. */
static int
read_all(const char *path, int fd, char **buf, size_t *len, char **cause)
{
	size_t	 size = 0, cap = 65536;
	char	*b = xmalloc(cap);
	ssize_t	 n;

	for (;;) {
		if (size == cap) {
			cap *= 2;
			b = xreallocarray(b, cap, 1);
		}
		n = pread(fd, b + size, cap - size, (off_t)size);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("cannot read %s: %s", path,
			    strerror(errno));
			free(b);
			return (-1);
		}
		if (n == 0)
			break;
		size += (size_t)n;
	}
	*buf = b;
	*len = size;
	return (0);
}

/*
 * Read the whole log and cut off a torn last record when it can: the caller
 * holds an exclusive lock (locked 2), a shared one (1), or none (0).
 */
static int
load(struct progress *p, int locked, char **cause)
{
	const char	*nl;
	char		*buf;
	size_t		 len, start = 0, lineno = 0;

	if (read_all(p->path, p->fd, &buf, &len, cause) != 0)
		return (-1);
	while (start < len &&
	    (nl = memchr(buf + start, '\n', len - start)) != NULL) {
		take_line(p, buf + start, (size_t)(nl - buf) - start,
		    ++lineno);
		start = (size_t)(nl - buf) + 1;
	}
	free(buf);
	if (p->bad > WARNINGS_MAX)
		add_warning(p, "%s: skipped %zu more bad lines", p->path,
		    p->bad - WARNINGS_MAX);
	if (p->newer > 0)
		add_warning(p, "%s: skipped %zu record%s written by a newer "
		    "gotutor (the first at line %zu)", p->path, p->newer,
		    p->newer == 1 ? "" : "s", p->newer_line);
	if (start == len)
		return (0);

	/* A torn record: everything after the last newline. */
	p->torn_line = lineno + 1;
	p->torn_bytes = len - start;
	if (locked != 2)
		add_warning(p, "%s: the last record is torn (%zu bytes at "
		    "byte %zu, from a crash or a full disk); skipped it, and "
		    "left it there: the log %s", p->path, len - start, start,
		    p->readonly ? "is read-only" : "cannot be locked");
	else if (ftruncate(p->fd, (off_t)start) == -1 || fsync(p->fd) == -1)
		add_warning(p, "%s: the last record is torn (%zu bytes at "
		    "byte %zu, from a crash or a full disk); skipped it, but "
		    "cannot cut it off: %s", p->path, len - start, start,
		    strerror(errno));
	else
		add_warning(p, "%s: the last record was torn (%zu bytes at "
		    "byte %zu, from a crash or a full disk); cut it off",
		    p->path, len - start, start);
	return (0);
}

/*
 * Open the log at path and derive the state from it. A missing log is an
 * empty one: it is made by the first progress_record. A torn last record
 * is cut off, and bad lines are skipped; progress_warnings says what was
 * found. Return 0 with *pp set (free it with progress_close), or -1.
 */
int
progress_open(const char *path, struct progress **pp, char **cause)
{
	return (progress_open_flags(path, 0, pp, cause));
}

/*
 * Open the log at path as progress_open does, with flags: PROGRESS_READONLY
 * reads it under a shared lock and never writes or repairs it (a report or
 * a dashboard reading a learner's log); PROGRESS_NOFOLLOW refuses a
 * symbolic link.
 */
int
progress_open_flags(const char *path, int flags, struct progress **pp,
    char **cause)
{
	struct progress	*p;
	struct stat	 st;
	int		 fd, locked = 0, nofollow = 0;

	if (*path == '\0') {
		*cause = xstrdup("the progress log's path is empty");
		return (-1);
	}
	if (flags & PROGRESS_NOFOLLOW)
		nofollow = O_NOFOLLOW;
	p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	p->fd = -1;
	p->mode = 0600;
	if (flags & PROGRESS_READONLY) {
		fd = open(path, O_RDONLY | O_CLOEXEC | nofollow);
		p->readonly = 1;
	} else
		fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC | nofollow);
	if (fd == -1) {
		if (errno == ENOENT) {
			*pp = p;
			return (0);
		}
		if (errno == ELOOP && nofollow) {
			*cause = xasprintf("cannot open %s: it is a symbolic "
			    "link", path);
			goto fail;
		}
		if (!p->readonly &&
		    (errno == EACCES || errno == EPERM || errno == EROFS)) {
			fd = open(path, O_RDONLY | O_CLOEXEC | nofollow);
			p->readonly = 1;
		}
		if (fd == -1) {
			*cause = xasprintf("cannot open %s: %s", path,
			    strerror(errno));
			goto fail;
		}
	}
	p->fd = fd;
	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("cannot stat %s: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf("cannot open %s: %s", path,
		    strerror(EISDIR));
		goto fail;
	}
	p->dev = st.st_dev;
	p->ino = st.st_ino;
	/* Anything else (/dev/null, /dev/full) is written, never read. */
	if (!(p->regular = S_ISREG(st.st_mode))) {
		*pp = p;
		return (0);
	}
	if (lock(fd, p->readonly ? LOCK_SH : LOCK_EX) == 0)
		locked = p->readonly ? 1 : 2;
	if (load(p, locked, cause) != 0)
		goto fail;
	if (locked)
		lock(fd, LOCK_UN);
	*pp = p;
	return (0);
fail:
	progress_close(p);
	return (-1);
}

/*
 * Make sure p->fd is the file at p->path, open for writing, making it and
 * its folders if need be.
 */
static int
reopen(struct progress *p, char **cause)
{
	struct stat	st;
	int		fd, made = 0;

	if (p->fd != -1 && !p->readonly && stat(p->path, &st) == 0 &&
	    st.st_dev == p->dev && st.st_ino == p->ino)
		return (0);
	if (p->fd != -1)
		close(p->fd);
	p->fd = -1;
	p->readonly = 0;
	if (make_parents(p->path, cause) != 0)
		return (-1);
	fd = open(p->path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC,
	    p->mode);
	if (fd != -1) {
		made = 1;
		/* The umask may have taken bits the caller asked for. */
		if (fchmod(fd, p->mode) == -1) {
			*cause = xasprintf("cannot set the mode of %s: %s",
			    p->path, strerror(errno));
			close(fd);
			return (-1);
		}
	}
	else if (errno == EEXIST)
		fd = open(p->path, O_RDWR | O_APPEND | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("cannot open %s for writing: %s", p->path,
		    strerror(errno));
		return (-1);
	}
	if (fstat(fd, &st) == -1) {
		*cause = xasprintf("cannot stat %s: %s", p->path,
		    strerror(errno));
		close(fd);
		return (-1);
	}
	p->fd = fd;
	p->dev = st.st_dev;
	p->ino = st.st_ino;
	p->regular = S_ISREG(st.st_mode);
	if (made) {
		/* The new name must last as long as the records. */
		if (fsync(fd) == -1) {
			*cause = xasprintf("cannot sync %s: %s", p->path,
			    strerror(errno));
			return (-1);
		}
		return (sync_dir_of(p->path, cause));
	}
	return (0);
}

/*
 * Cut off a torn record that a writer left at the end of the log (of size
 * bytes) since it was opened: everything after the last newline. The
 * caller holds the exclusive lock. Set *size to what is left.
 */
static int
cut_torn(struct progress *p, off_t *size, char **cause)
{
	char	buf[4096];
	off_t	end = *size, at = 0;
	ssize_t	n, i;

	while (end > 0) {
		at = end > (off_t)sizeof buf ? end - (off_t)sizeof buf : 0;
		if ((n = pread(p->fd, buf, (size_t)(end - at), at)) !=
		    (ssize_t)(end - at)) {
			*cause = xasprintf("cannot read %s: %s", p->path,
			    n >= 0 ? "it shrank" : strerror(errno));
			return (-1);
		}
		for (i = n; i > 0; i--) {
			if (buf[i - 1] == '\n')
				goto found;
		}
		end = at;
	}
	i = 0;
found:
	end = at + i;
	if (end == *size)
		return (0);
	if (ftruncate(p->fd, end) == -1) {
		*cause = xasprintf("cannot cut off the torn record at the end "
		    "of %s: %s", p->path, strerror(errno));
		return (-1);
	}
	add_warning(p, "%s: the last record was torn (%lld bytes at byte %lld, "
	    "from a crash or a full disk); cut it off", p->path,
	    (long long)(*size - end), (long long)end);
	*size = end;
	return (0);
}

/* Take back the part of a record that a failed write or sync left after
 * size bytes; if that fails too, the next open cuts it off. */
static void
untear(struct progress *p, off_t size)
{
	if (ftruncate(p->fd, size) == -1)
		add_warning(p, "%s: cannot cut off the record that failed: %s",
		    p->path, strerror(errno));
}

/* The line for an event: checksum, payload, newline. The caller frees. */
static char *
format_record(const struct progress_event *ev, size_t *len)
{
	struct json	 j;
	FILE		*f;
	char		*payload = NULL, *line, hash[17];
	size_t		 plen = 0, i;

	if ((f = open_memstream(&payload, &plen)) == NULL)
		fatal("open_memstream: %s", strerror(errno));
	json_init_compact(&j, f);
	json_object(&j);
	json_key(&j, "v");
	json_uint(&j, PROGRESS_VERSION);
	json_key(&j, "ts");
	json_uint(&j, ev->ts_ms);
	json_key(&j, "ev");
	json_string(&j, progress_kind_names[ev->kind]);
	json_key(&j, "track");
	json_string(&j, ev->track);
	json_key(&j, "lesson");
	json_string(&j, ev->lesson);
	if (ev->kind == PROGRESS_EV_CHECK) {
		json_key(&j, "verdict");
		json_string(&j, progress_verdict_names[ev->verdict]);
		json_key(&j, "categories");
		json_array(&j);
		for (i = 0; i < ev->ncategories; i++)
			json_string(&j, ev->categories[i]);
		json_end(&j, ']');
		json_key(&j, "wall_ms");
		json_uint(&j, ev->wall_ms);
		json_key(&j, "hash");
		snprintf(hash, sizeof hash, "%016" PRIx64, ev->hash);
		json_string(&j, hash);
	}
	if (ev->kind == PROGRESS_EV_HINT) {
		json_key(&j, "hint");
		json_uint(&j, ev->hint);
	}
	json_end(&j, '}');
	if (fclose(f) != 0)
		fatal("open_memstream: %s", strerror(errno));
	line = xasprintf("%016" PRIx64 " %s\n", progress_fnv1a(
	    PROGRESS_FNV_OFFSET, payload, plen), payload);
	*len = HEAD_LEN + plen + 1;
	free(payload);
	return (line);
}

/* Is ev one that can be written? */
static const char *
bad_event(const struct progress_event *ev)
{
	size_t	i;

	if ((unsigned)ev->kind >= PROGRESS_KIND__COUNT)
		return ("unknown event kind");
	if (ev->track == NULL || *ev->track == '\0' || ev->lesson == NULL ||
	    *ev->lesson == '\0')
		return ("an event needs a track and a lesson");
	if (ev->kind != PROGRESS_EV_CHECK)
		return (NULL);
	if ((unsigned)ev->verdict >= PROGRESS_VERDICT__COUNT)
		return ("unknown verdict");
	if (ev->ncategories > 0 && ev->categories == NULL)
		return ("no categories");
	for (i = 0; i < ev->ncategories; i++) {
		if (ev->categories[i] == NULL)
			return ("no categories");
	}
	return (NULL);
}

/*
 * Append an event to the log with one write(2), and make it durable: the
 * log (and its folder, when it was just made) is synced before this
 * returns 0. That is the acknowledgement: an event for which this returned
 * 0 is never lost. On -1 (*cause set) nothing of the event is left in the
 * log, as far as the system lets gotutor know. A ts_ms of 0 means now.
 */
int
progress_record(struct progress *p, const struct progress_event *ev,
    char **cause)
{
	struct progress_event	 e = *ev;
	struct stat		 st;
	const char		*bad;
	char			*line, **cats = NULL, last;
	size_t			 len, i;
	ssize_t			 n;
	off_t			 size = 0;
	int			 locked, saved;

	if ((bad = bad_event(ev)) != NULL) {
		*cause = xasprintf("cannot record to %s: %s", p->path, bad);
		return (-1);
	}
	if (e.ts_ms == 0)
		e.ts_ms = now_ms();
	e.line = 0;
	line = format_record(&e, &len);
	if (len > PROGRESS_RECORD_MAX) {
		*cause = xasprintf("cannot record to %s: the record is too "
		    "long (%zu bytes, at most %d)", p->path, len,
		    PROGRESS_RECORD_MAX);
		free(line);
		return (-1);
	}
	if (reopen(p, cause) != 0) {
		free(line);
		return (-1);
	}

	locked = p->regular && lock(p->fd, LOCK_EX) == 0;
	if (p->regular) {
		if (fstat(p->fd, &st) == -1) {
			*cause = xasprintf("cannot stat %s: %s", p->path,
			    strerror(errno));
			goto fail;
		}
		size = st.st_size;
		if (size > 0 && (n = pread(p->fd, &last, 1, size - 1)) != 1) {
			*cause = xasprintf("cannot read %s: %s", p->path,
			    n == 0 ? "it shrank" : strerror(errno));
			goto fail;
		}
		if (size > 0 && last != '\n' && locked &&
		    cut_torn(p, &size, cause) != 0)
			goto fail;
	}
	while ((n = write(p->fd, line, len)) == -1 && errno == EINTR)
		;
	if (n != (ssize_t)len) {
		saved = errno;
		if (n == -1)
			*cause = xasprintf("cannot write %s: %s", p->path,
			    strerror(saved));
		else
			*cause = xasprintf("cannot write %s: wrote %zd of %zu "
			    "bytes (is the disk full?)", p->path, n, len);
		if (n > 0 && locked)
			untear(p, size);
		goto fail;
	}
	if (p->regular && fsync(p->fd) == -1) {
		*cause = xasprintf("cannot sync %s: %s", p->path,
		    strerror(errno));
		if (locked)
			untear(p, size);
		goto fail;
	}
	if (locked)
		lock(p->fd, LOCK_UN);
	free(line);

	if (e.kind != PROGRESS_EV_CHECK)
		e.ncategories = 0;
	if (e.ncategories > 0) {
		cats = xreallocarray(NULL, e.ncategories, sizeof *cats);
		for (i = 0; i < e.ncategories; i++)
			cats[i] = xstrdup(e.categories[i]);
	}
	e.categories = (const char *const *)cats;
	apply(p, &e);
	return (0);
fail:
	if (locked)
		lock(p->fd, LOCK_UN);
	free(line);
	return (-1);
}

/* Make a log that the next progress_record makes with mode (not 0600). */
void
progress_set_mode(struct progress *p, mode_t mode)
{
	p->mode = mode;
}

/* Close the log and free everything it holds. */
void
progress_close(struct progress *p)
{
	struct progress_lesson	*l;
	size_t			 i, k;

	if (p == NULL)
		return;
	if (p->fd != -1)
		close(p->fd);
	for (i = 0; i < p->nevents; i++) {
		for (k = 0; k < p->events[i].ncategories; k++)
			free((char *)p->events[i].categories[k]);
		free((char **)p->events[i].categories);
	}
	free(p->events);
	for (i = 0; i < p->nlessons; i++) {
		l = p->lessons[i];
		for (k = 0; k < l->nfails; k++)
			free(l->fails[k].category);
		free(l->fails);
		free(l->track);
		free(l->lesson);
		free(l);
	}
	free(p->lessons);
	for (i = 0; i < p->nwarnings; i++)
		free(p->warnings[i]);
	free(p->warnings);
	for (i = 0; i < p->nunknowns; i++)
		free(p->unknowns[i].ev);
	free(p->unknowns);
	free(p->path);
	free(p);
}

/* The log's path. */
const char *
progress_path(const struct progress *p)
{
	return (p->path);
}

/* What was wrong with the log, for the caller to show: bad lines, a torn
 * record cut off. The log owns them; more may come with each record. */
const char *const *
progress_warnings(const struct progress *p, size_t *n)
{
	*n = p->nwarnings;
	return ((const char *const *)p->warnings);
}

/* The kinds of event the log holds that this version does not know, each
 * with its first line and count, in the order first seen; the log owns
 * them. */
const struct progress_unknown *
progress_unknowns(const struct progress *p, size_t *n)
{
	*n = p->nunknowns;
	return (p->unknowns);
}

/* The line of a torn last record found when the log was read, with its
 * length in *bytes; its warning is the last of progress_warnings then. 0
 * when there was none. */
size_t
progress_torn_line(const struct progress *p, size_t *bytes)
{
	*bytes = p->torn_bytes;
	return (p->torn_line);
}

/* The number of events in the log. */
size_t
progress_nevents(const struct progress *p)
{
	return (p->nevents);
}

/* Event i, oldest first; valid until the next progress_record. */
const struct progress_event *
progress_event(const struct progress *p, size_t i)
{
	return (i < p->nevents ? &p->events[i] : NULL);
}

/* The number of lessons the log names. */
size_t
progress_nlessons(const struct progress *p)
{
	return (p->nlessons);
}

/* Lesson i, in the order the log first names them. */
const struct progress_lesson *
progress_lesson_at(const struct progress *p, size_t i)
{
	return (i < p->nlessons ? p->lessons[i] : NULL);
}

/* What the log says about track/lesson, or NULL when it names it nowhere
 * (a new lesson). */
const struct progress_lesson *
progress_lesson(const struct progress *p, const char *track,
    const char *lesson)
{
	return (find_lesson(p, track, lesson));
}

/* The lesson the learner was last on (that of the last event), to resume
 * it; NULL for an empty log. */
const struct progress_lesson *
progress_last(const struct progress *p)
{
	return (p->last);
}

/* Keep the names of the .go files that are not hidden. */
static int
go_file(const struct dirent *de)
{
	size_t	n = strlen(de->d_name);

	return (de->d_name[0] != '.' && n > 3 &&
	    strcmp(de->d_name + n - 3, ".go") == 0);
}

/* Sort names bytewise, whatever the locale. */
static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return (strcmp((*a)->d_name, (*b)->d_name));
}

/* Read the file at path into *buf, of *len bytes; the caller frees. */
static int
read_file(const char *path, char **buf, size_t *len, char **cause)
{
	int	fd, r;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return (-1);
	}
	r = read_all(path, fd, buf, len, cause);
	close(fd);
	return (r);
}

/*
 * The hash of the learner's code at path, into *hash: FNV-1a 64 of the
 * file's bytes, or for a folder, of each regular *.go file that is not
 * hidden, sorted by name: its name, a NUL, its size in decimal, a NUL and
 * its bytes.
 */
int
progress_hash_code(const char *path, uint64_t *hash, char **cause)
{
	struct dirent	**names = NULL;
	struct stat	  st;
	uint64_t	  h = PROGRESS_FNV_OFFSET;
	char		 *full, *buf, size[32];
	size_t		  len;
	int		  n, i, r = -1;

	if (stat(path, &st) == -1) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return (-1);
	}
	if (!S_ISDIR(st.st_mode)) {
		if (read_file(path, &buf, &len, cause) != 0)
			return (-1);
		*hash = progress_fnv1a(h, buf, len);
		free(buf);
		return (0);
	}
	if ((n = scandir(path, &names, go_file, by_name)) == -1) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return (-1);
	}
	for (i = 0; i < n; i++) {
		full = xasprintf("%s/%s", path, names[i]->d_name);
		if (stat(full, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(full);
			continue;
		}
		if (read_file(full, &buf, &len, cause) != 0) {
			free(full);
			goto out;
		}
		free(full);
		h = progress_fnv1a(h, names[i]->d_name,
		    strlen(names[i]->d_name) + 1);
		snprintf(size, sizeof size, "%zu", len);
		h = progress_fnv1a(h, size, strlen(size) + 1);
		h = progress_fnv1a(h, buf, len);
		free(buf);
	}
	*hash = h;
	r = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return (r);
}
