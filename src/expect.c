/*
 * expect: compare what a program printed with what a lesson expects, in
 * the lesson format's five ways (exact, trimmed, regex, lines, contains),
 * and show a mismatch as a short line diff.
 */

#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "expect.h"
#include "xmalloc.h"

#define DIFF_MAX_LINES	400	/* beyond this, only the first difference */

/* Lines of a text, each without its newline or trailing white space. */
struct lines {
	char	**v;
	size_t	  n;
};

/* Split text into lines; trim trailing white space when asked. */
static void
split(const char *text, size_t len, int trim, struct lines *ls)
{
	const char	*p = text, *end = text + len, *nl;
	size_t		 n;

	ls->v = NULL;
	ls->n = 0;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		while (trim && n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
		    p[n - 1] == '\r'))
			n--;
		ls->v = xreallocarray(ls->v, ls->n + 1, sizeof *ls->v);
		ls->v[ls->n++] = xstrndup(p, n);
		p = nl != NULL ? nl + 1 : end;
	}
	/* Trailing blank lines do not count when trimming. */
	while (trim && ls->n > 0 && ls->v[ls->n - 1][0] == '\0')
		free(ls->v[--ls->n]);
}

static void
lines_free(struct lines *ls)
{
	size_t	i;

	for (i = 0; i < ls->n; i++)
		free(ls->v[i]);
	free(ls->v);
}

static int
line_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Are two line lists equal, in order (or as multisets when sorted)? */
static int
lines_equal(struct lines *a, struct lines *b, int sorted)
{
	size_t	i;

	if (a->n != b->n)
		return (0);
	if (sorted) {
		qsort(a->v, a->n, sizeof *a->v, line_cmp);
		qsort(b->v, b->n, sizeof *b->v, line_cmp);
	}
	for (i = 0; i < a->n; i++) {
		if (strcmp(a->v[i], b->v[i]) != 0)
			return (0);
	}
	return (1);
}

/* Does the pattern match the whole of got? -1 with *err on a bad one. */
static int
regex_whole(const char *pattern, const char *got, size_t len, char **err)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_UCHAR		 msg[256];
	PCRE2_SIZE		 off;
	int			 rc, m;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &rc, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(rc, msg, sizeof msg);
		*err = xasprintf("invalid regular expression at offset %zu: %s",
		    (size_t)off, (char *)msg);
		return (-1);
	}
	md = pcre2_match_data_create_from_pattern(re, NULL);
	m = pcre2_match(re, (PCRE2_SPTR)got, len, 0, PCRE2_NO_UTF_CHECK, md,
	    NULL) >= 0;
	if (!m)	/* output that is not UTF-8 is checked as it is */
		m = pcre2_match(re, (PCRE2_SPTR)got, len, 0, 0, md, NULL) >= 0;
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return (m);
}

/*
 * Compare got (len bytes) with want in the given way. Return 1 when it
 * matches, 0 when not (with *why set to a diff or an explanation), or -1
 * when want itself is bad (with *why set). The caller frees *why.
 */
int
expect_output(enum match mode, const char *want, const char *got,
    size_t len, char **why)
{
	struct lines	a, b;
	int		r;

	*why = NULL;
	switch (mode) {
	case MATCH_EXACT:
		r = strlen(want) == len && memcmp(want, got, len) == 0;
		break;
	case MATCH_CONTAINS:
		r = memmem(got, len, want, strlen(want)) != NULL;
		if (!r)
			*why = xasprintf("the output does not contain:\n%s",
			    want);
		return (r);
	case MATCH_REGEX:
		if ((r = regex_whole(want, got, len, why)) == 0)
			*why = xasprintf("the output does not match the "
			    "pattern:\n%s", want);
		return (r);
	case MATCH_LINES:
	case MATCH_TRIMMED:
	default:
		split(want, strlen(want), 1, &a);
		split(got, len, 1, &b);
		r = lines_equal(&a, &b, mode == MATCH_LINES);
		lines_free(&a);
		lines_free(&b);
		break;
	}
	if (!r)
		*why = expect_diff(want, got, len);
	return (r);
}

/* Append one diff line, "Cline\n", to the growing buffer. */
static void
put(char **out, size_t *cap, size_t *used, int c, const char *line)
{
	size_t	n = strlen(line) + 2;

	while (*used + n + 1 > *cap)
		*out = xreallocarray(*out, *cap *= 2, 1);
	(*out)[(*used)++] = (char)c;
	memcpy(*out + *used, line, n - 2);
	*used += n - 2;
	(*out)[(*used)++] = '\n';
	(*out)[*used] = '\0';
}

/*
 * A line diff of want against got: "-" for a wanted line that is missing,
 * "+" for a printed line that was not wanted, " " around them. The caller
 * frees it.
 */
char *
expect_diff(const char *want, const char *got, size_t len)
{
	struct lines	 a, b;
	size_t		 i, j, n, m, *d, cap = 256, used = 0;
	char		*out = xmalloc(cap);


	split(want, strlen(want), 0, &a);
	split(got, len, 0, &b);
	n = a.n < DIFF_MAX_LINES ? a.n : DIFF_MAX_LINES;
	m = b.n < DIFF_MAX_LINES ? b.n : DIFF_MAX_LINES;
	/* d[i][j]: the longest common subsequence of a[i..] and b[j..]. */
	d = xcalloc((n + 1) * (m + 1), sizeof *d);
	for (i = n; i-- > 0;) {
		for (j = m; j-- > 0;) {
			if (strcmp(a.v[i], b.v[j]) == 0)
				d[i * (m + 1) + j] = d[(i + 1) * (m + 1) + j + 1] + 1;
			else
				d[i * (m + 1) + j] = d[(i + 1) * (m + 1) + j] >
				    d[i * (m + 1) + j + 1] ?
				    d[(i + 1) * (m + 1) + j] :
				    d[i * (m + 1) + j + 1];
		}
	}
	out[0] = '\0';
	for (i = j = 0; i < n || j < m;) {
		if (i < n && j < m && strcmp(a.v[i], b.v[j]) == 0) {
			put(&out, &cap, &used, ' ', a.v[i]);
			i++, j++;
		} else if (i < n && (j == m || d[(i + 1) * (m + 1) + j] >=
		    d[i * (m + 1) + j + 1])) {
			put(&out, &cap, &used, '-', a.v[i]);
			i++;
		} else {
			put(&out, &cap, &used, '+', b.v[j]);
			j++;
		}
	}
	if (a.n > n || b.n > m)
		put(&out, &cap, &used, ' ', "...");
	free(d);
	lines_free(&a);
	lines_free(&b);
	return (out);
}
