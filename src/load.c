/*
 * load: read tracks and lessons from YAML into the model, checking every
 * field. Each problem is added to a list as FILE:LINE:COL: message; loading
 * goes on after an error so that one run reports them all.
 */

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "load.h"
#include "suggest.h"
#include "xmalloc.h"
#include "yamltree.h"

#define ID_MAX_LEN	64
#define PATH_MAX_LEN	255

/* One file being loaded: where problems go, and how many it has added. */
struct loader {
	const char	*file;
	struct problems	*pb;
	size_t		 first;		/* pb->n when this file started */
};

/* Text fields: may the value be empty? */
#define TEXT_REQUIRED	0x1
#define TEXT_EMPTY_OK	0x2

/* Add a problem at node n, or at the top of the file when n is NULL. */
static void __attribute__((format(printf, 3, 4)))
err(struct loader *ld, const struct ynode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (n == NULL)
		problems_add(ld->pb, ld->file, 0, 0, "%s", msg);
	else
		problems_add(ld->pb, ld->file, n->line, n->col, "%s", msg);
	free(msg);
}

/* Has this file had any problem so far? */
static int
failed(const struct loader *ld)
{
	return (ld->pb->n > ld->first);
}

/* Check that n is a mapping; say what it should have been if not. */
static int
want_map(struct loader *ld, const struct ynode *n, const char *what)
{
	if (n->type == YNODE_MAP)
		return (1);
	err(ld, n, "%s must be a mapping of keys to values, not %s", what,
	    yamltree_kind(n));
	return (0);
}

/* Check that n is a list. */
static int
want_seq(struct loader *ld, const struct ynode *n, const char *key)
{
	if (n->type == YNODE_SEQ)
		return (1);
	err(ld, n, "\"%s\" must be a list, not %s", key, yamltree_kind(n));
	return (0);
}

/*
 * Report every key of mapping m that is not in keys (NULL-terminated), with
 * the known key it most looks like, and every key given twice.
 */
static void
check_keys(struct loader *ld, const struct ynode *m, const char *const *keys,
    const char *what)
{
	const struct ynode	*k;
	const char		*near;
	size_t			 nkeys, i, j;

	for (nkeys = 0; keys[nkeys] != NULL; nkeys++)
		;
	for (i = 0; i < m->n; i++) {
		k = m->items[2 * i];
		for (j = 0; j < i; j++) {
			if (strcmp(m->items[2 * j]->value, k->value) == 0)
				break;
		}
		if (j < i) {
			err(ld, k, "duplicate key \"%s\" (first at line %u)",
			    k->value, m->items[2 * j]->line);
			continue;
		}
		if (names_find(keys, nkeys, k->value) >= 0)
			continue;
		if ((near = suggest(k->value, keys, nkeys)) != NULL)
			err(ld, k, "unknown key \"%s\" in %s (did you mean "
			    "\"%s\"?)", k->value, what, near);
		else
			err(ld, k, "unknown key \"%s\" in %s", k->value, what);
	}
}

/* Return the value of key in m; when required and absent, say so. */
static const struct ynode *
field(struct loader *ld, const struct ynode *m, const char *key,
    int required, const char *what)
{
	const struct ynode	*v;

	if ((v = yamltree_get(m, key)) == NULL && required)
		err(ld, m, "missing required key \"%s\" in %s", key, what);
	return (v);
}

/* Is this scalar an empty plain value, as in "key:" with nothing after? */
static int
is_null(const struct ynode *n)
{
	if (n->type != YNODE_SCALAR || n->style != YSTYLE_PLAIN)
		return (0);
	return (n->len == 0 || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "null") == 0);
}

/* Check that n is usable text for key; return a copy, or NULL. */
static char *
node_text(struct loader *ld, const struct ynode *n, const char *key, int flags)
{
	if (n->type != YNODE_SCALAR) {
		err(ld, n, "\"%s\" must be text, not %s", key,
		    yamltree_kind(n));
		return (NULL);
	}
	if (strlen(n->value) != n->len) {
		err(ld, n, "\"%s\" holds a NUL byte", key);
		return (NULL);
	}
	if (is_null(n) && !(flags & TEXT_EMPTY_OK)) {
		err(ld, n, "\"%s\" has no value", key);
		return (NULL);
	}
	if (is_null(n))
		return (xstrdup(""));
	if (n->len == 0 && !(flags & TEXT_EMPTY_OK)) {
		err(ld, n, "\"%s\" is empty", key);
		return (NULL);
	}
	return (xstrdup(n->value));
}

/* Get the text value of key in m; see node_text. */
static char *
text(struct loader *ld, const struct ynode *m, const char *key, int flags,
    const char *what)
{
	const struct ynode	*v;

	if ((v = field(ld, m, key, flags & TEXT_REQUIRED, what)) == NULL)
		return (NULL);
	return (node_text(ld, v, key, flags));
}

/* Check a slug: lowercase letters, digits and dashes. */
static char *
slug(struct loader *ld, const struct ynode *m, const char *key,
    struct pos *pos, const char *what)
{
	const struct ynode	*v = yamltree_get(m, key);
	char			*s;
	size_t			 i;

	if ((s = text(ld, m, key, TEXT_REQUIRED, what)) == NULL)
		return (NULL);
	pos->line = v->line;
	pos->col = v->col;
	for (i = 0; s[i] != '\0'; i++) {
		if (!(s[i] >= 'a' && s[i] <= 'z') &&
		    !(s[i] >= '0' && s[i] <= '9') && !(s[i] == '-' && i > 0))
			break;
	}
	if (s[i] != '\0' || i > ID_MAX_LEN) {
		err(ld, v, "malformed %s \"%s\": use lowercase letters, digits "
		    "and dashes, at most %d, such as \"errors-are-values\"",
		    key, s, ID_MAX_LEN);
		free(s);
		return (NULL);
	}
	return (s);
}

/* Look name up in an enum's names; report it, with a suggestion, if absent. */
static int
enum_value(struct loader *ld, const struct ynode *n, const char *kind,
    const char *const *names, size_t count)
{
	const char	*near;
	char		*choices;
	int		 i;

	if (n->type != YNODE_SCALAR || is_null(n)) {
		err(ld, n, "a %s must be a name, not %s", kind,
		    n->type == YNODE_SCALAR ? "empty" : yamltree_kind(n));
		return (-1);
	}
	if ((i = names_find(names, count, n->value)) >= 0)
		return (i);
	if ((near = suggest(n->value, names, count)) != NULL) {
		err(ld, n, "unknown %s \"%s\" (did you mean \"%s\"?)", kind,
		    n->value, near);
		return (-1);
	}
	choices = names_join(names, count);
	err(ld, n, "unknown %s \"%s\" (use one of: %s)", kind, n->value,
	    choices);
	free(choices);
	return (-1);
}

/*
 * Read a list of enum names into a bit set. Each must be one of the allowed
 * bits of names[0..count); return the set, with problems added as found.
 */
static unsigned
enum_set(struct loader *ld, const struct ynode *v, const char *key,
    const char *kind, const char *const *names, size_t count, unsigned allowed,
    const char *why)
{
	const struct ynode	*item;
	unsigned		 set = 0;
	size_t			 i;
	int			 e;

	if (!want_seq(ld, v, key))
		return (0);
	for (i = 0; i < v->n; i++) {
		item = v->items[i];
		if ((e = enum_value(ld, item, kind, names, count)) < 0)
			continue;
		if (!(allowed & (1u << e)))
			err(ld, item, "\"%s\" cannot be listed in %s: %s",
			    item->value, key, why);
		else if (set & (1u << e))
			err(ld, item, "%s \"%s\" is listed twice", kind,
			    item->value);
		set |= 1u << e;
	}
	return (set);
}

/*
 * Compile a PCRE2 pattern to check it. On error, point at the offending
 * character where the scalar is written on one line without escapes.
 */
static void
check_regex(struct loader *ld, const struct ynode *n, const char *pattern,
    uint32_t options)
{
	pcre2_code	*code;
	PCRE2_UCHAR	 msg[256];
	PCRE2_SIZE	 off;
	int		 rc;
	unsigned	 col;

	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    options | PCRE2_UTF, &rc, &off, NULL);
	if (code != NULL) {
		pcre2_code_free(code);
		return;
	}
	if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
		strcpy((char *)msg, "unknown error");
	col = n->col;
	if (n->end_line == n->line && strchr(pattern, '\'') == NULL &&
	    (n->style == YSTYLE_PLAIN || n->style == YSTYLE_SINGLE))
		col += (unsigned)off + (n->style == YSTYLE_SINGLE);
	problems_add(ld->pb, ld->file, n->line, col,
	    "invalid regular expression at offset %zu: %s", (size_t)off,
	    (const char *)msg);
}

/* Read a list of traps. */
static void
traps(struct loader *ld, const struct ynode *v, struct trapset *ts)
{
	static const char *const keys[] = { "pattern", "advice", NULL };
	const struct ynode	*item;
	struct trap		*t;
	size_t			 i;

	if (!want_seq(ld, v, "traps"))
		return;
	ts->v = xcalloc(v->n, sizeof *ts->v);
	for (i = 0; i < v->n; i++) {
		item = v->items[i];
		if (!want_map(ld, item, "a trap"))
			continue;
		check_keys(ld, item, keys, "a trap");
		t = &ts->v[ts->n];
		t->pattern = text(ld, item, "pattern", TEXT_REQUIRED, "a trap");
		t->advice = text(ld, item, "advice", TEXT_REQUIRED, "a trap");
		t->pos.line = item->line;
		t->pos.col = item->col;
		if (t->pattern != NULL)
			check_regex(ld, yamltree_get(item, "pattern"),
			    t->pattern, PCRE2_MULTILINE);
		if (t->pattern == NULL || t->advice == NULL) {
			free(t->pattern);
			free(t->advice);
			continue;
		}
		ts->n++;
	}
}

/* Check a file path of an exercise: relative, plain, and inside it. */
static int
good_path(const char *p)
{
	const char	*c;
	int		 start = 1;

	if (*p == '\0' || strlen(p) > PATH_MAX_LEN)
		return (0);
	for (c = p; *c != '\0'; c++) {
		if (*c == '/') {
			if (start)
				return (0);
			start = 1;
			continue;
		}
		if (start && *c == '.')
			return (0);
		start = 0;
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') &&
		    !(*c >= '0' && *c <= '9') && *c != '.' && *c != '_' &&
		    *c != '-')
			return (0);
	}
	return (!start);
}

/* Does the path name a Go source file? */
static int
is_go_file(const char *p)
{
	size_t	len = strlen(p);

	return (len > 3 && strcmp(p + len - 3, ".go") == 0);
}

/* Read a mapping of paths to contents; need_go asks for a .go file. */
static void
files(struct loader *ld, const struct ynode *v, const char *key,
    struct fileset *fs, int need_go)
{
	const struct ynode	*k;
	struct srcfile		*f;
	size_t			 i;
	int			 have_go = 0;
	char			*s;

	if (v->type != YNODE_MAP) {
		err(ld, v, "\"%s\" must map file names to their content, not "
		    "%s", key, yamltree_kind(v));
		return;
	}
	if (v->n == 0) {
		err(ld, v, "\"%s\" has no files", key);
		return;
	}
	fs->v = xcalloc(v->n, sizeof *fs->v);
	for (i = 0; i < v->n; i++) {
		k = v->items[2 * i];
		if (!good_path(k->value) || strlen(k->value) != k->len) {
			err(ld, k, "bad file name \"%s\": use a relative path of "
			    "letters, digits, '.', '_', '-' and '/', with no "
			    "part starting with a dot", k->value);
			continue;
		}
		if (yamltree_get(v, k->value) != v->items[2 * i + 1]) {
			err(ld, k, "file \"%s\" is given twice", k->value);
			continue;
		}
		if ((s = node_text(ld, v->items[2 * i + 1], k->value,
		    TEXT_EMPTY_OK)) == NULL)
			continue;
		f = &fs->v[fs->n++];
		f->path = xstrdup(k->value);
		f->text = s;
		f->len = strlen(s);
		have_go |= is_go_file(f->path);
	}
	if (need_go && !have_go && !failed(ld))
		err(ld, v, "\"%s\" has no .go file", key);
}

/* Read a list of text items, such as hints or args. */
static char **
text_list(struct loader *ld, const struct ynode *v, const char *key,
    size_t *np, int flags)
{
	char	**out;
	size_t	  i;

	*np = 0;
	if (!want_seq(ld, v, key))
		return (NULL);
	if (v->n == 0 && (flags & TEXT_REQUIRED)) {
		err(ld, v, "\"%s\" must list at least one item", key);
		return (NULL);
	}
	out = xcalloc(v->n, sizeof *out);
	for (i = 0; i < v->n; i++) {
		if ((out[*np] = node_text(ld, v->items[i], key, flags)) != NULL)
			(*np)++;
	}
	return (out);
}

/* Read a duration such as 500ms or 2s. */
static int
duration(struct loader *ld, const struct ynode *v, const char *key,
    unsigned *ms)
{
	if (v->type != YNODE_SCALAR || duration_parse(v->value, ms) != 0) {
		err(ld, v, "malformed duration for \"%s\": use a number and ms "
		    "or s, such as 500ms or 2s", key);
		return (-1);
	}
	return (0);
}

/* Read exercise.expect. */
static void
expect(struct loader *ld, const struct ynode *m, struct expect *e)
{
	static const char *const keys[] = { "output", "match", "exit-code",
	    "max-wall", "detectors", NULL };
	const struct ynode	*v;
	char			*end;
	long			 code;
	int			 i;

	if (!want_map(ld, m, "expect"))
		return;
	check_keys(ld, m, keys, "expect");
	e->output = text(ld, m, "output", TEXT_EMPTY_OK, "expect");
	e->match = MATCH_TRIMMED;
	if ((v = yamltree_get(m, "match")) != NULL) {
		i = enum_value(ld, v, "match mode", match_names, MATCH__COUNT);
		if (i >= 0)
			e->match = (enum match)i;
		if (e->output == NULL)
			err(ld, v, "\"match\" needs an \"output\" to compare");
		else if (i == MATCH_REGEX)
			check_regex(ld, yamltree_get(m, "output"), e->output, 0);
	}
	if ((v = yamltree_get(m, "exit-code")) != NULL) {
		errno = 0;
		code = v->type == YNODE_SCALAR ?
		    strtol(v->value, &end, 10) : -1;
		if (v->type != YNODE_SCALAR || *v->value == '\0' ||
		    *end != '\0' || errno != 0 || code < 0 || code > 255)
			err(ld, v, "\"exit-code\" must be a whole number from 0 "
			    "to 255");
		else
			e->exit_code = (int)code;
	}
	if ((v = yamltree_get(m, "max-wall")) != NULL)
		duration(ld, v, "max-wall", &e->max_wall_ms);
	if ((v = yamltree_get(m, "detectors")) != NULL)
		e->detectors = enum_set(ld, v, "detectors", "detector",
		    category_names, CAT__COUNT, CAT_DETECTORS, "it always "
		    "fails the lesson (the detectors are vet, ignored-error, "
		    "goroutine-leak, data-race and idiom-trap)");
}

/* Read the list of known-wrong solutions. */
static void
wrongs(struct loader *ld, const struct ynode *v, struct exercise *ex)
{
	static const char *const keys[] = { "why", "diagnosis", "files", NULL };
	const struct ynode	*item, *f;
	struct wrong		*w;
	size_t			 i;
	int			 cat;

	if (!want_seq(ld, v, "wrong"))
		return;
	if (v->n == 0) {
		err(ld, v, "\"wrong\" must list at least one known-wrong "
		    "solution");
		return;
	}
	ex->wrong = xcalloc(v->n, sizeof *ex->wrong);
	for (i = 0; i < v->n; i++) {
		item = v->items[i];
		if (!want_map(ld, item, "a wrong solution"))
			continue;
		check_keys(ld, item, keys, "a wrong solution");
		w = &ex->wrong[ex->nwrong++];
		w->why = text(ld, item, "why", TEXT_REQUIRED,
		    "a wrong solution");
		if ((f = field(ld, item, "diagnosis", 1,
		    "a wrong solution")) != NULL) {
			cat = enum_value(ld, f, "category", category_names,
			    CAT__COUNT);
			if (cat >= 0)
				w->diagnosis = (enum category)cat;
		}
		if ((f = field(ld, item, "files", 1, "a wrong solution")) != NULL)
			files(ld, f, "files", &w->files, 0);
	}
}

/* Read the exercise. */
static void
exercise(struct loader *ld, const struct ynode *m, struct exercise *ex)
{
	static const char *const keys[] = { "prompt", "files", "stdin", "args",
	    "timeout", "expect", "hints", "solution", "wrong", NULL };
	const struct ynode	*v;
	const char		*what = "exercise";

	if (!want_map(ld, m, what))
		return;
	check_keys(ld, m, keys, what);
	ex->prompt = text(ld, m, "prompt", TEXT_REQUIRED, what);
	if ((v = field(ld, m, "files", 1, what)) != NULL)
		files(ld, v, "files", &ex->files, 1);
	ex->stdin_text = text(ld, m, "stdin", TEXT_EMPTY_OK, what);
	if ((v = yamltree_get(m, "args")) != NULL)
		ex->args = text_list(ld, v, "args", &ex->nargs, TEXT_EMPTY_OK);
	ex->timeout_ms = EXERCISE_DEFAULT_TIMEOUT_MS;
	if ((v = yamltree_get(m, "timeout")) != NULL &&
	    duration(ld, v, "timeout", &ex->timeout_ms) == 0 &&
	    (ex->timeout_ms == 0 || ex->timeout_ms > EXERCISE_MAX_TIMEOUT_MS))
		err(ld, v, "\"timeout\" must be above 0 and at most %ds",
		    EXERCISE_MAX_TIMEOUT_MS / 1000);
	if ((v = field(ld, m, "expect", 1, what)) != NULL) {
		expect(ld, v, &ex->expect);
		if (ex->expect.max_wall_ms >= ex->timeout_ms)
			err(ld, yamltree_get(v, "max-wall"), "\"max-wall\" must "
			    "be below the timeout (%ums)", ex->timeout_ms);
	}
	if ((v = field(ld, m, "hints", 1, what)) != NULL)
		ex->hints = text_list(ld, v, "hints", &ex->nhints,
		    TEXT_REQUIRED);
	if ((v = field(ld, m, "solution", 1, what)) != NULL)
		files(ld, v, "solution", &ex->solution, 0);
	if ((v = field(ld, m, "wrong", 1, what)) != NULL)
		wrongs(ld, v, ex);
}

/* Read the idiom programs. */
static void
idiom(struct loader *ld, const struct ynode *m, struct idiom *id)
{
	static const char *const keys[] = { "java", "python", "go", "output",
	    NULL };

	if (!want_map(ld, m, "idiom"))
		return;
	check_keys(ld, m, keys, "idiom");
	id->java = text(ld, m, "java", TEXT_REQUIRED, "idiom");
	id->python = text(ld, m, "python", TEXT_REQUIRED, "idiom");
	id->go = text(ld, m, "go", TEXT_REQUIRED, "idiom");
	id->output = text(ld, m, "output", TEXT_REQUIRED | TEXT_EMPTY_OK,
	    "idiom");
}

/* Build a lesson from a parsed document; *ok says whether it is valid. */
static struct lesson *
lesson_from_tree(struct loader *ld, const struct ynode *root)
{
	static const char *const keys[] = { "id", "title", "concepts",
	    "min-go", "idiom", "explanation", "exercise", "traps", NULL };
	const struct ynode	*v;
	struct lesson		*l;
	const char		*what = "the lesson";

	l = xcalloc(1, sizeof *l);
	l->path = xstrdup(ld->file);
	if (!want_map(ld, root, "a lesson file"))
		return (l);
	check_keys(ld, root, keys, what);
	l->id = slug(ld, root, "id", &l->id_pos, what);
	l->title = text(ld, root, "title", TEXT_REQUIRED, what);
	if ((v = field(ld, root, "concepts", 1, what)) != NULL) {
		l->concepts = enum_set(ld, v, "concepts", "concept",
		    concept_names, CONCEPT__COUNT, ~0u, "");
		if (v->type == YNODE_SEQ && v->n == 0)
			err(ld, v, "\"concepts\" must list at least one of: "
			    "basics, types, errors, collections, generics, "
			    "interfaces, concurrency, testing, tooling");
	}
	if ((v = field(ld, root, "min-go", 1, what)) != NULL &&
	    (v->type != YNODE_SCALAR ||
	    goversion_parse(v->value, &l->min_go) != 0))
		err(ld, v, "malformed Go version \"%s\": use 1.N or 1.N.P, such "
		    "as \"1.21\"", v->type == YNODE_SCALAR ? v->value : "");
	if ((v = field(ld, root, "idiom", 1, what)) != NULL)
		idiom(ld, v, &l->idiom);
	l->explanation = text(ld, root, "explanation", TEXT_REQUIRED, what);
	if ((v = field(ld, root, "exercise", 1, what)) != NULL)
		exercise(ld, v, &l->exercise);
	if ((v = yamltree_get(root, "traps")) != NULL)
		traps(ld, v, &l->traps);
	return (l);
}

/*
 * Read a whole file into *buf (NUL-terminated; the caller frees) and *len.
 * Return 0, or -1 with a problem added.
 */
static int
read_file(const char *path, char **buf, size_t *len, struct problems *pb)
{
	struct stat	 st;
	ssize_t		 r;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		problems_add(pb, path, 0, 0, "cannot open: %s", strerror(errno));
		return (-1);
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		problems_add(pb, path, 0, 0, "not a regular file");
		close(fd);
		return (-1);
	}
	if (st.st_size > YAMLTREE_MAX_SIZE) {
		problems_add(pb, path, 0, 0, "file is too large (%lld bytes; "
		    "the limit is %d)", (long long)st.st_size,
		    YAMLTREE_MAX_SIZE);
		close(fd);
		return (-1);
	}
	*buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		r = read(fd, *buf + got, (size_t)st.st_size - got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		problems_add(pb, path, 0, 0, "cannot read: %s",
		    got < (size_t)st.st_size && errno != 0 ? strerror(errno) :
		    "the file changed size while being read");
		free(*buf);
		return (-1);
	}
	(*buf)[got] = '\0';
	*len = got;
	return (0);
}

/* Parse a lesson held in buf and check it; *ok reports validity. */
static struct lesson *
lesson_parse(const char *path, const char *buf, size_t len,
    struct problems *pb, int *ok)
{
	struct loader	 ld = { path, pb, pb->n };
	struct ynode	*root;
	struct lesson	*l;

	if ((root = yamltree_parse(path, buf, len, pb)) == NULL) {
		if (!failed(&ld))
			err(&ld, NULL, "the file is empty: a lesson needs id, "
			    "title, concepts, min-go, idiom, explanation and "
			    "exercise");
		*ok = 0;
		return (NULL);
	}
	l = lesson_from_tree(&ld, root);
	yamltree_free(root);
	*ok = !failed(&ld);
	return (l);
}

/*
 * Load a lesson from len bytes of buf, named path in messages. Return it
 * (the caller frees it with lesson_free), or NULL with problems added.
 */
struct lesson *
load_lesson_buffer(const char *path, const char *buf, size_t len,
    struct problems *pb)
{
	struct lesson	*l;
	int		 ok;

	l = lesson_parse(path, buf, len, pb, &ok);
	if (!ok) {
		lesson_free(l);
		return (NULL);
	}
	return (l);
}

/* Load a lesson file; see load_lesson_buffer. */
struct lesson *
load_lesson_file(const char *path, struct problems *pb)
{
	struct lesson	*l;
	char		*buf;
	size_t		 len;

	if (read_file(path, &buf, &len, pb) != 0)
		return (NULL);
	l = load_lesson_buffer(path, buf, len, pb);
	free(buf);
	return (l);
}

/* A lesson file of a track directory, loaded whether valid or not. */
struct entry {
	struct lesson	*lesson;	/* NULL when unreadable */
	int		 ok;
	int		 listed;
};

/* Order directory entries by name. */
static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* List the lesson files of dir (every *.yaml but track.yaml), sorted. */
static char **
lesson_files(const char *dir, size_t *np, struct problems *pb)
{
	DIR		*d;
	struct dirent	*de;
	char		**v = NULL;
	size_t		 n = 0, cap = 0, len;

	*np = 0;
	if ((d = opendir(dir)) == NULL) {
		problems_add(pb, dir, 0, 0, "cannot open: %s", strerror(errno));
		return (NULL);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 5 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(de->d_name, LOAD_TRACK_FILE) == 0)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, name_cmp);
	*np = n;
	return (v);
}

/*
 * Match the track's lesson list against the lesson files: every listed id
 * must have a file, once, and every file must be listed. The valid lessons
 * go into the track in the listed order.
 */
static void
resolve_lessons(struct loader *ld, struct track *t, const struct ynode *list,
    struct entry *ents, size_t nents)
{
	const struct ynode	*item;
	const char		**ids, *near;
	size_t			 i, j;

	/* Two files with the same id: the later one is the duplicate. */
	for (i = 0; i < nents; i++) {
		for (j = 0; j < i && ents[i].lesson != NULL &&
		    ents[i].lesson->id != NULL; j++) {
			if (ents[j].lesson == NULL || ents[j].lesson->id == NULL ||
			    strcmp(ents[j].lesson->id, ents[i].lesson->id) != 0)
				continue;
			problems_add(ld->pb, ents[i].lesson->path,
			    ents[i].lesson->id_pos.line,
			    ents[i].lesson->id_pos.col,
			    "duplicate lesson id \"%s\" (also in %s:%u:%u)",
			    ents[i].lesson->id, ents[j].lesson->path,
			    ents[j].lesson->id_pos.line,
			    ents[j].lesson->id_pos.col);
			ents[i].ok = 0;
			ents[i].listed = 1;	/* no second complaint */
			break;
		}
	}
	ids = xcalloc(nents, sizeof *ids);
	for (i = 0; i < nents; i++)
		ids[i] = ents[i].lesson != NULL ? ents[i].lesson->id : NULL;

	t->lessons = xcalloc(list->n, sizeof *t->lessons);
	for (i = 0; i < list->n; i++) {
		item = list->items[i];
		if (item->type != YNODE_SCALAR || is_null(item)) {
			err(ld, item, "a lesson in \"lessons\" must be a lesson "
			    "id, not %s", item->type == YNODE_SCALAR ? "empty" :
			    yamltree_kind(item));
			continue;
		}
		for (j = 0; j < i; j++) {
			if (list->items[j]->type == YNODE_SCALAR &&
			    strcmp(list->items[j]->value, item->value) == 0)
				break;
		}
		if (j < i) {
			err(ld, item, "lesson \"%s\" is listed twice (first at "
			    "line %u)", item->value, list->items[j]->line);
			continue;
		}
		j = (size_t)names_find(ids, nents, item->value);
		if ((int)j < 0) {
			near = suggest(item->value, ids, nents);
			err(ld, item, "no lesson \"%s\" in %s%s%s%s", item->value,
			    t->dir, near != NULL ? " (did you mean \"" : "",
			    near != NULL ? near : "", near != NULL ? "\"?)" : "");
			continue;
		}
		ents[j].listed = 1;
		if (ents[j].ok) {
			t->lessons[t->nlessons++] = ents[j].lesson;
			ents[j].lesson = NULL;
		}
	}
	for (i = 0; i < nents; i++) {
		if (ents[i].lesson != NULL && ents[i].lesson->id != NULL &&
		    !ents[i].listed)
			problems_add(ld->pb, ents[i].lesson->path,
			    ents[i].lesson->id_pos.line,
			    ents[i].lesson->id_pos.col,
			    "lesson \"%s\" is not listed in %s", ents[i].lesson->id,
			    ld->file);
	}
	free(ids);
}

/* Fill in a track from its parsed track.yaml; return the lessons list. */
static const struct ynode *
track_from_tree(struct loader *ld, const struct ynode *root, struct track *t)
{
	static const char *const keys[] = { "id", "title", "from",
	    "description", "lessons", "traps", NULL };
	const struct ynode	*v, *list = NULL;
	const char		*what = "the track";
	int			 i;

	if (!want_map(ld, root, "a track file"))
		return (NULL);
	check_keys(ld, root, keys, what);
	t->id = slug(ld, root, "id", &t->id_pos, what);
	t->title = text(ld, root, "title", TEXT_REQUIRED, what);
	if ((v = field(ld, root, "from", 1, what)) != NULL &&
	    (i = enum_value(ld, v, "language", lang_names, LANG__COUNT)) >= 0)
		t->from = (enum lang)i;
	t->description = text(ld, root, "description", TEXT_REQUIRED, what);
	if ((v = field(ld, root, "lessons", 1, what)) != NULL &&
	    want_seq(ld, v, "lessons")) {
		if (v->n == 0)
			err(ld, v, "\"lessons\" must list at least one lesson id");
		list = v;
	}
	if ((v = yamltree_get(root, "traps")) != NULL)
		traps(ld, v, &t->traps);
	return (list);
}

/*
 * Load the track in dir: its track.yaml and every lesson file beside it.
 * Return the track (the caller frees it with track_free) holding its valid
 * lessons, or NULL when track.yaml itself cannot be used. Every problem,
 * in the track file or any lesson, is added to pb.
 */
struct track *
load_track(const char *dir, struct problems *pb)
{
	struct loader		 ld = { NULL, pb, pb->n };
	struct track		*t;
	struct ynode		*root = NULL;
	const struct ynode	*list;
	struct entry		*ents = NULL;
	char			*path, *buf = NULL, **names = NULL;
	size_t			 len, i, nnames = 0;

	t = xcalloc(1, sizeof *t);
	t->dir = xstrdup(dir);
	t->path = path = xasprintf("%s/%s", dir, LOAD_TRACK_FILE);
	ld.file = path;
	if (read_file(path, &buf, &len, pb) != 0)
		goto fail;
	root = yamltree_parse(path, buf, len, pb);
	free(buf);
	buf = NULL;
	if (root == NULL) {
		if (!failed(&ld))
			err(&ld, NULL, "the file is empty: a track needs id, "
			    "title, from, description and lessons");
		goto fail;
	}
	list = track_from_tree(&ld, root, t);
	if (t->id == NULL || list == NULL)
		goto fail;

	names = lesson_files(dir, &nnames, pb);
	ents = xcalloc(nnames, sizeof *ents);
	for (i = 0; i < nnames; i++) {
		if (read_file(names[i], &buf, &len, pb) != 0) {
			buf = NULL;
			continue;
		}
		ents[i].lesson = lesson_parse(names[i], buf, len, pb,
		    &ents[i].ok);
		free(buf);
		buf = NULL;
	}
	resolve_lessons(&ld, t, list, ents, nnames);
	for (i = 0; i < nnames; i++) {
		lesson_free(ents[i].lesson);
		free(names[i]);
	}
	free(ents);
	free(names);
	yamltree_free(root);
	return (t);

fail:
	free(buf);
	yamltree_free(root);
	track_free(t);
	return (NULL);
}

/* Is path a directory holding a track file? */
static int
is_track_dir(const char *path)
{
	struct stat	 st;
	char		*f;
	int		 r;

	f = xasprintf("%s/%s", path, LOAD_TRACK_FILE);
	r = stat(f, &st) == 0 && S_ISREG(st.st_mode);
	free(f);
	return (r);
}

/* Add a track to the library, unless one with its id is already there. */
static void
library_add(struct library *lib, struct track *t, struct problems *pb)
{
	struct track	*other;

	if ((other = library_find_track(lib, t->id)) != NULL) {
		problems_add(pb, t->path, t->id_pos.line, t->id_pos.col,
		    "duplicate track id \"%s\" (also in %s:%u:%u)", t->id,
		    other->path, other->id_pos.line, other->id_pos.col);
		track_free(t);
		return;
	}
	lib->tracks = xreallocarray(lib->tracks, lib->ntracks + 1,
	    sizeof *lib->tracks);
	lib->tracks[lib->ntracks++] = t;
}

/*
 * Load the tracks at path into lib: path is a track folder, or a folder
 * whose subfolders are tracks. Return the number of tracks found (loaded
 * or not), or -1 when path holds none; problems are added to pb.
 */
int
load_path(struct library *lib, const char *path, struct problems *pb)
{
	struct track	 *t;
	struct dirent	**des;
	char		 *sub;
	int		  i, n, found = 0;

	if (is_track_dir(path)) {
		if ((t = load_track(path, pb)) != NULL)
			library_add(lib, t, pb);
		return (1);
	}
	if ((n = scandir(path, &des, NULL, alphasort)) == -1) {
		problems_add(pb, path, 0, 0, "cannot open: %s", strerror(errno));
		return (-1);
	}
	for (i = 0; i < n; i++) {
		sub = xasprintf("%s/%s", path, des[i]->d_name);
		if (des[i]->d_name[0] != '.' && is_track_dir(sub)) {
			found++;
			if ((t = load_track(sub, pb)) != NULL)
				library_add(lib, t, pb);
		}
		free(sub);
		free(des[i]);
	}
	free(des);
	if (found == 0) {
		problems_add(pb, path, 0, 0, "no track here: a track is a "
		    "folder with a %s", LOAD_TRACK_FILE);
		return (-1);
	}
	return (found);
}
