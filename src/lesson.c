/*
 * lesson: the model of tracks and lessons, with the names of its enums.
 * Plain data, no I/O: load.c fills it in, everything else reads it.
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "xmalloc.h"

const char *const lang_names[LANG__COUNT] = {
	[LANG_JAVA] = "java",
	[LANG_PYTHON] = "python",
};

const char *const concept_names[CONCEPT__COUNT] = {
	[CONCEPT_BASICS] = "basics",
	[CONCEPT_TYPES] = "types",
	[CONCEPT_ERRORS] = "errors",
	[CONCEPT_COLLECTIONS] = "collections",
	[CONCEPT_GENERICS] = "generics",
	[CONCEPT_INTERFACES] = "interfaces",
	[CONCEPT_CONCURRENCY] = "concurrency",
	[CONCEPT_TESTING] = "testing",
	[CONCEPT_TOOLING] = "tooling",
};

const char *const category_names[CAT__COUNT] = {
	[CAT_COMPILE_ERROR] = "compile-error",
	[CAT_VET] = "vet",
	[CAT_IGNORED_ERROR] = "ignored-error",
	[CAT_IDIOM_TRAP] = "idiom-trap",
	[CAT_PANIC] = "panic",
	[CAT_DEADLOCK] = "deadlock",
	[CAT_GOROUTINE_LEAK] = "goroutine-leak",
	[CAT_DATA_RACE] = "data-race",
	[CAT_TIMEOUT] = "timeout",
	[CAT_TOO_SLOW] = "too-slow",
	[CAT_WRONG_OUTPUT] = "wrong-output",
	[CAT_WRONG_EXIT_CODE] = "wrong-exit-code",
	[CAT_MEMORY_LIMIT] = "memory-limit",
	[CAT_OUTPUT_LIMIT] = "output-limit",
	[CAT_SANDBOX_VIOLATION] = "sandbox-violation",
};

const char *const match_names[MATCH__COUNT] = {
	[MATCH_TRIMMED] = "trimmed",
	[MATCH_EXACT] = "exact",
	[MATCH_REGEX] = "regex",
	[MATCH_LINES] = "lines",
	[MATCH_CONTAINS] = "contains",
};

/* Parse a decimal number of at most 9 digits at *sp and move past it. */
static int
parse_small_uint(const char **sp, unsigned *out)
{
	const char	*s = *sp;
	unsigned	 v = 0;
	int		 digits = 0;

	while (isdigit((unsigned char)*s)) {
		if (++digits > 9)
			return (-1);
		v = v * 10 + (unsigned)(*s++ - '0');
	}
	if (digits == 0)
		return (-1);
	*sp = s;
	*out = v;
	return (0);
}

/* Parse "1.N" or "1.N.P" into v; return 0, or -1 when malformed. */
int
goversion_parse(const char *s, struct goversion *v)
{
	memset(v, 0, sizeof *v);
	if (parse_small_uint(&s, &v->major) != 0 || v->major != 1)
		return (-1);
	if (*s++ != '.' || parse_small_uint(&s, &v->minor) != 0)
		return (-1);
	if (*s == '.') {
		s++;
		if (parse_small_uint(&s, &v->patch) != 0)
			return (-1);
	}
	return (*s == '\0' ? 0 : -1);
}

/* Compare two versions as strcmp does. */
int
goversion_cmp(const struct goversion *a, const struct goversion *b)
{
	if (a->major != b->major)
		return (a->major < b->major ? -1 : 1);
	if (a->minor != b->minor)
		return (a->minor < b->minor ? -1 : 1);
	if (a->patch != b->patch)
		return (a->patch < b->patch ? -1 : 1);
	return (0);
}

/* Format a version as "1.21" or "1.22.3"; the caller frees. */
char *
goversion_string(const struct goversion *v)
{
	if (v->patch == 0)
		return (xasprintf("%u.%u", v->major, v->minor));
	return (xasprintf("%u.%u.%u", v->major, v->minor, v->patch));
}

/*
 * Parse a duration such as "250ms", "2s" or "1.5s" into milliseconds.
 * Return 0, or -1 when malformed, fractional milliseconds or over a day.
 */
int
duration_parse(const char *s, unsigned *ms)
{
	unsigned	whole, frac = 0, scale = 1;
	int		fdigits = 0;

	if (parse_small_uint(&s, &whole) != 0)
		return (-1);
	if (*s == '.') {
		s++;
		while (isdigit((unsigned char)*s)) {
			if (++fdigits > 3)
				return (-1);
			frac = frac * 10 + (unsigned)(*s++ - '0');
			scale *= 10;
		}
		if (fdigits == 0)
			return (-1);
	}
	if (strcmp(s, "ms") == 0) {
		if (fdigits != 0)
			return (-1);
		*ms = whole;
	} else if (strcmp(s, "s") == 0) {
		if (whole > 86400)
			return (-1);
		*ms = whole * 1000 + frac * (1000 / scale);
	} else
		return (-1);
	return (*ms > 86400000u ? -1 : 0);
}

/* Free the strings of an array of n strings, and the array. */
static void
strings_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Free the files of a set. */
static void
fileset_free(struct fileset *fs)
{
	size_t	i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].path);
		free(fs->v[i].text);
	}
	free(fs->v);
}

/* Free the traps of a set. */
static void
trapset_free(struct trapset *ts)
{
	size_t	i;

	for (i = 0; i < ts->n; i++) {
		free(ts->v[i].pattern);
		free(ts->v[i].advice);
	}
	free(ts->v);
}

/* Free a lesson and everything it owns. */
void
lesson_free(struct lesson *l)
{
	struct exercise	*ex;
	size_t		 i;

	if (l == NULL)
		return;
	ex = &l->exercise;
	free(l->path);
	free(l->id);
	free(l->title);
	free(l->idiom.java);
	free(l->idiom.python);
	free(l->idiom.go);
	free(l->idiom.output);
	free(l->explanation);
	free(ex->prompt);
	fileset_free(&ex->files);
	free(ex->stdin_text);
	strings_free(ex->args, ex->nargs);
	free(ex->expect.output);
	strings_free(ex->hints, ex->nhints);
	fileset_free(&ex->solution);
	for (i = 0; i < ex->nwrong; i++) {
		free(ex->wrong[i].why);
		fileset_free(&ex->wrong[i].files);
	}
	free(ex->wrong);
	trapset_free(&l->traps);
	free(l);
}

/* Free a track, its lessons and everything they own. */
void
track_free(struct track *t)
{
	size_t	i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nlessons; i++)
		lesson_free(t->lessons[i]);
	free(t->lessons);
	free(t->dir);
	free(t->path);
	free(t->id);
	free(t->title);
	free(t->description);
	trapset_free(&t->traps);
	free(t);
}

/* Free every track of a library and leave it empty. */
void
library_free(struct library *lib)
{
	size_t	i;

	for (i = 0; i < lib->ntracks; i++)
		track_free(lib->tracks[i]);
	free(lib->tracks);
	lib->tracks = NULL;
	lib->ntracks = 0;
}

/* Find a track by id, or NULL. */
struct track *
library_find_track(const struct library *lib, const char *id)
{
	size_t	i;

	for (i = 0; i < lib->ntracks; i++) {
		if (strcmp(lib->tracks[i]->id, id) == 0)
			return (lib->tracks[i]);
	}
	return (NULL);
}

/* Find a lesson of a track by id, or NULL. */
struct lesson *
track_find_lesson(const struct track *t, const char *id)
{
	size_t	i;

	for (i = 0; i < t->nlessons; i++) {
		if (strcmp(t->lessons[i]->id, id) == 0)
			return (t->lessons[i]);
	}
	return (NULL);
}
