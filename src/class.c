/* class: a classroom directory: its state, its roster and its learners. */

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "class.h"
#include "json.h"
#include "jsonread.h"
#include "xmalloc.h"

/* The modes, described in share/classroom.md. */
#define MODE_DIR	02751	/* staff list it; learners pass through */
#define MODE_LEARNERS	03753	/* learners add their own, list none */
#define MODE_STATE	0644	/* everyone reads what the instructor says */
#define MODE_ROSTER	0640	/* names and emails: staff only */
#define MODE_LOG	0640	/* a learner's log: them and the staff */

#define ROSTER_MAX	(4 * 1024 * 1024)

/* Add a warning to c. */
static void __attribute__((format(printf, 2, 3)))
add_warning(struct class *c, const char *fmt, ...)
{
	va_list	ap;

	c->warnings = xreallocarray(c->warnings, c->nwarnings + 1,
	    sizeof *c->warnings);
	va_start(ap, fmt);
	c->warnings[c->nwarnings++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Whether s is a login gotutor accepts as a file name: what useradd takes
 * by default, [a-z_][a-z0-9_.-]*, at most 32 bytes. */
static int
good_login(const char *s)
{
	size_t	i;

	if (*s == '\0' || strlen(s) > 32 || !(islower((u_char)*s) ||
	    *s == '_'))
		return (0);
	for (i = 1; s[i] != '\0'; i++)
		if (!islower((u_char)s[i]) && !isdigit((u_char)s[i]) &&
		    strchr("_.-", s[i]) == NULL)
			return (0);
	return (1);
}

/* The calling user's login; NULL with *cause set if it has none. */
const char *
class_login(char **cause)
{
	struct passwd	*pw;

	if ((pw = getpwuid(geteuid())) == NULL) {
		*cause = xasprintf("cannot find the login of uid %u",
		    (unsigned)geteuid());
		return (NULL);
	}
	return (pw->pw_name);
}

/* Milliseconds since the epoch. */
static uint64_t
now_ms(void)
{
	struct timeval	tv;

	gettimeofday(&tv, NULL);
	return ((uint64_t)tv.tv_sec * 1000 + (uint64_t)tv.tv_usec / 1000);
}

/* Read the whole of path into an allocated, NUL-terminated buffer. */
static char *
slurp(const char *path, size_t max, size_t *len, char **cause)
{
	struct stat	 st;
	char		*buf;
	ssize_t		 n;
	size_t		 have = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		*cause = xasprintf("cannot open %s: %s", path, strerror(errno));
		return (NULL);
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size > max) {
		*cause = xasprintf("cannot read %s: %s", path,
		    !S_ISREG(st.st_mode) ? "not a regular file" :
		    "it is too big");
		close(fd);
		return (NULL);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (have < (size_t)st.st_size &&
	    (n = read(fd, buf + have, (size_t)st.st_size - have)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			*cause = xasprintf("cannot read %s: %s", path,
			    strerror(errno));
			free(buf);
			close(fd);
			return (NULL);
		}
		have += (size_t)n;
	}
	close(fd);
	buf[have] = '\0';
	*len = have;
	return (buf);
}

/* Free what a state holds. */
void
class_state_free(struct class_state *s)
{
	size_t	i;

	free(s->track);
	for (i = 0; i < s->nsolutions; i++)
		free(s->solutions[i]);
	free(s->solutions);
	for (i = 0; i < s->nannouncements; i++)
		free(s->announcements[i].text);
	free(s->announcements);
	memset(s, 0, sizeof *s);
}

/* Fill s from the class.json tree j; NULL, or why it is wrong. */
static const char *
state_from(const struct jnode *j, struct class_state *s)
{
	const struct jnode	*a, *k;
	const char		*track;
	size_t			 i;

	if (j->type != JNODE_OBJECT)
		return ("it is not a JSON object");
	if (jsonread_int(j, "version", -1) != CLASS_VERSION)
		return ("its version is not 1 (written by another gotutor?)");
	if ((track = jsonread_str(j, "track", NULL)) == NULL || *track == '\0')
		return ("it names no track");
	s->track = xstrdup(track);
	if (jsonread_int(j, "pace", -1) < 0 ||
	    jsonread_int(j, "pace", -1) > 100000)
		return ("its pace is not a number of lessons");
	s->pace = (unsigned)jsonread_int(j, "pace", 0);
	s->frozen = jsonread_bool(j, "frozen", 0);
	if ((a = jsonread_get(j, "solutions")) != NULL) {
		if (a->type != JNODE_ARRAY)
			return ("its solutions are not a list");
		s->solutions = xreallocarray(NULL, a->n + 1,
		    sizeof *s->solutions);
		for (i = 0; i < a->n; i++) {
			if (a->kids[i]->type != JNODE_STRING)
				return ("a solution is not a lesson id");
			s->solutions[s->nsolutions++] =
			    xstrdup(a->kids[i]->str);
		}
	}
	if ((a = jsonread_get(j, "announcements")) != NULL) {
		if (a->type != JNODE_ARRAY)
			return ("its announcements are not a list");
		s->announcements = xreallocarray(NULL, a->n + 1,
		    sizeof *s->announcements);
		for (i = 0; i < a->n; i++) {
			k = a->kids[i];
			if (k->type != JNODE_OBJECT ||
			    jsonread_str(k, "text", NULL) == NULL ||
			    jsonread_int(k, "ts", -1) < 0)
				return ("an announcement lacks its ts or text");
			s->announcements[s->nannouncements].ts_ms =
			    (uint64_t)jsonread_int(k, "ts", 0);
			s->announcements[s->nannouncements++].text =
			    xstrdup(jsonread_str(k, "text", ""));
		}
	}
	return (NULL);
}

/* Read DIR/class.json into s (free it with class_state_free). */
int
class_read_state(const char *dir, struct class_state *s, char **cause)
{
	struct jnode	*j;
	const char	*why;
	char		*path, *buf, *jcause = NULL;
	size_t		 len;

	memset(s, 0, sizeof *s);
	path = xasprintf("%s/class.json", dir);
	if ((buf = slurp(path, JSONREAD_MAX_SIZE, &len, cause)) == NULL) {
		if (errno == ENOENT && access(dir, F_OK) == 0) {
			free(*cause);
			*cause = xasprintf("%s is not a class: it has no "
			    "class.json (made by gotutor class init)", dir);
		} else if (access(dir, F_OK) != 0) {
			free(*cause);
			*cause = xasprintf("cannot open the class %s: %s", dir,
			    strerror(errno));
		}
		free(path);
		return (-1);
	}
	if ((j = jsonread_parse(buf, len, &jcause)) == NULL) {
		*cause = xasprintf("%s: %s", path, jcause);
		free(jcause);
		goto fail;
	}
	if ((why = state_from(j, s)) != NULL) {
		*cause = xasprintf("%s: %s", path, why);
		jsonread_free(j);
		class_state_free(s);
		goto fail;
	}
	jsonread_free(j);
	free(buf);
	free(path);
	return (0);
fail:
	free(buf);
	free(path);
	return (-1);
}

/* Make the entries of dir durable. */
static int
sync_dir(const char *dir, char **cause)
{
	int	fd;

	/* A folder one may add to but not list (learners/, for a learner)
	 * cannot be synced: its journal keeps the name. */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 &&
	    errno == EACCES)
		return (0);
	if (fd == -1 || fsync(fd) == -1) {
		*cause = xasprintf("cannot sync %s: %s", dir, strerror(errno));
		if (fd != -1)
			close(fd);
		return (-1);
	}
	close(fd);
	return (0);
}

/*
 * Replace dir/name with text, atomically: a temporary file in dir with
 * mode, written, synced and renamed over name, then dir synced. A reader
 * sees the old file or the new one, never a part.
 */
static int
replace_file(const char *dir, const char *name, const char *text, size_t len,
    mode_t mode, char **cause)
{
	char	*tmp, *path;
	ssize_t	 n;
	size_t	 done = 0;
	int	 fd;

	tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	path = xasprintf("%s/%s", dir, name);
	if ((fd = mkstemp(tmp)) == -1) {
		*cause = xasprintf("cannot write in %s: %s", dir,
		    strerror(errno));
		goto fail;
	}
	while (done < len) {
		if ((n = write(fd, text + done, len - done)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)n;
	}
	if (done != len || fchmod(fd, mode) == -1 || fsync(fd) == -1) {
		*cause = xasprintf("cannot write %s: %s", tmp, strerror(errno));
		goto fail_unlink;
	}
	if (close(fd) == -1) {
		fd = -1;
		*cause = xasprintf("cannot write %s: %s", tmp, strerror(errno));
		goto fail_unlink;
	}
	fd = -1;
	if (rename(tmp, path) == -1) {
		*cause = xasprintf("cannot rename %s to %s: %s", tmp, path,
		    strerror(errno));
		goto fail_unlink;
	}
	free(tmp);
	free(path);
	return (sync_dir(dir, cause));
fail_unlink:
	if (fd != -1)
		close(fd);
	unlink(tmp);
fail:
	free(tmp);
	free(path);
	return (-1);
}

/* Write s as DIR/class.json, atomically. */
int
class_write_state(const char *dir, const struct class_state *s, char **cause)
{
	struct json	 j;
	FILE		*f;
	char		*buf = NULL;
	size_t		 len = 0, i;
	int		 r;

	if ((f = open_memstream(&buf, &len)) == NULL) {
		*cause = xasprintf("cannot write class.json: %s",
		    strerror(errno));
		return (-1);
	}
	json_init(&j, f);
	json_object(&j);
	json_key(&j, "version");
	json_int(&j, CLASS_VERSION);
	json_key(&j, "track");
	json_string(&j, s->track);
	json_key(&j, "pace");
	json_uint(&j, s->pace);
	json_key(&j, "frozen");
	json_bool(&j, s->frozen);
	json_key(&j, "solutions");
	json_array(&j);
	for (i = 0; i < s->nsolutions; i++)
		json_string(&j, s->solutions[i]);
	json_end(&j, ']');
	json_key(&j, "announcements");
	json_array(&j);
	for (i = 0; i < s->nannouncements; i++) {
		json_object(&j);
		json_key(&j, "ts");
		json_uint(&j, s->announcements[i].ts_ms);
		json_key(&j, "text");
		json_string(&j, s->announcements[i].text);
		json_end(&j, '}');
	}
	json_end(&j, ']');
	json_end(&j, '}');
	fclose(f);
	r = replace_file(dir, "class.json", buf, len, MODE_STATE, cause);
	free(buf);
	return (r);
}

/*
 * Change the class's state: under an exclusive lock on DIR/.lock (so that
 * the dashboard and a script do not lose each other's changes), read it,
 * let fn change it, and write it back atomically. fn returns 0, or -1 with
 * *cause set to leave the state as it was.
 */
static int
class_update(const char *dir, int (*fn)(struct class_state *, void *,
    char **), void *arg, char **cause)
{
	struct class_state	 s;
	char			*lock;
	int			 fd, r = -1;

	lock = xasprintf("%s/.lock", dir);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1) {
		*cause = xasprintf("cannot open %s: %s%s", lock,
		    strerror(errno), errno == EACCES ?
		    " (only the class's instructor may change it)" : "");
		free(lock);
		return (-1);
	}
	free(lock);
	while (flock(fd, LOCK_EX) == -1 && errno == EINTR)
		;
	if (class_read_state(dir, &s, cause) == 0) {
		if (fn(&s, arg, cause) == 0)
			r = class_write_state(dir, &s, cause);
		class_state_free(&s);
	}
	close(fd);
	return (r);
}

/* Add an announcement to s, dropping the oldest past CLASS_MAX_ANNOUNCE. */
static int
announce(struct class_state *s, void *arg, char **cause)
{
	const char	*text = arg;
	size_t	i;

	if (s->nannouncements == CLASS_MAX_ANNOUNCE) {
		free(s->announcements[0].text);
		for (i = 1; i < s->nannouncements; i++)
			s->announcements[i - 1] = s->announcements[i];
		s->nannouncements--;
	}
	s->announcements = xreallocarray(s->announcements,
	    s->nannouncements + 1, sizeof *s->announcements);
	s->announcements[s->nannouncements].ts_ms = now_ms();
	s->announcements[s->nannouncements++].text = xstrdup(text);
	(void)cause;
	return (0);
}

/* Post an announcement (one line, at most CLASS_ANNOUNCE_MAX bytes). */
int
class_post(const char *dir, const char *text, char **cause)
{
	char	*line;
	size_t	 i;
	int	 r;

	if (*text == '\0' || strlen(text) > CLASS_ANNOUNCE_MAX) {
		*cause = xasprintf("an announcement is 1 to %d bytes",
		    CLASS_ANNOUNCE_MAX);
		return (-1);
	}
	line = xstrdup(text);
	for (i = 0; line[i] != '\0'; i++)
		if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
			line[i] = ' ';
	r = class_update(dir, announce, line, cause);
	free(line);
	return (r);
}

/* What set_pace does. */
struct pace_arg {
	int		 relative;	/* n is added to the pace */
	unsigned	 n;
	unsigned	 total;		/* lessons in the track */
	unsigned	 pace;		/* what it became */
};

/* Set the pace; a pace of total or more is "all" (0). */
static int
set_pace(struct class_state *s, void *arg, char **cause)
{
	struct pace_arg	*p = arg;
	unsigned long	 n = p->n;

	if (p->relative)
		n += s->pace == 0 ? p->total : s->pace;
	if (n == 0 || (!p->relative && n > p->total)) {
		*cause = xasprintf("the track has lessons 1 to %u, not %lu",
		    p->total, n);
		return (-1);
	}
	s->pace = p->pace = n >= p->total ? 0 : (unsigned)n;
	return (0);
}

/*
 * Open lessons 1 to n of the class's track of total lessons (or n more
 * than now when relative; 0: all of them). Set *pace to the new pace (0:
 * all).
 */
int
class_set_pace(const char *dir, int relative, unsigned n, unsigned total,
    unsigned *pace, char **cause)
{
	struct pace_arg	p = { relative, n, total, 0 };

	if (!relative && n == 0)
		p.n = total;
	if (class_update(dir, set_pace, &p, cause) != 0)
		return (-1);
	*pace = p.pace;
	return (0);
}

/* Freeze the class (arg non-NULL) or let it go. */
static int
set_frozen(struct class_state *s, void *arg, char **cause)
{
	(void)cause;
	s->frozen = arg != NULL;
	return (0);
}

/* Freeze the class (on): no learner's checks run; or let them run. */
int
class_set_frozen(const char *dir, int on, char **cause)
{
	return (class_update(dir, set_frozen, on ? (void *)dir : NULL, cause));
}

/* What allow_solution does. */
struct solution_arg {
	const char	*lesson;
	int		 on;
};

/* Allow or withdraw a lesson's solution in s. */
static int
allow_solution(struct class_state *s, void *arg, char **cause)
{
	struct solution_arg	*sa = arg;
	const char		*lesson = sa->lesson;
	int			 on = sa->on;
	size_t			 i;

	(void)cause;
	for (i = 0; i < s->nsolutions; i++) {
		if (strcmp(s->solutions[i], lesson) != 0)
			continue;
		if (!on) {
			free(s->solutions[i]);
			s->solutions[i] = s->solutions[--s->nsolutions];
		}
		return (0);
	}
	if (!on)
		return (0);
	s->solutions = xreallocarray(s->solutions, s->nsolutions + 1,
	    sizeof *s->solutions);
	s->solutions[s->nsolutions++] = xstrdup(lesson);
	return (0);
}

/* Let the learners see lesson's solution (on), or not. */
int
class_set_solution(const char *dir, const char *lesson, int on, char **cause)
{
	struct solution_arg	sa = { lesson, on };

	return (class_update(dir, allow_solution, &sa, cause));
}

/* Why the pace keeps lesson number index (from 0) of track locked, or
 * NULL when it is open. */
char *
class_locked(const struct class_state *s, const char *track, size_t index)
{
	if (s->pace == 0 || strcmp(track, s->track) != 0 || index < s->pace)
		return (NULL);
	if (s->pace == 1)
		return (xstrdup("the instructor has opened lesson 1 so far"));
	return (xasprintf("the instructor has opened lessons 1-%u so far",
	    s->pace));
}

/* Whether the instructor allowed lesson's solution. */
int
class_solution_allowed(const struct class_state *s, const char *lesson)
{
	size_t	i;

	for (i = 0; i < s->nsolutions; i++)
		if (strcmp(s->solutions[i], lesson) == 0)
			return (1);
	return (0);
}

/* Find login among c's learners, or NULL. */
static struct class_learner *
find_learner(struct class *c, const char *login)
{
	size_t	i;

	for (i = 0; i < c->nlearners; i++)
		if (strcmp(c->learners[i].login, login) == 0)
			return (&c->learners[i]);
	return (NULL);
}

/* Add a learner called login to c. */
static struct class_learner *
add_learner(struct class *c, const char *login)
{
	struct class_learner	*l;

	c->learners = xreallocarray(c->learners, c->nlearners + 1,
	    sizeof *c->learners);
	l = &c->learners[c->nlearners++];
	memset(l, 0, sizeof *l);
	l->login = xstrdup(login);
	return (l);
}

/*
 * Split one CSV line (RFC 4180 quoting, no newlines inside quotes) into at
 * most max fields, in place. Return the number of fields, or -1 with *col
 * at the column of a bad quote.
 */
static int
split_csv(char *line, char **fields, int max, size_t *col)
{
	char	*r = line, *w;
	int	 n = 0;

	for (;;) {
		if (n == max)
			return (max + 1);
		fields[n++] = w = r;
		if (*r == '"') {
			r++;
			for (;;) {
				if (*r == '\0') {
					*col = (size_t)(fields[n - 1] - line) + 1;
					return (-1);
				}
				if (*r == '"' && r[1] == '"') {
					*w++ = '"';
					r += 2;
				} else if (*r == '"') {
					r++;
					break;
				} else
					*w++ = *r++;
			}
			if (*r != ',' && *r != '\0') {
				*col = (size_t)(r - line) + 1;
				return (-1);
			}
		} else {
			while (*r != ',' && *r != '\0')
				*w++ = *r++;
		}
		if (*r == '\0') {
			*w = '\0';
			return (n);
		}
		r++;
		*w = '\0';
	}
}

/* Trim spaces at both ends of s, in place. */
static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return (s);
}

/*
 * Read the roster at path (CSV: login,name,email; a first line starting
 * "login" is a header; blank lines and lines starting # are skipped) into
 * c's learners. A bad line is an error when strict, else a warning.
 */
static int
read_roster(struct class *c, const char *path, int strict, char **cause)
{
	struct class_learner	*l;
	char			*buf, *line, *next, *f[4], *why;
	size_t			 len, lineno = 0, col = 1;
	int			 n;

	if ((buf = slurp(path, ROSTER_MAX, &len, cause)) == NULL)
		return (-1);
	if (memchr(buf, '\0', len) != NULL) {
		*cause = xasprintf("%s: it holds a NUL byte: it is not a CSV "
		    "file", path);
		free(buf);
		return (-1);
	}
	for (line = buf; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line = trim(line);
		if (*line == '\0' || *line == '#')
			continue;
		why = NULL;
		n = split_csv(line, f, 3, &col);
		if (n == -1)
			why = xasprintf("%s:%zu:%zu: a quote is not closed "
			    "or is followed by more than a comma", path, lineno,
			    col);
		else if (n > 3)
			why = xasprintf("%s:%zu: more than 3 fields (login,"
			    "name,email): quote a name that holds a comma",
			    path, lineno);
		else if (lineno == 1 && strcasecmp(trim(f[0]), "login") == 0)
			continue;
		else if (!good_login(trim(f[0])))
			why = xasprintf("%s:%zu:1: '%s' is not a login (a "
			    "lowercase letter or _, then lowercase letters, "
			    "digits, _ . or -)", path, lineno, trim(f[0]));
		else if (find_learner(c, trim(f[0])) != NULL)
			why = xasprintf("%s:%zu:1: %s is in the roster twice",
			    path, lineno, trim(f[0]));
		if (why != NULL) {
			if (strict) {
				*cause = why;
				free(buf);
				return (-1);
			}
			add_warning(c, "%s", why);
			free(why);
			continue;
		}
		l = add_learner(c, trim(f[0]));
		l->in_roster = 1;
		if (n > 1 && *trim(f[1]) != '\0')
			l->name = xstrdup(trim(f[1]));
		if (n > 2 && *trim(f[2]) != '\0')
			l->email = xstrdup(trim(f[2]));
	}
	free(buf);
	return (0);
}

/* Look at DIR/learners/name and attach it to its learner in c. */
static void
add_log(struct class *c, const char *learners, const char *name)
{
	struct class_learner	*l;
	struct passwd		*pw;
	struct stat		 st;
	char			*login, *path;
	size_t			 len = strlen(name);

	/* What learners leave beside their log. */
	if (len > 10 && strcmp(name + len - 10, ".last.json") == 0)
		return;
	path = xasprintf("%s/%s", learners, name);
	if (len <= 4 || strcmp(name + len - 4, ".log") != 0) {
		if (*name != '.')
			add_warning(c, "%s: not a learner's log (LOGIN.log); "
			    "left out", path);
		free(path);
		return;
	}
	login = xstrndup(name, len - 4);
	if ((l = find_learner(c, login)) == NULL) {
		l = add_learner(c, login);
		if (good_login(login) && c->roster)
			add_warning(c, "%s: %s is not in the roster", path,
			    login);
	}
	l->log = path;
	if (lstat(path, &st) == -1) {
		l->flag = xasprintf("cannot look at the log: %s",
		    strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		l->flag = xstrdup("the log is not a regular file (a link?)");
	} else {
		l->uid = st.st_uid;
		pw = getpwuid(st.st_uid);
		if (pw == NULL || strcmp(pw->pw_name, login) != 0)
			l->flag = xasprintf("the log belongs to %s (uid %u), "
			    "not to %s", pw != NULL ? pw->pw_name : "nobody",
			    (unsigned)st.st_uid, login);
	}
	if (l->flag != NULL)
		add_warning(c, "%s: %s: not trusted", path, l->flag);
	free(login);
}

/* Save what the learner's last check said (text: JSON) as DIR/learners/
 * LOGIN.last.json, for the instructor's dashboard. */
int
class_save_last(const char *dir, const char *text, size_t len, char **cause)
{
	const char	*login;
	char		*learners, *name;
	int		 r;

	if ((login = class_login(cause)) == NULL)
		return (-1);
	learners = xasprintf("%s/learners", dir);
	name = xasprintf("%s.last.json", login);
	r = replace_file(learners, name, text, len, MODE_LOG, cause);
	free(name);
	free(learners);
	return (r);
}

/* Order learners by login. */
static int
by_login(const void *a, const void *b)
{
	const struct class_learner	*la = a, *lb = b;

	return (strcmp(la->login, lb->login));
}

/*
 * Open the class at dir as its instructor: its state, its roster and the
 * logs in DIR/learners. Return 0 with *cp set (free it with class_free),
 * or -1. What is wrong with the roster or a log is a warning.
 */
int
class_open(const char *dir, struct class **cp, char **cause)
{
	struct class	*c;
	struct dirent	*de;
	DIR		*d;
	char		*path, *why = NULL;

	c = xcalloc(1, sizeof *c);
	c->dir = xstrdup(dir);
	if (class_read_state(dir, &c->state, cause) != 0)
		goto fail;
	path = xasprintf("%s/roster.csv", dir);
	if ((c->roster = access(path, F_OK) == 0) &&
	    read_roster(c, path, 0, &why) != 0) {
		add_warning(c, "%s", why);
		free(why);
	}
	free(path);
	path = xasprintf("%s/learners", dir);
	if ((d = opendir(path)) == NULL) {
		*cause = xasprintf("cannot list %s: %s%s", path,
		    strerror(errno), errno == EACCES ? " (only the class's "
		    "instructor and its staff group may)" : "");
		free(path);
		goto fail;
	}
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			add_log(c, path, de->d_name);
	closedir(d);
	free(path);
	if (c->nlearners > 0)
		qsort(c->learners, c->nlearners, sizeof *c->learners,
		    by_login);
	*cp = c;
	return (0);
fail:
	class_free(c);
	return (-1);
}

/* Free a class. */
void
class_free(struct class *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nlearners; i++) {
		free(c->learners[i].login);
		free(c->learners[i].name);
		free(c->learners[i].email);
		free(c->learners[i].log);
		free(c->learners[i].flag);
	}
	free(c->learners);
	for (i = 0; i < c->nwarnings; i++)
		free(c->warnings[i]);
	free(c->warnings);
	class_state_free(&c->state);
	free(c->dir);
	free(c);
}

/* Whether login is a member of the group gid (primary or supplementary). */
static int
in_group(const char *login, gid_t gid)
{
	struct passwd	*pw;
	struct group	*gr;
	char		**m;

	if ((pw = getpwnam(login)) != NULL && pw->pw_gid == gid)
		return (1);
	if ((gr = getgrgid(gid)) == NULL)
		return (0);
	for (m = gr->gr_mem; *m != NULL; m++)
		if (strcmp(*m, login) == 0)
			return (1);
	return (0);
}

/*
 * Make the class directory dir for track: class.json (pace 1: the first
 * lesson open), learners/, and roster.csv from roster (or none). The
 * directory's group is group (default: the caller's primary group): it is
 * the staff, who read every log, so no learner in the roster may be in it.
 */
int
class_init(const char *dir, const char *track, const char *roster,
    const char *group, char **cause)
{
	struct class		 tmp;
	struct class_state	 s;
	struct group		*gr;
	char			*path = NULL, *buf = NULL;
	size_t			 i, len;
	gid_t			 gid = getegid();

	memset(&tmp, 0, sizeof tmp);
	if (group != NULL) {
		if ((gr = getgrnam(group)) == NULL) {
			*cause = xasprintf("there is no group %s", group);
			return (-1);
		}
		gid = gr->gr_gid;
	}
	if (roster != NULL) {
		if (read_roster(&tmp, roster, 1, cause) != 0)
			goto fail;
		for (i = 0; i < tmp.nlearners; i++) {
			if (!in_group(tmp.learners[i].login, gid))
				continue;
			gr = getgrgid(gid);
			*cause = xasprintf("%s: %s is in the group %s, whose "
			    "members read every learner's log; give a group "
			    "of the staff only with --group", roster,
			    tmp.learners[i].login, gr != NULL ? gr->gr_name :
			    "of the class");
			goto fail;
		}
	}
	if (mkdir(dir, 0700) == -1) {
		*cause = xasprintf("cannot make %s: %s", dir, errno == EEXIST ?
		    "it exists already (a class is made in a new folder)" :
		    strerror(errno));
		goto fail;
	}
	if (chown(dir, (uid_t)-1, gid) == -1 || chmod(dir, MODE_DIR) == -1) {
		*cause = xasprintf("cannot give %s to the group: %s", dir,
		    strerror(errno));
		goto fail_rm;
	}
	path = xasprintf("%s/learners", dir);
	if (mkdir(path, 0700) == -1 || chown(path, (uid_t)-1, gid) == -1 ||
	    chmod(path, MODE_LEARNERS) == -1) {
		*cause = xasprintf("cannot make %s: %s", path, strerror(errno));
		goto fail_rm;
	}
	if (roster != NULL) {
		if ((buf = slurp(roster, ROSTER_MAX, &len, cause)) == NULL ||
		    replace_file(dir, "roster.csv", buf, len, MODE_ROSTER,
		    cause) != 0)
			goto fail_rm;
	}
	memset(&s, 0, sizeof s);
	s.track = (char *)track;
	s.pace = 1;
	if (class_write_state(dir, &s, cause) != 0)
		goto fail_rm;
	free(buf);
	free(path);
	for (i = 0; i < tmp.nlearners; i++) {
		free(tmp.learners[i].login);
		free(tmp.learners[i].name);
		free(tmp.learners[i].email);
	}
	free(tmp.learners);
	return (0);
fail_rm:
	free(path);
	path = xasprintf("%s/roster.csv", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/class.json", dir);
	unlink(path);
	free(path);
	path = xasprintf("%s/learners", dir);
	rmdir(path);
	rmdir(dir);
fail:
	free(path);
	free(buf);
	for (i = 0; i < tmp.nlearners; i++) {
		free(tmp.learners[i].login);
		free(tmp.learners[i].name);
		free(tmp.learners[i].email);
	}
	free(tmp.learners);
	return (-1);
}

/*
 * Make sure the file path in learners/ is the caller's, making it empty
 * (mode 0640) if need be. Someone else's file (or a link) of that name is
 * refused: in the sticky learners/ folder only its owner or the instructor
 * could remove it, so once it is the learner's, nobody else can swap it.
 */
static int
claim(const char *path, char **cause)
{
	struct stat	st;
	int		fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    MODE_LOG);
	if (fd != -1) {
		if (fchmod(fd, MODE_LOG) == -1 || fsync(fd) == -1) {
			*cause = xasprintf("cannot make %s: %s", path,
			    strerror(errno));
			close(fd);
			return (-1);
		}
		close(fd);
		return (0);
	}
	if (errno != EEXIST) {
		*cause = xasprintf("cannot make %s: %s%s", path,
		    strerror(errno), errno == EACCES || errno == ENOENT ?
		    " (is it a class, and are you allowed in?)" : "");
		return (-1);
	}
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 || fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid()) {
		*cause = xasprintf("%s is not yours (someone else made it): "
		    "ask your instructor to remove it", path);
		if (fd != -1)
			close(fd);
		return (-1);
	}
	close(fd);
	return (0);
}

/*
 * Join the class at dir as the calling user: claim DIR/learners/LOGIN.log
 * and LOGIN.last.json (the last check, for the dashboard) and return the
 * log's path.
 */
char *
class_join(const char *dir, char **cause)
{
	const char	*login;
	char		*path, *last;
	int		 r;

	if ((login = class_login(cause)) == NULL)
		return (NULL);
	if (!good_login(login)) {
		*cause = xasprintf("the login %s cannot name a class log",
		    login);
		return (NULL);
	}
	path = xasprintf("%s/learners/%s.log", dir, login);
	last = xasprintf("%s/learners/%s.last.json", dir, login);
	r = claim(path, cause) == 0 && claim(last, cause) == 0;
	free(last);
	if (!r) {
		free(path);
		return (NULL);
	}
	return (path);
}

/*
 * Read login's last check in the class at dir into *text (NUL-terminated;
 * free it), or set *cause: none yet, or a file that is not login's (made
 * by another learner to mislead the instructor) or is a link.
 */
int
class_read_last(const char *dir, const char *login, char **text, size_t *len,
    char **cause)
{
	struct passwd	*pw;
	struct stat	 st;
	char		*path;
	int		 fd;

	*text = NULL;
	path = xasprintf("%s/learners/%s.last.json", dir, login);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		*cause = xasprintf("no check yet (%s: %s)", path,
		    errno == ELOOP ? "a link: not trusted" : strerror(errno));
		free(path);
		return (-1);
	}
	pw = getpwnam(login);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || pw == NULL ||
	    st.st_uid != pw->pw_uid) {
		*cause = xasprintf("%s is not %s's: not trusted", path, login);
		close(fd);
		free(path);
		return (-1);
	}
	close(fd);
	*text = slurp(path, JSONREAD_MAX_SIZE, len, cause);
	free(path);
	if (*text != NULL && *len == 0) {
		free(*text);
		*text = NULL;
		*cause = xstrdup("no check yet");
	}
	return (*text != NULL ? 0 : -1);
}
